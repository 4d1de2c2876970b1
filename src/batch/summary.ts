/** The human summary of a batch run (stderr), in Thai or English. */
import type { Lang } from "../cli/context.js";
import { summaryText } from "./messages.js";
import type { BatchResult } from "./run.js";

/** `allowErrors`: the run exits 0 with errors (`--allow-errors`), so the summary does not suggest that option. */
export function formatSummary(result: BatchResult, { lang, out, allowErrors }: { lang: Lang; out: string; allowErrors: boolean }): string {
  const t = summaryText;
  const { totals, manifest } = result;
  const lines = [
    `samruat batch: ${t(lang, "agencies", totals.agencies)}`,
    t(lang, "forms", totals.forms),
    t(lang, "evidence", totals.evidence),
  ];
  if (totals.ignored) lines.push(t(lang, "ignored", totals.ignored));
  if (totals.decisions) lines.push(t(lang, "decisions", totals.decisions));
  for (const a of manifest.agencies) {
    lines.push(t(lang, "agencyLine", { name: a.name, percent: `${Math.round(a.completeness * 100)}%`, errors: a.counts.error, warnings: a.counts.warning }));
  }
  for (const f of manifest.files) {
    if (f.status === "failed" && f.reason) lines.push(t(lang, "problemFile", { path: f.path, message: lang === "en" ? f.reason.messageEn : f.reason.message }));
  }
  const answers = result.outputs.filter((o) => o.startsWith("answers/")).length;
  const files = [...result.outputs.filter((o) => !o.startsWith("answers/")), `answers/ (${answers})`].join(", ");
  lines.push(t(lang, "wrote", { out, files }));
  if (totals.issues.error) {
    const remain = t(lang, "errorsRemain", totals.issues.error);
    lines.push(allowErrors ? remain : `${remain} — ${t(lang, "allowErrorsHint")}`);
  }
  const ms = result.timings.reduce((n, s) => n + s.ms, 0);
  lines.push(t(lang, "took", (ms / 1000).toFixed(1)));
  return `${lines.join("\n")}\n`;
}
