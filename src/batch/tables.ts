/**
 * The batch's results as flat tables, for issues.csv and summary.xlsx: one issue row per issue of the ledger (file
 * problems, validation issues, audit verdicts); one audit row per audited answer, with the auditor's decision on it;
 * CSV as Excel opens it (UTF-8 with BOM, RFC 4180 quoting, CRLF).
 */
import type { AgencyBundle, AgencyRef, AuditItem, BatchManifest, Decision } from "../bundle/schema.js";
import { messages, type Lang } from "../i18n/index.js";
import { issueName, issueText, SOURCE_TEXT, STATUS_TEXT } from "../ledger/index.js";
import type { JsonReport } from "../validate/report.js";
import type { PlannedAgency } from "./plan.js";

/** What the stages produce per agency: the bundle as written, and its validation report with typed issues. */
export interface AgencyResult {
  planned: PlannedAgency;
  bundle: AgencyBundle;
  report: JsonReport;
}

/** One line of issues.csv and of the workbook's issues sheet: a ledger issue with its agency's name and status. */
export interface IssueRow {
  agency: string;
  status: string;
  question: string;
  field: string;
  severity: string;
  kind: string;
  name: string;
  code: string;
  message: string;
  hint: string;
  file: string;
}

export const ISSUE_COLUMNS = ["agency", "status", "question", "field", "severity", "kind", "name", "code", "message", "hint", "file"] as const;

export const ISSUE_HEADERS: Record<Lang, Record<(typeof ISSUE_COLUMNS)[number], string>> = {
  th: { agency: "หน่วยงาน", status: "สถานะหน่วยงาน", question: "ข้อ", field: "รายการ", severity: "ระดับ", kind: "ประเภท", name: "ปัญหา", code: "รหัสปัญหา", message: "รายละเอียด", hint: "วิธีแก้", file: "ไฟล์" },
  en: { agency: "agency", status: "agency status", question: "question", field: "field", severity: "severity", kind: "kind", name: "issue", code: "code", message: "message", hint: "fix", file: "file" },
};

/** The ledger's issues in its order (agency by agency, files of no agency last), in people's words. */
export function issueRows(manifest: BatchManifest, lang: Lang): IssueRow[] {
  const agencies = new Map(manifest.agencies.map((a) => [a.id, a]));
  const severity = messages(lang).severity;
  return manifest.issues.map((issue) => {
    const agency = agencies.get(issue.agency);
    const text = issueText(issue, lang);
    return {
      agency: agency?.name ?? "",
      status: agency ? STATUS_TEXT[agency.status][lang] : "",
      question: issue.question,
      field: issue.field,
      severity: severity[issue.severity],
      kind: SOURCE_TEXT[issue.source][lang],
      name: issueName(issue.code, lang),
      code: issue.code,
      message: text.message,
      hint: text.hint,
      file: issue.file,
    };
  });
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

export function toCsv(rows: readonly IssueRow[], lang: Lang = "th"): string {
  // Typed answers and file names come from outside: a leading = + - @ would run as a formula when Excel opens the file.
  const defuse = (value: string) => (/^[=+\-@\t\r]/u.test(value) ? `'${value}` : value);
  const quote = (value: string) => (/[",\r\n]/u.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
  const lines = [ISSUE_COLUMNS.map((c) => quote(ISSUE_HEADERS[lang][c])).join(","), ...rows.map((row) => ISSUE_COLUMNS.map((c) => quote(defuse(row[c]))).join(","))];
  // The BOM makes Excel read the file as UTF-8 (Thai) instead of the ANSI code page.
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
