/**
 * Evidence reader speed (run: npx tsx bench/evidence.bench.ts [pages]).
 *
 * - OCR ms/page, tesseract.js pool vs the native `tesseract` CLI on the same page images in the same run. Native gets
 *   the same traineddata as tesseract.js (decompressed from node_modules) and the same parallelism (one process per
 *   pool worker, one thread each), so the ratio compares the engines, not the models or the core counts. Debian's
 *   own tha+eng data is timed as well, for reference.
 * - Whole scanned pages (highlights + full-page OCR + region OCR) vs marked-regions-only OCR.
 * - Text-layer PDF pages, with and without the 100 dpi render that looks for highlighter ink.
 *
 * Page images come from samples/evidence/tune when present (never heldout), else are synthesised.
 */
import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { gunzipSync } from "node:zlib";
import { createRequire } from "node:module";
import { estimatePaper, removeHighlight } from "../src/evidence/highlight.js";
import { loadRaster } from "../src/evidence/image.js";
import { TesseractPool } from "../src/evidence/ocr.js";
import { openPdf } from "../src/evidence/pdf.js";
import { encodePgm, type GrayImage, type RgbaImage } from "../src/evidence/raster.js";
import { readEvidence } from "../src/evidence/read.js";
import { readScannedPage } from "../src/evidence/scan.js";
import { sniffType } from "../src/evidence/read.js";
import { synthPage } from "../test/evidence/synth.js";
import { thaiPdf } from "../test/evidence/fixtures.js";

const run = promisify(execFile);
const PAGES = Number(process.argv[2] ?? 4);
const TUNE = path.join(import.meta.dirname, "..", "samples", "evidence", "tune");

interface PageImage {
  image: RgbaImage;
  dpi: number;
  from: string;
}

async function tunePages(limit: number): Promise<PageImage[]> {
  if (!existsSync(TUNE)) return [];
  const out: PageImage[] = [];
  for (const name of readdirSync(TUNE).sort()) {
    if (out.length >= limit || name.endsWith(".json")) continue;
    const bytes = new Uint8Array(readFileSync(path.join(TUNE, name)));
    const type = sniffType(bytes).type;
    if (type === "png" || type === "jpeg" || type === "tiff") {
      for (const p of await loadRaster(bytes, type)) out.push({ ...p, from: name });
    } else if (type === "pdf") {
      const doc = await openPdf(bytes);
      for (let n = 1; n <= doc.numPages && out.length < limit; n++) {
        if ((await doc.page(n)).letters === 0) out.push({ image: await doc.render(n, 300), dpi: 300, from: `${name}#${n}` });
      }
      await doc.close();
    }
  }
  return out.slice(0, limit);
}

async function synthPages(count: number): Promise<PageImage[]> {
  const text = [
    "คำสั่งจังหวัดนครราชสีมา ที่ ๑๒๓/๒๕๖๗ เรื่อง แต่งตั้งคณะกรรมการตรวจรับพัสดุ",
    "ตามที่ได้มีการประชุมคณะทำงาน ครั้งที่ ๒/๒๕๖๗ เมื่อวันที่ ๑๔ มิถุนายน ๒๕๖๗",
    "จึงขอแต่งตั้งผู้มีรายชื่อต่อไปนี้ เป็นคณะกรรมการตรวจรับพัสดุ ตามระเบียบ",
    "กระทรวงการคลังว่าด้วยการจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ พ.ศ. ๒๕๖๐",
  ];
  const pages: PageImage[] = [];
  for (let i = 0; i < count; i++) {
    const lines = Array.from({ length: 24 }, (_, k) => ({
      text: text[k % text.length]!,
      mark: k % 6 === 1 ? { phrase: "คณะกรรมการตรวจรับพัสดุ", ink: "rgb(255,245,120)" } : undefined,
    }));
    const { image } = await synthPage({ width: 2480, height: 3508, dpi: 300, lines, distractors: ["seal", "signature"], paper: "rgb(245,241,230)", skewDeg: 1.2, noise: 8, jpegQuality: 75, seed: i + 1 });
    pages.push({ image, dpi: 300, from: `synthetic#${i + 1}` });
  }
  return pages;
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const value = await fn();
  return [value, performance.now() - t];
}

/** Runs `jobs` with at most `lanes` in flight. */
async function lanes<T>(items: T[], count: number, job: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: count }, async () => {
    while (next < items.length) await job(items[next++]!);
  }));
}

async function haveNative(): Promise<boolean> {
  try {
    await run("tesseract", ["--version"]);
    return true;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  let pages = await tunePages(PAGES);
  const source = pages.length ? "samples/evidence/tune" : "synthetic A4 pages";
  if (!pages.length) pages = await synthPages(PAGES);
  const grays: GrayImage[] = pages.map((p) => removeHighlight(p.image, estimatePaper(p.image, p.dpi)));
  const pool = new TesseractPool();
  const width = pool.parallelism;
  console.log(`evidence bench: ${pages.length} page images from ${source}; ${os.availableParallelism()} cores; pool of ${width}\n`);
  const rows: [string, number, string][] = [];

  // Warm the workers so worker start-up (~1 s each) is not billed to the first pages.
  await Promise.all(Array.from({ length: width }, () => pool.recognize({ image: grays[0]!, mode: "line", dpi: 300 })));
  const [, jsPool] = await timed(() => lanes(grays, width, (image) => pool.recognize({ image, mode: "page", dpi: 300 })));
  rows.push([`tesseract.js pool ×${width}, full page`, jsPool / grays.length, "throughput"]);
  const [, jsOne] = await timed(() => lanes(grays, 1, (image) => pool.recognize({ image, mode: "page", dpi: 300 })));
  rows.push(["tesseract.js one worker, full page", jsOne / grays.length, "latency"]);

  let nativeSame = NaN;
  if (await haveNative()) {
    const tmp = await mkdtemp(path.join(os.tmpdir(), "samruat-bench-"));
    try {
      const require = createRequire(import.meta.url);
      const data = path.join(tmp, "tessdata");
      await run("mkdir", ["-p", data]);
      for (const lang of ["tha", "eng"]) {
        const gz = path.join(path.dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`)), "4.0.0_best_int", `${lang}.traineddata.gz`);
        await writeFile(path.join(data, `${lang}.traineddata`), gunzipSync(readFileSync(gz)));
      }
      const files = await Promise.all(grays.map(async (g, i) => {
        const f = path.join(tmp, `page${i}.pgm`);
        await writeFile(f, encodePgm(g));
        return f;
      }));
      const env = { ...process.env, OMP_THREAD_LIMIT: "1" };
      const native = (file: string, extra: string[]) => run("tesseract", [file, "-", "-l", "tha+eng", "--psm", "3", "--dpi", "300", "-c", "preserve_interword_spaces=1", ...extra], { env, maxBuffer: 1 << 24 });
      await native(files[0]!, ["--tessdata-dir", data]);
      const [, same] = await timed(() => lanes(files, width, (f) => native(f, ["--tessdata-dir", data])));
      nativeSame = same / files.length;
      rows.push([`native tesseract ×${width} processes, same traineddata`, nativeSame, "throughput"]);
      const [, one] = await timed(() => lanes(files, 1, (f) => native(f, ["--tessdata-dir", data])));
      rows.push(["native tesseract, 1 thread, same traineddata", one / files.length, "latency"]);
      const [, system] = await timed(() => lanes(files, width, (f) => native(f, [])));
      rows.push([`native tesseract ×${width}, Debian tha+eng data`, system / files.length, "throughput"]);
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  } else {
    console.log("native tesseract not installed: skipping the engine comparison");
  }

  const [, full] = await timed(() => lanes(pages, 2, (p) => readScannedPage(p.image, { dpi: p.dpi, engine: pool, pageText: true })));
  rows.push(["scanned page: highlights + full-page OCR + regions", full / pages.length, "throughput"]);
  const [, marked] = await timed(() => lanes(pages, 2, (p) => readScannedPage(p.image, { dpi: p.dpi, engine: pool, pageText: false })));
  rows.push(["scanned page: highlights + marked regions only", marked / pages.length, "throughput"]);
  await pool.terminate();

  const { doc, font } = await thaiPdf();
  const digitalPages = 20;
  for (let i = 0; i < digitalPages; i++) {
    const page = doc.addPage([595, 842]);
    for (let k = 0; k < 30; k++) page.drawText("รายงานการประชุมคณะกรรมการขับเคลื่อนรัฐบาลดิจิทัล ครั้งที่ ๒/๒๕๖๗ Digital Government", { x: 50, y: 800 - k * 25, size: 13, font });
  }
  const pdf = await doc.save();
  const [, withInk] = await timed(() => readEvidence([{ name: "digital.pdf", bytes: pdf }]));
  rows.push(["text-layer page, with 100 dpi ink check", withInk / digitalPages, "latency"]);
  const [, noInk] = await timed(() => readEvidence([{ name: "digital.pdf", bytes: pdf }], { inkDpi: 0 }));
  rows.push(["text-layer page, text and annotations only", noInk / digitalPages, "latency"]);

  const pad = Math.max(...rows.map((r) => r[0].length));
  for (const [name, ms, kind] of rows) console.log(`${name.padEnd(pad)}  ${ms.toFixed(0).padStart(6)} ms/page  ${(1000 / ms).toFixed(2).padStart(6)} pages/s  (${kind})`);
  if (Number.isFinite(nativeSame)) console.log(`\ntesseract.js / native (same data, same parallelism): ${(jsPool / grays.length / nativeSame).toFixed(2)}×`);
  console.log(`full-page / marked-only: ${(full / marked).toFixed(2)}×`);
}

await main();
