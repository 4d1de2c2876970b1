/**
 * A questionnaire returned as a PDF → the same document model the .docx reader makes, so the one extractor anchors
 * on the printed codes and labels as it does for .docx. A page with a text layer (Word's or LibreOffice's "Save as
 * PDF") becomes paragraphs and tables from its text and drawing (`layout.ts`); a page that is a picture (a scanned
 * or photographed paper copy) is read by OCR and optical mark recognition (`scan.ts`). A table running over a page
 * break is one table.
 */
import { readerWarning } from "../docx/messages.js";
import type { Block, DocxDocument, Message, Result } from "../docx/model.js";
import { chooseOcrEngine } from "../evidence/ocr-native.js";
import type { OcrEngine } from "../evidence/ocr.js";
import { openPdf, type PdfPageContent } from "../evidence/pdf.js";
import { openRaster, type RasterType } from "../evidence/image.js";
import { toGray, type GrayImage } from "../evidence/raster.js";
import { inLanes } from "../util/lanes.js";
import { joinContinuedTables, pageBlocks, renumber } from "./layout.js";
import { readScannedFormPage } from "./scan.js";

/** The questionnaire prints on about 60–100 pages; a PDF several times longer is some other document. */
export const MAX_FORM_PAGES = 400;
/** Scanned pages are read at this resolution: Thai print of 14–16 pt is 40 px high, enough for OCR. */
export const SCAN_DPI = 200;

export interface PdfFormOptions {
  /** OCR for scanned pages; without one, the best available is started for the file and stopped after it. */
  engine?: OcrEngine;
}

/** Scanned pages read first to see whether the file is the questionnaire at all. */
const PROBE_PAGES = 3;
/** A question code ("G1.", "P2.1.3") or the questionnaire's title words, as OCR reads them. */
const FORM_HINT = /(?:^|\s)[GP][0-9๐-๙]{1,2}(?:\.[0-9๐-๙]{1,2})*\.?\s|แบบสำรวจ|รัฐบาลดิจิทัล|Digital\s*(?:Government|Leadership|Policy)/u;

function blocksText(blocks: readonly Block[]): string {
  return blocks
    .map((b) => (b.kind === "paragraph" ? b.inlines.map((i) => (i.kind === "text" ? i.text : " ")).join("") : b.rows.map((r) => r.cells.map((c) => blocksText(c.blocks)).join(" ")).join(" ")))
    .join("\n");
}

/** A page is a picture of paper: almost no letters in its text layer, and images over most of it. */
const isScanned = (p: PdfPageContent) => p.letters < 20 && p.imageCoverage > 0.5;

export async function readPdfForm(bytes: Uint8Array, options: PdfFormOptions = {}): Promise<Result<DocxDocument>> {
  // pdf.js wants a plain Uint8Array, not a Node Buffer.
  const doc = await openPdf(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  if (doc.numPages > MAX_FORM_PAGES) {
    await doc.close();
    return tooLong(doc.numPages);
  }
  const messages: Message[] = [];
  const numbers = pageNumbers(doc.numPages);
  let scans: number[] = [];
  let pages: Block[][];
  try {
    // pdf.js parses in its worker: asking for a few pages at once keeps it busy while this thread lays them out.
    const read = await inLanes(numbers, 4, (n) => doc.formPage(n));
    scans = numbers.filter((n) => isScanned(read[n - 1]!.content));
    const ocred = await readScans(scans, async (n) => ({ gray: toGray(await doc.render(n, SCAN_DPI)), dpi: SCAN_DPI }), options, messages);
    pages = numbers.map((n) => ocred.get(n) ?? pageBlocks(read[n - 1]!.content.items, read[n - 1]!.drawing, n, { paragraph: 0, table: 0 }));
  } finally {
    await doc.close();
  }
  return assemble(pages, messages, scans.length);
}

/**
 * A questionnaire returned as photos or scans saved as image files (JPEG, PNG, a multi-page TIFF): every page a
 * picture of paper, read as a scanned PDF page is.
 */
export async function readImageForm(bytes: Uint8Array, type: RasterType, options: PdfFormOptions = {}): Promise<Result<DocxDocument>> {
  const raster = await openRaster(bytes, type);
  if (raster.count > MAX_FORM_PAGES) return tooLong(raster.count);
  const messages: Message[] = [];
  const numbers = pageNumbers(raster.count);
  const picture = async (n: number) => {
    const { image, dpi } = await raster.page(n - 1);
    return { gray: toGray(image), dpi };
  };
  const ocred = await readScans(numbers, picture, options, messages);
  return assemble(numbers.map((n) => ocred.get(n) ?? []), messages, numbers.length);
}

const pageNumbers = (count: number) => Array.from({ length: count }, (_, i) => i + 1);

function tooLong(pages: number): Result<DocxDocument> {
  const warning = readerWarning("pdf_too_long_for_form", { pages });
  return { value: { blocks: [], warnings: [warning] }, messages: [warning] };
}

/**
 * OCR and optical mark recognition of the pictured pages. A file is read through only when its first pages look like
 * the questionnaire: most scans in an inbox are evidence, and OCR of every page costs about a second a page. The OCR
 * engine is the caller's, or one started for the file and stopped after it.
 */
async function readScans(
  scans: number[],
  picture: (n: number) => Promise<{ gray: GrayImage; dpi: number }>,
  options: PdfFormOptions,
  messages: Message[],
): Promise<Map<number, Block[]>> {
  const ocred = new Map<number, Block[]>();
  if (!scans.length) return ocred;
  const engine = options.engine ?? (await chooseOcrEngine("auto"));
  try {
    // One page more in hand than OCR works on at once: while this thread draws, straightens and lays out a page, every
    // OCR worker has the next one (with exactly as many, each worker waited on this thread's share of its page).
    const read = (list: number[]) =>
      inLanes(list, engine.parallelism + 1, async (n) => {
        const { gray, dpi } = await picture(n);
        const page = await readScannedFormPage(gray, dpi, engine, n);
        ocred.set(n, page.blocks);
        messages.push(...page.messages);
      });
    const probe = scans.slice(0, PROBE_PAGES);
    await read(probe);
    if (probe.some((n) => FORM_HINT.test(blocksText(ocred.get(n)!)))) await read(scans.slice(PROBE_PAGES));
    else if (scans.length > probe.length) messages.push(readerWarning("scan_not_form", { probed: probe.length }));
  } finally {
    if (!options.engine) await engine.terminate();
  }
  return ocred;
}

/** Pages → one document: tables across page breaks joined, numbered, and a word on how the answers were read. */
function assemble(pages: Block[][], messages: Message[], scanned: number): Result<DocxDocument> {
  const blocks = joinContinuedTables(pages);
  renumber(blocks);
  messages.sort((a, b) => (a.location ?? "").localeCompare(b.location ?? "", "en", { numeric: true }));
  if (blocks.length === 0) messages.push(readerWarning("pdf_no_text", {}));
  else if (scanned > 0) messages.push(readerWarning("read_from_scan", { scanned, pages: pages.length }));
  else messages.push(readerWarning("read_from_pdf", {}));
  return { value: { blocks, warnings: messages }, messages };
}
