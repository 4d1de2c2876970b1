import { rgb } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { bdcActualTexts } from "../../src/evidence/actualtext.js";
import { openPdf } from "../../src/evidence/pdf.js";
import { readEvidence } from "../../src/evidence/read.js";
import { EvidenceReportSchema } from "../../src/evidence/schema.js";
import { normalizeEvidenceText } from "../../src/evidence/thai.js";
import { encryptedPdf, markPhrase, pngOf, StubOcr, thaiPdf } from "./fixtures.js";
import { synthPage } from "./synth.js";

const LINES = [
  "คำสั่งจังหวัดขอนแก่น ที่ ๔๕๖/๒๕๖๗ เรื่อง แต่งตั้งคณะกรรมการตรวจรับพัสดุ",
  "รายงานการประชุม ครั้งที่ ๒/๒๕๖๗ ณ ห้องประชุมศาลากลางจังหวัด",
  "แผนปฏิบัติการดิจิทัล ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ Digital Plan",
  "ผู้ว่าราชการจังหวัดมอบหมายให้สำนักงานจังหวัดดำเนินการ",
];

let pdf: Uint8Array;

/** Page 1: text layer with a Highlight and an Underline annotation, a Word-style highlight and a shaded table cell.
 *  Page 2: a scanned page (image only) with a highlighter stroke. */
beforeAll(async () => {
  const { doc, font } = await thaiPdf();
  const page = doc.addPage([595, 842]);
  const size = 14;
  const lines = LINES.map((text, i) => ({ text, x: 60, y: 760 - i * 28, size }));
  // Word exports text highlighting as a filled rectangle drawn behind the glyphs.
  const word = lines[3]!;
  const phrase = "สำนักงานจังหวัด";
  const px = word.x + font.widthOfTextAtSize(word.text.slice(0, word.text.indexOf(phrase)), size);
  page.drawRectangle({ x: px, y: word.y - 4, width: font.widthOfTextAtSize(phrase, size), height: size + 4, color: rgb(1, 1, 0) });
  for (const l of lines) page.drawText(l.text, { x: l.x, y: l.y, size, font });
  // A table whose header cell is shaded: never a highlight.
  page.drawRectangle({ x: 60, y: 560, width: 240, height: 24, color: rgb(0.8, 0.9, 0.8), borderColor: rgb(0, 0, 0), borderWidth: 1 });
  page.drawRectangle({ x: 60, y: 536, width: 240, height: 24, borderColor: rgb(0, 0, 0), borderWidth: 1 });
  page.drawText("หัวข้อตาราง", { x: 70, y: 567, size: 12, font });
  markPhrase(page, font, lines[0]!, "แต่งตั้งคณะกรรมการ", "Highlight", [1, 1, 0]);
  markPhrase(page, font, lines[1]!, "ครั้งที่ ๒/๒๕๖๗", "Underline", [0, 0.4, 1]);

  const scan = await synthPage({
    width: 2480, height: 1200, dpi: 300, paper: "rgb(245,242,232)", noise: 6, skewDeg: 1,
    lines: [{ text: "บันทึกข้อความ ส่วนราชการ สำนักงานจังหวัด", mark: { phrase: "ส่วนราชการ", ink: "rgb(150,240,150)" } }],
  });
  const image = await doc.embedPng(await pngOf(scan.image));
  doc.addPage([595.2, 288]).drawImage(image, { x: 0, y: 0, width: 595.2, height: 288 });
  pdf = await doc.save();
});

describe("openPdf", () => {
  it("reads the text layer with positions and the markup annotations with the text under them", async () => {
    const doc = await openPdf(pdf);
    expect(doc.numPages).toBe(2);
    const page = await doc.page(1);
    expect(page.width).toBe(595);
    expect(page.letters).toBeGreaterThan(100);
    expect(page.imageCoverage).toBe(0);
    expect(page.items[0]!.bbox[0]).toBeCloseTo(60, 0);
    expect(page.items[0]!.bbox[1]).toBeGreaterThan(60);
    expect(page.items[0]!.bbox[1]).toBeLessThan(82);
    expect(page.markups.map((m) => m.subtype)).toEqual(["Highlight", "Underline"]);
    const [marked, underlined] = await doc.textIn(page.markups.map((m) => ({ page, number: 1, box: m.bbox })));
    expect(normalizeEvidenceText(marked!)).toBe("แต่งตั้งคณะกรรมการ");
    expect(normalizeEvidenceText(underlined!)).toBe("ครั้งที่ ๒/๒๕๖๗");
    expect(page.markups[0]!.rgb).toEqual([255, 255, 0]);
    const scan = await doc.page(2);
    expect(scan.letters).toBe(0);
    expect(scan.imageCoverage).toBeGreaterThan(0.95);
    const image = await doc.render(2, 150);
    expect([image.width, image.height]).toEqual([1240, 600]);
    await doc.close();
  });

  it("renders a scanner's page from its own JPEG as pdf.js would paint it", async () => {
    const { PDFDocument } = await import("pdf-lib");
    const { createCanvas } = await import("@napi-rs/canvas");
    const picture = createCanvas(620, 877);
    const g = picture.getContext("2d");
    g.fillStyle = "rgb(240,238,230)";
    g.fillRect(0, 0, 620, 877);
    g.fillStyle = "rgb(30,30,30)";
    for (let k = 0; k < 30; k++) g.fillRect(40 + ((k * 37) % 500), 60 + k * 25, 120, 6);
    const jpeg = picture.encodeSync("jpeg", 80);
    // The same scan twice: alone on its page, and with a stroke drawn over it (which pdf.js must paint).
    const build = async (extra: boolean) => {
      const doc = await PDFDocument.create();
      const page = doc.addPage([297.6, 421]);
      page.drawImage(await doc.embedJpg(jpeg), { x: 0, y: 0, width: 297.6, height: 421 });
      if (extra) page.drawLine({ start: { x: 0, y: 0 }, end: { x: 1, y: 0 }, thickness: 0.1, color: rgb(1, 1, 1) });
      return doc.save();
    };
    const [alone, painted] = await Promise.all([build(false), build(true)]);
    const render = async (bytes: Uint8Array) => {
      const doc = await openPdf(bytes);
      const image = await doc.render(1, 200);
      await doc.close();
      return image;
    };
    const [fast, reference] = await Promise.all([render(alone), render(painted)]);
    expect([fast.width, fast.height]).toEqual([reference.width, reference.height]);
    let diff = 0;
    for (let i = 0; i < fast.data.length; i += 4) diff += Math.abs(fast.data[i]! - reference.data[i]!);
    expect(diff / (fast.data.length / 4)).toBeLessThan(4);
  });

  it("refuses encrypted and broken PDFs with typed errors", async () => {
    await expect(openPdf(await encryptedPdf())).rejects.toMatchObject({ code: "encrypted-pdf" });
    await expect(openPdf(new TextEncoder().encode("%PDF-1.7\n1 0 obj <<>> endobj\n"))).rejects.toMatchObject({ code: "broken-pdf" });
  });
});

describe("readEvidence on a PDF", () => {
  it("uses the text layer where it is real and OCR where the page is a scan", async () => {
    const ocr = new StubOcr("ส่วนราชการ");
    const { value, messages } = await readEvidence([{ name: "order.pdf", bytes: pdf }], { engine: ocr });
    expect(() => EvidenceReportSchema.parse(value)).not.toThrow();
    const [file] = value.files;
    expect(file!.type).toBe("pdf");
    expect(file!.sha256).toMatch(/^[0-9a-f]{64}$/);
    const [digital, scanned] = file!.pages;

    expect(digital!.source).toBe("text-layer");
    expect(digital!.text).toContain("คำสั่งจังหวัดขอนแก่น");
    expect(digital!.textArabic).toContain("456/2567");
    expect(digital!.words.find((w) => w.text === "Digital")).toBeDefined();
    expect(digital!.regions.map((r) => [r.source, r.annotation ?? r.color, r.text])).toEqual([
      ["annotation", "Highlight", "แต่งตั้งคณะกรรมการ"],
      ["annotation", "Underline", "ครั้งที่ ๒/๒๕๖๗"],
      ["highlighter", "yellow", "สำนักงานจังหวัด"],
    ]);
    expect(digital!.regions[1]!.textArabic).toBe("ครั้งที่ 2/2567");

    expect(scanned!.source).toBe("ocr");
    expect(scanned!.unit).toBe("pt");
    expect(scanned!.dpi).toBe(300);
    expect(scanned!.regions).toHaveLength(1);
    expect(scanned!.regions[0]).toMatchObject({ source: "highlighter", color: "green", text: "ส่วนราชการ" });
    // Region boxes come back in points: the stroke sits on the first text line of a 288 pt page.
    const [x, y, w, h] = scanned!.regions[0]!.bbox;
    expect(y).toBeGreaterThan(20);
    expect(y + h).toBeLessThan(80);
    expect(x + w).toBeLessThan(595);
    // One pass over the page; the stub's page reading has no characters under the stroke, so the stroke's
    // neighbourhood is read on its own as well.
    expect(ocr.requests.map((r) => r.mode).sort()).toEqual(["block", "page"]);
    expect(messages).toEqual([]);
  });
});

describe("bdcActualTexts", () => {
  it("lists each BDC's /ActualText in stream order, past strings and inline images that look like operators", () => {
    const stream = [
      "BT /F1 12 Tf (a \\) BDC \\( fake) Tj ET",
      "/Span<</ActualText<FEFF0E39>>>BDC <2F>Tj EMC",
      "/P <</MCID 3>> BDC (x) Tj EMC",
      "BI /W 2 /H 1 /BPC 8 /CS /G ID \x00BDC\xff EI",
      "/Span <</ActualText (ok)>> BDC [<01> -20 <02>] TJ EMC",
    ].join("\n");
    expect(bdcActualTexts(new Uint8Array([...stream].map((c) => c.charCodeAt(0))))).toEqual(["\u0E39", null, "ok"]);
  });
});
