/** The human summary of a batch run (stderr), in Thai or English. */
import type { Lang } from "../i18n/index.js";
import { AGENCY_STATUSES, STATUS_TEXT } from "../ledger/index.js";
import { summaryText } from "./messages.js";
import type { BatchResult } from "./run.js";

/** `allowErrors`: the run exits 0 with errors (`--allow-errors`), so the summary does not suggest that option. */
export function formatSummary(result: BatchResult, { lang, out, allowErrors }: { lang: Lang; out: string; allowErrors: boolean }): string {
  const t = summaryText;
  const { totals, manifest } = result;
  const lines = [
    `samruat batch: ${t(lang, "agencies", { total: manifest.agencies.length, statuses: AGENCY_STATUSES.map((s) => `${STATUS_TEXT[s][lang]} ${manifest.summary.statuses[s] ?? 0}`).join(" · ") })}`,
    t(lang, "forms", totals.forms),
    t(lang, "evidence", totals.evidence),
  ];
  if (totals.ignored) lines.push(t(lang, "ignored", totals.ignored));
  if (totals.decisions) lines.push(t(lang, "decisions", totals.decisions));
  for (const a of manifest.agencies) {
    const percent = a.completeness.required ? `${Math.round((a.completeness.held / a.completeness.required) * 100)}%` : "–";
    lines.push(t(lang, "agencyLine", { name: a.name, status: STATUS_TEXT[a.status][lang], percent, errors: a.counts.error, warnings: a.counts.warning }));
  }
  for (const f of manifest.files) {
    if (f.status === "failed" && f.reason) lines.push(t(lang, "problemFile", { path: f.path, message: lang === "en" ? f.reason.messageEn : f.reason.message }));
  }
  const round = result.round;
  if (round.number > 1) {
    const sum = (k: "fixed" | "added") => round.changes.reduce((n, c) => n + c[k].length, 0);
    lines.push(t(lang, "round", { number: round.number, agencies: round.changes.length, fixed: sum("fixed"), added: sum("added") }));
    for (const c of round.changes) {
      const status = c.statusBefore && c.statusBefore !== c.statusAfter ? `${STATUS_TEXT[c.statusBefore][lang]} → ${STATUS_TEXT[c.statusAfter][lang]}` : STATUS_TEXT[c.statusAfter][lang];
      lines.push(t(lang, "roundAgency", { name: c.name, status, fixed: c.fixed.length, added: c.added.length, arrived: c.arrived.length }));
    }
  }
  const answers = result.outputs.filter((o) => o.startsWith("answers/")).length;
  const files = [...result.outputs.filter((o) => !o.startsWith("answers/")), `answers/ (${answers})`].join(", ");
  lines.push(t(lang, "wrote", { out, files }));
  if (totals.issues.error || totals.issues.warning) {
    const remain = t(lang, "errorsRemain", totals.issues);
    lines.push(allowErrors ? remain : `${remain} — ${t(lang, "allowErrorsHint")}`);
  }
  const ms = result.timings.reduce((n, s) => n + s.ms, 0);
  lines.push(t(lang, "took", (ms / 1000).toFixed(1)));
  return `${lines.join("\n")}\n`;
}
