/** Why a .docx could not be read at all, as a SamruatError with a stable code and a Thai + English message. */
import { EXIT, SamruatError } from "../errors.js";
import type { DocxDocument } from "./model.js";

export type DocxErrorCode =
  | "empty_file"
  | "not_zip"
  | "corrupt_zip"
  | "encrypted_docx"
  | "legacy_doc"
  | "odt_not_docx"
  | "missing_document_xml"
  | "zip_bomb"
  | "malformed_xml"
  | "damaged_xml"
  | "too_deep"
  | "file_not_found"
  | "conversion_failed"
  | "unreadable_form_copy";

export class DocxError extends SamruatError {
  declare readonly code: DocxErrorCode;

  constructor(
    code: DocxErrorCode,
    file: string,
    messageTh: string,
    messageEn: string,
    /** What was read before a damaged part broke off: never used as answers, only to say how far reading got. */
    readonly partial?: { document: DocxDocument; part: string; detail: string },
  ) {
    super(code, messageTh, messageEn, EXIT.unreadable, file);
    this.name = "DocxError";
  }
}

/** Builds each error's wording in one place so the Thai and English stay in step. */
export const docxError = {
  empty(file: string): DocxError {
    return new DocxError("empty_file", file, `ไฟล์ "${file}" ว่างเปล่า (0 ไบต์)`, `"${file}" is empty (0 bytes)`);
  },
  notZip(file: string, looksLike?: { th: string; en: string }): DocxError {
    const th = looksLike ? ` (ดูเหมือนเป็นไฟล์ ${looksLike.th})` : "";
    const en = looksLike ? ` (it looks like ${looksLike.en})` : "";
    return new DocxError(
      "not_zip",
      file,
      `ไฟล์ "${file}" ไม่ใช่ไฟล์ Word แบบ .docx${th} กรุณาบันทึกเป็น .docx ใน Word แล้วลองใหม่`,
      `"${file}" is not a Word .docx file (not a ZIP package)${en}; save it as .docx in Word and try again`,
    );
  },
  /** A form returned as a PDF or as pictures that cannot be opened (damaged, locked, too large): the reader's reason. */
  unreadableCopy(file: string, reason: { th: string; en: string }): DocxError {
    return new DocxError("unreadable_form_copy", file, `อ่านไฟล์ "${file}" ไม่ได้: ${reason.th}`, `"${file}" cannot be read: ${reason.en}`);
  },
  corrupt(file: string, detail: string): DocxError {
    return new DocxError(
      "corrupt_zip",
      file,
      `ไฟล์ "${file}" เสียหาย อ่านไม่ได้ (${detail}) กรุณาเปิดใน Word แล้วบันทึกใหม่`,
      `"${file}" is damaged and cannot be read (${detail}); open it in Word and save it again`,
    );
  },
  encrypted(file: string): DocxError {
    return new DocxError(
      "encrypted_docx",
      file,
      `ไฟล์ "${file}" ถูกตั้งรหัสผ่านไว้ กรุณาเปิดใน Word เอารหัสผ่านออก แล้วบันทึกใหม่`,
      `"${file}" is password-protected (encrypted); remove the password in Word and save it again`,
    );
  },
  legacyDoc(file: string, wordStream: boolean): DocxError {
    const what = wordStream ? "Word 97–2003 (.doc)" : "Office 97–2003 (OLE)";
    return new DocxError(
      "legacy_doc",
      file,
      `ไฟล์ "${file}" เป็นไฟล์ ${what} รุ่นเก่า กรุณาบันทึกเป็น .docx หรือแปลงด้วย LibreOffice: soffice --headless --convert-to docx`,
      `"${file}" is an old ${what} file; save it as .docx, or convert it with LibreOffice: soffice --headless --convert-to docx`,
    );
  },
  odt(file: string, mimetype: string): DocxError {
    return new DocxError(
      "odt_not_docx",
      file,
      `ไฟล์ "${file}" เป็นไฟล์ OpenDocument (${mimetype}) ไม่ใช่ .docx กรุณาบันทึกเป็น .docx`,
      `"${file}" is an OpenDocument file (${mimetype}), not .docx; save it as .docx`,
    );
  },
  missingDocument(file: string, looksLike?: { th: string; en: string }): DocxError {
    const th = looksLike ? ` (ดูเหมือนเป็นไฟล์ ${looksLike.th})` : "";
    const en = looksLike ? ` (it looks like ${looksLike.en})` : "";
    return new DocxError(
      "missing_document_xml",
      file,
      `ไฟล์ "${file}" เป็น ZIP แต่ไม่ใช่เอกสาร Word: ไม่มี word/document.xml${th}`,
      `"${file}" is a ZIP file but not a Word document: word/document.xml is missing${en}`,
    );
  },
  bomb(file: string, detail: string): DocxError {
    return new DocxError(
      "zip_bomb",
      file,
      `ไม่อ่านไฟล์ "${file}" เพราะขนาดเมื่อคลายบีบอัดผิดปกติ (${detail})`,
      `"${file}" was refused: its uncompressed size is abnormal (${detail})`,
    );
  },
  damaged(file: string, part: string, detail: string, partial: DocxDocument, lastQuestion?: string): DocxError {
    const th = lastQuestion ? ` อ่านได้ถึงข้อ ${lastQuestion}` : "";
    const en = lastQuestion ? `; it was readable up to ${lastQuestion}` : "";
    return new DocxError(
      "damaged_xml",
      file,
      `ไฟล์ "${file}" เสียหาย: ${part} ขาดหายกลางคัน (${detail})${th} — ไม่ใช้คำตอบจากไฟล์นี้ กรุณาเปิดใน Word แล้วบันทึกใหม่หรือส่งไฟล์ใหม่`,
      `"${file}" is damaged: ${part} breaks off (${detail})${en} — no answers are taken from it; open it in Word and save it again, or send it again`,
      { document: partial, part, detail },
    );
  },
  tooDeep(file: string, depth: number): DocxError {
    return new DocxError(
      "too_deep",
      file,
      `ไฟล์ "${file}" มีตารางซ้อนกันลึกผิดปกติ (เกิน ${depth} ชั้น) จึงไม่อ่าน`,
      `"${file}" has tables nested abnormally deep (more than ${depth} levels) and was not read`,
    );
  },
  notFound(file: string): DocxError {
    return new DocxError("file_not_found", file, `ไม่พบไฟล์ "${file}"`, `file not found: "${file}"`);
  },
  conversionFailed(file: string, detail: string): DocxError {
    return new DocxError(
      "conversion_failed",
      file,
      `แปลงไฟล์ "${file}" เป็น .docx ด้วย LibreOffice ไม่สำเร็จ (${detail}) กรุณาเปิดใน Word แล้วบันทึกเป็น .docx`,
      `LibreOffice could not convert "${file}" to .docx (${detail}); open it in Word and save it as .docx`,
    );
  },
  malformedXml(file: string, part: string, detail: string): DocxError {
    return new DocxError(
      "malformed_xml",
      file,
      `ไฟล์ "${file}" เสียหาย: ${part} ไม่ใช่ XML ที่ถูกต้อง (${detail})`,
      `"${file}" is damaged: ${part} is not well-formed XML (${detail})`,
    );
  },
};
