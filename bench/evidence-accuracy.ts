/**
 * Accuracy of the evidence reader on a sample split (run: npx tsx bench/evidence-accuracy.ts [tune|heldout]
 * [--page-text] [--js] [--only=t0] [--misses] [--samples=dir]). Tune on `tune`; `heldout` is for the final report only
 * (test/evidence/accuracy.test.ts). --samples points at a set generated with another seed, for validation.
 */
import { cer, foundCer, precision, recall, scoreSplit, table } from "../test/evidence/score.js";

const args = process.argv.slice(2);
const split = args.find((a) => !a.startsWith("--")) ?? "tune";
const only = args.find((a) => a.startsWith("--only="))?.slice(7);
const root = args.find((a) => a.startsWith("--samples="))?.slice(10);
const started = Date.now();
const { total, groups } = await scoreSplit(split, {
  root,
  pageText: args.includes("--page-text"),
  ocr: args.includes("--js") ? "js" : "auto",
  filter: only ? (e) => e.file.split("/").pop()!.startsWith(only) : undefined,
  onFile: (entry, file) => {
    const regions = file.pages.reduce((n, p) => n + p.regions.length, 0);
    process.stderr.write(`${entry.file}: ${file.pages.length} pages, ${regions} regions${file.error ? `, ${file.error.code}` : ""}\n`);
  },
});
console.log(table([...groups, total]));
console.log(`\nrecall ${(recall(total) * 100).toFixed(1)}%, precision ${(precision(total) * 100).toFixed(1)}%, CER ${(cer(total) * 100).toFixed(2)}% (found only ${(foundCer(total) * 100).toFixed(2)}%), ${((Date.now() - started) / 1000).toFixed(0)} s`);
if (args.includes("--misses")) {
  for (const p of total.phraseResults.filter((r) => r.edits > 0)) console.log(`${p.file}#${p.page}  ${p.truth}  →  ${p.read ?? "(not found)"}  [${p.edits}]`);
  for (const e of total.errors) console.log(`error: ${e}`);
}
