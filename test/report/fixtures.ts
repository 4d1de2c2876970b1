/**
 * Report fixtures: real extractions of sample forms, with hand-made evidence around them (marked regions with PNG
 * crops, an unmarked file, an unreadable one, a missing one), validation run on those links, audit items of every
 * verdict, a manifest with failed / superseded / unlinked files, and hostile file names and OCR text.
 */
import { createHash } from "node:crypto";
import path from "node:path";
import { createCanvas } from "@napi-rs/canvas";
import {
  AgencyBundle,
  BatchManifest,
  BUNDLE_SCHEMA,
  MANIFEST_SCHEMA,
  type AuditItem,
  type BundleEvidence,
  type BundlePage,
  type Decision,
  type ManifestFile,
  type Verdict,
} from "../../src/bundle/schema.js";
import { consolidate, type ProvinceConsolidation } from "../../src/consolidate/index.js";
import type { AnswerDocument } from "../../src/extract/answers.js";
import { extractFile } from "../../src/extract/extract.js";
import { buildLedger } from "../../src/ledger/index.js";
import { loadForm, PACKAGE_ROOT } from "../../src/form/load.js";
import type { Lang } from "../../src/i18n/index.js";
import type { RenderReportInput } from "../../src/report/index.js";
import { toJsonReport } from "../../src/validate/report.js";
import { inferRespondent } from "../../src/validate/respondent.js";
import type { EvidenceLink, RespondentRole } from "../../src/validate/types.js";
import { validateAnswers } from "../../src/validate/validate.js";

export const form = loadForm("pcio-2567");

export interface SampleAgency {
  /** A sample under samples/forms, e.g. "tune/glyph-01.docx". */
  sample: string;
  id: string;
  name: string;
}

export const TEST_AGENCIES: SampleAgency[] = [
  { sample: "tune/glyph-01.docx", id: "provincial-office", name: "สำนักงานจังหวัดเชียงใหม่" },
  { sample: "tune/cc-02.docx", id: "commerce", name: "สำนักงานพาณิชย์จังหวัดเชียงใหม่" },
  { sample: "tune/glyph-08.docx", id: "tourism-sports", name: "สำนักงานการท่องเที่ยวและกีฬาจังหวัดเชียงใหม่" },
];

/** Text that would break a page that pasted it into HTML. */
export const HOSTILE_FILE = 'หลักฐาน</script><script>window.__pwned="file"</script>.pdf';
export const HOSTILE_TEXT = '</script><script>window.__pwned="ocr"</script><img src=x onerror="window.__pwned=1"> มติที่ประชุม';
/** A crop the bundle names but the output folder lacks. */
export const MISSING_CROP = "crops/0000000000000000-p1-9.png";

const PHRASES = [
  "แต่งตั้งคณะกรรมการผู้บริหารเทคโนโลยีสารสนเทศระดับสูงระดับจังหวัด (PCIO)",
  "ที่ประชุมมีมติเห็นชอบแผนปฏิบัติการดิจิทัลจังหวัด พ.ศ. 2566 - 2570",
  "นโยบายการรักษาความมั่นคงปลอดภัยไซเบอร์ของหน่วยงาน",
  "ประกาศนโยบายคุ้มครองข้อมูลส่วนบุคคล (Privacy Notice)",
  "คำสั่งแต่งตั้งคณะทำงานธรรมาภิบาลข้อมูลภาครัฐ",
  "เปิดเผยชุดข้อมูลบน data.go.th จำนวน 12 ชุดข้อมูล",
];

export interface Fixture {
  input: RenderReportInput;
  crops: Map<string, Uint8Array>;
}

/** Extractions are slow-ish (~0.6 s each): read each sample once per process. */
const extracted = new Map<string, Promise<AnswerDocument>>();
function extractSample(sample: string): Promise<AnswerDocument> {
  if (!extracted.has(sample)) extracted.set(sample, extractFile(path.join(PACKAGE_ROOT, "samples", "forms", sample)));
  return extracted.get(sample)!;
}

export async function buildFixture(agencies: SampleAgency[] = TEST_AGENCIES, lang: Lang = "th"): Promise<Fixture> {
  const crops = new Map<string, Uint8Array>();
  const bundles: AgencyBundle[] = [];
  const files: ManifestFile[] = [];
  for (const [n, agency] of agencies.entries()) {
    const doc = await extractSample(agency.sample);
    const built = agencyBundle(agency, doc, n, crops, lang);
    bundles.push(built.bundle);
    files.push(...built.files);
  }
  files.push({
    path: "ไม่ทราบหน่วยงาน/แบบสำรวจ.docx",
    kind: "form",
    status: "failed",
    reason: { code: "agency_unknown", message: "ระบุหน่วยงานของแบบสำรวจไม่ได้", messageEn: "could not tell which agency returned this form" },
  });
  const first = bundles[0]!;
  const decided = first.audit![0]!;
  const decisions: Decision[] = [
    { agency: first.agency.id, field: decided.field, question: decided.question, decision: "accept", comment: "ตรวจกับต้นฉบับแล้ว" },
  ];
  // The batch's way: the ledger over the files, bundles and decisions.
  const ledger = buildLedger({ files, bundles, decisions });
  const manifest = BatchManifest.parse({
    schema: MANIFEST_SCHEMA,
    form: form.file.id,
    province: "เชียงใหม่",
    agencies: ledger.agencies.map((a) => ({ ...a, ...(bundles.find((b) => b.agency.id === a.id) ? { identifiedBy: bundles.find((b) => b.agency.id === a.id)!.agency.identifiedBy } : {}) })),
    issues: ledger.issues,
    summary: ledger.summary,
    files,
  });
  return {
    crops,
    input: {
      form,
      manifest,
      bundles,
      decisions,
      province: provinceOf(bundles),
      readCrop: (p) => crops.get(p),
      lang,
    },
  };
}

type EvidencePlan = "marked-pdf" | "marked-scan" | "unmarked" | "broken" | "none";
const PLANS: EvidencePlan[] = ["marked-pdf", "marked-scan", "unmarked", "broken", "none", "marked-pdf"];

function agencyBundle(agency: SampleAgency, doc: AnswerDocument, n: number, crops: Map<string, Uint8Array>, lang: Lang) {
  const dir = agency.id;
  const evidenceAnswers = doc.answers.filter((a) => form.field(a.field)?.evidence);
  const questions = [...new Set(evidenceAnswers.map((a) => a.question))];
  const plans = new Map(questions.map((q, i) => [q, PLANS[(i + n) % PLANS.length]!]));
  const evidence: BundleEvidence[] = [];
  const hostile = n === 1;
  // The hostile agency's second marked file names a crop that was never written.
  let cropToLose = hostile ? 1 : -1;

  for (const [i, question] of questions.entries()) {
    const plan = plans.get(question)!;
    if (plan === "none") continue;
    const isScan = plan === "marked-scan";
    const name = hostile && i === 0 ? HOSTILE_FILE : `${question}-${isScan ? "scan.jpg" : "หลักฐาน.pdf"}`;
    const file = `${dir}/${name}`;
    const sha = sha256(file);
    const pages: BundlePage[] = [];
    if (plan === "marked-pdf" || isScan) {
      const pageCount = isScan ? 1 : 2;
      for (let number = 1; number <= pageCount; number++) {
        const text = PHRASES[(i + number + n) % PHRASES.length]!;
        const regionText = hostile && i === 0 && number === 1 ? HOSTILE_TEXT : text;
        const crop = i >= cropToLose && cropToLose > 0 ? MISSING_CROP : `crops/${sha.slice(0, 16)}-p${number}-1.png`;
        if (crop === MISSING_CROP) cropToLose = -1;
        if (crop !== MISSING_CROP) crops.set(crop, cropPng(regionText, isScan ? "#f7e463" : "#ffef5a"));
        pages.push(page(number, isScan, `หนังสือราชการ ${text} ลงนามโดยผู้ว่าราชการจังหวัด`, [
          {
            bbox: [120, 200 + 40 * number, 900, 46],
            color: "yellow",
            rgb: isScan ? "#f7e463" : "#ffef5a",
            text: regionText,
            confidence: isScan ? 0.82 : 1,
            source: isScan ? "highlighter" : "annotation",
            ...(isScan ? {} : { annotation: "Highlight" }),
            crop,
          },
        ]));
      }
    }
    if (plan === "unmarked") pages.push(page(1, false, "รายงานผลการดำเนินงานประจำปี โดยไม่มีการทำสัญลักษณ์", []));
    evidence.push({
      file,
      sha256: sha,
      size: 50_000 + i,
      type: isScan ? "jpeg" : "pdf",
      questions: [question],
      linkedBy: i % 2 ? "folder" : "file_name",
      pages,
      marked: pages.some((p) => p.regions.length > 0),
      warnings:
        plan === "unmarked"
          ? [{ code: "nothing-marked", message: "nothing is marked in this file", messageTh: "ไม่พบการทำสัญลักษณ์ในไฟล์นี้" }]
          : [],
      ...(plan === "broken"
        ? { error: { code: "broken-pdf", message: "the PDF is damaged and cannot be read", messageTh: "ไฟล์ PDF เสียหาย อ่านไม่ได้" } }
        : {}),
    });
  }

  const respondent: RespondentRole = inferRespondent(doc) ?? (n === 0 ? "provincial_office" : "agency");
  const links: EvidenceLink[] = evidence.flatMap((e) => e.questions.map((question) => ({ question, file: e.file, marked: e.marked })));
  const result = validateAnswers(form, doc, { respondent, evidence: links });
  const validation = toJsonReport(result, doc, `${dir}/${path.basename(agency.sample)}`, lang, "inferred");

  const audit = evidenceAnswers
    .filter((a) => a.value === true)
    .map((a, i) => auditItem(a.question, a.field, a.column ? `${a.label} — ${a.column}` : a.label, plans.get(a.question)!, i, evidence));

  const bundle = AgencyBundle.parse({
    schema: BUNDLE_SCHEMA,
    form: form.file.id,
    agency: { id: agency.id, name: agency.name, identifiedBy: n === 2 ? "folder" : "general", respondent },
    source: { file: `${dir}/${path.basename(agency.sample)}`, sha256: doc.source.sha256, bytes: doc.source.bytes },
    superseded: n === 0 ? [{ file: `${dir}/ฉบับแก้ไขครั้งที่1.docx`, sha256: sha256("old") }] : [],
    answers: doc,
    evidence,
    validation: JSON.parse(JSON.stringify(validation)) as Record<string, unknown>,
    audit,
  });

  const files: ManifestFile[] = [
    { path: bundle.source.file, sha256: doc.source.sha256, kind: "form", status: "used", agency: agency.id },
    ...evidence.map((e): ManifestFile => ({ path: e.file, sha256: e.sha256, kind: "evidence", status: "used", agency: agency.id, questions: e.questions })),
  ];
  if (n === 0) {
    files.push(
      {
        path: `${dir}/ฉบับแก้ไขครั้งที่1.docx`,
        kind: "form",
        status: "superseded",
        agency: agency.id,
        reason: { code: "superseded", message: "มีฉบับที่ใหม่กว่าของหน่วยงานเดียวกัน", messageEn: "a newer copy of the same agency replaced it" },
      },
      {
        path: `${dir}/รูปถ่าย.heic`,
        kind: "evidence",
        status: "failed",
        agency: agency.id,
        reason: { code: "unsupported-type", message: "ไม่รองรับไฟล์ชนิดนี้", messageEn: "unsupported file type" },
      },
      {
        path: `${dir}/เอกสารเพิ่มเติม.pdf`,
        kind: "evidence",
        status: "unlinked",
        agency: agency.id,
        reason: { code: "no_question", message: "ไม่พบรหัสข้อในชื่อไฟล์หรือโฟลเดอร์", messageEn: "no question code in the file or folder name" },
      },
    );
  }
  return { bundle, files };
}

function page(number: number, ocr: boolean, text: string, regions: BundlePage["regions"]): BundlePage {
  return {
    number,
    source: ocr ? "ocr" : "text-layer",
    width: ocr ? 2480 : 595,
    height: ocr ? 3508 : 842,
    unit: ocr ? "px" : "pt",
    text,
    confidence: ocr ? 0.86 : 1,
    regions,
    warnings: [],
  };
}

const VERDICT_BY_PLAN: Record<EvidencePlan, Verdict[]> = {
  "marked-pdf": ["supported", "weak", "not_supported"],
  "marked-scan": ["supported", "weak"],
  unmarked: ["not_marked"],
  broken: ["unreadable"],
  none: ["evidence_missing"],
};

function auditItem(question: string, field: string, label: string, plan: EvidencePlan, i: number, evidence: BundleEvidence[]): AuditItem {
  const verdicts = VERDICT_BY_PLAN[plan];
  const verdict = verdicts[i % verdicts.length]!;
  const file = evidence.find((e) => e.questions.includes(question));
  const region = file?.pages[0]?.regions[0];
  const score = { supported: 0.92, weak: 0.55, not_supported: 0.12, evidence_missing: 0, not_marked: 0.3, unreadable: 0 }[verdict];
  return {
    question,
    field,
    label,
    verdict,
    score,
    expectation: `${form.question(question)?.source.text.slice(0, 60) ?? question} …`,
    reasons: [
      {
        code: verdict,
        message: verdict === "supported" ? "ข้อความที่ทำสัญลักษณ์ตรงกับคำตอบ" : "ข้อความที่ทำสัญลักษณ์ไม่ครบตามที่คาดไว้",
        messageEn: verdict === "supported" ? "the marked text matches the answer" : "the marked text does not fully match",
      },
    ],
    ...(file && region && verdict !== "unreadable"
      ? { evidence: { file: file.file, page: 1, snippet: region.text, in: i % 2 ? "page" : "marked", bbox: region.bbox, ...(region.crop ? { crop: region.crop } : {}) } }
      : {}),
  };
}

/** The province consolidation of the fixture agencies, by the default merge policy. */
function provinceOf(bundles: AgencyBundle[]): ProvinceConsolidation {
  return consolidate(form, bundles);
}

/** A crop as the batch would render it: the highlighted words on a light page background. */
export function cropPng(text: string, rgb: string): Uint8Array {
  const probe = createCanvas(10, 10).getContext("2d");
  probe.font = "30px Laksaman";
  const width = Math.min(900, Math.ceil(probe.measureText(text).width) + 32);
  const canvas = createCanvas(width, 64);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "#fbfaf6";
  ctx.fillRect(0, 0, width, 64);
  ctx.fillStyle = rgb;
  ctx.fillRect(10, 12, width - 20, 42);
  ctx.fillStyle = "#1a1a1a";
  ctx.font = "30px Laksaman";
  ctx.fillText(text, 16, 44);
  return canvas.toBuffer("image/png");
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
