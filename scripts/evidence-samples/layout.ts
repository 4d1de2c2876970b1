// Raster page layout: paginates a Doc onto A4 pages at a given dpi, producing draw operations plus the positions of
// every text line (for choosing and locating marked phrases) and of every distractor.
import { createCanvas, GlobalFonts, type SKRSContext2D } from "@napi-rs/canvas";
import type { Align, Block, Doc, FontFamily, Inline, ParaBlock, Rgb, SealSpec, SignBlock, TableBlock } from "./model.js";
import { num } from "./thai.js";

const FONT_DIR = "/usr/share/fonts/truetype/tlwg";
let fontsReady = false;

export function registerFonts(): void {
  if (fontsReady) return;
  for (const [file, family] of [
    ["Laksaman.ttf", "Laksaman"],
    ["Laksaman-Bold.ttf", "Laksaman"],
    ["Garuda.ttf", "Garuda"],
    ["Garuda-Bold.ttf", "Garuda"],
    ["Loma.ttf", "Loma"],
    ["Loma-Bold.ttf", "Loma"],
    ["Sawasdee.ttf", "Sawasdee"],
    ["Sawasdee-Bold.ttf", "Sawasdee"],
    ["TlwgTypist.ttf", "TlwgTypist"],
  ] as const) {
    if (!GlobalFonts.registerFromPath(`${FONT_DIR}/${file}`, family)) throw new Error(`cannot register font ${file}`);
  }
  fontsReady = true;
}

export function cssFont(family: FontFamily | "Sawasdee" | "TlwgTypist", px: number, bold = false): string {
  return `${bold ? "bold " : ""}${px.toFixed(2)}px ${family}`;
}

let scratch: SKRSContext2D | null = null;
const widthCache = new Map<string, number>();

export function measure(font: string, text: string): number {
  if (text.length === 0) return 0;
  const k = `${font}\u0000${text}`;
  const hit = widthCache.get(k);
  if (hit !== undefined) return hit;
  if (!scratch) {
    registerFonts();
    scratch = createCanvas(8, 8).getContext("2d");
  }
  scratch.font = font;
  const w = scratch.measureText(text).width;
  if (widthCache.size > 200_000) widthCache.clear();
  widthCache.set(k, w);
  return w;
}

const vmCache = new Map<string, { ascent: number; descent: number }>();

/** Ink extent of Thai text in this font: top of stacked tone marks and bottom of below-base vowels. */
export function vmetrics(font: string): { ascent: number; descent: number } {
  const hit = vmCache.get(font);
  if (hit) return hit;
  if (!scratch) {
    registerFonts();
    scratch = createCanvas(8, 8).getContext("2d");
  }
  scratch.font = font;
  const up = scratch.measureText("ที่ปั้นบ้าน");
  const down = scratch.measureText("ครูกฎหมู่");
  const v = { ascent: up.actualBoundingBoxAscent, descent: down.actualBoundingBoxDescent };
  vmCache.set(font, v);
  return v;
}

const wordSeg = new Intl.Segmenter("th", { granularity: "word" });
const graphemeSeg = new Intl.Segmenter("th", { granularity: "grapheme" });

export function graphemes(s: string): string[] {
  return Array.from(graphemeSeg.segment(s), (g) => g.segment);
}

// ---------- output structures ----------

export type Op =
  | { t: "text"; x: number; y: number; text: string; font: string; color: string }
  | { t: "line"; x1: number; y1: number; x2: number; y2: number; w: number; color: string; dash?: number[] }
  | { t: "fill"; x: number; y: number; w: number; h: number; rgb: Rgb }
  | { t: "emblem"; cx: number; top: number; h: number }
  | { t: "logo"; x: number; y: number; size: number; variant: number }
  | { t: "seal"; cx: number; cy: number; r: number; spec: SealSpec }
  | { t: "signature"; x: number; y: number; w: number; h: number };

export interface Piece {
  text: string;
  font: string;
  x: number;
  /** offset of this piece in its container's text */
  start: number;
}

export interface LineRec {
  container: number;
  baseline: number;
  px: number;
  pieces: Piece[];
  /** container offsets covered by this line */
  start: number;
  end: number;
  /** word-break offsets (container offsets) inside the line, for random spans */
  breaks: number[];
  /** space-delimited chunks [start, end) of the line (Thai writes spaces between phrases, not words) */
  chunks: [number, number][];
}

export interface Container {
  id: number;
  text: string;
  /** [start, end) of candidate key phrases */
  keys: [number, number][];
}

export interface LaidDistractor {
  kind: "seal" | "signature" | "logo" | "shading";
  /** geometry in page px: rect, or circle */
  rect?: [number, number, number, number];
  circle?: [number, number, number];
  note?: string;
  /** for seals/signatures: index of the op that draws it */
  op?: number;
}

export interface LaidPage {
  index: number;
  ops: Op[];
  lines: LineRec[];
  distractors: LaidDistractor[];
}

export interface Layout {
  dpi: number;
  width: number;
  height: number;
  pages: LaidPage[];
  containers: Container[];
  font: FontFamily;
}

// ---------- layout engine ----------

interface Tok {
  text: string;
  bold: boolean;
  start: number;
  space: boolean;
}

export interface Geometry {
  W: number;
  H: number;
  mL: number;
  mR: number;
  mT: number;
  mB: number;
}

/** Lay out on A4 at `dpi` (ระเบียบงานสารบรรณ margins), or on a custom px geometry (screenshots). */
export function layoutDoc(doc: Doc, dpi: number, geom?: Geometry): Layout {
  registerFonts();
  const mm = dpi / 25.4;
  const pt = dpi / 72;
  const W = geom?.W ?? Math.round(210 * mm);
  const H = geom?.H ?? Math.round(297 * mm);
  const mL = geom?.mL ?? 30 * mm;
  const mR = geom?.mR ?? 20 * mm;
  const mT = geom?.mT ?? 22 * mm;
  const mB = geom?.mB ?? 20 * mm;
  const textW = W - mL - mR;
  const containers: Container[] = [];
  const pages: LaidPage[] = [];
  let page: LaidPage = { index: 0, ops: [], lines: [], distractors: [] };
  pages.push(page);
  let y = mT;

  const family = doc.font;
  const lineH = (sizePt: number) => sizePt * pt * doc.leading;

  const newPage = () => {
    page = { index: pages.length, ops: [], lines: [], distractors: [] };
    pages.push(page);
    y = mT;
    if (doc.pageNumbers !== "none") {
      const label = `- ${num(pages.length, doc.pageNumbers === "thai")} -`;
      const f = cssFont(family, doc.size * pt);
      page.ops.push({ t: "text", x: W / 2 - measure(f, label) / 2, y: mT - 4 * mm, text: label, font: f, color: "#000" });
      y = mT + 6 * mm;
    }
  };
  const remaining = () => H - mB - y;

  const makeContainer = (inls: Inline[]): { c: Container; toks: Tok[] } => {
    const c: Container = { id: containers.length, text: "", keys: [] };
    const toks: Tok[] = [];
    for (const run of inls) {
      const base = c.text.length;
      if (run.key) c.keys.push([base, base + run.text.length]);
      let glueNext = false;
      for (const s of wordSeg.segment(run.text)) {
        const tok: Tok = { text: s.segment, bold: !!run.bold, start: base + s.index, space: /^\s+$/.test(s.segment) };
        const prev = toks[toks.length - 1];
        // no line break before closing punctuation / ๆ / ฯ, nor after opening brackets and quotes
        if (prev && !prev.space && !tok.space && prev.bold === tok.bold && (glueNext || /^[)\]}”’,.:;!?%ๆฯ]/.test(tok.text))) {
          prev.text += tok.text;
        } else {
          toks.push(tok);
        }
        glueNext = /[(\[{“‘]$/.test(tok.text) && !tok.space;
      }
      c.text += run.text;
    }
    containers.push(c);
    return { c, toks };
  };

  /** Break tokens into lines no wider than the given widths (first line may differ). */
  const breakLines = (toks: Tok[], px: number, firstW: number, restW: number, baseBold: boolean): Tok[][] => {
    const lines: Tok[][] = [];
    let cur: Tok[] = [];
    let curW = 0;
    const widthOf = (t: Tok) => measure(cssFont(family, px, t.bold || baseBold), t.text);
    const limit = () => (lines.length === 0 ? firstW : restW);
    const queue = toks.slice();
    while (queue.length > 0) {
      const t = queue.shift() as Tok;
      if (cur.length === 0 && t.space) continue;
      const w = widthOf(t);
      if (curW + w <= limit() || (cur.length === 0 && w <= limit())) {
        cur.push(t);
        curW += w;
        continue;
      }
      if (t.space) {
        lines.push(cur);
        cur = [];
        curW = 0;
        continue;
      }
      if (cur.length === 0) {
        // a single token wider than the line: split by grapheme clusters
        let acc = "";
        let off = t.start;
        for (const g of graphemes(t.text)) {
          if (measure(cssFont(family, px, t.bold || baseBold), acc + g) > limit() && acc) {
            lines.push([{ ...t, text: acc, start: off }]);
            off += acc.length;
            acc = "";
          }
          acc += g;
        }
        queue.unshift({ ...t, text: acc, start: off });
        continue;
      }
      lines.push(cur);
      cur = [];
      curW = 0;
      queue.unshift(t);
    }
    if (cur.length > 0) lines.push(cur);
    return lines.map((l) => {
      while (l.length > 0 && l[l.length - 1]?.space) l.pop();
      return l;
    });
  };

  /** Emit one laid-out line at baseline yb. */
  const emitLine = (c: Container, toks: Tok[], px: number, x0: number, availW: number, align: Align, yb: number, baseBold: boolean, color = "#000") => {
    const pieces: Piece[] = [];
    let x = 0;
    for (const t of toks) {
      const font = cssFont(family, px, t.bold || baseBold);
      const last = pieces[pieces.length - 1];
      if (last && last.font === font && last.start + last.text.length === t.start) last.text += t.text;
      else pieces.push({ text: t.text, font, x, start: t.start });
      x += measure(font, t.text);
    }
    // re-measure pieces as drawn (one fillText per piece)
    let cx = 0;
    for (const p of pieces) {
      p.x = cx;
      cx += measure(p.font, p.text);
    }
    const lineW = cx;
    const shift = align === "center" ? (availW - lineW) / 2 : align === "right" ? availW - lineW : 0;
    for (const p of pieces) {
      p.x += x0 + shift;
      page.ops.push({ t: "text", x: p.x, y: yb, text: p.text, font: p.font, color });
    }
    const first = toks[0];
    const lastTok = toks[toks.length - 1];
    if (!first || !lastTok) return;
    const breaks = toks.filter((t) => !t.space).map((t) => t.start);
    breaks.push(lastTok.start + lastTok.text.length);
    const chunks: [number, number][] = [];
    for (const t of toks) {
      if (t.space) continue;
      const last = chunks[chunks.length - 1];
      if (last && last[1] === t.start) last[1] = t.start + t.text.length;
      else chunks.push([t.start, t.start + t.text.length]);
    }
    page.lines.push({ container: c.id, baseline: yb, px, pieces, start: first.start, end: lastTok.start + lastTok.text.length, breaks, chunks });
  };

  const para = (b: ParaBlock, nextMin: number) => {
    const sizePt = b.size ?? doc.size;
    const px = sizePt * pt;
    const lh = lineH(sizePt);
    const left = (b.left ?? 0) * mm;
    const indent = (b.indent ?? 0) * mm;
    const align = b.align ?? "left";
    const { c, toks } = makeContainer(b.inl);
    const lines = breakLines(toks, px, textW - left - indent, textW - left, false);
    const before = (b.before ?? 0) * mm;
    const need = (b.keepNext ? lines.length * lh + nextMin : Math.min(2, lines.length) * lh) + before;
    if (need > remaining() && y > mT + 30 * mm) newPage();
    else y += before;
    lines.forEach((l, i) => {
      if (lh > remaining()) newPage();
      const x0 = mL + left + (i === 0 ? indent : 0);
      const availW = textW - left - (i === 0 ? indent : 0);
      emitLine(c, l, px, x0, availW, align, y + px * 0.8, false);
      y += lh;
    });
  };

  const table = (b: TableBlock) => {
    const sizePt = b.size ?? doc.size;
    const px = sizePt * pt;
    const lh = lineH(sizePt) * 0.96;
    const pad = 1.6 * mm;
    const total = b.widths.reduce((s, w) => s + w, 0);
    const colW = b.widths.map((w) => (w / total) * textW);
    const colX: number[] = [];
    colW.reduce((x, w) => {
      colX.push(x);
      return x + w;
    }, mL);
    const lineW = Math.max(1.5, 0.25 * mm);
    y += (b.before ?? 0) * mm;
    type Cell = { c: Container; lines: Tok[][] };
    const layRow = (cells: Inline[][], bold: boolean): { cells: Cell[]; h: number } => {
      const laid = cells.map((inls, i) => {
        const { c, toks } = makeContainer(inls);
        const w = (colW[i] ?? 0) - 2 * pad;
        return { c, lines: breakLines(toks, px, w, w, bold) };
      });
      const h = Math.max(1, ...laid.map((l) => l.lines.length)) * lh + 2 * pad;
      return { cells: laid, h };
    };
    const drawRow = (row: { cells: Cell[]; h: number }, bold: boolean, fill: Rgb | null, center: boolean) => {
      const top = y;
      if (fill) {
        page.ops.push({ t: "fill", x: mL, y: top, w: textW, h: row.h, rgb: fill });
        page.distractors.push({ kind: "shading", rect: [mL, top, textW, row.h], note: `rgb(${fill.join(",")})` });
      }
      row.cells.forEach((cell, i) => {
        const cx = (colX[i] ?? 0) + pad;
        const cw = (colW[i] ?? 0) - 2 * pad;
        cell.lines.forEach((l, k) => {
          emitLine(cell.c, l, px, cx, cw, center ? "center" : "left", top + pad + k * lh + px * 0.8, bold);
        });
      });
      if (!b.borderless) {
        const x2 = mL + textW;
        page.ops.push({ t: "line", x1: mL, y1: top, x2, y2: top, w: lineW, color: "#111" });
        page.ops.push({ t: "line", x1: mL, y1: top + row.h, x2, y2: top + row.h, w: lineW, color: "#111" });
        for (const x of [...colX, x2]) page.ops.push({ t: "line", x1: x, y1: top, x2: x, y2: top + row.h, w: lineW, color: "#111" });
      }
      y += row.h;
    };
    const head = b.head.length > 0 ? layRow(b.head.map((h) => [{ text: h }]), true) : null;
    const rows = b.rows.map((r) => layRow(r, false));
    const first = rows[0];
    if ((head?.h ?? 0) + (first?.h ?? 0) > remaining()) newPage();
    if (head) drawRow(head, true, b.shade, true);
    rows.forEach((r, i) => {
      if (r.h > remaining()) {
        newPage();
        if (head) drawRow(layRow(b.head.map((h) => [{ text: h }]), true), true, b.shade, true);
      }
      drawRow(r, false, b.band && i % 2 === 1 ? b.band : null, false);
    });
  };

  const sign = (b: SignBlock) => {
    const px = doc.size * pt;
    const lh = lineH(doc.size);
    const sigH = 17 * mm;
    const need = (b.before ?? 0) * mm + sigH + b.lines.length * lh;
    if (need > remaining()) newPage();
    else y += (b.before ?? 0) * mm;
    const cx = mL + textW * (b.cx ?? 0.62);
    const sigW = 48 * mm;
    const sigTop = y;
    const f = cssFont(family, px);
    if (b.label) {
      const labelY = sigTop + sigH - 2 * mm;
      const dots = "..........................................";
      const dw = measure(f, dots);
      page.ops.push({ t: "text", x: cx - dw / 2 - measure(f, b.label) - 2 * mm, y: labelY, text: b.label, font: f, color: "#000" });
      page.ops.push({ t: "text", x: cx - dw / 2, y: labelY, text: dots, font: f, color: "#000" });
    }
    const sigOp = page.ops.length;
    page.ops.push({ t: "signature", x: cx - sigW / 2, y: sigTop, w: sigW, h: sigH });
    page.distractors.push({ kind: "signature", rect: [cx - sigW / 2, sigTop, sigW, sigH], op: sigOp });
    y = sigTop + sigH + 1 * mm;
    const lineYs: number[] = [];
    for (const text of b.lines) {
      const { c, toks } = makeContainer([{ text }]);
      const ls = breakLines(toks, px, textW, textW, false);
      for (const l of ls) {
        const w = l.reduce((s, t) => s + measure(f, t.text), 0);
        emitLine(c, l, px, cx - w / 2, w, "left", y + px * 0.8, false);
        lineYs.push(y);
        y += lh;
      }
    }
    if (b.seal) {
      const r = 19 * mm;
      const scx = cx - sigW * 0.55 - r * 0.35;
      const scy = sigTop + sigH * 0.75;
      const op = page.ops.length;
      page.ops.push({ t: "seal", cx: scx, cy: scy, r, spec: b.seal });
      page.distractors.push({ kind: "seal", circle: [scx, scy, r], op });
    }
  };

  const emblem = () => {
    const h = 30 * mm; // ระเบียบงานสารบรรณ: ครุฑ 3 cm
    page.ops.push({ t: "emblem", cx: W / 2, top: y, h });
    page.distractors.push({ kind: "logo", rect: [W / 2 - h * 0.55, y, h * 1.1, h], note: "garuda emblem (black)" });
    y += h + 3 * mm;
  };

  const logo = (b: Extract<Block, { t: "logo" }>) => {
    const size = 24 * mm;
    const x = b.align === "center" ? W / 2 - size / 2 : b.align === "right" ? mL + textW - size : mL;
    page.ops.push({ t: "logo", x, y, size, variant: b.variant });
    page.distractors.push({ kind: "logo", rect: [x, y, size, size], note: `logo variant ${b.variant}` });
    if (b.caption && b.align === "left") {
      const f = cssFont(family, doc.size * pt * 1.1, true);
      const { c, toks } = makeContainer([{ text: b.caption, bold: true }]);
      emitLine(c, toks.filter((t) => t.text.length > 0), doc.size * pt * 1.1, x + size + 5 * mm, textW, "left", y + size / 2 + doc.size * pt * 0.3, true);
      void f;
    }
    y += size + 4 * mm;
  };

  const minHeight = (b: Block | undefined): number => {
    if (!b) return 0;
    if (b.t === "para") return lineH(b.size ?? doc.size) * 2 + (b.before ?? 0) * mm;
    if (b.t === "table") return lineH(doc.size) * 3;
    if (b.t === "sign") return 17 * mm + b.lines.length * lineH(doc.size) + (b.before ?? 0) * mm;
    return 0;
  };

  doc.blocks.forEach((b, i) => {
    switch (b.t) {
      case "emblem":
        emblem();
        break;
      case "logo":
        logo(b);
        break;
      case "para":
        para(b, minHeight(doc.blocks[i + 1]));
        break;
      case "table":
        table(b);
        break;
      case "sign":
        sign(b);
        break;
      case "space":
        y += b.mm * mm;
        break;
      case "pagebreak":
        newPage();
        break;
    }
  });
  return { dpi, width: W, height: H, pages, containers, font: family };
}

/** Boxes (one per line) of container range [a, b) on a page, in page px: [x, y, w, h] text boxes + baselines. */
export function rangeBoxes(page: LaidPage, container: number, a: number, b: number): { box: [number, number, number, number]; baseline: number; px: number; text: string }[] {
  const out: { box: [number, number, number, number]; baseline: number; px: number; text: string }[] = [];
  for (const line of page.lines) {
    if (line.container !== container) continue;
    const s = Math.max(a, line.start);
    const e = Math.min(b, line.end);
    if (e <= s) continue;
    let x0 = Infinity;
    let x1 = -Infinity;
    let text = "";
    for (const p of line.pieces) {
      const ps = Math.max(s, p.start);
      const pe = Math.min(e, p.start + p.text.length);
      if (pe <= ps) continue;
      const xa = p.x + measure(p.font, p.text.slice(0, ps - p.start));
      const xb = p.x + measure(p.font, p.text.slice(0, pe - p.start));
      x0 = Math.min(x0, xa);
      x1 = Math.max(x1, xb);
      text += p.text.slice(ps - p.start, pe - p.start);
    }
    if (!Number.isFinite(x0)) continue;
    const vm = vmetrics(line.pieces[0]?.font ?? "");
    const top = line.baseline - vm.ascent;
    const bottom = line.baseline + vm.descent;
    out.push({ box: [x0, top, x1 - x0, bottom - top], baseline: line.baseline, px: line.px, text: text.trim() });
  }
  return out;
}
