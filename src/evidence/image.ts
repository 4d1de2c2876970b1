/**
 * Raster inputs: PNG and JPEG through @napi-rs/canvas, TIFF (multi-page) through the `tiff` package.
 * Dimensions are read from the headers first, so a huge image is refused before anything is decoded.
 */
import { createCanvas, loadImage } from "@napi-rs/canvas";
import { decode as decodeTiff, type TiffIfd } from "tiff";
import { EvidenceError } from "./messages.js";
import type { RgbaImage } from "./raster.js";

export type RasterType = "png" | "jpeg" | "tiff";

export interface RasterPage {
  image: RgbaImage;
  /** Resolution used for size judgements: trusted metadata, else estimated from a page-sized image. */
  dpi: number;
}

export interface ImageLimits {
  /** Largest accepted image (pixels per page). */
  maxPixels: number;
  /** Photos finer than this are downscaled to `targetDpi` first: OCR gains nothing and time grows with pixels. */
  maxDpi: number;
  targetDpi: number;
}

export const DEFAULT_IMAGE_LIMITS: ImageLimits = { maxPixels: 60_000_000, maxDpi: 450, targetDpi: 300 };

/** Long side of an A4 page in inches: phone photos and screenshots carry no usable resolution. */
const PAGE_LONG_SIDE_IN = 11.69;

export interface ImageInfo {
  width: number;
  height: number;
  /** Resolution from the file (pHYs, JFIF density), if any. */
  dpi: number | null;
}

function u16(b: Uint8Array, o: number): number {
  return (b[o]! << 8) | b[o + 1]!;
}
function u32(b: Uint8Array, o: number): number {
  return ((b[o]! << 24) | (b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!) >>> 0;
}

function pngInfo(b: Uint8Array): ImageInfo {
  if (b.length < 24) throw new EvidenceError("broken-image", "truncated PNG header");
  const info: ImageInfo = { width: u32(b, 16), height: u32(b, 20), dpi: null };
  for (let o = 8; o + 8 <= b.length; ) {
    const len = u32(b, o);
    const type = String.fromCharCode(b[o + 4]!, b[o + 5]!, b[o + 6]!, b[o + 7]!);
    if (type === "pHYs" && o + 17 <= b.length && b[o + 16] === 1) info.dpi = u32(b, o + 8) * 0.0254;
    if (type === "IDAT" || type === "IEND") break;
    o += 12 + len;
  }
  return info;
}

function jpegInfo(b: Uint8Array): ImageInfo {
  const info: ImageInfo = { width: 0, height: 0, dpi: null };
  for (let o = 2; o + 4 <= b.length; ) {
    if (b[o] !== 0xff) {
      o++;
      continue;
    }
    const marker = b[o + 1]!;
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01 || marker === 0xff) {
      o += marker === 0xff ? 1 : 2;
      continue;
    }
    const len = u16(b, o + 2);
    const seg = o + 4;
    if (marker === 0xe0 && String.fromCharCode(...b.subarray(seg, seg + 4)) === "JFIF" && b[seg + 7] === 1) {
      info.dpi = u16(b, seg + 8);
    } else if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      info.height = u16(b, seg + 1);
      info.width = u16(b, seg + 3);
      return info;
    }
    o += 2 + len;
  }
  throw new EvidenceError("broken-image", "no JPEG frame header");
}

function checkSize(width: number, height: number, limits: ImageLimits): void {
  if (!width || !height) throw new EvidenceError("broken-image", "zero image size");
  if (width * height > limits.maxPixels) {
    throw new EvidenceError(
      "image-too-large",
      `${width}×${height} px > ${Math.round(limits.maxPixels / 1e6)} MP`,
    );
  }
}

function pageDpi(width: number, height: number, metaDpi: number | null): number {
  // Cameras and screenshots write 72 or 96 whatever they show; scanners write the real value.
  if (metaDpi && metaDpi >= 100 && metaDpi <= 1200) return metaDpi;
  return Math.max(width, height) / PAGE_LONG_SIDE_IN;
}

/**
 * Draws a decoded image at most `limits.maxDpi` and returns RGBA. (@napi-rs/canvas already applies the EXIF
 * orientation of phone photos when decoding; a test pins that.)
 */
function rasterise(
  source: Parameters<ReturnType<ReturnType<typeof createCanvas>["getContext"]>["drawImage"]>[0],
  width: number,
  height: number,
  dpi: number,
  limits: ImageLimits,
): RasterPage {
  const scale = dpi > limits.maxDpi ? limits.targetDpi / dpi : 1;
  const w = Math.max(1, Math.round(width * scale));
  const h = Math.max(1, Math.round(height * scale));
  const ctx = createCanvas(w, h).getContext("2d");
  ctx.imageSmoothingQuality = "high";
  ctx.drawImage(source, 0, 0, w, h);
  return { image: { width: w, height: h, data: ctx.getImageData(0, 0, w, h).data }, dpi: dpi * scale };
}

export function imageInfo(bytes: Uint8Array, type: Exclude<RasterType, "tiff">): ImageInfo {
  return type === "png" ? pngInfo(bytes) : jpegInfo(bytes);
}

async function loadCanvasImage(bytes: Uint8Array, type: "png" | "jpeg", limits: ImageLimits): Promise<[RasterPage]> {
  const info = imageInfo(bytes, type);
  checkSize(info.width, info.height, limits);
  let img: Awaited<ReturnType<typeof loadImage>>;
  try {
    img = await loadImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error) {
    throw new EvidenceError("broken-image", error instanceof Error ? error.message : String(error));
  }
  if (!img.width || !img.height) throw new EvidenceError("broken-image", `${type.toUpperCase()} could not be decoded`);
  const dpi = pageDpi(img.width, img.height, info.dpi);
  return [rasterise(img, img.width, img.height, dpi, limits)];
}

function tiffToRgba(ifd: TiffIfd): RgbaImage {
  const { width, height, samplesPerPixel: spp, bitsPerSample: bits, type } = ifd;
  const src = ifd.data;
  const max = 2 ** bits - 1;
  const out = new Uint8ClampedArray(width * height * 4);
  const palette = ifd.palette;
  for (let i = 0; i < width * height; i++) {
    let r: number;
    let g: number;
    let b: number;
    if (type === 3 && palette) {
      const p = palette[src[i]!] ?? [0, 0, 0];
      [r, g, b] = [p[0] / 257, p[1] / 257, p[2] / 257];
    } else if (spp >= 3) {
      r = (src[i * spp]! * 255) / max;
      g = (src[i * spp + 1]! * 255) / max;
      b = (src[i * spp + 2]! * 255) / max;
    } else {
      r = g = b = (src[i * spp]! * 255) / max;
    }
    out[i * 4] = r;
    out[i * 4 + 1] = g;
    out[i * 4 + 2] = b;
    out[i * 4 + 3] = 255;
  }
  return { width, height, data: out };
}

function tiffPage(bytes: Uint8Array, p: number, limits: ImageLimits): RasterPage {
  let ifd: TiffIfd;
  try {
    ifd = decodeTiff(bytes, { pages: [p] })[0]!;
  } catch (error) {
    // e.g. CCITT fax or JPEG-in-TIFF compression, which the decoder does not implement.
    throw new EvidenceError("broken-image", `TIFF page ${p + 1}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const unit = ifd.resolutionUnit;
  const meta = ifd.xResolution ? (unit === 3 ? ifd.xResolution * 2.54 : unit === 2 ? ifd.xResolution : null) : null;
  const dpi = pageDpi(ifd.width, ifd.height, meta);
  const rgba = tiffToRgba(ifd);
  if (dpi <= limits.maxDpi) return { image: rgba, dpi };
  const canvas = createCanvas(ifd.width, ifd.height);
  const ctx = canvas.getContext("2d");
  const data = ctx.createImageData(ifd.width, ifd.height);
  data.data.set(rgba.data);
  ctx.putImageData(data, 0, 0);
  return rasterise(canvas, ifd.width, ifd.height, dpi, limits);
}

/** The pages of an image file, decoded one at a time on request (a multi-page TIFF would not fit in memory at once). */
export interface RasterPages {
  count: number;
  page(index: number): Promise<RasterPage>;
}

/** Checks the file's headers (size limits, page count) and returns its pages, decoded on request. */
export async function openRaster(bytes: Uint8Array, type: RasterType, limits: ImageLimits = DEFAULT_IMAGE_LIMITS): Promise<RasterPages> {
  if (type !== "tiff") {
    const [page] = await loadCanvasImage(bytes, type, limits);
    return { count: 1, page: async () => page! };
  }
  let headers: TiffIfd[];
  try {
    headers = decodeTiff(bytes, { ignoreImageData: true });
  } catch (error) {
    throw new EvidenceError("broken-image", error instanceof Error ? error.message : String(error));
  }
  if (!headers.length) throw new EvidenceError("broken-image", "TIFF without pages");
  for (const h of headers) checkSize(h.width, h.height, limits);
  return { count: headers.length, page: async (i) => tiffPage(bytes, i, limits) };
}

/** All pages decoded (small files and tests). */
export async function loadRaster(bytes: Uint8Array, type: RasterType, limits: ImageLimits = DEFAULT_IMAGE_LIMITS): Promise<RasterPage[]> {
  const pages = await openRaster(bytes, type, limits);
  return Promise.all(Array.from({ length: pages.count }, (_, i) => pages.page(i)));
}

/** Page count without decoding pixels (progress totals). */
export function rasterPageCount(bytes: Uint8Array, type: RasterType): number {
  if (type !== "tiff") return 1;
  try {
    return decodeTiff(bytes, { ignoreImageData: true }).length;
  } catch {
    return 1;
  }
}
