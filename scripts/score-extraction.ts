// Extraction accuracy per fill style on a split of samples/forms (default: tune — the split you may look at):
// checked items (precision, recall) and blank values (recall, and precision: a value read where the truth has none
// or a different one counts against it).
// npx tsx scripts/score-extraction.ts [tune|heldout] [--misses] [--dir <samples dir with index.json>]
// --dir scores a tune-only set generated elsewhere (another seed), for variety beyond the committed samples.
import path from "node:path";
import { extractFile } from "../src/extract/extract.js";
import { PACKAGE_ROOT } from "../src/form/load.js";
import { emptyScore, finish, formatTable, readIndex, scoreOne, type Truth } from "../src/extract/score.js";
import { readFileSync } from "node:fs";

const split = process.argv[2] === "heldout" ? "heldout" : "tune";
const dirAt = process.argv.indexOf("--dir");
const dir = dirAt > 0 && process.argv[dirAt + 1] ? path.resolve(process.argv[dirAt + 1]!) : path.join(PACKAGE_ROOT, "samples", "forms");
const byStyle = new Map<string, ReturnType<typeof emptyScore>>();
for (const entry of readIndex(dir).filter((e) => e.split === split)) {
  const file = path.join(dir, entry.file);
  const truth = JSON.parse(readFileSync(path.join(dir, entry.truth), "utf8")) as Truth;
  const doc = await extractFile(file);
  const score = byStyle.get(entry.style) ?? emptyScore(entry.style);
  score.files++;
  scoreOne(truth, doc, score);
  byStyle.set(entry.style, score);
}
const scores = [...byStyle.values()].map(finish);
console.log(`split: ${split}${dirAt > 0 ? ` in ${dir}` : ""}`);
console.log(formatTable(scores));
if (process.argv.includes("--misses")) for (const s of scores) for (const m of s.misses.slice(0, 40)) console.log(`  ${s.style}: ${m}`);
