import { describe, expect, it } from "vitest";
import { formatLocation, paragraphText, walkParagraphs, type Block, type Inline, type Paragraph } from "../../src/docx/model.js";
import { readDocx } from "../../src/docx/read.js";
import { buildDocx, cell, docxErrorOf, font, p, pStyled, r, row, table } from "./build-docx.js";

const read = (body: string, styles?: string) => readDocx(buildDocx(body, styles ? { styles } : {}), "t.docx");
const blocks = (body: string, styles?: string): Block[] => read(body, styles).value.blocks;
const para = (body: string, styles?: string): Paragraph => {
  const [first] = blocks(body, styles);
  if (first?.kind !== "paragraph") throw new Error("expected a paragraph first");
  return first;
};
const inlines = (body: string, styles?: string): Inline[] => para(body, styles).inlines;
const codes = (body: string): string[] => read(body).messages.map((m) => m.code);

describe("text runs", () => {
  it("merges runs split by proofErr, bookmarks, rsids and rendered page breaks", () => {
    const body = p(
      r("ดำ"),
      `<w:proofErr w:type="spellStart"/><w:bookmarkStart w:id="0" w:name="q1"/>`,
      `<w:r w:rsidR="00A1B2C3"><w:lastRenderedPageBreak/><w:t>เนิน</w:t></w:r>`,
      `<w:bookmarkEnd w:id="0"/><w:proofErr w:type="spellEnd"/>`,
      `<w:r w:rsidRPr="00FFEE11"><w:rPr><w:rFonts w:cs="TH SarabunPSK"/></w:rPr><w:t>การ</w:t></w:r>`,
    );
    // The third run has a cs font, so it differs in formatting from the first two.
    expect(inlines(body)).toEqual([
      { kind: "text", text: "ดำเนิน" },
      { kind: "text", text: "การ", font: "TH SarabunPSK" },
    ]);
    expect(codes(body)).toEqual([]);
  });

  it("equal formatting merges, different formatting splits", () => {
    const u = `<w:u w:val="single"/>`;
    expect(inlines(p(r("ชื่อ "), r("สม", u), r("ชาย", u), r(" ต่อ"), r("ท้าย", `<w:u w:val="none"/>`)))).toEqual([
      { kind: "text", text: "ชื่อ " },
      { kind: "text", text: "สมชาย", underline: true },
      { kind: "text", text: " ต่อท้าย" },
    ]);
  });

  it("keeps underline (filled blanks), highlight, shading, strike, hidden and fonts", () => {
    const body = p(
      r("หน่วยงาน: "),
      r("กรมการปกครอง", `<w:u w:val="single"/>`),
      r("______", `<w:u/>`),
      r("เลือก", `<w:highlight w:val="yellow"/>`),
      r("แรเงา", `<w:shd w:val="clear" w:color="auto" w:fill="FFFF00"/>`),
      r("ไม่ใช่", `<w:strike/>`),
      r("Q1.2", `<w:vanish/>`),
      r("x", font("TH SarabunPSK")),
    );
    expect(inlines(body)).toEqual([
      { kind: "text", text: "หน่วยงาน: " },
      { kind: "text", text: "กรมการปกครอง______", underline: true },
      { kind: "text", text: "เลือก", highlight: "yellow" },
      { kind: "text", text: "แรเงา", shading: "FFFF00" },
      { kind: "text", text: "ไม่ใช่", strike: true },
      { kind: "text", text: "Q1.2", hidden: true },
      { kind: "text", text: "x", font: "TH SarabunPSK" },
    ]);
  });

  it("tabs, breaks, no-break hyphens; Thai digits are kept as typed", () => {
    const body = p(
      r("ข้อ ๑"),
      `<w:r><w:tab/><w:t>ก</w:t><w:br/><w:t>ข</w:t><w:br w:type="page"/><w:cr/><w:noBreakHyphen/><w:t>๒๕๖๖</w:t></w:r>`,
    );
    expect(inlines(body)).toEqual([
      { kind: "text", text: "ข้อ ๑" },
      { kind: "tab" },
      { kind: "text", text: "ก" },
      { kind: "break", type: "line" },
      { kind: "text", text: "ข" },
      { kind: "break", type: "page" },
      { kind: "break", type: "line" },
      { kind: "text", text: "-๒๕๖๖" },
    ]);
  });

  it("tracked changes: insertions count, deletions and moved-away text do not", () => {
    const body = p(
      r("เดิม "),
      `<w:ins w:id="1" w:author="a"><w:r><w:t>เพิ่ม</w:t></w:r></w:ins>`,
      // A deleted run keeps its tabs and symbols as they were: none of them may show.
      `<w:del w:id="2" w:author="a"><w:r><w:delText>ลบ</w:delText><w:tab/><w:sym w:font="Wingdings" w:char="F0FE"/></w:r></w:del>`,
      `<w:moveFrom w:id="3" w:author="a"><w:r><w:t>ย้ายออก</w:t></w:r></w:moveFrom>`,
      `<w:moveTo w:id="4" w:author="a"><w:r><w:t> ย้ายมา</w:t></w:r></w:moveTo>`,
    );
    expect(inlines(body)).toEqual([{ kind: "text", text: "เดิม เพิ่ม ย้ายมา" }]);
  });

  it("rejected property changes (pPrChange, rPrChange) do not leak into the model", () => {
    const body = `<w:p><w:pPr><w:pStyle w:val="Body"/><w:pPrChange w:id="1"><w:pPr><w:pStyle w:val="Old"/><w:numPr><w:ilvl w:val="2"/><w:numId w:val="9"/></w:numPr></w:pPr></w:pPrChange></w:pPr><w:r><w:rPr><w:rPrChange w:id="2"><w:rPr><w:u w:val="single"/></w:rPr></w:rPrChange></w:rPr><w:t>x</w:t></w:r></w:p>`;
    expect(para(body)).toEqual({ kind: "paragraph", index: 0, style: "Body", styleId: "Body", inlines: [{ kind: "text", text: "x" }] });
  });

  it("reads namespaces by URI, not by prefix", () => {
    const main = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    const prefixed = `<x:document xmlns:x="${main}"><x:body><x:p><x:pPr><x:pStyle x:val="S"/></x:pPr><x:r><x:rPr><x:u x:val="single"/></x:rPr><x:t>prefix x</x:t></x:r></x:p></x:body></x:document>`;
    // Default namespace for elements, another prefix for attributes, and "w" bound to something else entirely.
    const mixed = `<document xmlns="${main}" xmlns:ww="${main}" xmlns:w="urn:other"><body><p><r><rPr><u ww:val="single" w:val="none"/></rPr><t>default ns</t></r></p></body></document>`;
    const read = (xml: string) => readDocx(buildDocx("", { files: { "word/document.xml": xml } }), "t.docx").value.blocks;
    expect(read(prefixed)).toEqual([
      { kind: "paragraph", index: 0, style: "S", styleId: "S", inlines: [{ kind: "text", text: "prefix x", underline: true }] },
    ]);
    expect(read(mixed)).toEqual([
      { kind: "paragraph", index: 0, inlines: [{ kind: "text", text: "default ns", underline: true }] },
    ]);
  });
});

describe("structure and locations", () => {
  it("styles give names, inherited numbering and direct numbering", () => {
    const styles =
      `<w:style w:type="paragraph" w:styleId="a3"><w:name w:val="List Paragraph"/></w:style>` +
      `<w:style w:type="paragraph" w:styleId="Q"><w:name w:val="Question"/><w:basedOn w:val="a3"/><w:pPr><w:numPr><w:numId w:val="4"/></w:numPr></w:pPr></w:style>`;
    const body =
      pStyled(`<w:pStyle w:val="Q"/>`, r("ข้อ")) +
      pStyled(`<w:pStyle w:val="a3"/><w:numPr><w:ilvl w:val="1"/><w:numId w:val="7"/></w:numPr>`, r("ย่อย")) +
      pStyled(`<w:pStyle w:val="Q"/><w:numPr><w:numId w:val="0"/></w:numPr>`, r("ไม่มีเลข")) +
      pStyled(`<w:pStyle w:val="Undefined"/>`);
    expect(blocks(body, styles)).toEqual([
      { kind: "paragraph", index: 0, style: "Question", styleId: "Q", numbering: { numId: 4, level: 0 }, inlines: [{ kind: "text", text: "ข้อ" }] },
      { kind: "paragraph", index: 1, style: "List Paragraph", styleId: "a3", numbering: { numId: 7, level: 1 }, inlines: [{ kind: "text", text: "ย่อย" }] },
      { kind: "paragraph", index: 2, style: "Question", styleId: "Q", inlines: [{ kind: "text", text: "ไม่มีเลข" }] },
      { kind: "paragraph", index: 3, style: "Undefined", styleId: "Undefined", inlines: [] },
    ]);
  });

  it("nested tables carry table, row and cell indexes; gridSpan and vMerge are kept", () => {
    const inner = table(row(cell(p(r("ใน 1")), cell(p(r("ใน 2"))))));
    const body =
      p(r("ก่อน")) +
      table(
        row(cell(`<w:tcPr><w:gridSpan w:val="2"/></w:tcPr>`, p(r("หัว"))), cell(`<w:tcPr><w:vMerge w:val="restart"/></w:tcPr>`, p(r("รวม")))),
        `<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${cell(p(r("ข้อ 1")), inner, p(r("หลัง")))}${cell(`<w:tcPr><w:vMerge/></w:tcPr>`, p())}</w:tr>`,
      ) +
      p(r("ท้าย"));
    const doc = blocks(body);
    expect(doc.map((b) => b.kind)).toEqual(["paragraph", "table", "paragraph"]);
    const outer = doc[1]!;
    if (outer.kind !== "table") throw new Error("table expected");
    expect(outer.index).toBe(0);
    expect(outer.rows[0]!.cells.map(({ index, column, gridSpan, vMerge }) => ({ index, column, gridSpan, vMerge }))).toEqual([
      { index: 0, column: 0, gridSpan: 2, vMerge: undefined },
      { index: 1, column: 2, gridSpan: undefined, vMerge: "restart" },
    ]);
    expect(outer.rows[1]!.cells.map((c) => [c.index, c.column, c.vMerge])).toEqual([
      [0, 1, undefined],
      [1, 2, "continue"],
    ]);
    const nested = outer.rows[1]!.cells[0]!.blocks[1]!;
    expect(nested.kind === "table" && nested.index).toBe(1);

    const located = [...walkParagraphs(doc)].map(({ paragraph, path }) => [
      paragraphText(paragraph),
      formatLocation(path, paragraph.index),
    ]);
    expect(located).toEqual([
      ["ก่อน", "paragraph 0"],
      ["หัว", "table 0 > row 0 > cell 0 > paragraph 1"],
      ["รวม", "table 0 > row 0 > cell 1 > paragraph 2"],
      ["ข้อ 1", "table 0 > row 1 > cell 0 > paragraph 3"],
      ["ใน 1", "table 0 > row 1 > cell 0 > table 1 > row 0 > cell 0 > paragraph 4"],
      ["ใน 2", "table 0 > row 1 > cell 0 > table 1 > row 0 > cell 1 > paragraph 5"],
      ["หลัง", "table 0 > row 1 > cell 0 > paragraph 6"],
      ["", "table 0 > row 1 > cell 1 > paragraph 7"],
      ["ท้าย", "paragraph 8"],
    ]);
  });

  it("mc:AlternateContent: the Choice text box is read once, in place, after its anchor paragraph", () => {
    const txbx = (text: string) => `<w:txbxContent><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:txbxContent>`;
    const body =
      p(
        r("ก่อนกล่อง "),
        `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><wp:extent cx="1" cy="1"/><a:graphic><a:graphicData uri="x"><wps:wsp><wps:spPr/><wps:txbx>${txbx("ในกล่อง")}</wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>`,
        `<mc:Fallback><w:pict><v:shape><v:textbox>${txbx("ในกล่อง")}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`,
        r("หลังกล่อง"),
      ) + p(r("ถัดไป"));
    const { value, messages } = read(body);
    expect(value.blocks).toEqual([
      { kind: "paragraph", index: 0, inlines: [{ kind: "text", text: "ก่อนกล่อง หลังกล่อง" }] },
      { kind: "paragraph", index: 1, textBox: true, inlines: [{ kind: "text", text: "ในกล่อง" }] },
      { kind: "paragraph", index: 2, inlines: [{ kind: "text", text: "ถัดไป" }] },
    ]);
    expect(messages).toEqual([]);
  });

  it("alternate content nested inside a drawing is also read from one branch only", () => {
    const box = (text: string) => `<wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp>`;
    const body = p(
      `<w:r><w:drawing><wp:inline><a:graphic><a:graphicData uri="g"><mc:AlternateContent><mc:Choice Requires="wps">${box("กลุ่ม")}</mc:Choice><mc:Fallback>${box("กลุ่ม")}</mc:Fallback></mc:AlternateContent></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`,
    );
    expect(blocks(body)).toEqual([
      { kind: "paragraph", index: 0, inlines: [] },
      { kind: "paragraph", index: 1, textBox: true, inlines: [{ kind: "text", text: "กลุ่ม" }] },
    ]);
  });

  it("mc:Fallback is used when the Choice needs a namespace we do not know; VML text boxes read alone", () => {
    const body = p(
      `<w:r><mc:AlternateContent xmlns:future="urn:example:future"><mc:Choice Requires="future"><future:thing/></mc:Choice><mc:Fallback><w:t>fallback</w:t></mc:Fallback></mc:AlternateContent></w:r>`,
      `<w:r><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>vml</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>`,
    );
    expect(blocks(body).map((b) => b.kind === "paragraph" && paragraphText(b))).toEqual(["fallback", "vml"]);
  });

  it("unknown elements: one warning per element name with the first location", () => {
    const math = `<m:oMath><m:r><m:t>x</m:t></m:r></m:oMath>`;
    const { messages } = read(p(r("a"), math) + table(row(cell(p(math, `<w:altChunk r:id="x"/>`)))));
    expect(messages).toEqual([
      { severity: "warning", code: "unknown_element", message: "<m:oMath> is not understood (2×); text inside it was read where possible", messageTh: "ไม่รู้จักองค์ประกอบ <m:oMath> (2 ครั้ง) อ่านข้อความข้างในเท่าที่อ่านได้", location: "paragraph 0" },
      { severity: "warning", code: "unknown_element", message: "<m:r> is not understood (2×); text inside it was read where possible", messageTh: "ไม่รู้จักองค์ประกอบ <m:r> (2 ครั้ง) อ่านข้อความข้างในเท่าที่อ่านได้", location: "paragraph 0" },
      { severity: "warning", code: "unknown_element", message: "<m:t> is not understood (2×); text inside it was read where possible", messageTh: "ไม่รู้จักองค์ประกอบ <m:t> (2 ครั้ง) อ่านข้อความข้างในเท่าที่อ่านได้", location: "paragraph 0" },
      { severity: "warning", code: "unknown_element", message: "<w:altChunk> is not understood (1×); text inside it was read where possible", messageTh: "ไม่รู้จักองค์ประกอบ <w:altChunk> (1 ครั้ง) อ่านข้อความข้างในเท่าที่อ่านได้", location: "table 0 > row 0 > cell 0 > paragraph 1" },
    ]);
  });

  it("XML that breaks off is a damaged document (damaged_xml, with what came before); with nothing usable, malformed_xml", () => {
    const whole = buildDocx(p(r("หนึ่ง")) + p(r("สอง")));
    const cut = buildDocx("", {
      files: { "word/document.xml": `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>หนึ่ง</w:t></w:r></w:p><w:p><w:r><w:t>สอง</w:t></w:r></w:p><w:p><w:r><w:t>สา` },
    });
    const damaged = docxErrorOf(() => readDocx(cut, "ส่งแล้ว.docx"));
    expect(damaged.code).toBe("damaged_xml");
    expect(damaged.file).toBe("ส่งแล้ว.docx");
    expect(damaged.messageTh).toContain("word/document.xml");
    // What was read before the break travels with the error (to say how far it got), the cut paragraph included.
    expect(damaged.partial!.document.blocks.map((b) => b.kind === "paragraph" && paragraphText(b))).toEqual(["หนึ่ง", "สอง", ""]);
    expect(readDocx(whole, "t.docx").messages).toEqual([]);

    const broken = buildDocx("", { files: { "word/document.xml": "<w:document><<<" } });
    expect(docxErrorOf(() => readDocx(broken, "t.docx")).code).toBe("malformed_xml");
  });

  it("tables nested thousands deep are refused with a message, not a stack overflow", () => {
    const depth = 3000;
    const nested = "<w:tbl><w:tr><w:tc>".repeat(depth) + p(r("ลึก")) + "</w:tc></w:tr></w:tbl>".repeat(depth);
    const error = docxErrorOf(() => readDocx(buildDocx(nested), "nested.docx"));
    expect(error.code).toBe("too_deep");
    expect(error.messageEn).toContain("more than 32 levels");
    // A few levels, as real forms have, read fine.
    const few = "<w:tbl><w:tr><w:tc>".repeat(5) + p(r("ตื้น")) + "</w:tc></w:tr></w:tbl>".repeat(5);
    expect(readDocx(buildDocx(few), "few.docx").value.blocks).toHaveLength(1);
  });

  it("DTD entities are never expanded (no billion-laughs)", () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "AAAAAAAAAA"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>x</w:t></w:r></w:p><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>`;
    const error = docxErrorOf(() => readDocx(buildDocx("", { files: { "word/document.xml": xml } }), "t.docx"));
    expect(error.code).toBe("damaged_xml");
    expect(error.partial!.document.blocks.map((b) => b.kind === "paragraph" && paragraphText(b))).toEqual(["x", ""]);
  });

  it("damaged styles.xml is a warning, not a failure", () => {
    const bytes = buildDocx(p(r("x")), { files: { "word/styles.xml": "<w:styles" } });
    const { value, messages } = readDocx(bytes, "t.docx");
    expect(value.blocks).toHaveLength(1);
    expect(messages.map((m) => m.code)).toEqual(["styles_unreadable"]);
  });
});

describe("content controls and legacy form fields", () => {
  it("a tagged plain-text control keeps its text and tag; tabs stay inside its text", () => {
    const body = p(
      r("ชื่อ: "),
      `<w:sdt><w:sdtPr><w:alias w:val="ชื่อ"/><w:tag w:val="general:name"/><w:text/></w:sdtPr><w:sdtContent><w:r><w:t>สม</w:t></w:r><w:r><w:rPr><w:u w:val="single"/></w:rPr><w:tab/><w:t>ชาย</w:t></w:r></w:sdtContent></w:sdt>`,
      r(" ต่อ"),
    );
    expect(inlines(body)).toEqual([
      { kind: "text", text: "ชื่อ: " },
      { kind: "control_text", text: "สม\tชาย", tag: "general:name", control: "text" },
      { kind: "text", text: " ต่อ" },
    ]);
  });

  it("placeholder text and date pickers are flagged", () => {
    const body = p(
      `<w:sdt><w:sdtPr><w:tag w:val="q1"/><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:r><w:t>คลิกที่นี่เพื่อใส่ข้อความ</w:t></w:r></w:sdtContent></w:sdt>`,
      `<w:sdt><w:sdtPr><w:tag w:val="d"/><w:date w:fullDate="2023-06-12T00:00:00Z"><w:dateFormat w:val="d MMMM yyyy"/></w:date></w:sdtPr><w:sdtContent><w:r><w:t>12 มิถุนายน 2566</w:t></w:r></w:sdtContent></w:sdt>`,
    );
    expect(inlines(body)).toEqual([
      { kind: "control_text", text: "คลิกที่นี่เพื่อใส่ข้อความ", tag: "q1", control: "rich_text", placeholder: true },
      { kind: "control_text", text: "12 มิถุนายน 2566", tag: "d", control: "date", date: "2023-06-12T00:00:00Z" },
    ]);
  });

  it("a block-level control tags its paragraphs", () => {
    const body = `<w:sdt><w:sdtPr><w:tag w:val="q2.answer"/></w:sdtPr><w:sdtContent>${p(r("คำตอบ"))}${p(r("ต่อ"))}</w:sdtContent></w:sdt>${p(r("นอก"))}`;
    expect(blocks(body)).toEqual([
      { kind: "paragraph", index: 0, tag: "q2.answer", inlines: [{ kind: "text", text: "คำตอบ" }] },
      { kind: "paragraph", index: 1, tag: "q2.answer", inlines: [{ kind: "text", text: "ต่อ" }] },
      { kind: "paragraph", index: 2, inlines: [{ kind: "text", text: "นอก" }] },
    ]);
  });

  const checkbox = (val: string | null, glyph: string, tag = "q3.opt1") =>
    `<w:sdt><w:sdtPr><w:tag w:val="${tag}"/><w14:checkbox>${val === null ? "<w14:checked/>" : `<w14:checked w14:val="${val}"/>`}<w14:checkedState w14:val="2612" w14:font="MS Gothic"/><w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:rPr><w:rFonts w:ascii="MS Gothic" w:eastAsia="MS Gothic" w:hAnsi="MS Gothic"/></w:rPr><w:t>${glyph}</w:t></w:r></w:sdtContent></w:sdt>`;

  it("w14:checkbox controls give exactly one mark each, with the tag", () => {
    const body = p(checkbox("1", "☒"), r(" ใช่ "), checkbox("0", "☐", "q3.opt2"), r(" ไม่ใช่ "), checkbox("true", "☒", "a"), checkbox("false", "☐", "b"));
    expect(inlines(body)).toEqual([
      { kind: "mark", checked: true, shape: "box", source: "content_control", raw: "w14:checked=1", tag: "q3.opt1" },
      { kind: "text", text: " ใช่ " },
      { kind: "mark", checked: false, shape: "box", source: "content_control", raw: "w14:checked=0", tag: "q3.opt2" },
      { kind: "text", text: " ไม่ใช่ " },
      { kind: "mark", checked: true, shape: "box", source: "content_control", raw: "w14:checked=true", tag: "a" },
      { kind: "mark", checked: false, shape: "box", source: "content_control", raw: "w14:checked=false", tag: "b" },
    ]);
  });

  it("a checkbox control drawn with circles is a circle", () => {
    const body = p(
      `<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="1"/><w14:checkedState w14:val="25C9" w14:font="Segoe UI Symbol"/><w14:uncheckedState w14:val="25CB" w14:font="Segoe UI Symbol"/></w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:t>◉</w:t></w:r></w:sdtContent></w:sdt>`,
    );
    expect(inlines(body)).toEqual([{ kind: "mark", checked: true, shape: "circle", source: "content_control", raw: "w14:checked=1" }]);
  });

  const formCheckbox = (checkBox: string, name = "Check1") =>
    `<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="${name}"/><w:enabled/><w:calcOnExit w:val="0"/><w:checkBox><w:sizeAuto/>${checkBox}</w:checkBox></w:ffData></w:fldChar></w:r><w:r><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>RESULT</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`;

  it("legacy FORMCHECKBOX: w:checked (with and without val), else w:default; no text from the field", () => {
    const body = p(
      formCheckbox(`<w:default w:val="0"/><w:checked/>`, "A"),
      formCheckbox(`<w:default w:val="1"/><w:checked w:val="0"/>`, "B"),
      formCheckbox(`<w:checked w:val="false"/>`, "C"),
      formCheckbox(`<w:checked w:val="true"/>`, "D"),
      formCheckbox(`<w:default w:val="1"/>`, "E"),
      formCheckbox(`<w:default w:val="0"/>`, ""),
      r(" ใช่"),
    );
    const mark = (checked: boolean, tag?: string) => ({
      kind: "mark",
      checked,
      shape: "box",
      source: "legacy_field",
      raw: `FORMCHECKBOX ${checked ? "checked" : "unchecked"}`,
      ...(tag ? { tag } : {}),
    });
    expect(inlines(body)).toEqual([
      mark(true, "A"),
      mark(false, "B"),
      mark(false, "C"),
      mark(true, "D"),
      mark(true, "E"),
      mark(false),
      { kind: "text", text: " ใช่" },
    ]);
  });

  it("legacy FORMTEXT results are control text named after the field; other field results are text", () => {
    const body = p(
      `<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Text1"/><w:textInput/></w:ffData></w:fldChar></w:r><w:r><w:instrText> FORMTEXT </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>๑๒๐</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`,
      `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t> หน้า 3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`,
      `<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Drop1"/><w:ddList><w:result w:val="1"/><w:listEntry w:val="มี"/><w:listEntry w:val="ไม่มี"/></w:ddList></w:ffData></w:fldChar></w:r><w:r><w:instrText> FORMDROPDOWN </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`,
    );
    expect(inlines(body)).toEqual([
      { kind: "control_text", text: "๑๒๐", tag: "Text1", control: "legacy_text" },
      { kind: "text", text: " หน้า 3" },
      { kind: "control_text", text: "ไม่มี", tag: "Drop1", control: "legacy_dropdown" },
    ]);
  });
});
