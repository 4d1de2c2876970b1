/**
 * Highlighter detection on page images (pure: RGBA in, regions out).
 *
 * Highlighter ink is a translucent filter: a marked spot keeps the paper's brightness in at least one channel and
 * loses some in another. So every pixel is compared with the *local paper colour* (not with white — scans are
 * off-white, photos unevenly lit), as a per-channel transmittance. Pixels that are still light but coloured are
 * candidates; dark pixels are ink, split into neutral (printed text) and coloured (seals, signatures, logos).
 * Candidates are aggregated on a ~100 dpi grid, closed/opened, split into connected components, and each component
 * is judged by shape, the ink it covers and what surrounds it before strokes are grouped into marked line regions.
 */
import type { Result } from "./result.js";
import { ok } from "./result.js";
import type { BBox, ColorName } from "./schema.js";
import {
  close,
  connectedComponents,
  open,
  type GrayImage,
  type Mask,
  type RgbaImage,
} from "./raster.js";

/** Slowly varying paper colour: one RGB estimate per block, interpolated in between. */
export interface PaperModel {
  block: number;
  cols: number;
  rows: number;
  /** cols × rows × 3, 0–255. */
  rgb: Float32Array;
  /** Per block: 1 where the image shows paper, 0 for what a phone photo shows around the sheet (desk, shadow). */
  paper: Uint8Array;
  /** Per paper block next to the surroundings: their colour (RGB), else -1. */
  outside: Float32Array;
}

export interface HighlightRegion {
  /** Axis-aligned bounds in image pixels. */
  bbox: BBox;
  /** The rotated stroke rectangle (image pixels, radians): what OCR crops and deskews. */
  center: [number, number];
  angle: number;
  length: number;
  thickness: number;
  color: ColorName;
  /** The ink's tint on white paper, #rrggbb. */
  rgb: string;
}

export type RejectReason = "seal" | "signature" | "logo" | "shading" | "tint" | "shape" | "no-text";

export interface RejectedComponent {
  bbox: BBox;
  reason: RejectReason;
  hue: HueName;
}

export interface HighlightAnalysis {
  regions: HighlightRegion[];
  rejected: RejectedComponent[];
  paper: PaperModel;
  /** Angle of the text lines (radians, positive = clockwise), from the print itself. */
  skew: number;
  /** The separated ink images, when asked for (`separate`). */
  ink?: SeparatedInk;
}

export interface HighlightOptions {
  /** Resolution of the image; sizes (stroke height, gaps) are judged in inches. */
  dpi: number;
  paper?: PaperModel;
  /** Also separate print from highlighter for OCR (SeparatedInk), in the same pass over the pixels. */
  separate?: boolean;
}

type HueName = "red" | "orange" | "yellow" | "green" | "blue" | "purple" | "pink" | "grey";

// Pixel classes, as transmittance relative to the local paper.
/** A candidate keeps ≥ this much light in its brightest channel… */
const HL_MIN_MAX = 0.7;
/** …and overall luminance (felt-tip ink on paper stays light)… */
const HL_MIN_LUM = 0.45;
/** Word's highlight palette includes full magenta (luminance 0.41): text-layer pages accept darker highlighting. */
const DIGITAL_MIN_LUM = 0.35;
/** …while one channel drops by at least this much (JPEG noise on paper stays well below). */
const HL_MIN_CHROMA = 0.1;
/** A stroke's mean tint is at least this saturated (a faded yellow marker on a scan is ~0.25). */
const STROKE_MIN_CHROMA = 0.13;
/** …and keeps its brightest channel near the paper's (single pixels vary more, see HL_MIN_MAX). */
const STROKE_MIN_MAX = 0.82;
/** Darker than this is ink, not highlighter. */
const INK_MAX_LUM = 0.6;
/** Table rules: a hairline scanned at 150–300 dpi comes out grey, not black. */
const RULE_MAX_LUM = 0.75;
/** Ink whose channels differ this much is coloured (seal red, pen blue, logos), not black print. */
const INK_COLOURED_CHROMA = 0.3;

/**
 * Stamp red: official seals are red to red-orange, faded or not; pink markers sit at ~320–335°, so the band starts
 * just above them.
 */
const STAMP_HUE_FROM = 338;
const STAMP_HUE_TO = 25;
const STAMP_MIN_CHROMA = 0.12;

/** Analysis grid resolution: fine enough for 0.1-inch strokes, coarse enough to be fast and to average noise. */
const ANALYSIS_DPI = 100;

const LUM = [0.299, 0.587, 0.114] as const;
/**
 * A pixel whose every channel keeps at least this share of the paper's is plain paper in every class above: its
 * chroma is under HL_MIN_CHROMA and its luminance over RULE_MAX_LUM.
 */
const PAPERLIKE = 1 - HL_MIN_CHROMA + 0.01;

export function estimatePaper(img: RgbaImage, dpi: number): PaperModel {
  const block = Math.max(16, Math.round(dpi * 0.4));
  const cols = Math.ceil(img.width / block);
  const rows = Math.ceil(img.height / block);
  const raw = new Float32Array(cols * rows * 3);
  const hist = new Uint32Array(256);
  const d = img.data;
  const step = dpi >= 150 ? 2 : 1;
  for (let by = 0; by < rows; by++) {
    for (let bx = 0; bx < cols; bx++) {
      const x0 = bx * block;
      const y0 = by * block;
      const x1 = Math.min(img.width, x0 + block);
      const y1 = Math.min(img.height, y0 + block);
      hist.fill(0);
      let n = 0;
      for (let y = y0; y < y1; y += step) {
        for (let x = x0; x < x1; x += step) {
          const j = (y * img.width + x) * 4;
          hist[(77 * d[j]! + 150 * d[j + 1]! + 29 * d[j + 2]!) >> 8]!++;
          n++;
        }
      }
      // The brightest ~15% of a block is paper unless the block is almost entirely covered: highlighter and ink both
      // only ever darken the paper.
      let threshold = 255;
      for (let acc = 0; threshold > 0; threshold--) {
        acc += hist[threshold]!;
        if (acc >= n * 0.15) break;
      }
      let r = 0;
      let g = 0;
      let b = 0;
      let m = 0;
      for (let y = y0; y < y1; y += step) {
        for (let x = x0; x < x1; x += step) {
          const j = (y * img.width + x) * 4;
          if ((77 * d[j]! + 150 * d[j + 1]! + 29 * d[j + 2]!) >> 8 >= threshold) {
            r += d[j]!;
            g += d[j + 1]!;
            b += d[j + 2]!;
            m++;
          }
        }
      }
      const k = (by * cols + bx) * 3;
      raw[k] = r / Math.max(1, m);
      raw[k + 1] = g / Math.max(1, m);
      raw[k + 2] = b / Math.max(1, m);
    }
  }
  // Blocks inside a long stroke or a tinted box report the tint as paper; a 5×5 median of the neighbourhood
  // replaces any block that is coloured or darker relative to it.
  const med = medianFilter(raw, cols, rows, 2);
  const fixed = new Float32Array(raw.length);
  for (let i = 0; i < cols * rows; i++) {
    const k = i * 3;
    const t = [raw[k]! / Math.max(1, med[k]!), raw[k + 1]! / Math.max(1, med[k + 1]!), raw[k + 2]! / Math.max(1, med[k + 2]!)];
    const chroma = Math.max(...t) - Math.min(...t);
    const lum = LUM[0] * t[0]! + LUM[1] * t[1]! + LUM[2] * t[2]!;
    const src = chroma > 0.05 || lum < 0.9 ? med : raw;
    fixed[k] = src[k]!;
    fixed[k + 1] = src[k + 1]!;
    fixed[k + 2] = src[k + 2]!;
  }
  return { block, cols, rows, rgb: boxSmooth(fixed, cols, rows), ...surroundings(raw, cols, rows) };
}

/**
 * What a phone photo shows around the sheet (desk, shadow): blocks clearly unlike the paper — darker, or of another
 * colour — that connect to the edge of the frame. Blocks touching them get the surroundings' colour, so that the
 * cells of the surroundings inside them can be told from paper.
 */
function surroundings(raw: Float32Array, cols: number, rows: number): Pick<PaperModel, "paper" | "outside"> {
  const n = cols * rows;
  const lum = (i: number) => LUM[0] * raw[i * 3]! + LUM[1] * raw[i * 3 + 1]! + LUM[2] * raw[i * 3 + 2]!;
  // Paper is the bright majority of the frame.
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => lum(a) - lum(b));
  const bright = order.slice(Math.floor(n * 0.5));
  const ref = [0, 1, 2].map((c) => bright.map((i) => raw[i * 3 + c]!).sort((a, b) => a - b)[bright.length >> 1] ?? 255);
  const refLum = LUM[0] * ref[0]! + LUM[1] * ref[1]! + LUM[2] * ref[2]!;
  const unlike = (i: number) => {
    const t = [0, 1, 2].map((c) => raw[i * 3 + c]! / Math.max(1, ref[c]!));
    return lum(i) < 0.7 * refLum || Math.max(...t) - Math.min(...t) > 0.15;
  };
  const paper = new Uint8Array(n).fill(1);
  const stack: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = i % cols;
    const y = (i / cols) | 0;
    if ((x === 0 || y === 0 || x === cols - 1 || y === rows - 1) && unlike(i)) {
      paper[i] = 0;
      stack.push(i);
    }
  }
  while (stack.length) {
    const i = stack.pop()!;
    const x = i % cols;
    const y = (i / cols) | 0;
    for (const [dx, dy] of [[1, 0], [-1, 0], [0, 1], [0, -1]] as const) {
      const xx = x + dx;
      const yy = y + dy;
      const j = yy * cols + xx;
      if (xx >= 0 && yy >= 0 && xx < cols && yy < rows && paper[j] && unlike(j)) {
        paper[j] = 0;
        stack.push(j);
      }
    }
  }
  const outside = new Float32Array(n * 3).fill(-1);
  for (let i = 0; i < n; i++) {
    if (!paper[i]) continue;
    const x = i % cols;
    const y = (i / cols) | 0;
    const near = [[1, 0], [-1, 0], [0, 1], [0, -1]]
      .map(([dx, dy]) => (y + dy!) * cols + x + dx!)
      .filter((j, k) => {
        const [dx, dy] = [[1, 0], [-1, 0], [0, 1], [0, -1]][k]!;
        return x + dx! >= 0 && x + dx! < cols && y + dy! >= 0 && y + dy! < rows && !paper[j];
      });
    if (!near.length) continue;
    for (let c = 0; c < 3; c++) outside[i * 3 + c] = near.reduce((sum, j) => sum + raw[j * 3 + c]!, 0) / near.length;
  }
  return { paper, outside };
}

function medianFilter(src: Float32Array, cols: number, rows: number, radius: number): Float32Array {
  const out = new Float32Array(src.length);
  const vals: number[] = [];
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < cols; x++) {
      for (let c = 0; c < 3; c++) {
        vals.length = 0;
        for (let dy = -radius; dy <= radius; dy++) {
          for (let dx = -radius; dx <= radius; dx++) {
            const xx = x + dx;
            const yy = y + dy;
            if (xx >= 0 && yy >= 0 && xx < cols && yy < rows) vals.push(src[(yy * cols + xx) * 3 + c]!);
          }
        }
        vals.sort((a, b) => a - b);
        out[(y * cols + x) * 3 + c] = vals[vals.length >> 1]!;
      }
    }
  }
  return out;
}

function boxSmooth(src: Float32Array, cols: number, rows: number): Float32Array {
  const out = new Float32Array(src.length);
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < cols; x++) {
      for (let c = 0; c < 3; c++) {
        let s = 0;
        let n = 0;
        for (let dy = -1; dy <= 1; dy++) {
          for (let dx = -1; dx <= 1; dx++) {
            const xx = x + dx;
            const yy = y + dy;
            if (xx >= 0 && yy >= 0 && xx < cols && yy < rows) {
              s += src[(yy * cols + xx) * 3 + c]!;
              n++;
            }
          }
        }
        out[(y * cols + x) * 3 + c] = s / n;
      }
    }
  }
  return out;
}

/** Paper colour per cell of a `factor`-pixel grid, bilinear between block centres. */
function paperField(paper: PaperModel, cellsX: number, cellsY: number, factor: number): Float32Array {
  const out = new Float32Array(cellsX * cellsY * 3);
  const { block, cols, rows, rgb } = paper;
  // The horizontal neighbours and weights are the same on every row of cells: worked out once.
  const x0s = new Int32Array(cellsX);
  const x1s = new Int32Array(cellsX);
  const fxs = new Float64Array(cellsX);
  for (let cx = 0; cx < cellsX; cx++) {
    const bx = Math.min(cols - 1, Math.max(0, ((cx + 0.5) * factor) / block - 0.5));
    x0s[cx] = Math.floor(bx);
    x1s[cx] = Math.min(cols - 1, x0s[cx]! + 1);
    fxs[cx] = bx - x0s[cx]!;
  }
  for (let cy = 0; cy < cellsY; cy++) {
    const by = Math.min(rows - 1, Math.max(0, ((cy + 0.5) * factor) / block - 0.5));
    const y0 = Math.floor(by);
    const y1 = Math.min(rows - 1, y0 + 1);
    const fy = by - y0;
    const top = y0 * cols * 3;
    const bottom = y1 * cols * 3;
    for (let cx = 0, o = cy * cellsX * 3; cx < cellsX; cx++, o += 3) {
      const a0 = x0s[cx]! * 3;
      const a1 = x1s[cx]! * 3;
      const fx = fxs[cx]!;
      for (let c = 0; c < 3; c++) {
        const a = rgb[top + a0 + c]! * (1 - fx) + rgb[top + a1 + c]! * fx;
        const b = rgb[bottom + a0 + c]! * (1 - fx) + rgb[bottom + a1 + c]! * fx;
        out[o + c] = Math.max(1, a * (1 - fy) + b * fy);
      }
    }
  }
  return out;
}

/** What a pixel of the marker map shows (values of `SeparatedInk.marker`). */
export const MARKER_MAP = { ink: 0, paper: 128, marker: 255 } as const;

export interface SeparatedInk {
  /**
   * Grey image for OCR with highlighter, page tint and uneven lighting removed: each pixel's brightest channel
   * relative to the local paper. Highlighter keeps one channel at paper level (→ white), black print stays dark, red
   * seals fade.
   */
  text: GrayImage;
  /**
   * Where highlighter colour lies on the paper, pixel by pixel: coloured light pixels are `marker`, dark print is
   * `ink`, the rest `paper`. It tells which letters a stroke really covers, whatever the stroke's outline.
   */
  marker: GrayImage;
}

/**
 * The separated ink of a page. What the paper model does not count as paper (a desk around a photographed sheet)
 * is left white, as are the few pixels past the last whole analysis cell at the right and bottom edges.
 */
export function separateInk(img: RgbaImage, paper: PaperModel, dpi: number): SeparatedInk {
  const ink = blankInk(img.width, img.height);
  classify(img, paper, dpi, HL_MIN_LUM, ink);
  return ink;
}

function blankInk(width: number, height: number): SeparatedInk {
  return {
    text: { width, height, data: new Uint8Array(width * height).fill(255) },
    marker: { width, height, data: new Uint8Array(width * height).fill(MARKER_MAP.paper) },
  };
}

function hueOf(r: number, g: number, b: number): { hue: number; chroma: number } {
  const mx = Math.max(r, g, b);
  const mn = Math.min(r, g, b);
  const c = mx - mn;
  if (c <= 1e-6) return { hue: 0, chroma: 0 };
  let h: number;
  if (mx === r) h = ((g - b) / c) % 6;
  else if (mx === g) h = (b - r) / c + 2;
  else h = (r - g) / c + 4;
  return { hue: (h * 60 + 360) % 360, chroma: c };
}

function hueName(r: number, g: number, b: number): HueName {
  const { hue, chroma } = hueOf(r, g, b);
  if (chroma < 0.06) return "grey";
  if (hue < 12 || hue >= 345) return "red";
  if (hue < 48) return "orange";
  if (hue < 75) return "yellow";
  if (hue < 165) return "green";
  if (hue < 260) return "blue";
  if (hue < 290) return "purple";
  return "pink";
}

/** Highlighter colours by name; a light red-hued stroke is a pink marker scanned warm, purple is reported as other. */
function colorName(h: HueName): ColorName {
  switch (h) {
    case "yellow":
    case "green":
    case "orange":
    case "blue":
    case "pink":
      return h;
    case "red":
      return "pink";
    default:
      return "other";
  }
}

/** What coloured ink of a hue usually is on an official page. */
function inkReason(h: HueName): RejectReason {
  return h === "red" || h === "pink" ? "seal" : h === "blue" || h === "purple" ? "signature" : "logo";
}

function hex(r: number, g: number, b: number): string {
  const c = (v: number) =>
    Math.max(0, Math.min(255, Math.round(v * 255)))
      .toString(16)
      .padStart(2, "0");
  return `#${c(r)}${c(g)}${c(b)}`;
}

interface Cells {
  w: number;
  h: number;
  /** Pixels per cell side. */
  f: number;
  /** Cells per inch. */
  cpi: number;
  hl: Uint16Array;
  darkNeutral: Uint16Array;
  /** Dark pixels (print or coloured ink) per cell. */
  dark: Uint16Array;
  /** Grey-or-darker neutral pixels per cell: thin table rules in a scan are lighter than print. */
  rule: Uint16Array;
  /** Pixels of stamp red (light or dark) per cell. */
  red: Uint16Array;
  /** Paper colour per cell (3 channels). */
  field: Float32Array;
  /** Summed transmittance of the candidate pixels per cell (3 channels). */
  tint: Float32Array;
}

/**
 * Per-cell pixel classes. With `ink`, the same pass also writes the separated ink images (see SeparatedInk) against
 * the same paper colour: a second pass over every pixel of a 300 dpi page costs as much again.
 */
function classify(img: RgbaImage, paper: PaperModel, dpi: number, minLum = HL_MIN_LUM, ink?: SeparatedInk): Cells {
  const f = Math.max(1, Math.round(dpi / ANALYSIS_DPI));
  const area = f * f;
  const w = Math.floor(img.width / f);
  const h = Math.floor(img.height / f);
  const field = paperField(paper, w, h, f);
  const hl = new Uint16Array(w * h);
  const darkNeutral = new Uint16Array(w * h);
  const red = new Uint16Array(w * h);
  const dark = new Uint16Array(w * h);
  const rule = new Uint16Array(w * h);
  const tint = new Float32Array(w * h * 3);
  const d = img.data;
  const text = ink?.text.data;
  const marker = ink?.marker.data;
  for (let cy = 0; cy < h; cy++) {
    const by = Math.min(paper.rows - 1, Math.floor((cy * f) / paper.block));
    for (let cx = 0; cx < w; cx++) {
      const i = cy * w + cx;
      const block = by * paper.cols + Math.min(paper.cols - 1, Math.floor((cx * f) / paper.block));
      if (!paper.paper[block]) continue;
      const pr = field[i * 3]!;
      const pg = field[i * 3 + 1]!;
      const pb = field[i * 3 + 2]!;
      const ir = 1 / pr;
      const ig = 1 / pg;
      const ib = 1 / pb;
      const iplum = 1 / (LUM[0] * pr + LUM[1] * pg + LUM[2] * pb);
      // Most pixels are paper: every channel this close to the paper's is no marker, ink, rule or stamp, so it only
      // counts towards the cell's mean colour (and its ink value, when separating).
      const lr = PAPERLIKE * pr;
      const lg = PAPERLIKE * pg;
      const lb = PAPERLIKE * pb;
      let nh = 0;
      let nn = 0;
      let nr = 0;
      let sumR = 0;
      let sumG = 0;
      let sumB = 0;
      let nd = 0;
      let nl = 0;
      let sr = 0;
      let sg = 0;
      let sb = 0;
      for (let y = cy * f; y < cy * f + f; y++) {
        let p = y * img.width + cx * f;
        let j = p * 4;
        for (let x = 0; x < f; x++, j += 4, p++) {
          const R = d[j]!;
          const G = d[j + 1]!;
          const B = d[j + 2]!;
          sumR += R;
          sumG += G;
          sumB += B;
          if (R >= lr && G >= lg && B >= lb) {
            if (text) {
              const m = Math.min(1, Math.max(R * ir, G * ig, B * ib));
              text[p] = (m * 255 + 0.5) | 0;
              marker![p] = MARKER_MAP.paper;
            }
            continue;
          }
          const r0 = R * ir;
          const g0 = G * ig;
          const b0 = B * ib;
          const r = r0 < 1 ? r0 : 1;
          const g = g0 < 1 ? g0 : 1;
          const b = b0 < 1 ? b0 : 1;
          const mx = r > g ? (r > b ? r : b) : g > b ? g : b;
          const mn = r < g ? (r < b ? r : b) : g < b ? g : b;
          const chroma = mx - mn;
          const lum = (0.299 * R + 0.587 * G + 0.114 * B) * iplum; // LUM, spelt out in the hottest loop
          const isMarker = lum >= minLum && mx >= HL_MIN_MAX && chroma >= HL_MIN_CHROMA;
          if (isMarker) {
            nh++;
            sr += r;
            sg += g;
            sb += b;
          }
          if (lum < INK_MAX_LUM) {
            nd++;
            if (chroma < INK_COLOURED_CHROMA) nn++;
          }
          if (!isMarker && lum < RULE_MAX_LUM && chroma < INK_COLOURED_CHROMA) nl++;
          if (chroma >= STAMP_MIN_CHROMA && r === mx) {
            // Hue in (-60, 60] around red, without the modulo.
            const hue = ((g - b) / chroma) * 60;
            if (hue >= STAMP_HUE_FROM - 360 || hue < STAMP_HUE_TO) nr++;
          }
          if (text) {
            text[p] = (mx * 255 + 0.5) | 0;
            marker![p] = mx < INK_MAX_LUM ? MARKER_MAP.ink : chroma >= HL_MIN_CHROMA ? MARKER_MAP.marker : MARKER_MAP.paper;
          }
        }
      }
      // At the sheet's edge a block is part paper, part desk: cells closer to the desk's colour are desk.
      if (paper.outside[block * 3]! >= 0) {
        let dDesk = 0;
        let dPaper = 0;
        const mean = [sumR / area, sumG / area, sumB / area];
        for (let c = 0; c < 3; c++) {
          dDesk += (mean[c]! - paper.outside[block * 3 + c]!) ** 2;
          dPaper += (mean[c]! - field[i * 3 + c]!) ** 2;
        }
        if (dDesk < dPaper) nh = sr = sg = sb = 0;
      }
      hl[i] = nh;
      darkNeutral[i] = nn;
      red[i] = nr;
      dark[i] = nd;
      rule[i] = nl;
      tint[i * 3] = sr;
      tint[i * 3 + 1] = sg;
      tint[i * 3 + 2] = sb;
    }
  }
  return { w, h, f, cpi: dpi / f, hl, darkNeutral, dark, rule, red, field, tint };
}

/** Per-cell marker candidates: pixel counts and their summed transmittance. */
interface MarkerCounts {
  hl: Uint16Array;
  tint: Float32Array;
}

function markerMask(counts: MarkerCounts, w: number, h: number, area: number): Mask {
  const data = new Uint8Array(w * h);
  for (let i = 0; i < w * h; i++) data[i] = counts.hl[i]! >= Math.max(1, 0.35 * area) ? 1 : 0;
  return { width: w, height: h, data };
}

/** Marker candidates inside a cell box that are more saturated than `minChroma` (a stroke over a shaded area). */
function strongerInk(img: RgbaImage, cells: Cells, box: [number, number, number, number], minChroma: number): MarkerCounts {
  const { w, f, field } = cells;
  const hl = new Uint16Array(cells.hl.length);
  const tint = new Float32Array(cells.tint.length);
  const d = img.data;
  for (let cy = box[1]; cy < box[3]; cy++) {
    for (let cx = box[0]; cx < box[2]; cx++) {
      const i = cy * w + cx;
      const pr = field[i * 3]!;
      const pg = field[i * 3 + 1]!;
      const pb = field[i * 3 + 2]!;
      const plum = LUM[0] * pr + LUM[1] * pg + LUM[2] * pb;
      for (let y = cy * f; y < cy * f + f; y++) {
        for (let x = cx * f, j = (y * img.width + x) * 4; x < cx * f + f; x++, j += 4) {
          const r = Math.min(1, d[j]! / pr);
          const g = Math.min(1, d[j + 1]! / pg);
          const b = Math.min(1, d[j + 2]! / pb);
          const mx = Math.max(r, g, b);
          const lum = (LUM[0] * d[j]! + LUM[1] * d[j + 1]! + LUM[2] * d[j + 2]!) / plum;
          if (lum >= HL_MIN_LUM && mx >= HL_MIN_MAX && mx - Math.min(r, g, b) >= minChroma) {
            hl[i]!++;
            tint[i * 3]! += r;
            tint[i * 3 + 1]! += g;
            tint[i * 3 + 2]! += b;
          }
        }
      }
    }
  }
  return { hl, tint };
}

interface Stroke {
  members: Int32Array;
  /** Rotated-rectangle geometry in cells. */
  cx: number;
  cy: number;
  angle: number;
  length: number;
  thickness: number;
  fill: number;
  bbox: [number, number, number, number];
  tint: [number, number, number];
  hue: HueName;
  /** Found inside a shaded area (a marker stroke over a shaded cell). */
  inner: boolean;
}

/**
 * Rotated-rectangle geometry of a set of cells: the principal axis, or `skew` (the print's direction) when the set
 * is too round for its principal axis to mean anything (a one-word stroke).
 */
function geometry(members: Int32Array, w: number, skew = 0): Omit<Stroke, "tint" | "hue" | "members" | "inner"> {
  let sx = 0;
  let sy = 0;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const i of members) {
    const x = i % w;
    const y = (i / w) | 0;
    sx += x;
    sy += y;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  const n = members.length;
  const mx = sx / n;
  const my = sy / n;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (const i of members) {
    const dx = (i % w) - mx;
    const dy = ((i / w) | 0) - my;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  let angle = 0.5 * Math.atan2(2 * sxy, sxx - syy);
  // Keep the long axis near horizontal: strokes follow text lines.
  if (angle > Math.PI / 2) angle -= Math.PI;
  if (angle < -Math.PI / 2) angle += Math.PI;
  // Eigenvalue ratio of the second moments: below ~2 (length/thickness ≲ 1.4) the axis is noise.
  const spread = Math.sqrt((sxx - syy) ** 2 + 4 * sxy ** 2);
  if ((sxx + syy + spread) / Math.max(1e-9, sxx + syy - spread) < 2) angle = skew;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  let minU = Infinity;
  let maxU = -Infinity;
  let minV = Infinity;
  let maxV = -Infinity;
  for (const i of members) {
    const dx = (i % w) - mx;
    const dy = ((i / w) | 0) - my;
    const u = dx * cos + dy * sin;
    const v = -dx * sin + dy * cos;
    if (u < minU) minU = u;
    if (u > maxU) maxU = u;
    if (v < minV) minV = v;
    if (v > maxV) maxV = v;
  }
  const length = maxU - minU + 1;
  const thickness = maxV - minV + 1;
  const cu = (minU + maxU) / 2;
  const cv = (minV + maxV) / 2;
  return {
    cx: mx + cu * cos - cv * sin,
    cy: my + cu * sin + cv * cos,
    angle,
    length,
    thickness,
    fill: Math.min(1, n / (length * thickness)),
    bbox: [minX, minY, maxX + 1, maxY + 1],
  };
}

/**
 * Fraction of positions along one edge of the rotated rectangle where dark neutral ink runs parallel to it just
 * outside the edge, at the best single offset: a table rule is a continuous line; the letters of a neighbouring text
 * line leave gaps between and inside glyphs.
 */
function ruleAlongEdge(s: Stroke, dark: Uint8Array, w: number, h: number, side: "top" | "bottom" | "left" | "right"): number {
  const cos = Math.cos(s.angle);
  const sin = Math.sin(s.angle);
  const horizontalEdge = side === "top" || side === "bottom";
  const along = horizontalEdge ? s.length : s.thickness;
  const sign = side === "top" || side === "left" ? -1 : 1;
  const half = horizontalEdge ? s.thickness / 2 : s.length / 2;
  let best = 0;
  for (let off = 0; off <= 3; off++) {
    let hits = 0;
    let total = 0;
    for (let t = -along / 2 + 1; t <= along / 2 - 1; t++) {
      total++;
      let hit = false;
      // ±1 cell across the edge absorbs the rounding of a skewed rule onto the grid.
      for (let d = -1; d <= 1 && !hit; d++) {
        const n = sign * (half + off + d);
        const u = horizontalEdge ? t : n;
        const v = horizontalEdge ? n : t;
        const x = Math.round(s.cx + u * cos - v * sin);
        const y = Math.round(s.cy + u * sin + v * cos);
        hit = x >= 0 && y >= 0 && x < w && y < h && dark[y * w + x] === 1;
      }
      if (hit) hits++;
    }
    if (total > 0) best = Math.max(best, hits / total);
  }
  return best;
}

/** Cells where at least a fifth is dark neutral print, and where it is ruling (table lines). */
function printMasks(cells: { w: number; h: number; darkNeutral: ArrayLike<number>; rule: ArrayLike<number> }, area: number): { darkN: Uint8Array; rules: Uint8Array } {
  const n = cells.w * cells.h;
  const darkN = new Uint8Array(n);
  const rules = new Uint8Array(n);
  const min = Math.max(1, 0.2 * area);
  for (let i = 0; i < n; i++) {
    darkN[i] = cells.darkNeutral[i]! >= min ? 1 : 0;
    rules[i] = cells.rule[i]! >= min ? 1 : 0;
  }
  return { darkN, rules };
}

export function detectHighlights(img: RgbaImage, options: HighlightOptions): Result<HighlightAnalysis> {
  const dpi = options.dpi;
  const paper = options.paper ?? estimatePaper(img, dpi);
  const ink = options.separate ? blankInk(img.width, img.height) : undefined;
  const cells = classify(img, paper, dpi, HL_MIN_LUM, ink);
  const { w, h, f, cpi } = cells;
  const area = f * f;
  const { darkN, rules } = printMasks(cells, area);
  // Cells with print, as judged against the component being examined (filled by inkAround for its surroundings).
  const print = new Uint8Array(w * h);
  const inch = (x: number) => Math.max(1, Math.round(x * cpi));
  const mask = open(close(markerMask(cells, w, h, area), inch(0.035), inch(0.012)), inch(0.02), inch(0.025));
  const { members } = connectedComponents(mask);
  const seals = sealZones(cells);
  const skew = estimateSkew(darkN, w, h);
  const inSeal = (g: { cx: number; cy: number }) => seals.some(([x0, y0, x1, y1]) => g.cx >= x0 && g.cx <= x1 && g.cy >= y0 && g.cy <= y1);

  const accepted: Stroke[] = [];
  const rejected: RejectedComponent[] = [];
  const toPx = (b: [number, number, number, number]): BBox => [b[0] * f, b[1] * f, (b[2] - b[0]) * f, (b[3] - b[1]) * f];
  const minArea = (0.1 * cpi) ** 2;
  type Job = { m: Int32Array; split: boolean; src: MarkerCounts; inner: boolean };
  const queue: Job[] = members.filter((m) => m.length >= minArea).map((m) => ({ m, split: false, src: cells, inner: false }));
  for (let q = queue.shift(); q; q = queue.shift()) {
    const { m, src } = q;
    const g = geometry(m, w, skew);
    // A round patch of colour as tall as it is wide (a logo's disc, a stamp's pad) is not lines of highlighting.
    if (!q.split && g.thickness / cpi > 0.38 && g.length < 1.5 * g.thickness && g.fill < 0.85) {
      const k = m[0]! * 3;
      rejected.push({ bbox: toPx(g.bbox), reason: "logo", hue: hueName(cells.tint[k]!, cells.tint[k + 1]!, cells.tint[k + 2]!) });
      continue;
    }
    // Highlighting on consecutive lines touches (Word backgrounds always do): cut it back into lines first.
    if (!q.split && g.thickness / cpi > 0.38) {
      const pieces = splitLines(m, { ...g, angle: skew }, darkN, w, cpi).filter((p) => p.length >= minArea);
      if (pieces.length > 1) {
        queue.push(...pieces.map((p) => ({ ...q, m: p, split: true })));
        continue;
      }
    }
    let sr = 0;
    let sg = 0;
    let sb = 0;
    let nh = 0;
    let darkPx = 0;
    for (const i of m) {
      darkPx += cells.dark[i]!;
      sr += src.tint[i * 3]!;
      sg += src.tint[i * 3 + 1]!;
      sb += src.tint[i * 3 + 2]!;
      nh += src.hl[i]!;
    }
    const tint: [number, number, number] = [sr / nh, sg / nh, sb / nh];
    const hue = hueName(...tint);
    const stroke: Stroke = { ...g, members: m, tint, hue, inner: q.inner };
    const reject = (reason: RejectReason) => {
      rejected.push({ bbox: toPx(g.bbox), reason, hue });
      // A marker stroke over a shaded cell or tinted box merges with it: look inside for ink clearly stronger than
      // the shading's own colour.
      if ((reason === "shading" || reason === "tint") && !q.inner) {
        const strong = strongerInk(img, cells, g.bbox, hueOf(...tint).chroma + 0.15);
        const inner = connectedComponents(open(close(markerMask(strong, w, h, area), inch(0.035), inch(0.012)), inch(0.02), inch(0.025)));
        queue.push(...inner.members.filter((p) => p.length >= minArea).map((p) => ({ m: p, split: false, src: strong, inner: true })));
      }
    };

    const ink = inkAround(img, cells, g.bbox, inch(0.05), tint, print);
    let textCells = 0;
    for (const i of m) textCells += print[i]!;
    const dark = Math.max(1, ink.print + ink.foreign + ink.ownInk);
    // Enough coloured ink to matter: a few letters' worth, or a good part of a small component.
    const minInk = Math.min(0.005 * dpi * dpi, 0.1 * m.length * area);
    const thicknessIn = g.thickness / cpi;
    const lengthIn = g.length / cpi;
    const ownReason = inkReason(hue);

    if (ink.foreign > 0.35 * dark && ink.foreign >= minInk) reject(inkReason(ink.foreignHue));
    else if (ink.ownInk > 0.35 * dark && ink.ownInk >= minInk) reject(ownReason);
    else if ((hue === "red" || hue === "pink") && inSeal(g)) reject("seal");
    // Marker ink covers most of a stroke; light fringes of dark coloured things (white text on a navy banner, pen
    // strokes, logo edges) are mostly dark inside.
    else if (nh < 0.5 * m.length * area) reject(darkPx > nh ? ownReason : "shape");
    else if (thicknessIn > 0.6) reject(lengthIn * thicknessIn > 1.5 && g.fill > 0.6 ? "tint" : hue === "red" ? "seal" : "logo");
    else if (Math.abs(g.angle) > (15 * Math.PI) / 180) reject(ownReason === "logo" ? "shape" : ownReason);
    // A felt-tip's edges wobble and its tips slant, more so when pressed hard; a pen scribble fills far less.
    else if (g.fill < 0.4) reject(ownReason === "logo" ? "shape" : ownReason);
    else if (thicknessIn < 0.09 || lengthIn < 0.12) reject("shape");
    else if (textCells / m.length < 0.02) reject("no-text");
    // Paler than any marker: a tinted band or a light table fill that came out spotty.
    else if (hueOf(...tint).chroma < STROKE_MIN_CHROMA) reject("tint");
    // Translucent marker ink leaves one channel near the paper's; a flat colour area (a logo) does not.
    else if (Math.max(...tint) < STROKE_MIN_MAX) reject("logo");
    else if (isShading(stroke, darkN, print, rules, w, h, cpi)) reject("shading");
    else accepted.push(stroke);
  }

  // A piece of a shaded table row or tinted box that came apart from it (split lines, a gap at a rule) is shading too.
  const shaded = rejected.filter((r) => r.reason === "shading" || r.reason === "tint").map((r) => r.bbox);
  const inShade = (s: Stroke) => {
    const b = toPx(s.bbox);
    return shaded.some((z) => {
      const ix = Math.min(b[0] + b[2], z[0] + z[2]) - Math.max(b[0], z[0]);
      const iy = Math.min(b[1] + b[3], z[1] + z[3]) - Math.max(b[1], z[1]);
      return ix > 0 && iy > 0 && ix * iy >= 0.8 * b[2] * b[3];
    });
  };
  const outside = accepted.filter((s) => s.inner || !inShade(s));
  for (const s of accepted.filter((s) => !outside.includes(s))) rejected.push({ bbox: toPx(s.bbox), reason: "shading", hue: s.hue });
  const regions = groupStrokes(outside, w, cpi).map((s): HighlightRegion => {
    const cos = Math.cos(s.angle);
    const sin = Math.sin(s.angle);
    const cx = (s.cx + 0.5) * f;
    const cy = (s.cy + 0.5) * f;
    const L = s.length * f;
    const T = s.thickness * f;
    const xs = [-1, 1].flatMap((a) => [-1, 1].map((b) => cx + (a * L * cos) / 2 - (b * T * sin) / 2));
    const ys = [-1, 1].flatMap((a) => [-1, 1].map((b) => cy + (a * L * sin) / 2 + (b * T * cos) / 2));
    const bx0 = Math.max(0, Math.min(...xs));
    const by0 = Math.max(0, Math.min(...ys));
    const bx1 = Math.min(img.width, Math.max(...xs));
    const by1 = Math.min(img.height, Math.max(...ys));
    return {
      bbox: [Math.round(bx0), Math.round(by0), Math.round(bx1 - bx0), Math.round(by1 - by0)],
      center: [cx, cy],
      angle: s.angle,
      length: L,
      thickness: T,
      color: colorName(s.hue),
      rgb: hex(...s.tint),
    };
  });
  regions.sort((a, b) => a.bbox[1] - b.bbox[1] || a.bbox[0] - b.bbox[0]);
  return ok({ regions, rejected, paper, skew, ...(ink ? { ink } : {}) });
}

/**
 * Where the stamps are: red pixels (faded ring, lettering, emblem) gathered into clusters the size and shape of an
 * official seal. A red or pink "stroke" inside one is a piece of the stamp, whatever its own shape.
 */
function sealZones(cells: Cells): [number, number, number, number][] {
  const { w, h, f, cpi } = cells;
  const mask: Mask = { width: w, height: h, data: new Uint8Array(w * h) };
  for (let i = 0; i < w * h; i++) mask.data[i] = cells.red[i]! >= Math.max(1, 0.25 * f * f) ? 1 : 0;
  const r = Math.max(1, Math.round(0.06 * cpi));
  const zones: [number, number, number, number][] = [];
  for (const m of connectedComponents(close(mask, r, r)).members) {
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (const i of m) {
      const x = i % w;
      const y = (i / w) | 0;
      x0 = Math.min(x0, x);
      y0 = Math.min(y0, y);
      x1 = Math.max(x1, x + 1);
      y1 = Math.max(y1, y + 1);
    }
    const wi = (x1 - x0) / cpi;
    const hi = (y1 - y0) / cpi;
    if (wi >= 0.5 && hi >= 0.5 && wi <= 2.6 && hi <= 2.6 && Math.max(wi, hi) / Math.min(wi, hi) <= 1.7) {
      const pad = 0.05 * cpi;
      zones.push([x0 - pad, y0 - pad, x1 + pad, y1 + pad]);
    }
  }
  return zones;
}

/**
 * Skew of the print by projection profiles: rotated the right way, rows of text collapse into sharp peaks, which
 * maximises the sum of squared row counts. Coarse search over ±6°, then a finer one around the best angle.
 */
export function estimateSkew(dark: Uint8Array, w: number, h: number): number {
  let n = 0;
  for (let i = 0; i < w * h; i++) if (dark[i]) n++;
  if (n < 50) return 0;
  // Typed arrays: a scanned page at 200 dpi has a few hundred thousand dark pixels, scored at 60 angles.
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  for (let i = 0, k = 0; i < w * h; i++) {
    if (dark[i]) {
      xs[k] = i % w;
      ys[k++] = (i / w) | 0;
    }
  }
  const span = w + h;
  const bins = new Float64Array(2 * span + 2);
  // On a full page the coarse search scores every 4th dark pixel (in reading order, so no rows are left out) and the
  // fine one every 2nd — still 100,000 and more; a sparse page has too few for that.
  let stride = n > 100_000 ? 4 : 1;
  const score = (angle: number): number => {
    bins.fill(0);
    const sin = Math.sin(angle);
    const cos = Math.cos(angle);
    // The offset keeps the index positive, so truncation rounds.
    for (let k = 0; k < n; k += stride) bins[(-xs[k]! * sin + ys[k]! * cos + span + 0.5) | 0]!++;
    let s = 0;
    for (let b = 0; b < bins.length; b++) s += bins[b]! * bins[b]!;
    return s;
  };
  const search = (from: number, to: number, step: number): number => {
    let best = 0;
    let bestScore = -1;
    for (let deg = from; deg <= to + 1e-9; deg += step) {
      const sc = score((deg * Math.PI) / 180);
      if (sc > bestScore) {
        bestScore = sc;
        best = deg;
      }
    }
    return best;
  };
  const coarse = search(-6, 6, 0.25);
  stride = n > 200_000 ? 2 : 1;
  return (search(coarse - 0.25, coarse + 0.25, 0.05) * Math.PI) / 180;
}

interface InkCount {
  /** Dark pixels that can be print under the stroke (neutral, or tinted by the stroke itself). */
  print: number;
  /** Dark saturated pixels of another hue than the stroke: seal, pen or logo ink. */
  foreign: number;
  /** Hue of most foreign ink. */
  foreignHue: HueName;
  /** Dark pixels of the stroke's own hue but more saturated than the stroke could tint print: ink of that colour. */
  ownInk: number;
}

/**
 * Dark pixels in and right around a component, split into print and coloured ink, and the cells holding print marked
 * in `printCells`. Print under a marker is tinted by it (the pixel is the marker's transmittance times a grey, so
 * never more saturated than the marker), and JPEG chroma subsampling bleeds the marker's colour into the letters, no
 * more saturated either. Ink of the marker's hue that is more saturated than the marker is not print: a faded stamp's
 * fringe looks like a pink stroke around its red ink, blue link text has a light-blue fringe.
 */
function inkAround(
  img: RgbaImage,
  cells: Cells,
  bbox: [number, number, number, number],
  pad: number,
  tint: [number, number, number],
  printCells: Uint8Array,
): InkCount {
  const { f, w, h, field } = cells;
  const stroke = hueOf(...tint);
  const d = img.data;
  const count: InkCount = { print: 0, foreign: 0, foreignHue: "grey", ownInk: 0 };
  const hues = new Map<HueName, number>();
  for (let cy = Math.max(0, bbox[1] - pad); cy < Math.min(h, bbox[3] + pad); cy++) {
    for (let cx = Math.max(0, bbox[0] - pad); cx < Math.min(w, bbox[2] + pad); cx++) {
      const k = (cy * w + cx) * 3;
      const pr = field[k]!;
      const pg = field[k + 1]!;
      const pb = field[k + 2]!;
      const plum = LUM[0] * pr + LUM[1] * pg + LUM[2] * pb;
      let printHere = 0;
      for (let y = cy * f; y < cy * f + f; y++) {
        for (let x = cx * f, j = (y * img.width + x) * 4; x < cx * f + f; x++, j += 4) {
          const lum = (LUM[0] * d[j]! + LUM[1] * d[j + 1]! + LUM[2] * d[j + 2]!) / plum;
          if (lum >= INK_MAX_LUM) continue;
          const r = Math.min(1, d[j]! / pr);
          const g = Math.min(1, d[j + 1]! / pg);
          const b = Math.min(1, d[j + 2]! / pb);
          const px = hueOf(r, g, b);
          const dh = Math.abs(px.hue - stroke.hue);
          if (px.chroma < INK_COLOURED_CHROMA || (Math.min(dh, 360 - dh) < 35 && px.chroma <= stroke.chroma + 0.08)) {
            count.print++;
            printHere++;
          } else if (Math.min(dh, 360 - dh) < 35) {
            count.ownInk++;
          } else {
            count.foreign++;
            const name = hueName(r, g, b);
            hues.set(name, (hues.get(name) ?? 0) + 1);
          }
        }
      }
      printCells[cy * w + cx] = printHere >= Math.max(1, 0.2 * f * f) ? 1 : 0;
    }
  }
  count.foreignHue = [...hues.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "grey";
  return count;
}

/**
 * Coloured table cells and shaded bands: near-perfect rectangles bounded by ruling lines on two opposite sides.
 * A marker stroke is drawn over the words inside a cell and stops short of the rules.
 */
function isShading(s: Stroke, dark: Uint8Array, print: Uint8Array, rules: Uint8Array, w: number, h: number, cpi: number): boolean {
  if (crossedByRule(s, rules, w, h, cpi)) return true;
  if (s.fill < 0.85) return false;
  if (textCoverage(s, print, w, h, cpi) < 0.55) return true;
  const top = ruleAlongEdge(s, dark, w, h, "top");
  const bottom = ruleAlongEdge(s, dark, w, h, "bottom");
  const left = ruleAlongEdge(s, dark, w, h, "left");
  const right = ruleAlongEdge(s, dark, w, h, "right");
  return (top > 0.9 && bottom > 0.9) || (left > 0.9 && right > 0.9);
}

/**
 * A table rule crossing the stroke: a column of print through the whole stroke that also carries on past one of its
 * edges, away from its ends. A shaded header row is cut by the rules between its cells; a marker stroke over text
 * never is (letters stay within their line).
 */
function crossedByRule(s: Stroke, dark: Uint8Array, w: number, h: number, cpi: number): boolean {
  const cos = Math.cos(s.angle);
  const sin = Math.sin(s.angle);
  const margin = 0.1 * cpi;
  const darkAt = (u: number, v: number) => {
    for (let du = -1; du <= 1; du++) {
      const x = Math.round(s.cx + (u + du) * cos - v * sin);
      const y = Math.round(s.cy + (u + du) * sin + v * cos);
      if (x >= 0 && y >= 0 && x < w && y < h && dark[y * w + x]) return true;
    }
    return false;
  };
  const inner = 0.45 * s.thickness;
  // The rule goes on into the next table row; a letter ends within its line.
  const reach = Math.max(3, Math.round(0.12 * cpi));
  const beyond = (u: number, sign: number) => {
    let n = 0;
    for (let d = 2; d < 2 + reach; d++) if (darkAt(u, sign * (s.thickness / 2 + d))) n++;
    return n >= 0.9 * reach;
  };
  for (let u = -s.length / 2 + margin; u <= s.length / 2 - margin; u++) {
    let hits = 0;
    let total = 0;
    for (let v = -inner; v <= inner; v++, total++) if (darkAt(u, v)) hits++;
    if (hits >= 0.95 * total && (beyond(u, -1) || beyond(u, 1))) return true;
  }
  return false;
}

/**
 * Cuts a multi-line block of highlighting at the gaps between its text lines: rows (across the block's axis) where
 * the print profile drops to almost nothing, at least a small line height apart.
 */
function splitLines(m: Int32Array, g: ReturnType<typeof geometry>, dark: Uint8Array, w: number, cpi: number): Int32Array[] {
  // Across the print's own direction (page skew): a block's principal axis tilts when its last line is short.
  const cos = Math.cos(g.angle);
  const sin = Math.sin(g.angle);
  const span = g.length + g.thickness;
  const vOf = (i: number) => Math.round(-((i % w) - g.cx) * sin + (((i / w) | 0) - g.cy) * cos + span / 2);
  const rows = Math.ceil(span) + 2;
  const profile = new Float64Array(rows);
  const width = new Float64Array(rows);
  for (const i of m) {
    const v = vOf(i);
    if (v < 0 || v >= rows) continue;
    width[v]!++;
    if (dark[i]) profile[v]!++;
  }
  // Print per highlighted cell, not print per row: a short line marked above a long one has far less print in all.
  // Rows narrower than this are a stroke's tips, too few cells to judge.
  const minWidth = Math.max(3, 0.15 * cpi);
  for (let v = 0; v < rows; v++) profile[v] = width[v]! >= minWidth ? profile[v]! / width[v]! : 0;
  // Peaks from a smoothed profile (one line's print), valleys from the raw one: the gap between touching lines can be
  // a single row. Cuts go in the middle of each gap that has print on both sides.
  const smooth = profile.map((_, v) => ((profile[v - 1] ?? 0) + profile[v]! + (profile[v + 1] ?? 0)) / 3);
  const peak = Math.max(...smooth);
  const high = [...smooth.keys()].filter((v) => smooth[v]! >= 0.3 * peak);
  const first = high[0] ?? 0;
  const last = high[high.length - 1] ?? 0;
  const cuts: number[] = [];
  for (let v = first; v <= last; v++) {
    if (profile[v]! > 0.1 * peak) continue;
    let end = v;
    while (end + 1 <= last && profile[end + 1]! <= 0.1 * peak) end++;
    // Lines of different lengths: the highlighting changes width exactly where one line's box meets the next.
    let cut = Math.round((v + end) / 2);
    let step = 0.2 * Math.max(1, ...width.slice(v, end + 1));
    for (let k = Math.max(1, v - 2); k <= Math.min(rows - 1, end + 3); k++) {
      const change = Math.abs(width[k]! - width[k - 1]!);
      if (change > step) {
        step = change;
        cut = k;
      }
    }
    if (cut - (cuts[cuts.length - 1] ?? first) >= 0.12 * cpi) cuts.push(cut);
    v = end;
  }
  // Each band must hold a line's body, not only the tone marks above it that a wide stroke also covers.
  const body = (from: number, to: number) => smooth.slice(from, to).filter((x) => x >= 0.3 * peak).length >= 0.06 * cpi;
  for (let k = 0; k < cuts.length; k++) {
    const from = cuts[k - 1] ?? first;
    if (!body(from, cuts[k]!) || !body(cuts[k]!, cuts[k + 1] ?? last + 1)) cuts.splice(k--, 1);
  }
  if (!cuts.length) return [m];
  const bands = Array.from({ length: cuts.length + 1 }, () => [] as number[]);
  for (const i of m) {
    const v = vOf(i);
    let band = 0;
    while (band < cuts.length && v >= cuts[band]!) band++;
    bands[band]!.push(i);
  }
  // A stroke drawn at a slightly different slope than the print crosses a cut at its ends and leaves a few rows in the
  // next band: columns of a band only a sliver high belong to the neighbouring line's stroke.
  const sliver = Math.max(2, 0.04 * cpi);
  return bands
    .map((b) => {
      const columns = new Map<number, number>();
      for (const i of b) columns.set(i % w, (columns.get(i % w) ?? 0) + 1);
      return b.filter((i) => columns.get(i % w)! >= sliver);
    })
    .filter((b) => b.length)
    .map((b) => Int32Array.from(b));
}

/**
 * Share of a stroke's length that has print under it, word gaps included. A marker is drawn along the words it marks;
 * a shaded table cell or band spans the cell, with its few words somewhere inside.
 */
function textCoverage(s: Stroke, dark: Uint8Array, w: number, h: number, cpi: number): number {
  const cos = Math.cos(s.angle);
  const sin = Math.sin(s.angle);
  const bins = Math.max(1, Math.round(s.length));
  const has = new Uint8Array(bins);
  for (let k = 0; k < bins; k++) {
    const u = k - s.length / 2 + 0.5;
    for (let v = -s.thickness / 2; v <= s.thickness / 2 && !has[k]; v++) {
      const x = Math.round(s.cx + u * cos - v * sin);
      const y = Math.round(s.cy + u * sin + v * cos);
      if (x >= 0 && y >= 0 && x < w && y < h && dark[y * w + x]) has[k] = 1;
    }
  }
  // Gaps between words and letters count as marked text; only longer empty stretches do not.
  const maxGap = 0.15 * cpi;
  let covered = 0;
  let last = -1;
  for (let k = 0; k < bins; k++) {
    if (!has[k]) continue;
    covered += last >= 0 && k - last - 1 <= maxGap ? k - last : 1;
    last = k;
  }
  return covered / bins;
}

/** Strokes on the same text line and close together (a pen lifted mid-phrase) become one marked region. */
function groupStrokes(strokes: Stroke[], w: number, cpi: number): Stroke[] {
  const parent = strokes.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const maxGap = 0.12 * cpi;
  for (let i = 0; i < strokes.length; i++) {
    for (let j = i + 1; j < strokes.length; j++) {
      const a = strokes[i]!;
      const b = strokes[j]!;
      if (colorName(a.hue) !== colorName(b.hue)) continue;
      const angle = (a.angle + b.angle) / 2;
      const cos = Math.cos(angle);
      const sin = Math.sin(angle);
      const du = (b.cx - a.cx) * cos + (b.cy - a.cy) * sin;
      const dv = -(b.cx - a.cx) * sin + (b.cy - a.cy) * cos;
      if (Math.abs(dv) > 0.5 * Math.max(a.thickness, b.thickness)) continue;
      const gap = Math.abs(du) - (a.length + b.length) / 2;
      if (gap <= maxGap) parent[find(j)] = find(i);
    }
  }
  const groups = new Map<number, Stroke[]>();
  strokes.forEach((s, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), s]);
  });
  return [...groups.values()].map((group) => {
    if (group.length === 1) return group[0]!;
    const members = new Int32Array(group.reduce((n, s) => n + s.members.length, 0));
    let o = 0;
    for (const s of group) {
      members.set(s.members, o);
      o += s.members.length;
    }
    const weight = (s: Stroke) => s.members.length / members.length;
    const tint: [number, number, number] = [0, 1, 2].map((c) => group.reduce((t, s) => t + s.tint[c]! * weight(s), 0)) as [
      number,
      number,
      number,
    ];
    return { ...geometry(members, w), members, tint, hue: group[0]!.hue, inner: group.some((s) => s.inner) };
  });
}

/** Least saturation of text highlighting on text-layer pages (Word's highlight colours are fully saturated; the pale
 * fills used for table shading stay below 0.2). */
const DIGITAL_MIN_CHROMA = 0.25;

/** A text line known from a PDF text layer, in image pixels. */
export interface TextLineBox {
  x0: number;
  x1: number;
  baseline: number;
  /** Font size in pixels. */
  size: number;
}

export interface MarkedSpan {
  /** Index into the given lines. */
  line: number;
  /** The marked stretch of that line (image pixels). */
  bbox: BBox;
  color: ColorName;
  rgb: string;
}

/**
 * Marker ink along known text lines (text-layer PDF pages): for each line, the stretches where the band just above
 * its baseline is highlighted. Line by line is exact where raster blobs are not: Word paints each line's background
 * as a box that overlaps the next line's, so highlighting on consecutive lines fuses into one stepped blob. The same
 * distractor tests apply to each stretch as to a stroke.
 */
export function markedSpans(img: RgbaImage, options: HighlightOptions & { lines: TextLineBox[] }): Result<{ spans: MarkedSpan[]; rejected: RejectedComponent[] }> {
  const { dpi, lines } = options;
  const paper = options.paper ?? estimatePaper(img, dpi);
  const cells = classify(img, paper, dpi, DIGITAL_MIN_LUM);
  const { w, h, f, cpi } = cells;
  const area = f * f;
  const { darkN, rules } = printMasks(cells, area);
  const inch = (x: number) => Math.max(1, Math.round(x * cpi));
  const mask = close(markerMask(cells, w, h, area), inch(0.035), inch(0.012));
  // Stamps only matter for red or pink highlighting, which is rare on text-layer pages: find them on demand.
  let seals: [number, number, number, number][] | null = null;
  const scratch = new Uint8Array(w * h);
  const spans: MarkedSpan[] = [];
  const rejected: RejectedComponent[] = [];
  lines.forEach((line, index) => {
    // The body of the letters (x-height band): a line's own highlighting covers all of it, the box of a neighbouring
    // line's highlighting only reaches into part of it.
    const top = Math.max(0, Math.floor((line.baseline - 0.55 * line.size) / f));
    const bottom = Math.min(h - 1, Math.ceil((line.baseline - 0.05 * line.size) / f));
    const left = Math.max(0, Math.floor(line.x0 / f) - inch(0.1));
    const right = Math.min(w - 1, Math.ceil(line.x1 / f) + inch(0.1));
    if (bottom < top || right <= left) return;
    const rows = bottom - top + 1;
    const marked = (x: number) => {
      let n = 0;
      for (let y = top; y <= bottom; y++) n += mask.data[y * w + x]!;
      return n >= 0.8 * rows;
    };
    const runs: [number, number][] = [];
    for (let x = left; x <= right; x++) {
      if (!marked(x)) continue;
      const last = runs[runs.length - 1];
      if (last && x - last[1] - 1 <= inch(0.06)) last[1] = x;
      else runs.push([x, x]);
    }
    for (const [x0, x1] of runs) {
      if ((x1 - x0 + 1) / cpi < 0.12) continue;
      let nh = 0;
      const sum = [0, 0, 0];
      let textCols = 0;
      let lastText = -1;
      for (let x = x0; x <= x1; x++) {
        let text = false;
        for (let y = top; y <= bottom; y++) {
          const i = y * w + x;
          nh += cells.hl[i]!;
          for (let c = 0; c < 3; c++) sum[c]! += cells.tint[i * 3 + c]!;
          text ||= darkN[i] === 1;
        }
        if (text) {
          // Word gaps count as text, as in textCoverage.
          textCols += lastText >= 0 && x - lastText - 1 <= 0.15 * cpi ? x - lastText : 1;
          lastText = x;
        }
      }
      const tint: [number, number, number] = [sum[0]! / nh, sum[1]! / nh, sum[2]! / nh];
      const hue = hueName(...tint);
      const box: [number, number, number, number] = [x0, top, x1 + 1, bottom + 1];
      const bbox: BBox = [x0 * f, Math.max(0, line.baseline - 0.8 * line.size), (x1 - x0 + 1) * f, 1.05 * line.size];
      const reject = (reason: RejectReason) => rejected.push({ bbox, reason, hue });
      const ink = inkAround(img, cells, box, inch(0.02), tint, scratch);
      const dark = Math.max(1, ink.print + ink.foreign + ink.ownInk);
      // A table rule runs through the whole line height; letter stems and brackets stop short of it.
      const ruleTop = Math.max(0, Math.floor((line.baseline - 0.9 * line.size) / f));
      const ruleBottom = Math.min(h - 1, Math.ceil((line.baseline + 0.3 * line.size) / f));
      const ruled = (x: number) => {
        let n = 0;
        for (let y = ruleTop; y <= ruleBottom; y++) n += rules[y * w + Math.max(0, Math.min(w - 1, x))]!;
        return n >= 0.9 * (ruleBottom - ruleTop + 1);
      };
      const ruledEnd = (x: number, dir: number) => [1, 2, 3].some((d) => ruled(x + dir * d));
      // Born-digital highlighting comes from a palette of strong colours; pale fills behind text are cell or paragraph
      // shading.
      if (hue === "grey") reject("tint");
      else if (hueOf(...tint).chroma < DIGITAL_MIN_CHROMA) reject("shading");
      else if (nh < 0.45 * (x1 - x0 + 1) * rows * area) reject("shape");
      else if (ink.foreign > 0.35 * dark && ink.foreign >= 0.005 * dpi * dpi) reject(inkReason(ink.foreignHue));
      else if (ink.ownInk > 0.35 * dark && ink.ownInk >= 0.005 * dpi * dpi) reject(inkReason(hue));
      else if ((hue === "red" || hue === "pink") && (seals ??= sealZones(cells)).some(([a, b, c, d]) => (x0 + x1) / 2 >= a && (x0 + x1) / 2 <= c && (top + bottom) / 2 >= b && (top + bottom) / 2 <= d)) reject("seal");
      else if (textCols / (x1 - x0 + 1) < 0.55 || (ruledEnd(x0, -1) && ruledEnd(x1, 1))) reject("shading");
      else spans.push({ line: index, bbox, color: colorName(hue), rgb: hex(...tint) });
    }
  });
  return ok({ spans, rejected });
}
