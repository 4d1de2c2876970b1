/**
 * buildLedger: the roster, the batch's manifest, the agency bundles (validation and audit) and the auditors'
 * decisions → one status, one list of issues and one count per agency (see schema.ts). Pure.
 */
import type { AgencyBundle, Decision, ManifestFile } from "../bundle/schema.js";
import { fill, formatIssue, messages, type Lang } from "../i18n/index.js";
import type { JsonReport } from "../validate/report.js";
import type { IssueValue, Severity } from "../validate/types.js";
import { AUDIT_TEXT, FILE_HINT, FILE_HINT_DEFAULT, FORM_NOT_RECEIVED } from "./messages.js";
import type { Roster } from "./roster.js";
import { AGENCY_STATUSES, type AgencyStatus, type IssueCounts, type Ledger, type LedgerAgency, type LedgerIssue } from "./schema.js";

export * from "./schema.js";
export { STATUS_TEXT, SOURCE_TEXT, ISSUE_NAMES, issueName } from "./messages.js";
export { loadRosterFile, resolveRoster, availableRosters, DEFAULT_ROSTER_ID, type Roster, type RosterAgency, type RosterFile } from "./roster.js";

export interface LedgerInput {
  roster?: Roster;
  /** Every file the batch saw and what became of it (the manifest's files). */
  files: readonly ManifestFile[];
  bundles: readonly AgencyBundle[];
  decisions?: readonly Decision[];
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function buildLedger(input: LedgerInput): Ledger {
  const { roster } = input;
  const bundles = new Map(input.bundles.map((b) => [b.agency.id, b]));
  const decisions = new Map((input.decisions ?? []).map((d) => [`${d.agency}\n${d.field}`, d]));

  // Roster first, in its order; then anyone else who sent something (forms, or files tied to them by name).
  const entries: { id: string; name: string; respondent: LedgerAgency["respondent"]; expected: boolean }[] = (roster?.agencies ?? []).map((a) => ({
    id: a.id,
    name: a.name,
    respondent: a.respondent,
    expected: true,
  }));
  const known = new Set(entries.map((e) => e.id));
  for (const { agency: a } of input.bundles) {
    if (!known.has(a.id)) entries.push({ id: a.id, name: a.name, respondent: a.respondent, expected: roster === undefined }), known.add(a.id);
  }
  for (const f of input.files) {
    if (f.agency && !known.has(f.agency)) entries.push({ id: f.agency, name: f.agency, respondent: "agency", expected: roster === undefined }), known.add(f.agency);
  }

  const agencies: LedgerAgency[] = [];
  const issues: LedgerIssue[] = [];
  for (const entry of entries) {
    const files = input.files.filter((f) => f.agency === entry.id);
    const bundle = bundles.get(entry.id);
    const own = sortIssues([
      ...fileIssues(entry.id, files, bundle !== undefined),
      ...(bundle ? validationIssues(entry.id, bundle, acceptedQuestions(entry.id, bundle, decisions)) : []),
      ...(bundle ? auditIssues(entry.id, bundle, decisions, files) : []),
    ]);
    issues.push(...own);
    const counts = countIssues(own);
    const audit = auditProgress(entry.id, bundle, decisions);
    const completeness = heldCompleteness(bundle, own);
    const status: AgencyStatus =
      files.length === 0 && !bundle
        ? "not_received"
        : !bundle || counts.error > 0 || completeness.held < completeness.required
          ? "must_fix"
          : audit.open === 0
            ? "audited"
            : "complete";
    const received = files.map((f) => f.modified).filter((d): d is string => !!d).sort().at(-1);
    agencies.push({
      ...entry,
      status,
      ...(bundle ? { form: bundle.source.file } : {}),
      ...(received ? { received } : {}),
      files: files.filter((f) => f.kind !== "archive").length,
      counts,
      completeness,
      audit,
      ...(bundle ? { contact: contactOf(bundle) } : {}),
    });
  }
  issues.push(...sortIssues(fileIssues("", input.files.filter((f) => f.agency === undefined), true)));

  const statuses = Object.fromEntries(AGENCY_STATUSES.map((s) => [s, agencies.filter((a) => a.status === s).length])) as Record<AgencyStatus, number>;
  return {
    ...(roster ? { roster: { id: roster.id, title: roster.title, province: roster.province } } : {}),
    agencies,
    issues,
    summary: { statuses, issues: countIssues(issues) },
  };
}

/**
 * The bundles as the auditors decided them, for the province's answer: an accepted answer counts as supported by its
 * evidence, a rejected one as not supported. The bundles themselves keep the audit's own verdicts.
 */
export function decidedBundles(bundles: readonly AgencyBundle[], decisions: readonly Decision[] = []): AgencyBundle[] {
  if (decisions.length === 0) return [...bundles];
  const decided = new Map(decisions.map((d) => [`${d.agency}\n${d.field}`, d.decision]));
  return bundles.map((b) =>
    b.audit?.some((item) => decided.has(`${b.agency.id}\n${item.field}`))
      ? {
          ...b,
          audit: b.audit.map((item) => {
            const decision = decided.get(`${b.agency.id}\n${item.field}`);
            return decision ? { ...item, verdict: decision === "accept" ? ("supported" as const) : ("not_supported" as const) } : item;
          }),
        }
      : b,
  );
}

export function countIssues(issues: readonly { severity: Severity }[]): IssueCounts {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const i of issues) counts[i.severity]++;
  return counts;
}

/** The issue's text in the given language. */
export function issueText(issue: LedgerIssue, lang: Lang): { message: string; hint: string } {
  return lang === "en" ? { message: issue.messageEn, hint: issue.hintEn } : { message: issue.message, hint: issue.hint };
}

// --- file problems ------------------------------------------------------------------------------------------------

function fileIssues(agency: string, files: readonly ManifestFile[], hasForm: boolean): LedgerIssue[] {
  const out: LedgerIssue[] = [];
  for (const f of files) {
    if ((f.status !== "failed" && f.status !== "unlinked") || !f.reason) continue;
    // Named for a question the form does not have: validation reports it against the form (evidence_unknown_question).
    if (hasForm && f.reason.code === "unknown_question_code") continue;
    const kind = f.kind === "form" ? "form" : "evidence";
    const hint = FILE_HINT[f.reason.code] ?? FILE_HINT_DEFAULT[kind];
    out.push({
      agency,
      question: (f.questions ?? []).join(" "),
      field: "",
      file: f.path,
      severity: f.status === "failed" ? "error" : "warning",
      code: f.reason.code,
      source: "file",
      message: f.reason.message,
      messageEn: f.reason.messageEn,
      hint: hint.th,
      hintEn: hint.en,
    });
  }
  // Evidence without any form: the form is what is owed.
  if (!hasForm && files.length > 0 && !files.some((f) => f.kind === "form")) {
    out.push({
      agency,
      question: "",
      field: "",
      file: "",
      severity: "error",
      code: "form_not_received",
      source: "file",
      message: FORM_NOT_RECEIVED.message.th,
      messageEn: FORM_NOT_RECEIVED.message.en,
      hint: FORM_NOT_RECEIVED.hint.th,
      hintEn: FORM_NOT_RECEIVED.hint.en,
    });
  }
  return out;
}

// --- validation ---------------------------------------------------------------------------------------------------

/** Questions whose every audited answer an auditor accepted: the evidence holds, however it is marked. */
function acceptedQuestions(agency: string, bundle: AgencyBundle, decisions: ReadonlyMap<string, Decision>): Set<string> {
  const byQuestion = new Map<string, boolean>();
  for (const item of bundle.audit ?? []) {
    const accepted = decisions.get(`${agency}\n${item.field}`)?.decision === "accept";
    byQuestion.set(item.question, (byQuestion.get(item.question) ?? true) && accepted);
  }
  return new Set([...byQuestion].filter(([, all]) => all).map(([q]) => q));
}

function validationIssues(agency: string, bundle: AgencyBundle, accepted: ReadonlySet<string>): LedgerIssue[] {
  const report = bundle.validation as unknown as JsonReport;
  const closed = (issue: JsonReport["issues"][number]) => issue.code === "evidence_not_marked" && accepted.has(issue.question);
  return (report.issues ?? []).filter((issue) => !closed(issue)).map((issue) => {
    const th = formatIssue(issue, "th");
    const en = formatIssue(issue, "en");
    return {
      agency,
      question: issue.question,
      field: issue.field ?? "",
      file: bundle.source.file,
      severity: issue.severity,
      code: issue.code,
      source: "validation" as const,
      message: th.message,
      messageEn: en.message,
      hint: th.hint,
      hintEn: en.hint,
    };
  });
}

// --- audit --------------------------------------------------------------------------------------------------------

/**
 * Verdicts that are not already issues of their own: missing or unmarked evidence is a validation issue and an
 * unreadable file a file problem. An auditor's acceptance closes the verdict; a rejection is an error.
 */
function auditIssues(agency: string, bundle: AgencyBundle, decisions: ReadonlyMap<string, Decision>, files: readonly ManifestFile[]): LedgerIssue[] {
  const failedQuestions = new Set(files.filter((f) => f.status === "failed").flatMap((f) => f.questions ?? []));
  const out: LedgerIssue[] = [];
  for (const item of bundle.audit ?? []) {
    const decision = decisions.get(`${agency}\n${item.field}`);
    let code: keyof typeof AUDIT_TEXT | undefined;
    let severity: Severity = "warning";
    if (decision?.decision === "reject") (code = "audit_rejected"), (severity = "error");
    else if (decision?.decision === "accept") code = undefined;
    else if (item.verdict === "not_supported") code = "audit_not_supported";
    else if (item.verdict === "weak") (code = "audit_weak"), (severity = "info");
    else if (item.verdict === "unreadable" && !failedQuestions.has(item.question)) code = "audit_unreadable";
    if (!code) continue;
    const values: Record<string, IssueValue> = {
      question: item.question,
      label: item.label,
      expectation: item.expectation,
      reasons: item.reasons.filter((r) => r.code !== "matched").map((r) => r.message),
      comment: decision?.comment ?? "",
    };
    const valuesEn = { ...values, reasons: item.reasons.filter((r) => r.code !== "matched").map((r) => r.messageEn) };
    const text = AUDIT_TEXT[code];
    out.push({
      agency,
      question: item.question,
      field: item.field,
      file: item.evidence?.file ?? "",
      severity,
      code,
      source: "audit",
      message: fill(text.message.th, values, messages("th")),
      messageEn: fill(text.message.en, valuesEn, messages("en")),
      hint: fill(text.hint.th, values, messages("th")),
      hintEn: fill(text.hint.en, valuesEn, messages("en")),
    });
  }
  return out;
}

function auditProgress(agency: string, bundle: AgencyBundle | undefined, decisions: ReadonlyMap<string, Decision>): LedgerAgency["audit"] {
  const items = bundle?.audit ?? [];
  let supported = 0;
  let accepted = 0;
  let rejected = 0;
  for (const item of items) {
    const decision = decisions.get(`${agency}\n${item.field}`)?.decision;
    if (decision === "reject") rejected++;
    else if (decision === "accept") accepted++;
    else if (item.verdict === "supported") supported++;
  }
  // Open: neither supported nor decided by an auditor (a rejection is decided, and an error of its own).
  return { total: items.length, supported, accepted, rejected, open: items.length - supported - accepted - rejected };
}

// --- completeness -------------------------------------------------------------------------------------------------

/** Required questions answered and without an error on them: an answer whose evidence is missing does not count. */
function heldCompleteness(bundle: AgencyBundle | undefined, issues: readonly LedgerIssue[]): LedgerAgency["completeness"] {
  const report = bundle?.validation as unknown as JsonReport | undefined;
  if (!report?.completeness) return { held: 0, required: 0 };
  const broken = new Set(issues.filter((i) => i.severity === "error").flatMap((i) => i.question.split(" ")));
  const answered = report.completeness.answeredQuestions ?? [];
  return { held: answered.filter((q) => !broken.has(q)).length, required: report.completeness.required };
}

function contactOf(bundle: AgencyBundle): LedgerAgency["contact"] {
  const g = bundle.answers.general;
  return {
    name: [g.first_name, g.last_name].filter(Boolean).join(" "),
    email: g.email ?? "",
    phone: g.mobile_phone || g.office_phone || "",
  };
}

/** By question code in form order is the validation's order already; here: errors first, then by question, stable. */
function sortIssues(issues: LedgerIssue[]): LedgerIssue[] {
  return issues
    .map((issue, i) => ({ issue, i }))
    .sort((a, b) => SEVERITY_ORDER[a.issue.severity] - SEVERITY_ORDER[b.issue.severity] || a.i - b.i)
    .map(({ issue }) => issue);
}
