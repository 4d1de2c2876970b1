/** Validation results for people (text grouped by part and question, with the completeness table) and machines (JSON). */
import type { CompiledForm } from "../form/compile.js";
import type { AnswerDocument, AnswerItem } from "../extract/answers.js";
import { fill, formatIssue, messages, type Lang } from "../i18n/index.js";
import { DOCUMENT, GENERAL, type Issue, type Severity, type ValidationResult } from "./types.js";
import { advances } from "../text/thai.js";

export interface ReportIssue extends Issue {
  message: string;
  hint: string;
  /** The answer item the issue is about, when there is one (label, value and where it was found). */
  answer?: Pick<AnswerItem, "label" | "value" | "location"> & { raw?: string };
}

/** Where the respondent role came from: --respondent, the agency named in the document, or the default. */
export type RespondentSource = "option" | "inferred" | "default";

export interface JsonReport extends Omit<ValidationResult, "issues"> {
  file: string;
  lang: Lang;
  respondentSource: RespondentSource;
  issues: ReportIssue[];
}

export function toJsonReport(result: ValidationResult, doc: AnswerDocument, file: string, lang: Lang, respondentSource: RespondentSource = "option"): JsonReport {
  const byField = new Map(doc.answers.map((a) => [a.field, a]));
  return {
    file,
    lang,
    form: result.form,
    respondent: result.respondent,
    respondentSource,
    counts: result.counts,
    completeness: result.completeness,
    issues: result.issues.map((issue) => {
      const item = issue.field ? byField.get(issue.field) : undefined;
      return {
        ...issue,
        ...formatIssue(issue, lang),
        ...(item ? { answer: { label: item.label, value: item.value, location: item.location, ...(item.raw ? { raw: item.raw } : {}) } } : {}),
      };
    }),
  };
}

const MARK: Record<Severity, string> = { error: "✗", warning: "!", info: "i" };

function pad(s: string, n: number): string {
  return s + " ".repeat(Math.max(0, n - advances(s)));
}

export function formatTextReport(
  result: ValidationResult,
  form: CompiledForm,
  file: string,
  lang: Lang,
  respondentSource: RespondentSource = "option",
): string {
  const t = messages(lang);
  const out: string[] = [];
  out.push(`${t.ui.title}: ${file}`);
  const source = respondentSource === "option" ? "" : ` (${respondentSource === "inferred" ? t.ui.respondentInferred : t.ui.respondentDefault})`;
  out.push(`${t.ui.form}: ${result.form} · ${t.ui.respondent}: ${t.roles[result.respondent]}${source}`);
  out.push(fill(t.ui.summary, result.counts, t));
  out.push("");

  const pillarTitle = (n: number) => {
    const p = form.file.pillars.find((x) => x.number === n);
    if (lang === "th") return form.file.parts?.find((x) => x.pillar === n)?.title ?? `${t.ui.pillar} ${n} ${p?.titleTh ?? ""}`;
    return `${t.ui.pillar} ${n} ${p?.titleEn ?? ""}`;
  };
  const sectionOf = (issue: Issue): { key: string; title: string; order: number } => {
    if (issue.question === GENERAL) return { key: GENERAL, title: t.ui.general, order: -1 };
    const q = form.question(issue.question);
    if (issue.question === DOCUMENT || !q) return { key: DOCUMENT, title: t.ui.document, order: -2 };
    return { key: `p${q.pillar}`, title: pillarTitle(q.pillar), order: q.pillar };
  };

  if (result.issues.length === 0) out.push(t.ui.noIssues, "");
  const sections = new Map<string, { title: string; order: number; questions: Map<string, Issue[]> }>();
  for (const issue of result.issues) {
    const s = sectionOf(issue);
    const section = sections.get(s.key) ?? { title: s.title, order: s.order, questions: new Map<string, Issue[]>() };
    sections.set(s.key, section);
    const list = section.questions.get(issue.question) ?? [];
    list.push(issue);
    section.questions.set(issue.question, list);
  }
  for (const section of [...sections.values()].sort((a, b) => a.order - b.order)) {
    out.push(section.title);
    for (const [question, issues] of section.questions) {
      const grouped = question !== GENERAL && question !== DOCUMENT && form.question(question);
      const indent = grouped ? "    " : "  ";
      if (grouped) out.push(`  ${t.ui.question} ${question}`);
      for (const issue of issues) {
        const { message, hint } = formatIssue(issue, lang);
        out.push(`${indent}${MARK[issue.severity]} ${t.severity[issue.severity]} [${issue.code}] ${message}`);
        out.push(`${indent}  ${t.ui.hint}: ${hint}`);
      }
    }
    out.push("");
  }

  out.push(t.ui.completeness);
  const rows = result.completeness.pillars.map((p) => ({
    name: `${p.pillar}. ${lang === "th" ? p.titleTh : p.titleEn}`,
    answered: p.answered,
    required: p.required,
    missing: p.missing,
  }));
  const total = { name: t.ui.total, answered: result.completeness.answered, required: result.completeness.required, missing: [] as string[] };
  const nameWidth = Math.max(...[...rows, total].map((r) => advances(r.name))) + 2;
  const percent = (a: number, r: number) => (r === 0 ? "–" : `${Math.round((100 * a) / r)}%`);
  for (const r of [...rows, total]) {
    const count = `${r.answered} / ${r.required}`;
    const missing = r.missing.length > 0 ? `  ${t.ui.missing}: ${r.missing.join(t.ui.listSeparator)}` : "";
    out.push(`  ${pad(r.name, nameWidth)}${pad(count, 9)}${pad(percent(r.answered, r.required), 5)}${missing}`.trimEnd());
  }
  return `${out.join("\n")}\n`;
}
