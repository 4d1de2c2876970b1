/**
 * The province consolidation as data (`consolidate --json`, and what the report reads): the province's answers, each
 * with the agencies and evidence files it came from, what was not taken and why, and the evidence index. Sorted, no
 * timestamps: the same inputs and policy give the same JSON.
 */
import { z } from "zod";
import { AnswerKind } from "../extract/answers.js";
import { Respondent } from "../form/schema.js";
import { EvidenceState, MergePolicySchema, RespondentRole } from "./policy.js";

export const PROVINCE_SCHEMA = "samruat.province/1";

const AnswerValue = z.union([z.literal(true), z.string(), z.number()]);

/** One agency's answer that went into a province answer. */
export const SourceRef = z.object({
  /** Agency id (see `agencies`). */
  agency: z.string(),
  /** The agency's own field id (differs from the province's for renumbered entries). */
  field: z.string(),
  value: AnswerValue,
  /** Evidence files (inbox-relative paths, see `evidence`) the agency linked to the question. */
  evidence: z.array(z.string()),
  /** For answers the form asks evidence for: what the evidence amounted to. */
  evidenceState: EvidenceState.optional(),
});
export type SourceRef = z.infer<typeof SourceRef>;

export const ConsolidatedAnswer = z.object({
  field: z.string(),
  question: z.string(),
  kind: AnswerKind,
  label: z.string(),
  column: z.string().optional(),
  value: AnswerValue,
  /** The policy rule that made this value ("most_advanced", "any", "sum", "combine", …). */
  rule: z.string(),
  sources: z.array(SourceRef),
  /** One-answer sets: the other supported choices that ranked lower, with who chose them. */
  outranked: z.array(z.object({ field: z.string(), label: z.string(), agencies: z.array(z.string()) })).optional(),
});
export type ConsolidatedAnswer = z.infer<typeof ConsolidatedAnswer>;

export const QuestionStatus = z.enum(["answered", "unanswered", "skipped", "condition_unmet", "heading"]);
export type QuestionStatus = z.infer<typeof QuestionStatus>;

export const QuestionSummary = z.object({
  code: z.string(),
  answeredBy: Respondent,
  status: QuestionStatus,
  /** Agencies whose answers the province's answers to this question came from. */
  agencies: z.array(z.string()),
  /** Evidence files behind those answers. */
  evidence: z.array(z.object({ agency: z.string(), file: z.string() })),
  /** Skipped / condition_unmet: the province's answer (field id) that skips the question or that it waits for. */
  by: z.string().optional(),
});
export type QuestionSummary = z.infer<typeof QuestionSummary>;

export const ConflictCode = z.enum([
  /** An answer that needs evidence without accepted evidence. */
  "unsupported",
  /** One agency marked several options of a one-answer set. */
  "several_options",
  /** Several forms of the provincial office answer a one-answer set or a blank differently. */
  "sources_disagree",
  /** A number or date blank whose value could not be read as one. */
  "unreadable_value",
  /** More entries than the printed form has room for. */
  "entries_overflow",
  /** Agencies answered a question the province's own answers skip (or whose condition is not met). */
  "answered_but_skipped",
]);
export type ConflictCode = z.infer<typeof ConflictCode>;

export const Conflict = z.object({
  code: ConflictCode,
  question: z.string(),
  field: z.string().optional(),
  agencies: z.array(z.string()),
  /** Whether the agencies' answer went into the province's answer anyway. */
  taken: z.boolean(),
  message: z.string(),
  messageEn: z.string(),
});
export type Conflict = z.infer<typeof Conflict>;

export const AgencySummary = z.object({
  id: z.string(),
  name: z.string(),
  respondent: RespondentRole,
  source: z.object({ file: z.string(), sha256: z.string() }),
  answers: z.number().int(),
  evidenceFiles: z.number().int(),
});
export type AgencySummary = z.infer<typeof AgencySummary>;

/** An evidence file cited by the province's answers, with what the appendix prints. */
export const EvidenceEntry = z.object({
  agency: z.string(),
  file: z.string(),
  sha256: z.string(),
  questions: z.array(z.string()),
  pages: z.number().int(),
  /** The marked key text, per page with marks. */
  marked: z.array(z.object({ page: z.number().int(), texts: z.array(z.string()) })),
  /** Why the file could not be read (Thai), when it could not. */
  error: z.string().optional(),
});
export type EvidenceEntry = z.infer<typeof EvidenceEntry>;

/** An entry that did not fit the printed form (kept here and in the document's provenance section). */
export const OverflowEntry = z.object({
  question: z.string(),
  group: z.string(),
  agency: z.string(),
  /** The entry's fields as the agency gave them. */
  fields: z.array(z.object({ field: z.string(), label: z.string(), value: AnswerValue })),
});
export type OverflowEntry = z.infer<typeof OverflowEntry>;

export const ConsolidationWarning = z.object({
  code: z.string(),
  agency: z.string().optional(),
  message: z.string(),
  messageEn: z.string(),
});
export type ConsolidationWarning = z.infer<typeof ConsolidationWarning>;

export const ProvinceConsolidationSchema = z.object({
  schema: z.literal(PROVINCE_SCHEMA),
  form: z.string(),
  province: z.string(),
  /** The policy used, after the user's file was laid over the default. */
  policy: MergePolicySchema,
  /** Provincial office first, then the statistics office, then the other agencies; by id within each. */
  agencies: z.array(AgencySummary),
  /** The general-information block, from the provincial office's form. */
  general: z.record(z.string(), z.string()),
  /** Every question in printed order. */
  questions: z.array(QuestionSummary),
  /** The province's answers in printed order. */
  answers: z.array(ConsolidatedAnswer),
  conflicts: z.array(Conflict),
  overflow: z.array(OverflowEntry),
  evidence: z.array(EvidenceEntry),
  warnings: z.array(ConsolidationWarning),
});
export type ProvinceConsolidation = z.infer<typeof ProvinceConsolidationSchema>;
