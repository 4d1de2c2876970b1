// npm run bench:pdfform — a 75-page form saved as PDF (the first 75 pages of a held-out sample printed by
// LibreOffice): `samruat extract` end to end in a fresh process (cold, as an office user runs it), and warm in this
// process, against poppler's native `pdftotext -layout` on the same file in the same run. Issue 16: ≤ 2 s.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PDFDocument } from "pdf-lib";
import { extractFile } from "../src/extract/extract.js";
import { PACKAGE_ROOT } from "../src/form/load.js";

const PAGES = 75;
const source = path.join(PACKAGE_ROOT, "samples", "forms-pdf", "heldout", "glyph-01.pdf");
const dir = mkdtempSync(path.join(os.tmpdir(), "samruat-bench-pdfform-"));
try {
  const original = await PDFDocument.load(readFileSync(source));
  const cut = await PDFDocument.create();
  for (const page of await cut.copyPages(original, [...Array(Math.min(PAGES, original.getPageCount())).keys()])) cut.addPage(page);
  const file = path.join(dir, "form-75.pdf");
  writeFileSync(file, await cut.save());

  const wall = (fn: () => void, rounds = 3) => {
    const times: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const t = performance.now();
      fn();
      times.push(performance.now() - t);
    }
    return Math.min(...times);
  };
  const native = wall(() => execFileSync("pdftotext", ["-layout", file, path.join(dir, "out.txt")]));
  // Exit 1 is "read, with problems to fix" (a cut form lacks questions); only a crash would be 2 or more.
  const cli = wall(() => {
    const run = spawnSync(process.execPath, [path.join(PACKAGE_ROOT, "bin", "samruat.js"), "extract", file, "--format", "json"], { stdio: ["ignore", "ignore", "ignore"] });
    if (run.status === null || run.status > 1) throw new Error(`samruat extract failed (exit ${run.status})`);
  });
  await extractFile(file); // warm-up
  const t = performance.now();
  const doc = await extractFile(file);
  const warm = performance.now() - t;

  console.log(`${PAGES}-page PDF form (${doc.answers.length} answers read)`);
  console.log(`pdftotext -layout (native)      ${native.toFixed(0).padStart(6)} ms  ${(native / PAGES).toFixed(1)} ms/page`);
  console.log(`samruat extract, fresh process  ${cli.toFixed(0).padStart(6)} ms  ${(cli / PAGES).toFixed(1)} ms/page  ${(cli / native).toFixed(1)}× native`);
  console.log(`samruat extract, warm           ${warm.toFixed(0).padStart(6)} ms  ${(warm / PAGES).toFixed(1)} ms/page  ${(warm / native).toFixed(1)}× native`);
  console.log(`target ≤ 2000 ms: ${cli <= 2000 ? "met" : "not met"} (fresh process)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
