/**
 * PDF adapter over pdfjs-dist 5.4 (legacy build, the one that runs on Node 20): text with positions, markup
 * annotations with the text under them, whether a page needs OCR, and rendering for OCR and ink detection.
 * All coordinates leave this module in PDF points with a top-left origin (the page as displayed, /Rotate applied).
 */
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { PDFDocumentProxy, PDFPageProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import { setMaxListeners } from "node:events";
import { MessageChannel, Worker } from "node:worker_threads";
import { bdcActualTexts } from "./actualtext.js";
import { EvidenceError } from "./messages.js";
import { type Matrix, multiply, pageDrawing, type PageDrawing } from "./pdf-drawing.js";
import { scanImageOf } from "./pdf-scan-image.js";
import type { RgbaImage } from "./raster.js";
import type { BBox } from "./schema.js";

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");
let pdfjsModule: Promise<PdfJs> | null = null;
/**
 * Loaded on first use: the module is large and text-only commands never need it. (Its parser runs on a thread of its
 * own: parsingThread.)
 *
 * The legacy build's core-js replaces Array.prototype.push for the whole process with a JavaScript version (for an
 * edge case of arrays with a read-only length that neither pdf.js nor we use); every push, ours included, then ran
 * 2.6× slower. The engine's own push is put back once the module is in.
 */
function pdfjs(): Promise<PdfJs> {
  pdfjsModule ??= (async () => {
    const enginePush = Array.prototype.push;
    const lib = await import("pdfjs-dist/legacy/build/pdf.mjs");
    Object.defineProperty(Array.prototype, "push", { value: enginePush, writable: true, enumerable: false, configurable: true });
    return lib;
  })();
  return pdfjsModule;
}

function packageDir(): string {
  return path.dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
}

export interface TextItem {
  str: string;
  bbox: BBox;
}

/**
 * A string exactly as pdf.js extracted it from the glyphs, and the item it ended up in. Runs inside an /ActualText
 * span all point at the one item holding the span's real text.
 */
interface GlyphRun {
  str: string;
  bbox: BBox;
  /** y of the baseline (top-left origin) and the font size. */
  baseline: number;
  size: number;
  item: number;
  replaced: boolean;
}

export interface PdfMarkup {
  subtype: string;
  /** Quads as axis-aligned boxes, one per marked line. */
  boxes: BBox[];
  bbox: BBox;
  rgb: [number, number, number];
}

export interface PdfPageContent {
  width: number;
  height: number;
  items: TextItem[];
  text: string;
  /** Letters and digits in the text layer (spaces and punctuation do not make a page readable). */
  letters: number;
  /** Share of the page area painted by raster images (a scan is ~1). */
  imageCoverage: number;
  /** Something on the page is painted in colour or as an image (else it cannot show highlighter ink). */
  inColour: boolean;
  markups: PdfMarkup[];
  runs: GlyphRun[];
}

export interface PdfDocument {
  numPages: number;
  page(number: number): Promise<PdfPageContent>;
  /** page() and the paths the page paints and its form widgets (tables, underlines and boxes of a form saved as
   * PDF), from one parse of the page. */
  formPage(number: number): Promise<{ content: PdfPageContent; drawing: PageDrawing }>;
  /** Renders without annotation appearances (those are read as annotations, not as ink). */
  render(number: number, dpi: number): Promise<RgbaImage>;
  /**
   * The text-layer text under boxes on pages already read with page(), one string per request. The text layer has
   * no glyph positions and splitting items evenly misses letters at the ends, while pdf.js intersects glyphs exactly
   * for markup annotations only: so a copy of the file gets one Highlight per box, pdf.js reads them back, and the
   * glyph text is mapped onto the page's items (where /ActualText has been applied).
   */
  textIn(requests: { page: PdfPageContent; number: number; box: BBox }[]): Promise<string[]>;
  close(): Promise<void>;
}

const MARKUP_SUBTYPES = new Set(["Highlight", "Underline", "Squiggly", "StrikeOut"]);

export async function openPdf(data: Uint8Array): Promise<PdfDocument> {
  const lib = await pdfjs();
  let doc: PDFDocumentProxy;
  try {
    doc = await openRaw(lib, data);
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === "PasswordException") throw new EvidenceError("encrypted-pdf");
    throw new EvidenceError("broken-pdf", error instanceof Error ? error.message : String(error));
  }
  const pages = new Map<number, Promise<PDFPageProxy>>();
  const getPage = (n: number) => {
    let p = pages.get(n);
    if (!p) {
      p = pageOf(lib, doc, n);
      pages.set(n, p);
    }
    return p;
  };
  // pdf-lib reads the raw content streams (for /ActualText) and writes the probe copy; parsed once, on demand.
  let editable: Promise<import("pdf-lib").PDFDocument | null> | null = null;
  const pdfLib = () => {
    editable ??= import("pdf-lib")
      .then(({ PDFDocument }) => PDFDocument.load(data, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false }))
      .catch(() => null);
    return editable;
  };
  // If the parsing thread dies (a PDF that exhausts its memory), what this document waits for fails instead of hanging.
  const { stopped } = parsingThread(lib);
  const guard = <T>(work: () => Promise<T>): Promise<T> => Promise.race([work(), stopped]);
  return {
    numPages: doc.numPages,
    page: (n) => guard(async () => {
      const page = await getPage(n);
      try {
        return await pageContent(lib, page, actualTexts(pdfLib(), n));
      } finally {
        // Parsed fonts and operator lists of a read page are not needed again; free them for 60-page scans.
        page.cleanup();
      }
    }),
    formPage: (n) => guard(async () => {
      const page = await getPage(n);
      try {
        // The operator list pageContent parsed is cached on the page until cleanup: the drawing reuses it.
        const content = await pageContent(lib, page, actualTexts(pdfLib(), n));
        return { content, drawing: await pageDrawing(lib, page) };
      } finally {
        page.cleanup();
      }
    }),
    render: (n, dpi) => guard(async () => {
      // A scanner's page is its JPEG: decoded natively, not painted by pdf.js.
      const editable = await pdfLib();
      const scan = editable && (await scanImageOf(editable, n - 1, dpi).catch(() => null));
      if (scan) return scan;
      const page = await getPage(n);
      try {
        return await renderPage(lib, doc, page, dpi);
      } finally {
        page.cleanup();
      }
    }),
    textIn: (requests) => guard(async () => {
      const glyphs = await probeGlyphText(lib, await pdfLib(), requests.map((r) => ({ number: r.number, box: probeBand(r.page, r.box) })), getPage);
      return requests.map((r, i) => {
        const exact = glyphs ? mapGlyphText(r.page, glyphs[i]!, r.box) : null;
        return exact ?? textUnder(r.page.items, [r.box]);
      });
    }),
    close: () => doc.destroy(),
  };
}

/** /ActualText per BDC of a page's content streams, or null when they cannot be read. */
async function actualTexts(pending: Promise<import("pdf-lib").PDFDocument | null>, n: number): Promise<(string | null)[] | null> {
  const editable = await pending;
  if (!editable) return null;
  try {
    const { PDFArray, PDFRawStream, decodePDFRawStream } = await import("pdf-lib");
    const page = editable.getPage(n - 1);
    const contents = page.node.Contents();
    const streams = contents instanceof PDFArray ? contents.asArray().map((r) => editable.context.lookup(r)) : [contents];
    const out: (string | null)[] = [];
    for (const s of streams) {
      if (s instanceof PDFRawStream) out.push(...bdcActualTexts(decodePDFRawStream(s).decode()));
    }
    return out;
  } catch {
    return null;
  }
}

/**
 * pdf.js tests each glyph's baseline midpoint against a quad, and markup quads are often taller than their line
 * (they overlap the neighbouring lines in tight tables): probe a thin band around the baseline of the text line that
 * fills most of the box instead.
 */
function probeBand(page: PdfPageContent, box: BBox): BBox {
  let best: GlyphRun | null = null;
  let bestShare = 0;
  for (const run of page.runs) {
    const [x, y, w, h] = run.bbox;
    if (h <= 0 || Math.min(x + w, box[0] + box[2]) - Math.max(x, box[0]) <= 0) continue;
    const share = (Math.min(y + h, box[1] + box[3]) - Math.max(y, box[1])) / h;
    if (share > bestShare) {
      bestShare = share;
      best = run;
    }
  }
  if (!best || bestShare < 0.5) return box;
  const half = 0.2 * best.bbox[3];
  return [box[0], best.baseline - half, box[2], 2 * half];
}

/** Glyph text under each box, from pdf.js's own annotation intersection on a copy of the file with one Highlight
 * per box; null when the file cannot be re-saved. */
async function probeGlyphText(
  lib: PdfJs,
  editable: import("pdf-lib").PDFDocument | null,
  requests: { number: number; box: BBox }[],
  getPage: (n: number) => Promise<PDFPageProxy>,
): Promise<string[] | null> {
  // An encrypted original cannot be re-saved readable; the caller falls back to splitting items.
  if (!editable || editable.isEncrypted) return null;
  let copy: Uint8Array;
  try {
    const { PDFDocument, PDFName, PDFString } = await import("pdf-lib");
    const target = await PDFDocument.load(await editable.save({ useObjectStreams: false }), { updateMetadata: false });
    for (const [i, { number, box: [x, y, w, h] }] of requests.entries()) {
      const viewport = (await getPage(number)).getViewport({ scale: 1 });
      const [ax, ay] = viewport.convertToPdfPoint(x, y) as [number, number];
      const [bx, by] = viewport.convertToPdfPoint(x + w, y + h) as [number, number];
      const [x0, y0, x1, y1] = [Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by)];
      const ctx = target.context;
      const annot = ctx.register(
        ctx.obj({ Type: "Annot", Subtype: "Highlight", Rect: [x0, y0, x1, y1], QuadPoints: [x0, y1, x1, y1, x0, y0, x1, y0], Contents: PDFString.of(`samruat-probe-${i}`) }),
      );
      const p = target.getPage(number - 1);
      const annots = p.node.Annots();
      if (annots) annots.push(annot);
      else p.node.set(PDFName.of("Annots"), ctx.obj([annot]));
    }
    copy = await target.save({ useObjectStreams: false });
  } catch {
    return null;
  }
  const probe = await openRaw(lib, copy);
  try {
    const out = requests.map(() => "");
    for (const n of new Set(requests.map((r) => r.number))) {
      for (const a of (await (await pageOf(lib, probe, n)).getAnnotations()) as Annotation[]) {
        const i = /^samruat-probe-(\d+)$/.exec(a.contentsObj?.str ?? "")?.[1];
        if (i !== undefined) out[Number(i)] = a.overlaidText ?? "";
      }
    }
    return out;
  } finally {
    await probe.destroy();
  }
}

/**
 * Finds the probe's glyph text in the page's glyph runs (the same glyphs, in content order) and returns the page
 * text for that stretch, with /ActualText spans applied. Null when it cannot be placed.
 */
export function mapGlyphText(page: PdfPageContent, glyphText: string, box: BBox): string | null {
  const wanted = glyphText.replace(/\s+/g, "");
  if (!wanted) return "";
  const chars: { run: number; offset: number }[] = [];
  let flat = "";
  page.runs.forEach((run, r) => {
    [...run.str].forEach((ch, offset) => {
      if (/\s/.test(ch)) return;
      flat += ch;
      for (let k = 0; k < ch.length; k++) chars.push({ run: r, offset });
    });
  });
  let best: { from: number; to: number; score: number } | null = null;
  for (let at = flat.indexOf(wanted); at >= 0; at = flat.indexOf(wanted, at + 1)) {
    const first = page.runs[chars[at]!.run]!.bbox;
    const score = Math.min(first[1] + first[3], box[1] + box[3]) - Math.max(first[1], box[1]);
    if (!best || score > best.score) best = { from: at, to: at + wanted.length - 1, score };
  }
  if (!best || best.score <= 0) return null;
  // pdf.js places a mark at its own advance, which can fall just outside the box its letter is in: a letter keeps
  // the marks that follow it.
  const isMark = (k: number) => {
    const run = page.runs[chars[k]!.run]!;
    return COMBINING.test(flat[k]!) || (run.replaced && COMBINING.test(page.items[run.item]!.str));
  };
  while (best.to + 1 < flat.length && isMark(best.to + 1)) best.to++;
  const start = chars[best.from]!;
  const end = chars[best.to]!;
  const parts: TextItem[] = [];
  const used = new Set<number>();
  for (let r = start.run; r <= end.run; r++) {
    const run = page.runs[r]!;
    if (run.replaced) {
      if (!used.has(run.item)) parts.push(page.items[run.item]!);
      used.add(run.item);
      continue;
    }
    const cps = [...run.str];
    const from = r === start.run ? start.offset : 0;
    const to = r === end.run ? end.offset + 1 : cps.length;
    const step = run.bbox[2] / Math.max(1, cps.length);
    parts.push({ str: cps.slice(from, to).join(""), bbox: [run.bbox[0] + from * step, run.bbox[1], (to - from) * step, run.bbox[3]] });
  }
  return layoutText(parts);
}

/**
 * A page of a document. pdf.js 5.4 checks the page number against one page count for the whole process (its
 * PagesMapper, made for the viewer's page reordering, is a singleton set by the last document loaded), so with two
 * documents open the other's count refused valid pages ("Invalid page request"). Pages are never reordered here:
 * the count is set to this document's own right before the (synchronous) check.
 */
function pageOf(lib: PdfJs, doc: PDFDocumentProxy, n: number): Promise<PDFPageProxy> {
  lib.PagesMapper.instance.pagesNumber = doc.numPages;
  return doc.getPage(n);
}

/**
 * Opens a document on the parsing thread. The thread is kept alive (ref'd) while any document is open, so a command
 * waiting on pdf.js does not end early, and released when the last one is destroyed, so the process can exit.
 */
async function openRaw(lib: PdfJs, data: Uint8Array): Promise<PDFDocumentProxy> {
  const dir = packageDir();
  const thread = parsingThread(lib);
  thread.hold();
  let doc: PDFDocumentProxy;
  try {
    const task = lib.getDocument({
      // pdf.js transfers (detaches) the buffer it is given; keep the caller's bytes intact.
      data: data.slice(),
      worker: thread.worker,
      standardFontDataUrl: `${pathToFileURL(path.join(dir, "standard_fonts")).href}/`,
      cMapUrl: `${pathToFileURL(path.join(dir, "cmaps")).href}/`,
      cMapPacked: true,
      wasmUrl: `${pathToFileURL(path.join(dir, "wasm")).href}/`,
      isEvalSupported: false,
      verbosity: 0,
    });
    doc = await Promise.race([task.promise, thread.stopped]);
  } catch (error) {
    thread.release();
    throw error;
  }
  const destroy = doc.destroy.bind(doc);
  let released = false;
  doc.destroy = async () => {
    try {
      await destroy();
    } finally {
      if (!released) thread.release();
      released = true;
    }
  };
  return doc;
}

interface ParsingThread {
  worker: InstanceType<PdfJs["PDFWorker"]>;
  hold(): void;
  release(): void;
  /** Rejects when the thread has died. */
  stopped: Promise<never>;
}
let parsing: ParsingThread | null = null;

/**
 * pdf.js's parser (its "worker") on a thread of its own, one for the process: on Node pdf.js would otherwise run it
 * in the main thread, and reading a long form would use one core of two. Messages are structured-cloned either way.
 */
function parsingThread(lib: PdfJs): ParsingThread {
  if (parsing) return parsing;
  const workerModule = pathToFileURL(path.join(packageDir(), "legacy", "build", "pdf.worker.mjs")).href;
  const { port1, port2 } = new MessageChannel();
  const thread = new Worker(
    `const { workerData } = require("node:worker_threads");
     require("node:events").setMaxListeners(0, workerData.port);
     import(${JSON.stringify(workerModule)}).then((m) => m.WorkerMessageHandler.initializeFromPort(workerData.port));`,
    { eval: true, workerData: { port: port2 }, transferList: [port2] },
  );
  let open = 0;
  // Every open document listens on the one port, at both ends (pdf.js removes its listeners when it is destroyed).
  setMaxListeners(0, port1);
  const worker = lib.PDFWorker.create({ port: port1 as unknown as Worker & globalThis.Worker, verbosity: 0 });
  // Listening refs a port; neither it nor the thread may hold the process open while no document is.
  const ref = (on: boolean) => [thread, port1].forEach((handle) => (on ? handle.ref() : handle.unref()));
  ref(false);
  const stopped = new Promise<never>((_, reject) => {
    // A thread that dies (out of memory) is replaced for the next document; the documents open on it fail as broken.
    thread.once("exit", (code) => {
      if (parsing === self) parsing = null;
      reject(new EvidenceError("broken-pdf", `the PDF reader stopped (exit ${code})`));
    });
  });
  stopped.catch(() => {});
  thread.on("error", () => {});
  const self: ParsingThread = {
    worker,
    hold: () => {
      if (open++ === 0) ref(true);
    },
    release: () => {
      if (--open === 0) ref(false);
    },
    stopped,
  };
  parsing = self;
  return self;
}

/**
 * A colour whose channels differ less than this (of 255) is grey: below the chroma highlight detection needs for a
 * single pixel of highlighter (HL_MIN_CHROMA = 0.1 in highlight.ts).
 */
const GREY_CHROMA = 25;

/**
 * Area of the page covered by painted images (image XObjects map the unit square), and whether anything on it is
 * painted in colour: an image, a pattern or shading, or a colour that is not grey. A page without colour cannot show
 * highlighter ink, so it need not be rendered to look for some.
 */
async function paintSummary(lib: PdfJs, page: PDFPageProxy, pageArea: number): Promise<{ imageCoverage: number; inColour: boolean }> {
  const ops = await page.getOperatorList({ annotationMode: lib.AnnotationMode.DISABLE });
  const { OPS } = lib;
  const imageOps = new Set<number>([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject]);
  const colourOps = new Set<number>([OPS.setFillColorN, OPS.setStrokeColorN, OPS.shadingFill, OPS.paintInlineImageXObjectGroup, OPS.paintImageXObjectRepeat, OPS.paintImageMaskXObjectRepeat, OPS.paintImageMaskXObjectGroup, OPS.paintSolidColorImageMask]);
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  let area = 0;
  let inColour = false;
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i]!;
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = multiply(ctm, ops.argsArray[i] as Matrix);
    else if (imageOps.has(fn)) {
      area += Math.abs(ctm[0] * ctm[3] - ctm[1] * ctm[2]);
      inColour = true;
    } else if (colourOps.has(fn)) inColour = true;
    else if ((fn === OPS.setFillRGBColor || fn === OPS.setStrokeRGBColor) && !isGrey(ops.argsArray[i]?.[0])) inColour = true;
  }
  return { imageCoverage: Math.min(1, area / pageArea), inColour };
}

/** pdf.js gives colours as "#rrggbb" (older versions as three bytes); anything else counts as colour. */
function isGrey(colour: unknown): boolean {
  let rgb: number[];
  if (typeof colour === "string" && /^#[0-9a-f]{6}$/i.test(colour)) rgb = [1, 3, 5].map((k) => parseInt(colour.slice(k, k + 2), 16));
  else if (colour && typeof colour === "object" && "length" in colour && (colour as ArrayLike<number>).length >= 3) rgb = Array.from(colour as ArrayLike<number>).slice(0, 3);
  else return false;
  return Math.max(...rgb) - Math.min(...rgb) < GREY_CHROMA;
}

interface RawTextItem {
  str?: string;
  type?: string;
  transform?: number[];
  width?: number;
  fontName?: string;
}

async function pageContent(lib: PdfJs, page: PDFPageProxy, actualTexts: Promise<(string | null)[] | null>): Promise<PdfPageContent> {
  const viewport = page.getViewport({ scale: 1 });
  // All of the page's requests go to the parsing thread at once rather than one after another.
  const [content, actual, annotations, painted] = await Promise.all([
    page.getTextContent({ includeMarkedContent: true }),
    actualTexts,
    page.getAnnotations({ intent: "display" }),
    paintSummary(lib, page, viewport.width * viewport.height),
  ]);
  const raw = content.items as RawTextItem[];
  // Pair BDCs only when pdf.js saw exactly the ones in the page's own streams (text in form XObjects would shift them).
  const spans = actual && actual.length === raw.filter((i) => i.type === "beginMarkedContentProps").length ? actual : null;
  const items: TextItem[] = [];
  const runs: GlyphRun[] = [];
  const frames: (string | null)[] = [];
  let bdc = 0;
  let spanItem = -1;
  for (const r of raw) {
    if (r.type === "beginMarkedContentProps" || r.type === "beginMarkedContent") {
      frames.push(r.type === "beginMarkedContentProps" ? (spans?.[bdc++] ?? null) : null);
      continue;
    }
    if (r.type === "endMarkedContent") {
      frames.pop();
      if (!frames.some((f) => f !== null)) spanItem = -1;
      continue;
    }
    if (r.str === undefined || r.str === "" || !r.transform) continue;
    const tx = lib.Util.transform(viewport.transform, r.transform) as Matrix;
    const size = Math.hypot(tx[2], tx[3]);
    // pdf.js adds a zero-width " " wherever the text matrix jumps, which Thai producers do around every reordered
    // cluster; real gaps are judged from the geometry in layoutText.
    if (!r.str.trim() && (r.width ?? 0) * viewport.scale < 0.1 * size) continue;
    const style = content.styles[r.fontName ?? ""];
    const ascent = style?.ascent && style.ascent > 0 ? style.ascent : 0.8;
    const descent = style?.descent && style.descent < 0 ? style.descent : -0.2;
    const bbox: BBox = [tx[4], tx[5] - ascent * size, (r.width ?? 0) * viewport.scale, (ascent - descent) * size];
    // The outermost span with /ActualText replaces all the glyphs inside it.
    const span = frames.find((f) => f !== null);
    if (span === undefined) {
      items.push({ str: r.str, bbox });
      runs.push({ str: r.str, bbox, baseline: tx[5], size, item: items.length - 1, replaced: false });
      continue;
    }
    if (spanItem < 0) {
      items.push({ str: span ?? "", bbox });
      spanItem = items.length - 1;
    } else {
      items[spanItem]!.bbox = union([items[spanItem]!.bbox, bbox]);
    }
    runs.push({ str: r.str, bbox, baseline: tx[5], size, item: spanItem, replaced: true });
  }
  const text = layoutText(items);
  const markups: PdfMarkup[] = [];
  for (const a of annotations as Annotation[]) {
    if (!MARKUP_SUBTYPES.has(a.subtype)) continue;
    const boxes = quadBoxes(a, viewport);
    if (!boxes.length) continue;
    const c = a.color;
    markups.push({ subtype: a.subtype, boxes, bbox: union(boxes), rgb: c && c.length >= 3 ? [c[0]!, c[1]!, c[2]!] : [255, 255, 0] });
  }
  return {
    width: viewport.width,
    height: viewport.height,
    items,
    text,
    letters: (text.match(/[\p{L}\p{N}]/gu) ?? []).length,
    ...painted,
    markups,
    runs,
  };
}

interface Annotation {
  subtype: string;
  rect: number[];
  quadPoints?: ArrayLike<number> | null;
  color?: ArrayLike<number> | null;
  /** Glyph text under the quads, computed by pdf.js for markup annotations. */
  overlaidText?: string;
  contentsObj?: { str?: string };
}

interface Viewport {
  convertToViewportRectangle(rect: number[]): number[];
}

function quadBoxes(a: Annotation, viewport: Viewport): BBox[] {
  const q = a.quadPoints;
  const rects: number[][] = [];
  if (q && q.length >= 8) {
    for (let i = 0; i + 8 <= q.length; i += 8) {
      const xs = [q[i]!, q[i + 2]!, q[i + 4]!, q[i + 6]!];
      const ys = [q[i + 1]!, q[i + 3]!, q[i + 5]!, q[i + 7]!];
      rects.push([Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)]);
    }
  } else if (a.rect.length === 4) {
    rects.push(a.rect);
  }
  return rects.map((r) => {
    const [x0, y0, x1, y1] = viewport.convertToViewportRectangle(r) as [number, number, number, number];
    return [Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0), Math.abs(y1 - y0)];
  });
}

export function union(boxes: BBox[]): BBox {
  const x0 = Math.min(...boxes.map((b) => b[0]));
  const y0 = Math.min(...boxes.map((b) => b[1]));
  const x1 = Math.max(...boxes.map((b) => b[0] + b[2]));
  const y1 = Math.max(...boxes.map((b) => b[1] + b[3]));
  return [x0, y0, x1 - x0, y1 - y0];
}

/** Text lines of a page (points): runs sharing a baseline, with their horizontal extent. */
export function textLines(page: PdfPageContent): { x0: number; x1: number; baseline: number; size: number }[] {
  const lines: { x0: number; x1: number; baseline: number; size: number }[] = [];
  for (const run of page.runs) {
    if (!run.str.trim() || run.size <= 0) continue;
    const line = lines.find((l) => Math.abs(l.baseline - run.baseline) < 0.3 * Math.min(l.size, run.size));
    if (line) {
      line.x0 = Math.min(line.x0, run.bbox[0]);
      line.x1 = Math.max(line.x1, run.bbox[0] + run.bbox[2]);
      line.size = Math.max(line.size, run.size);
    } else {
      lines.push({ x0: run.bbox[0], x1: run.bbox[0] + run.bbox[2], baseline: run.baseline, size: run.size });
    }
  }
  return lines;
}

/** Reading-order text from positioned items: a new line when the baseline moves, a space across visible gaps. */
export function layoutText(items: TextItem[]): string {
  let out = "";
  let prev: TextItem | null = null;
  for (const item of items) {
    if (prev) {
      const ph = prev.bbox[3];
      const sameLine = Math.abs(item.bbox[1] + item.bbox[3] - (prev.bbox[1] + prev.bbox[3])) < 0.5 * Math.min(ph, item.bbox[3]);
      const gap = item.bbox[0] - (prev.bbox[0] + prev.bbox[2]);
      // Thai needs a wider gap than Latin to be a word space (producers position clusters and marks one by one),
      // and a lone mark never starts or ends a word.
      const latin = /[A-Za-z0-9.,;:)]$/.test(prev.str) && /^[A-Za-z0-9(]/.test(item.str);
      const marks = /^\p{M}+$/u.test(prev.str) || /^\p{M}/u.test(item.str);
      if (!sameLine) out += "\n";
      else if (!marks && gap > (latin ? 0.15 : 0.3) * ph && !/\s$/.test(out) && !/^\s/.test(item.str)) out += " ";
    }
    out += item.str;
    prev = item;
  }
  return out;
}

/** Combining marks (Thai vowels above/below, tone marks) take no width of their own. */
const COMBINING = /\p{M}/u;

/**
 * Splits an item into clusters (a base character with its marks) with estimated x extents. Glyph advances are not
 * in the text content, so width is shared equally among clusters: in a proportional font this errs by a character
 * at most, which the centre test below absorbs.
 */
function clusters(item: TextItem): { text: string; x0: number; x1: number }[] {
  const out: { text: string; x0: number; x1: number }[] = [];
  for (const ch of item.str) {
    const last = out[out.length - 1];
    if (last && COMBINING.test(ch)) last.text += ch;
    else out.push({ text: ch, x0: 0, x1: 0 });
  }
  const step = item.bbox[2] / Math.max(1, out.length);
  out.forEach((c, k) => {
    c.x0 = item.bbox[0] + k * step;
    c.x1 = c.x0 + step;
  });
  return out;
}

/** Text of the items inside the given boxes (a character counts when its centre is inside), line by line. */
export function textUnder(items: TextItem[], boxes: BBox[]): string {
  const lines: string[] = [];
  for (const box of boxes) {
    const parts: TextItem[] = [];
    for (const item of items) {
      const [, y, , h] = item.bbox;
      const vOverlap = Math.min(y + h, box[1] + box[3]) - Math.max(y, box[1]);
      if (vOverlap < 0.5 * Math.min(h, box[3])) continue;
      const inside = clusters(item).filter((c) => (c.x0 + c.x1) / 2 >= box[0] && (c.x0 + c.x1) / 2 <= box[0] + box[2]);
      if (!inside.length) continue;
      const x0 = inside[0]!.x0;
      parts.push({ str: inside.map((c) => c.text).join(""), bbox: [x0, y, inside[inside.length - 1]!.x1 - x0, h] });
    }
    const line = layoutText(parts).trim();
    if (line) lines.push(line);
  }
  return lines.join("\n");
}

async function renderPage(lib: PdfJs, doc: PDFDocumentProxy, page: PDFPageProxy, dpi: number): Promise<RgbaImage> {
  const viewport = page.getViewport({ scale: dpi / 72 });
  const width = Math.round(viewport.width);
  const height = Math.round(viewport.height);
  // pdf.js bundles its own @napi-rs/canvas; a canvas from another copy breaks its Path2D checks, so use its factory.
  const factory = doc.canvasFactory as {
    create(w: number, h: number): { canvas: unknown; context: CanvasRenderingContext2D };
    destroy(c: unknown): void;
  };
  const target = factory.create(width, height);
  try {
    target.context.fillStyle = "#ffffff";
    target.context.fillRect(0, 0, width, height);
    await page.render({
      canvas: target.canvas as HTMLCanvasElement,
      canvasContext: target.context,
      viewport,
      annotationMode: lib.AnnotationMode.DISABLE,
    }).promise;
    const data = target.context.getImageData(0, 0, width, height).data;
    return { width, height, data };
  } finally {
    factory.destroy(target);
  }
}
