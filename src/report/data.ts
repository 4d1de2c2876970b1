/**
 * The report's data: everything the page shows, in the order it shows it, as plain JSON. Built once from the
 * batch's bundles and manifest; the page script only lays it out. Crops are inlined once each (many answers can
 * point at the same crop) and referred to by index.
 */
import { z } from "zod";
import type { AgencyBundle, AuditItem, BatchManifest, BundleEvidence, Decision, ManifestFile, Verdict } from "../bundle/schema.js";
import { formatThaiDate } from "../render/answers-fill.js";
import type { CompiledForm, CompiledQuestion } from "../form/compile.js";
import { formatIssue, messages, type Lang } from "../i18n/index.js";
import { RESPONDENT_ASKS } from "../validate/context.js";
import { IssueCode, Severity, type IssueValue } from "../validate/types.js";
import { REPORT_MESSAGES, type ReportMessages } from "./messages.js";
import { groupOf, groupsOf, type GroupKey } from "./groups.js";
import type { ProvinceConsolidation } from "../consolidate/index.js";
import { AGENCY_STATUSES, issueText, STATUS_TEXT, type AgencyStatus, type LedgerIssue } from "../ledger/index.js";
import { provinceView, type ProvinceView } from "./province.js";

export interface RenderReportInput {
  form: CompiledForm;
  manifest: BatchManifest;
  bundles: AgencyBundle[];
  /** The province consolidation (src/consolidate), shown as the province tab when given. */
  province?: ProvinceConsolidation;
  decisions?: Decision[];
  /** Bytes of a crop image by its output-relative path ("crops/…png"); undefined when missing. */
  readCrop: (relPath: string) => Uint8Array | undefined;
  lang: Lang;
}

export interface QuestionView {
  code: string;
  group: GroupKey;
  text: string;
  heading: boolean;
  answeredBy: string;
}

export interface AnswerView {
  field: string;
  question: string;
  label: string;
  column?: string;
  value: true | string | number;
  raw?: string;
  /** Nesting under a parent option (0 = top level), for indentation. */
  depth: number;
  /** The answered option or blank asks for evidence ("แนบเอกสารหลักฐาน"). */
  needsEvidence: boolean;
}

export interface IssueView {
  question: string;
  field?: string;
  severity: Severity;
  code: string;
  message: string;
  hint: string;
}

export interface RegionView {
  text: string;
  rgb: string;
  /** Set when the marked text could not be read reliably: OCR's best guess and the words on the lines around it. */
  unreadable?: { guess: string; nearby: string };
  /** Index into ReportData.crops. */
  crop?: number;
}

export interface EvidenceView {
  file: string;
  type: string;
  questions: string[];
  linkedBy: string;
  marked: boolean;
  error?: string;
  warnings: string[];
  pages: { number: number; source: "text-layer" | "ocr"; confidence: number; regions: RegionView[]; warnings: string[] }[];
}

export interface FileView {
  path: string;
  kind: ManifestFile["kind"];
  status: ManifestFile["status"];
  questions?: string[];
  reason?: string;
}

export interface AuditView {
  question: string;
  group: GroupKey;
  field: string;
  label: string;
  verdict: Verdict;
  score: number;
  expectation: string;
  reasons: string[];
  evidence?: { file: string; page: number; snippet: string; in: "marked" | "page"; crop?: number };
}

export interface AgencyView {
  id: string;
  name: string;
  /** The ledger's status and its words in the report's language. */
  status: AgencyStatus;
  statusText: string;
  /** On the roster. */
  expected: boolean;
  /** Newest file date, Buddhist era ("20/06/2567"). */
  received?: string;
  respondent: string;
  identifiedBy: string;
  file: string;
  completeness?: number;
  counts: Record<Severity, number>;
  hasBundle: boolean;
  method?: string;
  general: { label: string; value: string }[];
  pillars: { title: string; answered: number; required: number; missing: string[] }[];
  answers: AnswerView[];
  issues: IssueView[];
  evidence: EvidenceView[];
  otherFiles: FileView[];
  audit: AuditView[];
  /** Questions this agency's respondent role is not asked (the provincial office's own questions, for agencies). */
  notAsked: string[];
}

export interface ReportData {
  lang: Lang;
  form: { id: string; title: string };
  ui: ReportMessages;
  roles: Record<string, string>;
  severity: Record<Severity, string>;
  /** "วิธีแก้" / "fix": the validate command's word before a hint. */
  hintLabel: string;
  groups: { key: GroupKey; title: string }[];
  questions: QuestionView[];
  agencies: AgencyView[];
  /** The statuses in order with their words, for the summary line. */
  statuses: { key: AgencyStatus; text: string }[];
  unassignedFiles: FileView[];
  crops: string[];
  decisions: Decision[];
  province?: ProvinceView;
}

export function buildReportData(input: RenderReportInput): ReportData {
  const { form, manifest, lang } = input;
  const crops = new CropTable(input.readCrop);
  const groups = groupsOf(form, lang);
  const questions = form.questions.map((q) => questionView(q));
  const bundleById = new Map(input.bundles.map((b) => [b.agency.id, b]));
  const listed = new Set(manifest.agencies.map((a) => a.id));

  const agencies: AgencyView[] = [
    ...manifest.agencies.map((entry) => agencyView(form, lang, crops, manifest, entry, bundleById.get(entry.id))),
    ...input.bundles
      .filter((b) => !listed.has(b.agency.id))
      .map((b) => agencyView(form, lang, crops, manifest, undefined, b)),
  ];

  return {
    lang,
    form: { id: form.file.id, title: form.file.title },
    ui: REPORT_MESSAGES[lang],
    roles: messages(lang).roles,
    severity: messages(lang).severity,
    hintLabel: messages(lang).ui.hint,
    groups,
    questions,
    agencies,
    statuses: AGENCY_STATUSES.map((key) => ({ key, text: STATUS_TEXT[key][lang] })),
    unassignedFiles: manifest.files.filter((f) => f.agency === undefined && f.status !== "used").map((f) => fileView(f, lang)),
    crops: crops.uris,
    decisions: input.decisions ?? [],
    ...(input.province !== undefined ? { province: provinceView(input.province, form, lang) } : {}),
  };
}

function questionView(q: CompiledQuestion): QuestionView {
  return {
    code: q.code,
    group: groupOf(q),
    text: q.source.text,
    heading: q.source.heading ?? false,
    answeredBy: q.answeredBy,
  };
}

type ManifestAgency = BatchManifest["agencies"][number];

function agencyView(
  form: CompiledForm,
  lang: Lang,
  crops: CropTable,
  manifest: BatchManifest,
  entry: ManifestAgency | undefined,
  bundle: AgencyBundle | undefined,
): AgencyView {
  const ref = entry ?? bundle!.agency;
  const validation = readValidation(bundle?.validation, lang);
  const completeness = entry
    ? entry.completeness.required > 0
      ? entry.completeness.held / entry.completeness.required
      : undefined
    : validation.completeness && validation.completeness.required > 0
      ? validation.completeness.answered / validation.completeness.required
      : undefined;
  const issues = entry ? manifest.issues.filter((i) => i.agency === entry.id).flatMap((i) => ledgerIssueViews(i, lang)) : validation.issues;
  const status = entry?.status ?? "must_fix";
  return {
    id: ref.id,
    name: ref.name,
    status,
    statusText: STATUS_TEXT[status][lang],
    expected: entry?.expected ?? false,
    ...(entry?.received ? { received: formatThaiDate(entry.received) } : {}),
    respondent: ref.respondent,
    identifiedBy: ref.identifiedBy ?? "",
    file: entry?.form ?? bundle?.source.file ?? "",
    ...(completeness !== undefined ? { completeness } : {}),
    counts: entry?.counts ?? validation.counts ?? countIssues(issues),
    hasBundle: bundle !== undefined,
    ...(bundle ? { method: bundle.answers.method } : {}),
    general: bundle ? generalView(form, bundle) : [],
    pillars: (validation.completeness?.pillars ?? []).map((p) => ({
      title: `${p.pillar}. ${lang === "th" ? p.titleTh : p.titleEn}`,
      answered: p.answered,
      required: p.required,
      missing: p.missing,
    })),
    answers: bundle ? answerViews(form, bundle) : [],
    issues,
    evidence: (bundle?.evidence ?? []).map((e) => evidenceView(e, lang, crops)),
    otherFiles: otherFiles(manifest, ref.id, bundle, lang),
    audit: (bundle?.audit ?? []).map((a) => auditView(form, a, lang, crops)),
    notAsked: form.questions.filter((q) => !RESPONDENT_ASKS[ref.respondent].includes(q.answeredBy)).map((q) => q.code),
  };
}

function generalView(form: CompiledForm, bundle: AgencyBundle): AgencyView["general"] {
  const known = form.file.general.fields.map((f) => ({ label: f.label, value: bundle.answers.general[f.id] ?? "" }));
  const knownIds = new Set(form.file.general.fields.map((f) => f.id));
  const extra = Object.entries(bundle.answers.general)
    .filter(([id]) => !knownIds.has(id))
    .map(([label, value]) => ({ label, value }));
  return [...known, ...extra];
}

/** Answers in printed order (unknown fields last, as read), with their nesting depth under parent options. */
function answerViews(form: CompiledForm, bundle: AgencyBundle): AnswerView[] {
  const order = new Map(form.fields.map((f, i) => [f.id, i]));
  const depth = (id: string): number => {
    let d = 0;
    for (let parent = form.field(id)?.parent; parent; parent = form.field(parent)?.parent) d++;
    return d;
  };
  return bundle.answers.answers
    .map((a, i) => ({ a, at: order.get(a.field) ?? form.fields.length + i }))
    .sort((x, y) => x.at - y.at)
    .map(({ a }) => ({
      field: a.field,
      question: a.question,
      label: a.label,
      ...(a.column !== undefined ? { column: a.column } : {}),
      value: a.value,
      ...(a.raw !== undefined ? { raw: a.raw } : {}),
      depth: depth(a.field),
      needsEvidence: form.field(a.field)?.evidence ?? false,
    }));
}

function evidenceView(e: BundleEvidence, lang: Lang, crops: CropTable): EvidenceView {
  return {
    file: e.file,
    type: e.type,
    questions: e.questions,
    linkedBy: e.linkedBy,
    marked: e.marked,
    ...(e.error ? { error: lang === "th" ? e.error.messageTh : e.error.message } : {}),
    warnings: e.warnings.map((w) => (lang === "th" ? w.messageTh : w.message)),
    pages: e.pages.map((p) => ({
      number: p.number,
      source: p.source,
      confidence: p.confidence,
      regions: p.regions.map((r) => {
        const crop = r.crop !== undefined ? crops.add(r.crop) : undefined;
        return { text: r.text, rgb: r.rgb, ...(r.unreadable ? { unreadable: r.unreadable } : {}), ...(crop !== undefined ? { crop } : {}) };
      }),
      warnings: p.warnings.map((w) => (lang === "th" ? w.messageTh : w.message)),
    })),
  };
}

function fileView(f: ManifestFile, lang: Lang): FileView {
  return {
    path: f.path,
    kind: f.kind,
    status: f.status,
    ...(f.questions ? { questions: f.questions } : {}),
    ...(f.reason ? { reason: lang === "th" ? f.reason.message : f.reason.messageEn } : {}),
  };
}

/** The agency's files that were not used as is: from the manifest, plus older form copies only the bundle names. */
function otherFiles(manifest: BatchManifest, agency: string, bundle: AgencyBundle | undefined, lang: Lang): FileView[] {
  const listed = manifest.files.filter((f) => f.agency === agency && f.status !== "used").map((f) => fileView(f, lang));
  const paths = new Set(listed.map((f) => f.path));
  const superseded = (bundle?.superseded ?? [])
    .filter((s) => !paths.has(s.file))
    .map((s): FileView => ({ path: s.file, kind: "form", status: "superseded" }));
  return [...listed, ...superseded];
}

function auditView(form: CompiledForm, a: AuditItem, lang: Lang, crops: CropTable): AuditView {
  const question = form.question(a.question);
  const crop = a.evidence?.crop !== undefined ? crops.add(a.evidence.crop) : undefined;
  return {
    question: a.question,
    group: question ? groupOf(question) : "",
    field: a.field,
    label: a.label,
    verdict: a.verdict,
    score: a.score,
    expectation: a.expectation,
    reasons: a.reasons.map((r) => (lang === "th" ? r.message : r.messageEn)),
    ...(a.evidence
      ? {
          evidence: {
            file: a.evidence.file,
            page: a.evidence.page,
            snippet: a.evidence.snippet,
            in: a.evidence.in,
            ...(crop !== undefined ? { crop } : {}),
          },
        }
      : {}),
  };
}

// --- validation: bundle.validation is the validate module's JsonReport, kept loose in the bundle schema ---

const IssueShape = z.object({
  code: z.string(),
  severity: Severity,
  question: z.string(),
  field: z.string().optional(),
  data: z.record(z.string(), z.unknown()).optional(),
  message: z.string().optional(),
  hint: z.string().optional(),
});
const CountsShape = z.object({ error: z.number(), warning: z.number(), info: z.number() });
const CompletenessShape = z.object({
  pillars: z.array(
    z.object({
      pillar: z.number(),
      titleTh: z.string(),
      titleEn: z.string(),
      answered: z.number(),
      required: z.number(),
      missing: z.array(z.string()),
    }),
  ),
  answered: z.number(),
  required: z.number(),
});

interface ValidationRead {
  counts?: Record<Severity, number>;
  completeness?: z.infer<typeof CompletenessShape>;
  issues: IssueView[];
}

/** Reads what it can: a malformed part is left out rather than failing the whole report. */
function readValidation(validation: Record<string, unknown> | undefined, lang: Lang): ValidationRead {
  if (!validation) return { issues: [] };
  const counts = CountsShape.safeParse(validation.counts);
  const completeness = CompletenessShape.safeParse(validation.completeness);
  const issues = Array.isArray(validation.issues) ? validation.issues : [];
  return {
    ...(counts.success ? { counts: counts.data } : {}),
    ...(completeness.success ? { completeness: completeness.data } : {}),
    issues: issues.flatMap((raw) => {
      const parsed = IssueShape.safeParse(raw);
      return parsed.success ? [issueView(parsed.data, lang)] : [];
    }),
  };
}

/** Issues are re-worded in the report's language from their code and data; the stored text is the fallback. */
function issueView(issue: z.infer<typeof IssueShape>, lang: Lang): IssueView {
  const code = IssueCode.safeParse(issue.code);
  const text =
    code.success && issue.data
      ? formatIssue(
          {
            code: code.data,
            severity: issue.severity,
            question: issue.question,
            ...(issue.field !== undefined ? { field: issue.field } : {}),
            data: issue.data as Record<string, IssueValue>,
          },
          lang,
        )
      : { message: issue.message ?? issue.code, hint: issue.hint ?? "" };
  return {
    question: issue.question,
    ...(issue.field !== undefined ? { field: issue.field } : {}),
    severity: issue.severity,
    code: issue.code,
    ...text,
  };
}

/** A ledger issue as the page shows it: once under each question it names (file problems can name several). */
function ledgerIssueViews(issue: LedgerIssue, lang: Lang): IssueView[] {
  const text = issueText(issue, lang);
  const questions = issue.question ? issue.question.split(" ") : [""];
  return questions.map((question) => ({
    question,
    ...(issue.field ? { field: issue.field } : {}),
    severity: issue.severity,
    code: issue.code,
    ...text,
  }));
}

function countIssues(issues: IssueView[]): Record<Severity, number> {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const i of issues) counts[i.severity]++;
  return counts;
}

// --- crops ---

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * Crop images as data: URIs, each path read once and each distinct image stored once (the same page marked for
 * several questions, or shared by agencies, gives the same crop). A missing or non-PNG crop is simply absent.
 */
class CropTable {
  readonly uris: string[] = [];
  private readonly indexByPath = new Map<string, number | undefined>();
  private readonly indexByUri = new Map<string, number>();

  constructor(private readonly read: (relPath: string) => Uint8Array | undefined) {}

  add(path: string): number | undefined {
    if (this.indexByPath.has(path)) return this.indexByPath.get(path);
    const bytes = this.read(path);
    const isPng = bytes !== undefined && PNG_SIGNATURE.every((b, i) => bytes[i] === b);
    const index = isPng ? this.indexOfUri(`data:image/png;base64,${Buffer.from(bytes).toString("base64")}`) : undefined;
    this.indexByPath.set(path, index);
    return index;
  }

  private indexOfUri(uri: string): number {
    const known = this.indexByUri.get(uri);
    if (known !== undefined) return known;
    this.indexByUri.set(uri, this.uris.length);
    return this.uris.push(uri) - 1;
  }
}
