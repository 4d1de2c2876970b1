// Raster page pipeline: draw page → highlighter marks → paper → scan/photo degradation, with ground truth in the
// delivered image's pixel coordinates.
import type { Canvas } from "@napi-rs/canvas";
import { drawHighlighter, drawPage, INK, type Pt } from "./draw.js";
import { paperize, photoEffect, scanEffect, type Degraded } from "./effects.js";
import type { Layout } from "./layout.js";
import { aabb, chooseMarks, circlePoints, cutIntoWords, planBoxes, pointInPoly, rectPoints } from "./marks.js";
import type { Distractor, HighlightColor, Marked, Rgb, TruthPage } from "./model.js";
import type { Rng } from "./prng.js";

export type RasterVariant = "flatbed" | "photo" | "app-scan";

export interface RasterOpts {
  variant: RasterVariant;
  tint: boolean;
  /** photo output size */
  photoSize?: [number, number];
  /** flatbed noise range override */
  noise?: [number, number];
  /** scanner output resolution (the page is rendered at layout.dpi) */
  outDpi?: number;
  /** colour of the first mark (to cover every colour in every capture type) */
  firstColor?: HighlightColor;
  /** hard-pressed strokes: opacity 0.55–0.95, wider than the line, rough edges, often a second pass */
  strong?: boolean;
  /** some strokes start or end inside a word */
  midWord?: boolean;
}

export interface InkRegion {
  color: HighlightColor;
  poly: Pt[]; // delivered-image px
}

export interface RasterPage {
  canvas: Canvas;
  truth: Omit<TruthPage, "page">;
  ink: InkRegion[];
  /** a delivered-image point on bare paper, for measuring the paper colour */
  paperProbe: Pt;
  params: Degraded["params"];
}

const TINTS: readonly Rgb[] = [
  [253, 247, 214],
  [252, 244, 205],
  [250, 246, 222],
];

export function renderRasterPage(layout: Layout, pageIdx: number, rng: Rng, o: RasterOpts): RasterPage {
  const laid = layout.pages[pageIdx];
  if (!laid) throw new Error(`no page ${pageIdx}`);
  const drawn = drawPage(laid, layout.width, layout.height, layout.font, rng.fork("draw"), layout.dpi);
  const g = drawn.canvas.getContext("2d");
  const chosen = chooseMarks(layout, laid, rng.fork("marks"), undefined, o.firstColor);
  const plans = o.midWord ? cutIntoWords(layout, laid, chosen, rng.fork("mid-word")) : chosen;
  if (plans.length === 0) throw new Error(`page ${pageIdx} of a ${layout.font} doc: no markable text`);
  const mr = rng.fork("strokes");
  const strokes = plans.map((m) => {
    const ink = INK[m.color];
    const opacity = o.strong ? mr.range(0.55, 0.95) : m.color === "yellow" ? mr.range(0.5, 0.85) : mr.range(0.42, 0.72);
    const parts = planBoxes(laid, m).map((b) => ({
      ...b,
      stroke: drawHighlighter(g, mr, b.box[0], b.box[0] + b.box[2], b.baseline, b.px, ink, opacity, o.strong),
    }));
    return { m, ink, opacity, parts };
  });

  const tint = o.tint ? rng.pick(TINTS) : null;
  // off-white paper: neutral to slightly warm (blue lowest)
  const pb = rng.int(240, 252);
  const d1 = rng.int(0, 4);
  const d2 = d1 + rng.int(1, 10);
  const paper: Rgb = [pb, pb - d1, pb - d2];
  const paperCanvas = paperize(drawn.canvas, rng.fork("paper"), paper, tint);
  let deg: Degraded;
  if (o.variant === "photo") {
    deg = photoEffect(paperCanvas, rng.fork("photo"), { outW: o.photoSize?.[0] ?? 1536, outH: o.photoSize?.[1] ?? 2048 });
  } else if (o.variant === "app-scan") {
    deg = scanEffect(paperCanvas, rng.fork("scan"), { maxRotation: 0.8, blur: [0.2, 0.6], noise: [0.6, 1.4], lidGrey: 255, outScale: (o.outDpi ?? layout.dpi) / layout.dpi });
    whiten(deg.canvas, rng.range(4, 10));
    deg.params["whitened"] = true;
  } else {
    deg = scanEffect(paperCanvas, rng.fork("scan"), { maxRotation: 3, blur: [0.35, 1.1], noise: o.noise ?? [0.8, 2], lidGrey: rng.int(228, 246), outScale: (o.outDpi ?? layout.dpi) / layout.dpi });
  }
  const W = deg.width;
  const H = deg.height;
  const map = deg.map;
  const marked: Marked[] = strokes.map(({ m, ink, opacity, parts }) => {
    const polys = parts.map((p) => p.stroke.poly.map(map));
    const tboxes = parts.map((p) => rectPoints(p.box).map(map));
    return {
      text: m.text,
      color: m.color,
      bbox: aabb(polys.flat(), W, H),
      textBbox: aabb(tboxes.flat(), W, H),
      parts: parts.map((p, i) => ({ text: p.text, bbox: aabb(polys[i] ?? [], W, H), textBbox: aabb(tboxes[i] ?? [], W, H) })),
      style: "highlighter",
      ink: { rgb: ink, opacity: Math.round(opacity * 100) / 100 },
    };
  });
  const distractors: Distractor[] = [];
  for (const d of laid.distractors) {
    let pts: Pt[] = [];
    if (d.kind === "signature" && d.op !== undefined) {
      const sp = drawn.signatures.get(d.op) ?? [];
      const pad = (layout.dpi / 25.4) * 0.6;
      pts = sp.flatMap(([x, y]): Pt[] => [
        [x - pad, y - pad],
        [x + pad, y + pad],
      ]);
    } else if (d.circle) {
      pts = circlePoints(d.circle[0], d.circle[1], d.circle[2]);
    } else if (d.rect) {
      pts = rectPoints(d.rect);
    }
    if (pts.length === 0) continue;
    distractors.push({ kind: d.kind, bbox: aabb(pts.map(map), W, H), ...(d.note ? { note: d.note } : {}) });
  }
  if (tint) {
    distractors.push({ kind: "tint", bbox: aabb(rectPoints([0, 0, layout.width, layout.height]).map(map), W, H), note: `paper tint rgb(${tint.join(",")})` });
  }
  const mm = layout.dpi / 25.4;
  return {
    canvas: deg.canvas,
    truth: { width: W, height: H, unit: "px", marked, distractors },
    ink: strokes.flatMap(({ m, parts }) => parts.map((p) => ({ color: m.color, poly: p.stroke.poly.map(map) }))),
    paperProbe: map([12 * mm, layout.height * 0.55]),
    params: { ...deg.params, ...(tint ? { tint: `rgb(${tint.join(",")})` } : {}), paper: `rgb(${paper.join(",")})` },
  };
}

/** The paper's level per RGB channel: the 60th percentile of a sample of the pixels (the brighter half's median). */
export function paperLevels(d: Uint8ClampedArray): number[] {
  return [0, 1, 2].map((c) => {
    const hist = new Uint32Array(256);
    for (let i = c; i < d.length; i += 64) {
      const v = d[i] ?? 0;
      hist[v] = (hist[v] ?? 0) + 1;
    }
    let total = 0;
    for (const v of hist) total += v;
    let acc = 0;
    for (let v = 0; v < 256; v++) {
      acc += hist[v] ?? 0;
      if (acc >= total * 0.6) return v;
    }
    return 255;
  });
}

/** "Scanner app" clean-up: push the paper to pure white (levels), which also lightens highlights. */
function whiten(canvas: Canvas, margin: number): void {
  const g = canvas.getContext("2d");
  const img = g.getImageData(0, 0, canvas.width, canvas.height);
  const d = img.data;
  const level = paperLevels(d);
  const kr = 255 / Math.max(1, (level[0] ?? 255) - margin);
  const kg = 255 / Math.max(1, (level[1] ?? 255) - margin);
  const kb = 255 / Math.max(1, (level[2] ?? 255) - margin);
  for (let i = 0; i < d.length; i += 4) {
    d[i] = Math.min(255, (d[i] ?? 0) * kr);
    d[i + 1] = Math.min(255, (d[i + 1] ?? 0) * kg);
    d[i + 2] = Math.min(255, (d[i + 2] ?? 0) * kb);
  }
  g.putImageData(img, 0, 0);
}

/** Mean colour of highlighter pixels (excluding text strokes) inside each ink polygon of the delivered pixels. */
export function measureInk(rgba: Uint8ClampedArray | Uint8Array, W: number, H: number, ink: InkRegion[], channels = 4): { color: HighlightColor; rgb: Rgb; n: number }[] {
  const out: { color: HighlightColor; rgb: Rgb; n: number }[] = [];
  for (const r of ink) {
    const [bx, by, bw, bh] = aabb(r.poly, W, H);
    const px: [number, number, number, number][] = [];
    for (let y = Math.floor(by); y < by + bh; y += 1) {
      for (let x = Math.floor(bx); x < bx + bw; x += 1) {
        if (!pointInPoly([x + 0.5, y + 0.5], r.poly)) continue;
        const i = (y * W + x) * channels;
        const R = rgba[i] ?? 0;
        const G = rgba[i + 1] ?? 0;
        const B = rgba[i + 2] ?? 0;
        px.push([R, G, B, 0.299 * R + 0.587 * G + 0.114 * B]);
      }
    }
    if (px.length === 0) continue;
    const lum = px.map((p) => p[3]).sort((a, b) => a - b);
    const p90 = lum[Math.floor(lum.length * 0.9)] ?? 0;
    const keep = px.filter((p) => p[3] >= p90 * 0.85);
    const mean = [0, 1, 2].map((c) => Math.round(keep.reduce((s, p) => s + (p[c] ?? 0), 0) / Math.max(1, keep.length)));
    out.push({ color: r.color, rgb: [mean[0] ?? 0, mean[1] ?? 0, mean[2] ?? 0], n: keep.length });
  }
  return out;
}

export function measurePaper(rgba: Uint8ClampedArray | Uint8Array, W: number, H: number, [cx, cy]: Pt, channels = 4): Rgb {
  const vals: [number, number, number][] = [];
  for (let y = Math.round(cy) - 20; y <= Math.round(cy) + 20; y += 2) {
    for (let x = Math.round(cx) - 12; x <= Math.round(cx) + 12; x += 2) {
      if (x < 0 || y < 0 || x >= W || y >= H) continue;
      const i = (y * W + x) * channels;
      vals.push([rgba[i] ?? 0, rgba[i + 1] ?? 0, rgba[i + 2] ?? 0]);
    }
  }
  const med = (c: 0 | 1 | 2) => {
    const s = vals.map((v) => v[c]).sort((a, b) => a - b);
    return s[Math.floor(s.length / 2)] ?? 0;
  };
  return [med(0), med(1), med(2)];
}
