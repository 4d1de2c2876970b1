/**
 * The validation model: one issue shape for every rule (zod/changesets style). Message text is not here: it lives in
 * one table per language (src/i18n/messages.th.ts, messages.en.ts), filled from `data`.
 */
import { z } from "zod";

export const Severity = z.enum(["error", "warning", "info"]);
export type Severity = z.infer<typeof Severity>;

/** Every issue code, stable snake_case: scripts and the message tables key on these. */
export const ISSUE_CODES = [
  // the document as a whole
  "form_mismatch",
  "unknown_field",
  "entry_limit_exceeded",
  // what a person must look at on a scanned copy
  "mark_uncertain",
  "handwriting_not_read",
  // who answers what, skips and conditions
  "required_missing",
  "not_asked_answered",
  "skipped_question_answered",
  "skipped_item_answered",
  "condition_unmet_answered",
  // choices
  "choice_missing",
  "choice_multiple",
  "sub_choice_missing",
  "matrix_row_missing",
  "nested_without_parent",
  "blank_without_parent",
  // blanks and repeated entries
  "specify_missing",
  "entries_missing",
  "entry_incomplete",
  // numbers
  "not_a_number",
  "not_whole_number",
  "negative_number",
  "percent_out_of_range",
  "score_above_max",
  "number_not_positive",
  "count_exceeds_total",
  "count_mismatch_entries",
  // shapes of typed values
  "url_invalid",
  "data_go_th_org_missing",
  "email_invalid",
  "phone_invalid",
  "mobile_invalid",
  "general_missing",
  // dates
  "date_invalid",
  "date_out_of_period",
  // evidence
  "evidence_missing",
  "evidence_not_marked",
  "evidence_not_checked",
  "evidence_unknown_question",
] as const;
export const IssueCode = z.enum(ISSUE_CODES);
export type IssueCode = z.infer<typeof IssueCode>;

/** Values placed into the message templates. Lists are joined for display; the JSON keeps them as lists. */
export type IssueValue = string | number | boolean | string[];

export interface Issue {
  code: IssueCode;
  severity: Severity;
  /** Question code ("G1", "P4.2.1"); "general" for the general-information block, "form" for the whole document. */
  question: string;
  /** Full field id from the form definition, when the issue is about one answer item. */
  field?: string;
  data: Record<string, IssueValue>;
}

/** Pseudo question codes for issues that belong to no printed question. */
export const GENERAL = "general";
export const DOCUMENT = "form";

/**
 * Who filled this copy. The province's agenda says which questions each one answers (`answeredBy` in the form file):
 * the provincial office compiles the province's submission and answers everything; an agency (and the provincial
 * statistics office, itself an agency) answers the ทุกหน่วยงาน and ทุกหน่วยงาน/สถิติจังหวัด questions.
 */
export const RespondentRole = z.enum(["provincial_office", "agency", "statistics_office"]);
export type RespondentRole = z.infer<typeof RespondentRole>;

/** One evidence file attached for a question (from the evidence reader or a list the secretariat keeps). */
export const EvidenceLink = z.object({
  /** Question code ("P1.1"); a full field id ("P1.1:done") is accepted and counts for its question. */
  question: z.string(),
  file: z.string(),
  /** Whether the key text is marked (highlighted, underlined, boxed) on it; undefined when not known. */
  marked: z.boolean().optional(),
});
export type EvidenceLink = z.infer<typeof EvidenceLink>;
export const EvidenceList = z.array(EvidenceLink);

export interface ValidateOptions {
  /** Default provincial_office (the province's compiled submission). */
  respondent?: RespondentRole;
  /**
   * Evidence files per question. Undefined: evidence was not looked at, so missing evidence is reported as one
   * `evidence_not_checked` info per question instead of errors. A list (even empty) is enforced.
   */
  evidence?: readonly EvidenceLink[];
}

export interface PillarCompleteness {
  pillar: number;
  titleTh: string;
  titleEn: string;
  /** Required questions (for this respondent, after skips) that have at least one answer. */
  answered: number;
  required: number;
  /** Required questions without any answer, in printed order. */
  missing: string[];
}

export interface Completeness {
  pillars: PillarCompleteness[];
  answered: number;
  required: number;
  /** The required questions that have an answer, in printed order. */
  answeredQuestions: string[];
}

export interface ValidationResult {
  form: string;
  respondent: RespondentRole;
  issues: Issue[];
  completeness: Completeness;
  counts: Record<Severity, number>;
}
