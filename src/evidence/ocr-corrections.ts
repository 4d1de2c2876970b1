/**
 * What OCR gets wrong that the page or the letters around it can put right, applied to every OCR result.
 *
 * Digits, by their shape. Tesseract's Thai model takes ๔ and ๘ for ๕ in common looped fonts, at any resolution
 * ("จำนวน ๔๕ คน" → "๕๕", "๘๘.๙" → "๕๕.๓๑", a form's "๓๔" → "๓๕"), and Arabic digits typed among Thai words for
 * others or for a Thai digit ("13" → "19", "28" → "๘"); a digit is the one thing in a sentence no dictionary can put
 * right. So each run of digits is looked at again on the page: its glyphs (connected pieces of ink) are compared with
 * the Thai and Arabic digits as the TLWG fonts draw them, and where every glyph is clearly a digit of one script, the
 * run takes those digits. Otherwise the OCR's reading stands.
 *
 * Latin look-alikes, by their neighbours: "€" next to a Latin letter or a hyphen is an "e" ("€-Saraban"), and a
 * small "l" closing a word of capitals is a capital "I" ("Power Bl", "Al"), as sans-serif fonts draw both alike.
 */
import { DIGIT_TEMPLATES } from "./digit-templates.js";
import { wordOfSymbols, type OcrEngine, type OcrLine, type OcrResult, type OcrWord } from "./ocr.js";
import { union } from "./pdf.js";
import { connectedComponents, type GrayImage } from "./raster.js";
import type { BBox } from "./schema.js";

export const DIGITS = { thai: "๐๑๒๓๔๕๖๗๘๙", arabic: "0123456789" } as const;
type Script = keyof typeof DIGITS;
/** A glyph is compared on a GRID×GRID raster of its ink box (kept square: the box's shape counts). */
export const GRID = 16;
/** Mean squared ink difference per cell above which a glyph is not taken for a digit (digits measure 0.02–0.045). */
const MAX_DISTANCE = 0.055;
/** The best digit must be this much nearer than the next best. */
const MARGIN = 1.25;

/** The ink of a glyph's box (x0, y0, w, h), `ink(x, y)` 0–1, on the comparison grid, centred in a square. */
export function glyphCells(ink: (x: number, y: number) => number, [x0, y0, w, h]: BBox): Float32Array {
  const side = Math.max(w, h);
  const ox = x0 - (side - w) / 2;
  const oy = y0 - (side - h) / 2;
  const cells = new Float32Array(GRID * GRID);
  const sub = 4;
  for (let j = 0; j < GRID; j++) {
    for (let i = 0; i < GRID; i++) {
      let sum = 0;
      for (let b = 0; b < sub; b++) {
        for (let a = 0; a < sub; a++) {
          const x = Math.floor(ox + ((i + (a + 0.5) / sub) * side) / GRID);
          const y = Math.floor(oy + ((j + (b + 0.5) / sub) * side) / GRID);
          if (x >= x0 && y >= y0 && x < x0 + w && y < y0 + h) sum += ink(x, y);
        }
      }
      cells[j * GRID + i] = sum / (sub * sub);
    }
  }
  return cells;
}

const TEMPLATES = DIGIT_TEMPLATES.map(([digit, script, , hex]) => ({ digit, script, cells: Float32Array.from(hex, (c) => Number.parseInt(c, 16) / 15) }));

/** The digit a glyph is and its script, or undefined when it is not clearly one digit. */
export function classifyDigit(cells: Float32Array): { digit: number; script: Script } | undefined {
  const best = new Map<string, { digit: number; script: Script; sum: number }>();
  for (const t of TEMPLATES) {
    let sum = 0;
    for (let k = 0; k < cells.length; k++) {
      const d = cells[k]! - t.cells[k]!;
      sum += d * d;
    }
    const key = `${t.script}${t.digit}`;
    if (sum < (best.get(key)?.sum ?? Infinity)) best.set(key, { digit: t.digit, script: t.script, sum });
  }
  const ranked = [...best.values()].sort((a, b) => a.sum - b.sum);
  const first = ranked[0]!;
  // The nearest other digit: ๐ and 0 drawn alike are one digit.
  const second = ranked.find((r) => r.digit !== first.digit)!;
  const distance = first.sum / cells.length;
  return distance <= MAX_DISTANCE && second.sum / cells.length >= MARGIN * distance ? { digit: first.digit, script: first.script } : undefined;
}

const isDigit = (t: string) => t.length === 1 && (DIGITS.thai.includes(t) || DIGITS.arabic.includes(t));
const SEPARATOR = /^[.,:/]$/u;

interface Glyph {
  box: BBox;
  text: string;
}

/**
 * The glyphs of one run of the page (digits and the dots between them), read from the ink in `box`; undefined
 * when any piece of ink there is not clearly a digit or a dot.
 */
function readRun(image: GrayImage, box: BBox): Glyph[] | undefined {
  const [bx, by, bw, bh] = box;
  const pad = Math.round(bh / 2);
  const x0 = Math.max(0, Math.floor(bx - pad));
  const y0 = Math.max(0, Math.floor(by - pad));
  const x1 = Math.min(image.width, Math.ceil(bx + bw + pad));
  const y1 = Math.min(image.height, Math.ceil(by + bh + pad));
  const w = x1 - x0;
  const h = y1 - y0;
  if (w < 4 || h < 4) return undefined;
  const gray = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) gray.set(image.data.subarray((y0 + y) * image.width + x0, (y0 + y) * image.width + x1), y * w);
  const { threshold, paper, ink } = otsu(gray);
  if (paper - ink < 40) return undefined;
  const mask = { width: w, height: h, data: gray.map((v) => (v < threshold ? 1 : 0)) };
  const parts = connectedComponents(mask).members.map((cells) => {
    let [a, b, c, d] = [w, h, -1, -1];
    for (const i of cells) {
      const x = i % w;
      const y = (i - x) / w;
      [a, b, c, d] = [Math.min(a, x), Math.min(b, y), Math.max(c, x), Math.max(d, y)];
    }
    return { box: [a, b, c - a + 1, d - b + 1] as BBox, size: cells.length };
  });
  // The run's own ink: pieces centred inside the OCR's box across, touching it down.
  const inRun = parts.filter((p) => {
    const cx = x0 + p.box[0] + p.box[2] / 2;
    return p.size >= 3 && cx >= bx && cx <= bx + bw && y0 + p.box[1] < by + bh && y0 + p.box[1] + p.box[3] > by;
  });
  const tallest = Math.max(0, ...inRun.map((p) => p.box[3]));
  if (tallest < 6) return undefined;
  const baseline = Math.max(...inRun.map((p) => p.box[1] + p.box[3]));
  const level = (v: number) => Math.min(1, Math.max(0, (paper - v) / (paper - ink)));
  const glyphs: Glyph[] = [];
  for (const p of inRun.sort((a, b) => a.box[0] - b.box[0])) {
    const [px, py, pw, ph] = p.box;
    const box: BBox = [x0 + px, y0 + py, pw, ph];
    if (ph >= 0.6 * tallest) {
      // No digit is more than 1.32 times as wide as tall (the TLWG fonts' ๓, ๐): a wider piece is digits touching,
      // which this cannot split.
      if (pw > 1.35 * ph) return undefined;
      const digit = classifyDigit(glyphCells((x, y) => level(gray[y * w + x]!), p.box));
      if (digit === undefined) return undefined;
      glyphs.push({ box, text: DIGITS[digit.script][digit.digit]! });
    } else if (ph <= 0.3 * tallest && pw <= 0.4 * tallest && py + ph >= baseline - 0.3 * tallest) {
      glyphs.push({ box, text: "." });
    } else return undefined;
  }
  // One script in a run: a number mixing both is a glyph taken for the other script's look-alike.
  const digits = glyphs.filter((g) => isDigit(g.text));
  const thai = digits.filter((g) => DIGITS.thai.includes(g.text)).length;
  if (thai > 0 && thai < digits.length) return undefined;
  return glyphs.length && isDigit(glyphs[0]!.text) && isDigit(glyphs.at(-1)!.text) ? glyphs : undefined;
}

/** Otsu's threshold of a patch, with the mean grey of the paper and of the ink on either side of it. */
function otsu(gray: Uint8Array): { threshold: number; paper: number; ink: number } {
  const hist = new Float64Array(256);
  for (const v of gray) hist[v]!++;
  let total = 0;
  for (let v = 0; v < 256; v++) total += v * hist[v]!;
  let [below, belowSum, best, threshold] = [0, 0, -1, 128];
  for (let t = 0; t < 256; t++) {
    below += hist[t]!;
    belowSum += t * hist[t]!;
    const above = gray.length - below;
    if (!below || !above) continue;
    const between = below * above * (belowSum / below - (total - belowSum) / above) ** 2;
    if (between > best) [best, threshold] = [between, t + 1];
  }
  let [inkN, inkSum, paperN, paperSum] = [0, 0, 0, 0];
  for (let v = 0; v < 256; v++) {
    if (v < threshold) [inkN, inkSum] = [inkN + hist[v]!, inkSum + v * hist[v]!];
    else [paperN, paperSum] = [paperN + hist[v]!, paperSum + v * hist[v]!];
  }
  return { threshold, paper: paperN ? paperSum / paperN : 255, ink: inkN ? inkSum / inkN : 0 };
}

const LATIN = /^[A-Za-z]$/u;
const CAPITAL = /^[A-Z]$/u;

/** The letter a look-alike stands for, judged by its neighbours in the same word; undefined when it stands. */
function latinLookAlike(symbols: readonly OcrWord[], wordOf: readonly number[], i: number): string | undefined {
  const inWord = (k: number) => (k >= 0 && k < symbols.length && wordOf[k] === wordOf[i] ? symbols[k]!.text : "");
  const [before, text, after] = [inWord(i - 1), symbols[i]!.text, inWord(i + 1)];
  if (text === "€" && (LATIN.test(before) || LATIN.test(after) || after === "-")) return "e";
  if (text === "l" && CAPITAL.test(before) && (after === "" || CAPITAL.test(after))) return "I";
  return undefined;
}

/** A line that may hold something to correct: digits, a euro sign, a small l after a capital. */
const mayNeedCorrection = (text: string) => /[\u0E50-\u0E590-9€]|[A-Z]l/u.test(text);

/** One line corrected; the line itself when nothing changes or its words cannot be matched to its characters. */
function correctLine(image: GrayImage, line: OcrLine): OcrLine {
  const { symbols } = line;
  const wordOf = wordOfSymbols(line);
  if (!wordOf) return line;
  const next: OcrWord[] = [];
  const nextWord: number[] = [];
  let changed = false;
  for (let i = 0; i < symbols.length; ) {
    if (!isDigit(symbols[i]!.text)) {
      next.push(symbols[i]!);
      nextWord.push(wordOf[i]!);
      i++;
      continue;
    }
    let j = i + 1;
    while (j < symbols.length && wordOf[j] === wordOf[i] && (isDigit(symbols[j]!.text) || (SEPARATOR.test(symbols[j]!.text) && isDigit(symbols[j + 1]?.text ?? "")))) j++;
    const run = symbols.slice(i, j);
    const glyphs = readRun(image, union(run.map((s) => s.bbox)));
    const before = run.map((s) => s.text).join("");
    const after = glyphs?.map((g) => g.text).join("");
    // Only digits are read again: a speck of dust is no separator ("2..1.3"), one OCR missed no digit.
    const separators = (text: string) => text.replace(/[^.,:/]/gu, "").length;
    if (glyphs && after !== before && separators(after!) === separators(before)) {
      changed = true;
      const confidence = Math.min(...run.map((s) => s.confidence));
      for (const g of glyphs) {
        next.push({ text: g.text, bbox: g.box, confidence });
        nextWord.push(wordOf[i]!);
      }
    } else {
      next.push(...run);
      nextWord.push(...run.map(() => wordOf[i]!));
    }
    i = j;
  }
  for (const [i, s] of next.entries()) {
    const fixed = latinLookAlike(next, nextWord, i);
    if (fixed === undefined) continue;
    next[i] = { ...s, text: fixed };
    changed = true;
  }
  if (!changed) return line;
  const words = line.words.map((word, n) => {
    const own = next.filter((_, s) => nextWord[s] === n);
    return { ...word, text: own.map((s) => s.text).join(""), bbox: union(own.map((s) => s.bbox)) };
  });
  return { ...line, text: words.map((w) => w.text).join(" "), words, symbols: next };
}

/** The OCR of `image` corrected (see the module comment). */
export function correctOcr(image: GrayImage, result: OcrResult): OcrResult {
  if (!mayNeedCorrection(result.text)) return result;
  const lines = result.lines.map((l) => (mayNeedCorrection(l.text) ? correctLine(image, l) : l));
  if (lines.every((l, i) => l === result.lines[i])) return result;
  let text = result.text;
  for (const [i, l] of lines.entries()) if (l !== result.lines[i]) text = text.replace(result.lines[i]!.text, l.text);
  return { ...result, text, lines };
}

/** `engine` with its results corrected; named apart, so results cached from the plain engine are not reused. */
export function withOcrCorrections(engine: OcrEngine): OcrEngine {
  return {
    name: `${engine.name}+corrected`,
    parallelism: engine.parallelism,
    recognize: async (request) => correctOcr(request.image, await engine.recognize(request)),
    terminate: () => engine.terminate(),
  };
}
