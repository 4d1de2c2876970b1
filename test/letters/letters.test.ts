/**
 * Fix letters from a small ledger: one memo per agency with something to fix, question by question, with the e-mail
 * text addressed to the form's contact; the memo opens in LibreOffice and every question it lists is printed.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import PizZip from "pizzip";
import { afterAll, describe, expect, it } from "vitest";
import { BatchManifest, MANIFEST_SCHEMA } from "../../src/bundle/schema.js";
import type { LedgerAgency, LedgerIssue } from "../../src/ledger/index.js";
import { buildLetters } from "../../src/letters/index.js";
import { docxAsPdfText } from "../helpers/pdf.js";

const issue = (agency: string, question: string, code: string, severity: LedgerIssue["severity"], message: string, hint: string, extra: Partial<LedgerIssue> = {}): LedgerIssue => ({
  agency,
  question,
  field: "",
  file: "form.docx",
  severity,
  code,
  source: "validation",
  message,
  messageEn: message,
  hint,
  hintEn: hint,
  ...extra,
});

const agency = (id: string, status: LedgerAgency["status"], counts: LedgerAgency["counts"]): LedgerAgency => ({
  id,
  name: id,
  respondent: "agency",
  expected: true,
  status,
  received: "2024-06-20",
  files: 2,
  counts,
  completeness: { held: 30, required: 31 },
  audit: { total: 1, supported: 0, accepted: 0, rejected: 0, open: 1 },
  contact: { name: "สมหญิง ใจดี", email: "somying@example.go.th", phone: "053 111 222" },
});

const commerce = "สำนักงานพาณิชย์จังหวัดเชียงใหม่";
const manifest = BatchManifest.parse({
  schema: MANIFEST_SCHEMA,
  form: "pcio-2567",
  province: "เชียงใหม่",
  agencies: [
    agency(commerce, "must_fix", { error: 2, warning: 1, info: 1 }),
    agency("สำนักงานคลังจังหวัดเชียงใหม่", "audited", { error: 0, warning: 0, info: 0 }),
    { ...agency("สำนักงานแรงงานจังหวัดเชียงใหม่", "not_received", { error: 0, warning: 0, info: 0 }), files: 0 },
  ],
  issues: [
    issue(commerce, "P6.2.1", "evidence_missing", "error", "ข้อ P6.2.1: ยังไม่ได้แนบหลักฐาน", "แนบไฟล์หลักฐานของข้อ P6.2.1"),
    issue(commerce, "P1.7 P2.3", "encrypted-pdf", "error", "PDF มีรหัสผ่าน อ่านไม่ได้", "ส่งไฟล์ PDF ที่ไม่ได้ตั้งรหัสผ่าน", { source: "file", file: "P1.7 และ P2.3 นโยบาย.pdf" }),
    issue(commerce, "G2", "audit_not_supported", "warning", "ข้อ G2: หลักฐานไม่สนับสนุนคำตอบ “มี”", "แนบรายงานการประชุม", { source: "audit" }),
    issue(commerce, "P4.5.1", "not_asked_answered", "info", "ข้อ P4.5.1 เป็นข้อที่สำนักงานจังหวัดตอบ", "ไม่ต้องแก้ไข"),
  ],
  summary: { statuses: { not_received: 1, must_fix: 1, complete: 0, audited: 1 }, issues: { error: 2, warning: 1, info: 1 } },
  files: [],
});
const context = { formTitle: "แบบสำรวจระดับความพร้อมรัฐบาลดิจิทัล ประจำปี 2567", province: "เชียงใหม่" };
const dir = mkdtempSync(path.join(os.tmpdir(), "samruat-letters-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("buildLetters", () => {
  const letters = buildLetters(manifest, context);

  it("writes one letter per agency with errors or warnings, none for the complete and the silent ones", () => {
    expect(letters.map((l) => [l.agency, l.docxPath, l.textPath])).toEqual([[commerce, `letters/${commerce}.docx`, `letters/${commerce}.txt`]]);
    // G before P, the form's order; the file problem under the first question it names; notes (info) left out.
    expect(letters[0]!.questions).toEqual(["G2", "P1.7 P2.3", "P6.2.1"]);
  });

  it("addresses the e-mail text to the form's contact, question by question, with the fix", () => {
    const text = letters[0]!.text;
    expect(text.split("\r\n").slice(0, 2)).toEqual(["ถึง: somying@example.go.th", `เรื่อง: ขอให้แก้ไขแบบสำรวจและหลักฐานประกอบ ประจำปี 2567 (${commerce})`]);
    expect(text).toContain("เรียน คุณสมหญิง ใจดี ผู้ประสานงาน");
    expect(text).toContain("ข้อ P6.2.1\r\n  - ต้องแก้ไข: ยังไม่ได้แนบหลักฐาน\r\n    วิธีแก้: แนบไฟล์หลักฐานของข้อ P6.2.1");
    expect(text).toContain("  - ขอให้ตรวจสอบ: หลักฐานไม่สนับสนุนคำตอบ “มี”");
    expect(text).toContain("(ได้รับล่าสุดเมื่อ 20 มิ.ย. 2567)");
    expect(text).not.toContain("P4.5.1");
  });

  it("is deterministic: the same ledger gives the same bytes", () => {
    const again = buildLetters(manifest, context)[0]!;
    expect(Buffer.from(again.docx).equals(Buffer.from(letters[0]!.docx))).toBe(true);
    expect(again.text).toBe(letters[0]!.text);
  });

  it("sets the memo in TH SarabunPSK with the official margins", () => {
    const zip = new PizZip(letters[0]!.docx);
    const xml = zip.file("word/document.xml")!.asText();
    expect(xml).toContain('w:cs="TH SarabunPSK"');
    expect(xml).toContain('w:left="1701"');
    expect(xml).toContain("บันทึกข้อความ");
  });

  it("opens in LibreOffice, and the PDF prints every question the letter lists", async () => {
    const { raw } = await docxAsPdfText("letter.docx", letters[0]!.docx, dir);
    const squeezed = raw.replace(/\s+/gu, "");
    for (const code of ["G2", "P1.7", "P2.3", "P6.2.1"]) expect(squeezed, code).toContain(code);
    expect(squeezed).toContain("บันทึกข้อความ");
    expect(squeezed).toContain("ส่งไฟล์PDFที่ไม่ได้ตั้งรหัสผ่าน");
  });
});
