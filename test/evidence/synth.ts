/**
 * Synthetic scanned-page fragments for the evidence tests: Thai print, highlighter strokes (multiplied onto the
 * paper like real translucent ink) and each distractor type, then optional skew, blur, noise and JPEG.
 */
import { createCanvas, GlobalFonts, loadImage, type SKRSContext2D } from "@napi-rs/canvas";
import type { RgbaImage } from "../../src/evidence/raster.js";

GlobalFonts.registerFromPath("/usr/share/fonts/truetype/tlwg/Laksaman.ttf", "Laksaman");

export type Box = [number, number, number, number];

export interface SynthLine {
  text: string;
  /**
   * Substring to highlight and the marker colour (CSS colour of the ink on white, may carry an alpha). `strong`: a
   * hard-pressed stroke, taller than the line and reaching into the lines above and below.
   */
  mark?: { phrase: string; ink: string; strong?: boolean };
}

export type Distractor = "seal" | "signature" | "logo" | "shading" | "tint";

export interface SynthSpec {
  width: number;
  height: number;
  dpi: number;
  lines: SynthLine[];
  distractors?: Distractor[];
  paper?: string;
  skewDeg?: number;
  noise?: number;
  jpegQuality?: number;
  seed?: number;
}

export interface SynthTruth {
  marked: { text: string; bbox: Box }[];
  distractors: { kind: Distractor; bbox: Box }[];
}

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function strokePolygon(ctx: SKRSContext2D, x: number, y: number, w: number, h: number, rand: () => number): void {
  // A hand-drawn marker stroke: slightly wavy edges and rounded, uneven ends.
  const steps = Math.max(4, Math.round(w / 40));
  ctx.beginPath();
  ctx.moveTo(x + rand() * h * 0.2, y + rand() * 3);
  for (let i = 1; i <= steps; i++) ctx.lineTo(x + (w * i) / steps, y + (rand() - 0.5) * 4);
  ctx.quadraticCurveTo(x + w + h * 0.25, y + h / 2, x + w - rand() * 4, y + h + (rand() - 0.5) * 4);
  for (let i = steps - 1; i >= 0; i--) ctx.lineTo(x + (w * i) / steps, y + h + (rand() - 0.5) * 4);
  ctx.quadraticCurveTo(x - h * 0.25, y + h / 2, x, y);
  ctx.closePath();
  ctx.fill();
}

export async function synthPage(spec: SynthSpec): Promise<{ image: RgbaImage; truth: SynthTruth }> {
  const { width, height, dpi } = spec;
  const rand = rng(spec.seed ?? 7);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = spec.paper ?? "#ffffff";
  ctx.fillRect(0, 0, width, height);
  const px = (pt: number) => (pt / 72) * dpi;
  const fontPx = px(16);
  const lineH = fontPx * 1.5;
  const left = px(60);
  ctx.font = `${fontPx}px Laksaman`;
  ctx.textBaseline = "alphabetic";
  const truth: SynthTruth = { marked: [], distractors: [] };

  let y = px(50) + fontPx;
  for (const line of spec.lines) {
    ctx.fillStyle = "#111111";
    ctx.fillText(line.text, left, y);
    if (line.mark) {
      const at = line.text.indexOf(line.mark.phrase);
      const x0 = left + ctx.measureText(line.text.slice(0, at)).width;
      const w = ctx.measureText(line.mark.phrase).width;
      const top = y - fontPx * (line.mark.strong ? 1.05 : 0.62);
      const h = fontPx * (line.mark.strong ? 1.4 : 0.72);
      ctx.save();
      ctx.globalCompositeOperation = "multiply";
      ctx.fillStyle = line.mark.ink;
      strokePolygon(ctx, x0 - 4, top, w + 8, h, rand);
      ctx.restore();
      truth.marked.push({ text: line.mark.phrase, bbox: [x0, y - fontPx * 0.8, w, fontPx * 1.05] });
    }
    y += lineH;
  }

  const perRow = Math.max(1, Math.floor((width - left) / px(175)));
  const slot = (i: number): [number, number] => [left + px(10) + (i % perRow) * px(175), y + px(15) + Math.floor(i / perRow) * px(115)];
  (spec.distractors ?? []).forEach((kind, i) => {
    const [sx, sy] = slot(i);
    ctx.save();
    ctx.globalCompositeOperation = "multiply";
    if (kind === "seal") {
      const r = px(48);
      const cx = sx + r;
      const cy = sy + r;
      ctx.strokeStyle = "rgb(205,35,45)";
      ctx.fillStyle = "rgb(205,35,45)";
      ctx.lineWidth = px(2.2);
      ctx.beginPath();
      ctx.arc(cx, cy, r, 0, Math.PI * 2);
      ctx.stroke();
      ctx.beginPath();
      ctx.arc(cx, cy, r * 0.72, 0, Math.PI * 2);
      ctx.stroke();
      ctx.font = `bold ${px(11)}px Laksaman`;
      ctx.fillText("จังหวัด", cx - px(18), cy + px(4));
      // Seal text runs around the ring.
      for (let k = 0; k < 18; k++) {
        const a = (k / 18) * Math.PI * 2;
        ctx.save();
        ctx.translate(cx + Math.cos(a) * r * 0.86, cy + Math.sin(a) * r * 0.86);
        ctx.rotate(a + Math.PI / 2);
        ctx.font = `${px(8)}px Laksaman`;
        ctx.fillText("กขค"[k % 3]!, -px(3), px(3));
        ctx.restore();
      }
      truth.distractors.push({ kind, bbox: [cx - r, cy - r, 2 * r, 2 * r] });
    } else if (kind === "signature") {
      ctx.strokeStyle = "rgb(25,45,170)";
      ctx.lineWidth = px(0.9);
      ctx.beginPath();
      ctx.moveTo(sx, sy + px(40));
      for (let k = 0; k < 6; k++) {
        ctx.bezierCurveTo(
          sx + px(20 + k * 20), sy - px(10) + rand() * px(20),
          sx + px(10 + k * 20), sy + px(60) + rand() * px(10),
          sx + px(25 + k * 20), sy + px(35),
        );
      }
      ctx.stroke();
      truth.distractors.push({ kind, bbox: [sx, sy - px(10), px(150), px(80)] });
    } else if (kind === "logo") {
      const r = px(30);
      ctx.fillStyle = "rgb(20,120,60)";
      ctx.beginPath();
      ctx.arc(sx + r, sy + r, r, 0, Math.PI * 2);
      ctx.fill();
      ctx.fillStyle = "rgb(250,200,30)";
      ctx.beginPath();
      ctx.moveTo(sx + r, sy + r * 0.3);
      ctx.lineTo(sx + r * 1.6, sy + r * 1.5);
      ctx.lineTo(sx + r * 0.4, sy + r * 1.5);
      ctx.fill();
      ctx.fillStyle = "rgb(170,215,250)";
      ctx.fillRect(sx + r * 2.2, sy + r * 0.2, r * 1.6, r * 1.6);
      truth.distractors.push({ kind, bbox: [sx, sy, r * 3.8, 2 * r] });
    } else if (kind === "shading") {
      // A two-row table whose header row is shaded, with text in each cell.
      const cw = px(75);
      const rh = fontPx * 1.4;
      ctx.fillStyle = "rgb(205,230,200)";
      ctx.fillRect(sx, sy, cw * 2, rh);
      ctx.restore();
      ctx.save();
      ctx.strokeStyle = "#222222";
      ctx.lineWidth = Math.max(2, px(0.6));
      for (let r = 0; r <= 2; r++) {
        ctx.beginPath();
        ctx.moveTo(sx, sy + r * rh);
        ctx.lineTo(sx + 2 * cw, sy + r * rh);
        ctx.stroke();
      }
      for (let c = 0; c <= 2; c++) {
        ctx.beginPath();
        ctx.moveTo(sx + c * cw, sy);
        ctx.lineTo(sx + c * cw, sy + 2 * rh);
        ctx.stroke();
      }
      ctx.fillStyle = "#111111";
      ctx.font = `${fontPx}px Laksaman`;
      ctx.fillText("ลำดับ", sx + px(10), sy + rh * 0.75);
      ctx.fillText("รายการ", sx + cw + px(10), sy + rh * 0.75);
      ctx.fillText("๑", sx + px(10), sy + rh * 1.75);
      ctx.fillText("ตรวจสอบ", sx + cw + px(10), sy + rh * 1.75);
      truth.distractors.push({ kind, bbox: [sx, sy, 2 * cw, rh] });
    } else {
      ctx.fillStyle = "rgb(228,236,250)";
      ctx.fillRect(sx, sy, px(150), px(90));
      ctx.restore();
      ctx.save();
      ctx.fillStyle = "#111111";
      ctx.font = `${fontPx}px Laksaman`;
      ctx.fillText("หมายเหตุ ข้อความ", sx + px(8), sy + px(30));
      ctx.fillText("ในกรอบสี", sx + px(8), sy + px(60));
      truth.distractors.push({ kind, bbox: [sx, sy, px(150), px(90)] });
    }
    ctx.restore();
  });

  let out = canvas;
  if (spec.skewDeg) {
    const rotated = createCanvas(width, height);
    const r = rotated.getContext("2d");
    r.fillStyle = spec.paper ?? "#ffffff";
    r.fillRect(0, 0, width, height);
    r.translate(width / 2, height / 2);
    r.rotate((spec.skewDeg * Math.PI) / 180);
    r.drawImage(canvas, -width / 2, -height / 2);
    out = rotated;
    const a = (spec.skewDeg * Math.PI) / 180;
    const rot = (b: Box): Box => {
      const pts = [
        [b[0], b[1]],
        [b[0] + b[2], b[1]],
        [b[0], b[1] + b[3]],
        [b[0] + b[2], b[1] + b[3]],
      ].map(([x, y]) => {
        const dx = x! - width / 2;
        const dy = y! - height / 2;
        return [width / 2 + dx * Math.cos(a) - dy * Math.sin(a), height / 2 + dx * Math.sin(a) + dy * Math.cos(a)];
      });
      const xs = pts.map((p) => p[0]!);
      const ys = pts.map((p) => p[1]!);
      return [Math.min(...xs), Math.min(...ys), Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys)];
    };
    truth.marked = truth.marked.map((m) => ({ ...m, bbox: rot(m.bbox) }));
    truth.distractors = truth.distractors.map((d) => ({ ...d, bbox: rot(d.bbox) }));
  }
  const octx = out.getContext("2d");
  const data = octx.getImageData(0, 0, width, height);
  if (spec.noise) {
    for (let i = 0; i < data.data.length; i += 4) {
      const n = (rand() - 0.5) * 2 * spec.noise;
      for (let c = 0; c < 3; c++) data.data[i + c] = Math.max(0, Math.min(255, data.data[i + c]! + n + (rand() - 0.5) * spec.noise));
    }
  }
  if (!spec.jpegQuality) return { image: { width, height, data: data.data }, truth };
  // putImageData must ignore the current transform; some @napi-rs/canvas versions apply it (the rotation above).
  octx.setTransform(1, 0, 0, 1, 0, 0);
  octx.putImageData(data, 0, 0);
  const jpeg = await out.encode("jpeg", spec.jpegQuality);
  const img = await loadImage(jpeg);
  const c2 = createCanvas(width, height);
  c2.getContext("2d").drawImage(img, 0, 0);
  return { image: { width, height, data: c2.getContext("2d").getImageData(0, 0, width, height).data }, truth };
}

export function iou(a: Box, b: Box): number {
  const x0 = Math.max(a[0], b[0]);
  const y0 = Math.max(a[1], b[1]);
  const x1 = Math.min(a[0] + a[2], b[0] + b[2]);
  const y1 = Math.min(a[1] + a[3], b[1] + b[3]);
  const inter = Math.max(0, x1 - x0) * Math.max(0, y1 - y0);
  return inter / (a[2] * a[3] + b[2] * b[3] - inter);
}

/** Share of `a` covered by `b`. */
export function covered(a: Box, b: Box): number {
  const x0 = Math.max(a[0], b[0]);
  const y0 = Math.max(a[1], b[1]);
  const x1 = Math.min(a[0] + a[2], b[0] + b[2]);
  const y1 = Math.min(a[1] + a[3], b[1] + b[3]);
  return (Math.max(0, x1 - x0) * Math.max(0, y1 - y0)) / (a[2] * a[3]);
}
