/**
 * What the batch knows about one agency, written as `out/answers/<agency>.json`, and the shapes the later stages
 * share: consolidation, the audit and the report all read these, never the batch's internals.
 *
 * One agency bundle = the extracted answers + the evidence files linked to its questions (page text and marked
 * regions, without per-word boxes) + validation + (when run) the audit verdicts. Paths are relative to the inbox
 * (inputs) or to the output folder (crops), always with "/" separators, so the JSON is the same on every machine.
 */
import { z } from "zod";
import { AnswerDocument } from "../extract/answers.js";
import {
  BBoxSchema,
  FileErrorSchema,
  FileTypeSchema,
  RegionSchema,
  WarningSchema,
} from "../evidence/schema.js";
import { LedgerAgency, LedgerIssue, Ledger } from "../ledger/schema.js";

export const BUNDLE_SCHEMA = "samruat.agency/1";
export const DECISIONS_SCHEMA = "samruat.decisions/1";
export const MANIFEST_SCHEMA = "samruat.batch/2";

/** How the agency of a form was identified: its general-information block, its folder, or its file name. */
export const IdentifiedBy = z.enum(["general", "folder", "file_name"]);
export type IdentifiedBy = z.infer<typeof IdentifiedBy>;

/** How an evidence file was tied to questions: a code in its file name, its folder name, or embedded in the form. */
export const LinkedBy = z.enum(["file_name", "folder", "embedded"]);
export type LinkedBy = z.infer<typeof LinkedBy>;

export const AgencyRef = z.object({
  /** File-system-safe stable id (ascii slug or Thai name NFC with unsafe characters removed): `answers/<id>.json`. */
  id: z.string(),
  /** Display name, e.g. "สำนักงานจังหวัดเชียงใหม่". */
  name: z.string(),
  identifiedBy: IdentifiedBy,
  respondent: z.enum(["provincial_office", "agency", "statistics_office"]),
});
export type AgencyRef = z.infer<typeof AgencyRef>;

/** A marked region as kept in the bundle: the reader's region plus, when rendered, a crop image under the output folder. */
export const BundleRegion = RegionSchema.extend({
  /** PNG crop of the region (with a margin), relative to the output folder: "crops/<sha16>-p<page>-<n>.png". */
  crop: z.string().optional(),
});
export type BundleRegion = z.infer<typeof BundleRegion>;

export const BundlePage = z.object({
  number: z.number().int().min(1),
  source: z.enum(["text-layer", "ocr"]),
  width: z.number(),
  height: z.number(),
  unit: z.enum(["pt", "px"]),
  text: z.string(),
  confidence: z.number().min(0).max(1),
  regions: z.array(BundleRegion),
  warnings: z.array(WarningSchema),
});
export type BundlePage = z.infer<typeof BundlePage>;

export const BundleEvidence = z.object({
  /** Path relative to the inbox (inside an archive: "<archive>.zip/<entry>"); embedded images: "<form>.docx#<media>". */
  file: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().min(0),
  type: FileTypeSchema,
  /** Question codes this file is evidence for (sorted, unique). */
  questions: z.array(z.string()),
  linkedBy: LinkedBy,
  pages: z.array(BundlePage),
  /** Whether any page has a marked region. */
  marked: z.boolean(),
  warnings: z.array(WarningSchema),
  error: FileErrorSchema.optional(),
});
export type BundleEvidence = z.infer<typeof BundleEvidence>;

export const Verdict = z.enum(["supported", "weak", "not_supported", "evidence_missing", "not_marked", "unreadable"]);
export type Verdict = z.infer<typeof Verdict>;

/** One audited answer: does the marked text on its evidence support what was ticked? */
export const AuditItem = z.object({
  question: z.string(),
  /** The answer's field id (an option, matrix cell or evidence blank). */
  field: z.string(),
  /** The printed label of what was answered (option label; matrix "row — column"). */
  label: z.string(),
  verdict: Verdict,
  /** 0–1: how much of the expectation the best evidence met. */
  score: z.number().min(0).max(1),
  /** What was looked for, in words an auditor reads (Thai), e.g. "คำสั่งแต่งตั้ง … คณะกรรมการ PCIO". */
  expectation: z.string(),
  /** Why this verdict (short Thai/English phrases from the audit's message table, already filled). */
  reasons: z.array(z.object({ code: z.string(), message: z.string(), messageEn: z.string() })),
  /** The best matching evidence, when any. */
  evidence: z
    .object({
      file: z.string(),
      page: z.number().int().min(1),
      /** The matched text (a marked region's text, or a page-text window when matched outside the marks). */
      snippet: z.string(),
      /** Where the snippet was found: a marked region or the page text. */
      in: z.enum(["marked", "page"]),
      bbox: BBoxSchema.optional(),
      crop: z.string().optional(),
    })
    .optional(),
});
export type AuditItem = z.infer<typeof AuditItem>;

export const AgencyBundle = z.object({
  schema: z.literal(BUNDLE_SCHEMA),
  form: z.string(),
  agency: AgencyRef,
  /** The form file used (inbox-relative path) and older copies of the same agency it replaced. */
  source: z.object({ file: z.string(), sha256: z.string(), bytes: z.number().int() }),
  superseded: z.array(z.object({ file: z.string(), sha256: z.string() })),
  answers: AnswerDocument,
  evidence: z.array(BundleEvidence),
  /** `toJsonReport` of src/validate/report.ts (kept loose here: the validate module owns that shape). */
  validation: z.record(z.string(), z.unknown()),
  audit: z.array(AuditItem).optional(),
});
export type AgencyBundle = z.infer<typeof AgencyBundle>;

/** An auditor's decision recorded in report.html and read back by `batch --decisions`. */
export const Decision = z.object({
  agency: z.string(),
  field: z.string(),
  question: z.string(),
  decision: z.enum(["accept", "reject"]),
  comment: z.string().default(""),
});
export type Decision = z.infer<typeof Decision>;
export const DecisionsFile = z.object({ schema: z.literal(DECISIONS_SCHEMA), decisions: z.array(Decision) });
export type DecisionsFile = z.infer<typeof DecisionsFile>;

/** Every file the batch saw and what became of it (`out/batch.json`, and `batch --format json` on stdout). */
export const ManifestFile = z.object({
  path: z.string(),
  sha256: z.string().optional(),
  kind: z.enum(["form", "evidence", "archive", "other"]),
  status: z.enum(["used", "superseded", "failed", "unlinked", "ignored"]),
  agency: z.string().optional(),
  questions: z.array(z.string()).optional(),
  /** Why a file failed, was superseded, or was ignored (Thai and English). */
  reason: z.object({ code: z.string(), message: z.string(), messageEn: z.string() }).optional(),
  /** The file's modification date (YYYY-MM-DD, Thai time; inside a .zip the entry's date): when it was sent. */
  modified: z.string().optional(),
});
export type ManifestFile = z.infer<typeof ManifestFile>;

/**
 * The batch's one truth (`out/batch.json`): every agency of the roster (and any other that sent files) with its
 * status and counts, every issue, every file. The CLI summary, issues.csv, summary.xlsx, report.html and the letters
 * all read this.
 */
export const BatchManifest = z.object({
  schema: z.literal(MANIFEST_SCHEMA),
  form: z.string(),
  /** The province's name ("เชียงใหม่"): the one most forms give, or the one given. */
  province: z.string(),
  roster: Ledger.shape.roster,
  agencies: z.array(LedgerAgency.extend({ identifiedBy: IdentifiedBy.optional() })),
  issues: z.array(LedgerIssue),
  summary: Ledger.shape.summary,
  files: z.array(ManifestFile),
});
export type BatchManifest = z.infer<typeof BatchManifest>;
