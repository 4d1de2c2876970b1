/**
 * Words of the ledger in Thai and English: the agency statuses, and the message and fix for issues that do not come
 * from validation (file problems, audit verdicts, auditors' rejections). Validation issues keep their own table
 * (src/i18n); file problems keep the reason the batch gave, with a fix from here.
 */
import type { Lang } from "../i18n/index.js";
import type { AgencyStatus } from "./schema.js";

type Text = Record<Lang, string>;

export const STATUS_TEXT: Record<AgencyStatus, Text> = {
  not_received: { th: "ยังไม่ส่ง", en: "not received" },
  must_fix: { th: "ต้องแก้ไข", en: "must fix" },
  complete: { th: "ครบถ้วน", en: "complete" },
  audited: { th: "ผ่านการตรวจ", en: "audited" },
};

export const SOURCE_TEXT: Record<"file" | "validation" | "audit", Text> = {
  file: { th: "ไฟล์", en: "file" },
  validation: { th: "คำตอบ", en: "answer" },
  audit: { th: "ตรวจหลักฐาน", en: "evidence audit" },
};

/** Issue names for people (sheets, filters); the code stays beside them. */
export const CODE_TEXT: Record<string, Text> = {
  form_not_received: { th: "ยังไม่ได้รับแบบสำรวจ", en: "form not received" },
  audit_not_supported: { th: "หลักฐานไม่สนับสนุนคำตอบ", en: "evidence does not support the answer" },
  audit_weak: { th: "หลักฐานยังไม่ชัดเจน", en: "evidence is weak" },
  audit_unreadable: { th: "อ่านหลักฐานไม่ได้", en: "evidence unreadable" },
  audit_rejected: { th: "ผู้ตรวจไม่ยอมรับหลักฐาน", en: "rejected by the auditor" },
};

/** How to fix a file problem, by the batch's reason code; the reason text already says what is wrong. */
export const FILE_HINT: Record<string, Text> = {
  corrupt_zip: { th: "เปิดไฟล์ใน Word แล้วบันทึกใหม่เป็น .docx แล้วส่งอีกครั้ง", en: "open the file in Word, save it again as .docx and send it again" },
  damaged_xml: { th: "เปิดไฟล์ใน Word แล้วบันทึกใหม่เป็น .docx แล้วส่งอีกครั้ง", en: "open the file in Word, save it again as .docx and send it again" },
  not_docx: { th: "ส่งแบบสำรวจเป็นไฟล์ Word (.docx)", en: "send the questionnaire as a Word file (.docx)" },
  encrypted_docx: { th: "ยกเลิกรหัสผ่านของไฟล์ แล้วส่งอีกครั้ง", en: "remove the password and send the file again" },
  "encrypted-pdf": { th: "ส่งไฟล์ PDF ที่ไม่ได้ตั้งรหัสผ่าน", en: "send the PDF without a password" },
  "empty-file": { th: "ส่งไฟล์หลักฐานอีกครั้ง (ไฟล์ที่ได้รับว่างเปล่า)", en: "send the evidence file again (the one received is empty)" },
  no_question_code: { th: "ตั้งชื่อไฟล์ให้ขึ้นต้นด้วยรหัสข้อ เช่น P1.1_แผนปฏิบัติการ.pdf แล้วส่งอีกครั้ง", en: "name the file after its question, e.g. P1.1_plan.pdf, and send it again" },
  unknown_question_code: { th: "แก้รหัสข้อในชื่อไฟล์ให้ตรงกับข้อในแบบสำรวจ", en: "correct the question code in the file name" },
  agency_unknown: { th: "ใส่ชื่อหน่วยงานในชื่อไฟล์ หรือส่งมาในโฟลเดอร์ของหน่วยงาน", en: "put the agency's name in the file name, or send it in the agency's folder" },
};

export const FILE_HINT_DEFAULT: Record<"form" | "evidence", Text> = {
  form: { th: "ตรวจไฟล์แบบสำรวจแล้วส่งใหม่เป็น .docx ที่เปิดได้", en: "check the questionnaire file and send a .docx that opens" },
  evidence: { th: "ส่งไฟล์หลักฐานใหม่เป็น PDF หรือรูปภาพที่เปิดอ่านได้", en: "send the evidence again as a PDF or image that opens" },
};

/** Audit issues: `{label}` the answer, `{expectation}` what the evidence should show, `{reasons}` the audit's words. */
export const AUDIT_TEXT: Record<"audit_not_supported" | "audit_weak" | "audit_unreadable" | "audit_rejected", { message: Text; hint: Text }> = {
  audit_not_supported: {
    message: { th: "ข้อ {question}: หลักฐานไม่สนับสนุนคำตอบ “{label}”[ ({reasons})]", en: "{question}: the evidence does not support “{label}”[ ({reasons})]" },
    hint: { th: "แนบหลักฐานที่แสดง{expectation} และทำสัญลักษณ์ที่ใจความสำคัญ", en: "attach evidence showing {expectation} and mark the key text" },
  },
  audit_weak: {
    message: { th: "ข้อ {question}: หลักฐานของคำตอบ “{label}” ยังไม่ชัดเจน[ ({reasons})]", en: "{question}: the evidence for “{label}” is weak[ ({reasons})]" },
    hint: { th: "ทำสัญลักษณ์ที่ข้อความซึ่งแสดง{expectation}ให้ชัดเจน", en: "mark the text that shows {expectation} clearly" },
  },
  audit_unreadable: {
    message: { th: "ข้อ {question}: อ่านข้อความสำคัญในหลักฐานของคำตอบ “{label}” ไม่ได้", en: "{question}: the key text of the evidence for “{label}” cannot be read" },
    hint: { th: "ส่งไฟล์ต้นฉบับ (PDF จากโปรแกรม) หรือสแกนใหม่ให้ชัดขึ้น", en: "send the original PDF or a clearer scan" },
  },
  audit_rejected: {
    message: { th: "ข้อ {question}: ผู้ตรวจไม่ยอมรับหลักฐานของคำตอบ “{label}”[ — {comment}]", en: "{question}: the auditor rejected the evidence for “{label}”[ — {comment}]" },
    hint: { th: "แนบหลักฐานที่แสดง{expectation} ตามความเห็นของผู้ตรวจ", en: "attach evidence showing {expectation}, as the auditor says" },
  },
};

export const FORM_NOT_RECEIVED = {
  message: { th: "ยังไม่ได้รับแบบสำรวจ (ได้รับเฉพาะไฟล์หลักฐาน)", en: "the questionnaire has not arrived (only evidence files)" },
  hint: { th: "ส่งแบบสำรวจที่กรอกแล้ว (.docx)", en: "send the filled questionnaire (.docx)" },
};
