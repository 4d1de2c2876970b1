// The labelled answer/evidence pairs of samples/audit: which documents to make (and how they are marked, dated and
// captured) and, for each pair, the answer, the evidence linked to it and the verdict an auditor gives — by
// construction, following the rules in docs/audit.md:
//   supported        the document the answer calls for, its key text marked, dated in the window where one applies;
//   weak             the right topic with one shortcoming: the marks on something else, another kind of document
//                    (a news item for minutes), no readable date, or only a URL;
//   not_supported    about something else, dated outside the window, or two shortcomings (minutes for an order);
//   not_marked       the right document with nothing marked (questions printing the mark-key-text note);
//   evidence_missing nothing attached to the question;   unreadable   a broken file or a blank page.
// The held-out split uses other provinces, people, wordings, dates, captures and partly other questions. It was
// written together with the tune split, before any tuning, and is only scored at the end (test/audit/accuracy).
import type { Verdict } from "../../src/bundle/schema.js";
import type { DateStyle } from "../evidence-samples/thai.js";
import type { Course, Platform, Tech } from "./content.js";

export type Split = "tune" | "heldout";

export type DocKey =
  | "pcio-order"
  | "data-governance-order"
  | "pdpa-notice"
  | "minutes-short"
  | "digital-plan-short"
  | "security-policy"
  | "web-news"
  | "no-copy-notice"
  | `memo-${Platform}`
  | `training-${Course}`
  | `tech-${Tech}`;

/** digital: text PDF with highlight annotations; text-background: Word-style highlighting baked in; scan/photo: JPEG. */
export type Render = "digital" | "text-background" | "scan" | "photo" | "broken" | "blank";

export interface FileSpec {
  id: string;
  doc?: DocKey;
  render: Render;
  /** Key phrases (substrings) to mark; [] leaves the document unmarked. */
  marks: string[];
  /** The document is re-drawn (next seed) until each of these is one of its key phrases / in its text / not in it. */
  requireKeys?: string[];
  requireText?: string[];
  avoidText?: string[];
  /** security-policy: "iso27001" or "nist-csf". */
  docType?: string;
  /** Minutes and news: the date written (ISO, CE) or "blank" (left unfilled), and how. */
  date?: string;
  dateStyle?: DateStyle;
  /** Minutes: the committee that met. */
  committee?: string;
}

export interface PairSpec {
  id: string;
  /** The answered field audited. */
  field: string;
  /** Blanks typed: field id → text. */
  typed?: Record<string, string>;
  /** Evidence files (ids) linked to the field's question; `linkTo` links them to another question instead. */
  files: string[];
  linkTo?: string;
  expected: Verdict;
  why: string;
}

export interface SplitPlan {
  files: FileSpec[];
  pairs: PairSpec[];
}

const PCIO_TUNE = "คณะกรรมการผู้บริหารเทคโนโลยีสารสนเทศระดับสูงระดับจังหวัด (PCIO)";
const PCIO_HELDOUT = "คณะกรรมการผู้บริหารเทคโนโลยีสารสนเทศระดับสูงระดับจังหวัด";
const APPOINT = "แต่งตั้งคณะกรรมการผู้บริหาร";
const MINUTES_MARKS = ["ระเบียบวาระการประชุม", "เห็นชอบ"];

const tune: SplitPlan = {
  files: [
    { id: "pcio-order", doc: "pcio-order", render: "digital", marks: [APPOINT, "ประธานกรรมการ"] },
    { id: "pcio-order-marked-elsewhere", doc: "pcio-order", render: "digital", marks: ["กรรมการและเลขานุการ", "พัฒนาทักษะดิจิทัลของบุคลากร"], requireKeys: ["พัฒนาทักษะดิจิทัลของบุคลากร"] },
    { id: "pcio-order-unmarked", doc: "pcio-order", render: "digital", marks: [] },
    { id: "pcio-order-scan", doc: "pcio-order", render: "scan", marks: [APPOINT] },
    { id: "dg-order", doc: "data-governance-order", render: "digital", marks: ["หน่วยงานของรัฐจัดให้มีธรรมาภิบาลข้อมูล"] },
    { id: "dg-order-scan", doc: "data-governance-order", render: "scan", marks: ["หน่วยงานของรัฐจัดให้มีธรรมาภิบาลข้อมูล"] },
    { id: "minutes-pcio", doc: "minutes-short", render: "digital", committee: PCIO_TUNE, date: "2024-03-14", marks: MINUTES_MARKS, requireKeys: ["เห็นชอบ"] },
    { id: "minutes-pcio-late", doc: "minutes-short", render: "digital", committee: PCIO_TUNE, date: "2024-08-20", dateStyle: "abbr", marks: MINUTES_MARKS, requireKeys: ["เห็นชอบ"] },
    { id: "minutes-pcio-early", doc: "minutes-short", render: "text-background", committee: PCIO_TUNE, date: "2023-03-02", dateStyle: "abbr-short-year", marks: MINUTES_MARKS, requireKeys: ["เห็นชอบ"] },
    { id: "minutes-dg-committee", doc: "minutes-short", render: "digital", committee: "คณะกรรมการธรรมาภิบาลข้อมูลจังหวัด", date: "2024-01-18", marks: MINUTES_MARKS, requireKeys: ["เห็นชอบ"] },
    { id: "minutes-pcio-undated", doc: "minutes-short", render: "digital", committee: PCIO_TUNE, date: "blank", marks: MINUTES_MARKS, requireKeys: ["เห็นชอบ"], avoidText: ["ภายในวันที่"] },
    { id: "minutes-pcio-unmarked", doc: "minutes-short", render: "digital", committee: PCIO_TUNE, date: "2023-10-05", marks: [] },
    { id: "minutes-pcio-scan", doc: "minutes-short", render: "scan", committee: PCIO_TUNE, date: "2023-11-23", dateStyle: "full-pos", marks: ["ระเบียบวาระการประชุม"] },
    { id: "news-pcio-meeting", doc: "web-news", render: "digital", date: "2024-02-08", marks: ["การประชุมคณะกรรมการผู้บริหาร"], requireText: ["การประชุมคณะกรรมการผู้บริหาร"] },
    { id: "pdpa-notice", doc: "pdpa-notice", render: "digital", marks: ["แจ้งเจ้าของข้อมูลส่วนบุคคล", "แต่งตั้งเจ้าหน้าที่คุ้มครอง"], requireKeys: ["แจ้งเจ้าของข้อมูลส่วนบุคคล", "แต่งตั้งเจ้าหน้าที่คุ้มครอง"] },
    { id: "pdpa-notice-marked-elsewhere", doc: "pdpa-notice", render: "digital", marks: ["ข้อมูลส่วนบุคคลอ่อนไหว"], requireKeys: ["ข้อมูลส่วนบุคคลอ่อนไหว", "แต่งตั้งเจ้าหน้าที่คุ้มครอง"] },
    { id: "pdpa-notice-unmarked", doc: "pdpa-notice", render: "digital", marks: [], requireKeys: ["แจ้งเจ้าของข้อมูลส่วนบุคคล"] },
    { id: "pdpa-notice-photo", doc: "pdpa-notice", render: "photo", marks: ["แต่งตั้งเจ้าหน้าที่คุ้มครอง"], requireKeys: ["แต่งตั้งเจ้าหน้าที่คุ้มครอง"] },
    { id: "iso27001-policy", doc: "security-policy", docType: "iso27001", render: "digital", marks: ["ISO/IEC 27001"] },
    { id: "nist-csf", doc: "security-policy", docType: "nist-csf", render: "text-background", marks: ["NIST Cybersecurity Framework"] },
    { id: "iso27001-unmarked", doc: "security-policy", docType: "iso27001", render: "digital", marks: [] },
    { id: "digital-plan", doc: "digital-plan-short", render: "digital", marks: ["บัญชีข้อมูล"], requireKeys: ["โครงการจัดทำบัญชีข้อมูล"] },
    { id: "no-copy-notice", doc: "no-copy-notice", render: "digital", marks: ["ยกเลิกการเรียกสำเนา"] },
    { id: "no-copy-notice-circular-marked", doc: "no-copy-notice", render: "digital", marks: ["แจ้งเวียน"] },
    { id: "memo-teams", doc: "memo-microsoft", render: "digital", marks: ["Microsoft Teams"] },
    { id: "memo-own-platform", doc: "memo-own", render: "digital", marks: ["Smart Office"] },
    { id: "training-literacy", doc: "training-literacy", render: "digital", marks: ["พัฒนาทักษะดิจิทัลของบุคลากร", "ผลการทดสอบก่อนและหลัง"] },
    { id: "tech-ai", doc: "tech-ai", render: "digital", marks: ["ปัญญาประดิษฐ์", "ลดระยะเวลา"] },
    { id: "broken-pdf", render: "broken", marks: [] },
    { id: "blank-scan", render: "blank", marks: [] },
  ],
  pairs: [
    { id: "t01", field: "G1:yes", files: ["pcio-order"], expected: "supported", why: "PCIO appointment order, the appointment sentence marked" },
    { id: "t02", field: "G1:yes", files: ["pcio-order-marked-elsewhere"], expected: "weak", why: "the right order, but only the secretary's role and a duty are marked" },
    { id: "t03", field: "G1:yes", files: ["pcio-order-unmarked"], expected: "not_marked", why: "the right order, nothing marked" },
    { id: "t04", field: "G1:yes", files: ["pcio-order-scan"], expected: "supported", why: "scanned PCIO order (OCR), the appointment marked with a highlighter" },
    { id: "t05", field: "G1:yes", files: ["dg-order"], expected: "not_supported", why: "an order appointing the data governance committee, not the PCIO" },
    { id: "t06", field: "G1:yes", files: ["dg-order-scan"], expected: "not_supported", why: "scanned data governance order for the PCIO question" },
    { id: "t07", field: "G1:yes", files: ["minutes-pcio"], expected: "not_supported", why: "PCIO meeting minutes instead of the appointment order, marks on the agenda" },
    { id: "t08", field: "G1:yes", files: [], expected: "evidence_missing", why: "nothing attached" },
    { id: "t09", field: "G1:yes", files: ["broken-pdf"], expected: "unreadable", why: "a truncated PDF" },
    { id: "t10", field: "G2:yes", files: ["minutes-pcio"], expected: "supported", why: "PCIO minutes of 14 Mar 2567, agenda and resolution marked" },
    { id: "t11", field: "G2:yes", files: ["minutes-pcio-late"], expected: "not_supported", why: "PCIO minutes of 20 Aug 2567, after the window" },
    { id: "t12", field: "G2:yes", files: ["minutes-pcio-early"], expected: "not_supported", why: "PCIO minutes of 2 มี.ค. 66, before the window (Word-highlighted PDF)" },
    { id: "t13", field: "G2:yes", files: ["minutes-dg-committee"], expected: "not_supported", why: "minutes of the data governance committee, not the PCIO" },
    { id: "t14", field: "G2:yes", files: ["minutes-pcio-undated"], expected: "weak", why: "PCIO minutes with the meeting date left blank" },
    { id: "t15", field: "G2:yes", files: ["minutes-pcio-unmarked"], expected: "not_marked", why: "PCIO minutes in the window, nothing marked" },
    { id: "t16", field: "G2:yes", files: ["minutes-pcio-scan"], expected: "supported", why: "scanned PCIO minutes of 23 Nov 2566 (OCR), agenda marked" },
    { id: "t17", field: "G2:yes", files: ["news-pcio-meeting"], expected: "weak", why: "a news item on the PCIO meeting in the window, not the minutes" },
    { id: "t18", field: "G2:yes", files: ["pcio-order"], expected: "not_supported", why: "the appointment order for the meeting question" },
    { id: "t19", field: "P2.1.1:done", files: ["dg-order"], expected: "supported", why: "data governance committee order, its mandate marked" },
    { id: "t20", field: "P2.1.1:done", files: ["dg-order-scan"], expected: "supported", why: "scanned data governance order (OCR)" },
    { id: "t21", field: "P2.1.1:done", files: ["pcio-order"], expected: "not_supported", why: "the PCIO order for the data governance council" },
    { id: "t22", field: "P2.3:status.r1@done", files: ["pdpa-notice"], expected: "supported", why: "privacy notice, the notification to data subjects (มาตรา 23) marked" },
    { id: "t23", field: "P2.3:status.r5@done", files: ["pdpa-notice"], expected: "supported", why: "privacy notice, the DPO appointment (มาตรา 41) marked" },
    { id: "t24", field: "P2.3:status.r5@done", files: ["pdpa-notice-marked-elsewhere"], expected: "weak", why: "the notice names the DPO, but only sensitive data is marked" },
    { id: "t25", field: "P2.3:status.r1@done", files: ["pdpa-notice-unmarked"], expected: "not_marked", why: "privacy notice with nothing marked" },
    { id: "t26", field: "P2.3:status.r5@done", files: ["pdpa-notice-photo"], expected: "supported", why: "phone photo of the notice (OCR), the DPO item marked" },
    { id: "t27", field: "P2.3:status.r5@done", files: ["iso27001-policy"], expected: "not_supported", why: "an information security policy for the DPO row" },
    { id: "t28", field: "P2.3:status.r5@done", files: ["pdpa-notice"], linkTo: "P1.7", expected: "evidence_missing", why: "the notice is filed under P1.7; nothing under P2.3" },
    { id: "t29", field: "P1.7:done", files: ["pdpa-notice"], expected: "supported", why: "the provincial PDPA policy notice" },
    { id: "t30", field: "P1.7:done", files: ["dg-order"], expected: "not_supported", why: "a data governance order for the PDPA policy question" },
    { id: "t31", field: "P6.2.1:yes.i2_1", files: ["iso27001-policy"], expected: "supported", why: "ISO/IEC 27001 policy, the Annex A sentence marked" },
    { id: "t32", field: "P6.2.1:yes.i2_2", files: ["nist-csf"], expected: "supported", why: "NIST CSF 2.0 practice, Word-highlighted" },
    { id: "t33", field: "P6.2.1:yes.i2_1", files: ["nist-csf"], expected: "not_supported", why: "a NIST CSF document for the ISO 27001 option" },
    { id: "t34", field: "P6.2.1:yes.i2_1", files: ["iso27001-unmarked"], expected: "not_marked", why: "ISO policy with nothing marked" },
    { id: "t35", field: "P6.2.1:yes.i2_1", files: [], expected: "evidence_missing", why: "nothing attached" },
    { id: "t36", field: "P1.1:done.i7", files: ["digital-plan"], expected: "supported", why: "digital plan, its data catalogue project marked" },
    { id: "t37", field: "P1.1:done.i12", files: ["digital-plan"], expected: "not_supported", why: "the plan has nothing on public–private cooperation" },
    { id: "t38", field: "P4.3:yes.policy", files: ["no-copy-notice"], expected: "supported", why: "notice cancelling copies of ID documents, marked" },
    { id: "t39", field: "P4.3:yes.policy", files: ["no-copy-notice-circular-marked"], expected: "weak", why: "the right notice, only the circulation line marked" },
    { id: "t40", field: "P4.3:yes.publicize", files: ["no-copy-notice-circular-marked"], expected: "supported", why: "the circulation of the no-copy notice, marked" },
    { id: "t41", field: "P4.3:yes.policy", files: ["pdpa-notice"], expected: "not_supported", why: "a privacy notice for the no-copy policy" },
    { id: "t42", field: "P5.3:i1", files: ["memo-teams"], expected: "supported", why: "memo on using Microsoft Teams / Microsoft 365" },
    { id: "t43", field: "P5.3:i2", files: ["memo-teams"], expected: "not_supported", why: "a Microsoft Teams memo for the Google Workspace option" },
    { id: "t44", field: "P5.3:i5", typed: { "P5.3:i5.system_name": "ระบบ Smart Office จังหวัด" }, files: ["memo-own-platform"], expected: "supported", why: "memo on the province's own Smart Office system, as typed" },
    { id: "t45", field: "P3.1:skills.r1@promotion_yes", files: ["training-literacy"], expected: "supported", why: "Digital Literacy training report" },
    { id: "t46", field: "P3.1:skills.r1@measurement_yes", files: ["training-literacy"], expected: "supported", why: "pre/post test results of the Digital Literacy training, marked" },
    { id: "t47", field: "P3.1:skills.r5@promotion_yes", files: ["training-literacy"], expected: "not_supported", why: "a Digital Literacy course for the project-management row" },
    { id: "t48", field: "P7.1.1:yes.evidence", typed: { "P7.1.1:yes.processes.1.process": "ตอบคำถามประชาชนผ่าน LINE ด้วย AI Chatbot" }, files: ["tech-ai"], expected: "supported", why: "AI chatbot project report" },
    { id: "t49", field: "P7.1.1:yes.evidence", typed: { "P7.1.1:yes.processes.1.process": "ใช้ AI ช่วยสรุปรายงานการประชุม" }, files: ["training-literacy"], expected: "not_supported", why: "a training report for the AI question" },
    { id: "t50", field: "G3:yes.projects.1.name", typed: { "G3:yes.projects.1.name": "ระบบตอบคำถามประชาชนอัตโนมัติด้วย AI Chatbot", "G3:yes.projects.1.result": "ลดเวลารอคอยเหลือไม่เกิน 5 นาที" }, files: ["tech-ai"], expected: "supported", why: "the project's report with its result" },
    { id: "t51", field: "P4.5.2:yes.url", typed: { "P4.5.2:yes.url": "https://www.example.go.th/stat/log" }, files: [], expected: "weak", why: "a URL typed instead of attaching evidence" },
    { id: "t52", field: "P2.3:status.r1@done", files: ["blank-scan"], expected: "unreadable", why: "a blank scanned page" },
  ],
};

const heldout: SplitPlan = {
  files: [
    { id: "pcio-order", doc: "pcio-order", render: "text-background", marks: [APPOINT] },
    { id: "pcio-order-photo", doc: "pcio-order", render: "photo", marks: [APPOINT] },
    { id: "pcio-order-duty-marked", doc: "pcio-order", render: "digital", marks: ["ติดตามและรายงานผลการพัฒนารัฐบาลดิจิทัล"], requireKeys: ["ติดตามและรายงานผลการพัฒนารัฐบาลดิจิทัล"] },
    { id: "dg-order", doc: "data-governance-order", render: "digital", marks: ["กรอบธรรมาภิบาลข้อมูลภาครัฐ"], requireKeys: ["กรอบธรรมาภิบาลข้อมูลภาครัฐ"] },
    { id: "dg-order-unmarked", doc: "data-governance-order", render: "digital", marks: [] },
    { id: "minutes-pcio", doc: "minutes-short", render: "digital", committee: PCIO_HELDOUT, date: "2023-09-21", dateStyle: "abbr", marks: ["รับรองรายงานการประชุม", "มอบหมายให้ฝ่ายเลขานุการ"], requireKeys: ["รับรองรายงานการประชุม"] },
    { id: "minutes-pcio-late", doc: "minutes-short", render: "digital", committee: PCIO_HELDOUT, date: "2024-07-03", marks: MINUTES_MARKS, requireKeys: ["เห็นชอบ"] },
    { id: "minutes-working-group", doc: "minutes-short", render: "text-background", committee: "คณะทำงานพัฒนาจังหวัดสู่รัฐบาลดิจิทัล", date: "2024-01-25", marks: MINUTES_MARKS, requireKeys: ["เห็นชอบ"] },
    { id: "minutes-pcio-scan", doc: "minutes-short", render: "scan", committee: PCIO_HELDOUT, date: "2024-05-16", dateStyle: "abbr-short-year", marks: ["ระเบียบวาระการประชุม"] },
    { id: "minutes-pcio-unmarked", doc: "minutes-short", render: "digital", committee: PCIO_HELDOUT, date: "2023-12-07", marks: [] },
    { id: "news-pcio-meeting-old", doc: "web-news", render: "digital", date: "2023-05-10", marks: ["การประชุมคณะกรรมการผู้บริหาร"], requireText: ["การประชุมคณะกรรมการผู้บริหาร"] },
    { id: "pdpa-notice", doc: "pdpa-notice", render: "digital", marks: ["คัดค้านการประมวลผล", "แต่งตั้งเจ้าหน้าที่คุ้มครอง"], requireKeys: ["คัดค้านการประมวลผล", "แต่งตั้งเจ้าหน้าที่คุ้มครอง"] },
    { id: "pdpa-notice-scan", doc: "pdpa-notice", render: "scan", marks: ["แจ้งเจ้าของข้อมูลส่วนบุคคล"], requireKeys: ["แจ้งเจ้าของข้อมูลส่วนบุคคล"] },
    { id: "pdpa-notice-review-marked", doc: "pdpa-notice", render: "digital", marks: ["ทบทวนนโยบายนี้"], requireKeys: ["ทบทวนนโยบายนี้", "คัดค้านการประมวลผล"] },
    { id: "nist-csf", doc: "security-policy", docType: "nist-csf", render: "digital", marks: ["NIST Cybersecurity Framework"] },
    { id: "iso27001-policy", doc: "security-policy", docType: "iso27001", render: "text-background", marks: ["ISO/IEC 27001"] },
    { id: "iso27001-incident-marked", doc: "security-policy", docType: "iso27001", render: "digital", marks: ["รายงานเหตุการณ์ความมั่นคงปลอดภัย"] },
    { id: "digital-plan", doc: "digital-plan-short", render: "digital", marks: ["เบ็ดเสร็จ"], requireKeys: ["เบ็ดเสร็จ"] },
    { id: "no-copy-notice", doc: "no-copy-notice", render: "digital", marks: ["งดการเรียกสำเนา", "เชื่อมโยงข้อมูลทะเบียนราษฎร"] },
    { id: "memo-google", doc: "memo-google", render: "digital", marks: ["Google Drive"] },
    { id: "memo-zoom-unmarked", doc: "memo-zoom", render: "digital", marks: [] },
    { id: "training-cyber", doc: "training-cyber", render: "digital", marks: ["ความตระหนักด้านความมั่นคงปลอดภัยไซเบอร์"] },
    { id: "tech-gis", doc: "tech-gis", render: "text-background", marks: ["ภูมิสารสนเทศ"] },
    { id: "broken-pdf", render: "broken", marks: [] },
  ],
  pairs: [
    { id: "h01", field: "G1:yes", files: ["pcio-order"], expected: "supported", why: "PCIO order (Word-highlighted), the appointment marked" },
    { id: "h02", field: "G1:yes", files: ["pcio-order-photo"], expected: "supported", why: "phone photo of the PCIO order (OCR)" },
    { id: "h03", field: "G1:yes", files: ["pcio-order-duty-marked"], expected: "weak", why: "the right order, only a duty marked" },
    { id: "h04", field: "G1:yes", files: ["dg-order"], expected: "not_supported", why: "data governance order for the PCIO question" },
    { id: "h05", field: "G1:yes", files: ["minutes-pcio"], expected: "not_supported", why: "PCIO minutes instead of the order" },
    { id: "h06", field: "G1:yes", files: ["broken-pdf"], expected: "unreadable", why: "a truncated PDF" },
    { id: "h07", field: "P2.1.1:done", files: ["dg-order"], expected: "supported", why: "data governance committee order, marked" },
    { id: "h08", field: "P2.1.1:done", files: ["dg-order-unmarked"], expected: "not_marked", why: "data governance order, nothing marked" },
    { id: "h09", field: "G2:yes", files: ["minutes-pcio"], expected: "supported", why: "PCIO minutes of 21 ก.ย. 2566, resolutions marked" },
    { id: "h10", field: "G2:yes", files: ["minutes-pcio-late"], expected: "not_supported", why: "PCIO minutes of 3 Jul 2567, after the window" },
    { id: "h11", field: "G2:yes", files: ["minutes-working-group"], expected: "not_supported", why: "minutes of another working group" },
    { id: "h12", field: "G2:yes", files: ["minutes-pcio-scan"], expected: "supported", why: "scanned PCIO minutes of 16 พ.ค. 67 (OCR)" },
    { id: "h13", field: "G2:yes", files: ["minutes-pcio-unmarked"], expected: "not_marked", why: "PCIO minutes, nothing marked" },
    { id: "h14", field: "G2:yes", files: ["news-pcio-meeting-old"], expected: "not_supported", why: "news of a PCIO meeting in May 2566, before the window" },
    { id: "h15", field: "P2.3:status.r6@done", files: ["pdpa-notice"], expected: "supported", why: "the notice's data subject rights item, marked" },
    { id: "h16", field: "P2.3:status.r5@done", files: ["pdpa-notice"], expected: "supported", why: "the notice's DPO item, marked" },
    { id: "h17", field: "P2.3:status.r1@done", files: ["pdpa-notice-scan"], expected: "supported", why: "scanned notice (OCR), notification to data subjects marked" },
    { id: "h18", field: "P2.3:status.r6@done", files: ["pdpa-notice-review-marked"], expected: "weak", why: "the notice lists the rights, only the yearly review is marked" },
    { id: "h19", field: "P6.2.1:yes.i2_2", files: ["nist-csf"], expected: "supported", why: "NIST CSF practice, marked" },
    { id: "h20", field: "P6.2.1:yes.i2_1", files: ["nist-csf"], expected: "not_supported", why: "NIST document for the ISO option" },
    { id: "h21", field: "P6.2.1:yes.i2_1", files: ["iso27001-policy"], expected: "supported", why: "ISO 27001 policy, Word-highlighted" },
    { id: "h22", field: "P1.2:status.r3@done", files: ["iso27001-policy"], expected: "supported", why: "ISO 27001 as the province's security standard framework" },
    { id: "h23", field: "P6.2.1:yes.i2_1", files: ["iso27001-incident-marked"], expected: "weak", why: "ISO policy, only the incident-reporting line marked" },
    { id: "h24", field: "P1.2:status.r2_response_plan@done", files: ["iso27001-incident-marked"], expected: "supported", why: "the incident-reporting duty, marked" },
    { id: "h25", field: "P1.1:done.i2", files: ["digital-plan"], expected: "supported", why: "digital plan, its one-stop service project marked" },
    { id: "h26", field: "P1.1:done.i3", files: ["digital-plan"], expected: "not_supported", why: "nothing on personalised services in the plan" },
    { id: "h27", field: "P4.3:yes.policy", files: ["no-copy-notice"], expected: "supported", why: "notice stopping copy requests, marked" },
    { id: "h28", field: "P4.3:yes.data_link", files: ["no-copy-notice"], expected: "supported", why: "data linkage instead of copies, marked" },
    { id: "h29", field: "P5.3:i2", files: ["memo-google"], expected: "supported", why: "Google Workspace memo" },
    { id: "h30", field: "P5.3:i1", files: ["memo-google"], expected: "not_supported", why: "a Google memo for the Microsoft 365 option" },
    { id: "h31", field: "P5.3:i3", files: ["memo-zoom-unmarked"], expected: "not_marked", why: "Zoom memo, nothing marked" },
    { id: "h32", field: "P6.2.2:status.r2@done", files: ["training-cyber"], expected: "supported", why: "cybersecurity awareness training report" },
    { id: "h33", field: "P3.1:skills.r1@promotion_yes", files: ["training-cyber"], expected: "not_supported", why: "a cybersecurity course for the Digital Literacy row" },
    { id: "h34", field: "P7.1.10:yes.evidence", typed: { "P7.1.10:yes.processes.1.process": "ระบบภูมิสารสนเทศเฝ้าระวังน้ำท่วม" }, files: ["tech-gis"], expected: "supported", why: "GIS flood-warning project report" },
    { id: "h35", field: "P7.1.1:yes.evidence", typed: { "P7.1.1:yes.processes.1.process": "AI คัดกรองเรื่องร้องเรียน" }, files: ["tech-gis"], expected: "not_supported", why: "a GIS report for the AI question" },
    { id: "h36", field: "P1.7:done", files: [], expected: "evidence_missing", why: "nothing attached" },
    { id: "h37", field: "P5.3.1:yes.remote_access", files: [], expected: "evidence_missing", why: "nothing attached" },
    { id: "h38", field: "P2.2.3.1:yes", typed: { "P2.2.3.1:yes.url": "https://data.example.go.th/sharable" }, files: [], expected: "weak", why: "a URL typed instead of attaching evidence" },
  ],
};

export const PLANS: Record<Split, SplitPlan> = { tune, heldout };
