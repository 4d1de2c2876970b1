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
import { normalizeThai } from "./thai.js";

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
 * The crop around a stroke: the marker covers the letters' bodies, Thai vowels and tone marks stack above and below
 * it, so the crop is taller than the stroke; horizontally it stops at the stroke ends so neighbouring letters stay out.
 */
const CROP_HEIGHT = 1.9;

export function cropRegion(gray: GrayImage, r: HighlightRegion): GrayImage {
  return sampleRotated(gray, r.center[0], r.center[1], r.angle, r.length, r.thickness * CROP_HEIGHT);
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
        const result = await options.engine.recognize({ image: cropRegion(gray, r), mode: "line", dpi: options.dpi });
        return { bbox: r.bbox, color: r.color, rgb: r.rgb, text: normalizeThai(result.text), confidence: result.confidence };
      }),
    ),
  ]);
  for (const r of regions) {
    if (!r.text || r.confidence < LOW_CONFIDENCE) {
      messages.push(warning("region-unreadable", `${r.bbox.map(Math.round).join(",")}; ${Math.round(r.confidence * 100)}%`));
    }
  }
  const text = page ? normalizeThai(page.text) : "";
  const confidence = page ? page.confidence : regions.length ? Math.min(...regions.map((r) => r.confidence)) : 0;
  if (page && !text) messages.push(warning("page-unreadable"));
  else if (page && confidence < LOW_CONFIDENCE) messages.push(warning("low-confidence", `${Math.round(confidence * 100)}%`));
  const words = page
    ? page.lines.flatMap((l) => l.words).map((w) => ({ ...w, text: normalizeThai(w.text) })).filter((w) => w.text)
    : [];
  return { value: { text, confidence, words, regions, highlights }, messages };
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
