/** issues.csv as Excel opens it: BOM, CRLF, RFC 4180 quoting, and no formulas smuggled in through typed text. */
import { describe, expect, it } from "vitest";
import { toCsv, type IssueRow } from "../../src/batch/tables.js";

const row = (message: string, file = "a.docx"): IssueRow => ({
  agency: "สำนักงานพาณิชย์",
  status: "ต้องแก้ไข",
  question: "P1.1",
  field: "P1.1:done",
  severity: "ข้อผิดพลาด",
  kind: "คำตอบ",
  name: "ยังไม่ได้ตอบ",
  code: "x",
  message,
  hint: "ตอบข้อ P1.1",
  file,
});

describe("toCsv", () => {
  it("writes a BOM, Thai headers (English with lang en) and CRLF rows, quoting only what needs it", () => {
    expect(toCsv([row("ข้อ P1.1: ยังไม่ได้ตอบ")])).toBe(
      "\uFEFFหน่วยงาน,สถานะหน่วยงาน,ข้อ,รายการ,ระดับ,ประเภท,ปัญหา,รหัสปัญหา,รายละเอียด,วิธีแก้,ไฟล์\r\n" +
        "สำนักงานพาณิชย์,ต้องแก้ไข,P1.1,P1.1:done,ข้อผิดพลาด,คำตอบ,ยังไม่ได้ตอบ,x,ข้อ P1.1: ยังไม่ได้ตอบ,ตอบข้อ P1.1,a.docx\r\n",
    );
    expect(toCsv([row("x")], "en").split("\r\n")[0]).toBe("\uFEFFagency,agency status,question,field,severity,kind,issue,code,message,fix,file");
    expect(toCsv([row('ระบุ "URL", แล้ว\nขึ้นบรรทัดใหม่')]).split("\r\n")[1]).toBe(
      'สำนักงานพาณิชย์,ต้องแก้ไข,P1.1,P1.1:done,ข้อผิดพลาด,คำตอบ,ยังไม่ได้ตอบ,x,"ระบุ ""URL"", แล้ว\nขึ้นบรรทัดใหม่",ตอบข้อ P1.1,a.docx',
    );
  });

  it("keeps a value starting with = + - @ from running as a formula", () => {
    expect(toCsv([row("=HYPERLINK(\"http://x\")", "@evil.pdf")]).split("\r\n")[1]).toBe(
      `สำนักงานพาณิชย์,ต้องแก้ไข,P1.1,P1.1:done,ข้อผิดพลาด,คำตอบ,ยังไม่ได้ตอบ,x,"'=HYPERLINK(""http://x"")",ตอบข้อ P1.1,'@evil.pdf`,
    );
  });
});
