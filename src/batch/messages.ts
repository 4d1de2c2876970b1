/**
 * Every user-facing text of the batch in Thai and English, in one place so both languages stay in step: why a file
 * was not used (the manifest's `reason`), the summary printed at the end, and the headers and labels of summary.xlsx
 * (Thai).
 */
import { AUDIT_MESSAGES } from "../audit/messages.js";
import type { Lang } from "../i18n/index.js";
import type { ManifestFile } from "../bundle/schema.js";

type Text = { th: string; en: string };
export type Reason = NonNullable<ManifestFile["reason"]>;

/** Why a file was superseded, failed, left unlinked or ignored. Values are filled into `{name}` placeholders. */
const REASONS = {
  superseded: (v: { newer: string; by: string; byEn: string }) => ({
    th: `มีไฟล์ที่ใหม่กว่าของหน่วยงานเดียวกัน: ${v.newer} (ตัดสินจาก${v.by})`,
    en: `a newer file of the same agency replaces it: ${v.newer} (decided by ${v.byEn})`,
  }),
  legacy_doc_no_soffice: () => ({
    th: "เป็นไฟล์ Word รุ่นเก่า (.doc/.odt) และเครื่องนี้ไม่มี LibreOffice (soffice) สำหรับแปลงเป็น .docx — กรุณาขอไฟล์ .docx จากหน่วยงาน หรือติดตั้ง LibreOffice แล้วรันใหม่",
    en: "an old Word file (.doc/.odt) and LibreOffice (soffice) is not installed to convert it to .docx — ask the agency for a .docx, or install LibreOffice and run again",
  }),
  not_this_form: () => ({
    th: "ไฟล์ Word นี้ไม่ใช่แบบสำรวจ (ไม่พบรหัสข้อ G1–P7.1) และไม่มีรหัสข้อในชื่อไฟล์หรือโฟลเดอร์ให้ใช้เป็นหลักฐาน",
    en: "this Word file is not the questionnaire (no question codes G1–P7.1) and no question code in its name or folder ties it to a question as evidence",
  }),
  no_question_code: () => ({
    th: "ไม่พบรหัสข้อ (เช่น P1.1, G2) ในชื่อไฟล์หรือชื่อโฟลเดอร์ จึงไม่ทราบว่าเป็นหลักฐานของข้อใด — ตั้งชื่อไฟล์ให้ขึ้นต้นด้วยรหัสข้อ เช่น P1.1_แผนปฏิบัติการ.pdf",
    en: "no question code (e.g. P1.1, G2) in the file or folder name, so it is not known which question it supports — name it after the question, e.g. P1.1_plan.pdf",
  }),
  unknown_question_code: (v: { codes: string }) => ({
    th: `ชื่อไฟล์ระบุข้อ ${v.codes} ซึ่งไม่มีในแบบสำรวจนี้ — ตรวจรหัสข้อในชื่อไฟล์`,
    en: `the name gives ${v.codes}, which is not a question of this form — check the code in the name`,
  }),
  form_failed: () => ({
    th: "แบบสำรวจของหน่วยงานนี้อ่านไม่ได้ จึงยังไม่ได้ใช้หลักฐานนี้ — ขอให้หน่วยงานส่งแบบสำรวจใหม่",
    en: "this agency's form could not be read, so its evidence is not used yet — ask the agency to send the form again",
  }),
  form_missing: () => ({
    th: "ยังไม่ได้รับแบบสำรวจของหน่วยงานนี้ จึงยังไม่ได้ใช้หลักฐานนี้ — ขอให้หน่วยงานส่งแบบสำรวจ",
    en: "no form of this agency has arrived, so its evidence is not used yet — ask the agency for its form",
  }),
  agency_unknown: () => ({
    th: "ไม่ทราบว่าเป็นหลักฐานของหน่วยงานใด (อยู่นอกโฟลเดอร์ของหน่วยงาน และชื่อไฟล์ไม่ระบุหน่วยงาน)",
    en: "it is not known which agency this evidence belongs to (outside any agency folder, and its name names no agency)",
  }),
  embedded_before_questions: () => ({
    th: "รูปที่ฝังในแบบสำรวจอยู่ก่อนข้อคำถามข้อแรก จึงไม่ทราบว่าเป็นหลักฐานของข้อใด",
    en: "an image embedded before the first question of the form; it is not known which question it supports",
  }),
  embedded_unsupported: () => ({
    th: "รูปที่ฝังในแบบสำรวจเป็นชนิดที่อ่านไม่ได้ (เช่น EMF/WMF/SVG)",
    en: "an image embedded in the form in a format that cannot be read (e.g. EMF/WMF/SVG)",
  }),
  duplicate_evidence: (v: { same: string }) => ({
    th: `เนื้อหาเหมือนกับ ${v.same} ทุกไบต์ จึงใช้ไฟล์นั้นแทน`,
    en: `byte-for-byte the same as ${v.same}, which is used instead`,
  }),
  system_file: () => ({
    th: "ไฟล์ของระบบหรือไฟล์ชั่วคราว (เช่น .DS_Store, Thumbs.db, ~$…)",
    en: "a system or temporary file (e.g. .DS_Store, Thumbs.db, ~$…)",
  }),
  unsupported_file: () => ({
    th: "ไม่ใช่แบบสำรวจ (.docx/.doc) ไฟล์หลักฐาน (PDF/รูปภาพ) หรือไฟล์ .zip",
    en: "neither a questionnaire (.docx/.doc), evidence (PDF/image) nor a .zip archive",
  }),
  symlink: () => ({
    th: "เป็นลิงก์ (symlink) ซึ่งไม่อ่านตามเพื่อความปลอดภัย",
    en: "a symbolic link, which is not followed for safety",
  }),
  unsafe_zip_entry: () => ({
    th: "ชื่อไฟล์ใน .zip ชี้ออกนอกโฟลเดอร์ (../ หรือพาธเต็ม) จึงไม่เปิด",
    en: "the name inside the .zip points outside the archive (../ or an absolute path), so it was not opened",
  }),
  encrypted_zip_entry: () => ({
    th: "ไฟล์ใน .zip ถูกตั้งรหัสผ่าน อ่านไม่ได้",
    en: "the file inside the .zip is password-protected",
  }),
  duplicate_zip_entry: () => ({
    th: "ชื่อไฟล์ซ้ำใน .zip เดียวกัน ใช้เฉพาะไฟล์แรก",
    en: "the same name appears twice in the .zip; only the first copy is used",
  }),
  archive_too_deep: () => ({
    th: "เป็น .zip ซ้อนใน .zip หลายชั้นเกินไป จึงไม่แตกไฟล์",
    en: "a .zip nested too deeply inside other archives; not extracted",
  }),
  read_failed: (v: { detail: string }) => ({
    th: `อ่านไฟล์ไม่ได้ (${v.detail})`,
    en: `the file could not be read (${v.detail})`,
  }),
} satisfies Record<string, (values: never) => Text>;

export type ReasonCode = keyof typeof REASONS;

export function reason<C extends ReasonCode>(code: C, ...values: Parameters<(typeof REASONS)[C]>): Reason {
  const text = (REASONS[code] as (v: unknown) => Text)(values[0]);
  return { code, message: text.th, messageEn: text.en };
}

/** A reason taken from another module's typed error (DocxError, an evidence file error): its own code and wording. */
export function reasonFrom(code: string, th: string, en: string): Reason {
  return { code, message: th, messageEn: en };
}

/** How "newer" was decided between two copies of one agency's form. */
export const NEWER_BY = {
  file_name_date: { th: "วันที่ในชื่อไฟล์", en: "the date in the file name" },
  revision: { th: "คำว่าแก้ไข/ฉบับที่ในชื่อไฟล์", en: "the revision marker in the file name" },
  word_over_pdf: { th: "ไฟล์ Word ของเอกสารเดียวกัน (อ่านได้แม่นกว่าไฟล์ PDF)", en: "the Word file of the same document (read more exactly than its PDF)" },
  mtime: { th: "เวลาแก้ไขไฟล์", en: "the file modification time" },
  path: { th: "ลำดับชื่อไฟล์ (ข้อมูลอื่นเท่ากัน)", en: "the file name order (all else equal)" },
} satisfies Record<string, Text>;

/** Lines of the human summary on stderr. */
const SUMMARY = {
  agencies: (v: { total: number; statuses: string }) => ({ th: `หน่วยงาน ${v.total} แห่ง: ${v.statuses}`, en: `${v.total} agencies: ${v.statuses}` }),
  forms: (v: { used: number; superseded: number; failed: number }) => ({
    th: `แบบสำรวจ: ใช้ ${v.used} · ถูกแทนที่ ${v.superseded} · อ่านไม่ได้ ${v.failed}`,
    en: `forms: ${v.used} used · ${v.superseded} superseded · ${v.failed} failed`,
  }),
  evidence: (v: { used: number; unlinked: number; failed: number }) => ({
    th: `หลักฐาน: เชื่อมกับข้อคำถาม ${v.used} · ไม่ทราบข้อ/หน่วยงาน ${v.unlinked} · อ่านไม่ได้ ${v.failed}`,
    en: `evidence: ${v.used} linked · ${v.unlinked} unlinked · ${v.failed} failed`,
  }),
  ignored: (n: number) => ({ th: `ไฟล์อื่นที่ไม่ได้ใช้ ${n}`, en: `${n} other files ignored` }),
  agencyLine: (v: { name: string; status: string; percent: string; errors: number; warnings: number }) => ({
    th: `  ${v.name}: ${v.status} · ตอบครบและมีหลักฐาน ${v.percent} · ข้อผิดพลาด ${v.errors} · คำเตือน ${v.warnings}`,
    en: `  ${v.name}: ${v.status} · ${v.percent} answered with evidence · ${v.errors} errors · ${v.warnings} warnings`,
  }),
  problemFile: (v: { path: string; message: string }) => ({ th: `  ✗ ${v.path}: ${v.message}`, en: `  ✗ ${v.path}: ${v.message}` }),
  round: (v: { number: number; agencies: number; fixed: number; added: number }) => ({
    th: `รอบที่ ${v.number}: เทียบกับรอบที่ ${v.number - 1} มีหน่วยงานที่เปลี่ยน ${v.agencies} แห่ง · แก้แล้ว ${v.fixed} รายการ · ปัญหาใหม่ ${v.added} รายการ`,
    en: `round ${v.number}: against round ${v.number - 1}, ${v.agencies} agencies changed · ${v.fixed} issues fixed · ${v.added} new`,
  }),
  roundAgency: (v: { name: string; status: string; fixed: number; added: number; arrived: number }) => ({
    th: `  ${v.name}: ${v.status} · ไฟล์ใหม่ ${v.arrived} · แก้แล้ว ${v.fixed} · ปัญหาใหม่ ${v.added}`,
    en: `  ${v.name}: ${v.status} · ${v.arrived} new files · ${v.fixed} fixed · ${v.added} new issues`,
  }),
  wrote: (v: { out: string; files: string }) => ({ th: `เขียนผลลัพธ์ใน ${v.out}: ${v.files}`, en: `wrote to ${v.out}: ${v.files}` }),
  errorsRemain: (v: { error: number; warning: number }) => ({
    th: `ยังมีข้อผิดพลาด ${v.error} รายการ และคำเตือน ${v.warning} รายการ (ดู issues.csv)`,
    en: `${v.error} errors and ${v.warning} warnings remain (see issues.csv)`,
  }),
  allowErrorsHint: () => ({ th: "ใช้ --allow-errors หากต้องการให้จบด้วยรหัส 0", en: "use --allow-errors to exit 0 anyway" }),
  decisions: (v: { accept: number; reject: number; unmatched: number }) => ({
    th: `ผลการตัดสินของผู้ตรวจ: ยอมรับ ${v.accept} · ไม่ยอมรับ ${v.reject} · ไม่ตรงกับคำตอบที่ตรวจ ${v.unmatched}`,
    en: `auditor's decisions: ${v.accept} accepted · ${v.reject} rejected · ${v.unmatched} match no audited answer`,
  }),
  took: (seconds: string) => ({ th: `ใช้เวลา ${seconds} วินาที`, en: `took ${seconds} s` }),
} satisfies Record<string, (values: never) => Text>;

export function summaryText<K extends keyof typeof SUMMARY>(lang: Lang, key: K, ...values: Parameters<(typeof SUMMARY)[K]>): string {
  return (SUMMARY[key] as (v: unknown) => Text)(values[0])[lang];
}

/** Stage names on the progress line. */
export const STAGES = {
  discover: { th: "สำรวจไฟล์", en: "discover" },
  extract: { th: "อ่านแบบสำรวจ", en: "extract" },
  evidence: { th: "อ่านหลักฐาน", en: "evidence" },
  crops: { th: "ตัดภาพ", en: "crops" },
  validate: { th: "ตรวจคำตอบ", en: "validate" },
  audit: { th: "ตรวจหลักฐาน", en: "audit" },
  write: { th: "เขียนผลลัพธ์", en: "write" },
  province: { th: "รวมผลจังหวัด", en: "province" },
  report: { th: "สร้างรายงาน", en: "report" },
} satisfies Record<string, Text>;
export type StageName = keyof typeof STAGES;

export const IDENTIFIED_BY_TH = { general: "ข้อมูลทั่วไปในแบบสำรวจ", folder: "ชื่อโฟลเดอร์", file_name: "ชื่อไฟล์" } as const;
export const LINKED_BY_TH = { file_name: "รหัสข้อในชื่อไฟล์", folder: "รหัสข้อในชื่อโฟลเดอร์", embedded: "ฝังในแบบสำรวจ" } as const;
export const STATUS_TH = { used: "ใช้", superseded: "ถูกแทนที่", failed: "อ่านไม่ได้", unlinked: "ไม่ได้เชื่อมโยง", ignored: "ไม่ได้ใช้" } as const;
export const KIND_TH = { form: "แบบสำรวจ", evidence: "หลักฐาน", archive: "ไฟล์ .zip", other: "อื่น ๆ" } as const;
export const SEVERITY_TH = { error: "ข้อผิดพลาด", warning: "คำเตือน", info: "ข้อสังเกต" } as const;
export const DECISION_TH = { accept: "ยอมรับ", reject: "ไม่ยอมรับ" } as const;
/** The audit's own words for its verdicts and for where a snippet was found, so the workbook and `audit` agree. */
export const VERDICT_TH = AUDIT_MESSAGES.th.verdicts;
export const FOUND_IN_TH = { marked: AUDIT_MESSAGES.th.ui.marked, page: AUDIT_MESSAGES.th.ui.page } as const;
export const RESPONDENT_TH = { provincial_office: "สำนักงานจังหวัด", agency: "หน่วยงาน", statistics_office: "สำนักงานสถิติจังหวัด" } as const;

/** summary.xlsx: sheet names and column headers (Thai, the secretariat's working language). */
export const SHEETS = {
  status: {
    name: "สถานะหน่วยงาน",
    agency: "หน่วยงาน",
    status: "สถานะ",
    received: "วันที่ได้รับล่าสุด",
    files: "จำนวนไฟล์",
    completeness: "ตอบครบและมีหลักฐาน (%)",
    errors: "ข้อผิดพลาด",
    warnings: "คำเตือน",
    audit: "ตรวจหลักฐานแล้ว",
    contact: "ผู้ประสานงาน",
    email: "e-mail",
    phone: "โทรศัพท์",
    expected: "อยู่ในรายชื่อ",
    yes: "ใช่",
    no: "ไม่อยู่ในรายชื่อ",
  },
  overview: {
    name: "ภาพรวม",
    agency: "หน่วยงาน",
    id: "รหัสหน่วยงาน",
    file: "ไฟล์แบบสำรวจ",
    identifiedBy: "ระบุหน่วยงานจาก",
    respondent: "ผู้ตอบ",
    completeness: "ความครบถ้วนรวม (%)",
    pillar: (n: number) => `ส่วนที่ ${n} (%)`,
    errors: "ข้อผิดพลาด",
    warnings: "คำเตือน",
    evidence: "ไฟล์หลักฐาน",
    superseded: "ไฟล์ที่ถูกแทนที่",
  },
  round: {
    name: (n: number) => `รอบที่ ${n} เปลี่ยนอะไร`,
    agency: "หน่วยงาน",
    status: "สถานะ (ก่อน → หลัง)",
    what: "รายการ",
    question: "ข้อ",
    detail: "รายละเอียด",
    arrived: "ไฟล์ที่ได้รับ",
    fixed: "แก้แล้ว",
    added: "ปัญหาใหม่",
    answer: "คำตอบเปลี่ยน",
    none: "(ว่าง)",
  },
  answers: { name: "คำตอบ", question: "ข้อ", field: "รหัสช่องคำตอบ", label: "ตัวเลือก / ช่องกรอก" },
  issues: { name: "ปัญหา" },
  evidence: {
    name: "หลักฐาน",
    agency: "หน่วยงาน",
    file: "ไฟล์",
    questions: "ข้อ",
    linkedBy: "เชื่อมโยงจาก",
    pages: "จำนวนหน้า",
    markedPages: "หน้าที่ทำเครื่องหมาย",
    markedText: "ข้อความที่ทำเครื่องหมาย",
    problem: "ปัญหา",
  },
  audit: {
    name: "ตรวจหลักฐาน",
    agency: "หน่วยงาน",
    question: "ข้อ",
    field: "ช่องคำตอบ",
    label: "คำตอบ",
    verdict: "ผลตรวจ",
    score: "คะแนน (%)",
    expectation: "สิ่งที่ตรวจหา",
    snippet: "ข้อความที่พบ",
    file: "ไฟล์หลักฐาน",
    page: "หน้า",
    foundIn: "พบใน",
    reasons: "เหตุผล",
    decision: "การตัดสินของผู้ตรวจ",
    comment: "หมายเหตุผู้ตรวจ",
  },
  files: { name: "ไฟล์ที่ไม่ได้ใช้", file: "ไฟล์", kind: "ชนิด", status: "สถานะ", agency: "หน่วยงาน", reason: "เหตุผล" },
} as const;
