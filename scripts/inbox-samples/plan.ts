/**
 * The demo inbox, agency by agency: how each one sent its return (folder, loose files, a .zip), in which fill
 * style, which answers need evidence and which file carries it, and the mistakes planted on purpose.
 *
 * 22 agencies as in the Chiang Mai PCIO agenda (ครั้งที่ ๑/๒๕๖๗, 11 มิ.ย. 2567): the provincial office answers every
 * question; the provincial statistics office and the other agencies answer the ทุกหน่วยงาน questions.
 */
import type { MistakeCode } from "../form-samples/answers.js";
import type { ThaiDate } from "../evidence-samples/thai.js";
import type { Capture } from "./evidence.js";
import type { FillStyle } from "./forms.js";

export type Layout = "folder" | "loose" | "zip";
export type IdentifiedBy = "general" | "folder" | "file_name";
export type Verdict = "supported" | "weak" | "not_supported" | "evidence_missing" | "not_marked" | "unreadable";

export interface EvidencePlan {
  /** Path under the agency's place (its folder, the inbox top level, or the zip root); "/" separates folders. */
  file: string;
  /** Questions the file is meant for (by its name or folder); empty: it names none. */
  questions: string[];
  /** How its name ties it to questions: a code in the file name, a code in its folder's name, or nothing. */
  linkedBy: "file_name" | "folder" | "none";
  /** Document builder (content.ts) or "empty" for a 0-byte file. */
  kind: string;
  capture: Capture;
  marked: boolean;
  /** Is the document about what its questions ask? */
  onTopic: boolean;
  style?: "annotation" | "text-background";
  password?: string;
  pages?: number;
  dpi?: number;
  quality?: number;
  meeting?: { committee: string; meetNo: string; date: ThaiDate; shiftYears?: Record<string, string> };
  /** Names a question code the form does not have. */
  unknownQuestion?: string;
  note?: string;
}

export interface FormPlan {
  file: string;
  style: FillStyle;
  /**
   * lo: a LibreOffice round trip of the rendered .docx; doc: saved as Word 97 by LibreOffice; pdf: saved as PDF;
   * scan: printed, half the checked marks drawn by hand, scanned to an image-only PDF; corrupt: truncated zip.
   */
  post?: "lo" | "doc" | "pdf" | "scan" | "corrupt";
  /** A superseded earlier copy (the agency resubmitted). */
  superseded?: boolean;
  /** Deterministic mtime (ISO); the newer copy of a resubmission also carries its date in the name. */
  mtime: string;
  /** Empty one "โปรดระบุ" blank (this copy only). */
  dropSpecify?: boolean;
}

export interface AgencyPlan {
  key: string;
  layout: Layout;
  /** folder: the folder's name; zip: the archive's name; loose: unused. */
  place?: string;
  identifiedBy: IdentifiedBy;
  /** The general block's ที่ตั้งหน่วยงาน has the address only. */
  noAgencyName?: boolean;
  /** Option/cell ids answered with a claim that needs evidence. */
  wanted: string[];
  /** Options whose sub-options are limited to the wanted ones (the claims the evidence covers). */
  exclusive?: string[];
  /** The processes typed under P7.1.x "มี" (replacing the generated ones; the evidence names them). */
  processes?: Record<string, string[]>;
  mistakes: MistakeCode[];
  crossQuestion?: string;
  /** Typed values that replace the generated ones (field id → text). */
  overrides?: Record<string, string>;
  forms: FormPlan[];
  evidence: EvidencePlan[];
  /** Questions answered with a claim that needs evidence but sent without any file. */
  missingEvidence?: string[];
  /** A screenshot pasted into the (current) form under a question, placed before question `before`. */
  embedded?: { question: string; before: string; media: string; note: string };
  /** Names written NFD / with sara am as ํ+า (see README). */
  oddNames?: "nfd" | "sara-am";
  notes: string[];
}

const MT = "2024-06-19T09:00:00+07:00";

const P12 = ["P1.2:status.r1@done", "P1.2:status.r1_governance@done", "P1.2:status.r1_risk@done", "P1.2:status.r2_response_plan@done"];
const P23 = ["P2.3:status.r1@done", "P2.3:status.r5@done", "P2.3:status.r6@done"];
const P31 = ["P3.1:skills.r1@promotion_yes", "P3.1:skills.r1@measurement_yes"];
const P622 = ["P6.2.2:status.r2@done", "P6.2.2:status.r4@done"];

export const PCIO_COMMITTEE = "คณะกรรมการผู้บริหารเทคโนโลยีสารสนเทศระดับสูงระดับจังหวัด จังหวัดเชียงใหม่ (PCIO)";
export const DG_COMMITTEE = "คณะกรรมการธรรมาภิบาลข้อมูลจังหวัดเชียงใหม่";

const digital = (file: string, questions: string[], kind: string, extra: Partial<EvidencePlan> = {}): EvidencePlan => ({
  file,
  questions,
  linkedBy: questions.length > 0 ? "file_name" : "none",
  kind,
  capture: "digital",
  marked: true,
  onTopic: true,
  ...extra,
});

export const PLAN: AgencyPlan[] = [
  {
    key: "provincial-office",
    layout: "folder",
    place: "สำนักงานจังหวัดเชียงใหม่",
    identifiedBy: "general",
    wanted: ["G1:yes", "G2:yes", "P1.1:done.i8", "P1.1:done.i9", "P1.1:done.i11", ...P12, "P1.4:done", "P1.7:done", ...P23, "P2.1.1:done", "P5.3:i1", "P6.2.1:yes.i2_1"],
    exclusive: ["P1.1:done"],
    mistakes: [],
    overrides: { "G2:yes.detail": "ประชุมครั้งที่ 2/2565 เมื่อวันที่ 22 ธันวาคม 2565 เห็นชอบแผนปฏิบัติการดิจิทัลจังหวัดเชียงใหม่" },
    forms: [{ file: "แบบสำรวจ PCIO 2567_สำนักงานจังหวัดเชียงใหม่.docx", style: "cc", mtime: "2024-06-21T16:40:00+07:00" }],
    embedded: { question: "P1.1", before: "P1.2", media: "word/media/image1.png", note: "screenshot of the provincial web site's news on the digital plan, pasted under P1.1, highlighted" },
    evidence: [
      digital("G1_คำสั่งแต่งตั้งคณะกรรมการ PCIO.pdf", ["G1"], "pcio-order"),
      digital("หลักฐาน G2/รายงานการประชุม PCIO ครั้งที่ 2-2565.pdf", ["G2"], "minutes", {
        linkedBy: "folder",
        meeting: { committee: PCIO_COMMITTEE, meetNo: "๒/๒๕๖๕", date: { day: 22, month: 12, yearBE: 2565 }, shiftYears: { "2566": "2565", "2567": "2565", "2568": "2566" } },
        note: "PCIO minutes, but the meeting (22 ธ.ค. 2565) is outside 12 มิ.ย. 66 – 11 มิ.ย. 67",
      }),
      {
        ...digital("G2 รายงานการประชุม.jpg", ["G2"], "minutes", { onTopic: false }),
        capture: "scan",
        dpi: 200,
        quality: 70,
        meeting: { committee: DG_COMMITTEE, meetNo: "๑/๒๕๖๗", date: { day: 15, month: 3, yearBE: 2567 } },
        note: "minutes dated within the window, but of the data governance committee, not the PCIO",
      },
      digital("P1.1_แผนปฏิบัติการดิจิทัล.pdf", ["P1.1"], "digital-plan", { style: "text-background" }),
      digital("P1.2 แผนความมั่นคงปลอดภัยไซเบอร์.pdf", ["P1.2"], "cyber-plan"),
      digital("หลักฐาน P1.4/แผนปฏิบัติการธรรมาภิบาลข้อมูล.pdf", ["P1.4"], "dg-plan", { linkedBy: "folder" }),
      digital("P1.7 และ P2.3 ประกาศนโยบายคุ้มครองข้อมูลส่วนบุคคล.pdf", ["P1.7", "P2.3"], "pdpa-notice"),
      digital("P2.1.1_คำสั่งแต่งตั้งคณะกรรมการธรรมาภิบาลข้อมูล.pdf", ["P2.1.1"], "dg-order"),
      digital("P5.3 การใช้งาน Microsoft 365.pdf", ["P5.3"], "m365-memo"),
      digital("ข้อ P6.2.1 นโยบายความมั่นคงปลอดภัยสารสนเทศ.pdf", ["P6.2.1"], "security-iso"),
    ],
    notes: ["answers every question; G2's two files: one of another committee, one outside the period"],
  },
  {
    key: "statistics",
    layout: "folder",
    place: "สำนักงานสถิติจังหวัดเชียงใหม่",
    identifiedBy: "general",
    wanted: ["P2.2.1.1:done.metadata", "P2.2.1.1:done.data_catalog", "P2.2.3.1:yes", ...P31],
    exclusive: ["P2.2.1.1:done"],
    mistakes: [],
    forms: [{ file: "แบบสำรวจ_สถิติจังหวัดเชียงใหม่.docx", style: "glyph", mtime: MT }],
    evidence: [
      digital("P2.2.1.1_การเปิดเผยข้อมูลเปิดภาครัฐ.pdf", ["P2.2.1.1"], "open-data-report"),
      digital("P2.2.3.1 ชุดข้อมูล Sharable Data.pdf", ["P2.2.3.1"], "sharable-data", { style: "text-background" }),
      digital("ข้อ P3.1 รายงานผลการอบรม.pdf", ["P3.1"], "training-report"),
    ],
    notes: ["the provincial statistics office: answers the ทุกหน่วยงาน/สถิติจังหวัด questions"],
  },
  {
    key: "administration",
    layout: "folder",
    place: "ที่ทำการปกครองจังหวัดเชียงใหม่",
    identifiedBy: "general",
    wanted: ["P2.1.1:done"],
    mistakes: [],
    forms: [{ file: "แบบสำรวจ ปค.ชม.docx", style: "sym", mtime: MT }],
    evidence: [{ ...digital("P2.1.1 คำสั่งแต่งตั้งคณะกรรมการ.jpg", ["P2.1.1"], "dg-order"), capture: "photo", quality: 78, note: "phone photo of the order, highlighted" }],
    notes: [],
  },
  {
    key: "social-development",
    layout: "loose",
    identifiedBy: "general",
    wanted: ["P4.4:yes.i4"],
    mistakes: ["multiple_marks_single"],
    forms: [{ file: "แบบสำรวจ PCIO_สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดเชียงใหม่.docx", style: "typed", mtime: MT }],
    evidence: [digital("สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดเชียงใหม่_P4.4_โครงการดิจิทัลผู้สูงอายุ.pdf", ["P4.4"], "elderly-digital")],
    notes: ["loose files at the top level, named with the agency"],
  },
  {
    key: "commerce",
    layout: "loose",
    identifiedBy: "general",
    wanted: ["P2.1.1:done"],
    mistakes: [],
    oddNames: "sara-am",
    forms: [{ file: "แบบสำรวจ_สำนักงานพาณิชย์จังหวัดเชียงใหม่.docx", style: "legacy", mtime: MT }],
    evidence: [
      digital("สำนักงานพาณิชย์จังหวัดเชียงใหม่ P2.1.1 คำสั่งแต่งตั้ง.pdf", ["P2.1.1"], "pcio-order", {
        onTopic: false,
        note: "attached the PCIO appointment order instead of the data governance council's",
      }),
    ],
    notes: ["file names typed with sara am as ํ+า (สํานักงาน): match after normalising"],
  },
  {
    key: "agriculture",
    layout: "folder",
    place: "สำนักงานเกษตรจังหวัดเชียงใหม่",
    identifiedBy: "general",
    wanted: ["P7.1.5:yes"],
    processes: { "P7.1.5": ["ติดตั้งเซ็นเซอร์ IoT ตรวจวัดความชื้นในดินและสภาพอากาศ"] },
    mistakes: [],
    forms: [
      { file: "แบบสำรวจ_สนง.เกษตรจังหวัดเชียงใหม่.docx", style: "mixed", superseded: true, dropSpecify: true, mtime: "2024-06-18T10:15:00+07:00" },
      { file: "แบบสำรวจ_สนง.เกษตรจังหวัดเชียงใหม่_แก้ไข_2567-06-20.docx", style: "mixed", mtime: "2024-06-20T14:05:00+07:00" },
    ],
    evidence: [digital("P7.1.5_รายงานการใช้เซ็นเซอร์ IoT.pdf", ["P7.1.5"], "iot-report")],
    notes: ["resubmission: the corrected copy (แก้ไข_2567-06-20) fills the blank the first copy left empty"],
  },
  {
    key: "public-health",
    layout: "folder",
    place: "สำนักงานสาธารณสุขจังหวัดเชียงใหม่",
    identifiedBy: "general",
    wanted: [...P31, "P6.2.1:yes.i2_2"],
    mistakes: [],
    forms: [{ file: "PCIO2567_สสจ.เชียงใหม่.docx", style: "cc", mtime: MT }],
    evidence: [
      { ...digital("หลักฐานข้อ P3.1.pdf", ["P3.1"], "training-report"), capture: "scanpdf", pages: 2, dpi: 200, quality: 62, note: "image-only scanned PDF, 2 pages" },
      digital("P6.2.1_แนวปฏิบัติ NIST CSF.pdf", ["P6.2.1"], "security-nist"),
    ],
    notes: [],
  },
  {
    key: "local-administration",
    layout: "folder",
    place: "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดเชียงใหม่",
    identifiedBy: "general",
    wanted: ["P5.2:yes.other", "P5.2.1:yes.less_time"],
    exclusive: ["P5.2:yes"],
    overrides: { "P5.2:yes.other.detail": "งานสารบรรณ รับส่งหนังสือราชการผ่านระบบ e-Document" },
    mistakes: [],
    forms: [{ file: "แบบสำรวจ สถ.ชม.docx", style: "glyph", post: "lo", mtime: MT }],
    evidence: [digital("P5.2 และ P5.2.1 ผลการใช้ระบบ e-Document.pdf", ["P5.2", "P5.2.1"], "esaraban-result")],
    notes: ["saved again by LibreOffice (round trip)"],
  },
  {
    key: "labour",
    layout: "folder",
    place: "สำนักงานแรงงานจังหวัดเชียงใหม่",
    identifiedBy: "folder",
    wanted: [...P31],
    mistakes: [],
    forms: [{ file: "แบบสำรวจ_แรงงานจังหวัด.docx", style: "typed", post: "corrupt", mtime: MT }],
    evidence: [digital("P3.1_รายงานการอบรม.pdf", ["P3.1"], "training-report")],
    notes: ["the form is a truncated .docx (upload cut off): unreadable; the agency is known only from the folder"],
  },
  {
    key: "employment",
    layout: "folder",
    place: "สำนักงานจัดหางานจังหวัดเชียงใหม่",
    identifiedBy: "general",
    wanted: ["P6.2.1:yes.i2_1"],
    mistakes: [],
    missingEvidence: ["P6.2.1"],
    forms: [{ file: "แบบสำรวจความพร้อมรัฐบาลดิจิทัล_จัดหางาน.pdf", style: "glyph", post: "scan", mtime: MT }],
    evidence: [],
    notes: ["the form came back on paper: printed, half its marks ticked or ringed by hand, scanned at 150 dpi", "ticked ISO/IEC 27001 (แนบเอกสารหลักฐาน) but sent no file"],
  },
  {
    key: "public-relations",
    layout: "loose",
    identifiedBy: "general",
    wanted: ["P4.4:yes.i3"],
    mistakes: ["empty_specify"],
    forms: [{ file: "แบบสำรวจ_สำนักงานประชาสัมพันธ์จังหวัดเชียงใหม่.docx", style: "mixed", mtime: MT }],
    evidence: [digital("สำนักงานประชาสัมพันธ์จังหวัดเชียงใหม่ P4.4 การเผยแพร่ข้อมูลกลุ่มเปราะบาง.pdf", ["P4.4"], "social-vulnerable")],
    notes: [],
  },
  {
    key: "treasury",
    layout: "folder",
    place: "สำนักงานคลังจังหวัดเชียงใหม่",
    identifiedBy: "general",
    wanted: [...P622],
    mistakes: [],
    forms: [{ file: "แบบสำรวจ คลังจังหวัด.docx", style: "sym", mtime: MT }],
    evidence: [
      digital("P6.2.2 รายงานการอบรม Cybersecurity.pdf", ["P6.2.2"], "cyber-ops-report"),
      digital("เอกสารประกอบเพิ่มเติม.pdf", [], "flower-festival-order", { onTopic: false, note: "names no question (and is about a flower festival)" }),
    ],
    notes: [],
  },
  {
    key: "environment",
    layout: "folder",
    place: "สำนักงานทรัพยากรธรรมชาติและสิ่งแวดล้อมจังหวัดเชียงใหม่",
    identifiedBy: "general",
    wanted: ["P7.1.8:yes"],
    processes: { "P7.1.8": ["แดชบอร์ดข้อมูลคุณภาพอากาศ PM2.5 ด้วย Power BI"] },
    mistakes: [],
    forms: [{ file: "ทสจ.เชียงใหม่_แบบสำรวจ.docx", style: "typed", mtime: MT }],
    evidence: [
      digital("P7.1.8 แดชบอร์ดข้อมูลฝุ่น PM2.5.pdf", ["P7.1.8"], "dashboard-report", { style: "text-background" }),
      digital("P4.7 ช่องทางการมีส่วนร่วม.pdf", ["P4.7"], "social-vulnerable", { onTopic: false, unknownQuestion: "P4.7", note: "the form has no question P4.7" }),
    ],
    notes: [],
  },
  {
    key: "tourism-sports",
    layout: "folder",
    place: "สำนักงานการท่องเที่ยวและกีฬาจังหวัดเชียงใหม่",
    identifiedBy: "folder",
    noAgencyName: true,
    wanted: ["P2.1.5.1:yes"],
    mistakes: [],
    forms: [{ file: "แบบสำรวจ.pdf", style: "legacy", post: "pdf", mtime: MT }],
    evidence: [digital("P2.1.5.1_ชุดข้อมูลสำคัญ.pdf", ["P2.1.5.1"], "key-datasets")],
    notes: ["the form came back as a PDF (saved from Word: legacy boxes drawn as graphics); ที่ตั้งหน่วยงาน has only the address, and the file is just แบบสำรวจ.pdf: the folder names the agency"],
  },
  {
    key: "culture",
    layout: "folder",
    place: "สำนักงานวัฒนธรรมจังหวัดเชียงใหม่",
    identifiedBy: "general",
    wanted: [...P31],
    mistakes: [],
    forms: [{ file: "แบบสำรวจ วธ.จ.เชียงใหม่.doc", style: "glyph", post: "doc", mtime: MT }],
    evidence: [digital("P3.1 การอบรมทักษะดิจิทัล.pdf", ["P3.1"], "training-report", { style: "text-background" })],
    notes: ["legacy Word 97 .doc (saved by LibreOffice): read through LibreOffice"],
  },
  {
    key: "energy",
    layout: "zip",
    place: "สำนักงานพลังงานจังหวัดเชียงใหม่.zip",
    identifiedBy: "general",
    wanted: ["P6.2.1:yes.i2_1", "P5.3.1:yes.remote_access"],
    mistakes: [],
    forms: [{ file: "แบบสำรวจ_พลังงานจังหวัดเชียงใหม่.docx", style: "cc", mtime: MT }],
    evidence: [
      digital("P6.2.1_นโยบายความมั่นคงปลอดภัย.pdf", ["P6.2.1"], "security-iso"),
      digital("P5.3.1 แนวทาง Work from Anywhere.pdf", ["P5.3.1"], "wfa-notice"),
    ],
    notes: ["sent one .zip with the form and its evidence"],
  },
  {
    key: "industry",
    layout: "folder",
    place: "สำนักงานอุตสาหกรรมจังหวัดเชียงใหม่",
    identifiedBy: "general",
    wanted: ["P6.2.1:yes.i2_1"],
    mistakes: [],
    forms: [{ file: "แบบสำรวจ อก.ชม.docx", style: "mixed", mtime: MT }],
    evidence: [digital("P6.2.1 แนวปฏิบัติ ISO 27001.pdf", ["P6.2.1"], "security-iso", { marked: false, note: "right document, nothing highlighted" })],
    notes: [],
  },
  {
    key: "disaster",
    layout: "folder",
    place: "สำนักงานป้องกันและบรรเทาสาธารณภัยจังหวัดเชียงใหม่",
    identifiedBy: "general",
    wanted: ["P5.3.1:yes.remote_access"],
    mistakes: [],
    forms: [{ file: "แบบสำรวจ ปภ.ชม.docx", style: "sym", post: "lo", mtime: MT }],
    evidence: [digital("P5.3.1_ระบบ VPN.pdf", ["P5.3.1"], "wfa-notice", { password: "pbcm2567", note: "password-protected PDF (password pbcm2567, not sent)" })],
    notes: ["saved again by LibreOffice (round trip)"],
  },
  {
    key: "education",
    layout: "folder",
    place: "สำนักงานศึกษาธิการจังหวัดเชียงใหม่",
    identifiedBy: "general",
    wanted: ["P6.2.1:yes.i2_1"],
    mistakes: ["answered_other_respondent"],
    crossQuestion: "P4.5.1",
    forms: [{ file: "แบบสำรวจ ศธจ.เชียงใหม่.docx", style: "glyph", mtime: MT }],
    evidence: [{ ...digital("P6.2.1 นโยบายความมั่นคงปลอดภัยสารสนเทศ.png", ["P6.2.1"], "security-iso"), capture: "appscan", dpi: 200, note: "scanner-app PNG, highlighted" }],
    notes: ["also answered P4.5.1, a provincial-office question"],
  },
  {
    key: "land",
    layout: "loose",
    identifiedBy: "general",
    wanted: ["P5.3.1:yes.remote_access"],
    mistakes: [],
    oddNames: "nfd",
    forms: [{ file: "แบบสำรวจ_สำนักงานที่ดินจังหวัดเชียงใหม่.docx", style: "cc", mtime: MT }],
    evidence: [
      {
        ...digital("สำนักงานที่ดินจังหวัดเชียงใหม่_P5.3.1_การปฏิบัติงานนอกสำนักงาน.jpg", ["P5.3.1"], "wfa-notice", { marked: false }),
        capture: "scan",
        dpi: 200,
        quality: 68,
        note: "flatbed scan, nothing highlighted",
      },
    ],
    notes: ["file names NFD-normalised (a no-op for Thai, see README)"],
  },
  {
    key: "public-works",
    layout: "folder",
    place: "สำนักงานโยธาธิการและผังเมืองจังหวัดเชียงใหม่",
    identifiedBy: "general",
    wanted: ["P7.1.6:yes", "P7.1.8:yes"],
    processes: { "P7.1.6": ["ย้ายเว็บไซต์และฐานข้อมูลโครงการก่อสร้างขึ้นระบบคลาวด์ GDCC"], "P7.1.8": ["แดชบอร์ดติดตามโครงการก่อสร้าง"] },
    mistakes: [],
    forms: [{ file: "แบบสำรวจ_โยธาธิการและผังเมือง.docx", style: "typed", mtime: MT }],
    evidence: [
      digital("P7.1.6 ระบบคลาวด์ GDCC.pdf", ["P7.1.6"], "cloud-report"),
      { ...digital("P7.1.8 ภาพหน้าจอแดชบอร์ด.png", ["P7.1.8"], "empty"), marked: false, onTopic: false, note: "0-byte file (the upload failed)" },
    ],
    notes: [],
  },
  {
    key: "justice",
    layout: "loose",
    identifiedBy: "file_name",
    noAgencyName: true,
    wanted: [...P622],
    mistakes: [],
    forms: [{ file: "แบบสำรวจ PCIO 2567 - สำนักงานยุติธรรมจังหวัดเชียงใหม่.docx", style: "sym", mtime: MT }],
    evidence: [digital("สำนักงานยุติธรรมจังหวัดเชียงใหม่_P6.2.2_การอบรม Cybersecurity.pdf", ["P6.2.2"], "cyber-ops-report")],
    notes: ["ที่ตั้งหน่วยงาน has only the address; loose at the top level: only the file name names the agency"],
  },
];
