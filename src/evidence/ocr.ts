/**
 * OCR behind a small adapter interface, with a tesseract.js implementation: a pool of workers sized to the cores,
 * created on first use, reused across files, recycled after a number of jobs (tesseract's wasm heap only grows),
 * and terminated explicitly. Traineddata comes from the @tesseract.js-data packages (tessdata.ts) — nothing is fetched.
 */
import os from "node:os";
import { createWorker, OEM, PSM, type Worker } from "tesseract.js";
import { encodePgm, type GrayImage } from "./raster.js";
import type { BBox } from "./schema.js";
import { stageTessdata } from "./tessdata.js";

/** page: full-page layout analysis; line: one text line (a marked region); block: a uniform block of text. */
export type OcrMode = "page" | "line" | "block";

export interface OcrRequest {
  image: GrayImage;
  mode: OcrMode;
  /** Resolution of `image`, so tesseract does not have to guess it. */
  dpi: number;
}

export interface OcrWord {
  text: string;
  /** Pixels of the request image. */
  bbox: BBox;
  /** 0–1. */
  confidence: number;
}

export interface OcrLine {
  text: string;
  bbox: BBox;
  confidence: number;
  words: OcrWord[];
  /** Recognised characters with their boxes, in reading order (no spaces). */
  symbols: OcrWord[];
}

/** Which word each of a line's characters is in (the words spell the characters in order); undefined when they do not. */
export function wordOfSymbols(line: OcrLine): number[] | undefined {
  const wordOf: number[] = [];
  let k = 0;
  for (const [n, word] of line.words.entries()) {
    let spelled = "";
    while (k < line.symbols.length && spelled.length < word.text.length) {
      spelled += line.symbols[k++]!.text;
      wordOf.push(n);
    }
    if (spelled !== word.text) return undefined;
  }
  return k === line.symbols.length ? wordOf : undefined;
}

export interface OcrResult {
  text: string;
  confidence: number;
  lines: OcrLine[];
}

export interface OcrEngine {
  readonly name: string;
  /** Requests it works on at once (callers keep this many in flight). */
  readonly parallelism: number;
  recognize(request: OcrRequest): Promise<OcrResult>;
  terminate(): Promise<void>;
}

export interface TesseractPoolOptions {
  /** Workers (default: the number of cores). Each holds ~300 MB. */
  size?: number;
  langs?: string;
  /** Recreate a worker after this many jobs to bound memory. */
  recycleAfter?: number;
  /** The cache folder the traineddata is staged in (see tessdata.ts). */
  cacheDir?: string;
}

const SEGMENTATION: Record<OcrMode, PSM> = { page: PSM.AUTO, line: PSM.SINGLE_LINE, block: PSM.SINGLE_BLOCK };

interface Slot {
  worker: Promise<Worker> | null;
  jobs: number;
  busy: boolean;
}

interface Job {
  request: OcrRequest;
  resolve(result: OcrResult): void;
  reject(error: unknown): void;
}

export class TesseractPool implements OcrEngine {
  readonly name = "tesseract.js";
  readonly parallelism: number;
  private readonly langs: string;
  private readonly recycleAfter: number;
  private readonly cacheDir: string | undefined;
  private readonly slots: Slot[];
  private readonly queue: Job[] = [];
  private langPath: Promise<string> | null = null;
  private closed = false;

  constructor(options: TesseractPoolOptions = {}) {
    this.parallelism = Math.max(1, options.size ?? os.availableParallelism());
    this.langs = options.langs ?? "tha+eng";
    this.recycleAfter = options.recycleAfter ?? 100;
    this.cacheDir = options.cacheDir;
    this.slots = Array.from({ length: this.parallelism }, () => ({ worker: null, jobs: 0, busy: false }));
  }

  recognize(request: OcrRequest): Promise<OcrResult> {
    if (this.closed) return Promise.reject(new Error("OCR pool is terminated"));
    return new Promise((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.pump();
    });
  }

  async terminate(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error("OCR pool is terminated"));
    await Promise.all(this.slots.map((slot) => this.retire(slot)));
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (slot.busy) continue;
      const job = this.queue.shift();
      if (!job) return;
      void this.run(slot, job);
    }
  }

  private async run(slot: Slot, job: Job): Promise<void> {
    slot.busy = true;
    try {
      const worker = await this.workerOf(slot);
      await worker.setParameters({
        tessedit_pageseg_mode: SEGMENTATION[job.request.mode],
        user_defined_dpi: String(Math.round(job.request.dpi)),
      });
      const { data } = await worker.recognize(Buffer.from(encodePgm(job.request.image)), {}, { blocks: true, text: true });
      job.resolve(toResult(data));
      slot.jobs++;
    } catch (error) {
      job.reject(error);
      // A failed worker may be in any state: start the next job on a fresh one.
      slot.jobs = this.recycleAfter;
    } finally {
      if (slot.jobs >= this.recycleAfter) await this.retire(slot);
      slot.busy = false;
      if (!this.closed) this.pump();
    }
  }

  private workerOf(slot: Slot): Promise<Worker> {
    if (!slot.worker) {
      this.langPath ??= stageTessdata(this.langs.split("+"), { gzip: true, ...(this.cacheDir ? { cacheDir: this.cacheDir } : {}) });
      slot.worker = this.langPath.then(async (langPath) => {
        // LSTM only: the best_int data has no legacy model. cacheMethod "none" keeps tesseract.js from writing
        // decompressed copies into the working directory.
        const worker = await createWorker(this.langs, OEM.LSTM_ONLY, { langPath, cacheMethod: "none", gzip: true });
        await worker.setParameters({ preserve_interword_spaces: "1", debug_file: "/dev/null" });
        return worker;
      });
      slot.jobs = 0;
    }
    return slot.worker;
  }

  private async retire(slot: Slot): Promise<void> {
    const worker = slot.worker;
    slot.worker = null;
    slot.jobs = 0;
    if (worker) await worker.then((w) => w.terminate()).catch(() => undefined);
  }
}

interface TessBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
interface TessWord {
  text: string;
  confidence: number;
  bbox: TessBox;
  symbols?: TessWord[];
}
interface TessLine {
  text: string;
  confidence: number;
  bbox: TessBox;
  words: TessWord[];
}
interface TessPage {
  blocks: { paragraphs: { lines: TessLine[] }[] }[] | null;
  confidence: number;
}

const box = (b: TessBox): BBox => [b.x0, b.y0, b.x1 - b.x0, b.y1 - b.y0];

/**
 * Tesseract splits Thai into one "word" per character or cluster (Thai has no spaces between words), while its line
 * text keeps the real spacing. Rebuild words from the line text's space-separated tokens, consuming the symbol-level
 * boxes in order; fall back to tesseract's own words if the two disagree.
 */
export function wordsOfLine(line: TessLine): OcrWord[] {
  const parts = line.words.filter((w) => w.text.trim() !== "");
  const tokens = line.text.trim().split(/\s+/).filter(Boolean);
  const own = parts.map((w) => ({ text: w.text, bbox: box(w.bbox), confidence: w.confidence / 100 }));
  const out: OcrWord[] = [];
  let k = 0;
  for (const token of tokens) {
    let text = "";
    const taken: TessWord[] = [];
    while (k < parts.length && text.length < token.length) {
      text += parts[k]!.text;
      taken.push(parts[k]!);
      k++;
    }
    if (text !== token || taken.length === 0) return own;
    const x0 = Math.min(...taken.map((t) => t.bbox.x0));
    const y0 = Math.min(...taken.map((t) => t.bbox.y0));
    const x1 = Math.max(...taken.map((t) => t.bbox.x1));
    const y1 = Math.max(...taken.map((t) => t.bbox.y1));
    const weight = taken.reduce((n, t) => n + t.text.length, 0);
    const confidence = taken.reduce((s, t) => s + t.confidence * t.text.length, 0) / weight / 100;
    out.push({ text, bbox: [x0, y0, x1 - x0, y1 - y0], confidence });
  }
  return k === parts.length ? out : own;
}

function toResult(page: TessPage): OcrResult {
  const paragraphs = (page.blocks ?? []).flatMap((b) => b.paragraphs);
  const lines: OcrLine[] = [];
  const textParts: string[] = [];
  for (const p of paragraphs) {
    const pl = p.lines.filter((l) => l.text.trim() !== "");
    for (const l of pl) {
      const symbols = l.words.flatMap((w) => w.symbols ?? []).map((c) => ({ text: c.text, bbox: box(c.bbox), confidence: c.confidence / 100 }));
      lines.push({ text: l.text.replace(/\s+$/, ""), bbox: box(l.bbox), confidence: l.confidence / 100, words: wordsOfLine(l), symbols });
    }
    if (pl.length) textParts.push(pl.map((l) => l.text.replace(/\s+$/, "")).join("\n"));
  }
  const chars = lines.reduce((n, l) => n + l.text.length, 0);
  const confidence = chars ? lines.reduce((s, l) => s + l.confidence * l.text.length, 0) / chars : 0;
  return { text: textParts.join("\n\n"), confidence, lines };
}
