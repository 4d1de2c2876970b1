/** The evidence appendix of an agency's clean copy, read from the WordprocessingML (the PDF check is in test/consolidate). */
import PizZip from "pizzip";
import { describe, expect, it } from "vitest";
import { readDocx } from "../../src/docx/read.js";
import { extractAnswers } from "../../src/extract/extract.js";
import { renderAgencyDocx } from "../../src/render/agency-copy.js";
import { bundle, form, sha } from "../consolidate/fixtures.js";

const agency = bundle(
  "commerce",
  "agency",
  { "P2.1.1:done": true, "G3:yes": true, "G3:yes.projects.1.name": "CM Project Tracking", "P4.1:total": true, "P4.1:total.count": 12 },
  [
    { file: "commerce/P2.1.1 คำสั่ง.pdf", questions: ["P2.1.1"], marks: [["คำสั่งแต่งตั้ง <คณะกรรมการ> & ธรรมาภิบาลข้อมูล"], [], ["ลงนาม ผู้ว่าราชการจังหวัด"]] },
    { file: "commerce/G3-ผลงาน.pdf", questions: ["G3"], marks: [[]] },
    { file: "commerce/broken.pdf", questions: ["G3"], unreadable: true },
  ],
);
const docx = renderAgencyDocx(form, agency);
const xml = new PizZip(docx).file("word/document.xml")!.asText();
const appendix = xml.slice(xml.indexOf("ภาคผนวก หลักฐานประกอบคำตอบ"));

describe("agency clean copy with the evidence appendix", () => {
  it("is deterministic", () => {
    expect(Buffer.from(renderAgencyDocx(form, agency)).equals(Buffer.from(docx))).toBe(true);
  });

  it("ends with one row per evidence file in question order: file, pages, short and full sha256, marked text per page", () => {
    expect(appendix.length).toBeLessThan(xml.length);
    const rows = [...appendix.matchAll(/<w:tr>/g)].length;
    expect(rows).toBe(1 + 3);
    const g3 = appendix.indexOf("commerce/G3-ผลงาน.pdf");
    const p211 = appendix.indexOf("commerce/P2.1.1 คำสั่ง.pdf");
    expect(g3).toBeGreaterThan(0);
    expect(p211).toBeGreaterThan(g3);
    const hash = sha("commerce/P2.1.1 คำสั่ง.pdf");
    expect(appendix).toContain(`>${hash.slice(0, 8)}<`);
    expect(appendix).toContain(`>${hash}<`);
    expect(appendix).toContain("หน้า 1: ");
    expect(appendix).toContain("คำสั่งแต่งตั้ง &lt;คณะกรรมการ&gt; &amp; ธรรมาภิบาลข้อมูล");
    expect(appendix).toContain("หน้า 3: ");
    expect(appendix).not.toContain("หน้า 2: ");
    expect(appendix).toContain("ไม่พบการทำเครื่องหมายใจความสำคัญ");
    expect(appendix).toContain("อ่านไฟล์ไม่ได้: ไฟล์ PDF เสียหาย");
  });

  it("sets every appendix run in TH SarabunPSK with the complex-script font and size", () => {
    const runs = [...appendix.matchAll(/<w:rPr>(.*?)<\/w:rPr>/g)].map((m) => m[1]!);
    expect(runs.length).toBeGreaterThan(10);
    for (const props of runs) {
      expect(props).toContain('w:cs="TH SarabunPSK"');
      expect(props).toMatch(/<w:szCs w:val="\d+"\/>/);
    }
  });

  it("still reads back to the agency's answers", () => {
    const read = extractAnswers(form, readDocx(docx, "clean.docx").value, { file: "clean.docx", sha256: "", bytes: 0 });
    const pairs = (answers: { field: string; value: unknown }[]) => answers.map((a) => `${a.field}=${String(a.value)}`).sort();
    expect(pairs(read.answers)).toEqual(pairs(agency.answers.answers));
  });

  it("says so when nothing is attached", () => {
    const bare = new PizZip(renderAgencyDocx(form, { ...agency, evidence: [] })).file("word/document.xml")!.asText();
    expect(bare).toContain("ไม่มีไฟล์หลักฐานแนบ");
  });
});
