/**
 * The native `tesseract` program behind the same OcrEngine adapter: where it is installed with Thai and English data
 * (Debian: tesseract-ocr tesseract-ocr-tha) it reads a page in about two thirds of tesseract.js's time, which is the
 * WebAssembly build of the same engine. One process per request, one thread each, as many at once as there are
 * cores; the image goes in on stdin and hOCR (with character boxes) comes back on stdout. It reads the same npm
 * traineddata as tesseract.js (Debian's English model is the faster, weaker one: it reads Thai words in a Latin-looking
 * font as Latin). `chooseOcrEngine` picks it when it is there and falls back to the tesseract.js pool.
 */
import { execFile, spawn } from "node:child_process";
import os from "node:os";
import { promisify } from "node:util";
import { TesseractPool, type OcrEngine, type OcrLine, type OcrMode, type OcrRequest, type OcrResult, type OcrWord } from "./ocr.js";
import { encodePgm } from "./raster.js";
import type { BBox } from "./schema.js";
import { stageTessdata } from "./tessdata.js";
import { withOcrCorrections } from "./ocr-corrections.js";

const PSM: Record<OcrMode, string> = { page: "3", line: "7", block: "6" };

export interface NativeTesseractOptions {
  /** The program (default: `tesseract` on the PATH). */
  binary?: string;
  /** Processes at once (default: the number of cores). */
  size?: number;
  langs?: string;
  /** The cache folder the npm traineddata is staged in, uncompressed (see tessdata.ts). */
  cacheDir?: string;
}

export class NativeTesseract implements OcrEngine {
  readonly name = "tesseract";
  readonly parallelism: number;
  private readonly binary: string;
  private readonly langs: string;
  private readonly cacheDir: string | undefined;
  private tessdata: Promise<string> | null = null;
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private closed = false;

  constructor(options: NativeTesseractOptions = {}) {
    this.binary = options.binary ?? "tesseract";
    this.parallelism = Math.max(1, options.size ?? os.availableParallelism());
    this.langs = options.langs ?? "tha+eng";
    this.cacheDir = options.cacheDir;
  }

  async recognize(request: OcrRequest): Promise<OcrResult> {
    if (this.closed) throw new Error("OCR engine is terminated");
    if (this.running >= this.parallelism) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running++;
    try {
      const tessdata = (this.tessdata ??= stageTessdata(this.langs.split("+"), { gzip: false, ...(this.cacheDir ? { cacheDir: this.cacheDir } : {}) }));
      const out = await this.run(request, await tessdata);
      const from = out.lastIndexOf("</div>");
      const to = out.lastIndexOf("</body>");
      return from >= 0 && to > from ? parseHocr(out.slice(0, from + 6), out.slice(from + 6, to)) : parseHocr(out);
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }

  async terminate(): Promise<void> {
    this.closed = true;
  }

  private run(request: OcrRequest, tessdata: string): Promise<string> {
    const args = ["stdin", "stdout", "--tessdata-dir", tessdata, "-l", this.langs, "--psm", PSM[request.mode], "--dpi", String(Math.round(request.dpi))];
    // hOCR by setting, not by the "hocr" config file: that is looked up next to the traineddata, which is ours.
    // Both hOCR (boxes) and plain text (tesseract's own spacing: it makes every Thai character a "word" of the hOCR)
    // go to stdout, the text just before the hOCR's closing tags.
    for (const setting of ["preserve_interword_spaces=1", "hocr_char_boxes=1", "tessedit_create_hocr=1", "tessedit_create_txt=1"]) args.push("-c", setting);
    return new Promise((resolve, reject) => {
      const child = spawn(this.binary, args, { env: { ...process.env, OMP_THREAD_LIMIT: "1" }, stdio: ["pipe", "pipe", "pipe"] });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout.on("data", (b: Buffer) => out.push(b));
      child.stderr.on("data", (b: Buffer) => err.push(b));
      child.on("error", reject);
      child.on("close", (code) => {
        if (code === 0) resolve(Buffer.concat(out).toString("utf8"));
        else reject(new Error(`tesseract exited with ${code}: ${Buffer.concat(err).toString("utf8").trim().split("\n").pop() ?? ""}`));
      });
      child.stdin.on("error", () => undefined); // a process that died early is reported by "close"
      child.stdin.end(encodePgm(request.image));
    });
  }
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const unescape = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
    e[0] === "#" ? String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : (ENTITIES[e] ?? m),
  );

function boxOf(title: string, key: "bbox" | "x_bboxes"): BBox {
  const m = new RegExp(`${key} (-?\\d+) (-?\\d+) (-?\\d+) (-?\\d+)`).exec(title);
  if (!m) return [0, 0, 0, 0];
  const [x0, y0, x1, y1] = m.slice(1).map(Number) as [number, number, number, number];
  return [x0, y0, x1 - x0, y1 - y0];
}

const numberIn = (title: string, key: string) => Number(new RegExp(`${key} ([\\d.]+)`).exec(title)?.[1] ?? 0);

/**
 * hOCR (and tesseract's plain text of the same page) → lines, words and characters. Tesseract makes every Thai
 * character cluster a "word" of the hOCR; the plain text has the real spaces, so each text line is split into words
 * and the hOCR characters are dealt out to them in order. Without the text, or where the two disagree, a gap wider
 * than a fifth of the line's x-height counts as a space.
 */
export function parseHocr(hocr: string, plain?: string): OcrResult {
  const textLines = plain?.split("\n").map((l) => l.replace(/\s+$/, "")).filter(Boolean) ?? [];
  const lines: OcrLine[] = [];
  const paragraphs: string[][] = [];
  for (const par of hocr.split(/<p class='ocr_par'/).slice(1)) {
    const texts: string[] = [];
    for (const part of par.split(/<span class='ocr_(?:line|caption|header|textfloat)'/).slice(1)) {
      const lineTitle = /title="([^"]*)"/.exec(part)?.[1] ?? "";
      const symbols = [...part.matchAll(/<span class='ocrx_cinfo' title='([^']*)'>([^<]*)<\/span>/g)].map(
        (c): OcrWord => ({ text: unescape(c[2]!), bbox: boxOf(c[1]!, "x_bboxes"), confidence: numberIn(c[1]!, "x_conf") / 100 }),
      );
      if (!symbols.length) continue;
      const own = textLines[lines.length];
      const words = (own !== undefined && dealOut(own, symbols)) || byGaps(symbols, numberIn(lineTitle, "x_size") || boxOf(lineTitle, "bbox")[3] / 2);
      const text = words.map((w) => w.text).join(" ");
      const confidence = symbols.reduce((sum, s) => sum + s.confidence, 0) / symbols.length;
      lines.push({ text, bbox: boxOf(lineTitle, "bbox"), confidence, words, symbols });
      texts.push(text);
    }
    if (texts.length) paragraphs.push(texts);
  }
  const chars = lines.reduce((n, l) => n + l.text.length, 0);
  const confidence = chars ? lines.reduce((s, l) => s + l.confidence * l.text.length, 0) / chars : 0;
  return { text: paragraphs.map((p) => p.join("\n")).join("\n\n"), confidence, lines };
}

/** One word from consecutive characters: their text, bounds and mean confidence. */
function wordOf(symbols: OcrWord[]): OcrWord {
  const x0 = Math.min(...symbols.map((s) => s.bbox[0]));
  const y0 = Math.min(...symbols.map((s) => s.bbox[1]));
  const x1 = Math.max(...symbols.map((s) => s.bbox[0] + s.bbox[2]));
  const y1 = Math.max(...symbols.map((s) => s.bbox[1] + s.bbox[3]));
  const confidence = symbols.reduce((sum, s) => sum + s.confidence, 0) / symbols.length;
  return { text: symbols.map((s) => s.text).join(""), bbox: [x0, y0, x1 - x0, y1 - y0], confidence };
}

/** The line text's words, each taking as many characters as it spells; false when they do not spell the same. */
function dealOut(line: string, symbols: OcrWord[]): OcrWord[] | false {
  const words: OcrWord[] = [];
  let k = 0;
  for (const token of line.trim().split(/\s+/)) {
    const taken: OcrWord[] = [];
    let text = "";
    while (k < symbols.length && text.length < token.length) {
      text += symbols[k]!.text;
      taken.push(symbols[k++]!);
    }
    if (text !== token) return false;
    words.push(wordOf(taken));
  }
  return k === symbols.length && words;
}

function byGaps(symbols: OcrWord[], xSize: number): OcrWord[] {
  const groups: OcrWord[][] = [];
  let right = -Infinity;
  for (const s of symbols) {
    if (!groups.length || s.bbox[0] - right > 0.2 * xSize) groups.push([]);
    groups[groups.length - 1]!.push(s);
    right = Math.max(right, s.bbox[0] + s.bbox[2]);
  }
  return groups.map(wordOf);
}

const run = promisify(execFile);

/** Whether the native program is there (version 4 or later: the LSTM engine the traineddata is for). */
export async function nativeTesseractAvailable(binary = "tesseract"): Promise<boolean> {
  try {
    const { stdout, stderr } = await run(binary, ["--version"], { timeout: 10_000 });
    const major = Number(/tesseract v?(\d+)/i.exec(`${stdout}\n${stderr}`)?.[1] ?? 0);
    return major >= 4;
  } catch {
    return false;
  }
}

export const OCR_CHOICES = ["auto", "native", "js"] as const;
export type OcrChoice = (typeof OCR_CHOICES)[number];
export const isOcrChoice = (value: string): value is OcrChoice => (OCR_CHOICES as readonly string[]).includes(value);

/** The OCR engine to use: native tesseract when asked for or (auto) when installed, else tesseract.js. */
export async function chooseOcrEngine(choice: OcrChoice = "auto", cacheDir?: string): Promise<OcrEngine> {
  const options = cacheDir ? { cacheDir } : {};
  if (choice === "js") return withOcrCorrections(new TesseractPool(options));
  if (await nativeTesseractAvailable()) return withOcrCorrections(new NativeTesseract(options));
  if (choice === "native") throw new Error("native tesseract (4 or later) is not installed");
  return withOcrCorrections(new TesseractPool(options));
}
