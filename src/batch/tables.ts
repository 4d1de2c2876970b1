/**
 * The batch's results as flat tables, for issues.csv and summary.xlsx: one issue row per validation issue and per
 * file that failed or could not be linked; one audit row per audited answer, with the auditor's decision on it; CSV
 * as Excel opens it (UTF-8 with BOM, RFC 4180 quoting, CRLF).
 */
import type { AgencyBundle, AgencyRef, AuditItem, BatchManifest, Decision } from "../bundle/schema.js";
import type { Lang } from "../cli/context.js";
import type { JsonReport } from "../validate/report.js";
import type { PlannedAgency } from "./plan.js";

/** What the stages produce per agency: the bundle as written, and its validation report with typed issues. */
export interface AgencyResult {
  planned: PlannedAgency;
  bundle: AgencyBundle;
  report: JsonReport;
}

export interface IssueRow {
  agency: string;
  file: string;
  question: string;
  field: string;
  severity: "error" | "warning" | "info";
  code: string;
  message: string;
}

export const ISSUE_COLUMNS = ["agency", "file", "question", "field", "severity", "code", "message"] as const;

export function issueRows(results: readonly AgencyResult[], manifest: BatchManifest, lang: Lang): IssueRow[] {
  const rows: IssueRow[] = [];
  for (const { bundle, report } of results) {
    for (const issue of report.issues) {
      rows.push({
        agency: bundle.agency.name,
        file: bundle.source.file,
        question: issue.question,
        field: issue.field ?? "",
        severity: issue.severity,
        code: issue.code,
        message: issue.message,
      });
    }
  }
  const names = new Map(manifest.agencies.map((a) => [a.id, a.name]));
  for (const file of manifest.files) {
    if ((file.status !== "failed" && file.status !== "unlinked") || !file.reason) continue;
    rows.push({
      agency: file.agency ? (names.get(file.agency) ?? file.agency) : "",
      file: file.path,
      question: (file.questions ?? []).join(" "),
      field: "",
      severity: file.status === "failed" ? "error" : "warning",
      code: file.reason.code,
      message: lang === "en" ? file.reason.messageEn : file.reason.message,
    });
  }
  return rows;
}

export interface AuditRow {
  agency: AgencyRef;
  item: AuditItem;
  decision?: Decision;
}

/** How the auditor's decisions (`--decisions`) met this run's audit. */
export interface DecisionCounts {
  accept: number;
  reject: number;
  /** Decisions on no audited answer of this run: the answer or its evidence changed, or the agency is gone. */
  unmatched: number;
}

/** Every agency's audit items, each with the decision recorded for it (same agency id and field; the last one wins). */
export function auditRows(results: readonly AgencyResult[], decisions: readonly Decision[] = []): AuditRow[] {
  const decided = decisionsByAnswer(decisions);
  return results.flatMap(({ bundle }) =>
    (bundle.audit ?? []).map((item) => {
      const decision = decided.get(answerKey(bundle.agency.id, item.field));
      return { agency: bundle.agency, item, ...(decision ? { decision } : {}) };
    }),
  );
}

export function countDecisions(rows: readonly AuditRow[], decisions: readonly Decision[]): DecisionCounts {
  const count = (value: Decision["decision"]) => rows.filter((r) => r.decision?.decision === value).length;
  const accept = count("accept");
  const reject = count("reject");
  return { accept, reject, unmatched: decisionsByAnswer(decisions).size - accept - reject };
}

const answerKey = (agency: string, field: string) => `${agency}\n${field}`;

function decisionsByAnswer(decisions: readonly Decision[]): Map<string, Decision> {
  return new Map(decisions.map((d) => [answerKey(d.agency, d.field), d]));
}

export function toCsv(rows: readonly IssueRow[]): string {
  // Typed answers and file names come from outside: a leading = + - @ would run as a formula when Excel opens the file.
  const defuse = (value: string) => (/^[=+\-@\t\r]/u.test(value) ? `'${value}` : value);
  const quote = (value: string) => (/[",\r\n]/u.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
  const lines = [ISSUE_COLUMNS.join(","), ...rows.map((row) => ISSUE_COLUMNS.map((c) => quote(defuse(row[c]))).join(","))];
  // The BOM makes Excel read the file as UTF-8 (Thai) instead of the ANSI code page.
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
