/** The human summary of a batch run (stderr), in Thai or English. */
import type { Lang } from "../cli/context.js";
import { summaryText } from "./messages.js";
import type { BatchResult } from "./run.js";

export function formatSummary(result: BatchResult, lang: Lang, outDir: string): string {
  const t = summaryText;
  const { totals, manifest } = result;
  const lines = [
    `samruat batch: ${t(lang, "agencies", totals.agencies)}`,
    t(lang, "forms", totals.forms),
    t(lang, "evidence", totals.evidence),
  ];
  if (totals.ignored) lines.push(t(lang, "ignored", totals.ignored));
  for (const a of manifest.agencies) {
    lines.push(t(lang, "agencyLine", { name: a.name, percent: `${Math.round(a.completeness * 100)}%`, errors: a.counts.error, warnings: a.counts.warning }));
  }
  for (const f of manifest.files) {
    if (f.status === "failed" && f.reason) lines.push(t(lang, "problemFile", { path: f.path, message: lang === "en" ? f.reason.messageEn : f.reason.message }));
  }
  const answers = result.outputs.filter((o) => o.startsWith("answers/")).length;
  const files = [...result.outputs.filter((o) => !o.startsWith("answers/")), `answers/ (${answers})`].join(", ");
  lines.push(t(lang, "wrote", { out: outDir, files }));
  if (totals.issues.error) lines.push(t(lang, "errorsRemain", totals.issues.error));
  const ms = result.timings.reduce((n, s) => n + s.ms, 0);
  lines.push(t(lang, "took", (ms / 1000).toFixed(1)));
  return `${lines.join("\n")}\n`;
}
