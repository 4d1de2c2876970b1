/**
 * One page image (a scan, a photo, a rendered image-only PDF page) → full text with word boxes and the marked
 * regions with their text. Highlighter is removed before any OCR; the page is deskewed for the full-page pass and
 * each marked region is cropped along its own stroke angle.
 */
import { detectHighlights, removeHighlight, type HighlightAnalysis, type HighlightRegion } from "./highlight.js";
import { warning } from "./messages.js";
import type { OcrEngine, OcrResult, OcrWord } from "./ocr.js";
import { deskew, sampleRotated, type GrayImage, type RgbaImage } from "./raster.js";
import type { Result } from "./result.js";
import type { BBox, ColorName, EvidenceWarning } from "./schema.js";
import { normalizeEvidenceText } from "./thai.js";

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
  text: string;
  confidence: number;
}

export interface ScannedPage {
  text: string;
  confidence: number;
  words: OcrWord[];
  regions: ScannedRegion[];
  highlights: HighlightAnalysis;
}

/** Below this mean confidence a page or region is flagged for a human to check. */
export const LOW_CONFIDENCE = 0.6;
/** Skew below this is left alone: resampling costs more than tesseract loses. */
const DESKEW_MIN_RAD = (0.3 * Math.PI) / 180;

/**
 * The crop around a stroke: the marker covers the letters' bodies, while Thai vowels and tone marks stack above and
 * below it, so the crop is taller than the stroke. It is also wider, so that letters the stroke only grazes are seen
 * whole (a cut glyph is read as some other letter) and can then be left out by position.
 */
const CROP_HEIGHT = 1.9;
const CROP_SIDE = 0.3;

export interface RegionCrop {
  image: GrayImage;
  /** The stroke's extent along the crop's x axis. */
  from: number;
  to: number;
}

export function cropRegion(gray: GrayImage, r: HighlightRegion): RegionCrop {
  const side = CROP_SIDE * r.thickness;
  const image = sampleRotated(gray, r.center[0], r.center[1], r.angle, r.length + 2 * side, r.thickness * CROP_HEIGHT);
  return { image, from: side, to: side + r.length };
}

/**
 * The marked text of a region's OCR: the characters whose centre lies within the stroke, with the line's own spacing
 * between them. Falls back to the whole line when symbols and text do not line up.
 */
export function markedText(result: OcrResult, from: number, to: number): string {
  return result.lines
    .map((line) => {
      const chars = [...line.text];
      const letters = chars.filter((c) => !/\s/.test(c));
      const symbols = line.symbols;
      if (symbols.map((s) => s.text).join("") !== letters.join("")) return line.text;
      const keep: boolean[] = [];
      for (const s of symbols) {
        const inside = s.bbox[0] + s.bbox[2] / 2 >= from && s.bbox[0] + s.bbox[2] / 2 <= to;
        for (let k = 0; k < [...s.text].length; k++) keep.push(inside);
      }
      let out = "";
      let k = 0;
      for (const c of chars) {
        if (/\s/.test(c)) out += " ";
        else if (keep[k++]) out += c;
      }
      return out;
    })
    .join(" ");
}

async function ocrPage(gray: GrayImage, skew: number, options: ScanOptions): Promise<OcrResult> {
  if (Math.abs(skew) < DESKEW_MIN_RAD) return options.engine.recognize({ image: gray, mode: "page", dpi: options.dpi });
  const straight = deskew(gray, skew);
  const result = await options.engine.recognize({ image: straight.image, mode: "page", dpi: options.dpi });
  return {
    ...result,
    lines: result.lines.map((l) => ({
      ...l,
      bbox: straight.toSource(l.bbox),
      words: l.words.map((w) => ({ ...w, bbox: straight.toSource(w.bbox) })),
    })),
  };
}

export async function readScannedPage(img: RgbaImage, options: ScanOptions): Promise<Result<ScannedPage>> {
  const highlights = detectHighlights(img, { dpi: options.dpi }).value;
  const gray = removeHighlight(img, highlights.paper);
  const messages: EvidenceWarning[] = [];
  const [page, regions] = await Promise.all([
    options.pageText ? ocrPage(gray, highlights.skew, options) : null,
    Promise.all(
      highlights.regions.map(async (r): Promise<ScannedRegion> => {
        const crop = cropRegion(gray, r);
        const result = await options.engine.recognize({ image: crop.image, mode: "line", dpi: options.dpi });
        return { bbox: r.bbox, color: r.color, rgb: r.rgb, text: tidyMarked(normalizeEvidenceText(markedText(result, crop.from, crop.to))), confidence: result.confidence };
      }),
    ),
  ]);
  for (const r of regions) {
    if (!r.text || r.confidence < LOW_CONFIDENCE) {
      messages.push(warning("region-unreadable", `${r.bbox.map(Math.round).join(",")}; ${Math.round(r.confidence * 100)}%`));
    }
  }
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
