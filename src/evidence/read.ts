/**
 * readEvidence: files in, one report entry per file out. Types are sniffed from the bytes, PDF pages use their text
 * layer when it is real and OCR when they are scans, images are OCR'd, and the marked text is collected from
 * annotations and highlighter ink. A file that cannot be read becomes an entry with an error; the others go on.
 */
import { sniffType } from "./sniff.js";
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import PizZip from "pizzip";
import { markedSpans } from "./highlight.js";
import { DEFAULT_IMAGE_LIMITS, openRaster, rasterPageCount, type ImageLimits, type RasterType } from "./image.js";
import { EvidenceError, fileError, warning } from "./messages.js";
import type { OcrEngine, OcrWord } from "./ocr.js";
import { chooseOcrEngine, type OcrChoice } from "./ocr-native.js";
import { openPdf, textLines, type PdfDocument, type PdfPageContent } from "./pdf.js";
import type { Result } from "./result.js";
import { readScannedPage, wordsUnder } from "./scan.js";
import type {
  BBox,
  ColorName,
  EvidenceFile,
  EvidencePage,
  EvidenceRegion,
  EvidenceReport,
  EvidenceWarning,
  EvidenceWord,
  FileType,
} from "./schema.js";
import { hasThaiDigits, normalizeEvidenceText, thaiDigitsToArabic } from "./thai.js";

export interface EvidenceInput {
  name: string;
  bytes: Uint8Array;
}

export interface EvidenceProgress {
  file: string;
  filesDone: number;
  filesTotal: number;
  pagesDone: number;
  pagesTotal: number;
}

export interface ReadEvidenceOptions {
  /**
   * OCR engine; by default one is chosen (`ocr`) on the first scanned page and terminated at the end: native tesseract
   * where it is installed with Thai data, else the tesseract.js pool.
   */
  engine?: OcrEngine;
  ocr?: OcrChoice;
  /** Resolution scanned PDF pages are rendered at for OCR. */
  dpi?: number;
  /**
   * Resolution text-layer pages are rendered at to look for highlighter ink (Word highlighting, marked scans); 0 = off.
   * Not lower: 72 dpi found the same marks as 100 on the tuning sets' 91 PDFs, but read their ends less exactly.
   */
  inkDpi?: number;
  /** OCR whole pages (text and words); false reads only the marked regions of scans (faster). */
  pageText?: boolean;
  /** A page mostly covered by an image with fewer text-layer letters than this is treated as a scan and OCR'd. */
  minTextLetters?: number;
  imageLimits?: Partial<ImageLimits>;
  /** Files with more pages than this are refused (a 10,000-page PDF is not evidence, and would hold a batch for hours). */
  maxPages?: number;
  /** Time one file may take (ms); pages not started by then are left unread and the file is flagged. */
  fileBudgetMs?: number;
  onProgress?(progress: EvidenceProgress): void;
  /** Called as each file is finished, in input order (for streaming output). */
  onFile?(file: EvidenceFile): void;
}

const DEFAULTS = { dpi: 300, inkDpi: 100, pageText: true, minTextLetters: 40, maxPages: 300, fileBudgetMs: 10 * 60_000 };

interface DocxImage {
  name: string;
  type: RasterType;
  bytes: Uint8Array;
}

/** Images of a .docx in the order the document shows them; formats OCR cannot use (EMF, WMF, SVG) are reported. */
function docxImages(bytes: Uint8Array): { images: DocxImage[]; skipped: string[] } {
  let zip: PizZip;
  try {
    zip = new PizZip(bytes);
  } catch (error) {
    throw new EvidenceError("read-failed", error instanceof Error ? error.message : String(error));
  }
  const rels = zip.file("word/_rels/document.xml.rels")?.asText() ?? "";
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, path.posix.normalize(path.posix.join("word", target)));
  }
  const body = zip.file("word/document.xml")?.asText() ?? "";
  const order: string[] = [];
  for (const m of body.matchAll(/r:(?:embed|id)="([^"]+)"/g)) {
    const target = targets.get(m[1]!);
    if (target?.startsWith("word/media/") && !order.includes(target)) order.push(target);
  }
  const images: DocxImage[] = [];
  const skipped: string[] = [];
  for (const name of order) {
    const file = zip.file(name);
    if (!file) continue;
    const data = file.asUint8Array();
    const sniffed = sniffType(data);
    if (sniffed.type === "png" || sniffed.type === "jpeg" || sniffed.type === "tiff") images.push({ name, type: sniffed.type, bytes: data });
    else skipped.push(path.posix.basename(name));
  }
  return { images, skipped };
}

function withDigits<T extends { text: string }>(x: T): T & { textArabic?: string } {
  return hasThaiDigits(x.text) ? { ...x, textArabic: thaiDigitsToArabic(x.text) } : x;
}

function colorOfRgb([r, g, b]: [number, number, number]): ColorName {
  const mx = Math.max(r, g, b);
  const mn = Math.min(r, g, b);
  if (mx - mn < 30) return "other";
  let h: number;
  if (mx === r) h = (((g - b) / (mx - mn)) * 60 + 360) % 360;
  else if (mx === g) h = ((b - r) / (mx - mn)) * 60 + 120;
  else h = ((r - g) / (mx - mn)) * 60 + 240;
  if (h < 15 || h >= 290) return "pink";
  if (h < 45) return "orange";
  if (h < 75) return "yellow";
  if (h < 165) return "green";
  if (h < 260) return "blue";
  return "other";
}

const hex = (rgb: [number, number, number]) => `#${rgb.map((v) => Math.round(v).toString(16).padStart(2, "0")).join("")}`;

function overlapShare(a: BBox, b: BBox): number {
  const ix = Math.min(a[0] + a[2], b[0] + b[2]) - Math.max(a[0], b[0]);
  const iy = Math.min(a[1] + a[3], b[1] + b[3]) - Math.max(a[1], b[1]);
  return ix > 0 && iy > 0 ? (ix * iy) / Math.min(a[2] * a[3], b[2] * b[3]) : 0;
}

const round = (b: BBox): BBox => b.map((v) => Math.round(v * 10) / 10) as BBox;
const scaleBox = (b: BBox, k: number): BBox => [b[0] * k, b[1] * k, b[2] * k, b[3] * k];

/** Words of a text layer: items split at spaces, positions shared out by character count. */
function layerWords(content: PdfPageContent): EvidenceWord[] {
  const words: EvidenceWord[] = [];
  for (const item of content.items) {
    const chars = [...item.str];
    const step = item.bbox[2] / Math.max(1, chars.length);
    let start = -1;
    for (let k = 0; k <= chars.length; k++) {
      const space = k === chars.length || /\s/.test(chars[k]!);
      if (!space && start < 0) start = k;
      if (space && start >= 0) {
        const text = normalizeEvidenceText(chars.slice(start, k).join(""));
        if (text) words.push({ text, bbox: round([item.bbox[0] + start * step, item.bbox[1], (k - start) * step, item.bbox[3]]), confidence: 1 });
        start = -1;
      }
    }
  }
  return words;
}

/** A region on a text-layer page whose text is read from the layer once the whole document has been seen. */
interface PendingText {
  number: number;
  content: PdfPageContent;
  page: EvidencePage;
  region: EvidenceRegion;
  boxes: BBox[];
}

class Reader {
  private ownEngine: Promise<OcrEngine> | null = null;
  private readonly opts: typeof DEFAULTS & ReadEvidenceOptions;
  private readonly limits: ImageLimits;
  private progress: EvidenceProgress = { file: "", filesDone: 0, filesTotal: 0, pagesDone: 0, pagesTotal: 0 };
  /** The current file's time budget: when it ends, and how many pages were left unread because of it. */
  private deadline = Infinity;
  private unread = 0;

  constructor(options: ReadEvidenceOptions) {
    this.opts = { ...DEFAULTS, ...options };
    this.limits = { ...DEFAULT_IMAGE_LIMITS, ...options.imageLimits };
  }

  private engine(): Promise<OcrEngine> {
    if (this.opts.engine) return Promise.resolve(this.opts.engine);
    this.ownEngine ??= chooseOcrEngine(this.opts.ocr);
    return this.ownEngine;
  }

  /** How many pages may be in flight: enough to keep every OCR worker busy while the next page renders. */
  private get concurrency(): number {
    return (this.opts.engine?.parallelism ?? os.availableParallelism()) + 1;
  }

  async close(): Promise<void> {
    const own = this.ownEngine;
    this.ownEngine = null;
    await (await own)?.terminate();
  }

  async run(inputs: (string | EvidenceInput)[]): Promise<Result<EvidenceReport>> {
    this.progress.filesTotal = inputs.length;
    // One file at a time: a batch of large scans should not sit in memory together.
    for (const input of inputs) this.progress.pagesTotal += await this.countPages(input);
    const files: EvidenceFile[] = [];
    for (const input of inputs) {
      const name = typeof input === "string" ? input : input.name;
      this.progress.file = name;
      const file = await this.readFile(input);
      files.push(file);
      this.progress.filesDone++;
      this.opts.onFile?.(file);
    }
    const messages = files.flatMap((f) => [...f.warnings, ...f.pages.flatMap((p) => p.warnings)]);
    return { value: { files }, messages };
  }

  private async load(input: string | EvidenceInput): Promise<EvidenceInput> {
    // pdf.js refuses a Node Buffer (a Uint8Array subclass): hand it a plain view of the same bytes.
    if (typeof input !== "string") return Buffer.isBuffer(input.bytes) ? { name: input.name, bytes: new Uint8Array(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength) } : input;
    try {
      return { name: input, bytes: new Uint8Array(await readFile(input)) };
    } catch (error) {
      throw new EvidenceError("read-failed", (error as NodeJS.ErrnoException).code ?? String(error));
    }
  }

  private async countPages(input: string | EvidenceInput): Promise<number> {
    try {
      const { bytes } = await this.load(input);
      const sniffed = sniffType(bytes);
      if (sniffed.type === "pdf") {
        const doc = await openPdf(bytes);
        const n = doc.numPages;
        await doc.close();
        return n;
      }
      if (sniffed.type === "docx") return docxImages(bytes).images.length;
      if (sniffed.type === "unknown") return 0;
      return rasterPageCount(bytes, sniffed.type);
    } catch {
      return 0;
    }
  }

  private pageDone(): void {
    this.progress.pagesDone++;
    this.opts.onProgress?.({ ...this.progress });
  }

  private async readFile(input: string | EvidenceInput): Promise<EvidenceFile> {
    const name = typeof input === "string" ? input : input.name;
    let bytes: Uint8Array = new Uint8Array();
    const entry: EvidenceFile = { name, sha256: createHash("sha256").update(bytes).digest("hex"), size: 0, type: "unknown", pages: [], warnings: [] };
    this.deadline = Date.now() + this.opts.fileBudgetMs;
    this.unread = 0;
    try {
      bytes = (await this.load(input)).bytes;
      entry.sha256 = createHash("sha256").update(bytes).digest("hex");
      entry.size = bytes.length;
      if (bytes.length === 0) throw new EvidenceError("empty-file");
      const sniffed = sniffType(bytes);
      entry.type = sniffed.type;
      if (sniffed.type === "unknown") throw new EvidenceError("unsupported-type", sniffed.what);
      if (sniffed.type === "pdf") entry.pages = await this.readPdf(bytes);
      else if (sniffed.type === "docx") {
        const { images, skipped } = docxImages(bytes);
        if (images.length > this.opts.maxPages) throw new EvidenceError("too-many-pages", `${images.length} > ${this.opts.maxPages}`);
        for (const s of skipped) entry.warnings.push(warning("skipped-embedded-image", s));
        for (const image of images) entry.pages.push(...(await this.readImage(image.bytes, image.type, entry.pages.length)));
      } else entry.pages = await this.readImage(bytes, sniffed.type, 0);
    } catch (error) {
      entry.error = error instanceof EvidenceError ? error.toFileError() : fileError("read-failed", error instanceof Error ? error.message : String(error));
      entry.pages = [];
      return entry;
    }
    if (this.unread) entry.warnings.push(warning("time-budget", `${entry.pages.length}/${entry.pages.length + this.unread}`));
    if (entry.pages.length && entry.pages.every((p) => p.regions.length === 0)) entry.warnings.push(warning("nothing-marked"));
    return entry;
  }

  /** Runs page jobs with bounded concurrency, keeping page order. */
  private async inOrder<T>(count: number, job: (index: number) => Promise<T>): Promise<T[]> {
    if (count > this.opts.maxPages) throw new EvidenceError("too-many-pages", `${count} > ${this.opts.maxPages}`);
    const out = new Array<T>(count);
    let next = 0;
    const lane = async () => {
      while (next < count) {
        if (Date.now() > this.deadline) {
          this.unread += count - next;
          next = count;
          break;
        }
        const i = next++;
        out[i] = await job(i);
        this.pageDone();
      }
    };
    await Promise.all(Array.from({ length: Math.min(count, this.concurrency) }, lane));
    return out.filter((page) => page !== undefined);
  }

  private async readPdf(bytes: Uint8Array): Promise<EvidencePage[]> {
    const doc = await openPdf(bytes);
    try {
      const pending: PendingText[] = [];
      const pages = await this.inOrder(doc.numPages, (i) => this.guardPage(i + 1, "pt", () => this.readPdfPage(doc, i + 1, pending)));
      if (pending.length) await this.fillLayerText(doc, pending);
      return pages;
    } finally {
      await doc.close();
    }
  }

  /** Text under annotations and highlighter ink on text-layer pages, read from the layer in one batch per document. */
  private async fillLayerText(doc: PdfDocument, pending: PendingText[]): Promise<void> {
    const requests = pending.flatMap((p) => p.boxes.map((box) => ({ page: p.content, number: p.number, box })));
    const texts = await doc.textIn(requests);
    let k = 0;
    for (const p of pending) {
      const text = normalizeEvidenceText(p.boxes.map(() => texts[k++] ?? "").filter((t) => t.trim()).join("\n"));
      const regions = p.page.regions;
      // Ink over no text is a decoration (a coloured box, a bullet), not a marked passage.
      if (!text && p.region.source === "highlighter") regions.splice(regions.indexOf(p.region), 1);
      else Object.assign(p.region, withDigits({ ...p.region, text }));
    }
  }

  /** A page that fails (a TIFF page in an unsupported compression, a render error) is reported as unreadable and the
   * other pages go on. */
  private async guardPage(number: number, unit: "pt" | "px", read: () => Promise<EvidencePage>): Promise<EvidencePage> {
    try {
      return await read();
    } catch (error) {
      return {
        number,
        source: "ocr",
        width: 0,
        height: 0,
        unit,
        text: "",
        confidence: 0,
        words: [],
        regions: [],
        warnings: [warning("page-unreadable", error instanceof Error ? error.message : String(error))],
      };
    }
  }

  private async readPdfPage(doc: PdfDocument, number: number, pending: PendingText[]): Promise<EvidencePage> {
    const content = await doc.page(number);
    const warnings: EvidenceWarning[] = [];
    const base = { number, width: round([content.width, 0, 0, 0])[0], height: round([content.height, 0, 0, 0])[0], unit: "pt" as const };
    const annotationRegion = (m: PdfPageContent["markups"][number], text: string): EvidenceRegion =>
      withDigits({
        bbox: round(m.bbox),
        color: colorOfRgb(m.rgb),
        rgb: hex(m.rgb),
        text: normalizeEvidenceText(text),
        confidence: 1,
        source: "annotation",
        annotation: m.subtype,
      });

    // A scan is a page-sized image with little or no text over it; a short page of real text (a signature page)
    // keeps its text layer, and a page with no text at all (outlined text, a bare image) goes to OCR.
    const scanned = content.letters === 0 || (content.letters < this.opts.minTextLetters && content.imageCoverage >= 0.3);
    if (!scanned) {
      const annotations = content.markups.map((m) => ({ region: annotationRegion(m, ""), boxes: m.boxes }));
      const ink = this.opts.inkDpi > 0 ? await this.inkOnTextPage(doc, number, content, annotations.map((a) => a.region)) : [];
      const marked = [...annotations, ...ink.map((region) => ({ region, boxes: [region.bbox] }))];
      const regions = marked.map((m) => m.region).sort((a, b) => a.bbox[1] - b.bbox[1] || a.bbox[0] - b.bbox[0]);
      const text = normalizeEvidenceText(content.text);
      const page = withDigits({ ...base, source: "text-layer" as const, text, confidence: 1, words: layerWords(content), regions, warnings });
      pending.push(...marked.map((m) => ({ number, content, page, region: m.region, boxes: m.boxes })));
      return page;
    }

    if (content.letters > 0) warnings.push(warning("sparse-text-layer", `${content.letters} < ${this.opts.minTextLetters}`));
    const dpi = this.opts.dpi;
    const image = await doc.render(number, dpi);
    const ocr = await readScannedPage(image, { dpi, engine: await this.engine(), pageText: this.opts.pageText });
    const k = 72 / dpi;
    const words = ocr.value.words.map((w) => ({ ...w, bbox: round(scaleBox(w.bbox, k)) }));
    const regions: EvidenceRegion[] = [
      ...content.markups.map((m) => annotationRegion(m, wordsUnder(words, m.boxes))),
      ...ocr.value.regions.map((r) => withDigits({ ...r, bbox: round(scaleBox(r.bbox, k)), source: "highlighter" as const })),
    ];
    return withDigits({
      ...base,
      source: "ocr" as const,
      dpi,
      text: ocr.value.text,
      confidence: ocr.value.confidence,
      words: words.map(wordOut),
      regions,
      warnings: [...warnings, ...ocr.messages],
    });
  }

  /**
   * Highlighter ink on pages that do have a text layer: Word's text highlighting exported to PDF, or a marked paper
   * scanned to a searchable PDF. Ink is looked for along the layer's own text lines; the text comes from the layer
   * afterwards (fillLayerText), so no OCR is needed.
   */
  private async inkOnTextPage(doc: PdfDocument, number: number, content: PdfPageContent, annotations: EvidenceRegion[]): Promise<EvidenceRegion[]> {
    const dpi = this.opts.inkDpi;
    const k = dpi / 72;
    const lines = textLines(content).map((l) => ({ x0: l.x0 * k, x1: l.x1 * k, baseline: l.baseline * k, size: l.size * k }));
    // Black and grey print only: nothing to render and look at.
    if (!lines.length || !content.inColour) return [];
    const image = await doc.render(number, dpi);
    return markedSpans(image, { dpi, lines })
      .value.spans.map((s) => ({ ...s, bbox: scaleBox(s.bbox, 1 / k) }))
      .filter((s) => !annotations.some((a) => overlapShare(a.bbox, s.bbox) > 0.5))
      .map((s) => ({ bbox: round(s.bbox), color: s.color, rgb: s.rgb, text: "", confidence: 1, source: "highlighter" as const }));
  }

  private async readImage(bytes: Uint8Array, type: RasterType, offset: number): Promise<EvidencePage[]> {
    const pages = await openRaster(bytes, type, this.limits);
    return this.inOrder(pages.count, (i) =>
      this.guardPage(offset + i + 1, "px", async () => {
        const { image, dpi } = await pages.page(i);
        const scanned = await readScannedPage(image, { dpi, engine: await this.engine(), pageText: this.opts.pageText });
        return withDigits({
          number: offset + i + 1,
          source: "ocr" as const,
          width: image.width,
          height: image.height,
          unit: "px" as const,
          dpi: Math.round(dpi),
          text: scanned.value.text,
          confidence: scanned.value.confidence,
          words: scanned.value.words.map((w) => wordOut({ ...w, bbox: round(w.bbox) })),
          regions: scanned.value.regions.map((r) => withDigits({ ...r, bbox: round(r.bbox), source: "highlighter" as const })),
          warnings: scanned.messages,
        });
      }),
    );
  }
}

const wordOut = (w: OcrWord): EvidenceWord => ({ text: w.text, bbox: w.bbox, confidence: Math.round(w.confidence * 1000) / 1000 });

/** Reads evidence files (paths or bytes). Never throws for a bad file: that file's entry carries the error. */
export async function readEvidence(inputs: (string | EvidenceInput)[], options: ReadEvidenceOptions = {}): Promise<Result<EvidenceReport>> {
  const reader = new Reader(options);
  try {
    return await reader.run(inputs);
  } finally {
    await reader.close();
  }
}
