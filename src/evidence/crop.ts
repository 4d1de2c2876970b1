/**
 * Small PNG pictures of marked regions, for reports and spreadsheets: the page is rendered (PDF, through pdf.js and
 * @napi-rs/canvas) or decoded (PNG/JPEG/TIFF, the same decoding the reader used, so the region's pixel box fits),
 * cut around the region with a margin and scaled down to at most `maxWidth` pixels. pdf.js renders without
 * annotation appearances, so a highlight annotation is painted back as a translucent band in its own colour.
 */
import { createCanvas } from "@napi-rs/canvas";
import { openRaster } from "./image.js";
import { openPdf } from "./pdf.js";
import type { RgbaImage } from "./raster.js";
import type { BBox, FileType } from "./schema.js";

export interface CropRequest {
  /** 1-based page (for images: the TIFF page; 1 otherwise). */
  page: number;
  /** The region in the page's unit: PDF points for PDFs, pixels for images (as the evidence reader reports it). */
  bbox: BBox;
  /** "#rrggbb" to paint over the region (annotations, which the render leaves out); nothing for ink already on the page. */
  tint?: string;
}

export interface CropOptions {
  maxWidth?: number;
  /** Margin around the region, in points (1/72 inch). */
  marginPt?: number;
  /** Resolution PDF pages are rendered at. */
  dpi?: number;
}

const DEFAULTS: Required<CropOptions> = { maxWidth: 900, marginPt: 14, dpi: 150 };

/**
 * A whole page as a PNG with the given regions outlined (in the colour of their mark), for a person to check the
 * marks against the page: PDFs rendered at `dpi`, images as decoded, scaled down to at most `maxWidth`. Undefined
 * when the page cannot be rendered.
 */
export async function renderPageWithRegions(
  bytes: Uint8Array,
  type: FileType,
  page: number,
  regions: readonly { bbox: BBox; rgb: string }[],
  options: { dpi?: number; maxWidth?: number } = {},
): Promise<Uint8Array | undefined> {
  const dpi = options.dpi ?? 150;
  let image: RgbaImage | undefined;
  let scale = 1;
  if (type === "pdf") {
    const doc = await openPdf(bytes);
    try {
      image = page >= 1 && page <= doc.numPages ? await doc.render(page, dpi).catch(() => undefined) : undefined;
      scale = dpi / 72;
    } finally {
      await doc.close();
    }
  } else if (type === "png" || type === "jpeg" || type === "tiff") {
    const raster = await openRaster(bytes, type);
    image = page >= 1 && page <= raster.count ? (await raster.page(page - 1).catch(() => undefined))?.image : undefined;
  }
  if (!image) return undefined;
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext("2d");
  const pixels = ctx.createImageData(image.width, image.height);
  pixels.data.set(image.data);
  ctx.putImageData(pixels, 0, 0);
  ctx.lineWidth = Math.max(3, Math.round(image.width / 400));
  for (const r of regions) {
    const [x, y, w, h] = r.bbox.map((v) => v * scale) as BBox;
    ctx.strokeStyle = r.rgb;
    ctx.strokeRect(x - ctx.lineWidth, y - ctx.lineWidth, w + 2 * ctx.lineWidth, h + 2 * ctx.lineWidth);
    ctx.strokeStyle = "#1f4e8c";
    ctx.lineWidth /= 2;
    ctx.strokeRect(x - 3 * ctx.lineWidth, y - 3 * ctx.lineWidth, w + 6 * ctx.lineWidth, h + 6 * ctx.lineWidth);
    ctx.lineWidth *= 2;
  }
  const maxWidth = options.maxWidth ?? 2000;
  if (image.width <= maxWidth) return canvas.encode("png");
  const small = createCanvas(maxWidth, Math.max(1, Math.round((image.height * maxWidth) / image.width)));
  small.getContext("2d").drawImage(canvas, 0, 0, small.width, small.height);
  return small.encode("png");
}

/** One PNG per request, in order; undefined where the page cannot be rendered or the box lies off the page. */
export async function cropRegions(bytes: Uint8Array, type: FileType, requests: readonly CropRequest[], options: CropOptions = {}): Promise<(Uint8Array | undefined)[]> {
  const opts = { ...DEFAULTS, ...options };
  const out: (Uint8Array | undefined)[] = requests.map(() => undefined);
  const pages = [...new Set(requests.map((r) => r.page))].sort((a, b) => a - b);
  if (type === "pdf") {
    const doc = await openPdf(bytes);
    try {
      for (const page of pages) {
        const image = await doc.render(page, opts.dpi).catch(() => undefined);
        if (image) await cropPage(image, opts.dpi / 72, requests, page, opts, out);
      }
    } finally {
      await doc.close();
    }
  } else if (type === "png" || type === "jpeg" || type === "tiff") {
    const raster = await openRaster(bytes, type);
    for (const page of pages) {
      const decoded = page <= raster.count ? await raster.page(page - 1).catch(() => undefined) : undefined;
      // Boxes are already in pixels; the margin follows the image's resolution.
      if (decoded) await cropPage(decoded.image, 1, requests, page, { ...opts, marginPt: (opts.marginPt * decoded.dpi) / 72 }, out);
    }
  }
  return out;
}

async function cropPage(
  image: RgbaImage,
  scale: number,
  requests: readonly CropRequest[],
  page: number,
  opts: Required<CropOptions>,
  out: (Uint8Array | undefined)[],
): Promise<void> {
  for (const [i, request] of requests.entries()) {
    if (request.page !== page) continue;
    const [x, y, w, h] = request.bbox.map((v) => v * scale) as BBox;
    const margin = opts.marginPt * scale;
    const left = Math.max(0, Math.floor(x - margin));
    const top = Math.max(0, Math.floor(y - margin));
    const right = Math.min(image.width, Math.ceil(x + w + margin));
    const bottom = Math.min(image.height, Math.ceil(y + h + margin));
    if (right - left < 2 || bottom - top < 2) continue;
    out[i] = await encodeCrop(image, [left, top, right - left, bottom - top], request.tint ? { box: [x - left, y - top, w, h], rgb: request.tint } : undefined, opts.maxWidth);
  }
}

async function encodeCrop(image: RgbaImage, [left, top, width, height]: BBox, tint: { box: BBox; rgb: string } | undefined, maxWidth: number): Promise<Uint8Array> {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext("2d");
  const pixels = ctx.createImageData(width, height);
  for (let row = 0; row < height; row++) {
    const from = ((top + row) * image.width + left) * 4;
    pixels.data.set(image.data.subarray(from, from + width * 4), row * width * 4);
  }
  ctx.putImageData(pixels, 0, 0);
  if (tint) {
    ctx.globalCompositeOperation = "multiply";
    ctx.globalAlpha = 0.45;
    ctx.fillStyle = tint.rgb;
    ctx.fillRect(...tint.box);
  }
  if (width <= maxWidth) return canvas.encode("png");
  const small = createCanvas(maxWidth, Math.max(1, Math.round((height * maxWidth) / width)));
  small.getContext("2d").drawImage(canvas, 0, 0, small.width, small.height);
  return small.encode("png");
}
