/**
 * What the readers (.docx, PDF form, scanned form) tell about how a document was read, in Thai and English, in one
 * table so that both languages stay in step. Rule-by-rule text lives here, never at the call site.
 */
import type { Message } from "./model.js";

type Text = { th: string; en: string };

const READER_MESSAGES = {
  unsafe_zip_entry: (d: { entry: string }) => ({
    th: `ข้ามรายการ "${d.entry}" ในไฟล์ ZIP เพราะชี้ออกนอกเอกสาร`,
    en: `ZIP entry "${d.entry}" points outside the package and was ignored`,
  }),
  duplicate_zip_entry: (d: { entry: string }) => ({
    th: `รายการ "${d.entry}" ในไฟล์ ZIP ซ้ำกัน ใช้รายการแรก`,
    en: `ZIP entry "${d.entry}" appears more than once; the first copy is used`,
  }),
  unreadable_relationships: (d: { detail: string; main: string }) => ({
    th: `อ่าน _rels/.rels ไม่ได้ (${d.detail}) จึงใช้ ${d.main}`,
    en: `_rels/.rels could not be read (${d.detail}); assuming ${d.main}`,
  }),
  styles_unreadable: (d: { detail: string }) => ({
    th: `อ่านสไตล์ของเอกสารไม่ได้ (${d.detail}) ชื่อสไตล์และแบบอักษรที่สืบทอดมาจึงขาดไป`,
    en: `styles could not be read (${d.detail}); style names and inherited fonts are missing`,
  }),
  unknown_symbol: (d: { symbol: string }) => ({
    th: `สัญลักษณ์ ${d.symbol} ไม่ใช่เครื่องหมายช่องเลือกที่รู้จัก จึงเก็บไว้เป็นข้อความ`,
    en: `symbol ${d.symbol} is not a known checkbox mark; kept as text`,
  }),
  more_unknown_symbols: (d: { count: number }) => ({
    th: `สัญลักษณ์ที่ไม่รู้จักอีก ${d.count} ตัวเก็บไว้เป็นข้อความโดยไม่แจ้งทีละตัว`,
    en: `${d.count} more unknown symbols were kept as text without a message each`,
  }),
  unknown_element: (d: { name: string; count: number }) => ({
    th: `ไม่รู้จักองค์ประกอบ <${d.name}> (${d.count} ครั้ง) อ่านข้อความข้างในเท่าที่อ่านได้`,
    en: `<${d.name}> is not understood (${d.count}×); text inside it was read where possible`,
  }),
  symbol_in_text_font: (d: { count: number; fonts: string }) => ({
    th: `พบอักขระของแบบอักษรสัญลักษณ์ (U+F0xx) ${d.count} ตัวในแบบอักษรข้อความ (${d.fonts}) ช่องและเครื่องหมายถูกของ Wingdings อ่านเป็นเครื่องหมาย ที่เหลือเก็บเป็นข้อความ`,
    en: `${d.count} symbol-font character(s) (U+F0xx) in a text font (${d.fonts}); Wingdings boxes and ticks among them were read as marks, the rest kept as text`,
  }),
  pdf_too_long_for_form: (d: { pages: number }) => ({
    th: `ไฟล์มี ${d.pages} หน้า ยาวกว่าแบบสำรวจมาก จึงไม่อ่านเป็นแบบสำรวจ`,
    en: `${d.pages} pages: far longer than the questionnaire, not read as a form`,
  }),
  scan_not_form: (d: { probed: number }) => ({
    th: `${d.probed} หน้าแรกที่เป็นภาพสแกนไม่มีรหัสข้อคำถามหรือชื่อแบบสำรวจ จึงไม่ได้อ่านหน้าที่เหลือ`,
    en: `the first ${d.probed} scanned pages show no question code or title of the questionnaire: the other pages were not read`,
  }),
  pdf_no_text: (_: Record<string, never>) => ({
    th: "อ่านอะไรจากไฟล์ไม่ได้เลย: ไม่มีชั้นข้อความ และ OCR ไม่พบคำ",
    en: "nothing could be read from the file: no text layer, and OCR found no words",
  }),
  read_from_scan: (d: { scanned: number; pages: number }) => ({
    th: `${d.scanned} จาก ${d.pages} หน้าเป็นภาพสแกนของกระดาษ อ่านด้วย OCR และหมึกในแต่ละช่อง: ตรวจคำตอบกับหน้าเอกสาร (ไม่อ่านลายมือเป็นข้อความ)`,
    en: `${d.scanned} of ${d.pages} pages are pictures of paper, read by OCR and by the ink in each box: check the answers against the pages (handwriting is not read as text)`,
  }),
  read_from_pdf: (_: Record<string, never>) => ({
    th: "คำตอบอ่านจากไฟล์ PDF ไม่ใช่ไฟล์ Word: ตรวจคำตอบกับหน้าใน PDF หรือขอไฟล์ .docx",
    en: "answers read from a PDF, not the .docx: check the answers against the PDF's pages, or ask for the .docx",
  }),
  handwriting_not_read: (d: { page: number; box: string }) => ({
    th: `หน้า ${d.page}: มีลายมือเขียนในช่องว่างที่ ${d.box} (พอยต์) ไม่ได้อ่านเป็นข้อความ — ต้องตรวจด้วยตา`,
    en: `page ${d.page}: handwriting in the blank at ${d.box} (points) is not read as text — a person must read it`,
  }),
  mark_uncertain: (d: { page: number; shape: "box" | "circle" | "tick"; box: string; ink: number; checked: boolean }) => ({
    th: `หน้า ${d.page}: ${d.shape === "box" ? "ช่องสี่เหลี่ยม" : d.shape === "circle" ? "วงกลม" : "เครื่องหมายถูก"}ที่ ${d.box} (พอยต์) มีหมึกอยู่เล็กน้อย (${d.ink.toFixed(2)} ของความกว้าง) อ่านเป็น${d.checked ? "เลือก" : "ไม่เลือก"} — ตรวจดูที่หน้าเอกสาร`,
    en: `page ${d.page}: a ${d.shape} at ${d.box} (points) has a little ink inside (${d.ink.toFixed(2)} of its width); read as ${d.checked ? "checked" : "empty"} — check it on the page`,
  }),
} satisfies Record<string, (data: never) => Text>;

export type ReaderMessageCode = keyof typeof READER_MESSAGES;

/** A reader warning with its text in both languages. */
export function readerWarning<C extends ReaderMessageCode>(
  code: C,
  data: Parameters<(typeof READER_MESSAGES)[C]>[0],
  location?: string | { page: number; box: [number, number, number, number] },
): Message {
  const text = (READER_MESSAGES[code] as (d: typeof data) => Text)(data);
  const where =
    typeof location === "string"
      ? { location }
      : location
        ? { location: `page ${location.page}, box ${location.box.join(",")}`, page: location.page, box: location.box }
        : {};
  return { severity: "warning", code, message: text.en, messageTh: text.th, ...where };
}
