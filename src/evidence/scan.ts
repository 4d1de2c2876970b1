/**
 * One page image (a scan, a photo, a rendered image-only PDF page) → full text with word boxes and the marked
 * regions with their text. Highlighter is removed before any OCR (the brightest channel relative to the paper).
 *
 * A marked region's text is the characters its stroke covers, taken from one OCR pass over the whole page: strong,
 * wide strokes reach into the lines above and below, and a crop OCR'd as one line then reads two half lines as
 * garbage, while the page pass has already separated the lines. Only where the page reading is weak (or in
 * marked-only mode, which skips the page pass) is the stroke's neighbourhood OCR'd on its own, as a block, and the
 * same covered-characters rule applied there; the more confident reading wins.
 */
import { detectHighlights, MARKER_MAP, type HighlightAnalysis, type HighlightRegion, type SeparatedInk } from "./highlight.js";
import { warning } from "./messages.js";
import type { OcrEngine, OcrLine, OcrResult, OcrWord } from "./ocr.js";
import { deskew, sampleRotated, stackImages, type GrayImage, type RgbaImage } from "./raster.js";
import type { Result } from "./result.js";
import type { BBox, ColorName, EvidenceWarning } from "./schema.js";
import { normalizeEvidenceText } from "./thai.js";
import { STACKED_MARK } from "../text/thai.js";

export interface ScanOptions {
  dpi: number;
  engine: OcrEngine;
  /** Also OCR the whole page (its text and words); false reads the marked regions only. */
  pageText: boolean;
}

export interface ScannedRegion {
  bbox: BBox;
  color: ColorName;
  rgb: string;
  /** The covered text; empty when the reading is too uncertain to be shown as the key text. */
  text: string;
  confidence: number;
  /** Set when the text could not be read reliably: the best reading, and the page's words around the stroke. */
  unreadable?: { guess: string; nearby: string };
}

export interface ScannedPage {
  text: string;
  confidence: number;
  words: OcrWord[];
  regions: ScannedRegion[];
  highlights: HighlightAnalysis;
}

/** Below this mean confidence a page is flagged for a human to check. */
export const LOW_CONFIDENCE = 0.6;
/**
 * Below this confidence a marked region's text is withheld (kept as a guess): on the tuning splits no region under it
 * was read right, and 80–93 % above it were (bench/evidence-calibration.ts).
 */
export const REGION_READABLE = 0.9;
/** Skew below this is left alone: resampling costs more than tesseract loses. */
const DESKEW_MIN_RAD = (0.3 * Math.PI) / 180;
/**
 * The neighbourhood OCR'd for a stroke on its own: tall enough that the marked line is whole with its stacked Thai
 * vowels and tone marks even when the stroke sits off-centre (the lines it grazes are OCR'd too and then left out by
 * position), and a little wider than the stroke so that letters it only grazes are seen whole.
 */
const CROP_HEIGHT = 2.8;
const CROP_SIDE = 0.3;

/** A highlighter stroke as a rotated rectangle, in the coordinates of the OCR result it is matched against. */
export interface Stroke {
  center: [number, number];
  angle: number;
  length: number;
  thickness: number;
}

export interface CoveredText {
  text: string;
  confidence: number;
}

/** Thai vowels written before their consonant: they go with the letter after them (stacked marks with the one before). */
const LEADING = /^[\u0e40-\u0e44]$/;

/** A character is marked when its column is at least this share as coloured as the line's best-covered column. */
const COVERED = 0.5;

/** Share of a box's light (non-print) pixels that show highlighter colour, from a marker map. */
export type Coverage = (box: BBox) => number;

export function markerCoverage(marker: GrayImage): Coverage {
  return ([x, y, w, h]) => {
    const x0 = Math.max(0, Math.floor(x));
    const y0 = Math.max(0, Math.floor(y));
    const x1 = Math.min(marker.width, Math.ceil(x + w));
    const y1 = Math.min(marker.height, Math.ceil(y + h));
    let coloured = 0;
    let light = 0;
    for (let yy = y0; yy < y1; yy++) {
      for (let xx = x0, i = yy * marker.width + x0; xx < x1; xx++, i++) {
        const v = marker.data[i]!;
        if (v <= (MARKER_MAP.ink + MARKER_MAP.paper) / 2) continue;
        light++;
        if (v > (MARKER_MAP.paper + MARKER_MAP.marker) / 2) coloured++;
      }
    }
    return light ? coloured / light : 0;
  };
}

/**
 * The text a stroke covers: from each OCR line whose middle lies within the stroke's band, the characters the stroke
 * covers, with the line's own spacing (a stroke may start or end mid-word). With a marker map, a character is
 * covered when highlighter colour fills at least half as much of its column of the line as of the line's best
 * covered column, which follows rough, slanted and overhanging stroke ends; without one, when its centre lies
 * between the stroke's ends. Confidence is that of the weakest kept character. Lines whose characters cannot be lined
 * up with their text fall back to whole words.
 */
export function coveredText(lines: readonly OcrLine[], stroke: Stroke, coverage?: Coverage): CoveredText {
  const cos = Math.cos(stroke.angle);
  const sin = Math.sin(stroke.angle);
  const along = (b: BBox) => (b[0] + b[2] / 2 - stroke.center[0]) * cos + (b[1] + b[3] / 2 - stroke.center[1]) * sin;
  const across = (b: BBox) => -(b[0] + b[2] / 2 - stroke.center[0]) * sin + (b[1] + b[3] / 2 - stroke.center[1]) * cos;
  // The outline decides only roughly where a stroke ends when the colour itself can be asked.
  const half = stroke.length / 2 + (coverage ? 0.5 : 0.08) * stroke.thickness;
  const near = (b: BBox) => Math.abs(along(b)) <= half;
  const parts: string[] = [];
  const confidences: number[] = [];
  // Tesseract sometimes splits the tone marks above a line, or the vowels below it, into a "line" of their own and
  // reads them as letters: such slivers are far shorter than the text lines.
  const heights = lines.map((l) => l.bbox[3]).sort((a, b) => a - b);
  const sliver = 0.5 * (heights[heights.length >> 1] ?? 0);
  // A line that shares half its height with a taller line over the same stretch is such a fragment too, however tall.
  const within = (a: OcrLine, b: OcrLine) =>
    b !== a &&
    b.bbox[3] > a.bbox[3] &&
    Math.min(a.bbox[1] + a.bbox[3], b.bbox[1] + b.bbox[3]) - Math.max(a.bbox[1], b.bbox[1]) >= 0.5 * a.bbox[3] &&
    Math.min(a.bbox[0] + a.bbox[2], b.bbox[0] + b.bbox[2]) - Math.max(a.bbox[0], b.bbox[0]) >= 0.5 * a.bbox[2];
  const banded = lines.filter((l) => l.bbox[3] >= sliver && Math.abs(across(l.bbox)) <= Math.max(stroke.thickness / 2, l.bbox[3] * 0.3));
  for (let i = banded.length - 1; i >= 0; i--) if (banded.some((b) => within(banded[i]!, b))) banded.splice(i, 1);
  // Of lines read over the same stretch, one far less sure than the best is debris (stroke edges, marks read apart).
  const best = Math.max(0, ...banded.map((l) => l.confidence));
  const ordered = banded.filter((l) => l.confidence >= 0.75 * best).sort((a, b) => across(a.bbox) - across(b.bbox));
  for (const line of ordered) {
    const column = (b: BBox): BBox => [b[0], line.bbox[1], b[2], line.bbox[3]];
    const inside = (boxes: BBox[]): boolean[] => {
      if (!coverage) return boxes.map(near);
      const shares = boxes.map((b) => (near(b) ? coverage(column(b)) : 0));
      const best = Math.max(0, ...shares);
      const covered = shares.map((v) => best > 0 && v >= COVERED * best);
      // Colour only decides where a stroke ends: a lighter streak or a dense glyph inside it is still marked.
      const a = covered.indexOf(true);
      const b = covered.lastIndexOf(true);
      return covered.map((_, i) => a >= 0 && i >= a && i <= b);
    };
    const chars = [...line.text];
    const letters = chars.filter((c) => !/\s/.test(c));
    const symbolChars = line.symbols.flatMap((s) => [...s.text].map(() => s));
    if (symbolChars.length === letters.length && line.symbols.map((s) => s.text).join("") === letters.join("")) {
      const kept = inside(line.symbols.map((x) => x.bbox));
      // A leading vowel (เ แ โ ใ ไ) is written before the consonant it is said after: it goes with that consonant.
      for (let i = kept.length - 2; i >= 0; i--) if (LEADING.test(line.symbols[i]!.text)) kept[i] = kept[i + 1]!;
      const keepSymbol = new Map(line.symbols.map((s, i) => [s, kept[i]!] as const));
      let out = "";
      let k = 0;
      let keepPrevious = false;
      for (const c of chars) {
        if (/\s/.test(c)) {
          out += " ";
          continue;
        }
        const symbol = symbolChars[k++]!;
        const keep: boolean = STACKED_MARK.test(c) ? keepPrevious : keepSymbol.get(symbol)!;
        if (keep) {
          out += c;
          confidences.push(symbol.confidence);
        }
        keepPrevious = keep;
      }
      parts.push(out);
    } else {
      const keep = inside(line.words.map((w) => w.bbox));
      const words = line.words.filter((_, i) => keep[i]);
      for (const w of words) {
        for (const _ of w.text) confidences.push(w.confidence);
      }
      parts.push(words.map((w) => w.text).join(" "));
    }
  }
  const text = tidyMarked(normalizeEvidenceText(parts.join(" ")));
  // The weakest letter, not the mean: a misread shows as one unsure letter among sure ones, and the mean of a
  // phrase hides it (bench/evidence-calibration.ts: the mean sits at 0.98–1 for right and wrong readings alike).
  return { text, confidence: text && confidences.length ? Math.min(...confidences) : 0 };
}

/** The text of the lines a stroke lies on, whole: what a person checking an unreadable mark reads around it. */
function nearbyText(lines: readonly OcrLine[], box: BBox): string {
  return normalizeEvidenceText(
    lines
      .filter((l) => {
        const iy = Math.min(l.bbox[1] + l.bbox[3], box[1] + box[3]) - Math.max(l.bbox[1], box[1]);
        return iy > 0.3 * Math.min(l.bbox[3], box[3]);
      })
      .map((l) => l.text)
      .join("\n"),
  );
}

export interface RegionCrop {
  image: GrayImage;
  marker: GrayImage;
  /** The stroke in the crop's own coordinates. */
  stroke: Stroke;
}

export function cropRegion(ink: SeparatedInk, r: HighlightRegion): RegionCrop {
  const width = r.length + 2 * CROP_SIDE * r.thickness;
  const height = r.thickness * CROP_HEIGHT;
  const image = sampleRotated(ink.text, r.center[0], r.center[1], r.angle, width, height);
  const marker = sampleRotated(ink.marker, r.center[0], r.center[1], r.angle, width, height);
  return { image, marker, stroke: { center: [image.width / 2, image.height / 2], angle: 0, length: r.length, thickness: r.thickness } };
}

/** White rows between the crops of a montage: far more than a line gap, so no OCR line spans two crops. */
const MONTAGE_GAP = 0.6;

/**
 * The strokes' neighbourhoods (see CROP_HEIGHT), each read by the same covered-characters rule — stacked into one
 * image and OCR'd in one request: one engine call per page however many marks it has (a native tesseract call costs
 * its start-up each time). Each crop's lines are told apart by where they sit in the stack.
 */
async function readCrops(ink: SeparatedInk, regions: readonly HighlightRegion[], options: ScanOptions): Promise<CoveredText[]> {
  if (regions.length === 0) return [];
  const crops = regions.map((r) => cropRegion(ink, r));
  const gap = Math.round(MONTAGE_GAP * options.dpi);
  const { image: text, tops } = stackImages(crops.map((c) => c.image), gap);
  const { image: marker } = stackImages(crops.map((c) => c.marker), gap, MARKER_MAP.paper);
  const result = await options.engine.recognize({ image: text, mode: "block", dpi: options.dpi });
  const coverage = markerCoverage(marker);
  return crops.map((c, k) => {
    const top = tops[k]!;
    const lines = result.lines.filter((l) => l.bbox[1] + l.bbox[3] / 2 >= top && l.bbox[1] + l.bbox[3] / 2 < top + c.image.height);
    return coveredText(lines, { ...c.stroke, center: [c.stroke.center[0], c.stroke.center[1] + top] }, coverage);
  });
}

async function ocrPage(gray: GrayImage, skew: number, options: ScanOptions): Promise<OcrResult> {
  if (Math.abs(skew) < DESKEW_MIN_RAD) return options.engine.recognize({ image: gray, mode: "page", dpi: options.dpi });
  const straight = deskew(gray, skew);
  const result = await options.engine.recognize({ image: straight.image, mode: "page", dpi: options.dpi });
  const back = (w: OcrWord): OcrWord => ({ ...w, bbox: straight.toSource(w.bbox) });
  return { ...result, lines: result.lines.map((l) => ({ ...l, bbox: straight.toSource(l.bbox), words: l.words.map(back), symbols: l.symbols.map(back) })) };
}

export async function readScannedPage(img: RgbaImage, options: ScanOptions): Promise<Result<ScannedPage>> {
  const highlights = detectHighlights(img, { dpi: options.dpi, separate: true }).value;
  const ink = highlights.ink!;
  const coverage = markerCoverage(ink.marker);
  const messages: EvidenceWarning[] = [];
  const page = options.pageText ? await ocrPage(ink.text, highlights.skew, options) : null;
  const readings = highlights.regions.map((r) => (page ? coveredText(page.lines, r, coverage) : { text: "", confidence: 0 }));
  // The marks the page reading is unsure of (all of them in marked-only mode) are read again on their own.
  const unsure = highlights.regions.filter((_, i) => readings[i]!.confidence < REGION_READABLE);
  const second = await readCrops(ink, unsure, options);
  unsure.forEach((r, k) => {
    const i = highlights.regions.indexOf(r);
    if (second[k]!.confidence > readings[i]!.confidence) readings[i] = second[k]!;
  });
  const regions = highlights.regions.map((r, i): ScannedRegion => {
    const reading = readings[i]!;
    const base = { bbox: r.bbox, color: r.color, rgb: r.rgb, confidence: Math.round(reading.confidence * 1000) / 1000 };
    if (reading.text && reading.confidence >= REGION_READABLE) return { ...base, text: reading.text };
    messages.push(warning("region-unreadable", `${r.bbox.map(Math.round).join(",")}; ${Math.round(reading.confidence * 100)}%`));
    return { ...base, text: "", unreadable: { guess: reading.text, nearby: page ? nearbyText(page.lines, r.bbox) : "" } };
  });
  const text = page ? normalizeEvidenceText(page.text) : "";
  const confidence = page ? page.confidence : regions.length ? Math.min(...regions.map((r) => r.confidence)) : 0;
  if (page && !text) messages.push(warning("page-unreadable"));
  else if (page && confidence < LOW_CONFIDENCE) messages.push(warning("low-confidence", `${Math.round(confidence * 100)}%`));
  const words = page
    ? page.lines.flatMap((l) => l.words).map((w) => ({ ...w, text: normalizeEvidenceText(w.text) })).filter((w) => w.text)
    : [];
  return { value: { text, confidence, words, regions, highlights }, messages };
}

/**
 * OCR debris at the edges of a marked region: a table rule or a marker streak read as "|", a quote or stop from the
 * neighbouring text, a bracket whose partner lies outside the mark.
 */
export function tidyMarked(text: string): string {
  let t = text.replace(/\s*\|\s*/g, " ").trim();
  for (let changed = true; changed; ) {
    const before = t;
    t = t.replace(/^[\s'"“”‘’«».,:;!]+/u, "").replace(/[\s'"“”‘’«»,:;!]+$/u, "");
    if (t.startsWith("(") && !t.includes(")")) t = t.slice(1);
    if (t.endsWith(")") && !t.includes("(")) t = t.slice(0, -1);
    changed = t !== before;
  }
  return t;
}

/** OCR words whose boxes are mostly inside any of `boxes`, in reading order (annotations on scanned pages). */
export function wordsUnder(words: OcrWord[], boxes: BBox[]): string {
  return boxes
    .map((box) =>
      words
        .filter((w) => {
          const ix = Math.min(w.bbox[0] + w.bbox[2], box[0] + box[2]) - Math.max(w.bbox[0], box[0]);
          const iy = Math.min(w.bbox[1] + w.bbox[3], box[1] + box[3]) - Math.max(w.bbox[1], box[1]);
          return ix > 0 && iy > 0 && (ix * iy) / Math.max(1, w.bbox[2] * w.bbox[3]) >= 0.5;
        })
        .map((w) => w.text)
        .join(" "),
    )
    .filter(Boolean)
    .join("\n");
}
