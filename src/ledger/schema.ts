/**
 * The ledger: one truth about each agency, which every output reads (the CLI summary, batch.json, issues.csv,
 * summary.xlsx, report.html, letters). One issue shape for file problems, validation issues and audit verdicts;
 * one status per agency; one count.
 */
import { z } from "zod";
import { Severity } from "../validate/types.js";

export const AGENCY_STATUSES = ["not_received", "must_fix", "complete", "audited"] as const;
export const AgencyStatus = z.enum(AGENCY_STATUSES);
/**
 * not_received: nothing from the agency. must_fix: something arrived and there is at least one error (no usable
 * form, a required answer missing or wrong, required evidence missing, unreadable or unmarked, an auditor's
 * rejection). complete: no error, so every required answer is present and its evidence holds. audited: complete,
 * and every audited answer is supported by its evidence or accepted by an auditor.
 */
export type AgencyStatus = z.infer<typeof AgencyStatus>;

export const IssueSource = z.enum(["file", "validation", "audit"]);
export type IssueSource = z.infer<typeof IssueSource>;

export const LedgerIssue = z.object({
  /** Agency id ("" for a file no agency could be found for). */
  agency: z.string(),
  /** Question codes the issue is about, space-separated ("" for the whole form or file; "general" for the general block). */
  question: z.string(),
  field: z.string(),
  /** The file concerned (inbox-relative). */
  file: z.string(),
  severity: Severity,
  code: z.string(),
  source: IssueSource,
  message: z.string(),
  messageEn: z.string(),
  hint: z.string(),
  hintEn: z.string(),
});
export type LedgerIssue = z.infer<typeof LedgerIssue>;

export const IssueCounts = z.object({ error: z.number().int(), warning: z.number().int(), info: z.number().int() });
export type IssueCounts = z.infer<typeof IssueCounts>;

export const LedgerAgency = z.object({
  id: z.string(),
  name: z.string(),
  respondent: z.enum(["provincial_office", "agency", "statistics_office"]),
  /** On the roster (false: it sent files but the province did not expect it). */
  expected: z.boolean(),
  status: AgencyStatus,
  /** The form used (inbox-relative), when one could be read. */
  form: z.string().optional(),
  /** The newest modification date of the agency's files (YYYY-MM-DD, Thai time). */
  received: z.string().optional(),
  files: z.number().int(),
  counts: IssueCounts,
  /** Required questions answered with no error on them (answer present, evidence holding) / required questions. */
  completeness: z.object({ held: z.number().int(), required: z.number().int() }),
  audit: z.object({ total: z.number().int(), supported: z.number().int(), accepted: z.number().int(), rejected: z.number().int(), open: z.number().int() }),
  contact: z.object({ name: z.string(), email: z.string(), phone: z.string() }).optional(),
});
export type LedgerAgency = z.infer<typeof LedgerAgency>;

export const Ledger = z.object({
  roster: z.object({ id: z.string(), title: z.string(), province: z.string() }).optional(),
  /** Roster agencies in roster order, then agencies that sent files without being on it. */
  agencies: z.array(LedgerAgency),
  /** Every issue, agencies in the order above (files of no agency last), each agency's by question. */
  issues: z.array(LedgerIssue),
  summary: z.object({ statuses: z.record(AgencyStatus, z.number().int()), issues: IssueCounts }),
});
export type Ledger = z.infer<typeof Ledger>;
