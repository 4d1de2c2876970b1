/** The audit's outputs for one agency: counts per verdict, the exit code, and the text and JSON reports. */
import type { AgencyBundle, AuditItem, Verdict } from "../bundle/schema.js";
import type { Lang } from "../i18n/index.js";
import { AUDIT_MESSAGES } from "./messages.js";

export const AUDIT_SCHEMA = "samruat.audit/1";

const VERDICTS: readonly Verdict[] = ["supported", "weak", "not_supported", "not_marked", "evidence_missing", "unreadable"];

/** Verdicts the office must act on (exit 1). Unreadable evidence is one: exit 2 is for a bundle that cannot be read. */
const PROBLEMS: readonly Verdict[] = ["not_supported", "not_marked", "evidence_missing", "unreadable"];

export function verdictCounts(items: readonly AuditItem[]): Record<Verdict, number> {
  return Object.fromEntries(VERDICTS.map((v) => [v, items.filter((i) => i.verdict === v).length])) as Record<Verdict, number>;
}

/** 1 when an answer is not supported, not marked, without evidence or with unreadable evidence, else 0. */
export function auditExitCode(items: readonly AuditItem[]): 0 | 1 {
  return items.some((i) => PROBLEMS.includes(i.verdict)) ? 1 : 0;
}

export function auditJson(bundle: AgencyBundle, items: readonly AuditItem[]) {
  return { schema: AUDIT_SCHEMA, form: bundle.form, agency: bundle.agency, counts: verdictCounts(items), items };
}

const MARK: Record<Verdict, string> = {
  supported: "✓",
  weak: "~",
  not_supported: "✗",
  not_marked: "✗",
  evidence_missing: "✗",
  unreadable: "?",
};

export function formatAuditText(bundle: AgencyBundle, items: readonly AuditItem[], lang: Lang = "th"): string {
  const t = AUDIT_MESSAGES[lang];
  const counts = verdictCounts(items);
  const lines = [
    `${t.ui.title} — ${t.ui.agency}: ${bundle.agency.name} (${bundle.form})`,
    `${t.ui.summary}: ${VERDICTS.filter((v) => counts[v] > 0).map((v) => `${t.verdicts[v]} ${counts[v]}`).join(" · ") || t.ui.none}`,
  ];
  for (const i of items) {
    lines.push("", `${i.question}  ${i.label}`, `  ${MARK[i.verdict]} ${t.verdicts[i.verdict]} (${i.score.toFixed(2)})`, `  ${t.ui.looked}: ${i.expectation}`);
    if (i.evidence) {
      const where = i.evidence.in === "marked" ? t.ui.marked : t.ui.page;
      lines.push(`  ${t.ui.found}: “${i.evidence.snippet}” (${i.evidence.file} p.${i.evidence.page}, ${where})`);
    }
    for (const r of i.reasons) lines.push(`  - ${lang === "en" ? r.messageEn : r.message}`);
  }
  return `${lines.join("\n")}\n`;
}
