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

/** Issue names for people (sheets, filters, letters): what kind of problem, in a few words; the code stays beside them. */
export const ISSUE_NAMES: Record<string, Text> = {
  form_mismatch: { th: "แบบสำรวจต่างฉบับ", en: "another form edition" },
  unknown_field: { th: "คำตอบที่ไม่มีในแบบสำรวจ", en: "answer not on the form" },
  entry_limit_exceeded: { th: "รายการเกินจำนวน", en: "too many entries" },
  required_missing: { th: "ยังไม่ได้ตอบ", en: "not answered" },
  not_asked_answered: { th: "ตอบข้อที่ไม่ต้องตอบ", en: "answered a question not asked" },
  skipped_question_answered: { th: "ตอบข้อที่ต้องข้าม", en: "answered a skipped question" },
  skipped_item_answered: { th: "ตอบรายการที่ต้องข้าม", en: "answered a skipped item" },
  condition_unmet_answered: { th: "ตอบโดยไม่เข้าเงื่อนไข", en: "answered without its condition" },
  choice_missing: { th: "ยังไม่ได้เลือกคำตอบ", en: "no option chosen" },
  choice_multiple: { th: "เลือกเกินหนึ่งคำตอบ", en: "several options in a one-answer question" },
  sub_choice_missing: { th: "ยังไม่ได้เลือกรายการย่อย", en: "no sub-option chosen" },
  matrix_row_missing: { th: "ตารางยังตอบไม่ครบแถว", en: "table row not answered" },
  nested_without_parent: { th: "เลือกข้อย่อยโดยไม่เลือกข้อหลัก", en: "sub-option without its parent" },
  blank_without_parent: { th: "กรอกช่องของตัวเลือกที่ไม่ได้เลือก", en: "blank of an unchosen option" },
  specify_missing: { th: "ยังไม่ได้ระบุรายละเอียด", en: "details not given" },
  entries_missing: { th: "ยังไม่ได้กรอกรายการ", en: "no entries" },
  entry_incomplete: { th: "รายการกรอกไม่ครบ", en: "entry incomplete" },
  not_a_number: { th: "ไม่ใช่ตัวเลข", en: "not a number" },
  not_whole_number: { th: "ไม่ใช่จำนวนเต็ม", en: "not a whole number" },
  negative_number: { th: "ตัวเลขติดลบ", en: "negative number" },
  percent_out_of_range: { th: "ร้อยละเกินช่วง", en: "percentage out of range" },
  score_above_max: { th: "คะแนนเกินเต็ม", en: "score above the maximum" },
  number_not_positive: { th: "ต้องมากกว่าศูนย์", en: "not positive" },
  count_exceeds_total: { th: "จำนวนย่อยเกินจำนวนรวม", en: "part exceeds the total" },
  count_mismatch_entries: { th: "จำนวนไม่ตรงกับรายการ", en: "count differs from entries" },
  url_invalid: { th: "URL ไม่ถูกต้อง", en: "invalid URL" },
  data_go_th_org_missing: { th: "ไม่ใช่หน้าหน่วยงานบน data.go.th", en: "not an organisation page on data.go.th" },
  email_invalid: { th: "อีเมลไม่ถูกต้อง", en: "invalid e-mail" },
  phone_invalid: { th: "หมายเลขโทรศัพท์ไม่ถูกต้อง", en: "invalid phone number" },
  mobile_invalid: { th: "หมายเลขโทรศัพท์มือถือไม่ถูกต้อง", en: "invalid mobile number" },
  general_missing: { th: "ข้อมูลทั่วไปไม่ครบ", en: "general information missing" },
  date_invalid: { th: "วันที่ไม่ถูกต้อง", en: "invalid date" },
  date_out_of_period: { th: "วันที่อยู่นอกช่วงที่กำหนด", en: "date outside the period" },
  evidence_missing: { th: "ยังไม่ได้แนบหลักฐาน", en: "evidence missing" },
  evidence_not_marked: { th: "หลักฐานไม่ได้ทำสัญลักษณ์ใจความสำคัญ", en: "key text not marked" },
  evidence_not_checked: { th: "ยังไม่ได้ตรวจหลักฐาน", en: "evidence not checked" },
  evidence_unknown_question: { th: "หลักฐานระบุข้อที่ไม่มีในแบบสำรวจ", en: "evidence for a question the form lacks" },
  empty_file: { th: "ไฟล์ว่างเปล่า", en: "empty file" },
  not_zip: { th: "ไม่ใช่ไฟล์ Word", en: "not a Word file" },
  corrupt_zip: { th: "ไฟล์เสียหาย", en: "damaged file" },
  mark_uncertain: { th: "เครื่องหมายไม่ชัดเจนในฉบับสแกน", en: "unclear mark on a scanned copy" },
  handwriting_not_read: { th: "ลายมือที่ต้องตรวจด้วยตา", en: "handwriting for a person to read" },
  encrypted_docx: { th: "ไฟล์มีรหัสผ่าน", en: "password-protected file" },
  legacy_doc: { th: "ไฟล์ Word รุ่นเก่า (.doc)", en: "old Word file (.doc)" },
  legacy_doc_no_soffice: { th: "ไฟล์ .doc แปลงไม่ได้", en: "a .doc that could not be converted" },
  odt_not_docx: { th: "ไฟล์ OpenDocument", en: "OpenDocument file" },
  missing_document_xml: { th: "ไฟล์ Word ไม่สมบูรณ์", en: "incomplete Word file" },
  zip_bomb: { th: "ไฟล์ขยายตัวผิดปกติ", en: "abnormally expanding file" },
  malformed_xml: { th: "เนื้อหาไฟล์เสียหาย", en: "damaged content" },
  damaged_xml: { th: "เนื้อหาไฟล์ขาดหาย", en: "content breaks off" },
  too_deep: { th: "ตารางซ้อนกันลึกเกินไป", en: "tables nested too deep" },
  conversion_failed: { th: "แปลงไฟล์ไม่ได้", en: "conversion failed" },
  unreadable_form_copy: { th: "เปิดไฟล์แบบสำรวจ (PDF หรือรูปภาพ) ไม่ได้", en: "the questionnaire's PDF or image cannot be opened" },
  read_failed: { th: "อ่านไฟล์ไม่ได้", en: "unreadable file" },
  form_not_received: { th: "ยังไม่ได้รับแบบสำรวจ", en: "form not received" },
  "empty-file": { th: "ไฟล์หลักฐานว่างเปล่า", en: "empty evidence file" },
  "unsupported-type": { th: "ชนิดไฟล์ที่อ่านไม่ได้", en: "unsupported file type" },
  "encrypted-pdf": { th: "PDF มีรหัสผ่าน", en: "password-protected PDF" },
  "broken-pdf": { th: "PDF เสียหาย", en: "damaged PDF" },
  "broken-image": { th: "รูปภาพเสียหาย", en: "damaged image" },
  "image-too-large": { th: "รูปภาพใหญ่เกินไป", en: "image too large" },
  "too-many-pages": { th: "จำนวนหน้ามากเกินไป", en: "too many pages" },
  "read-failed": { th: "อ่านไฟล์หลักฐานไม่ได้", en: "unreadable evidence file" },
  no_question_code: { th: "ชื่อไฟล์ไม่มีรหัสข้อ", en: "no question code in the name" },
  unknown_question_code: { th: "รหัสข้อในชื่อไฟล์ไม่มีในแบบสำรวจ", en: "unknown question code in the name" },
  agency_unknown: { th: "ไม่ทราบหน่วยงาน", en: "agency unknown" },
  embedded_before_questions: { th: "รูปในแบบสำรวจก่อนข้อแรก", en: "picture before the first question" },
  unsafe_zip_entry: { th: "ไฟล์ใน .zip ชี้ออกนอกโฟลเดอร์", en: "unsafe entry in a .zip" },
  encrypted_zip_entry: { th: "ไฟล์ใน .zip มีรหัสผ่าน", en: "password-protected entry in a .zip" },
  archive_too_deep: { th: ".zip ซ้อนกันลึกเกินไป", en: "archives nested too deep" },
  audit_not_supported: { th: "หลักฐานไม่สนับสนุนคำตอบ", en: "evidence does not support the answer" },
  audit_weak: { th: "หลักฐานยังไม่ชัดเจน", en: "evidence is weak" },
  audit_unreadable: { th: "อ่านหลักฐานไม่ได้", en: "evidence unreadable" },
  audit_rejected: { th: "ผู้ตรวจไม่ยอมรับหลักฐาน", en: "rejected by the auditor" },
};

/** The name of an issue code in a language; an unknown code is shown as is. */
export function issueName(code: string, lang: Lang): string {
  return ISSUE_NAMES[code]?.[lang] ?? code;
}

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
