// npx tsx bench/scanform.bench.ts — a 75-page paper copy (the first 75 pages of a tune sample saved as PDF, made
// scanner-like at 150 dpi by scripts/form-samples/scan-pdf.ts): `samruat extract` in a fresh process against native
// `tesseract` OCR of the same pages at the same resolution, two at a time on the same cores, in the same run.
// Issue 16: ≤ 1.5× native.
import { execFile, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { PACKAGE_ROOT } from "../src/form/load.js";
import { stageTessdata } from "../src/evidence/tessdata.js";
import { SCAN_DPI } from "../src/pdfform/read.js";
import { inLanes } from "../src/util/lanes.js";
import { scanFile } from "../scripts/form-samples/scan-pdf.js";

const run = promisify(execFile);
const PAGES = 75;
const dir = mkdtempSync(path.join(os.tmpdir(), "samruat-bench-scanform-"));
try {
  const scan = await scanFile(path.join(PACKAGE_ROOT, "samples", "forms-pdf", "tune", "glyph-01.pdf"), dir, 150, [1, PAGES]);
  let t = performance.now();
  const cli = spawnSync(process.execPath, [path.join(PACKAGE_ROOT, "bin", "samruat.js"), "extract", scan, "--format", "jsonl"], { encoding: "utf8" });
  const ours = performance.now() - t;
  if (cli.status === null || cli.status > 1) throw new Error(`samruat extract failed (exit ${cli.status}): ${cli.stderr.slice(0, 300)}`);

  // Native: the page images at the resolution samruat reads scans at, then tesseract per page, two at a time, with
  // the traineddata samruat's native engine uses (staged from the npm packages before the clock starts).
  const data = await stageTessdata(["tha", "eng"], { gzip: false, cacheDir: path.join(dir, "tessdata") });
  t = performance.now();
  await run("pdftoppm", ["-r", String(SCAN_DPI), "-gray", scan, path.join(dir, "p")]);
  const images = readdirSync(dir).filter((f) => f.startsWith("p") && f.endsWith(".pgm")).map((f) => path.join(dir, f));
  await inLanes(images, os.availableParallelism(), (img) =>
    run("tesseract", [img, "-", "--tessdata-dir", data, "-l", "tha+eng", "--psm", "3", "--dpi", String(SCAN_DPI)], { env: { ...process.env, OMP_THREAD_LIMIT: "1" } }),
  );
  const native = performance.now() - t;

  console.log(`${PAGES}-page scanned form, 150 dpi scan read at ${SCAN_DPI} dpi (${cli.stdout.trim().split("\n").length} answers read)`);
  console.log(`native pdftoppm + tesseract (tha+eng)  ${(native / 1000).toFixed(1).padStart(6)} s  ${(native / PAGES).toFixed(0)} ms/page`);
  console.log(`samruat extract, fresh process       ${(ours / 1000).toFixed(1).padStart(6)} s  ${(ours / PAGES).toFixed(0)} ms/page  ${(ours / native).toFixed(2)}× native`);
  console.log(`target ≤ 1.5× native: ${ours / native <= 1.5 ? "met" : "not met"}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
