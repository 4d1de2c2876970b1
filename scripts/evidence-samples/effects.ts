// Scan / phone-photo degradation of a rendered page, with the exact point mapping page px → delivered image px so the
// ground-truth boxes can be transformed.
import { createCanvas, type Canvas, type SKRSContext2D } from "@napi-rs/canvas";
import type { Rgb } from "./model.js";
import type { Rng } from "./prng.js";
import { valueNoise, type Pt } from "./draw.js";

export type Mapper = (p: Pt) => Pt;

export interface Degraded {
  canvas: Canvas;
  map: Mapper;
  width: number;
  height: number;
  params: Record<string, number | string | boolean>;
}

const clamp = (v: number) => (v < 0 ? 0 : v > 255 ? 255 : v);

/** A table of N(0,1) samples, so per-pixel noise is fast and still seeded. */
function gaussTable(rng: Rng, n = 1 << 16): Float32Array {
  const t = new Float32Array(n);
  for (let i = 0; i < n; i++) t[i] = rng.gauss();
  return t;
}

/** Multiply the white page onto paper: off-white colour, faint mottling, optional pale tint. */
export function paperize(page: Canvas, rng: Rng, paper: Rgb, tint: Rgb | null): Canvas {
  const { width: W, height: H } = page;
  const out = createCanvas(W, H);
  const g = out.getContext("2d");
  g.fillStyle = `rgb(${paper.join(",")})`;
  g.fillRect(0, 0, W, H);
  // low-frequency mottling, rendered small and scaled up (smooth)
  const sw = Math.max(8, Math.round(W / 48));
  const sh = Math.max(8, Math.round(H / 48));
  const small = createCanvas(sw, sh);
  const sg = small.getContext("2d");
  const img = sg.createImageData(sw, sh);
  const n = valueNoise(rng, sw, sh, 6);
  for (let i = 0; i < sw * sh; i++) {
    const v = 255 - 10 * (n[i] ?? 0);
    img.data[i * 4] = v;
    img.data[i * 4 + 1] = v - 1;
    img.data[i * 4 + 2] = v - 4;
    img.data[i * 4 + 3] = 255;
  }
  sg.putImageData(img, 0, 0);
  g.globalCompositeOperation = "multiply";
  g.imageSmoothingEnabled = true;
  g.drawImage(small, 0, 0, W, H);
  if (tint) {
    g.fillStyle = `rgb(${tint.join(",")})`;
    g.fillRect(0, 0, W, H);
  }
  g.drawImage(page, 0, 0);
  return out;
}

interface PixelOpts {
  noise: number; // luminance sigma
  chroma: number; // chroma sigma
  black: number; // black point lift
  white: number; // white point
  gains?: [number, number, number];
  light?: (x: number, y: number) => number;
  dust?: number;
}

function pixelPass(g: SKRSContext2D, W: number, H: number, rng: Rng, o: PixelOpts): void {
  const img = g.getImageData(0, 0, W, H);
  const d = img.data;
  const gt = gaussTable(rng);
  const mask = gt.length - 1;
  let k = rng.int(0, mask);
  const span = (o.white - o.black) / 255;
  const [gr, gg, gb] = o.gains ?? [1, 1, 1];
  const rowLight = new Float32Array(W);
  for (let y = 0; y < H; y++) {
    if (o.light) for (let x = 0; x < W; x++) rowLight[x] = o.light(x, y);
    for (let x = 0; x < W; x++) {
      const i = (y * W + x) * 4;
      const L = o.light ? (rowLight[x] ?? 1) : 1;
      k = (k * 1103515245 + 12345) & 0x7fffffff;
      const nl = (gt[k & mask] ?? 0) * o.noise;
      const nr = (gt[(k >> 8) & mask] ?? 0) * o.chroma;
      const nb = (gt[(k >> 15) & mask] ?? 0) * o.chroma;
      d[i] = clamp((o.black + (d[i] ?? 0) * span) * gr * L + nl + nr);
      d[i + 1] = clamp((o.black + (d[i + 1] ?? 0) * span) * gg * L + nl);
      d[i + 2] = clamp((o.black + (d[i + 2] ?? 0) * span) * gb * L + nl + nb);
    }
  }
  // dust specks
  const specks = o.dust ?? 0;
  for (let s = 0; s < specks; s++) {
    const cx = rng.int(0, W - 1);
    const cy = rng.int(0, H - 1);
    const r = rng.range(0.8, 2.2);
    const v = rng.range(40, 140);
    for (let yy = Math.floor(cy - r); yy <= cy + r; yy++) {
      for (let xx = Math.floor(cx - r); xx <= cx + r; xx++) {
        if (xx < 0 || yy < 0 || xx >= W || yy >= H) continue;
        if ((xx - cx) ** 2 + (yy - cy) ** 2 > r * r) continue;
        const i = (yy * W + xx) * 4;
        d[i] = Math.min(d[i] ?? 0, v);
        d[i + 1] = Math.min(d[i + 1] ?? 0, v);
        d[i + 2] = Math.min(d[i + 2] ?? 0, v);
      }
    }
  }
  g.putImageData(img, 0, 0);
}

export interface ScanOpts {
  maxRotation: number; // degrees
  blur: [number, number];
  noise: [number, number];
  lidGrey: number;
  /** output resolution relative to the rendered page (e.g. 200/300 for a 200 dpi scan of a 300 dpi rendering) */
  outScale?: number;
}

/** Flatbed scan: page rotated ±maxRotation about its centre, small shift, blur, noise, levels. Same size as input. */
export function scanEffect(paper: Canvas, rng: Rng, o: ScanOpts): Degraded {
  const SW = paper.width;
  const SH = paper.height;
  const k = o.outScale ?? 1;
  const W = Math.round(SW * k);
  const H = Math.round(SH * k);
  const out = createCanvas(W, H);
  const g = out.getContext("2d");
  const deg = rng.chance(0.12) ? 0 : rng.range(-o.maxRotation, o.maxRotation);
  const th = (deg * Math.PI) / 180;
  const dx = rng.range(-0.006, 0.006) * W;
  const dy = rng.range(-0.004, 0.008) * H;
  const blur = rng.range(o.blur[0], o.blur[1]);
  const lid = o.lidGrey;
  g.fillStyle = `rgb(${lid},${lid},${lid - 2})`;
  g.fillRect(0, 0, W, H);
  const cos = Math.cos(th);
  const sin = Math.sin(th);
  const cx = W / 2;
  const cy = H / 2;
  // page px → output px: scale by k, rotate about the output centre, shift
  const map: Mapper = ([x, y]) => {
    const u = x * k - cx;
    const v = y * k - cy;
    return [cos * u - sin * v + cx + dx, sin * u + cos * v + cy + dy];
  };
  // sensor noise and levels before the optics blur, so the noise is spatially correlated as in real scans
  const noise = rng.range(o.noise[0], o.noise[1]);
  const black = rng.range(12, 32);
  const white = rng.range(246, 256);
  const pg = paper.getContext("2d");
  pixelPass(pg, SW, SH, rng.fork("px"), {
    noise,
    chroma: noise * 0.35,
    black,
    white,
    gains: [1, rng.range(0.99, 1.005), rng.range(0.975, 1.0)],
    dust: rng.int(0, 25),
  });
  g.save();
  g.setTransform(cos * k, sin * k, -sin * k, cos * k, cx + dx - cos * cx + sin * cy, cy + dy - sin * cx - cos * cy);
  g.imageSmoothingEnabled = true;
  g.imageSmoothingQuality = "high";
  // soft shadow along the paper edge
  g.filter = `blur(${(SW / 600).toFixed(2)}px)`;
  g.fillStyle = "rgba(80,80,80,0.55)";
  g.fillRect(-SW * 0.002, -SW * 0.002, SW * 1.004, SH + SW * 0.004);
  g.filter = blur > 0.05 ? `blur(${blur.toFixed(2)}px)` : "none";
  g.drawImage(paper, 0, 0);
  g.restore();
  return {
    canvas: out,
    map,
    width: W,
    height: H,
    params: { rotationDeg: +deg.toFixed(3), blurPx: +blur.toFixed(2), noiseSigma: +noise.toFixed(2), blackPoint: +black.toFixed(1), whitePoint: +Math.min(255, white).toFixed(1) },
  };
}

// ---------- phone photo ----------

type Mat3 = [number, number, number, number, number, number, number, number, number];

function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i] ?? 0]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r]?.[c] ?? 0) > Math.abs(M[p]?.[c] ?? 0)) p = r;
    const tmp = M[c] as number[];
    M[c] = M[p] as number[];
    M[p] = tmp;
    const piv = (M[c] as number[])[c] ?? 1;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = ((M[r] as number[])[c] ?? 0) / piv;
      for (let k = c; k <= n; k++) (M[r] as number[])[k] = ((M[r] as number[])[k] ?? 0) - f * ((M[c] as number[])[k] ?? 0);
    }
  }
  return M.map((row, i) => (row[n] ?? 0) / (row[i] ?? 1));
}

/** Homography mapping the four src points to the four dst points. */
export function homography(src: Pt[], dst: Pt[]): Mat3 {
  const A: number[][] = [];
  const b: number[] = [];
  for (let i = 0; i < 4; i++) {
    const [x, y] = src[i] as Pt;
    const [u, v] = dst[i] as Pt;
    A.push([x, y, 1, 0, 0, 0, -u * x, -u * y]);
    b.push(u);
    A.push([0, 0, 0, x, y, 1, -v * x, -v * y]);
    b.push(v);
  }
  const h = solve(A, b);
  return [h[0] ?? 0, h[1] ?? 0, h[2] ?? 0, h[3] ?? 0, h[4] ?? 0, h[5] ?? 0, h[6] ?? 0, h[7] ?? 0, 1];
}

export function applyH(m: Mat3, [x, y]: Pt): Pt {
  const w = m[6] * x + m[7] * y + m[8];
  return [(m[0] * x + m[1] * y + m[2]) / w, (m[3] * x + m[4] * y + m[5]) / w];
}

export interface PhotoOpts {
  outW: number;
  outH: number;
}

/** Phone photo of the page lying on a desk: perspective, uneven light, colour cast, blur, sensor noise. */
export function photoEffect(paper: Canvas, rng: Rng, o: PhotoOpts): Degraded {
  const { outW: W, outH: H } = o;
  const SW = paper.width;
  const SH = paper.height;
  // page placement
  const fill = rng.range(0.8, 0.93);
  const ph = H * fill;
  const pw = ph * (SW / SH);
  const cx = W / 2 + rng.range(-0.04, 0.04) * W;
  const cy = H / 2 + rng.range(-0.03, 0.03) * H;
  const rot = (rng.range(-4, 4) * Math.PI) / 180;
  const persp = rng.range(0, 0.05); // top narrower (camera tilted)
  const base: Pt[] = [
    [-pw / 2 * (1 - persp), -ph / 2],
    [pw / 2 * (1 - persp), -ph / 2],
    [pw / 2 * (1 + persp * 0.3), ph / 2],
    [-pw / 2 * (1 + persp * 0.3), ph / 2],
  ];
  const dst: Pt[] = base.map(([x, y]) => {
    const jx = rng.range(-0.012, 0.012) * W;
    const jy = rng.range(-0.012, 0.012) * H;
    return [cx + Math.cos(rot) * x - Math.sin(rot) * y + jx, cy + Math.sin(rot) * x + Math.cos(rot) * y + jy];
  });
  // pre-shrink the page to about the target scale for cleaner sampling
  const scale = Math.min(1, (ph * 1.05) / SH);
  const s2w = Math.round(SW * scale);
  const s2h = Math.round(SH * scale);
  const small = createCanvas(s2w, s2h);
  const sg = small.getContext("2d");
  sg.imageSmoothingEnabled = true;
  sg.imageSmoothingQuality = "high";
  sg.drawImage(paper, 0, 0, s2w, s2h);
  const src = sg.getImageData(0, 0, s2w, s2h).data;
  const Hs = homography(
    [
      [0, 0],
      [s2w, 0],
      [s2w, s2h],
      [0, s2h],
    ],
    dst,
  );
  const Hinv = homography(dst, [
    [0, 0],
    [s2w, 0],
    [s2w, s2h],
    [0, s2h],
  ]);
  const map: Mapper = ([x, y]) => applyH(Hs, [x * scale, y * scale]);
  // desk
  const desks: Rgb[] = [
    [146, 104, 70],
    [118, 118, 122],
    [214, 210, 200],
    [70, 72, 78],
    [176, 150, 120],
  ];
  const desk = rng.pick(desks);
  const out = createCanvas(W, H);
  const g = out.getContext("2d");
  const img = g.createImageData(W, H);
  const d = img.data;
  const tex = valueNoise(rng.fork("desk"), W, H, Math.round(W / 14));
  const fine = valueNoise(rng.fork("desk-fine"), W, H, 6);
  const grainF = rng.range(0.02, 0.06);
  const wood = rng.chance(0.5);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const i = (y * W + x) * 4;
      const [u, v] = applyH(Hinv, [x + 0.5, y + 0.5]);
      if (u >= 0 && v >= 0 && u < s2w - 1 && v < s2h - 1) {
        const x0 = Math.floor(u);
        const y0 = Math.floor(v);
        const fx = u - x0;
        const fy = v - y0;
        const j = (y0 * s2w + x0) * 4;
        const j2 = j + s2w * 4;
        for (let c = 0; c < 3; c++) {
          const a = src[j + c] ?? 0;
          const b = src[j + 4 + c] ?? 0;
          const e = src[j2 + c] ?? 0;
          const f = src[j2 + 4 + c] ?? 0;
          d[i + c] = (a + (b - a) * fx) * (1 - fy) + (e + (f - e) * fx) * fy;
        }
      } else {
        const t = (tex[y * W + x] ?? 0.5) - 0.5;
        const f = (fine[y * W + x] ?? 0.5) - 0.5;
        const grain = wood ? Math.sin((y + t * 120) * grainF) * 5 + f * 3 : f * 5;
        d[i] = clamp(desk[0] + t * 30 + grain);
        d[i + 1] = clamp(desk[1] + t * 26 + grain);
        d[i + 2] = clamp(desk[2] + t * 22 + grain);
      }
      d[i + 3] = 255;
    }
  }
  g.putImageData(img, 0, 0);
  // blur via a redraw with a filter
  const blur = rng.range(0.5, 1.3);
  const out2 = createCanvas(W, H);
  const g2 = out2.getContext("2d");
  g2.filter = `blur(${blur.toFixed(2)}px)`;
  g2.drawImage(out, 0, 0);
  g2.filter = "none";
  // lighting: gradient from a light position, vignette, a soft shadow (phone/hand) from one edge
  const lx = rng.range(-0.3, 1.3) * W;
  const ly = rng.range(-0.3, 0.6) * H;
  const fall = rng.range(0.12, 0.3);
  const vign = rng.range(0.05, 0.18);
  const shadow = rng.chance(0.55);
  const shEdge = rng.int(0, 3);
  const shDepth = rng.range(0.12, 0.3);
  const shWidth = rng.range(0.12, 0.3);
  const diag = Math.hypot(W, H);
  const exposure = rng.range(0.92, 1.06);
  const light = (x: number, y: number): number => {
    const dl = Math.hypot(x - lx, y - ly) / diag;
    const r2 = ((x - W / 2) / W) ** 2 + ((y - H / 2) / H) ** 2;
    let L = exposure * (1 - fall * dl) * (1 - vign * r2 * 2);
    if (shadow) {
      const t = shEdge === 0 ? x / W : shEdge === 1 ? 1 - x / W : shEdge === 2 ? 1 - y / H : y / H;
      const s = Math.max(0, 1 - t / shWidth);
      L *= 1 - shDepth * s * s * (3 - 2 * s);
    }
    return L;
  };
  const warm = rng.chance(0.6);
  const gains: [number, number, number] = warm
    ? [1.0, rng.range(0.95, 0.98), rng.range(0.84, 0.92)]
    : [rng.range(0.93, 0.97), rng.range(0.97, 1.0), 1.0];
  const noise = rng.range(2.5, 5.5);
  pixelPass(g2, W, H, rng.fork("px"), { noise, chroma: noise * 0.5, black: rng.range(15, 35), white: 255, gains, light });
  return {
    canvas: out2,
    map,
    width: W,
    height: H,
    params: {
      rotationDeg: +((rot * 180) / Math.PI).toFixed(3),
      perspective: +persp.toFixed(3),
      blurPx: +blur.toFixed(2),
      noiseSigma: +noise.toFixed(2),
      lightFalloff: +fall.toFixed(3),
      shadow,
      colourCast: warm ? "warm" : "cool",
    },
  };
}

/** Light touch for screenshots: nothing geometric; identity mapping. */
export function identity(canvas: Canvas): Degraded {
  return { canvas, map: (p) => p, width: canvas.width, height: canvas.height, params: {} };
}
