/** The audit's small pieces: Thai-aware phrase matching, dates on evidence, expectations from the form. */
import { describe, expect, it } from "vitest";
import { couldBeWithin, datesIn } from "../../src/audit/dates.js";
import { expectationFor } from "../../src/audit/expectation.js";
import { compileForm } from "../../src/form/compile.js";
import { contentWords, findTerm, keyed } from "../../src/audit/text.js";
import { loadForm } from "../../src/form/load.js";
import { withoutExpectations } from "../helpers/form.js";

const found = (term: string, text: string, ocr = false) => findTerm(keyed(term, ocr), keyed(text, ocr));
const matched = (term: string, text: string, ocr = false) => {
  const hay = keyed(text, ocr);
  const m = findTerm(keyed(term, ocr), hay);
  return m ? hay.text.slice(m.start, m.end) : null;
};

describe("phrase matching", () => {
  it("ignores spacing, line breaks, zero-width characters, sara am spelling and Thai digits", () => {
    expect(found("แต่งตั้งคณะกรรมการ", "จึงแต่ง\u200bตั้ง\nคณะ กรรมการ")?.similarity).toBe(1);
    expect(found("น้ำท่วม", "เฝ้าระวังนํ้าท่วม")?.similarity).toBe(1);
    expect(found("มาตรา 41", "ตามมาตรา ๔๑ ติดต่อ")?.similarity).toBe(1);
    expect(found("ISO/IEC 27001", "มาตรฐาน ISO/IEC 27001:2022 (Annex A)")?.similarity).toBe(1);
  });

  it("tolerates a few OCR errors in long phrases and misplaced tone marks", () => {
    const ocr = "จึงแต่งตั้งคณะกรรมการผู้บริหารเทคโนโลยีสารสนเทศระดบสูงระดับจังหวค (PCIO)";
    const m = found("คณะกรรมการผู้บริหารเทคโนโลยีสารสนเทศระดับสูงระดับจังหวัด", ocr);
    expect(m?.similarity).toBeGreaterThan(0.9);
    expect(m?.similarity).toBeLessThan(1);
    expect(found("ตั้ง", "ตัง้")?.similarity).toBe(1);
  });

  it("needs short terms, terms with digits and Latin words whole", () => {
    expect(found("AI", "ส่งทาง e-mail")).toBeNull();
    expect(found("AI", "นำ AI Chatbot มาใช้")).not.toBeNull();
    expect(found("มาตรา 2", "ตามมาตรา 23")).toBeNull();
    expect(found("มาตรา 24", "ตามมาตรา 23")).toBeNull();
    expect(found("27001", "ISO/IEC 27001:2022")).not.toBeNull();
    expect(found("PCIO", "PCI0")).toBeNull();
  });

  it("reads the Thai digits OCR confuses (๔/๕, ๒/๖) as either in OCR'd text only", () => {
    expect(found("มาตรา 41", "ตามมาตรา ๕๑", true)).not.toBeNull();
    expect(found("มาตรา 41", "ตามมาตรา ๕๑", false)).toBeNull();
  });

  it("does not take another committee for the PCIO", () => {
    const dg = "รองผู้ว่าราชการจังหวัดน่าน (ผู้บริหารเทคโนโลยีสารสนเทศระดับสูงระดับจังหวัด) ประธานกรรมการ";
    expect(found("คณะกรรมการผู้บริหารเทคโนโลยีสารสนเทศระดับสูงระดับจังหวัด", dg)).toBeNull();
    expect(matched("แต่งตั้งคณะกรรมการธรรมาภิบาลข้อมูล", "เรื่อง แต่งตั้งคณะกรรมการธรรมาภิบาลข้อมูลจังหวัดน่าน")).toBe("แต่งตั้งคณะกรรมการธรรมาภิบาลข้อมูล");
  });

  it("keeps the words that name a topic", () => {
    expect(contentWords("ระบบ Smart Office จังหวัด")).toEqual(["Smart", "Office"]);
    expect(contentWords("การพัฒนาระบบภูมิสารสนเทศ")).toContain("ภูมิสารสนเทศ");
  });
});

describe("dates on evidence", () => {
  const isoOf = (text: string) => datesIn(text).map((d) => d.iso);

  it("reads Thai dates: full and abbreviated months, BE years (4 or 2 digits), Thai digits, era words", () => {
    expect(isoOf("วันพุธที่ ๑๒ มิถุนายน ๒๕๖๗ เวลา ๐๙.๓๐ น.")).toEqual(["2024-06-12"]);
    expect(isoOf("ครั้งที่ 2/2567 วันที่ 3 ก.ค. 67")).toEqual(["2024-07-03"]);
    expect(isoOf("สั่ง ณ วันที่ ๑ มิ. ย. พ.ศ. ๒๕๖๖")).toEqual(["2023-06-01"]);
    expect(isoOf("วันที่ 5 เดือน ตุลาคม พ.ศ. 2566")).toEqual(["2023-10-05"]);
  });

  it("reads numeric, ISO and English dates, and CE years", () => {
    expect(isoOf("ลงวันที่ 12/06/2566")).toEqual(["2023-06-12"]);
    expect(isoOf("Revised 2024-01-31; effective 1 March 2024")).toEqual(["2024-01-31", "2024-03-01"]);
    expect(isoOf("๗ มีนาคม ค.ศ. ๒๐๒๔")).toEqual(["2024-03-07"]);
  });

  it("tolerates an OCR'd month name a letter off, not a different word", () => {
    expect(isoOf("วันที่ 12 มิถุนายบ 2567")).toEqual(["2024-06-12"]);
    expect(isoOf("จำนวน 12 คน 2567 ราย")).toEqual([]);
    expect(isoOf("เวลา 09.30 น. ร้อยละ 85.50")).toEqual([]);
  });

  it("calls an OCR'd date unclear when a confusable digit would put it in the window", () => {
    const g2 = { from: "2023-06-12", to: "2024-06-11" };
    expect(couldBeWithin("14 มีนาคม 2527", g2)).toBe(true);
    expect(couldBeWithin("20 สิงหาคม 2567", g2)).toBe(false);
  });
});

describe("expectations from the form", () => {
  const form = loadForm();

  it("adds up the levels: question topic, row topic and detail, column topic", () => {
    const e = expectationFor(form, form.field("P2.3:status.r5@exempt")!, []);
    expect(e.requirements.map((r) => [r.role, r.terms[0], r.general])).toEqual([
      ["topic", "ข้อมูลส่วนบุคคล", true],
      ["topic", "เจ้าหน้าที่คุ้มครองข้อมูลส่วนบุคคล", false],
      ["topic", "ยกเว้น", false],
      ["detail", "มาตรา 41", false],
    ]);
  });

  it("names G2's window and document kind", () => {
    const e = expectationFor(form, form.field("G2:yes")!, []);
    expect(e.period).toEqual({ from: "2023-06-12", to: "2024-06-11", label: "12 มิ.ย. 66 – 11 มิ.ย. 67" });
    expect(e.document).toContain("รายงานการประชุม");
  });

  it("makes typed text the topic where the form gives no phrase (an own platform's name)", () => {
    const e = expectationFor(form, form.field("P5.3:i5")!, ["ระบบ Smart Office จังหวัด"]);
    expect(e.requirements).toEqual([{ terms: ["Smart", "Office"], need: 1, role: "topic", source: "typed", general: false }]);
  });

  it("falls back on the printed words when no level names a phrase", () => {
    const bare = compileForm(withoutExpectations(form.file));
    const e = expectationFor(bare, bare.field("P4.4:yes.i3")!, []);
    expect(e.explicit).toBe(false);
    expect(e.requirements[0]!.terms).toEqual(expect.arrayContaining(["แพลตฟอร์ม", "โซเชีย"]));
  });
});
