/**
 * Layouts that move a typed value away from the printed words it belongs to: values glued to labels, labels broken
 * by Enter, choices named only by a column header, a parent's items after its sub-questions, LibreOffice's copies;
 * and empty blanks, which must not take the next printed line or the next cell's value.
 */
import { describe, expect, it } from "vitest";
import { readDocx } from "../../src/docx/read.js";
import { extractAnswers } from "../../src/extract/extract.js";
import { toLines } from "../../src/extract/lines.js";
import { readTemplate } from "../../src/extract/template.js";
import { loadForm } from "../../src/form/load.js";
import { buildDocx, cell, p, r, row, sym, table } from "../docx/build-docx.js";

const form = loadForm("pcio-2567");
const source = { file: "office-copy.docx", sha256: "0", bytes: 0 };
const EMPTY = sym("Wingdings", "F0A8");
const TICKED = sym("Wingdings", "F0FE");

function extract(body: string) {
  const { value } = readDocx(buildDocx(body), source.file);
  const doc = extractAnswers(form, value, source);
  return { doc, valueOf: (field: string) => doc.answers.find((a) => a.field === field)?.value };
}

/** A plain-text content control as LibreOffice writes it: an alias, no tag. */
const control = (alias: string, ...texts: string[]): string =>
  `<w:sdt><w:sdtPr><w:alias w:val="${alias}"/><w:text/></w:sdtPr><w:sdtContent>${texts.map((t) => r(t)).join("")}</w:sdtContent></w:sdt>`;

const PROCESS = "กระบวนการทำงาน/โครงการ";

describe("P7.1: processes glued to their labels, and the parent's own items after its sub-questions", () => {
  const body = [
    p(r("P7.1 จังหวัดของท่านมีการใช้เทคโนโลยีเหล่านี้นอกเหนือจากที่กรมต้นสังกัดจัดหาให้ในการทำงานหรือไม่ (ตอบตามแนวนอน)")),
    p(r("7.1.10 เทคโนโลยีซอฟต์แวร์ประยุกต์เฉพาะงาน เป็นซอฟต์แวร์ที่สร้างขึ้นเพื่อใช้ในธุรกิจเฉพาะ ตามแต่วัตถุประสงค์ของการนำไปใช้")),
    p(EMPTY, r(" ไม่มี")),
    p(TICKED, r(" มี (โปรดระบุ ระบบสารสนเทศภูมิศาสตร์ (GIS) )")),
    p(r("ระบุกระบวนการทำงาน/โครงการ (ตอบได้มากกว่า 1 กระบวนการ)")),
    p(r(`${PROCESS}กล้อง CCTV ส่งภาพผ่านเครือข่าย 5G${PROCESS} ประชุมออนไลน์ในพื้นที่ห่างไกล ${PROCESS}____${PROCESS}____`)),
    p(r("แนบเอกสารหลักฐาน____ ภาคผนวก ข")),
    p(r("เทคโนโลยีใหม่ ได้มีการศึกษา และ/หรือ นำมาปรับใช้แล้ว (สามารถตอบได้มากกว่าหนึ่งข้อ)")),
    p(r("1. เทคโนโลยี ____ Metaverse")),
    p(EMPTY, r(" กำลังศึกษา")),
    p(TICKED, r(" นำมาปรับใช้แล้ว (ตอบได้มากกว่า 1 ข้อ) (โปรดระบุกระบวนการทำงาน)")),
    p(r(`${PROCESS}สรุปรายงานการประชุมด้วย AI`)),
    p(r(`${PROCESS}____ ย้ายเว็บไซต์หน่วยงานขึ้น Cloud`)),
    p(r(`${PROCESS}____`)),
    p(r(`${PROCESS}____`)),
    p(r("แนบเอกสารหลักฐาน____")),
    p(r("2. เทคโนโลยี ____")),
    p(EMPTY, r(" กำลังศึกษา")),
    p(EMPTY, r(" นำมาปรับใช้แล้ว (ตอบได้มากกว่า 1 ข้อ) (โปรดระบุกระบวนการทำงาน)")),
  ].join("");

  it("reads each process from the label right before it, glued or not", () => {
    const { valueOf } = extract(body);
    expect(valueOf("P7.1.10:yes.processes.1.process")).toBe("กล้อง CCTV ส่งภาพผ่านเครือข่าย 5G");
    expect(valueOf("P7.1.10:yes.processes.2.process")).toBe("ประชุมออนไลน์ในพื้นที่ห่างไกล");
    expect(valueOf("P7.1.10:yes.processes.3.process")).toBeUndefined();
    expect(valueOf("P7.1.10:yes.evidence")).toBe("ภาคผนวก ข");
  });

  it("reads the numbered new technologies as P7.1's, not as the last sub-question's processes", () => {
    const { valueOf } = extract(body);
    expect(valueOf("P7.1:new_tech.1.name")).toBe("Metaverse");
    expect(valueOf("P7.1:new_tech.1.status.adopted")).toBe(true);
    expect(valueOf("P7.1:new_tech.1.process_1")).toBe("สรุปรายงานการประชุมด้วย AI");
    expect(valueOf("P7.1:new_tech.1.process_2")).toBe("ย้ายเว็บไซต์หน่วยงานขึ้น Cloud");
    expect(valueOf("P7.1:new_tech.1.process_3")).toBeUndefined();
    expect(valueOf("P7.1:new_tech.1.evidence")).toBeUndefined();
  });

  it("reads no value in a blank left empty whose underscores are gone (OCR of a scan): the next item's number is none", () => {
    const { lines } = toLines(readDocx(buildDocx([p(r("แนบเอกสารหลักฐาน")), p(r("2. เทคโนโลยี"))].join("")), source.file).value);
    const parts = [{ literal: "แนบเอกสารหลักฐาน" }, { slot: "evidence" }, { literal: "เทคโนโลยี" }, { slot: "name" }];
    expect([...readTemplate(lines, parts, { line: 0, offset: 0 }, lines.length).values.keys()]).toEqual([]);
    // The blank the last one read: the numbered line below is the next item, not its value.
    expect([...readTemplate(lines, parts.slice(0, 2), { line: 0, offset: 0 }, lines.length).values.keys()]).toEqual([]);
  });

  it("finds a label whose short first word OCR misread (\"ii (โปรดระบุ\" for \"มี (โปรดระบุ\") by its other words, and reads the blank after it", () => {
    const { lines } = toLines(readDocx(buildDocx(p(r("ii (โปรดระบุ ระบบเข้ารหัสข้อมูล (Encryption) )"))), source.file).value);
    const parts = [{ literal: "มี (โปรดระบุ" }, { slot: "detail" }, { literal: ")" }];
    expect(readTemplate(lines, parts, { line: 0, offset: 0 }, lines.length).values.get("detail")?.text).toBe("ระบบเข้ารหัสข้อมูล (Encryption)");
    // A first word of more than three letters is no such slip: the words after it alone are not enough.
    const other = [{ literal: "ไม่มี (โปรดระบุ" }, { slot: "detail" }, { literal: ")" }];
    expect(readTemplate(lines, other, { line: 0, offset: 0 }, lines.length).values.get("detail")?.text).toMatch(/^ii/u);
  });

  it("does not take a sub-question's numbered rows for the parent's missing entries", () => {
    const { valueOf } = extract(
      [
        p(r("P7.1 จังหวัดของท่านมีการใช้เทคโนโลยีเหล่านี้นอกเหนือจากที่กรมต้นสังกัดจัดหาให้ในการทำงานหรือไม่ (ตอบตามแนวนอน)")),
        p(r("เทคโนโลยีใหม่ ได้มีการศึกษา และ/หรือ นำมาปรับใช้แล้ว (สามารถตอบได้มากกว่าหนึ่งข้อ)")),
        p(r("1. เทคโนโลยี ____ Metaverse")),
        p(TICKED, r(" กำลังศึกษา")),
        p(EMPTY, r(" นำมาปรับใช้แล้ว (ตอบได้มากกว่า 1 ข้อ) (โปรดระบุกระบวนการทำงาน)")),
        p(r("P7.1.1 การประยุกต์ใช้เทคโนโลยีปัญญาประดิษฐ์ (AI) (ผู้ตอบ: ทุกหน่วยงาน)")),
        p(EMPTY, r(" ไม่มี")),
        p(TICKED, r(" มี แนบเอกสารหลักฐาน ภาพถ่ายการใช้งานระบบ ระบุกระบวนการทำงาน/โครงการ (ตอบได้มากกว่า 1 กระบวนการ)")),
        table(
          row(cell(p(r("ที่"))), cell(p(r(PROCESS)))),
          row(cell(p(r("1."))), cell(p(r("Chatbot ตอบคำถามประชาชนบน LINE OA")))),
          row(cell(p(r("2."))), cell(p(r("สรุปรายงานการประชุมด้วย AI")))),
        ),
      ].join(""),
    );
    expect(valueOf("P7.1:new_tech.1.name")).toBe("Metaverse");
    expect(valueOf("P7.1:new_tech.2.name")).toBeUndefined();
  });

  it("reads no process where no process label is printed, rather than the choice's own words", () => {
    const { valueOf } = extract(
      [
        p(r("7.1.10 เทคโนโลยีซอฟต์แวร์ประยุกต์เฉพาะงาน เป็นซอฟต์แวร์ที่สร้างขึ้นเพื่อใช้ในธุรกิจเฉพาะ ตามแต่วัตถุประสงค์ของการนำไปใช้")),
        p(EMPTY, r(" ไม่มี")),
        p(TICKED, r(" มี (โปรดระบุ ระบบสารสนเทศภูมิศาสตร์ (GIS) )")),
      ].join(""),
    );
    expect(valueOf("P7.1.10:yes.detail")).toBe("ระบบสารสนเทศภูมิศาสตร์ (GIS)");
    expect(valueOf("P7.1.10:yes.processes.1.process")).toBeUndefined();
  });

  it("reads an entry laid out as a table row past the cell holding its choices", () => {
    const { valueOf } = extract(
      [
        p(r("P7.1 จังหวัดของท่านมีการใช้เทคโนโลยีเหล่านี้นอกเหนือจากที่กรมต้นสังกัดจัดหาให้ในการทำงานหรือไม่ (ตอบตามแนวนอน)")),
        p(r("เทคโนโลยีใหม่ ได้มีการศึกษา และ/หรือ นำมาปรับใช้แล้ว (สามารถตอบได้มากกว่าหนึ่งข้อ)")),
        table(
          row(cell(p(r("ที่"))), cell(p(r("เทคโนโลยี"))), cell(p()), cell(p(r(PROCESS))), cell(p(r(PROCESS))), cell(p(r("แนบเอกสารหลักฐาน")))),
          row(
            cell(p(r("1."))),
            cell(p(r("Drone สำรวจพื้นที่"))),
            cell(p(EMPTY, r(" กำลังศึกษา")), p(TICKED, r(" นำมาปรับใช้แล้ว (ตอบได้มากกว่า 1 ข้อ) (โปรดระบุกระบวนการทำงาน)"))),
            cell(p(r("Looker Studio ติดตามผลการเบิกจ่าย"))),
            cell(p(r("ใช้โดรนสำรวจพื้นที่เผาไหม้"))),
            cell(p(r("ตามเอกสารแนบ"))),
          ),
        ),
      ].join(""),
    );
    expect(valueOf("P7.1:new_tech.1.name")).toBe("Drone สำรวจพื้นที่");
    expect(valueOf("P7.1:new_tech.1.process_1")).toBe("Looker Studio ติดตามผลการเบิกจ่าย");
    expect(valueOf("P7.1:new_tech.1.process_2")).toBe("ใช้โดรนสำรวจพื้นที่เผาไหม้");
  });
});

describe("P4.6: channels named by their column header", () => {
  const question = (detail: string) =>
    table(
      row(cell(p()), cell(p()), cell(p(r("Website"))), cell(p(r("E-mail"))), cell(p(r("Line &amp; Line@"))), cell(p(r("Social media"))), cell(p(r("อื่น ๆ")))),
      row(
        cell(p(r("P4.6.1 e-Information คือ จังหวัดของท่านมีการเปิดเผยข้อมูลและช่องทางการเข้าถึงข้อมูลสาธารณะต่อประชาชน"))),
        cell(p(EMPTY, r(" ไม่มี")), p(TICKED, r(" มี"))),
        cell(p(EMPTY, r(" URL____"))),
        cell(p(TICKED, r(` โปรดระบุ ${detail}`))),
        cell(p(TICKED, r(" โปรดระบุ LINE OA @chiangmaiprovince"))),
        cell(p(EMPTY, r(" โปรดระบุ____"))),
        cell(p(EMPTY, r(" โปรดระบุ____"))),
      ),
    );

  it("gives each blank its own cell's value, even when the value contains a column's name", () => {
    const { valueOf } = extract(question("ร้องเรียนผ่าน e-mail: complaint.cmi@gmail.com"));
    expect(valueOf("P4.6.1:yes.channels.email")).toBe(true);
    expect(valueOf("P4.6.1:yes.channels.email.detail")).toBe("ร้องเรียนผ่าน e-mail: complaint.cmi@gmail.com");
    expect(valueOf("P4.6.1:yes.channels.line.detail")).toBe("LINE OA @chiangmaiprovince");
  });

  it("leaves an empty blank empty rather than taking the question's cell", () => {
    const { valueOf } = extract(question("____"));
    expect(valueOf("P4.6.1:yes.channels.email")).toBe(true);
    expect(valueOf("P4.6.1:yes.channels.email.detail")).toBeUndefined();
  });
});

describe("labels and values that break the usual order", () => {
  it("matches an option whose long label was broken over several paragraphs", () => {
    const { valueOf } = extract(
      [
        p(r("P4.4 จังหวัดของท่านมีช่องทางการเข้าถึงข้อมูล หรือบริการดิจิทัลของของจังหวัดท่าน ที่ออกแบบในการให้บริการสำหรับกลุ่มเปราะบางนอกเหนือจากกรมต้นสังกัดดำเนินการหรือไม่")),
        p(EMPTY, r(" ไม่มี โปรดระบุเหตุผล____")),
        p(TICKED, r(" มี (ตอบได้มากกว่า 1 คำตอบ)")),
        p(TICKED, r(" 6.  มีช่องทางหรือบริการดิจิทัลที่ให้กลุ่มเปราะบางสามารถแสดงความคิดเห็น และจังหวัดของท่านได้นำความคิดเห็น")),
        p(r("ที่ได้จากช่องทางดังกล่าวไปใช้ประกอบการออกแบบนโยบายหรือบริการ ยกตัวอย่างเช่น การนำข้อคิดเห็น")),
        p(r("ของกลุ่มเปราะบางที่ได้จากช่องทางหรือบริการดิจิทัลที่นำมาออกแบบนโยบายหรือปรับปรุงบริการ เป็นต้น")),
        p(r("(แนบเอกสารหลักฐาน)")),
        p(EMPTY, r(" 7.  อื่น ๆ เช่น การวิจัย พัฒนา หรือออกแบบบริการดิจิทัลสำหรับกลุ่มเปราะบาง เป็นต้น")),
        p(r("โปรดระบุ____ (แนบเอกสารหลักฐาน)")),
      ].join(""),
    );
    expect(valueOf("P4.4:yes.i6")).toBe(true);
    expect(valueOf("P4.4:yes.i7")).toBeUndefined();
  });

  const standards = (line: string) =>
    extract(
      [
        p(r("P6.2.1 จังหวัดของท่านได้มีการนำแนวทางตามมาตรฐานในการรักษาความมั่นคงปลอดภัยทางไซเบอร์ไปใช้ประกอบรักษาความมั่นคงปลอดภัยทางไซเบอร์ในจังหวัดของท่านนอกเหนือจากที่กรมต้นสังกัดจัดหาให้หรือไม่")),
        p(EMPTY, r(" 1. ไม่มี โปรดระบุเหตุผล____")),
        p(TICKED, r(" 2. มี โดยจังหวัดได้ดำเนินการตามมาตรฐาน ดังนี้")),
        p(TICKED, r(` 2.8 ${line}`)),
      ].join(""),
    ).valueOf("P6.2.1:yes.i2_8.detail");
  const LABEL_HEAD = "มาตรฐานของจังหวัดที่มีอยู่แล้ว เช่น นโยบายและแนวปฎิบัติการรักษาความมั่นคงปลอดภัยระบบสารสนเทศของจังหวัดนั้น ๆ";
  const NOTE = "(แนบเอกสารหลักฐานการดำเนินการตามแนวทางมาตรฐานฯ)";

  it("reads a blank the label leaves no line for, typed after its words or after the whole label", () => {
    expect(standards(`${LABEL_HEAD} โปรดระบุมาตรฐานที่อ้างอิง  แนวปฏิบัติของกระทรวงมหาดไทย  ${NOTE}`)).toBe("แนวปฏิบัติของกระทรวงมหาดไทย");
    expect(standards(`${LABEL_HEAD} โปรดระบุมาตรฐานที่อ้างอิง ${NOTE} โปรดระบุมาตรฐานที่อ้างอิง แนวปฏิบัติของกระทรวงมหาดไทย`)).toBe(
      "แนวปฏิบัติของกระทรวงมหาดไทย",
    );
  });

  it("finds a Latin label glued to a number typed after it", () => {
    const { valueOf } = extract(
      [
        p(r("P2.2.1.2 จังหวัดของท่านมีช่องทางการเปิดเผยข้อมูลเปิดภาครัฐหลักของจังหวัด (เฉพาะ URL ของจังหวัด ไม่นับรวม URL ของหน่วยงานส่วนภูมิภาค)")),
        p(r("(3.1) กรณีที่จังหวัดของท่านมีการพัฒนา ระบบ Open Data เอง")),
        p(r("ระบุ URL https://opendata.chiangmai.go.th")),
        p(r("โปรดระบุจำนวน Structured Data54")),
        p(r("โปรดระบุจำนวน Structured Data ที่อยู่ในรูปแบบ ")),
        p(r("Machine-readable  2")),
        p(r("โปรดระบุจำนวน Unstructured Data ๔๖")),
      ].join(""),
    );
    expect(valueOf("P2.2.1.2:i3_1.structured")).toBe(54);
    expect(valueOf("P2.2.1.2:i3_1.machine_readable")).toBe(2);
    expect(valueOf("P2.2.1.2:i3_1.unstructured")).toBe(46);
  });
});

describe("empty blanks stay empty", () => {
  /** P2.2.1.2 as the DGA copy prints it: each blank on the line below its item, an empty paragraph between items. */
  const openDataChannels = (url: string[], secondItem = "2. จังหวัดขอใช้บริการจากระบบสมาชิกของ data.go.th") =>
    extract(
      [
        p(r("P2.2.1.2 จังหวัดของท่านมีช่องทางการเปิดเผยข้อมูลเปิดภาครัฐหลักของจังหวัด (เฉพาะ URL ของจังหวัด ไม่นับรวม URL ของหน่วยงานส่วนภูมิภาค)")),
        p(r("1. Agency Data Catalog (พัฒนาด้วย CKAN Open-D)")),
        ...url.map((text) => p(r(text))),
        p(),
        p(r(secondItem)),
        p(r("ระบุ URL data.go.th/organization/________")),
        p(),
        p(r("3. จังหวัดของท่าน มีระบบ Open Data ที่จังหวัดพัฒนาเอง")),
        p(EMPTY, r(" ไม่มี (ข้ามไปข้อ (3.3))  "), TICKED, r(" มี (ตอบข้อ (3.1) และ ข้อ (3.2))")),
      ].join(""),
    ).valueOf;

  it("reads no value for an empty URL blank, rather than the next item's printed line", () => {
    const valueOf = openDataChannels(["ระบุ URL________"]);
    expect(valueOf("P2.2.1.2:i1.url")).toBeUndefined();
    expect(valueOf("P2.2.1.2:i2.organization")).toBeUndefined();
    expect(valueOf("P2.2.1.2:i3.yes")).toBe(true);
  });

  it("reads no value where OCR read a speck on an empty blank as a mark or a sign alone (ๆ, ์, a vowel sign, ', ©)", () => {
    for (const speck of ["ๆ", "์", "ู", "'", "©", "| '"]) expect(openDataChannels([`ระบุ URL ${speck}`])("P2.2.1.2:i1.url")).toBeUndefined();
  });

  it("knows the next item's line when it was retyped", () => {
    const valueOf = openDataChannels(["ระบุ URL________"], "2) จังหวัดขอใช้บริการระบบสมาชิกของ data.go.th");
    expect(valueOf("P2.2.1.2:i1.url")).toBeUndefined();
  });

  it("still reads a URL typed after its label or on the line below it", () => {
    expect(openDataChannels(["ระบุ URL https://catalog.chiangmai.go.th"])("P2.2.1.2:i1.url")).toBe("https://catalog.chiangmai.go.th");
    expect(openDataChannels(["ระบุ URL", "https://catalog.chiangmai.go.th"])("P2.2.1.2:i1.url")).toBe("https://catalog.chiangmai.go.th");
  });

  it("reads a choice's last blank typed on the line below it, but not the next choice's line", () => {
    const channels = (...below: string[]) =>
      extract(
        [
          p(r("P4.6.2 e-Consultation คือ มีการให้ประชาชนมีส่วนร่วมและเปิดโอกาสให้ประชาชนสามารถแสดงความคิดเห็นเกี่ยวกับนโยบายและการบริการ")),
          p(EMPTY, r(" ไม่มี")),
          p(TICKED, r(" มี")),
          p(r("ช่องทางที่เป็นดิจิทัล")),
          p(TICKED, r(" Website URL")),
          ...below.map((t) => p(r(t))),
          p(TICKED, r(" E-mail โปรดระบุ ____")),
          p(r("hearing@chiangmai.go.th")),
        ].join(""),
      ).valueOf;
    const typed = channels("https://www.chiangmai.go.th/web/hearing");
    expect(typed("P4.6.2:yes.channels.website.url")).toBe("https://www.chiangmai.go.th/web/hearing");
    expect(typed("P4.6.2:yes.channels.email.detail")).toBe("hearing@chiangmai.go.th");
    expect(channels()("P4.6.2:yes.channels.website.url")).toBeUndefined();
  });

  it("leaves an entry's empty first cell empty when the entry number shares it", () => {
    const { valueOf } = extract(
      [
        p(r("P2.2.2 จังหวัดของท่านมีการเปิดเผยข้อมูลในรูปแบบข้อมูลเปิดภาครัฐ (Open Data) ตามความต้องการชุดข้อมูลเปิดของประชาชน ประจำปี 2567 นอกเหนือจากกรมต้นสังกัดดำเนินการ หรือไม่")),
        p(EMPTY, r(" ไม่มีชุดข้อมูลเปิดภาครัฐ")),
        p(TICKED, r(" มีชุดข้อมูลเปิดภาครัฐที่ตรงตามความต้องการของประชาชน จำนวน 2 รายการ  โปรดระบุ")),
        table(
          row(cell(p(r("รายการข้อมูล"))), cell(p(r("URL")))),
          row(cell(p(r("1. "))), cell(p(r("https://data.chiangmai.go.th/dataset/free-wifi")))),
          row(cell(p(r("2. ข้อมูลสถิติการเกิดอุบัติเหตุทางถนน"))), cell(p(r("https://data.chiangmai.go.th/dataset/road-accident")))),
        ),
      ].join(""),
    );
    expect(valueOf("P2.2.2:yes.datasets.1.name")).toBeUndefined();
    expect(valueOf("P2.2.2:yes.datasets.1.url")).toBe("https://data.chiangmai.go.th/dataset/free-wifi");
    expect(valueOf("P2.2.2:yes.datasets.2.name")).toBe("ข้อมูลสถิติการเกิดอุบัติเหตุทางถนน");
  });
});

describe("LibreOffice's copies of a filled text control", () => {
  const linesOf = (body: string) => toLines(readDocx(buildDocx(body), source.file).value).lines;

  it("reads a value once when the sibling controls hold a piece of it and the whole of it again", () => {
    const address = "ศาลากลางจังหวัดเชียงใหม่ ถนนโชตนา 50300";
    const [line] = linesOf(
      p(
        r("ที่ตั้งหน่วยงาน "),
        control("ที่ตั้งหน่วยงาน", ` ${address} `),
        control("ที่ตั้งหน่วยงาน", "ศาลากลางจังหวัดเชียงใหม่ ถนนโชตนา ", ` ${address} `),
        control("ที่ตั้งหน่วยงาน", "50300 ", ` ${address} `),
      ),
    );
    expect(line!.controls.map((c) => c.text)).toEqual([address]);
  });

  it("keeps neighbouring controls that are not copies, even when one value is part of the other", () => {
    const [line] = linesOf(p(control("จำนวน", "21"), control("จำนวน", "2"), r(" ชุดข้อมูล "), control("จำนวน", "21")));
    expect(line!.controls.map((c) => c.text)).toEqual(["21", "2", "21"]);
  });

  it("reads the general block of a round-tripped copy", () => {
    const { doc } = extract(
      [
        p(r("ข้อมูลทั่วไปเกี่ยวกับจังหวัด")),
        p(r("ชื่อจังหวัด "), control("ชื่อจังหวัด", " เชียงใหม่ "), control("ชื่อจังหวัด", "เชียงใหม่ ", " เชียงใหม่ "), control("ชื่อจังหวัด", " เชียงใหม่ ")),
        p(r("G1. จังหวัดของท่านมีการแต่งตั้งคณะกรรมการผู้บริหารเทคโนโลยีสารสนเทศระดับสูงระดับจังหวัด หรือไม่")),
      ].join(""),
    );
    expect(doc.general.province).toBe("เชียงใหม่");
  });
});

describe("question codes as OCR reads them off a scanned copy", () => {
  const text = (code: string) => form.question(code)!.source.text;
  it("takes a garbled code followed by its question's words for that question, the code fewest edits away", () => {
    const { valueOf } = extract(
      [
        p(r(`2?4.4 ${text("P4.4")}`)),
        p(TICKED, r(" ไม่มี โปรดระบุเหตุผล")),
        p(r(`?4.6.1 ${text("P4.6.1")}`)),
        p(EMPTY, r(" ไม่มี")),
        p(TICKED, r(" มี")),
        p(r(`Pa.6. 2 ${text("P4.6.2")}`)),
        p(TICKED, r(" ไม่มี")),
        p(EMPTY, r(" มี")),
        p(r(`24.63 ${text("P4.6.3")}`)),
        p(EMPTY, r(" ไม่มี")),
        p(TICKED, r(" มี")),
      ].join(""),
    );
    expect(valueOf("P4.6.1:yes")).toBe(true);
    expect(valueOf("P4.6.2:no")).toBe(true);
    expect(valueOf("P4.6.3:yes")).toBe(true);
    expect(valueOf("P4.4:no")).toBe(true);
  });

  it("takes a code OCR garbled badly (Thai digits, dots lost: \"6๒210\" for P2.1.2) only when its question's words are read well", () => {
    const words = text("P2.1.2");
    const read = (codeLine: string) =>
      extract(
        [
          p(r(form.file.title)),
          p(r(`P2.1.1 ${text("P2.1.1")}`)),
          p(EMPTY, r(" ยังไม่มีการดำเนินการ")),
          p(r(codeLine)),
          p(EMPTY, r(" ยังไม่มีการดำเนินการ")),
          p(TICKED, r(" อยู่ระหว่างดำเนินการ")),
          p(r(`P2.1.3 ${text("P2.1.3")}`)),
        ].join(""),
      );
    // …and one OCR made nothing of ("61"), before the question's words read whole.
    for (const code of ["6๒210", "P2.1:2", "2.1.2", "61"]) expect(read(`${code} ${words}`).valueOf("P2.1.2:in_progress")).toBe(true);
    // The same code before words only half like the question's: not taken.
    const halfWords = [...words.slice(0, 40)].reverse().join("") + words.slice(40, 80);
    for (const code of ["6๒210", "61"]) expect(read(`${code} ${halfWords}`).valueOf("P2.1.2:in_progress")).toBeUndefined();
  });

  it("takes \"2.\" followed by G2's words for G2 (OCR lost the G)", () => {
    const { valueOf } = extract(
      [
        p(r(form.file.title)),
        p(r(`G1. ${text("G1")}`)),
        p(EMPTY, r(" ไม่มี (โปรดระบุเหตุผล ) (ข้ามไปข้อ G4)")),
        p(TICKED, r(" มี (แนบเอกสารหลักฐาน)")),
        p(r(`2. ${text("G2")}`)),
        p(EMPTY, r(" ไม่มี (โปรดระบุเหตุผล )")),
        p(TICKED, r(" มี (โปรดระบุ มติการประชุม หรือ รายละเอียด ) (แนบเอกสารหลักฐาน)")),
      ].join(""),
    );
    expect(valueOf("G1:yes")).toBe(true);
    expect(valueOf("G2:yes")).toBe(true);
  });

  it("places a box whose words OCR garbled between boxes placed by their words, when the choices left between fit", () => {
    const { valueOf, doc } = extract(
      [
        p(r(form.file.title)),
        p(r(`P4.6.1 ${text("P4.6.1")}`)),
        p(EMPTY, r(" ไม่มี     "), TICKED, r(" d")),
        p(r(`P4.6.2 ${text("P4.6.2")}`)),
        // Two garbled boxes for one choice left: not guessed.
        p(TICKED, r(" vd     "), EMPTY, r(" i"), EMPTY, r(" มี")),
      ].join(""),
    );
    expect(valueOf("P4.6.1:yes")).toBe(true);
    expect(doc.answers.filter((a) => a.question === "P4.6.2")).toEqual([]);
    expect(doc.warnings.filter((w) => w.code === "mark_not_matched").map((w) => w.question)).toEqual(["P4.6.2"]);
  });

  it("places a garbled box that opens or closes its question by the question's start or end, when the choices left fit", () => {
    const { valueOf } = extract(
      [
        p(r(form.file.title)),
        p(r(`P4.6.1 ${text("P4.6.1")}`)),
        // "○ ไม่มี" under a pen's ring, read "i"; the next choice read well.
        p(TICKED, r(" i")),
        p(EMPTY, r(" มี")),
        p(r(`P7.1.3 ${text("P7.1.3")}`)),
        p(EMPTY, r(" ไม่มี")),
        p(TICKED, r(" il")),
        // Every box's words garbled: as many boxes as choices.
        p(r(`P7.1.4 ${text("P7.1.4")}`)),
        p(TICKED, r(" ut     "), EMPTY, r(" f")),
      ].join(""),
    );
    expect(valueOf("P4.6.1:no")).toBe(true);
    expect(valueOf("P7.1.3:yes")).toBe(true);
    expect(valueOf("P7.1.4:no")).toBe(true);
  });

  it("places a box whose words OCR read only in part (its first word lost under a pen's ring) as a garbled one", () => {
    const { valueOf } = extract(
      [
        p(r(form.file.title)),
        p(r(`P4.2 ${text("P4.2")}`)),
        // "มีจำนวนทั้งสิ้น 12 บริการ" without its "มี": close to the choice's words, not close enough to be taken by them.
        p(TICKED, r(" จำนวนทังสิน 12 บบริการ (ถ้าไม่มีให้ระบุ0 บริการ)     "), EMPTY, r(" ไม่ทราบจำนวน")),
      ].join(""),
    );
    expect(valueOf("P4.2:total")).toBe(true);
  });

  it("reads the general block when OCR lost the labels' tone marks and vowels above or below, or garbled a heading's first words", () => {
    const { doc } = extract(
      [
        p(r("ข้อมูลทัวไปเกียวกับจังหวัด")),
        p(r("ชื่อจังหวัด เชียงใหม่")),
        // "ที่ตั้งหน่วยงาน" without its tone marks, a dotted leader read as one dot after the value
        p(r("ทีตังหน่วยงาน สำนักงานสหกรณ์จังหวัดเชียงใหม่ ถนนโชตนา 50300.")),
        // the heading "ชื่อผู้ประสานงานที่ให้ติดต่อ…" broken and garbled in its first words, "ชื่อ" read "ชือ"
        p(r("ง Cady a ซอผู้ประสานงานทีบ ที่ให้ติ v a")),
        p(r("หติดตอกรณทต้องการสอบถามขอมูลเพมเตมชือ รัตนา นามสกุล แก้วมูล. ตำแหน่ง นักวิชาการสถิติ")),
        p(r("โทรศัพท์ที่ทำงาน 053-527-577 เบอร์ต่อ 299 โทรศัพท์มือถือ 061 570 0923 e-mail plan.chiangmai@cpd.go.th.")),
        p(r("G1. จังหวัดของท่านมีการแต่งตั้งคณะกรรมการผู้บริหารเทคโนโลยีสารสนเทศระดับสูงระดับจังหวัด หรือไม่")),
      ].join(""),
    );
    expect(doc.general.office_location).toBe("สำนักงานสหกรณ์จังหวัดเชียงใหม่ ถนนโชตนา 50300");
    expect(doc.general.first_name).toBe("รัตนา");
    expect(doc.general.last_name).toBe("แก้วมูล");
    expect(doc.general.email).toBe("plan.chiangmai@cpd.go.th");
  });

  it("keeps the dot that ends an abbreviation", () => {
    const { valueOf } = extract(
      [
        p(r(`P4.4 ${text("P4.4")}`)),
        p(TICKED, r(" ไม่มี โปรดระบุเหตุผล อยู่ระหว่างรอการจัดสรรจาก สพร.")),
      ].join(""),
    );
    expect(valueOf("P4.4:no.reason")).toBe("อยู่ระหว่างรอการจัดสรรจาก สพร.");
  });

  it("reads a count whose printed label OCR misread, keeping the number with a warning", () => {
    const { doc, valueOf } = extract(
      [
        p(r(form.file.title)),
        p(r(`P4.1 ${text("P4.1")}`)),
        p(TICKED, r(" 7ีจำนวนทั้งสิ้น 39 บริการ (ถ้าไม่มีให้ระบุ 0 บริการ)"), EMPTY, r(" ไม่ทราบจำนวน")),
      ].join(""),
    );
    expect(valueOf("P4.1:total.count")).toBe(39);
    expect(doc.warnings.map((w) => w.code)).toContain("number_among_words");
  });

  it("does not take a code-like line start without the question's words", () => {
    const { doc } = extract([p(r("A4.6.1 รายการอื่นที่ไม่เกี่ยวข้องกับแบบสำรวจนี้")), p(TICKED, r(" มี"))].join(""));
    expect(doc.answers.filter((a) => a.question === "P4.6.1")).toEqual([]);
  });
});
