/**
 * The report page's own words, one table per language. Issue messages come from src/i18n (they are filled per
 * issue), role and severity names too; everything the page itself prints is here. `{name}` is filled by the page.
 */
import type { Lang } from "../i18n/index.js";
import type { IdentifiedBy, LinkedBy, ManifestFile, Verdict } from "../bundle/schema.js";

export interface ReportMessages {
  title: string;
  subtitle: string;
  tabs: { agencies: string; questions: string; audit: string; province: string };
  noScript: string;
  agencies: {
    heading: string;
    status: string;
    received: string;
    statusSummary: string;
    notExpected: string;
    name: string;
    respondent: string;
    completeness: string;
    errors: string;
    warnings: string;
    identifiedBy: string;
    audit: string;
    auditSummary: string;
    unassignedFiles: string;
    none: string;
  };
  agency: {
    back: string;
    sourceFile: string;
    readBy: string;
    general: string;
    documentIssues: string;
    evidenceFiles: string;
    otherFiles: string;
    pillarCompleteness: string;
    onlyWithIssues: string;
    hiddenNotAsked: string;
    notInBundle: string;
  };
  question: {
    heading: string;
    pick: string;
    previous: string;
    next: string;
    agency: string;
    answers: string;
    issues: string;
    evidence: string;
    notAnswered: string;
    notAsked: string;
    typed: string;
    headingNote: string;
    noIssues: string;
    noEvidence: string;
    evidenceNeeded: string;
  };
  evidence: {
    page: string;
    pages: string;
    marked: string;
    nothingMarked: string;
    noCrop: string;
    cropAlt: string;
    linkedBy: string;
    questions: string;
    ocr: string;
    textLayer: string;
    confidence: string;
    unreadableCount: string;
    unreadable: string;
    guess: string;
    nearby: string;
    status: string;
    reason: string;
    fileName: string;
  };
  audit: {
    heading: string;
    intro: string;
    filterVerdict: string;
    filterAgency: string;
    filterPillar: string;
    filterDecision: string;
    all: string;
    undecided: string;
    shown: string;
    agencyQuestion: string;
    answered: string;
    verdict: string;
    expectation: string;
    evidence: string;
    decision: string;
    accept: string;
    reject: string;
    clear: string;
    comment: string;
    score: string;
    inMarked: string;
    inPage: string;
    export: string;
    exportNote: string;
    storageUnavailable: string;
    saved: string;
    none: string;
  };
  province: {
    heading: string;
    question: string;
    merged: string;
    provenance: string;
    rule: string;
  };
  groupG: string;
  pillar: string;
  verdicts: Record<Verdict, string>;
  identifiedBy: Record<IdentifiedBy, string>;
  linkedBy: Record<LinkedBy, string>;
  fileStatus: Record<ManifestFile["status"], string>;
  fileKind: Record<ManifestFile["kind"], string>;
  readMethod: Record<"tagged" | "anchored" | "mixed", string>;
}

const th: ReportMessages = {
  title: "รายงานผลการตรวจแบบสำรวจ",
  subtitle: "{form} · {agencies} หน่วยงาน",
  tabs: { agencies: "หน่วยงาน", questions: "รายข้อ", audit: "ตรวจหลักฐาน", province: "ภาพรวมจังหวัด" },
  noScript: "หน้านี้ต้องเปิด JavaScript ในเบราว์เซอร์",
  agencies: {
    heading: "หน่วยงานตามรายชื่อและสถานะ",
    name: "หน่วยงาน",
    status: "สถานะ",
    received: "ได้รับล่าสุด",
    statusSummary: "สถานะ:",
    notExpected: "ไม่อยู่ในรายชื่อ",
    respondent: "ผู้ตอบ",
    completeness: "ความครบถ้วน",
    errors: "ข้อผิดพลาด",
    warnings: "คำเตือน",
    identifiedBy: "ระบุหน่วยงานจาก",
    audit: "ผลตรวจหลักฐาน",
    auditSummary: "สนับสนุน {supported} / {total}",
    unassignedFiles: "ไฟล์ที่ไม่ได้ผูกกับหน่วยงานใด",
    none: "ไม่มี",
  },
  agency: {
    back: "← กลับไปรายชื่อหน่วยงาน",
    sourceFile: "ไฟล์แบบสำรวจ",
    readBy: "วิธีอ่านคำตอบ",
    general: "ข้อมูลทั่วไป",
    documentIssues: "ปัญหาของทั้งเอกสารและข้อมูลทั่วไป",
    evidenceFiles: "ไฟล์หลักฐาน ({n})",
    otherFiles: "ไฟล์ที่ใช้ไม่ได้ ถูกแทนที่ หรือไม่ได้ผูกกับข้อใด ({n})",
    pillarCompleteness: "ความครบถ้วนรายส่วน",
    onlyWithIssues: "แสดงเฉพาะข้อที่มีปัญหา",
    hiddenNotAsked: "ไม่แสดง {n} ข้อที่ผู้ตอบนี้ไม่ต้องตอบ",
    notInBundle: "ยังไม่มีแบบสำรวจที่อ่านได้ของหน่วยงานนี้",
  },
  question: {
    heading: "เปรียบเทียบรายข้อ",
    pick: "เลือกข้อ",
    previous: "← ข้อก่อนหน้า",
    next: "ข้อถัดไป →",
    agency: "หน่วยงาน",
    answers: "คำตอบ",
    issues: "ปัญหา",
    evidence: "หลักฐาน",
    notAnswered: "ไม่ได้ตอบ",
    notAsked: "ไม่ต้องตอบ (ข้อนี้สำหรับ{who})",
    typed: "พิมพ์ไว้ว่า",
    headingNote: "ข้อนี้เป็นหัวข้อ ตอบในข้อย่อย",
    noIssues: "ไม่พบปัญหา",
    noEvidence: "ไม่มีไฟล์หลักฐาน",
    evidenceNeeded: "ต้องแนบหลักฐาน",
  },
  evidence: {
    page: "หน้า {n}",
    pages: "{n} หน้า",
    marked: "ข้อความที่ทำสัญลักษณ์",
    nothingMarked: "ไม่พบการทำสัญลักษณ์ในไฟล์นี้",
    noCrop: "ไม่มีภาพส่วนที่ทำสัญลักษณ์",
    cropAlt: "ภาพส่วนที่ทำสัญลักษณ์ หน้า {n}: {text}",
    linkedBy: "ผูกกับข้อจาก",
    questions: "ข้อ",
    ocr: "OCR",
    textLayer: "ข้อความในไฟล์",
    confidence: "ความเชื่อมั่น {n}%",
    unreadableCount: "อ่านข้อความไม่ได้ {n} จาก {total} ส่วนที่ทำสัญลักษณ์",
    unreadable: "อ่านข้อความส่วนนี้ไม่ได้แน่ชัด — ต้องตรวจด้วยตาจากภาพ",
    guess: "OCR อ่านได้ว่า (ไม่แน่ใจ)",
    nearby: "ข้อความรอบ ๆ",
    status: "สถานะ",
    reason: "เหตุผล",
    fileName: "ไฟล์",
  },
  audit: {
    heading: "ตรวจหลักฐานรายคำตอบ",
    intro: "ทุกคำตอบที่ต้องมีหลักฐาน พร้อมข้อความที่ทำสัญลักษณ์ที่ตรงที่สุด บันทึกการยอมรับหรือไม่ยอมรับได้ในหน้านี้ แล้วกด “ส่งออกผลการตัดสิน” เพื่อใช้กับ batch --decisions",
    filterVerdict: "ผลตรวจ",
    filterAgency: "หน่วยงาน",
    filterPillar: "ส่วน",
    filterDecision: "การตัดสิน",
    all: "ทั้งหมด",
    undecided: "ยังไม่ตัดสิน",
    shown: "แสดง {shown} จาก {total} รายการ",
    agencyQuestion: "หน่วยงาน / ข้อ",
    answered: "คำตอบ",
    verdict: "ผลตรวจ",
    expectation: "สิ่งที่ตรวจหา",
    evidence: "หลักฐานที่ตรงที่สุด",
    decision: "การตัดสิน",
    accept: "ยอมรับ",
    reject: "ไม่ยอมรับ",
    clear: "ล้าง",
    comment: "หมายเหตุ",
    score: "คะแนน {n}%",
    inMarked: "ในส่วนที่ทำสัญลักษณ์",
    inPage: "ในเนื้อหน้า (นอกส่วนที่ทำสัญลักษณ์)",
    export: "ส่งออกผลการตัดสิน (JSON)",
    exportNote: "ตัดสินแล้ว {n} รายการ",
    storageUnavailable: "เบราว์เซอร์นี้เก็บผลการตัดสินไว้ไม่ได้ — ส่งออกเป็นไฟล์ก่อนปิดหน้า",
    saved: "บันทึกในเบราว์เซอร์แล้ว",
    none: "ไม่มีรายการตรวจหลักฐาน (ยังไม่ได้รันการตรวจ)",
  },
  province: {
    heading: "ภาพรวมจังหวัด: คำตอบที่รวมแล้ว",
    question: "ข้อ",
    merged: "คำตอบที่รวมแล้ว",
    provenance: "ที่มา",
    rule: "วิธีรวม",
  },
  groupG: "G ผู้นำดิจิทัล (คณะกรรมการ PCIO)",
  pillar: "ส่วนที่",
  verdicts: {
    supported: "หลักฐานสนับสนุน",
    weak: "หลักฐานไม่ชัดเจน",
    not_supported: "หลักฐานไม่สนับสนุน",
    evidence_missing: "ไม่มีหลักฐาน",
    not_marked: "ไม่ได้ทำสัญลักษณ์",
    unreadable: "อ่านหลักฐานไม่ได้",
  },
  identifiedBy: { general: "ข้อมูลทั่วไปในแบบฟอร์ม", folder: "ชื่อโฟลเดอร์", file_name: "ชื่อไฟล์" },
  linkedBy: { file_name: "ชื่อไฟล์", folder: "ชื่อโฟลเดอร์", embedded: "ฝังในแบบฟอร์ม" },
  fileStatus: { used: "ใช้แล้ว", superseded: "ถูกแทนที่", failed: "อ่านไม่ได้", unlinked: "ไม่ได้ผูกกับข้อใด", ignored: "ข้าม" },
  fileKind: { form: "แบบสำรวจ", evidence: "หลักฐาน", archive: "ไฟล์บีบอัด", other: "อื่น ๆ" },
  readMethod: { tagged: "ช่องกรอกของแม่แบบ", anchored: "เทียบข้อความที่พิมพ์", mixed: "ผสม" },
};

const en: ReportMessages = {
  title: "Survey check report",
  subtitle: "{form} · {agencies} agencies",
  tabs: { agencies: "Agencies", questions: "Questions", audit: "Evidence audit", province: "Province" },
  noScript: "This page needs JavaScript enabled in the browser",
  agencies: {
    heading: "Agencies of the roster and their status",
    name: "Agency",
    status: "Status",
    received: "Last received",
    statusSummary: "Status:",
    notExpected: "not on the roster",
    respondent: "Respondent",
    completeness: "Completeness",
    errors: "Errors",
    warnings: "Warnings",
    identifiedBy: "Identified by",
    audit: "Evidence audit",
    auditSummary: "supported {supported} / {total}",
    unassignedFiles: "Files not tied to any agency",
    none: "none",
  },
  agency: {
    back: "← Back to the agency list",
    sourceFile: "Form file",
    readBy: "Answers read by",
    general: "General information",
    documentIssues: "Document and general-information issues",
    evidenceFiles: "Evidence files ({n})",
    otherFiles: "Files failed, superseded or not linked to a question ({n})",
    pillarCompleteness: "Completeness by part",
    onlyWithIssues: "Only questions with issues",
    hiddenNotAsked: "{n} questions this respondent is not asked are left out",
    notInBundle: "No readable form of this agency yet",
  },
  question: {
    heading: "Compare by question",
    pick: "Question",
    previous: "← Previous",
    next: "Next →",
    agency: "Agency",
    answers: "Answers",
    issues: "Issues",
    evidence: "Evidence",
    notAnswered: "not answered",
    notAsked: "not asked (this question is for: {who})",
    typed: "typed as",
    headingNote: "A heading: answered in its sub-questions",
    noIssues: "no issues",
    noEvidence: "no evidence files",
    evidenceNeeded: "evidence required",
  },
  evidence: {
    page: "page {n}",
    pages: "{n} pages",
    marked: "Marked text",
    nothingMarked: "Nothing is marked in this file",
    noCrop: "no image of the marked region",
    cropAlt: "Marked region on page {n}: {text}",
    linkedBy: "Linked by",
    questions: "Questions",
    ocr: "OCR",
    textLayer: "text layer",
    confidence: "confidence {n}%",
    unreadableCount: "{n} of {total} marked regions unreadable",
    unreadable: "the text of this region could not be read reliably — check it on the image",
    guess: "OCR's uncertain reading",
    nearby: "text around it",
    status: "Status",
    reason: "Reason",
    fileName: "File",
  },
  audit: {
    heading: "Evidence audit by answer",
    intro: "Every answer that needs evidence, with the best matching marked text. Record accept or reject here, then “Export decisions” for batch --decisions.",
    filterVerdict: "Verdict",
    filterAgency: "Agency",
    filterPillar: "Part",
    filterDecision: "Decision",
    all: "all",
    undecided: "undecided",
    shown: "showing {shown} of {total}",
    agencyQuestion: "Agency / question",
    answered: "Answer",
    verdict: "Verdict",
    expectation: "Looked for",
    evidence: "Best matching evidence",
    decision: "Decision",
    accept: "Accept",
    reject: "Reject",
    clear: "Clear",
    comment: "Comment",
    score: "score {n}%",
    inMarked: "in a marked region",
    inPage: "in the page text (outside the marks)",
    export: "Export decisions (JSON)",
    exportNote: "{n} decided",
    storageUnavailable: "This browser cannot keep decisions — export them before closing the page",
    saved: "saved in this browser",
    none: "No audit items (the audit has not been run)",
  },
  province: {
    heading: "Province: merged answers",
    question: "Question",
    merged: "Merged answer",
    provenance: "From",
    rule: "How merged",
  },
  groupG: "G Digital leadership (PCIO committee)",
  pillar: "Part",
  verdicts: {
    supported: "supported",
    weak: "weak",
    not_supported: "not supported",
    evidence_missing: "evidence missing",
    not_marked: "not marked",
    unreadable: "unreadable",
  },
  identifiedBy: { general: "general information", folder: "folder name", file_name: "file name" },
  linkedBy: { file_name: "file name", folder: "folder name", embedded: "embedded in the form" },
  fileStatus: { used: "used", superseded: "superseded", failed: "failed", unlinked: "not linked", ignored: "ignored" },
  fileKind: { form: "form", evidence: "evidence", archive: "archive", other: "other" },
  readMethod: { tagged: "template fields", anchored: "printed text", mixed: "mixed" },
};

export const REPORT_MESSAGES: Record<Lang, ReportMessages> = { th, en };
