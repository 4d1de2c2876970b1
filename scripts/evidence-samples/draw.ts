// Drawing of laid-out pages: text, tables, emblem/logo placeholders, red seals, ballpoint signatures and
// highlighter strokes.
import { createCanvas, type Canvas, type SKRSContext2D } from "@napi-rs/canvas";
import { graphemes, measure, registerFonts, type LaidPage, type Op } from "./layout.js";
import type { HighlightColor, Rgb, SealSpec } from "./model.js";
import type { Rng } from "./prng.js";

export type Pt = [number, number];

export const INK: Record<HighlightColor, Rgb> = {
  yellow: [255, 236, 25],
  green: [105, 232, 85],
  pink: [255, 95, 185],
  orange: [255, 152, 40],
  blue: [75, 185, 255],
};

export function rgbCss(c: Rgb, a = 1): string {
  return a >= 1 ? `rgb(${c[0]},${c[1]},${c[2]})` : `rgba(${c[0]},${c[1]},${c[2]},${a.toFixed(3)})`;
}

/** Smooth random field in [0,1] (bilinear value noise), w×h, features about `cell` px. */
export function valueNoise(rng: Rng, w: number, h: number, cell: number): Float32Array {
  const gw = Math.ceil(w / cell) + 2;
  const gh = Math.ceil(h / cell) + 2;
  const grid = new Float32Array(gw * gh);
  for (let i = 0; i < grid.length; i++) grid[i] = rng.next();
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    const gy = y / cell;
    const iy = Math.floor(gy);
    const fy = gy - iy;
    const sy = fy * fy * (3 - 2 * fy);
    for (let x = 0; x < w; x++) {
      const gx = x / cell;
      const ix = Math.floor(gx);
      const fx = gx - ix;
      const sx = fx * fx * (3 - 2 * fx);
      const a = grid[iy * gw + ix] ?? 0;
      const b = grid[iy * gw + ix + 1] ?? 0;
      const c = grid[(iy + 1) * gw + ix] ?? 0;
      const d = grid[(iy + 1) * gw + ix + 1] ?? 0;
      out[y * w + x] = (a + (b - a) * sx) * (1 - sy) + (c + (d - c) * sx) * sy;
    }
  }
  return out;
}

// ---------- emblem and logos ----------

export function drawEmblem(g: SKRSContext2D, cx: number, top: number, h: number): void {
  // A stylised Garuda silhouette (placeholder for the official emblem): head, crown, spread wings, body.
  const s = h / 100;
  g.save();
  g.translate(cx, top);
  g.scale(s, s);
  g.fillStyle = "#161616";
  // crown
  g.beginPath();
  g.moveTo(0, 0);
  g.lineTo(6, 14);
  g.lineTo(-6, 14);
  g.closePath();
  g.fill();
  // head
  g.beginPath();
  g.arc(0, 22, 9, 0, Math.PI * 2);
  g.fill();
  // beak
  g.beginPath();
  g.moveTo(6, 20);
  g.lineTo(14, 25);
  g.lineTo(6, 27);
  g.fill();
  // body
  g.beginPath();
  g.ellipse(0, 52, 13, 24, 0, 0, Math.PI * 2);
  g.fill();
  // wings with feather notches
  for (const side of [-1, 1]) {
    g.beginPath();
    g.moveTo(side * 8, 38);
    g.quadraticCurveTo(side * 30, 18, side * 50, 8);
    for (let k = 0; k < 6; k++) {
      const fx = side * (50 - k * 6);
      const fy = 8 + k * 9;
      g.lineTo(fx, fy + 8);
      g.lineTo(side * (46 - k * 6), fy + 6);
    }
    g.lineTo(side * 12, 66);
    g.closePath();
    g.fill();
  }
  // legs and tail
  g.beginPath();
  g.moveTo(-10, 72);
  g.lineTo(-16, 96);
  g.lineTo(-4, 86);
  g.lineTo(0, 100);
  g.lineTo(4, 86);
  g.lineTo(16, 96);
  g.lineTo(10, 72);
  g.fill();
  g.fillStyle = "#fff";
  g.beginPath();
  g.arc(3, 20, 1.8, 0, Math.PI * 2);
  g.fill();
  g.restore();
}

export function drawLogo(g: SKRSContext2D, x: number, y: number, size: number, variant: number): void {
  const cx = x + size / 2;
  const cy = y + size / 2;
  const r = size / 2;
  g.save();
  switch (variant % 4) {
    case 0: {
      // gold ring, blue centre, white mountain
      g.fillStyle = "rgb(214,168,38)";
      g.beginPath();
      g.arc(cx, cy, r, 0, Math.PI * 2);
      g.fill();
      g.fillStyle = "rgb(28,72,150)";
      g.beginPath();
      g.arc(cx, cy, r * 0.74, 0, Math.PI * 2);
      g.fill();
      g.fillStyle = "#fff";
      g.beginPath();
      g.moveTo(cx - r * 0.5, cy + r * 0.3);
      g.lineTo(cx - r * 0.1, cy - r * 0.35);
      g.lineTo(cx + r * 0.15, cy);
      g.lineTo(cx + r * 0.3, cy - r * 0.15);
      g.lineTo(cx + r * 0.55, cy + r * 0.3);
      g.fill();
      break;
    }
    case 1: {
      // green disc with a yellow sun and blue water
      g.fillStyle = "rgb(40,140,70)";
      g.beginPath();
      g.arc(cx, cy, r, 0, Math.PI * 2);
      g.fill();
      g.fillStyle = "rgb(250,215,40)";
      g.beginPath();
      g.arc(cx, cy - r * 0.15, r * 0.35, 0, Math.PI * 2);
      g.fill();
      g.fillStyle = "rgb(40,120,210)";
      g.fillRect(cx - r * 0.7, cy + r * 0.25, r * 1.4, r * 0.22);
      break;
    }
    case 2: {
      // magenta/red circle with white letters (close to pink ink and to the seal red)
      g.fillStyle = "rgb(200,30,90)";
      g.beginPath();
      g.arc(cx, cy, r, 0, Math.PI * 2);
      g.fill();
      g.fillStyle = "#fff";
      g.font = `bold ${(r * 0.7).toFixed(1)}px Loma`;
      const t = "DG";
      g.fillText(t, cx - measure(g.font, t) / 2, cy + r * 0.25);
      break;
    }
    default: {
      // four coloured tiles, like many "digital" logos (blue, green, yellow, orange)
      const cols = ["rgb(0,120,215)", "rgb(16,170,80)", "rgb(255,200,0)", "rgb(245,110,30)"];
      const t = size * 0.46;
      cols.forEach((c, i) => {
        g.fillStyle = c;
        g.fillRect(x + (i % 2) * (size - t), y + Math.floor(i / 2) * (size - t), t, t);
      });
    }
  }
  g.restore();
}

// ---------- seal ----------

export function drawSeal(g: SKRSContext2D, rng: Rng, cx: number, cy: number, r: number, spec: SealSpec, family: string): void {
  const pad = Math.ceil(r * 0.1);
  const S = Math.ceil(2 * r + 2 * pad);
  const c = createCanvas(S, S);
  const s = c.getContext("2d");
  const ink: Rgb = rng.pick<Rgb>([
    [205, 32, 45],
    [190, 25, 50],
    [215, 50, 60],
    [176, 30, 70],
  ]);
  s.strokeStyle = rgbCss(ink);
  s.fillStyle = rgbCss(ink);
  const o = S / 2;
  s.lineWidth = r * 0.055;
  s.beginPath();
  s.arc(o, o, r - s.lineWidth / 2, 0, Math.PI * 2);
  s.stroke();
  s.lineWidth = r * 0.03;
  s.beginPath();
  s.arc(o, o, r * 0.64, 0, Math.PI * 2);
  s.stroke();
  // ring text, one grapheme cluster at a time, clockwise over the top
  const fontPx = r * 0.2;
  s.font = `bold ${fontPx.toFixed(1)}px ${family}`;
  const clusters = graphemes(spec.ring);
  const rt = r * 0.73;
  const widths = clusters.map((g2) => measure(s.font, g2));
  const total = widths.reduce((a, b) => a + b, 0) + fontPx * 0.05 * clusters.length;
  const span = Math.min(Math.PI * 1.75, total / rt);
  let ang = -Math.PI / 2 - span / 2;
  const scale = span / (total / rt);
  clusters.forEach((gc, i) => {
    const w = (widths[i] ?? 0) * scale + fontPx * 0.05 * scale;
    const a = ang + w / 2 / rt;
    s.save();
    s.translate(o + Math.cos(a) * rt, o + Math.sin(a) * rt);
    s.rotate(a + Math.PI / 2);
    s.fillText(gc, -(widths[i] ?? 0) / 2, 0);
    s.restore();
    ang += w / rt;
  });
  // star ornament at the bottom of the ring
  s.save();
  s.translate(o, o + rt - fontPx * 0.25);
  star(s, fontPx * 0.35);
  s.restore();
  // centre
  if (spec.center === "★") {
    s.save();
    s.translate(o, o);
    star(s, r * 0.3);
    s.restore();
  } else {
    s.font = `bold ${(r * 0.26).toFixed(1)}px ${family}`;
    const w = measure(s.font, spec.center);
    s.fillText(spec.center, o - w / 2, o + r * 0.1);
  }
  // stamped texture: uneven ink density and pin-holes
  const img = s.getImageData(0, 0, S, S);
  const n = valueNoise(rng, S, S, Math.max(6, r * 0.18));
  const side = rng.range(-0.35, 0.35); // one side pressed harder
  for (let i = 0; i < S * S; i++) {
    const a = img.data[i * 4 + 3] ?? 0;
    if (a === 0) continue;
    const x = i % S;
    let k = 0.45 + 0.75 * (n[i] ?? 0) + side * ((x / S) - 0.5);
    if (rng.next() < 0.06) k *= 0.2;
    img.data[i * 4 + 3] = Math.max(0, Math.min(255, a * Math.min(1, k)));
  }
  s.putImageData(img, 0, 0);
  g.save();
  g.globalCompositeOperation = "multiply";
  g.globalAlpha = rng.range(0.75, 0.95);
  g.translate(cx, cy);
  g.rotate(rng.range(-0.5, 0.5));
  g.drawImage(c, -S / 2, -S / 2);
  g.restore();
}

function star(s: SKRSContext2D, r: number): void {
  s.beginPath();
  for (let k = 0; k < 10; k++) {
    const rr = k % 2 === 0 ? r : r * 0.42;
    const a = -Math.PI / 2 + (k * Math.PI) / 5;
    if (k === 0) s.moveTo(Math.cos(a) * rr, Math.sin(a) * rr);
    else s.lineTo(Math.cos(a) * rr, Math.sin(a) * rr);
  }
  s.closePath();
  s.fill();
}

// ---------- signature ----------

/** Blue ballpoint scribble inside the box; returns the points drawn (page px). */
export function drawSignature(g: SKRSContext2D, rng: Rng, x: number, y: number, w: number, h: number, scale: number): Pt[] {
  const pts: Pt[] = [];
  // smooth 1-D random functions (sums of sines) modulate loop frequency, loop size and height along the stroke
  const wave = () => {
    const f = [rng.range(1, 3), rng.range(3, 7), rng.range(7, 13)];
    const ph = [rng.range(0, 6.28), rng.range(0, 6.28), rng.range(0, 6.28)];
    return (t: number) => (Math.sin(f[0]! * t * 6.28 + ph[0]!) * 0.5 + Math.sin(f[1]! * t * 6.28 + ph[1]!) * 0.3 + Math.sin(f[2]! * t * 6.28 + ph[2]!) * 0.2) * 0.5 + 0.5;
  };
  const freqW = wave();
  const ampW = wave();
  const loopW = wave();
  const driftW = wave();
  const n = 520;
  const turns = rng.range(4, 9);
  const slope = rng.range(-0.22, 0.04);
  const x0 = x + w * rng.range(0.02, 0.12);
  const x1 = x + w * rng.range(0.72, 0.96);
  const yc = y + h * rng.range(0.36, 0.5);
  const capital = rng.range(0.25, 0.45); // a tall first letter
  let phase = rng.range(0, 6.28);
  for (let i = 0; i < n; i++) {
    const t = i / (n - 1);
    phase += ((turns * 6.28) / n) * (0.45 + 1.1 * freqW(t));
    const env = t < 0.15 ? 1 + capital * (1 - t / 0.15) * 2 : 1 - 0.35 * t;
    const amp = h * (0.05 + 0.3 * ampW(t) ** 1.5) * env;
    const loop = h * 0.28 * loopW(t) ** 2;
    const px = x0 + (x1 - x0) * t + Math.cos(phase) * loop;
    const py = yc + slope * (px - x0) * 0.3 + Math.sin(phase) * amp + (driftW(t) - 0.5) * h * 0.3;
    pts.push([px, py]);
  }
  // closing flourish: a long under-stroke back to the left
  const fx0 = x0 + (x1 - x0) * rng.range(0.05, 0.35);
  const fy = yc + h * rng.range(0.22, 0.32);
  const last = pts[pts.length - 1] as Pt;
  for (let i = 1; i <= 70; i++) {
    const t = i / 70;
    const bx = last[0] + (fx0 - last[0]) * t;
    const by = last[1] + (fy - last[1]) * Math.min(1, t * 3) + Math.sin(t * Math.PI) * h * 0.05;
    pts.push([bx, by]);
  }
  const ink: Rgb = rng.pick<Rgb>([
    [22, 42, 150],
    [30, 50, 170],
    [18, 30, 110],
  ]);
  const pressPh = rng.range(0, 6.28);
  g.save();
  g.globalCompositeOperation = "multiply";
  g.strokeStyle = rgbCss(ink, 0.9);
  g.lineCap = "round";
  g.lineJoin = "round";
  for (let i = 1; i < pts.length; i++) {
    const a = pts[i - 1] as Pt;
    const b = pts[i] as Pt;
    g.lineWidth = scale * (0.22 + 0.12 * Math.sin(i * 0.05 + pressPh)) + scale * 0.05 * rng.next();
    g.beginPath();
    g.moveTo(a[0], a[1]);
    g.lineTo(b[0], b[1]);
    g.stroke();
  }
  g.restore();
  return pts;
}

// ---------- highlighter ----------

export interface Stroke {
  poly: Pt[];
}

/**
 * A chisel-tip highlighter stroke over a text line segment [x0, x1] with the given baseline and font px.
 * Multiply-blended, semi-transparent, uneven edges, slanted tips, a little wobble, sometimes a second pass.
 */
export function drawHighlighter(
  g: SKRSContext2D,
  rng: Rng,
  x0: number,
  x1: number,
  baseline: number,
  px: number,
  ink: Rgb,
  opacity: number,
  strong = false,
): Stroke {
  // A hard-pressed stroke is wider than the line and reaches into the lines above and below.
  const h = px * (strong ? rng.range(1.0, 1.4) : rng.range(0.72, 0.98));
  const rough = strong ? 0.045 : 0.018;
  const yc = baseline - px * rng.range(0.26, 0.36);
  const startX = x0 - px * rng.range(-0.12, 0.45);
  const endX = x1 + px * rng.range(-0.15, 0.5);
  const len = endX - startX;
  const slope = rng.range(-0.012, 0.012);
  const bow = px * rng.range(-0.06, 0.06);
  const slant = h * rng.range(0.05, 0.35); // chisel tip held at an angle
  const steps = Math.max(6, Math.round(len / (px * 0.35)));
  const top: Pt[] = [];
  const bot: Pt[] = [];
  let jt = 0;
  let jb = 0;
  for (let i = 0; i <= steps; i++) {
    const t = i / steps;
    const x = startX + len * t;
    const c = yc + slope * (x - startX) + bow * Math.sin(Math.PI * t);
    jt = jt * 0.6 + rng.gauss() * px * rough;
    jb = jb * 0.6 + rng.gauss() * px * rough;
    top.push([x + slant / 2, c - h / 2 + jt]);
    bot.push([x - slant / 2, c + h / 2 + jb]);
  }
  const poly: Pt[] = [...top, ...bot.reverse()];
  const path = () => {
    g.beginPath();
    poly.forEach(([px2, py], i) => (i === 0 ? g.moveTo(px2, py) : g.lineTo(px2, py)));
    g.closePath();
  };
  g.save();
  g.globalCompositeOperation = "multiply";
  g.fillStyle = rgbCss(ink, opacity);
  path();
  g.fill();
  const doubled = strong && rng.chance(0.4);
  if (doubled) {
    // a second full pass, a little off the first
    g.save();
    g.fillStyle = rgbCss(ink, opacity * 0.6);
    g.translate(px * rng.range(-0.2, 0.2), h * rng.range(-0.12, 0.12));
    path();
    g.fill();
    g.restore();
  }
  // streaks along the stroke (felt tip wearing unevenly) and a darker start where the pen rested
  path();
  g.clip();
  const streaks = rng.int(1, 4);
  for (let k = 0; k < streaks; k++) {
    const sy = yc - h / 2 + h * rng.next();
    const sh = h * rng.range(0.04, 0.14);
    g.fillStyle = rgbCss(ink, opacity * rng.range(0.12, 0.3));
    g.fillRect(startX - slant, sy + slope * 0, len + 2 * slant, sh);
  }
  g.fillStyle = rgbCss(ink, opacity * rng.range(0.15, 0.4));
  g.beginPath();
  g.ellipse(startX + h * 0.2, yc, h * 0.35, h * 0.6, 0, 0, Math.PI * 2);
  g.fill();
  if (!doubled && rng.chance(0.2)) {
    // a second pass over part of the stroke
    const a = startX + len * rng.range(0, 0.4);
    g.fillStyle = rgbCss(ink, opacity * 0.35);
    g.fillRect(a, yc - h * 0.45, len * rng.range(0.3, 0.6), h * 0.9);
  }
  g.restore();
  return { poly };
}

/** Flat, exact-edged translucent rectangle, as drawn by a screenshot/markup tool. */
export function drawDigitalHighlighter(g: SKRSContext2D, x: number, y: number, w: number, h: number, ink: Rgb, opacity: number): Stroke {
  g.save();
  g.globalCompositeOperation = "multiply";
  g.fillStyle = rgbCss(ink, opacity);
  g.fillRect(x, y, w, h);
  g.restore();
  return {
    poly: [
      [x, y],
      [x + w, y],
      [x + w, y + h],
      [x, y + h],
    ],
  };
}

// ---------- page ----------

export interface DrawnPage {
  canvas: Canvas;
  /** actual drawn geometry of signatures (points) by op index */
  signatures: Map<number, Pt[]>;
}

export function drawPage(p: LaidPage, width: number, height: number, family: string, rng: Rng, dpi: number): DrawnPage {
  registerFonts();
  const canvas = createCanvas(width, height);
  const g = canvas.getContext("2d");
  g.fillStyle = "#fff";
  g.fillRect(0, 0, width, height);
  // shading first (text on top), then text and lines, then ink on top
  for (const op of p.ops) if (op.t === "fill") drawOp(g, op);
  for (const op of p.ops) if (op.t !== "fill" && op.t !== "seal" && op.t !== "signature") drawOp(g, op);
  const signatures = new Map<number, Pt[]>();
  p.ops.forEach((op, i) => {
    if (op.t === "signature") signatures.set(i, drawSignature(g, rng.fork(`sig${i}`), op.x, op.y, op.w, op.h, dpi / 25.4 * 1.6));
  });
  p.ops.forEach((op, i) => {
    if (op.t === "seal") drawSeal(g, rng.fork(`seal${i}`), op.cx, op.cy, op.r, op.spec, family);
  });
  return { canvas, signatures };
}

function drawOp(g: SKRSContext2D, op: Op): void {
  switch (op.t) {
    case "text":
      g.font = op.font;
      g.fillStyle = op.color;
      g.fillText(op.text, op.x, op.y);
      break;
    case "line":
      g.strokeStyle = op.color;
      g.lineWidth = op.w;
      g.beginPath();
      g.moveTo(op.x1, op.y1);
      g.lineTo(op.x2, op.y2);
      g.stroke();
      break;
    case "fill":
      g.fillStyle = rgbCss(op.rgb);
      g.fillRect(op.x, op.y, op.w, op.h);
      break;
    case "emblem":
      drawEmblem(g, op.cx, op.top, op.h);
      break;
    case "logo":
      drawLogo(g, op.x, op.y, op.size, op.variant);
      break;
    default:
      break;
  }
}
