/**
 * Renders the inbox's evidence files with the evidence generator's machinery, but with the marks chosen for the
 * question (the phrase that answers it), not at random:
 *
 *   digital   Doc → HTML → LibreOffice PDF (probe pass to locate phrases, final pass), then pdf-lib adds the
 *             e-signature, seal and /Highlight (or /Underline) annotations; or Word-style text highlight baked in.
 *             `marked: false` leaves the PDF without any mark; `password` makes LibreOffice encrypt it (and skips
 *             the pdf-lib step, which cannot write encrypted files).
 *   scan/photo/appscan/scanpdf   the page drawn at 300 dpi, highlighter strokes over the chosen phrases, paper,
 *             flatbed/phone/scanner-app degradation, JPEG/PNG or an image-only PDF.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import {
  type ChosenMark,
  type DigitalStyle,
  finalize,
  locate,
  prepare,
  sofficeConvert,
  TEXT_BG,
  toHtml,
  writeAssets,
} from "../evidence-samples/digital.js";
import { drawHighlighter, drawPage, INK, type Pt } from "../evidence-samples/draw.js";
import { paperize, photoEffect, scanEffect } from "../evidence-samples/effects.js";
import { encodePng, encodeScanPdf, type JpegPage } from "../evidence-samples/encode.js";
import { type Layout, layoutDoc, type LaidPage } from "../evidence-samples/layout.js";
import { aabb, pickColorScheme, planBoxes } from "../evidence-samples/marks.js";
import type { BBox, Doc, FontFamily, HighlightColor, Rgb } from "../evidence-samples/model.js";
import type { Rng } from "../evidence-samples/prng.js";
import { paperLevels } from "../evidence-samples/raster.js";
import { renderScreenshot } from "../evidence-samples/screenshot.js";
import { webArticle } from "../evidence-samples/content.js";
import { type BuiltDoc, chiangMaiCtx, datesIn } from "./content.js";

export type Capture = "digital" | "scan" | "photo" | "appscan" | "scanpdf";

export interface MarkTruth {
  page: number;
  text: string;
  color: HighlightColor;
  style: string;
  /** Digital: PDF points, top-left origin; raster: pixels of the delivered image (scanpdf: of the page image). */
  bbox: BBox;
}

export interface RenderedEvidence {
  bytes: Uint8Array;
  pages: number;
  marks: MarkTruth[];
}

export interface RenderJob {
  id: string;
  built: BuiltDoc;
  capture: Capture;
  marked: boolean;
  rng: Rng;
  style?: DigitalStyle;
  password?: string;
  /** Raster: pages to deliver (from the first), dpi of the delivered image, JPEG quality. */
  pages?: number;
  dpi?: number;
  quality?: number;
  /** Document date for PDF metadata. */
  when: Date;
}

const norm = (s: string) => s.normalize("NFC").replace(/\u0E4D\u0E32/gu, "\u0E33").replace(/\s+/gu, "");

/** Does this key phrase contain (or is it contained in) one of the preferred phrases? Earlier = more preferred. */
function preferRank(text: string, prefer: readonly string[]): number {
  const t = norm(text);
  const i = prefer.findIndex((p) => t.includes(norm(p)) || (t.length >= 6 && norm(p).includes(t)));
  return i < 0 ? Infinity : i;
}

// ---------------------------------------------------------------------------------------------------------------
// Digital

type Prepared = ReturnType<typeof prepare>;
type Probe = Awaited<ReturnType<typeof locate>>;

function chooseDigital(p: Prepared, probe: Probe, rng: Rng, style: DigitalStyle, prefer: readonly string[]): ChosenMark[] {
  const keys = p.cands
    .filter((c) => c.key)
    .map((c) => ({ c, loc: probe.located.get(c.id), rank: preferRank(c.text, prefer) }))
    .filter((x) => x.loc && x.loc.length === 1 && Number.isFinite(x.rank))
    .sort((a, b) => a.rank - b.rank || a.loc![0]!.page - b.loc![0]!.page || a.c.id - b.c.id);
  const chosen: typeof keys = [];
  const ranks = new Set<number>();
  for (const k of keys) {
    if (chosen.length >= 6) break;
    if (ranks.has(k.rank)) continue; // one mark per preferred phrase
    // annotations may share a line (each claim gets its own mark); only overlapping boxes are avoided
    const l = k.loc![0]!;
    const overlap = (a: { x: number; y: number; w: number; h: number }, b: typeof a) => Math.abs(a.y - b.y) < 4 && a.x < b.x + b.w && b.x < a.x + a.w;
    if (chosen.some((c) => c.loc![0]!.page === l.page && c.loc![0]!.boxes.some((a) => l.boxes.some((b) => overlap(a, b))))) continue;
    chosen.push(k);
    ranks.add(k.rank);
  }
  if (chosen.length === 0) throw new Error(`${p.doc.id}: none of the preferred phrases (${prefer.join(" | ")}) is on a page`);
  const colors = pickColorScheme(rng, chosen.length);
  const underline = style === "annotation" && rng.chance(0.2);
  return chosen.map((x, i) => ({
    cand: x.c.id,
    text: x.c.text,
    color: colors[i] ?? "yellow",
    page: x.loc![0]!.page,
    boxes: x.loc![0]!.boxes,
    style: style === "text-background" ? "text-background" : underline ? "annotation-underline" : "annotation-highlight",
  }));
}

function sofficeEncrypted(html: string, outDir: string, profile: string, password: string): void {
  const filter = `pdf:writer_pdf_Export:${JSON.stringify({
    EncryptFile: { type: "boolean", value: "true" },
    DocumentOpenPassword: { type: "string", value: password },
  })}`;
  execFileSync(
    "soffice",
    [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--infilter=HTML (StarWriter)", "--convert-to", filter, "--outdir", outDir, html],
    { stdio: "pipe", timeout: 300_000 },
  );
}

/** All digital jobs in two LibreOffice batches (probe, final). */
export async function renderDigital(jobs: RenderJob[], work: string): Promise<Map<string, RenderedEvidence>> {
  const profile = path.join(work, "lo-profile");
  const staged = jobs.map((j) => {
    const prep = prepare(j.built.doc, j.rng.fork("prepare"));
    const dir = path.join(work, j.id);
    mkdirSync(dir, { recursive: true });
    writeAssets(prep, dir);
    const probeHtml = path.join(dir, `${j.id}.probe.html`);
    writeFileSync(probeHtml, toHtml(prep, { probe: true, marks: new Map() }));
    return { j, prep, dir, probeHtml };
  });
  const probeOut = path.join(work, "probe-pdf");
  const finalOut = path.join(work, "final-pdf");
  const encOut = path.join(work, "enc-pdf");
  for (const d of [probeOut, finalOut, encOut]) mkdirSync(d, { recursive: true });
  sofficeConvert(staged.map((s) => s.probeHtml), probeOut, profile);
  const finals = [];
  for (const s of staged) {
    const probe = await locate(new Uint8Array(readFileSync(path.join(probeOut, `${s.j.id}.probe.pdf`))));
    const style = s.j.style ?? "annotation";
    const marks = s.j.marked && !s.j.password ? chooseDigital(s.prep, probe, s.j.rng.fork("marks"), style, s.j.built.prefer) : [];
    const bg = new Map<number, string>();
    if (style === "text-background") for (const m of marks) bg.set(m.cand, `#${TEXT_BG[m.color].map((v) => v.toString(16).padStart(2, "0")).join("")}`);
    const finalHtml = path.join(s.dir, `${s.j.id}.html`);
    writeFileSync(finalHtml, toHtml(s.prep, { probe: false, marks: bg }));
    finals.push({ ...s, probe, marks, finalHtml });
  }
  sofficeConvert(finals.filter((f) => !f.j.password).map((f) => f.finalHtml), finalOut, profile);
  for (const f of finals) if (f.j.password) sofficeEncrypted(f.finalHtml, encOut, profile, f.j.password);
  const out = new Map<string, RenderedEvidence>();
  for (const f of finals) {
    if (f.j.password) {
      out.set(f.j.id, { bytes: new Uint8Array(readFileSync(path.join(encOut, `${f.j.id}.pdf`))), pages: f.probe.pages.length, marks: [] });
      continue;
    }
    const pdf = new Uint8Array(readFileSync(path.join(finalOut, `${f.j.id}.pdf`)));
    const res = await finalize(f.prep, pdf, f.probe, f.marks, f.j.rng.fork("finalize"), f.j.when);
    const marks: MarkTruth[] = res.pages.flatMap((p) => p.marked.map((m) => ({ page: p.page, text: m.text, color: m.color, style: m.style, bbox: m.bbox })));
    out.set(f.j.id, { bytes: res.bytes, pages: res.pages.length, marks });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Raster

interface KeyRange {
  container: number;
  a: number;
  b: number;
  text: string;
  rank: number;
}

/** Key phrases wholly on this page, preferred ones first (one per preferred phrase, never two on one line). */
function rasterMarks(layout: Layout, page: LaidPage, prefer: readonly string[]): KeyRange[] {
  const found: KeyRange[] = [];
  const onPage = new Set(page.lines.map((l) => l.container));
  for (const cid of onPage) {
    const c = layout.containers[cid];
    if (!c) continue;
    const lines = page.lines.filter((l) => l.container === cid);
    const lo = Math.min(...lines.map((l) => l.start));
    const hi = Math.max(...lines.map((l) => l.end));
    for (const [ka, kb] of c.keys) {
      let a = ka;
      let b = kb;
      while (a < b && /\s/u.test(c.text[a] ?? "")) a++;
      while (b > a && /\s/u.test(c.text[b - 1] ?? "")) b--;
      if (a < lo || b > hi || b <= a) continue;
      const text = c.text.slice(a, b);
      const rank = preferRank(text, prefer);
      if (Number.isFinite(rank)) found.push({ container: cid, a, b, text, rank });
    }
  }
  found.sort((x, y) => x.rank - y.rank || x.container - y.container || x.a - y.a);
  const chosen: KeyRange[] = [];
  const baselines = (k: KeyRange) => page.lines.filter((l) => l.container === k.container && l.start < k.b && l.end > k.a).map((l) => l.baseline);
  for (const k of found) {
    if (chosen.length >= 4) break;
    if (chosen.some((c) => c.rank === k.rank)) continue;
    if (chosen.some((c) => baselines(c).some((y) => baselines(k).includes(y)))) continue;
    chosen.push(k);
  }
  return chosen;
}

/** A scanner app's clean-up: levels that push the paper to white (and quantise a little, as such apps' PNGs do). */
function whitened(d: Uint8ClampedArray): Uint8ClampedArray {
  const k = paperLevels(d).map((l) => 255 / Math.max(1, l - 8));
  for (let i = 0; i < d.length; i += 4) {
    for (let c = 0; c < 3; c++) {
      const v = Math.min(255, (d[i + c] ?? 0) * k[c]!);
      d[i + c] = v > 247 ? 255 : v & 0xfc;
    }
  }
  return d;
}

export async function renderRaster(job: RenderJob): Promise<RenderedEvidence> {
  const { rng } = job;
  const layout = layoutDoc(job.built.doc, 300);
  const nPages = Math.min(job.pages ?? 1, layout.pages.length);
  const outDpi = job.dpi ?? 200;
  const marks: MarkTruth[] = [];
  const jpegPages: JpegPage[] = [];
  let single: Uint8Array | undefined;
  for (let pi = 0; pi < nPages; pi++) {
    const laid = layout.pages[pi]!;
    const pr = rng.fork(`page${pi}`);
    const drawn = drawPage(laid, layout.width, layout.height, layout.font, pr.fork("draw"), layout.dpi);
    const g = drawn.canvas.getContext("2d");
    const plans = job.marked ? rasterMarks(layout, laid, job.built.prefer) : [];
    if (job.marked && pi === 0 && plans.length === 0) throw new Error(`${job.id}: no preferred phrase on page 1`);
    const colors = pickColorScheme(pr.fork("colors"), Math.max(1, plans.length));
    const mr = pr.fork("strokes");
    const strokes = plans.map((k, i) => {
      const color = colors[i] ?? "yellow";
      const ink = INK[color];
      const opacity = color === "yellow" ? mr.range(0.55, 0.85) : mr.range(0.45, 0.72);
      const parts = planBoxes(laid, { container: k.container, a: k.a, b: k.b, text: k.text, color, fromKey: true }).map((b) =>
        drawHighlighter(g, mr, b.box[0], b.box[0] + b.box[2], b.baseline, b.px, ink, opacity),
      );
      return { k, color, parts };
    });
    const pb = pr.int(240, 252);
    const paper: Rgb = [pb, pb - pr.int(0, 3), pb - pr.int(3, 10)];
    const paperCanvas = paperize(drawn.canvas, pr.fork("paper"), paper, null);
    const deg =
      job.capture === "photo"
        ? photoEffect(paperCanvas, pr.fork("photo"), { outW: 1536, outH: 2048 })
        : scanEffect(paperCanvas, pr.fork("scan"), {
            maxRotation: job.capture === "appscan" ? 0.6 : 1.8,
            blur: [0.3, 0.8],
            noise: job.capture === "appscan" ? [0.2, 0.5] : [0.6, 1.6],
            lidGrey: job.capture === "appscan" ? 255 : pr.int(230, 246),
            outScale: outDpi / layout.dpi,
          });
    for (const s of strokes) {
      const pts: Pt[] = s.parts.flatMap((p) => p.poly.map(deg.map));
      marks.push({ page: pi + 1, text: s.k.text, color: s.color, style: "highlighter", bbox: aabb(pts, deg.width, deg.height) });
    }
    if (job.capture === "appscan") {
      const data = whitened(deg.canvas.getContext("2d").getImageData(0, 0, deg.width, deg.height).data);
      single = encodePng(data, deg.width, deg.height, outDpi);
    } else {
      const jpeg = deg.canvas.encodeSync("jpeg", job.quality ?? 72);
      if (job.capture === "scanpdf") jpegPages.push({ jpeg, W: deg.width, H: deg.height, dpi: outDpi });
      else single = jpeg;
    }
  }
  if (job.capture === "scanpdf") {
    const bytes = await encodeScanPdf(jpegPages, { title: job.built.doc.title.slice(0, 120), producer: "RICOH IM C3000", creator: "Scan to Folder", date: job.when });
    return { bytes, pages: nPages, marks };
  }
  return { bytes: single!, pages: nPages, marks };
}

/**
 * A desktop screenshot of the provincial web site's news item about the digital plan, marked with a screenshot
 * tool's highlighter (the evidence generator's screenshot renderer; forks until the item is the digital-plan one).
 */
export function renderWebShot(rng: Rng, id: string): { png: Uint8Array; width: number; height: number; title: string; marks: MarkTruth[] } {
  const relevant = ["แผนปฏิบัติการดิจิทัล", "ช่องทางดิจิทัล", "ความเห็นชอบ", "รายงานผลการดำเนินงาน"];
  for (let i = 0; i < 400; i++) {
    const r = rng.fork(`try${i}`);
    // the article renderScreenshot will draw (it is the first thing it takes from ctx.rng)
    const article = webArticle(chiangMaiCtx(r.fork("ctx"), "Laksaman"), id);
    if (!article.title.includes("แผนปฏิบัติการดิจิทัล") || !datesIn(article).every((d) => d.yearBE * 10000 + d.month * 100 + d.day <= 25670531)) continue;
    const ctx = chiangMaiCtx(r.fork("ctx"), "Laksaman");
    const shot = renderScreenshot(ctx, id, r.fork("shot"), "desktop");
    if (shot.title !== article.title) throw new Error("renderScreenshot drew another article than webArticle");
    if (!shot.truth.marked.every((m) => relevant.some((k) => m.text.includes(k)))) continue;
    const { width, height } = shot.canvas;
    const data = shot.canvas.getContext("2d").getImageData(0, 0, width, height).data;
    return {
      png: encodePng(data, width, height, 96),
      width,
      height,
      title: shot.title,
      marks: shot.truth.marked.map((m) => ({ page: 1, text: m.text, color: m.color, style: m.style, bbox: m.bbox })),
    };
  }
  throw new Error("no digital-plan screenshot in 400 tries");
}

export type { Doc, FontFamily };
