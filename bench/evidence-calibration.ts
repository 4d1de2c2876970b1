/**
 * Does a marked region's confidence predict whether its text is right? (run: npx tsx bench/evidence-calibration.ts
 * [split ...] [--marked-only] [--js]). For every region the reader reports on scanned pages, its text is compared with the
 * truth phrases of its page (edit distance to the closest, over the phrase's length, spaces ignored); a region is
 * right at ≤ 10 % edits. Prints share right per confidence bucket, and how many regions fall under the readable
 * threshold. Tune on tune / tune-strong; a held-out split only to report.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { readEvidence } from "../src/evidence/read.js";
import { REGION_READABLE } from "../src/evidence/scan.js";
import { editDistance } from "../src/text/distance.js";
import { normalizeEvidenceText, thaiDigitsToArabic } from "../src/evidence/thai.js";
import { SAMPLES, splitEntries } from "../test/evidence/score.js";

const args = process.argv.slice(2);
const splits = args.filter((a) => !a.startsWith("--"));
const norm = (s: string) => thaiDigitsToArabic(normalizeEvidenceText(s)).replace(/\s+/g, "").toLowerCase();
/** Edit distance of `part` to its best-matching stretch of `whole`. */
function within(part: string, whole: string): number {
  const a = [...part];
  const b = [...whole];
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return Math.min(...prev);
}
const BUCKETS = [0, 0.5, 0.7, 0.8, 0.9, 0.95, 0.98, 1.01];
const rows = BUCKETS.slice(0, -1).map(() => ({ right: 0, all: 0 }));
let withheld = 0;
let withheldRight = 0;
for (const split of splits.length ? splits : ["tune", "tune-strong"]) {
  for (const entry of splitEntries(split).filter((e) => e.kind !== "digital")) {
    const truth = JSON.parse(readFileSync(path.join(SAMPLES, entry.truth), "utf8")) as { pages: { page: number; marked: { text: string }[] }[] };
    const { value } = await readEvidence([path.join(SAMPLES, entry.file)], { pageText: !args.includes("--marked-only"), ocr: args.includes("--js") ? "js" : "auto" });
    for (const page of value.files[0]?.pages ?? []) {
      const phrases = truth.pages.find((p) => p.page === page.number)?.marked.map((m) => norm(m.text)) ?? [];
      for (const region of page.regions) {
        const read = norm(region.text || region.unreadable?.guess || "");
        // Right when the region reads as the phrase, or as the part of it on one line of a wrapped phrase.
        const best = read ? Math.min(1, ...phrases.map((p) => Math.min(editDistance(read, p) / p.length, within(read, p) / read.length))) : 1;
        const right = best <= 0.1;
        const k = BUCKETS.findIndex((b, i) => region.confidence >= b && region.confidence < BUCKETS[i + 1]!);
        rows[k]!.all++;
        if (right) rows[k]!.right++;
        if (region.unreadable) {
          withheld++;
          if (right) withheldRight++;
        }
      }
    }
  }
}
console.log("| confidence | regions | right | share right |\n|---|---|---|---|");
rows.forEach((r, i) => {
  if (r.all) console.log(`| ${BUCKETS[i]!.toFixed(2)}–${Math.min(1, BUCKETS[i + 1]!).toFixed(2)} | ${r.all} | ${r.right} | ${((r.right / r.all) * 100).toFixed(0)}% |`);
});
console.log(`\nwithheld as unreadable (confidence < ${REGION_READABLE}): ${withheld}, of which right after all: ${withheldRight}`);
