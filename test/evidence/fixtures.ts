/** Builders for the evidence tests: PDFs (pdf-lib), TIFF, DOCX and a stub OCR engine that costs nothing. */
import fontkit from "@pdf-lib/fontkit";
import { createCanvas } from "@napi-rs/canvas";
import { readFileSync } from "node:fs";
import { PDFDocument, PDFName, PDFHexString, type PDFPage, type PDFFont } from "pdf-lib";
import PizZip from "pizzip";
import type { OcrEngine, OcrRequest, OcrResult } from "../../src/evidence/ocr.js";
import { toGray, type GrayImage, type RgbaImage } from "../../src/evidence/raster.js";

const THAI_FONT = "/usr/share/fonts/truetype/tlwg/Laksaman.ttf";

export async function thaiPdf(): Promise<{ doc: PDFDocument; font: PDFFont }> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(readFileSync(THAI_FONT), { subset: true });
  return { doc, font };
}

/** Adds a markup annotation over `phrase` as drawn on the line at baseline `y` starting at `x`. */
export function markPhrase(
  page: PDFPage,
  font: PDFFont,
  line: { text: string; x: number; y: number; size: number },
  phrase: string,
  subtype: "Highlight" | "Underline" | "Squiggly" | "StrikeOut",
  color: [number, number, number],
): void {
  const before = line.text.slice(0, line.text.indexOf(phrase));
  const x0 = line.x + font.widthOfTextAtSize(before, line.size);
  const x1 = x0 + font.widthOfTextAtSize(phrase, line.size);
  const y0 = line.y - line.size * 0.25;
  const y1 = line.y + line.size;
  const ctx = page.doc.context;
  const annot = ctx.obj({
    Type: "Annot",
    Subtype: subtype,
    Rect: [x0, y0, x1, y1],
    QuadPoints: [x0, y1, x1, y1, x0, y0, x1, y0],
    C: color,
    F: 4,
  });
  const existing = page.node.lookup(PDFName.of("Annots"));
  const refs = existing ? (existing as unknown as { asArray(): unknown[] }).asArray() : [];
  page.node.set(PDFName.of("Annots"), ctx.obj([...(refs as never[]), ctx.register(annot)]));
}

/**
 * A PDF whose trailer declares standard encryption with a user password: pdf.js cannot derive the key from the empty
 * password and asks for one, which is exactly what an office's locked PDF does.
 */
export async function encryptedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage([200, 200]);
  const ctx = doc.context;
  const filler = PDFHexString.of("ab".repeat(32));
  const encrypt = ctx.obj({ Filter: "Standard", V: 1, R: 2, O: filler, U: filler, P: -4 });
  ctx.trailerInfo.Encrypt = ctx.register(encrypt);
  ctx.trailerInfo.ID = ctx.obj([PDFHexString.of("00112233445566778899aabbccddeeff"), PDFHexString.of("00112233445566778899aabbccddeeff")]);
  return doc.save({ useObjectStreams: false });
}

export async function pngOf(image: RgbaImage): Promise<Uint8Array> {
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext("2d");
  const data = ctx.createImageData(image.width, image.height);
  data.data.set(image.data);
  ctx.putImageData(data, 0, 0);
  return new Uint8Array(await canvas.encode("png"));
}

/**
 * Minimal RGB TIFF (big-endian), one IFD per page, 300 dpi. Pixels are stored uncompressed; `compression` only sets
 * the tag, so a page can claim a scheme the decoder lacks (PackBits 32773, CCITT 4).
 */
export function tiffOf(pages: RgbaImage[], compression: number[] = []): Uint8Array {
  const parts: number[] = [0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 0];
  const u16 = (v: number) => [(v >> 8) & 255, v & 255];
  const u32 = (v: number) => [(v >>> 24) & 255, (v >> 16) & 255, (v >> 8) & 255, v & 255];
  const set32 = (at: number, v: number) => parts.splice(at, 4, ...u32(v));
  let linkAt = 4;
  for (const [index, page] of pages.entries()) {
    const pixels: number[] = [];
    for (let i = 0; i < page.width * page.height; i++) pixels.push(page.data[i * 4]!, page.data[i * 4 + 1]!, page.data[i * 4 + 2]!);
    const dataAt = parts.length;
    for (const v of pixels) parts.push(v);
    if (parts.length % 2) parts.push(0);
    const bpsAt = parts.length;
    parts.push(...u16(8), ...u16(8), ...u16(8));
    const resAt = parts.length;
    parts.push(...u32(300), ...u32(1));
    const ifdAt = parts.length;
    set32(linkAt, ifdAt);
    const entries: [number, number, number, number][] = [
      [256, 4, 1, page.width],
      [257, 4, 1, page.height],
      [258, 3, 3, bpsAt],
      [259, 3, 1, compression[index] ?? 1],
      [262, 3, 1, 2],
      [273, 4, 1, dataAt],
      [277, 3, 1, 3],
      [278, 4, 1, page.height],
      [279, 4, 1, pixels.length],
      [282, 5, 1, resAt],
      [283, 5, 1, resAt],
      [296, 3, 1, 2],
    ];
    parts.push(...u16(entries.length));
    for (const [tag, type, count, value] of entries) {
      parts.push(...u16(tag), ...u16(type), ...u32(count));
      parts.push(...(type === 3 && count === 1 ? [...u16(value), 0, 0] : u32(value)));
    }
    linkAt = parts.length;
    parts.push(0, 0, 0, 0);
  }
  return new Uint8Array(parts);
}

/** A .docx holding the given images in body order (plus an EMF that OCR cannot use). */
export function docxWith(images: Uint8Array[]): Uint8Array {
  const zip = new PizZip();
  const rels = images.map((_, i) => `<Relationship Id="rId${i + 10}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image${i + 1}.png"/>`);
  rels.push(`<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/logo.emf"/>`);
  zip.file("[Content_Types].xml", `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`);
  zip.file("word/_rels/document.xml.rels", `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`);
  const blips = [...images.map((_, i) => `rId${i + 10}`), "rId99"].map((id) => `<w:p><w:r><w:drawing><a:blip r:embed="${id}"/></w:drawing></w:r></w:p>`);
  zip.file("word/document.xml", `<?xml version="1.0"?><w:document xmlns:w="w" xmlns:r="r" xmlns:a="a"><w:body>${blips.join("")}</w:body></w:document>`);
  images.forEach((img, i) => zip.file(`word/media/image${i + 1}.png`, img));
  zip.file("word/media/logo.emf", new Uint8Array([1, 0, 0, 0, 0x20, 0x45, 0x4d, 0x46]));
  return zip.generate({ type: "uint8array" });
}

/** OCR stand-in: records requests and answers with a fixed line, so plumbing tests need no tesseract. */
export class StubOcr implements OcrEngine {
  readonly name = "stub";
  readonly parallelism = 1;
  readonly requests: OcrRequest[] = [];
  terminated = false;
  constructor(private readonly text = "ข้อความ ทดสอบ") {}
  async recognize(request: OcrRequest): Promise<OcrResult> {
    this.requests.push(request);
    const { width, height } = request.image;
    const words = this.text.split(" ").map((t, i, all) => ({
      text: t,
      bbox: [(i * width) / all.length, 0, width / all.length, height] as [number, number, number, number],
      confidence: 0.9,
    }));
    return { text: this.text, confidence: 0.9, lines: [{ text: this.text, bbox: [0, 0, width, height], confidence: 0.9, words, symbols: [] }] };
  }
  async terminate(): Promise<void> {
    this.terminated = true;
  }
}

/** One line of Thai and Latin text rendered black on white (Laksaman, 62 px: about 16 pt at 300 dpi), as OCR input. */
export const RENDERED_LINE = "แต่งตั้งคณะกรรมการตรวจรับพัสดุ Digital 2024";
export function renderedLine(): GrayImage {
  const ctx = createCanvas(1500, 110).getContext("2d");
  ctx.fillStyle = "#fff";
  ctx.fillRect(0, 0, 1500, 110);
  ctx.fillStyle = "#000";
  ctx.font = "62px Laksaman";
  ctx.fillText(RENDERED_LINE, 20, 75);
  return toGray({ width: 1500, height: 110, data: ctx.getImageData(0, 0, 1500, 110).data });
}
