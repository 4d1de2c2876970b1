/**
 * The audit's words, in Thai (default) and English: one template per reason code ({placeholders} filled from the
 * reason's data, `[ … ]` dropped when a placeholder inside is empty — src/i18n's `fill`), verdict names, and the
 * labels of the text report.
 */
import type { Verdict } from "../bundle/schema.js";
import { fill, messages, type Lang } from "../i18n/index.js";
import type { IssueValue } from "../validate/types.js";

export type ReasonCode =
  | "evidence_missing"
  | "url_only"
  | "unreadable"
  | "not_marked"
  | "not_marked_optional"
  | "marked_elsewhere"
  | "topic_missing"
  | "detail_missing"
  | "document_kind_missing"
  | "date_outside"
  | "date_not_found"
  | "date_unclear"
  | "date_within"
  | "matched"
  | "other_files_unreadable";

export interface Reason {
  code: ReasonCode;
  data: Record<string, IssueValue>;
}

interface AuditTable {
  reasons: Record<ReasonCode, string>;
  verdicts: Record<Verdict, string>;
  ui: { title: string; agency: string; summary: string; looked: string; found: string; marked: string; page: string; none: string };
  /** Where a phrase was found, as the `matched` reason says it. */
  where: { marked: string; page: string };
}

const th: AuditTable = {
  reasons: {
    evidence_missing: "ไม่มีไฟล์หลักฐานแนบกับข้อ {question}",
    url_only: "ให้ URL แทนไฟล์หลักฐาน ({url}) จึงตรวจเนื้อหาไม่ได้",
    unreadable: "อ่านไฟล์ {file} ไม่ได้[ ({error})]",
    not_marked: "ไม่ได้ทำสัญลักษณ์ข้อความสำคัญใน {file}",
    not_marked_optional: "ไม่ได้ทำสัญลักษณ์ข้อความสำคัญใน {file} (ข้อนี้ไม่บังคับ) จึงตรวจจากเนื้อหาทั้งหน้า",
    marked_elsewhere: "ข้อความที่ทำสัญลักษณ์ (“{marked}”) ไม่ใช่ใจความที่ตอบ แต่พบ “{found}” ในเนื้อหาหน้า {page}",
    topic_missing: "ไม่พบเรื่องที่ตอบในหลักฐาน (คำใดคำหนึ่ง: {phrases})",
    detail_missing: "ไม่พบรายละเอียดที่ควรมี (คำใดคำหนึ่ง: {phrases})",
    document_kind_missing: "หลักฐานไม่ใช่เอกสารประเภทที่ควรเป็น ({document})",
    date_outside: "เอกสารลงวันที่ {date} อยู่นอกช่วง {period}",
    date_not_found: "ไม่พบวันที่ของเอกสารที่อ่านได้ (ต้องอยู่ในช่วง {period})",
    date_unclear: "อ่านวันที่ของเอกสารได้เป็น {date} ซึ่งอยู่นอกช่วง {period} แต่ตัวเลขอาจอ่านผิดจากภาพสแกน โปรดตรวจสอบ",
    date_within: "เอกสารลงวันที่ {date} อยู่ในช่วง {period}",
    matched: "พบ “{found}” {where} หน้า {page} ของ {file}",
    other_files_unreadable: "ไฟล์อื่นที่แนบอ่านไม่ได้: {files}",
  },
  verdicts: {
    supported: "หลักฐานสนับสนุนคำตอบ",
    weak: "หลักฐานยังไม่ชัดเจน",
    not_supported: "หลักฐานไม่สนับสนุนคำตอบ",
    evidence_missing: "ไม่มีหลักฐาน",
    not_marked: "ไม่ได้ทำสัญลักษณ์ข้อความสำคัญ",
    unreadable: "อ่านหลักฐานไม่ได้",
  },
  ui: {
    title: "ผลตรวจหลักฐาน",
    agency: "หน่วยงาน",
    summary: "สรุป",
    looked: "สิ่งที่ตรวจหา",
    found: "ข้อความที่พบ",
    marked: "ข้อความที่ทำสัญลักษณ์",
    page: "เนื้อหาหน้า",
    none: "ไม่มีข้อที่ต้องแนบหลักฐาน",
  },
  where: { marked: "ในข้อความที่ทำสัญลักษณ์", page: "ในเนื้อหา (นอกส่วนที่ทำสัญลักษณ์)" },
};

const en: AuditTable = {
  reasons: {
    evidence_missing: "no evidence file is attached to {question}",
    url_only: "a URL was given instead of a file ({url}); its content cannot be checked",
    unreadable: "cannot read {file}[ ({error})]",
    not_marked: "the key text is not marked in {file}",
    not_marked_optional: "nothing is marked in {file} (not required here); the whole page text was checked",
    marked_elsewhere: "the marked text (“{marked}”) is not what the answer claims; “{found}” is on page {page} unmarked",
    topic_missing: "the evidence is not about the answer (none of: {phrases})",
    detail_missing: "a detail the evidence should show is missing (none of: {phrases})",
    document_kind_missing: "not the kind of document expected ({document})",
    date_outside: "the document is dated {date}, outside {period}",
    date_not_found: "no readable date on the document (it must fall in {period})",
    date_unclear: "the date reads {date}, outside {period}, but a digit may be misread in the scan; please check",
    date_within: "the document is dated {date}, within {period}",
    matched: "found “{found}” {where} on page {page} of {file}",
    other_files_unreadable: "other attached files could not be read: {files}",
  },
  verdicts: {
    supported: "supported",
    weak: "weak",
    not_supported: "not supported",
    evidence_missing: "evidence missing",
    not_marked: "key text not marked",
    unreadable: "unreadable",
  },
  ui: {
    title: "Evidence audit",
    agency: "Agency",
    summary: "Summary",
    looked: "looked for",
    found: "found",
    marked: "marked text",
    page: "page text",
    none: "no answer calls for evidence",
  },
  where: { marked: "in the marked text", page: "in the page text (not marked)" },
};

export const AUDIT_MESSAGES: Record<Lang, AuditTable> = { th, en };

/** A reason as AuditItem carries it: its code and its text in both languages. */
export function reasonText(reason: Reason): { code: string; message: string; messageEn: string } {
  const say = (lang: Lang) => {
    const where = reason.data.where === "marked" ? AUDIT_MESSAGES[lang].where.marked : AUDIT_MESSAGES[lang].where.page;
    const data = reason.data.where === undefined ? reason.data : { ...reason.data, where };
    return fill(AUDIT_MESSAGES[lang].reasons[reason.code], data, messages(lang));
  };
  return { code: reason.code, message: say("th"), messageEn: say("en") };
}
