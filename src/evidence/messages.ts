/** Every user-facing evidence message in Thai and English, in one place so both languages stay in step. */
import type { ErrorCode, EvidenceWarning, FileError, WarningCode } from "./schema.js";

type Text = { th: string; en: string };

const ERRORS: Record<ErrorCode, (detail: string) => Text> = {
  "empty-file": () => ({ th: "ไฟล์ว่างเปล่า (0 ไบต์)", en: "the file is empty (0 bytes)" }),
  "unsupported-type": (d) => ({
    th: `ไม่รองรับไฟล์ชนิดนี้${d ? ` (${d})` : ""} — รองรับ PDF, PNG, JPG, TIFF และรูปใน DOCX`,
    en: `unsupported file type${d ? ` (${d})` : ""} — PDF, PNG, JPG, TIFF and images in DOCX are supported`,
  }),
  "encrypted-pdf": () => ({
    th: "PDF มีรหัสผ่าน อ่านไม่ได้ — กรุณาส่งไฟล์ที่ไม่ได้ล็อก",
    en: "the PDF is password-protected — please attach an unlocked copy",
  }),
  "broken-pdf": (d) => ({ th: `PDF เสียหายหรือไม่ใช่ PDF ที่ถูกต้อง (${d})`, en: `the PDF is damaged or invalid (${d})` }),
  "broken-image": (d) => ({ th: `ไฟล์รูปเสียหายหรืออ่านไม่ได้ (${d})`, en: `the image is damaged or cannot be decoded (${d})` }),
  "image-too-large": (d) => ({
    th: `รูปใหญ่เกินไป (${d}) — กรุณาลดขนาดหรือสแกนที่ 300 dpi`,
    en: `the image is too large (${d}) — please downscale it or scan at 300 dpi`,
  }),
  "too-many-pages": (d) => ({
    th: `ไฟล์มีจำนวนหน้ามากเกินไป (${d}) — กรุณาแนบเฉพาะหน้าที่เป็นหลักฐาน`,
    en: `the file has too many pages (${d}) — please attach only the pages that are evidence`,
  }),
  "read-failed": (d) => ({ th: `อ่านไฟล์ไม่ได้ (${d})`, en: `the file could not be read (${d})` }),
};

const WARNINGS: Record<WarningCode, (detail: string) => Text> = {
  "page-unreadable": (d) => ({ th: `อ่านข้อความในหน้านี้ไม่ได้${d ? ` (${d})` : ""}`, en: `no text could be read on this page${d ? ` (${d})` : ""}` }),
  "low-confidence": (d) => ({
    th: `ความมั่นใจของการอ่านข้อความต่ำ (${d}) — ควรตรวจทานหรือสแกนใหม่ที่ 300 dpi`,
    en: `low OCR confidence (${d}) — check the text or rescan at 300 dpi`,
  }),
  "nothing-marked": () => ({
    th: "ไม่พบข้อความที่ไฮไลต์หรือทำเครื่องหมายไว้ในไฟล์นี้",
    en: "no highlighted or marked text was found in this file",
  }),
  "sparse-text-layer": (d) => ({
    th: `ชั้นข้อความของ PDF มีตัวอักษรน้อยเกินไป (${d}) จึงอ่านด้วย OCR แทน`,
    en: `the PDF text layer is too sparse (${d}); the page was read with OCR instead`,
  }),
  "region-unreadable": (d) => ({
    th: `พบส่วนที่ไฮไลต์แต่อ่านข้อความไม่ได้หรือไม่แน่ใจ (${d})`,
    en: `a highlighted region was found but its text could not be read reliably (${d})`,
  }),
  "time-budget": (d) => ({
    th: `ใช้เวลาอ่านไฟล์นานเกินกำหนด จึงอ่านได้เพียงบางหน้า (${d})`,
    en: `reading the file took longer than its time budget; only some pages were read (${d})`,
  }),
  "skipped-embedded-image": (d) => ({
    th: `ข้ามรูปที่ฝังไว้ซึ่งไม่รองรับ (${d})`,
    en: `skipped an embedded image in an unsupported format (${d})`,
  }),
};

export function fileError(code: ErrorCode, detail = ""): FileError {
  const t = ERRORS[code](detail);
  return { code, message: t.en, messageTh: t.th };
}

export function warning(code: WarningCode, detail = ""): EvidenceWarning {
  const t = WARNINGS[code](detail);
  return { code, message: t.en, messageTh: t.th };
}

/** A failure that ends the reading of one file; read.ts turns it into that file's `error` entry. */
export class EvidenceError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail = "",
  ) {
    super(ERRORS[code](detail).en);
    this.name = "EvidenceError";
  }

  toFileError(): FileError {
    return fileError(this.code, this.detail);
  }
}
