/**
 * Evidence reader speed (run: npx tsx bench/evidence.bench.ts [pages per split]).
 *
 * - The baseline: the native `tesseract` CLI on the same page images in the same run, with the same traineddata as
 *   samruat (the npm data, decompressed) and the same parallelism (one process per worker, one thread each). Debian's
 *   own tha+eng data is timed as well, for reference.
 * - For each OCR engine samruat has (the tesseract.js pool; native tesseract through the adapter when installed): the
 *   page OCR alone, the whole scanned page (highlights + one page OCR + marked text) and marked-regions-only, with
 *   the ratios the evidence issue asks for.
 * - Text-layer PDF pages, with and without the 100 dpi render that looks for highlighter ink.
 *
 * Page images come from samples/evidence/tune and tune-strong (never a held-out split), else are synthesised.
 */
import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { estimatePaper, separateInk } from "../src/evidence/highlight.js";
import { loadRaster } from "../src/evidence/image.js";
import { TesseractPool, type OcrEngine } from "../src/evidence/ocr.js";
import { NativeTesseract, nativeTesseractAvailable } from "../src/evidence/ocr-native.js";
import { stageTessdata } from "../src/evidence/tessdata.js";
import { openPdf } from "../src/evidence/pdf.js";
import { encodePgm, type GrayImage, type RgbaImage } from "../src/evidence/raster.js";
import { readEvidence } from "../src/evidence/read.js";
import { readScannedPage } from "../src/evidence/scan.js";
import { sniffType } from "../src/evidence/sniff.js";
import { synthPage } from "../test/evidence/synth.js";
import { thaiPdf } from "../test/evidence/fixtures.js";

const run = promisify(execFile);
const PAGES = Number(process.argv[2] ?? 4);
const TUNE = path.join(import.meta.dirname, "..", "samples", "evidence", "tune");
const TUNE_STRONG = `${TUNE}-strong`;

interface PageImage {
  image: RgbaImage;
  dpi: number;
  from: string;
}

async function tunePages(dir: string, limit: number): Promise<PageImage[]> {
  if (!existsSync(dir)) return [];
  const out: PageImage[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (out.length >= limit || name.endsWith(".json")) continue;
    const bytes = new Uint8Array(readFileSync(path.join(dir, name)));
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

async function main(): Promise<void> {
  let pages = [...(await tunePages(TUNE, PAGES)), ...(await tunePages(TUNE_STRONG, PAGES))];
  const source = pages.length ? "samples/evidence/tune and tune-strong" : "synthetic A4 pages";
  if (!pages.length) pages = await synthPages(PAGES);
  const grays: GrayImage[] = pages.map((p) => separateInk(p.image, estimatePaper(p.image, p.dpi), p.dpi).text);
  const tmp = await mkdtemp(path.join(os.tmpdir(), "samruat-bench-"));
  const pool = new TesseractPool({ cacheDir: tmp });
  const width = pool.parallelism;
  console.log(`evidence bench: ${pages.length} page images from ${source}; ${os.availableParallelism()} cores; ${width} OCR workers/processes\n`);
  const rows: [string, number, string][] = [];
  const perPage = (ms: number) => ms / pages.length;
  const engines: OcrEngine[] = [pool];
  let nativeCli = NaN;
  try {
    if (await nativeTesseractAvailable()) {
      const native = new NativeTesseract({ cacheDir: tmp });
      engines.push(native);
      // The baseline: the tesseract program as people run it (image file in, text out), on the same page images,
      // with the same traineddata and the same parallelism (one process per worker, one thread each).
      const data = await stageTessdata(["tha", "eng"], { gzip: false, cacheDir: tmp });
      const files = await Promise.all(grays.map(async (g, i) => {
        const f = path.join(tmp, `page${i}.pgm`);
        await writeFile(f, encodePgm(g));
        return f;
      }));
      const env = { ...process.env, OMP_THREAD_LIMIT: "1" };
      const cli = (file: string, extra: string[]) => run("tesseract", [file, "-", "-l", "tha+eng", "--psm", "3", "--dpi", "300", "-c", "preserve_interword_spaces=1", ...extra], { env, maxBuffer: 1 << 24 });
      await cli(files[0]!, ["--tessdata-dir", data]);
      const [, same] = await timed(() => lanes(files, width, (f) => cli(f, ["--tessdata-dir", data])));
      nativeCli = perPage(same);
      rows.push([`native tesseract CLI ×${width}, same traineddata (baseline)`, nativeCli, "throughput"]);
      const [, system] = await timed(() => lanes(files, width, (f) => cli(f, [])));
      rows.push([`native tesseract CLI ×${width}, Debian tha+eng data`, perPage(system), "throughput"]);
    } else {
      console.log("native tesseract not installed: no baseline, tesseract.js only");
    }
    const full = new Map<string, number>();
    const marked = new Map<string, number>();
    for (const engine of engines) {
      // Warm up (worker start, data staging) so it is not billed to the first pages.
      await Promise.all(Array.from({ length: width }, () => engine.recognize({ image: grays[0]!, mode: "line", dpi: 300 })));
      const [, ocr] = await timed(() => lanes(grays, width, (image) => engine.recognize({ image, mode: "page", dpi: 300 })));
      rows.push([`${engine.name}: OCR of the page alone`, perPage(ocr), "throughput"]);
      const [, f] = await timed(() => lanes(pages, width, (p) => readScannedPage(p.image, { dpi: p.dpi, engine, pageText: true })));
      full.set(engine.name, perPage(f));
      rows.push([`${engine.name}: scanned page, highlights + page OCR + marked text`, perPage(f), "throughput"]);
      const [, m] = await timed(() => lanes(pages, width, (p) => readScannedPage(p.image, { dpi: p.dpi, engine, pageText: false })));
      marked.set(engine.name, perPage(m));
      rows.push([`${engine.name}: scanned page, marked regions only`, perPage(m), "throughput"]);
    }
    for (const engine of engines) await engine.terminate();
    const ratios: string[] = [];
    for (const [name, ms] of full) {
      if (Number.isFinite(nativeCli)) ratios.push(`${name}: full scanned page / native CLI on the same page: ${(ms / nativeCli).toFixed(2)}×`);
      ratios.push(`${name}: full page / marked-only: ${(ms / marked.get(name)!).toFixed(2)}×`);
    }
    printRows(rows);
    console.log(`\n${ratios.join("\n")}\n`);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  rows.length = 0;

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

  printRows(rows);
}

function printRows(rows: [string, number, string][]): void {
  const pad = Math.max(...rows.map((r) => r[0].length));
  for (const [name, ms, kind] of rows) console.log(`${name.padEnd(pad)}  ${ms.toFixed(0).padStart(6)} ms/page  ${(1000 / ms).toFixed(2).padStart(6)} pages/s  (${kind})`);
}

await main();
