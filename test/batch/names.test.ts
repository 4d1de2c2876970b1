/** What file and folder names say: question codes, resubmission dates and revisions, agency names and ids. */
import { describe, expect, it } from "vitest";
import {
  agencyId,
  agencyNameFromGeneral,
  agencyNameFromLabel,
  agencyNamedBy,
  agencyCore,
  dateInName,
  questionCodesIn,
  revisionInName,
} from "../../src/batch/names.js";
import { loadForm } from "../../src/form/load.js";

const form = loadForm("pcio-2567");

describe("question codes in names", () => {
  it.each([
    ["P1.1_แผนปฏิบัติการ", ["P1.1"]],
    ["G2 รายงานการประชุม", ["G2"]],
    ["ข้อ P1.1 คำสั่ง", ["P1.1"]],
    ["ข้อ ๑.๑ แผน", ["P1.1"]],
    ["P1_1 แผน", ["P1.1"]],
    ["p2.3", ["P2.3"]],
    ["P2.1.4.1_รายงาน", ["P2.1.4.1"]],
    ["7.1.1 AI", ["P7.1.1"]],
    ["P1.1.2567", ["P1.1"]],
    ["G4_2567", ["G4"]],
    ["P1.3-P1.1 แผน", ["P1.1", "P1.3"]],
  ])("%s → %j", (name, codes) => {
    expect(questionCodesIn(name, form)).toEqual(codes);
  });

  it.each(["2567-06-20_แบบสำรวจ", "PDPA 2.3", "SP1.1", "P9.9", "แผนปฏิบัติการ"])("%s has none", (name) => {
    expect(questionCodesIn(name, form)).toEqual([]);
  });
});

describe("resubmissions", () => {
  it.each([
    ["แบบสำรวจ_พาณิชย์_2567-06-20.docx", "2024-06-20"],
    ["form_20240620.docx", "2024-06-20"],
    ["x_25670615.docx", "2024-06-15"],
    ["x 20 มิ.ย. 67.docx", "2024-06-20"],
    ["x_๒๐-๐๖-๒๕๖๗.docx", "2024-06-20"],
    ["แบบสำรวจ 2567.docx", undefined],
  ])("date in %s", (name, date) => {
    expect(dateInName(name)).toBe(date);
  });

  it.each([
    ["form_v2.docx", 2],
    ["แบบสำรวจ (แก้ไข).docx", 1],
    ["แบบสำรวจ (2).docx", 2],
    ["แก้ไขครั้งที่ 3.docx", 3],
    ["form-final.docx", 1],
    ["แบบสำรวจ.docx", 0],
  ])("revision of %s", (name, revision) => {
    expect(revisionInName(name)).toBe(revision);
  });
});

describe("agency names", () => {
  it("cuts the office name out of ที่ตั้งหน่วยงาน", () => {
    const general = { province: "เชียงใหม่", office_location: "สำนักงานพาณิชย์จังหวัดเชียงใหม่ ศาลากลางจังหวัดเชียงใหม่ ถนนโชตนา 50300" };
    expect(agencyNameFromGeneral(general)).toBe("สำนักงานพาณิชย์จังหวัดเชียงใหม่");
    expect(agencyNameFromGeneral({ office_location: "สำนักงานเกษตรจังหวัดลำพูน 123 ถนนอินทยงยศ" })).toBe("สำนักงานเกษตรจังหวัดลำพูน");
    expect(agencyNameFromGeneral({})).toBeUndefined();
  });

  it("reads folder and file names without dates, codes and generic words", () => {
    expect(agencyNameFromLabel("03_สนง.พาณิชย์ (แก้ไข)")).toBe("สนง พาณิชย์");
    expect(agencyNameFromLabel("ตอบแบบสำรวจ สำนักงานเกษตร พ.ศ. 2567")).toBe("สำนักงานเกษตร");
    expect(agencyNameFromLabel("สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดเชียงใหม่")).toBe("สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดเชียงใหม่");
    for (const generic of ["แบบสำรวจ_PCIO_2567-06-20", "หลักฐาน", "P2.3", "evidence"]) expect(agencyNameFromLabel(generic)).toBeUndefined();
  });

  it("matches short names against full ones", () => {
    const province = "เชียงใหม่";
    const known = ["สำนักงานจังหวัดเชียงใหม่", "สำนักงานพาณิชย์จังหวัดเชียงใหม่", "สำนักงานสถิติจังหวัดเชียงใหม่", "สำนักงานสถิติและดิจิทัลเพื่อเศรษฐกิจและสังคมจังหวัดเชียงใหม่"].map(
      (value) => ({ core: agencyCore(value, province), value }),
    );
    expect(agencyNamedBy("พาณิชย์", known, province)).toBe(known[1]!.value);
    expect(agencyNamedBy("สนง.พาณิชย์", known, province)).toBe(known[1]!.value);
    expect(agencyNamedBy("สำนักงานจังหวัด_P1.1_แผน", known, province)).toBe(known[0]!.value);
    expect(agencyNamedBy("สถิติ", known, province)).toBe(known[2]!.value);
    expect(agencyNamedBy("รายงานการประชุม", known, province)).toBeUndefined();
  });

  it("makes file-system-safe, stable ids", () => {
    expect(agencyId("สำนักงานพาณิชย์ จังหวัด เชียงใหม่")).toBe("สำนักงานพาณิชย์จังหวัดเชียงใหม่");
    expect(agencyId("Commerce Office / CM")).toBe("Commerce-Office-CM");
    expect(agencyId("Cafe\u0301")).toBe("Caf\u00e9");
    expect([...agencyId("ก".repeat(200))]).toHaveLength(80);
  });
});

describe("documentKey", () => {
  it("is the same for copies of one document and differs between documents", async () => {
    const { documentKey } = await import("../../src/batch/names.js");
    expect(documentKey("P7.1.8 ภาพหน้าจอ (2).pdf")).toBe(documentKey("P7.1.8 ภาพหน้าจอ.png"));
    expect(documentKey("P1.1_แผน_แก้ไข_2567-06-20.pdf")).toBe(documentKey("P1.1_แผน.pdf"));
    expect(documentKey("P1.1 แผน v2.pdf")).toBe(documentKey("P1.1 แผน.pdf"));
    expect(documentKey("P1.1 แผน.pdf")).not.toBe(documentKey("P1.1 คำสั่ง.pdf"));
  });
});
