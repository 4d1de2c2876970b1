// Digital (text-layer) PDFs: Doc → HTML → LibreOffice (correct Thai shaping) → pdf-lib post-processing
// (signature and seal images, /Highlight and /Underline annotations, deterministic metadata).
//
// Phrase positions come from a "probe" conversion of the same HTML in which every candidate phrase, signatory line
// and table shading gets a unique background colour; the filled rectangles LibreOffice writes for those backgrounds
// are read back from the content stream (pdfops.ts), so the boxes are exact and independent of the text layer.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { createCanvas } from "@napi-rs/canvas";
import {
  BlendMode,
  PDFArray,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFString,
  type PDFPage,
} from "pdf-lib";
import { drawEmblem, drawLogo, drawSeal, drawSignature } from "./draw.js";
import { encodePng } from "./encode.js";
import { cssFont, measure, registerFonts } from "./layout.js";
import { balanced, pickColorScheme } from "./marks.js";
import type { BBox, Block, Doc, HighlightColor, Inline, Marked, Rgb, SealSpec, TruthPage } from "./model.js";
import type { FillRect } from "./pdfops.js";
import { scanPdf } from "./pdfops.js";
import type { Rng } from "./prng.js";

export type DigitalStyle = "annotation" | "text-background";

interface Piece {
  text: string;
  bold: boolean;
  cand: number | null;
}

interface Cand {
  id: number;
  text: string;
  key: boolean;
}

interface Prepared {
  doc: Doc;
  /** per block: pieces of each container (para: [one], table: rows×cells flattened, sign: lines) */
  containers: Map<number, Piece[][]>;
  cands: Cand[];
  /** probe id → what it marks */
  anchors: Map<number, { kind: "sign"; seal: SealSpec | null; signer: string }>;
  shades: Map<number, Rgb>;
  images: { kind: "emblem" | "logo"; variant: number; file: string }[];
}

const FIRST_EXTRA_ID = 600;

export function probeColor(id: number): Rgb {
  return [255, 16 + 8 * (id % 28), 16 + 8 * Math.floor(id / 28)];
}

function idOfColor([r, g, b]: readonly number[]): number | null {
  if (r !== 255 || g === undefined || b === undefined) return null;
  if ((g - 16) % 8 !== 0 || (b - 16) % 8 !== 0 || g < 16 || b < 16 || g > 232) return null;
  return (g - 16) / 8 + 28 * ((b - 16) / 8);
}

const hex = (c: Rgb) => `#${c.map((v) => v.toString(16).padStart(2, "0")).join("")}`;
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

const wordSeg = new Intl.Segmenter("th", { granularity: "word" });
const LETTERS = /[\u0E01-\u0E2E\u0E40-\u0E44A-Za-z]/g;

/** Split inline runs into pieces; keys become candidates; sometimes an extra arbitrary word span too. */
function piecesOf(inls: Inline[], cands: Cand[], rng: Rng, randomSpan: boolean, minWords = 8): Piece[] {
  const out: Piece[] = [];
  for (const r of inls) {
    if (r.key) {
      const id = cands.length;
      cands.push({ id, text: r.text.trim(), key: true });
      out.push({ text: r.text, bold: !!r.bold, cand: id });
    } else {
      out.push({ text: r.text, bold: !!r.bold, cand: null });
    }
  }
  if (!randomSpan) return out;
  const idx = out.findIndex((p) => p.cand === null && [...wordSeg.segment(p.text)].filter((s) => s.isWordLike).length >= minWords);
  if (idx < 0) return out;
  const p = out[idx] as Piece;
  // prefer 1–3 whole space-delimited chunks
  const chunks = [...p.text.matchAll(/\S+/g)].map((m) => [m.index ?? 0, (m.index ?? 0) + m[0].length] as [number, number]);
  const options: [number, number][] = [];
  for (let s = 0; s < chunks.length; s++) {
    for (let k = 1; k <= 3 && s + k <= chunks.length; k++) {
      const a = chunks[s]?.[0] ?? 0;
      const b = chunks[s + k - 1]?.[1] ?? 0;
      const t = p.text.slice(a, b).replace(/^[“”"',:;]+|[“”"',:;]+$/g, "");
      if ((t.match(LETTERS) ?? []).length >= 8 && b - a <= 48 && balanced(t)) options.push([a, b]);
    }
  }
  if (options.length > 0 && rng.chance(0.8)) {
    let [a, b] = rng.pick(options);
    while (a < b && /[\s“”"',:;]/.test(p.text[a] ?? "")) a++;
    while (b > a && /[\s“”"',:;]/.test(p.text[b - 1] ?? "")) b--;
    const id = cands.length;
    cands.push({ id, text: p.text.slice(a, b), key: false });
    out.splice(
      idx,
      1,
      { text: p.text.slice(0, a), bold: p.bold, cand: null },
      { text: p.text.slice(a, b), bold: p.bold, cand: id },
      { text: p.text.slice(b), bold: p.bold, cand: null },
    );
    return out.filter((q) => q.text.length > 0);
  }
  const segs = [...wordSeg.segment(p.text)];
  const starts = segs.filter((s) => s.isWordLike).map((s) => s.index);
  const i = rng.int(0, Math.max(0, starts.length - Math.min(4, minWords)));
  const len = rng.int(2, 6);
  const a = starts[i] ?? 0;
  const bIdx = i + len < starts.length ? (starts[i + len] ?? p.text.length) : p.text.length;
  let b = bIdx;
  while (b > a && /[\s()“”"',:;]/.test(p.text[b - 1] ?? "")) b--;
  let a2 = a;
  while (a2 < b && /[\s()“”"',:;]/.test(p.text[a2] ?? "")) a2++;
  const span = p.text.slice(a2, b);
  if ((span.match(LETTERS) ?? []).length < 8 || !balanced(span)) return out;
  const id = cands.length;
  cands.push({ id, text: span, key: false });
  out.splice(
    idx,
    1,
    { text: p.text.slice(0, a2), bold: p.bold, cand: null },
    { text: span, bold: p.bold, cand: id },
    { text: p.text.slice(b), bold: p.bold, cand: null },
  );
  return out.filter((q) => q.text.length > 0);
}

export function prepare(doc: Doc, rng: Rng): Prepared {
  const cands: Cand[] = [];
  const containers = new Map<number, Piece[][]>();
  const anchors: Prepared["anchors"] = new Map();
  const shades = new Map<number, Rgb>();
  const images: Prepared["images"] = [];
  let extra = FIRST_EXTRA_ID;
  doc.blocks.forEach((b, bi) => {
    if (b.t === "para") containers.set(bi, [piecesOf(b.inl, cands, rng, rng.chance(0.55))]);
    else if (b.t === "table") {
      const cells: Piece[][] = [];
      for (const row of b.rows) for (const cell of row) cells.push(piecesOf(cell, cands, rng, rng.chance(0.3), 3));
      containers.set(bi, cells);
      if (b.shade) shades.set(extra++, b.shade);
      if (b.band) for (let r = 1; r < b.rows.length; r += 2) shades.set(extra++, b.band);
    } else if (b.t === "sign") {
      const lines = b.lines.map((l, i) => (i === 1 ? piecesOf([{ text: l, key: true }], cands, rng, false) : [{ text: l, bold: false, cand: null }]));
      containers.set(bi, lines);
      anchors.set(extra++, { kind: "sign", seal: b.seal, signer: b.lines[0] ?? "" });
    } else if (b.t === "emblem") images.push({ kind: "emblem", variant: 0, file: `emblem.png` });
    else if (b.t === "logo") images.push({ kind: "logo", variant: b.variant, file: `logo${b.variant}.png` });
  });
  return { doc, containers, cands, anchors, shades, images };
}

// ---------- HTML ----------

interface HtmlMode {
  probe: boolean;
  /** final: background colours of the chosen text-background marks */
  marks: Map<number, string>;
}

function lineHeight(doc: Doc): number {
  // LibreOffice's single spacing for the TLWG fonts is very loose (≈1.97 em for Laksaman); tighten proportionally
  const natural = doc.font === "Laksaman" ? 1.97 : doc.font === "Garuda" ? 2.05 : 1.75;
  return Math.round((100 * doc.leading) / natural);
}

export function toHtml(p: Prepared, mode: HtmlMode): string {
  const { doc } = p;
  const lh = lineHeight(doc);
  const textWcm = 16;
  const runs = (pieces: Piece[]) =>
    pieces
      .map((q) => {
        let t = esc(q.text);
        if (q.bold) t = `<b>${t}</b>`;
        if (q.cand !== null) {
          const bg = mode.probe ? hex(probeColor(q.cand)) : mode.marks.get(q.cand);
          if (bg) t = `<span style="background:${bg}">${t}</span>`;
        }
        return t;
      })
      .join("");
  const out: string[] = [];
  let shadeIter = [...p.shades.keys()];
  let anchorIter = [...p.anchors.keys()];
  let imgIdx = 0;
  doc.blocks.forEach((b: Block, bi) => {
    const pcs = p.containers.get(bi) ?? [];
    switch (b.t) {
      case "emblem": {
        const img = p.images[imgIdx++];
        out.push(`<p align="center" style="line-height:100%;margin-top:0;margin-bottom:0.3cm"><img src="${img?.file}" style="width:3cm;height:3cm" width="113" height="113"></p>`);
        break;
      }
      case "logo": {
        const img = p.images[imgIdx++];
        const cap = b.caption ? ` &nbsp;<b>${esc(b.caption)}</b>` : "";
        out.push(`<p align="${b.align}" style="line-height:100%;margin-bottom:0.3cm"><img src="${img?.file}" style="width:2.4cm;height:2.4cm" width="91" height="91">${cap}</p>`);
        break;
      }
      case "para": {
        const st = [
          `line-height:${lh}%`,
          `margin-top:${((b.before ?? 0) / 10).toFixed(2)}cm`,
          "margin-bottom:0",
          b.left ? `margin-left:${(b.left / 10).toFixed(2)}cm` : "",
          b.indent ? `text-indent:${(b.indent / 10).toFixed(2)}cm` : "",
          b.size && b.size !== doc.size ? `font-size:${b.size}pt` : "",
          b.align && b.align !== "left" ? `text-align:${b.align}` : "",
        ].filter(Boolean);
        out.push(`<p style="${st.join(";")}">${runs(pcs[0] ?? [])}</p>`);
        break;
      }
      case "table": {
        const total = b.widths.reduce((s, w) => s + w, 0);
        const pct = b.widths.map((w) => Math.round((100 * w) / total));
        const fs = b.size ?? doc.size;
        const cellP = (inner: string, align = "left") => `<p style="line-height:${lh}%;margin:0;font-size:${fs}pt;text-align:${align}">${inner}</p>`;
        const rows: string[] = [];
        if (b.head.length > 0) {
          const id = b.shade ? shadeIter.shift() : undefined;
          const bg = b.shade ? (mode.probe && id !== undefined ? hex(probeColor(id)) : hex(b.shade)) : null;
          rows.push(`<tr>${b.head.map((h, i) => `<td width="${pct[i]}%"${bg ? ` bgcolor="${bg}"` : ""}>${cellP(`<b>${esc(h)}</b>`, "center")}</td>`).join("")}</tr>`);
        } else if (b.shade) shadeIter.shift();
        let ci = 0;
        b.rows.forEach((row, ri) => {
          let bg: string | null = null;
          if (b.band && ri % 2 === 1) {
            const id = shadeIter.shift();
            bg = mode.probe && id !== undefined ? hex(probeColor(id)) : hex(b.band);
          }
          rows.push(`<tr>${row.map((_, i) => `<td width="${pct[i]}%"${bg ? ` bgcolor="${bg}"` : ""}>${cellP(runs(pcs[ci++] ?? []))}</td>`).join("")}</tr>`);
        });
        out.push(
          `<table border="${b.borderless ? 0 : 1}" cellspacing="0" cellpadding="${b.borderless ? 0 : 4}" width="100%" style="margin-top:${((b.before ?? 0) / 10).toFixed(2)}cm">${rows.join("")}</table>`,
        );
        break;
      }
      case "sign": {
        const cx = (b.cx ?? 0.62) * textWcm;
        const ml = Math.max(0, 2 * cx - textWcm);
        const anchor = anchorIter.shift();
        const st = `line-height:${lh}%;margin:0;margin-left:${ml.toFixed(2)}cm;text-align:center`;
        const gap = ((b.before ?? 6) / 10 + 1.2).toFixed(2);
        if (b.label) {
          out.push(`<p style="${st};margin-top:${gap}cm">${esc(b.label)} ..........................................</p>`);
        } else {
          out.push(`<p style="${st};margin-top:${gap}cm">&nbsp;</p>`);
        }
        pcs.forEach((line, i) => {
          let inner = runs(line);
          if (i === 0 && mode.probe && anchor !== undefined) inner = `<span style="background:${hex(probeColor(anchor))}">${inner}</span>`;
          out.push(`<p style="${st}">${inner}</p>`);
        });
        break;
      }
      case "space":
        out.push(`<p style="margin-top:${(b.mm / 10).toFixed(2)}cm;line-height:50%">&nbsp;</p>`);
        break;
      case "pagebreak":
        out.push(`<p style="page-break-before:always;margin:0">&nbsp;</p>`);
        break;
    }
  });
  shadeIter = [];
  anchorIter = [];
  return `<!DOCTYPE html>
<html lang="th"><head><meta charset="utf-8"><title>${esc(doc.title)}</title>
<style>
@page { size: 21cm 29.7cm; margin: 2.2cm 2cm 2cm 3cm }
body { font-family: '${doc.font}'; font-size: ${doc.size}pt; color: #000 }
p { margin-top: 0; margin-bottom: 0 }
</style></head><body>
${out.join("\n")}
</body></html>
`;
}

export function writeAssets(p: Prepared, dir: string): void {
  registerFonts();
  for (const img of p.images) {
    const size = img.kind === "emblem" ? 354 : 283;
    const c = createCanvas(size, size);
    const g = c.getContext("2d");
    if (img.kind === "emblem") {
      g.fillStyle = "#fff";
      g.fillRect(0, 0, size, size);
      drawEmblem(g, size / 2, 0, size);
    } else {
      g.fillStyle = "#fff";
      g.fillRect(0, 0, size, size);
      drawLogo(g, 0, 0, size, img.variant);
    }
    writeFileSync(path.join(dir, img.file), encodePng(g.getImageData(0, 0, size, size).data, size, size, 300));
  }
}

/** Convert HTML files to PDF with LibreOffice (private profile so parallel users do not collide). */
export function sofficeConvert(htmlFiles: string[], outDir: string, profileDir: string): void {
  if (htmlFiles.length === 0) return;
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=file://${profileDir}`,
      "--headless",
      "--norestore",
      "--infilter=HTML (StarWriter)",
      "--convert-to",
      "pdf:writer_pdf_Export",
      "--outdir",
      outDir,
      ...htmlFiles,
    ],
    { stdio: "pipe", timeout: 600_000 },
  );
}

// ---------- probe analysis and marks ----------

interface Located {
  page: number;
  /** line boxes in PDF user space (bottom-left origin) */
  boxes: { x: number; y: number; w: number; h: number }[];
}

function mergeLineRects(rects: FillRect[]): { x: number; y: number; w: number; h: number }[] {
  const lines: { x: number; y: number; w: number; h: number }[] = [];
  for (const r of rects.slice().sort((a, b) => b.y - a.y || a.x - b.x)) {
    const l = lines.find((q) => Math.abs(q.y - r.y) < 1 && Math.abs(q.h - r.h) < 3);
    if (l) {
      const x0 = Math.min(l.x, r.x);
      const x1 = Math.max(l.x + l.w, r.x + r.w);
      l.x = x0;
      l.w = x1 - x0;
    } else lines.push({ ...r });
  }
  return lines;
}

export async function locate(pdf: Uint8Array): Promise<{ located: Map<number, Located[]>; pages: { width: number; height: number; images: { x: number; y: number; w: number; h: number }[] }[] }> {
  const scan = await scanPdf(pdf);
  const located = new Map<number, Located[]>();
  scan.pages.forEach((pg, pi) => {
    const byId = new Map<number, FillRect[]>();
    for (const f of pg.fills) {
      const id = idOfColor(f.rgb);
      if (id === null) continue;
      const list = byId.get(id) ?? [];
      list.push(f);
      byId.set(id, list);
    }
    for (const [id, rects] of byId) {
      const list = located.get(id) ?? [];
      list.push({ page: pi, boxes: mergeLineRects(rects) });
      located.set(id, list);
    }
  });
  return { located, pages: scan.pages.map((p) => ({ width: p.width, height: p.height, images: p.images })) };
}

export interface ChosenMark {
  cand: number;
  text: string;
  color: HighlightColor;
  page: number;
  boxes: { x: number; y: number; w: number; h: number }[];
  style: Marked["style"];
}

export function chooseDigitalMarks(p: Prepared, located: Map<number, Located[]>, nPages: number, rng: Rng, style: DigitalStyle): ChosenMark[] {
  const out: ChosenMark[] = [];
  const underlineDoc = style === "annotation" && rng.chance(0.3);
  for (let page = 0; page < nPages; page++) {
    const onPage = p.cands
      .map((c) => ({ c, loc: located.get(c.id) }))
      .filter((x): x is { c: Cand; loc: Located[] } => !!x.loc && x.loc.length === 1 && x.loc[0]?.page === page);
    if (onPage.length === 0) throw new Error(`${p.doc.id}: no candidate phrase on page ${page + 1}`);
    const n = Math.min(onPage.length, rng.weighted([1, 2, 3, 4], [0.28, 0.34, 0.24, 0.14]));
    const colors = pickColorScheme(rng, n);
    const keys = rng.shuffle(onPage.filter((x) => x.c.key && !/^\(/.test(x.c.text)));
    const others = rng.shuffle(onPage.filter((x) => !x.c.key || /^\(/.test(x.c.text)));
    const chosen: typeof onPage = [];
    const clash = (a: Located, b: Located) =>
      (a.page === b.page && a.boxes.some((x) => b.boxes.some((y) => Math.abs(x.y - y.y) < 4)));
    while (chosen.length < n && (keys.length > 0 || others.length > 0)) {
      const fromKeys = keys.length > 0 && (others.length === 0 || rng.chance(0.75));
      const next = (fromKeys ? keys : others).shift();
      if (!next) break;
      if (chosen.some((c) => c.c.text === next.c.text || clash(c.loc[0] as Located, next.loc[0] as Located))) continue;
      chosen.push(next);
    }
    chosen.forEach((x, i) => {
      const loc = x.loc[0] as Located;
      const ms: Marked["style"] =
        style === "text-background" ? "text-background" : underlineDoc && rng.chance(0.7) ? "annotation-underline" : "annotation-highlight";
      out.push({ cand: x.c.id, text: x.c.text, color: colors[i] ?? "yellow", page, boxes: loc.boxes, style: ms });
    });
  }
  return out;
}

/** Word's text highlight palette (and a custom orange), used for text-background marks. */
export const TEXT_BG: Record<HighlightColor, Rgb> = {
  yellow: [255, 255, 0],
  green: [0, 255, 0],
  pink: [255, 0, 255],
  orange: [255, 192, 0],
  blue: [0, 255, 255],
};

/** Annotation colours as typical PDF viewers' highlighter presets. */
export const ANNOT: Record<HighlightColor, Rgb> = {
  yellow: [255, 236, 61],
  green: [118, 227, 96],
  pink: [255, 122, 196],
  orange: [255, 168, 56],
  blue: [102, 187, 255],
};

// ---------- final PDF post-processing ----------

function pdfDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `D:${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`;
}

function addMarkupAnnot(doc: PDFDocument, page: PDFPage, m: ChosenMark, rgb: Rgb, opacity: number, when: Date, author: string, note: string | null): void {
  const ctx = doc.context;
  const quads: number[] = [];
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const b of m.boxes) {
    // UL, UR, LL, LR (the order Acrobat writes)
    quads.push(b.x, b.y + b.h, b.x + b.w, b.y + b.h, b.x, b.y, b.x + b.w, b.y);
    x0 = Math.min(x0, b.x);
    y0 = Math.min(y0, b.y);
    x1 = Math.max(x1, b.x + b.w);
    y1 = Math.max(y1, b.y + b.h);
  }
  const rect = [x0 - 1, y0 - 1, x1 + 1, y1 + 1].map((v) => Math.round(v * 100) / 100);
  const [r, g, b] = rgb.map((v) => (v / 255).toFixed(4));
  const underline = m.style === "annotation-underline";
  const ops: string[] = ["/GS0 gs"];
  for (const bx of m.boxes) {
    if (underline) {
      const t = Math.max(0.8, bx.h * 0.06);
      ops.push(`${r} ${g} ${b} rg ${bx.x.toFixed(2)} ${(bx.y + bx.h * 0.12).toFixed(2)} ${bx.w.toFixed(2)} ${t.toFixed(2)} re f`);
    } else {
      ops.push(`${r} ${g} ${b} rg ${bx.x.toFixed(2)} ${bx.y.toFixed(2)} ${bx.w.toFixed(2)} ${bx.h.toFixed(2)} re f`);
    }
  }
  const gsDict = ctx.obj({ Type: "ExtGState", BM: underline ? "Normal" : "Multiply", CA: opacity, ca: opacity });
  const ap = ctx.stream(ops.join("\n"), {
    Type: "XObject",
    Subtype: "Form",
    FormType: 1,
    BBox: rect,
    Resources: { ExtGState: { GS0: gsDict } },
  });
  const apRef = ctx.register(ap);
  const annot = ctx.obj({
    Type: "Annot",
    Subtype: underline ? "Underline" : "Highlight",
    Rect: rect,
    QuadPoints: quads.map((v) => Math.round(v * 100) / 100),
    C: rgb.map((v) => Math.round((v / 255) * 1000) / 1000),
    CA: opacity,
    F: 4,
    P: page.ref,
    M: PDFString.of(pdfDate(when)),
    T: PDFHexString.fromText(author),
    AP: { N: apRef },
  });
  if (note) annot.set(PDFName.of("Contents"), PDFHexString.fromText(note));
  const ref = ctx.register(annot);
  const annots = page.node.lookup(PDFName.of("Annots"));
  if (annots instanceof PDFArray) annots.push(ref);
  else page.node.set(PDFName.of("Annots"), ctx.obj([ref]));
}

function pngOf(draw: (g: ReturnType<ReturnType<typeof createCanvas>["getContext"]>) => void, w: number, h: number): Buffer {
  const c = createCanvas(w, h);
  const g = c.getContext("2d");
  draw(g);
  return c.encodeSync("png");
}

export interface DigitalResult {
  bytes: Uint8Array;
  pages: TruthPage[];
}

export async function finalize(
  p: Prepared,
  finalPdf: Uint8Array,
  probe: Awaited<ReturnType<typeof locate>>,
  marks: ChosenMark[],
  rng: Rng,
  when: Date,
): Promise<DigitalResult> {
  registerFonts();
  const pdf = await PDFDocument.load(finalPdf, { updateMetadata: false });
  const pages = pdf.getPages();
  if (pages.length !== probe.pages.length) throw new Error(`${p.doc.id}: final PDF has ${pages.length} pages, probe ${probe.pages.length}`);
  const truth: TruthPage[] = pages.map((pg, i) => ({ page: i + 1, width: round2(pg.getWidth()), height: round2(pg.getHeight()), unit: "pt", marked: [], distractors: [] }));
  const H = (i: number) => pages[i]?.getHeight() ?? 841.89;
  const tl = (i: number, b: { x: number; y: number; w: number; h: number }): BBox => [round2(b.x), round2(H(i) - b.y - b.h), round2(b.w), round2(b.h)];
  const union = (bs: BBox[]): BBox => {
    const x0 = Math.min(...bs.map((b) => b[0]));
    const y0 = Math.min(...bs.map((b) => b[1]));
    const x1 = Math.max(...bs.map((b) => b[0] + b[2]));
    const y1 = Math.max(...bs.map((b) => b[1] + b[3]));
    return [round2(x0), round2(y0), round2(x1 - x0), round2(y1 - y0)];
  };
  // images (emblem/logo) as placed by LibreOffice
  probe.pages.forEach((pg, i) => {
    for (const im of pg.images) truth[i]?.distractors.push({ kind: "logo", bbox: tl(i, im), note: "image in the document body (emblem or logo)" });
  });
  // table shading
  for (const [id, rgb] of p.shades) {
    for (const loc of probe.located.get(id) ?? []) {
      const bs = loc.boxes.map((b) => tl(loc.page, b));
      if (bs.length > 0) truth[loc.page]?.distractors.push({ kind: "shading", bbox: union(bs), note: `rgb(${rgb.join(",")})` });
    }
  }
  // signatures and seals above each signatory line
  const mm = 72 / 25.4;
  for (const [id, a] of p.anchors) {
    const loc = probe.located.get(id)?.[0];
    const box = loc?.boxes[0];
    if (!loc || !box) continue;
    const page = pages[loc.page];
    if (!page) continue;
    const sr = rng.fork(`sign${id}`);
    const sw = 46 * mm;
    const sh = 16 * mm;
    const cx = box.x + box.w / 2 + sr.range(-6, 6) * mm;
    const sx = cx - sw / 2;
    const sy = box.y + box.h - 1 * mm; // the signature sits just above the name line
    const scale = 300 / 72;
    let pts: [number, number][] = [];
    const sigPng = pngOf((g) => {
      pts = drawSignature(g, sr, 0, 0, sw * scale, sh * scale, (300 / 25.4) * 1.6);
    }, Math.round(sw * scale), Math.round(sh * scale));
    const sig = await pdf.embedPng(sigPng);
    page.drawImage(sig, { x: sx, y: sy, width: sw, height: sh, blendMode: BlendMode.Multiply });
    const xs = pts.map((q) => q[0] / scale);
    const ys = pts.map((q) => q[1] / scale);
    const sb: BBox = [round2(sx + Math.min(...xs) - 1), round2(H(loc.page) - (sy + sh) + Math.min(...ys) - 1), round2(Math.max(...xs) - Math.min(...xs) + 2), round2(Math.max(...ys) - Math.min(...ys) + 2)];
    truth[loc.page]?.distractors.push({ kind: "signature", bbox: sb, note: `e-signature image of ${a.signer}` });
    if (a.seal) {
      const r = 19 * mm;
      const rpx = r * scale;
      const S = Math.ceil(2 * rpx * 1.25);
      const sealPng = pngOf((g) => drawSeal(g, sr.fork("seal"), S / 2, S / 2, rpx, a.seal as SealSpec, p.doc.font), S, S);
      const seal = await pdf.embedPng(sealPng);
      const scx = sx - r * 0.2;
      const scy = sy + sh * 0.35;
      const side = S / scale;
      page.drawImage(seal, { x: scx - side / 2, y: scy - side / 2, width: side, height: side, blendMode: BlendMode.Multiply });
      truth[loc.page]?.distractors.push({ kind: "seal", bbox: [round2(scx - r), round2(H(loc.page) - scy - r), round2(2 * r), round2(2 * r)] });
    }
  }
  // marks
  const authors = ["สำนักงานจังหวัด", "admin", "User", "กลุ่มงานข้อมูลสารสนเทศ"];
  const author = rng.pick(authors);
  for (const m of marks) {
    const page = pages[m.page];
    if (!page) continue;
    const opacity = m.style === "annotation-underline" ? 1 : rng.pick([1, 1, 0.6, 0.5]);
    const rgb = m.style === "text-background" ? TEXT_BG[m.color] : ANNOT[m.color];
    if (m.style !== "text-background") {
      const note = rng.chance(0.25) ? rng.pick(["ตัวชี้วัดที่เกี่ยวข้อง", "หลักฐานประกอบ", "สำคัญ", "ตรวจสอบแล้ว"]) : null;
      addMarkupAnnot(pdf, page, m, rgb, opacity, when, author, note);
    }
    const boxes = m.boxes.slice().sort((a, b) => b.y - a.y || a.x - b.x);
    const parts = boxes.map((b) => ({ text: "", bbox: tl(m.page, b), textBbox: tl(m.page, b) }));
    const partsText = splitText(m.text, boxes.map((b) => b.w), cssFont(p.doc.font, 40));
    parts.forEach((q, i) => (q.text = partsText[i] ?? ""));
    truth[m.page]?.marked.push({
      text: m.text,
      color: m.color,
      bbox: union(parts.map((q) => q.bbox)),
      textBbox: union(parts.map((q) => q.textBbox)),
      parts,
      style: m.style,
      ink: { rgb, opacity },
    });
  }
  pdf.setTitle(p.doc.title);
  pdf.setAuthor(author);
  pdf.setCreator("Writer");
  pdf.setCreationDate(when);
  pdf.setModificationDate(new Date(when.getTime() + rng.int(1, 9) * 86_400_000));
  const trailer = pdf.context.trailerInfo as { ID?: unknown };
  delete trailer.ID;
  const bytes = await pdf.save({ useObjectStreams: false });
  return { bytes, pages: truth };
}

/** Split a phrase that wraps over several lines at the word boundaries that best match the line box widths. */
function splitText(text: string, widths: number[], font: string): string[] {
  if (widths.length <= 1) return [text];
  const bounds = [...wordSeg.segment(text)].map((s) => s.index).filter((i) => i > 0);
  const total = widths.reduce((s, w) => s + w, 0);
  const full = measure(font, text);
  const out: string[] = [];
  let start = 0;
  let acc = 0;
  for (let k = 0; k < widths.length - 1; k++) {
    acc += widths[k] ?? 0;
    const target = (acc / total) * full;
    let best = bounds[0] ?? text.length;
    let bestErr = Infinity;
    for (const b of bounds) {
      if (b <= start) continue;
      const err = Math.abs(measure(font, text.slice(0, b)) - target);
      if (err < bestErr) {
        bestErr = err;
        best = b;
      }
    }
    out.push(text.slice(start, best).trim());
    start = best;
  }
  out.push(text.slice(start).trim());
  return out;
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}
