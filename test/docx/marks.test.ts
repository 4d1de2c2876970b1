import { describe, expect, it } from "vitest";
import { resolveAdjacentMarks } from "../../src/docx/marks.js";
import type { Inline, Mark } from "../../src/docx/model.js";
import { readDocx } from "../../src/docx/read.js";
import { buildDocx, cell, font, p, r, row, sym, table } from "./build-docx.js";

const read = (body: string, styles?: string) => readDocx(buildDocx(body, styles ? { styles } : {}), "t.docx");
const inlines = (body: string, styles?: string): Inline[] => {
  const first = read(body, styles).value.blocks[0];
  if (first?.kind !== "paragraph") throw new Error("expected a paragraph");
  return first.inlines;
};
const mark = (checked: boolean, shape: Mark["shape"], source: Mark["source"], raw: string): Mark => ({
  kind: "mark",
  checked,
  shape,
  source,
  raw,
});

describe("Unicode glyph marks", () => {
  const cases: [string, boolean, Mark["shape"]][] = [
    ["☐", false, "box"],
    ["□", false, "box"],
    ["◻", false, "box"],
    ["❏", false, "box"],
    ["☑", true, "box"],
    ["☒", true, "box"],
    ["■", true, "box"],
    ["▣", true, "box"],
    ["◼", true, "box"],
    ["⊠", true, "box"],
    ["🗹", true, "box"],
    ["🗷", true, "box"],
    ["○", false, "circle"],
    ["◯", false, "circle"],
    ["◉", true, "circle"],
    ["●", true, "circle"],
    ["✓", true, "tick"],
    ["✔", true, "tick"],
    ["√", true, "tick"],
    ["✗", true, "cross"],
    ["✘", true, "cross"],
  ];
  it.each(cases)("%s → checked=%s %s", (glyph, checked, shape) => {
    expect(inlines(p(r(`ก${glyph}ข`)))).toEqual([
      { kind: "text", text: "ก" },
      mark(checked, shape, "glyph", glyph),
      { kind: "text", text: "ข" },
    ]);
  });

  it("a variation selector stays with its glyph; ordinary symbols stay text", () => {
    expect(inlines(p(r("☑\uFE0F ใช่ ☐ ไม่ใช่ ◌ั ★ ×")))).toEqual([
      mark(true, "box", "glyph", "☑\uFE0F"),
      { kind: "text", text: " ใช่ " },
      mark(false, "box", "glyph", "☐"),
      { kind: "text", text: " ไม่ใช่ ◌ั ★ ×" },
    ]);
  });

  it("Word 2016 w16se:symEx in mc:Choice gives one mark, not a second one from the Fallback", () => {
    const body = p(
      `<w:r><mc:AlternateContent><mc:Choice Requires="w16se"><w16se:symEx w16se:font="Segoe UI Emoji" w16se:char="2611"/></mc:Choice><mc:Fallback><w:t>☑</w:t></mc:Fallback></mc:AlternateContent></w:r>`,
    );
    expect(inlines(body)).toEqual([mark(true, "box", "glyph", "☑")]);
  });
});

describe("symbol-font marks (w:sym and private-use characters)", () => {
  const cases: [string, string, boolean, Mark["shape"]][] = [
    ["Wingdings", "F0A8", false, "box"],
    ["Wingdings", "F06F", false, "box"],
    ["Wingdings", "F071", false, "box"],
    ["Wingdings", "F0FE", true, "box"],
    ["Wingdings", "F0FD", true, "box"],
    ["Wingdings", "F078", true, "box"],
    ["Wingdings", "F0A1", false, "circle"],
    ["Wingdings", "F0A4", true, "circle"],
    ["Wingdings", "F0FC", true, "tick"],
    ["Wingdings", "F0FB", true, "cross"],
    ["Wingdings 2", "F0A3", false, "box"],
    ["Wingdings 2", "F052", true, "box"],
    ["Wingdings 2", "F054", true, "box"],
    ["Wingdings 2", "F0A2", true, "box"],
    ["Wingdings 2", "F050", true, "tick"],
    ["Wingdings 2", "F04F", true, "cross"],
    ["Wingdings 2", "F099", false, "circle"],
    ["Webdings", "F061", true, "tick"],
    ["Symbol", "F0D6", true, "tick"],
  ];

  it.each(cases)("w:sym %s %s → checked=%s %s", (fontName, char, checked, shape) => {
    expect(inlines(p(sym(fontName, char)))).toEqual([mark(checked, shape, "sym", `${fontName}:${char}`)]);
  });

  it("w:char without the F0 prefix and lower-case font names mean the same", () => {
    expect(inlines(p(sym("wingdings", "FE")))).toEqual([mark(true, "box", "sym", "Wingdings:F0FE")]);
  });

  it("private-use and low-byte characters in a Wingdings run are marks; spaces and Thai stay text", () => {
    const body = p(r("\uF0FE ใช่ \uF0A8", font("Wingdings")), r("þ¨", font("Wingdings 2")));
    expect(inlines(body)).toEqual([
      mark(true, "box", "glyph", "Wingdings:F0FE"),
      { kind: "text", text: " ใช่ ", font: "Wingdings" },
      mark(false, "box", "glyph", "Wingdings:F0A8"),
      // Wingdings 2 FE is no checkbox (text + warning); Wingdings 2 A8 is ▣.
      { kind: "text", text: "þ", font: "Wingdings 2" },
      mark(true, "box", "glyph", "Wingdings 2:F0A8"),
    ]);
  });

  it("a Wingdings font inherited from a character style still makes a mark", () => {
    const styles = `<w:style w:type="character" w:styleId="Box"><w:name w:val="Box"/><w:rPr><w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings"/></w:rPr></w:style>`;
    expect(inlines(p(r("\uF0A8", `<w:rStyle w:val="Box"/>`)), styles)).toEqual([mark(false, "box", "glyph", "Wingdings:F0A8")]);
  });

  it("Wingdings boxes typed as private-use characters in a text font are read as marks, with one message per document", () => {
    const option = (box: string, label: string) => p(r(`${box} ${label}`, font("TH SarabunPSK")));
    const { value, messages } = read(option("\uF0FE", "มี") + option("\uF0A8", "ไม่มี") + option("\uF06F", "ไม่ทราบ") + p(r("ก\uF031", font("TH SarabunPSK"))));
    const paragraphs = value.blocks.map((b) => (b.kind === "paragraph" ? b.inlines : []));
    expect(paragraphs[0]).toEqual([mark(true, "box", "glyph", "Wingdings:F0FE"), { kind: "text", text: " มี", font: "TH SarabunPSK" }]);
    expect(paragraphs[1]![0]).toEqual(mark(false, "box", "glyph", "Wingdings:F0A8"));
    expect(paragraphs[2]![0]).toEqual(mark(false, "box", "glyph", "Wingdings:F06F"));
    // Not a Wingdings box or tick: kept as text.
    expect(paragraphs[3]).toEqual([{ kind: "text", text: "ก\uF031", font: "TH SarabunPSK" }]);
    expect(messages).toEqual([
      {
        severity: "warning",
        code: "symbol_in_text_font",
        message: "4 symbol-font character(s) (U+F0xx) in a text font (TH SarabunPSK); Wingdings boxes and ticks among them were read as marks, the rest kept as text",
        messageTh: "พบอักขระของแบบอักษรสัญลักษณ์ (U+F0xx) 4 ตัวในแบบอักษรข้อความ (TH SarabunPSK) ช่องและเครื่องหมายถูกของ Wingdings อ่านเป็นเครื่องหมาย ที่เหลือเก็บเป็นข้อความ",
      },
    ]);
  });

  it("a tick an instruction shows (ทำเครื่องหมาย ✓ ลงในช่อง) is text, a tick beside an option is a mark", () => {
    expect(resolveAdjacentMarks(inlines(p(r("โปรดทำเครื่องหมาย ✓ ลงในช่อง □ ที่ตรงกับความเป็นจริง"))))).toEqual([
      { kind: "text", text: "โปรดทำเครื่องหมาย " },
      { kind: "text", text: "✓" },
      { kind: "text", text: " ลงในช่อง " },
      mark(false, "box", "glyph", "□"),
      { kind: "text", text: " ที่ตรงกับความเป็นจริง" },
    ]);
    expect(resolveAdjacentMarks(inlines(p(r("ไม่มี ✓ มี"))))[1]).toEqual(mark(true, "tick", "glyph", "✓"));
  });

  it("a w:sym in a Unicode font names the character itself", () => {
    expect(inlines(p(sym("Segoe UI Symbol", "2611"), sym("MS Gothic", "0041")))).toEqual([
      mark(true, "box", "sym", "Segoe UI Symbol:2611"),
      { kind: "text", text: "A" },
    ]);
  });

  it("an unknown symbol is kept as text with an unknown_symbol warning and its location", () => {
    const { value, messages } = read(p(r("ก"), sym("Wingdings", "F0B7"), r("ข")) + table(row(cell(p(r("\uF021", font("Wingdings 3")))))));
    const first = value.blocks[0];
    expect(first?.kind === "paragraph" && first.inlines).toEqual([
      { kind: "text", text: "ก" },
      { kind: "text", text: "\uF0B7", font: "Wingdings" },
      { kind: "text", text: "ข" },
    ]);
    expect(messages).toEqual([
      {
        severity: "warning",
        code: "unknown_symbol",
        message: "symbol Wingdings:F0B7 is not a known checkbox mark; kept as text",
        messageTh: "สัญลักษณ์ Wingdings:F0B7 ไม่ใช่เครื่องหมายช่องเลือกที่รู้จัก จึงเก็บไว้เป็นข้อความ",
        location: "paragraph 0",
      },
      {
        severity: "warning",
        code: "unknown_symbol",
        message: "symbol Wingdings 3:F021 is not a known checkbox mark; kept as text",
        messageTh: "สัญลักษณ์ Wingdings 3:F021 ไม่ใช่เครื่องหมายช่องเลือกที่รู้จัก จึงเก็บไว้เป็นข้อความ",
        location: "table 0 > row 0 > cell 0 > paragraph 1",
      },
    ]);
  });
});

describe("resolveAdjacentMarks", () => {
  const text = (t: string): Inline => ({ kind: "text", text: t });
  const box = mark(false, "box", "glyph", "□");
  const tick = mark(true, "tick", "glyph", "✓");

  it("[□][✓] and [✓][□] become one checked box keeping both raws", () => {
    expect(resolveAdjacentMarks([box, tick, text(" ใช่")])).toEqual([mark(true, "box", "glyph", "□+✓"), text(" ใช่")]);
    expect(resolveAdjacentMarks([tick, box, text(" ใช่")])).toEqual([mark(true, "box", "glyph", "✓+□"), text(" ใช่")]);
  });

  it("spaces between are allowed, other text is not", () => {
    expect(resolveAdjacentMarks([box, text(" "), tick])).toEqual([mark(true, "box", "glyph", "□+✓")]);
    expect(resolveAdjacentMarks([box, text(" ใช่ "), tick])).toEqual([box, text(" ใช่ "), tick]);
  });

  it("a typed X after an empty box, but not the start of a word", () => {
    const empty = mark(false, "box", "glyph", "☐");
    expect(resolveAdjacentMarks([empty, text(" X ใช่")])).toEqual([mark(true, "box", "glyph", "☐+X"), text(" ใช่")]);
    expect(resolveAdjacentMarks([empty, text("xไม่ใช่")])).toEqual([mark(true, "box", "glyph", "☐+x"), text("ไม่ใช่")]);
    expect(resolveAdjacentMarks([empty, text(" Xerox")])).toEqual([empty, text(" Xerox")]);
  });

  it("a \"v\" typed (or a printed ✓ as OCR reads it) after an empty box, but not a Latin word or an option code", () => {
    const empty = mark(false, "box", "glyph", "☐");
    expect(resolveAdjacentMarks([empty, text("vอยู่ระหว่างดำเนินการ")])).toEqual([mark(true, "box", "glyph", "☐+v"), text("อยู่ระหว่างดำเนินการ")]);
    expect(resolveAdjacentMarks([empty, text(" V มี")])).toEqual([mark(true, "box", "glyph", "☐+V"), text(" มี")]);
    expect(resolveAdjacentMarks([empty, text(" VPN")])).toEqual([empty, text(" VPN")]);
    expect(resolveAdjacentMarks([empty, text(" V.1 ไม่ได้ใช้")])).toEqual([empty, text(" V.1 ไม่ได้ใช้")]);
  });

  it("each tick pairs with the box it touches; a tick after a box wins over one before it", () => {
    const got = resolveAdjacentMarks([box, text(" ใช่ "), tick, box, text(" ไม่ใช่")]);
    expect(got).toEqual([box, text(" ใช่ "), mark(true, "box", "glyph", "✓+□"), text(" ไม่ใช่")]);
    expect(resolveAdjacentMarks([box, tick, box])).toEqual([mark(true, "box", "glyph", "□+✓"), box]);
  });

  it("keeps the box's source and tag; checked boxes and lone ticks are left alone", () => {
    const tagged: Mark = { ...mark(false, "circle", "content_control", "w14:checked=0"), tag: "q1" };
    expect(resolveAdjacentMarks([tagged, tick])).toEqual([
      { kind: "mark", checked: true, shape: "circle", source: "content_control", raw: "w14:checked=0+✓", tag: "q1" },
    ]);
    const checked = mark(true, "box", "glyph", "☑");
    expect(resolveAdjacentMarks([checked, tick])).toEqual([checked, tick]);
    expect(resolveAdjacentMarks([tick, text(" ใช่")])).toEqual([tick, text(" ใช่")]);
  });

  it("works on what the reader produced from □✓ typed in a document", () => {
    expect(resolveAdjacentMarks(inlines(p(r("□✓ มี  □ ไม่มี"))))).toEqual([
      mark(true, "box", "glyph", "□+✓"),
      text(" มี  "),
      box,
      text(" ไม่มี"),
    ]);
  });
});
