/** issues.csv as Excel opens it: BOM, CRLF, RFC 4180 quoting, and no formulas smuggled in through typed text. */
import { describe, expect, it } from "vitest";
import { toCsv, type IssueRow } from "../../src/batch/tables.js";

const row = (message: string, file = "a.docx"): IssueRow => ({ agency: "สำนักงานพาณิชย์", file, question: "P1.1", field: "P1.1:done", severity: "error", code: "x", message });

describe("toCsv", () => {
  it("writes a BOM, a header and CRLF rows, quoting only what needs it", () => {
    expect(toCsv([row("ข้อ P1.1: ยังไม่ได้ตอบ")])).toBe(
      "\uFEFFagency,file,question,field,severity,code,message\r\nสำนักงานพาณิชย์,a.docx,P1.1,P1.1:done,error,x,ข้อ P1.1: ยังไม่ได้ตอบ\r\n",
    );
    expect(toCsv([row('ระบุ "URL", แล้ว\nขึ้นบรรทัดใหม่')]).split("\r\n")[1]).toBe('สำนักงานพาณิชย์,a.docx,P1.1,P1.1:done,error,x,"ระบุ ""URL"", แล้ว\nขึ้นบรรทัดใหม่"');
  });

  it("keeps a value starting with = + - @ from running as a formula", () => {
    expect(toCsv([row("=HYPERLINK(\"http://x\")", "@evil.pdf")]).split("\r\n")[1]).toBe(`สำนักงานพาณิชย์,'@evil.pdf,P1.1,P1.1:done,error,x,"'=HYPERLINK(""http://x"")"`);
  });
});
