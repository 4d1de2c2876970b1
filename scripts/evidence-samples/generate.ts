// Generates samples/evidence/{tune,heldout,large}: realistic Thai evidence documents (scans, phone photos,
// screenshots, image-only and text PDFs) with highlighter marks and distractors, plus <file>.truth.json ground truth,
// index.json and README.md.  Deterministic: every random choice comes from a seeded PRNG; no clock in outputs.
//
//   npx tsx scripts/evidence-samples/generate.ts            # everything
//   npx tsx scripts/evidence-samples/generate.ts --no-large # skip the 60-page speed sample
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createCanvas, loadImage } from "@napi-rs/canvas";
import { decode as decodeTiff } from "tiff";
import { BUILDERS, makeCtx } from "./content.js";
import {
  chooseDigitalMarks,
  finalize,
  locate,
  prepare,
  sofficeConvert,
  TEXT_BG,
  toHtml,
  writeAssets,
  type DigitalStyle,
} from "./digital.js";
import { encodePalettePng, encodePng, encodeScanPdf, encodeTiff, type JpegPage, type TiffPage } from "./encode.js";
import { layoutDoc, type Layout } from "./layout.js";
import type { FontFamily, HighlightColor, Kind, Split, Truth, TruthPage } from "./model.js";
import { Rng } from "./prng.js";
import { measureInk, measurePaper, renderRasterPage, type RasterPage, type RasterVariant } from "./raster.js";
import { renderScreenshot } from "./screenshot.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const OUT = path.join(ROOT, "samples", "evidence");
const SEED = "samruat-evidence-v1";
/**
 * The held-out split has its own seed. Its first draw (v1) was looked at once while the reader was being fixed, so it
 * was replaced by an unseen draw (v2), measured once.
 */
const HELDOUT_SEED = "samruat-evidence-v2";
/**
 * The strong-ink held-out split, measured once per draw. v3 was seen while tuning (session 3); v4 adds strokes
 * starting and ending inside words and a palette PNG.
 */
const STRONG_HELDOUT_SEED = "samruat-evidence-strong-v4";
const SEEDS: Record<Split, string> = { tune: SEED, large: SEED, "tune-strong": SEED, heldout: HELDOUT_SEED, "heldout-strong": STRONG_HELDOUT_SEED };
const seedOf = (split: Split): string => SEEDS[split];
const isHeldout = (split: Split) => split === "heldout" || split === "heldout-strong";

type Variant = RasterVariant | "screenshot-desktop" | "screenshot-mobile" | "scan-pdf" | "text-pdf";
type Format = "jpg" | "png" | "tif" | "pdf";

interface Spec {
  id: string;
  split: Split;
  kind: Kind;
  variant: Variant;
  format: Format;
  /** builder keys; several = a bundle of documents scanned together */
  docs: string[];
  pages: number;
  outDpi: number;
  quality?: number;
  tint?: boolean;
  style?: DigitalStyle;
  font?: FontFamily;
  /** raster variant used for the pages of a scanned PDF / TIFF */
  pageVariant?: RasterVariant;
  /** colour of the first mark on the (first) page, so every colour appears in every capture type */
  color?: HighlightColor;
  /** hard-pressed highlighter strokes (the -strong splits) */
  strong?: boolean;
  /** some strokes start or end inside a word (heldout-strong v4 on) */
  midWord?: boolean;
  /** PNG saved with a 256-colour palette */
  palette?: boolean;
}

function name(s: Spec): string {
  const label =
    s.variant === "text-pdf"
      ? "digital"
      : s.variant === "scan-pdf"
        ? `scanpdf-${s.pages}p`
        : s.variant.startsWith("screenshot")
          ? s.variant
          : s.format === "tif"
            ? s.pages > 1
              ? `tiff-${s.pages}p`
              : "tiff"
            : s.variant === "app-scan"
              ? "appscan"
              : s.variant === "photo"
                ? "photo"
                : "scan";
  const doc = s.docs.length > 1 ? "bundle" : (s.docs[0] ?? "doc");
  return `${s.id}-${label}-${doc}.${s.format}`;
}

// ---------------------------------------------------------------------------------------------------------------
// The file plan. Tune and held-out use different seeds (the seed includes the split), provinces, people, dates,
// phrase wordings and mixes of document types; nothing from held-out is used for tuning.

const T = "tune" as const;
const Hh = "heldout" as const;

function plan(includeLarge: boolean): Spec[] {
  const sc = (id: string, split: Split, doc: string, outDpi: number, quality: number, extra: Partial<Spec> = {}): Spec => ({
    id, split, kind: "scan", variant: "flatbed", format: "jpg", docs: [doc], pages: 1, outDpi, quality, ...extra,
  });
  const ph = (id: string, split: Split, doc: string, extra: Partial<Spec> = {}): Spec => ({
    id, split, kind: "photo", variant: "photo", format: "jpg", docs: [doc], pages: 1, outDpi: 0, quality: 80, ...extra,
  });
  const app = (id: string, split: Split, doc: string, outDpi: number, color?: HighlightColor): Spec => ({
    id, split, kind: "scan", variant: "app-scan", format: "png", docs: [doc], pages: 1, outDpi, ...(color ? { color } : {}),
  });
  const ss = (id: string, split: Split, mode: "desktop" | "mobile", color?: HighlightColor): Spec => ({
    id, split, kind: "scan", variant: mode === "desktop" ? "screenshot-desktop" : "screenshot-mobile", format: "png", docs: ["web-news"], pages: 1, outDpi: 96,
    ...(color ? { color } : {}),
  });
  const tif = (id: string, split: Split, doc: string, pages: number, outDpi: number): Spec => ({
    id, split, kind: "scan", variant: "flatbed", format: "tif", docs: [doc], pages, outDpi, pageVariant: "app-scan",
  });
  const spdf = (id: string, split: Split, docs: string[], pages: number, outDpi: number, quality: number): Spec => ({
    id, split, kind: "scan", variant: "scan-pdf", format: "pdf", docs, pages, outDpi, quality, pageVariant: "flatbed",
  });
  const dig = (id: string, split: Split, doc: string, style: DigitalStyle, font: FontFamily = "Laksaman"): Spec => ({
    id, split, kind: "digital", variant: "text-pdf", format: "pdf", docs: [doc], pages: 0, outDpi: 0, style, font,
  });
  const specs: Spec[] = [
    // ---- tune (40)
    sc("t01", T, "pcio-order", 300, 78, { font: "Laksaman" }),
    sc("t02", T, "minutes", 300, 72, { tint: true }),
    sc("t03", T, "digital-plan", 200, 70, { color: "pink" }),
    sc("t04", T, "pdpa-notice", 300, 75, { font: "Laksaman" }),
    sc("t05", T, "data-governance-order", 200, 65, { tint: true }),
    sc("t06", T, "security-policy", 300, 70, { font: "Garuda" }),
    sc("t07", T, "minutes-short", 200, 60, { color: "blue" }),
    sc("t08", T, "digital-plan-short", 300, 82, { font: "Loma" }),
    sc("t09", T, "pcio-order", 200, 68, { font: "Garuda", color: "orange" }),
    sc("t10", T, "security-policy", 200, 72, { font: "Laksaman" }),
    ph("t11", T, "pcio-order", { font: "Laksaman" }),
    ph("t12", T, "minutes", { color: "pink" }),
    ph("t13", T, "pdpa-notice", { tint: true, color: "blue" }),
    ph("t14", T, "digital-plan", { quality: 74, color: "orange" }),
    ph("t15", T, "data-governance-order"),
    ph("t16", T, "security-policy", { quality: 85, color: "green" }),
    ph("t17", T, "minutes-short", { tint: true, quality: 76 }),
    app("t18", T, "pdpa-notice", 200),
    app("t19", T, "minutes-short", 150, "pink"),
    ss("t20", T, "desktop"),
    ss("t21", T, "mobile", "pink"),
    ss("t22", T, "desktop", "orange"),
    ss("t23", T, "mobile", "blue"),
    tif("t24", T, "pcio-order", 1, 150),
    tif("t25", T, "data-governance-order", 2, 150),
    spdf("t26", T, ["minutes"], 5, 150, 60),
    spdf("t27", T, ["digital-plan", "pcio-order"], 7, 150, 55),
    spdf("t28", T, ["pcio-order", "minutes", "digital-plan"], 10, 150, 50),
    spdf("t29", T, ["pdpa-notice"], 2, 200, 62),
    dig("t30", T, "pcio-order", "annotation"),
    dig("t31", T, "minutes", "annotation"),
    dig("t32", T, "pdpa-notice", "text-background"),
    dig("t33", T, "digital-plan", "annotation", "Garuda"),
    dig("t34", T, "security-policy", "annotation"),
    dig("t35", T, "data-governance-order", "text-background"),
    dig("t36", T, "minutes-short", "annotation", "Loma"),
    dig("t37", T, "digital-plan-short", "text-background"),
    dig("t38", T, "pdpa-notice", "annotation", "Garuda"),
    dig("t39", T, "security-policy", "text-background"),
    dig("t40", T, "data-governance-order", "annotation"),
    // ---- held-out (20)
    sc("h01", Hh, "data-governance-order", 300, 75),
    sc("h02", Hh, "minutes", 200, 65, { tint: true, color: "green" }),
    sc("h03", Hh, "security-policy", 300, 72),
    sc("h04", Hh, "pcio-order", 200, 70, { font: "Loma", color: "pink" }),
    ph("h05", Hh, "digital-plan", { color: "pink" }),
    ph("h06", Hh, "pdpa-notice", { quality: 76, color: "orange" }),
    ph("h07", Hh, "minutes-short", { tint: true }),
    app("h08", Hh, "pcio-order", 150),
    ss("h09", Hh, "desktop", "blue"),
    ss("h10", Hh, "mobile", "pink"),
    tif("h11", Hh, "minutes-short", 1, 200),
    spdf("h12", Hh, ["digital-plan"], 5, 150, 58),
    spdf("h13", Hh, ["security-policy", "pdpa-notice"], 3, 150, 55),
    dig("h14", Hh, "pcio-order", "text-background"),
    dig("h15", Hh, "minutes", "annotation"),
    dig("h16", Hh, "pdpa-notice", "annotation"),
    dig("h17", Hh, "security-policy", "annotation", "Garuda"),
    dig("h18", Hh, "digital-plan", "text-background"),
    dig("h19", Hh, "data-governance-order", "annotation", "Loma"),
    dig("h20", Hh, "minutes-short", "annotation"),
    // ---- strong ink: tune-strong (8) and heldout-strong (12), every colour, scans at JPEG 55–90, photos, scanned PDFs
    ...(["tune-strong", "heldout-strong"] as const).flatMap((split) => {
      const k = split === "tune-strong" ? "ts" : "hs";
      const strong = { strong: true, midWord: true };
      const common: Spec[] = [
        sc(`${k}01`, split, "pcio-order", 300, 55, { ...strong, color: "pink" }),
        sc(`${k}02`, split, "minutes", 300, 90, { ...strong, color: "blue" }),
        sc(`${k}03`, split, "digital-plan", 200, 70, { ...strong, color: "orange", tint: true }),
        sc(`${k}04`, split, "pdpa-notice", 300, 62, { ...strong, color: "green", font: "Laksaman" }),
        ph(`${k}05`, split, "data-governance-order", { ...strong, color: "yellow", quality: 66 }),
        ph(`${k}06`, split, "security-policy", { ...strong, color: "pink", quality: 85 }),
        { ...spdf(`${k}07`, split, ["minutes-short", "pcio-order"], 2, 300, 72), ...strong },
        app(`${k}08`, split, "minutes-short", 300, "blue"),
      ];
      common[7] = { ...common[7]!, ...strong, palette: true };
      if (split === "tune-strong") return common;
      return [
        ...common,
        sc(`${k}09`, split, "security-policy", 300, 58, { ...strong, color: "yellow", font: "Garuda" }),
        ph(`${k}10`, split, "minutes", { ...strong, color: "green", quality: 58 }),
        { ...spdf(`${k}11`, split, ["digital-plan-short", "pdpa-notice"], 2, 200, 60), ...strong },
        sc(`${k}12`, split, "data-governance-order", 200, 80, { ...strong, color: "orange", font: "Loma" }),
      ];
    }),
  ];
  if (includeLarge) {
    specs.push(
      spdf("L01", "large", ["pcio-order", "minutes", "digital-plan", "pdpa-notice", "data-governance-order", "security-policy"], 60, 150, 30),
    );
  }
  return specs;
}

// ---------------------------------------------------------------------------------------------------------------

interface Output {
  spec: Spec;
  file: string; // relative to OUT
  bytes: Uint8Array;
  truth: Truth;
}

const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

function dirOf(split: Split): string {
  return split;
}

/** Fixed "document date" for file metadata, derived from the seed. */
function docDate(rng: Rng): Date {
  return new Date(Date.UTC(2024, rng.int(0, 8), rng.int(1, 28), rng.int(1, 9), rng.int(0, 59), 0));
}

async function decodeRgba(bytes: Uint8Array): Promise<{ data: Uint8ClampedArray; W: number; H: number }> {
  const img = await loadImage(Buffer.from(bytes));
  const c = createCanvas(img.width, img.height);
  const g = c.getContext("2d");
  g.drawImage(img, 0, 0);
  return { data: g.getImageData(0, 0, img.width, img.height).data, W: img.width, H: img.height };
}

function finishPage(r: RasterPage, page: number, data: Uint8ClampedArray | Uint8Array, W: number, H: number): TruthPage {
  return {
    page,
    ...r.truth,
    measured: measureInk(data, W, H, r.ink),
    paperRgb: measurePaper(data, W, H, r.paperProbe),
    effects: r.params,
  };
}

/** Lay out the spec's document(s) and return the page list (layout + page index) it delivers. */
function pagesFor(spec: Spec, rng: Rng, dpi: number): { layout: Layout; index: number; docTitle: string; docType: string; font: FontFamily }[] {
  const out: { layout: Layout; index: number; docTitle: string; docType: string; font: FontFamily }[] = [];
  let k = 0;
  while (out.length < spec.pages) {
    const key = spec.docs[k % spec.docs.length] as string;
    const builder = BUILDERS[key];
    if (!builder) throw new Error(`unknown document type ${key}`);
    const ctx = makeCtx(rng.fork(`ctx${k}`), isHeldout(spec.split) ? "heldout" : "tune", spec.font);
    const doc = builder(ctx, `${spec.id}-${k}`);
    const layout = layoutDoc(doc, dpi);
    if (spec.pages === 1) {
      // a single photographed/scanned page: usually the first page, sometimes a later one
      const later = layout.pages.filter((p) => p.index > 0 && p.lines.length >= 14).map((p) => p.index);
      const idx = later.length > 0 && rng.chance(0.35) ? rng.pick(later) : 0;
      out.push({ layout, index: idx, docTitle: doc.title, docType: doc.type, font: doc.font });
    } else {
      for (let i = 0; i < layout.pages.length && out.length < spec.pages; i++) {
        out.push({ layout, index: i, docTitle: doc.title, docType: doc.type, font: doc.font });
      }
    }
    k++;
  }
  return out;
}

async function rasterSpec(spec: Spec): Promise<Output> {
  const rng = new Rng(`${seedOf(spec.split)}/${spec.split}/${spec.id}`);
  const file = `${dirOf(spec.split)}/${name(spec)}`;
  const base: Omit<Truth, "pages" | "docType" | "title" | "font"> = {
    file: path.basename(file),
    kind: spec.kind,
    variant: spec.variant,
    split: spec.split,
  };
  if (spec.variant === "screenshot-desktop" || spec.variant === "screenshot-mobile") {
    const ctx = makeCtx(rng.fork("ctx"), isHeldout(spec.split) ? "heldout" : "tune", "Laksaman");
    const r = renderScreenshot(ctx, spec.id, rng.fork("shot"), spec.variant === "screenshot-desktop" ? "desktop" : "mobile", spec.color);
    const { width: W, height: H } = r.canvas;
    const data = r.canvas.getContext("2d").getImageData(0, 0, W, H).data;
    const bytes = encodePng(data, W, H, spec.outDpi);
    return {
      spec,
      file,
      bytes,
      truth: { ...base, docType: "web-news", title: r.title, font: "Laksaman", pages: [finishPage(r, 1, data, W, H)] },
    };
  }
  const pages = pagesFor(spec, rng.fork("docs"), 300);
  const first = pages[0];
  if (!first) throw new Error("no pages");
  const docType = [...new Set(pages.map((p) => p.docType))].join("+");
  const title = [...new Set(pages.map((p) => p.docTitle))].join(" | ");
  const variant: RasterVariant = spec.pageVariant ?? (spec.variant as RasterVariant);
  const truthPages: TruthPage[] = [];
  const rendered: RasterPage[] = [];
  const jpegPages: JpegPage[] = [];
  const tiffPages: TiffPage[] = [];
  let bytes: Uint8Array = new Uint8Array(0);
  for (let i = 0; i < pages.length; i++) {
    const pg = pages[i];
    if (!pg) continue;
    const pr = rng.fork(`page${i}`);
    const r = renderRasterPage(pg.layout, pg.index, pr, {
      variant,
      tint: spec.tint ?? (spec.pages > 1 && pr.chance(0.08)),
      outDpi: spec.outDpi || undefined,
      firstColor: i === 0 ? spec.color : undefined,
      strong: spec.strong,
      midWord: spec.midWord,
      photoSize: pr.pick<[number, number]>([
        [1536, 2048],
        [1512, 2016],
        [1200, 1600],
      ]),
    });
    rendered.push(r);
    const { width: W, height: H } = r.canvas;
    if (spec.format === "jpg" || spec.format === "pdf") {
      const q = spec.quality ?? 75;
      const jpeg = r.canvas.encodeSync("jpeg", q);
      const dec = await decodeRgba(jpeg);
      truthPages.push(finishPage(r, i + 1, dec.data, W, H));
      if (spec.format === "jpg") bytes = jpeg;
      else jpegPages.push({ jpeg, W, H, dpi: spec.outDpi });
    } else {
      const drawn = r.canvas.getContext("2d").getImageData(0, 0, W, H).data;
      const palette = spec.format === "png" && spec.palette ? encodePalettePng(drawn, W, H, spec.outDpi || 300) : undefined;
      const data = palette?.rgba ?? drawn;
      truthPages.push(finishPage(r, i + 1, data, W, H));
      if (spec.format === "png") bytes = palette?.png ?? encodePng(data, W, H, spec.outDpi || 300);
      else tiffPages.push({ rgba: data, W, H, dpi: spec.outDpi });
    }
  }
  if (spec.format === "tif") bytes = encodeTiff(tiffPages);
  let pdfPageSize: [number, number] | undefined;
  if (spec.format === "pdf") {
    const meta = rng.fork("meta");
    bytes = await encodeScanPdf(jpegPages, {
      title: spec.split === "large" ? "Scanned document bundle" : title.slice(0, 120),
      producer: meta.pick(["RICOH IM C3000", "Canon iR-ADV C5535 PDF", "FUJIFILM Apeos C2560", "KONICA MINOLTA bizhub C300i"]),
      creator: meta.pick(["Scan to Folder", "ScanToPDF", "Network Scan"]),
      date: docDate(meta),
    });
    const p0 = jpegPages[0];
    if (p0) pdfPageSize = [Math.round(((p0.W * 72) / p0.dpi) * 100) / 100, Math.round(((p0.H * 72) / p0.dpi) * 100) / 100];
  }
  return {
    spec,
    file,
    bytes,
    truth: {
      ...base,
      docType,
      title,
      font: first.font,
      ...(spec.outDpi ? { dpi: spec.outDpi } : {}),
      ...(pdfPageSize ? { pdfPageSize } : {}),
      pages: truthPages,
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// digital PDFs (batched through LibreOffice twice: probe, then final)

function normThai(s: string): string {
  return s.normalize("NFC").replace(/\u0E4D\u0E32/g, "\u0E33").replace(/[\s\u200B]/g, "");
}

async function digitalSpecs(specs: Spec[], work: string): Promise<Output[]> {
  const profile = path.join(work, "lo-profile");
  const jobs = specs.map((spec) => {
    const rng = new Rng(`${seedOf(spec.split)}/${spec.split}/${spec.id}`);
    const key = spec.docs[0] as string;
    const builder = BUILDERS[key];
    if (!builder) throw new Error(`unknown document type ${key}`);
    const ctx = makeCtx(rng.fork("ctx"), isHeldout(spec.split) ? "heldout" : "tune", spec.font);
    const doc = builder(ctx, spec.id);
    const prep = prepare(doc, rng.fork("prepare"));
    const dir = path.join(work, spec.id);
    mkdirSync(dir, { recursive: true });
    writeAssets(prep, dir);
    const probeHtml = path.join(dir, `${spec.id}.probe.html`);
    writeFileSync(probeHtml, toHtml(prep, { probe: true, marks: new Map() }));
    return { spec, rng, doc, prep, dir, probeHtml };
  });
  const probeOut = path.join(work, "probe-pdf");
  const finalOut = path.join(work, "final-pdf");
  mkdirSync(probeOut, { recursive: true });
  mkdirSync(finalOut, { recursive: true });
  console.log(`  soffice: ${jobs.length} probe conversions`);
  sofficeConvert(jobs.map((j) => j.probeHtml), probeOut, profile);
  const staged = [];
  for (const j of jobs) {
    const probe = await locate(new Uint8Array(readFileSync(path.join(probeOut, `${j.spec.id}.probe.pdf`))));
    const marks = chooseDigitalMarks(j.prep, probe.located, probe.pages.length, j.rng.fork("marks"), j.spec.style ?? "annotation");
    const bg = new Map<number, string>();
    if (j.spec.style === "text-background") {
      for (const m of marks) bg.set(m.cand, `#${TEXT_BG[m.color].map((v) => v.toString(16).padStart(2, "0")).join("")}`);
    }
    const finalHtml = path.join(j.dir, `${j.spec.id}.final.html`);
    writeFileSync(finalHtml, toHtml(j.prep, { probe: false, marks: bg }));
    staged.push({ ...j, probe, marks, finalHtml });
  }
  console.log(`  soffice: ${staged.length} final conversions`);
  sofficeConvert(staged.map((s) => s.finalHtml), finalOut, profile);
  const outputs: Output[] = [];
  for (const s of staged) {
    const finalPdf = new Uint8Array(readFileSync(path.join(finalOut, `${s.spec.id}.final.pdf`)));
    const res = await finalize(s.prep, finalPdf, s.probe, s.marks, s.rng.fork("finalize"), docDate(s.rng.fork("date")));
    const file = `${dirOf(s.spec.split)}/${name(s.spec)}`;
    // text-layer check with pdftotext, page by page
    const tmpPdf = path.join(s.dir, "out.pdf");
    writeFileSync(tmpPdf, res.bytes);
    const missing: string[] = [];
    let checked = 0;
    for (const pg of res.pages) {
      const txt = normThai(execFileSync("pdftotext", ["-f", String(pg.page), "-l", String(pg.page), tmpPdf, "-"], { encoding: "utf8" }));
      for (const m of pg.marked) {
        checked++;
        if (!txt.includes(normThai(m.text))) missing.push(m.text);
      }
    }
    outputs.push({
      spec: s.spec,
      file,
      bytes: res.bytes,
      truth: {
        file: path.basename(file),
        kind: "digital",
        variant: `text-pdf/${s.spec.style ?? "annotation"}`,
        split: s.spec.split,
        docType: s.doc.type,
        title: s.doc.title,
        font: s.doc.font,
        textLayer: { checked, found: checked - missing.length, missing },
        pages: res.pages,
      },
    });
  }
  return outputs;
}

// ---------------------------------------------------------------------------------------------------------------

function selfCheck(o: Output): void {
  if (o.spec.format === "tif") {
    const ifds = decodeTiff(o.bytes);
    if (ifds.length !== o.truth.pages.length) throw new Error(`${o.file}: TIFF has ${ifds.length} pages`);
    ifds.forEach((ifd, i) => {
      const p = o.truth.pages[i];
      if (!p || ifd.width !== p.width || ifd.height !== p.height) throw new Error(`${o.file}: TIFF page ${i + 1} size mismatch`);
    });
  }
  for (const p of o.truth.pages) {
    if (p.marked.length === 0) throw new Error(`${o.file}: page ${p.page} has no marked phrase`);
    for (const b of [...p.marked.map((m) => m.bbox), ...p.distractors.map((d) => d.bbox)]) {
      if (b[0] < 0 || b[1] < 0 || b[0] + b[2] > p.width + 0.01 || b[1] + b[3] > p.height + 0.01) throw new Error(`${o.file}: bbox ${b} outside page ${p.page}`);
    }
  }
}

interface ColourStat {
  n: number;
  sum: [number, number, number];
}

function readme(outputs: Output[], totalBytes: number): string {
  const by = (pred: (o: Output) => boolean) => outputs.filter(pred);
  const count = (split: Split, kind: Kind) => by((o) => o.spec.split === split && o.truth.kind === kind).length;
  const pages = (split: Split) => by((o) => o.spec.split === split).reduce((s, o) => s + o.truth.pages.length, 0);
  const marks = (split: Split) => by((o) => o.spec.split === split).reduce((s, o) => s + o.truth.pages.reduce((t, p) => t + p.marked.length, 0), 0);
  const mb = (n: number) => (n / 1048576).toFixed(1);
  const size = (split: Split) => by((o) => o.spec.split === split).reduce((s, o) => s + o.bytes.length, 0);
  // measured highlighter colours per capture type
  const groups = new Map<string, Map<HighlightColor, ColourStat>>();
  const paper = new Map<string, ColourStat>();
  for (const o of outputs) {
    if (o.truth.kind === "digital" || o.spec.split !== "tune") continue;
    const g = o.spec.variant.startsWith("screenshot") ? "screenshot" : o.spec.variant === "photo" ? "phone photo" : o.spec.variant === "app-scan" || o.spec.pageVariant === "app-scan" ? "scanner-app / background-removed" : "flatbed scan";
    const m = groups.get(g) ?? new Map<HighlightColor, ColourStat>();
    groups.set(g, m);
    for (const p of o.truth.pages) {
      for (const s of p.measured ?? []) {
        const st = m.get(s.color) ?? { n: 0, sum: [0, 0, 0] };
        st.n++;
        st.sum = [st.sum[0] + s.rgb[0], st.sum[1] + s.rgb[1], st.sum[2] + s.rgb[2]];
        m.set(s.color, st);
      }
      if (p.paperRgb && !p.distractors.some((d) => d.kind === "tint")) {
        const st = paper.get(g) ?? { n: 0, sum: [0, 0, 0] };
        st.n++;
        st.sum = [st.sum[0] + p.paperRgb[0], st.sum[1] + p.paperRgb[1], st.sum[2] + p.paperRgb[2]];
        paper.set(g, st);
      }
    }
  }
  const avg = (s: ColourStat | undefined): string => (s && s.n > 0 ? `(${s.sum.map((v) => Math.round(v / s.n)).join(", ")})` : "—");
  const colours: HighlightColor[] = ["yellow", "green", "pink", "orange", "blue"];
  const rows = [...groups.entries()].map(([g, m]) => `| ${g} | ${colours.map((c) => avg(m.get(c))).join(" | ")} | ${avg(paper.get(g))} |`);
  return `# Evidence samples (generated)

Synthetic but realistic Thai evidence documents for developing and measuring the highlighted-text reader:
คำสั่งจังหวัด (PCIO, ธรรมาภิบาลข้อมูล), รายงานการประชุม, แผนปฏิบัติการดิจิทัล, ประกาศนโยบายคุ้มครองข้อมูลส่วนบุคคล,
ISO/IEC 27001 / NIST CSF texts mixed with English, and website screenshots — each page with 1–4 phrases marked with a
highlighter, plus things that must **not** be detected (red seals, blue ballpoint signatures, coloured logos, light
table shading, pale-yellow paper tint).

**Do not edit these files by hand.** Regenerate with

    npx tsx scripts/evidence-samples/generate.ts            # ~4 min; needs soffice, pdftotext and the TLWG fonts
    npx tsx scripts/evidence-samples/generate.ts --no-large # without the 60-page speed sample

The generator is deterministic (seeded PRNG, fixed PDF metadata, no clock); rerunning it with the same @napi-rs/canvas and
LibreOffice versions gives byte-identical files (index.json records a sha256 for each); another canvas version moves a
few anti-aliased pixel values, not the text or the marks.

## Splits

| split | scan | photo | digital | pages | marked phrases | size |
|---|---|---|---|---|---|---|
| tune | ${count("tune", "scan")} | ${count("tune", "photo")} | ${count("tune", "digital")} | ${pages("tune")} | ${marks("tune")} | ${mb(size("tune"))} MB |
| heldout | ${count("heldout", "scan")} | ${count("heldout", "photo")} | ${count("heldout", "digital")} | ${pages("heldout")} | ${marks("heldout")} | ${mb(size("heldout"))} MB |
| large | ${count("large", "scan")} | 0 | 0 | ${pages("large")} | ${marks("large")} | ${mb(size("large"))} MB |

Total ${mb(totalBytes)} MB of documents (plus ~0.5 MB of truth JSON).

- **tune/** — use freely for developing and tuning thresholds.
- **heldout/** — (seed \`samruat-evidence-v2\`; the first draw, v1, was looked at once while the reader was being
  fixed, so it was replaced by this unseen draw) a separate set made with different seeds, provinces, people, dates, phrase wordings and document
  mixes. **Never use it for tuning**; only to report accuracy once a change is final.
- **tune-strong/**, **heldout-strong/** — hard-pressed highlighter, as offices really mark: opacity 0.55–0.95,
  strokes 1.0–1.4× the text height (reaching into the lines above and below), rough edges, a full second pass on
  40 % of strokes, about half the strokes starting or ending inside a word, every colour, flatbed scans at JPEG
  quality 55–90, phone photos, scanned PDFs, an app scan saved as a 256-colour palette PNG. Generated with
  \`--splits=tune-strong,heldout-strong\` (which leaves the other splits untouched); heldout-strong has its own seed
  (\`samruat-evidence-strong-v4\`; v3, without mid-word strokes, was looked at while tuning and replaced), measured
  once (test/evidence/accuracy.test.ts). tune-strong: 8 files, 9 pages, 20 marks; heldout-strong: 12 files, 14 pages, 27 marks.
- **large/** — one 60-page low-quality scanned PDF (150 dpi, JPEG quality 30). Excluded from accuracy figures; it is
  for speed/memory measurements. It has a truth file like the others.

## Files

\`index.json\` lists every file with split, kind, variant, format, page count, size and sha256. Next to each file is
\`<name>.truth.json\`:

    { "file", "kind": "scan"|"photo"|"digital", "variant", "split", "docType", "title", "font", "dpi"?,
      "pdfPageSize"?, "textLayer"?,
      "pages": [ { "page", "width", "height", "unit": "px"|"pt",
                   "marked": [ { "text", "color", "bbox": [x,y,w,h], "textBbox", "parts": [...], "style", "ink" } ],
                   "distractors": [ { "kind": "seal"|"signature"|"logo"|"shading"|"tint", "bbox", "note"? } ],
                   "measured"?, "paperRgb"?, "effects"? } ] }

- Raster files (JPG, PNG, TIFF): boxes in pixels of the delivered image, after rotation/perspective (the drawn
  geometry is transformed and re-boxed, then clipped to the image).
- Image-only PDFs (\`scanpdf-*\`): boxes in pixels of each page's embedded JPEG; \`pdfPageSize\` is the page size in pt
  (render at \`dpi\` to get the same pixel grid).
- Digital PDFs: boxes in PDF points with a **top-left** origin.
- \`bbox\` is the ink (highlighter stroke / annotation quads / text background); \`textBbox\` the marked text's line
  boxes; \`parts\` one entry per text line (a phrase can wrap onto two lines). \`text\` is the exact phrase (Thai digits
  kept as written). A raster stroke can start a little after or end a little before the phrase — the phrase is still
  the one marked.
- \`style\`: \`highlighter\` (felt-tip stroke, multiply-blended, uneven edges, slanted tips, streaks),
  \`digital-highlighter\` (screenshot markup tool), \`annotation-highlight\` / \`annotation-underline\` (PDF
  /Highlight or /Underline annotation with QuadPoints and an appearance stream), \`text-background\` (Word-style
  highlight baked into the page content — no annotation; find it by rendering or by the filled rectangles).
- \`measured\`: mean RGB of highlighter pixels inside each stroke in the delivered image (text strokes excluded);
  \`paperRgb\`: median paper colour next to the text; \`effects\`: the degradation parameters of that page.
- Digital PDFs: \`parts[].text\` (which words are on which line of a wrapped phrase) is estimated from the line box
  widths; the whole \`text\` and all boxes are exact.
- Distractors: \`seal\` (red round stamp with ring text, multiply-blended, patchy ink), \`signature\` (blue ballpoint
  scribble), \`logo\` (black Garuda placeholder or a coloured logo: gold/blue, green/yellow, magenta, four colour
  tiles), \`shading\` (table header/band shading, website header/menu bars and buttons), \`tint\` (whole page on
  pale-yellow paper).

## Highlighter colours after capture (mean of \`measured\`, tune split)

Nominal inks: yellow (255,236,25), green (105,232,85), pink (255,95,185), orange (255,152,40), blue (75,185,255),
opacity 0.42–0.85, multiply blend. After paper, scan/photo and JPEG effects they come out as:

| capture | yellow | green | pink | orange | blue | paper |
|---|---|---|---|---|---|---|
${rows.join("\n")}

Compare colours with the local paper colour, not with white: phone photos have warm/cool casts, vignetting and
shadows; some pages are on pale-yellow paper (distractor \`tint\`); table header shading (light gold 255,242,204 in
particular) is close to a faded yellow highlight; pink overlaps the hue of the red seals and the magenta logo.

## Digital PDFs

Made as HTML → LibreOffice (\`soffice --convert-to pdf\`, correct Thai shaping), then pdf-lib adds an e-signature
image, sometimes a seal image (multiply), and the annotations. The text layer is LibreOffice's: \`pdftotext\`
reads it well, but some clusters (e.g. ตั้ง → "ตัง้") come out reordered, and LibreOffice writes /ActualText spans for
reordered clusters that pdf.js's getTextContent() ignores — its strings then contain misplaced tone marks/vowels.
\`textLayer\` in each truth file records how many marked phrases \`pdftotext\` finds verbatim.
`;
}

async function main(): Promise<void> {
  const includeLarge = !process.argv.includes("--no-large");
  // --only=t01,h15: generate just these into a temporary preview folder (for development)
  const only = process.argv.find((a) => a.startsWith("--only="))?.slice(7).split(",");
  // --splits=tune-strong,heldout-strong: (re)generate just these splits; the others' files and index entries stay
  const splits = process.argv.find((a) => a.startsWith("--splits="))?.slice(9).split(",");
  const specs = plan(includeLarge).filter((s) => (!only || only.includes(s.id)) && (!splits || splits.includes(s.split)));
  const work = path.join(os.tmpdir(), `samruat-evidence-${process.pid}`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  try {
    const outputs: Output[] = [];
    for (const spec of specs.filter((s) => s.kind !== "digital")) {
      const t0 = performance.now();
      const o = await rasterSpec(spec);
      selfCheck(o);
      outputs.push(o);
      console.log(`${o.file.padEnd(52)} ${String(o.truth.pages.length).padStart(3)} p ${(o.bytes.length / 1024).toFixed(0).padStart(6)} KB  ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
    console.log("digital PDFs…");
    for (const o of await digitalSpecs(specs.filter((s) => s.kind === "digital"), work)) {
      selfCheck(o);
      outputs.push(o);
      const tl = o.truth.textLayer;
      console.log(`${o.file.padEnd(52)} ${String(o.truth.pages.length).padStart(3)} p ${(o.bytes.length / 1024).toFixed(0).padStart(6)} KB  text layer ${tl?.found}/${tl?.checked}`);
    }
    if (only) {
      const preview = path.join(os.tmpdir(), "samruat-evidence-preview");
      for (const o of outputs) {
        mkdirSync(path.join(preview, path.dirname(o.file)), { recursive: true });
        writeFileSync(path.join(preview, o.file), o.bytes);
        writeFileSync(path.join(preview, o.file.replace(/\.[a-z]+$/, ".truth.json")), `${JSON.stringify(o.truth, null, 1)}\n`);
      }
      console.log(`--only: written to ${preview} (samples/evidence untouched)`);
      return;
    }
    // write everything (only now, so a failure leaves the previous set intact)
    const written = new Set<string>(specs.map((s) => s.split));
    for (const d of written) rmSync(path.join(OUT, d), { recursive: true, force: true });
    const index: object[] = [];
    let total = 0;
    for (const o of outputs.sort((a, b) => a.file.localeCompare(b.file))) {
      const abs = path.join(OUT, o.file);
      mkdirSync(path.dirname(abs), { recursive: true });
      writeFileSync(abs, o.bytes);
      const truthFile = o.file.replace(/\.[a-z]+$/, ".truth.json");
      writeFileSync(path.join(OUT, truthFile), `${JSON.stringify(o.truth, null, 1)}\n`);
      total += o.bytes.length;
      index.push({
        file: o.file,
        truth: truthFile,
        split: o.spec.split,
        kind: o.truth.kind,
        variant: o.truth.variant,
        format: o.spec.format,
        docType: o.truth.docType,
        pages: o.truth.pages.length,
        marked: o.truth.pages.reduce((s, p) => s + p.marked.length, 0),
        bytes: o.bytes.length,
        sha256: sha256(o.bytes),
      });
    }
    // keep the entries of splits not generated this time (their files are untouched) so index.json stays complete
    try {
      const prev = JSON.parse(readFileSync(path.join(OUT, "index.json"), "utf8")) as { files?: { split?: string }[] };
      for (const e of prev.files ?? []) if (!written.has(e.split ?? "")) index.push(e);
    } catch {
      // no previous index
    }
    writeFileSync(
      path.join(OUT, "index.json"),
      `${JSON.stringify({ generator: "scripts/evidence-samples/generate.ts", seeds: SEEDS, files: index }, null, 1)}\n`,
    );
    // The README's tables are worked out from a whole draw; a partial one leaves it to be edited by hand.
    if (!splits) writeFileSync(path.join(OUT, "README.md"), readme(outputs, total));
    console.log(`\n${outputs.length} files, ${(total / 1048576).toFixed(2)} MB → ${path.relative(ROOT, OUT)}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
