/**
 * Paper copies: pages of filled sample forms printed to an image, turned, blurred and JPEG-compressed as a scanner
 * does (scripts/form-samples/scan-pdf.ts), read back by OCR and optical mark recognition — the same boxes, in the
 * same order, checked the same as the PDF's text layer says. A box with a speck of ink is reported, not guessed.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Block } from "../../src/docx/model.js";
import { runBatch } from "../../src/batch/run.js";
import { chooseOcrEngine } from "../../src/evidence/ocr-native.js";
import type { OcrEngine, OcrRequest, OcrResult } from "../../src/evidence/ocr.js";
import { loadRaster } from "../../src/evidence/image.js";
import { openPdf } from "../../src/evidence/pdf.js";
import { toGray, type GrayImage } from "../../src/evidence/raster.js";
import { extractFile } from "../../src/extract/extract.js";
import { PACKAGE_ROOT } from "../../src/form/load.js";
import { pageBlocks } from "../../src/pdfform/layout.js";
import { layoutScannedPage, readScannedFormPage, ruleSegments, withoutUnderlines } from "../../src/pdfform/scan.js";
import { Rng } from "../../scripts/form-samples/prng.js";
import { scanPage } from "../../scripts/form-samples/scan-pdf.js";
import { FOR_THE_PEN, symbolsAsPrinted } from "../../scripts/form-samples/paper.js";

const TUNE = path.join(PACKAGE_ROOT, "samples", "forms-pdf", "tune");
let engine: OcrEngine | undefined;
afterAll(async () => engine?.terminate());

/** "x" or "_" per mark, in reading order (tables row by row). */
function marks(blocks: readonly Block[]): string {
  let out = "";
  for (const b of blocks) {
    if (b.kind === "table") for (const row of b.rows) for (const cell of row.cells) out += marks(cell.blocks);
    else for (const i of b.inlines) if (i.kind === "mark") out += i.checked ? "x" : "_";
  }
  return out;
}

async function decodeJpeg(bytes: Uint8Array): Promise<GrayImage> {
  const [page] = await loadRaster(bytes, "jpeg");
  return toGray(page!.image);
}

/** A white page image to draw on, in pixels: `pen` is the dots each stroke point inks; read by layout with `ocr`. */
function drawnPage(width: number, height: number, pen: readonly (readonly [number, number])[] = [[0, 0]]) {
  const data = new Uint8Array(width * height).fill(255);
  const ink = (x: number, y: number) => {
    for (const [dx, dy] of pen) data[Math.round(y + dy) * width + Math.round(x + dx)] = 0;
  };
  /** A box's outline, `side` pixels square. */
  const square = (x0: number, y0: number, side: number) => {
    for (let k = 0; k < side; k++) ink(x0 + k, y0), ink(x0 + k, y0 + side - 1), ink(x0, y0 + k), ink(x0 + side - 1, y0 + k);
  };
  /** A thick pen's dot, 4 × 4 pixels, wherever the stroke passes. */
  const dot = (x: number, y: number) => {
    for (let dy = 0; dy < 4; dy++) for (let dx = 0; dx < 4; dx++) ink(x + dx, y + dy);
  };
  const read = (page: number, ocr: OcrResult = { text: "", confidence: 0, lines: [] }) => layoutScannedPage({ width, height, data }, 150, ocr, page, { paragraph: 0, table: 0 });
  return { ink, square, dot, read };
}

describe("a scanned paper copy of the form", () => {
  // Boxes with a filled square inside (glyph), circles empty and filled (glyph), boxes drawn with a cross (legacy
  // fields printed by LibreOffice), a matrix of boxes in a table (glyph); empty boxes in short table rows whose rules
  // run just above and below them (page 9, nothing checked), beside a "โปรด" OCR did not read (44), before "A.1.1"
  // (51). Page 44's values typed into narrow underlined cells are still taken for handwriting (open), so only its
  // marks are compared.
  const cases = [
    { file: "glyph-01.pdf", page: 6, angle: 1.6 },
    { file: "glyph-01.pdf", page: 45, angle: -1.8 },
    { file: "legacy-01.pdf", page: 12, angle: 0.9 },
    { file: "glyph-01.pdf", page: 9, angle: -0.7, checked: false },
    { file: "glyph-01.pdf", page: 44, angle: 1.2, typedValuesRead: false },
    { file: "glyph-01.pdf", page: 51, angle: 0.4 },
  ];
  for (const { file, page, angle, checked = true, typedValuesRead = true } of cases) {
    it(`reads the same marks as the text layer: ${file} page ${page}, turned ${angle}°, 150 dpi, JPEG 60`, async () => {
      engine ??= await chooseOcrEngine("auto");
      const doc = await openPdf(new Uint8Array(readFileSync(path.join(TUNE, file))));
      const { content, drawing } = await doc.formPage(page);
      const printed = marks(pageBlocks(content.items, drawing, page, { paragraph: 0, table: 0 }));
      const jpeg = scanPage(await doc.render(page, 150), { dpi: 150, angle, blur: 0.4, quality: 60 }, new Rng(`test/${file}/${page}`));
      await doc.close();
      const scanned = await readScannedFormPage(await decodeJpeg(jpeg), 150, engine, page);
      expect(printed.length).toBeGreaterThan(1);
      if (checked) expect(printed).toContain("x");
      expect(marks(scanned.blocks)).toBe(printed);
      // Print only on these pages: nothing may pass for handwriting.
      if (typedValuesRead) expect(scanned.messages.filter((m) => m.code === "handwriting_not_read")).toEqual([]);
    }, 120_000);
  }

  it("(samples) leaves the pen's glyph only where a checked mark is left for the pen, whatever glyph the form's empty marks are", () => {
    const xml = ["◯ ไม่มี", "◉ มี", "▢ ไม่ทราบ", "☑ ทราบ"].map((t) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`).join("");
    const printed = symbolsAsPrinted(xml, () => true);
    expect([...printed].filter((c) => c === FOR_THE_PEN.circle)).toHaveLength(1);
    expect([...printed].filter((c) => c === FOR_THE_PEN.box)).toHaveLength(1);
    expect(printed).toContain("○ ไม่มี");
    expect(printed).toContain(`${FOR_THE_PEN.circle} มี`);
  });

  it("(samples) prints a symbol typed as text in Wingdings (its private-use code) as its look-alike, as Word would print it", () => {
    const run = (code: string, text = "") =>
      `<w:r><w:rPr><w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings"/><w:sz w:val="32"/></w:rPr><w:t>${code}</w:t></w:r><w:r><w:t>${text}</w:t></w:r>`;
    const xml = `<w:p>${run("\uF0FE", " มี")}${run("\uF0A8", " ไม่มี")}${run("\uF0A1", " ไม่ทราบ")}</w:p>`;
    const printed = symbolsAsPrinted(xml, () => false);
    expect(printed).not.toMatch(/[\uF020-\uF0FF]/u);
    expect(printed).toMatch(/<w:rFonts w:ascii="DejaVu Sans"[^>]*\/><w:sz w:val="32"\/><\/w:rPr><w:t>☑<\/w:t>/u);
    expect(printed).toContain("<w:t>☐</w:t>");
    expect(printed).toContain("<w:t>○</w:t>");
    expect(symbolsAsPrinted(xml, () => true)).toContain(`<w:t>${FOR_THE_PEN.box}</w:t>`);
  });

  it("reports a box with a speck of ink in it with its page and box, and reads clean boxes without a word", () => {
    const { ink, square, read } = drawnPage(300, 100);
    square(20, 30, 26);
    square(120, 30, 26);
    square(220, 30, 26);
    // A speck in the second box (about 5 % of its inside), a cross through the third.
    for (let y = 40; y < 43; y++) for (let x = 130; x < 133; x++) ink(x, y);
    for (let k = 4; k < 22; k++) ink(220 + k, 30 + k), ink(220 + 25 - k, 30 + k);
    const result = read(7);
    expect(marks(result.blocks)).toMatch(/^_[_x]x$/u);
    expect(result.messages).toHaveLength(1);
    expect(result.messages[0]).toMatchObject({ code: "mark_uncertain", location: expect.stringContaining("page 7, box 58,14,"), messageTh: expect.stringMatching(/^หน้า 7: /) });
  });

  it("takes a tick or slash typed just before an empty box as its answer, not a word's last letter", () => {
    const { ink, square, read } = drawnPage(420, 120);
    // A cell's rule, then "/□"; further on a word, a space and "□".
    for (let y = 0; y < 120; y++) ink(10, y), ink(11, y);
    for (let k = 0; k <= 30; k++) ink(24 + k / 3, 68 - k);
    square(40, 40, 26);
    for (let x = 180; x < 236; x += 7) for (let y = 46; y < 64; y++) ink(x, y), ink(x + 1, y);
    for (let x = 180; x < 236; x++) ink(x, 63);
    square(250, 40, 26);
    expect(marks(read(3).blocks)).toBe("x_");
  });

  it("reads a box at the start of a table cell, against the cell's rules, as a box", () => {
    const { ink, square, read } = drawnPage(240, 140);
    // The cell's left and right rules and its top rule; the box sits on the top rule, 3 px from the left one.
    for (let y = 0; y < 140; y++) ink(10, y), ink(11, y), ink(220, y), ink(221, y);
    for (let x = 10; x < 222; x++) ink(x, 40), ink(x, 41);
    square(15, 40, 26);
    for (let k = 4; k < 22; k++) ink(15 + k, 40 + k), ink(40 - k, 40 + k);
    expect(marks(read(2).blocks)).toBe("x");
  });

  it("finds boxes as tall as their table rows, stacked so their sides run on as one rule (legacy fields in a narrow cell)", () => {
    const { ink, read } = drawnPage(320, 200);
    for (const y of [20, 60, 100, 140]) for (let x = 0; x < 320; x++) ink(x, y), ink(x, y + 1);
    for (let y = 0; y < 200; y++) for (const x of [10, 11, 300, 301, 100, 138]) ink(x, y > 20 && y < 142 ? y : 20);
    // The middle row's box is crossed; a word after each box.
    for (let k = 3; k < 37; k++) ink(100 + k, 62 + k), ink(138 - k, 62 + k);
    for (const y of [30, 70, 110]) for (let x = 150; x < 190; x += 6) for (let yy = y; yy < y + 18; yy++) ink(x, yy);
    expect(marks(read(5).blocks)).toBe("_x_");
  });

  it("takes a table's numbering cells (\"1.\" under \"ที่\"), boxed by the row's rules, for cells and not boxes", () => {
    const drawTable = () => {
      const page = drawnPage(320, 200);
      for (const y of [20, 60, 100, 140]) for (let x = 0; x < 320; x++) page.ink(x, y), page.ink(x, y + 1);
      for (let y = 0; y < 200; y++) for (const x of [10, 11, 300, 301, 100, 138]) page.ink(x, y > 20 && y < 142 ? y : 20);
      return page;
    };
    const word = (text: string, y: number) => ({ text, bbox: [110, y, 16, 18] as [number, number, number, number], confidence: 0.93 });
    const numbers = [word("1.", 31), word("2.", 71), word("3.", 111)];
    const ocr = { text: "1.\n2.\n3.", confidence: 0.93, lines: numbers.map((w) => ({ ...w, words: [w], symbols: [w] })) };
    // The same cells without the numbers OCR read in them are boxes as tall as their rows (legacy fields).
    expect(marks(drawTable().read(5).blocks)).toBe("___");
    expect(marks(drawTable().read(5, ocr).blocks)).toBe("");
  });

  it("takes a table's first column as narrow as a box for numbering cells even where OCR read no number in them", () => {
    const { ink, read } = drawnPage(320, 200);
    for (const y of [20, 60, 100, 140]) for (let x = 10; x < 302; x++) ink(x, y), ink(x, y + 1);
    for (let y = 20; y < 142; y++) for (const x of [10, 11, 48, 300, 301]) ink(x, y);
    // "1." in each first cell: a stroke and a dot, as a pen's tick would leave ink there too.
    for (const y of [30, 70, 110]) {
      for (let k = 0; k < 18; k++) ink(26, y + k), ink(27, y + k);
      ink(31, y + 17), ink(32, y + 17);
    }
    expect(marks(read(5).blocks)).toBe("");
  });

  it("puts back the space OCR lost between Thai and Latin words (\"ใช้ChatGPTช่วย\")", () => {
    const words = [
      { text: "ใช้", bbox: [20, 30, 30, 20] as [number, number, number, number], confidence: 0.9 },
      { text: "ChatGPTช่วย", bbox: [50, 30, 90, 20] as [number, number, number, number], confidence: 0.9 },
    ];
    const ocr = { text: "ใช้ChatGPTช่วย", confidence: 0.9, lines: [{ text: "ใช้ChatGPTช่วย", bbox: [20, 30, 120, 20] as [number, number, number, number], confidence: 0.9, words, symbols: words }] };
    const [block] = drawnPage(300, 100).read(4, ocr).blocks;
    expect(block?.kind === "paragraph" && block.inlines.map((i) => (i.kind === "text" ? i.text : "")).join("")).toBe("ใช้ ChatGPT ช่วย");
  });

  it("leaves out words OCR made of another word's marks written above it (\"๑\" over \"ที่ตั้งหน่วยงาน\", \"al\" over \"ไม่มี\"), and keeps a box on its line", () => {
    const word = (text: string, bbox: [number, number, number, number]) => ({ text, bbox, confidence: 0.94 });
    const line = (...words: ReturnType<typeof word>[]) => ({ text: words.map((w) => w.text).join(" "), bbox: words[0]!.bbox, confidence: 0.94, words, symbols: words });
    const { square, read } = drawnPage(600, 200);
    // A filled box before "ไม่มี", the empty box of "มี" at the end of its line, "มี (แนบเอกสารหลักฐาน)" wrapped below.
    square(40, 121, 18);
    for (let y = 124; y < 136; y++) for (let x = 43; x < 55; x++) square(x, y, 1);
    square(160, 120, 18);
    const ocr = {
      text: "",
      confidence: 0.94,
      lines: [
        line(word("เม", [40, 14, 40, 12])),
        line(word("๑", [30, 28, 50, 14])),
        line(word("ที่ตั้งหน่วยงาน", [20, 20, 250, 60]), word("สำนักงานจัดหางาน", [300, 20, 250, 60])),
        line(word("al", [95, 112, 16, 12])),
        line(word("ไม่มี", [66, 112, 50, 30])),
        line(word("มี", [40, 160, 20, 30]), word("(แนบเอกสารหลักฐาน)", [70, 160, 150, 30])),
      ],
    };
    const texts = read(2, ocr).blocks.map((b) => (b.kind === "paragraph" ? b.inlines.map((i) => (i.kind === "text" ? i.text : i.kind === "mark" ? (i.checked ? "[x]" : "[ ]") : " ")).join("") : ""));
    expect(texts).toEqual(["ที่ตั้งหน่วยงาน สำนักงานจัดหางาน", "[x] ไม่มี [ ]", "มี (แนบเอกสารหลักฐาน)"]);
  });

  it("leaves out a speck OCR read as a sign ahead of a question's code (\"© P2.2.1.3\")", () => {
    const box = (x: number, w: number): [number, number, number, number] => [x, 30, w, 20];
    const words = [
      { text: "©", bbox: box(10, 8), confidence: 0.4 },
      { text: "P2.2.1.3", bbox: box(30, 60), confidence: 0.9 },
      { text: "จังหวัดของท่าน", bbox: box(100, 90), confidence: 0.9 },
    ];
    const ocr = { text: "© P2.2.1.3 จังหวัดของท่าน", confidence: 0.9, lines: [{ text: "© P2.2.1.3 จังหวัดของท่าน", bbox: box(10, 180), confidence: 0.9, words, symbols: words }] };
    const [block] = drawnPage(300, 100).read(4, ocr).blocks;
    expect(block?.kind === "paragraph" && block.inlines.map((i) => (i.kind === "text" ? i.text : "")).join("")).toBe("P2.2.1.3 จังหวัดของท่าน");
  });

  it("leaves out a word OCR reported with a box of a pixel or two (a speck after a value read as \"7\" or \"4:\"), and keeps a one-letter word", () => {
    const at = (x: number, w: number, h = 20): [number, number, number, number] => [x, 30, w, h];
    const words = [
      { text: "ภาคผนวก", bbox: at(10, 60), confidence: 0.99 },
      { text: "ข", bbox: at(76, 8, 10), confidence: 0.99 },
      { text: "7", bbox: at(100, 1, 1), confidence: 0.98 },
    ];
    const ocr = { text: "ภาคผนวก ข 7", confidence: 0.99, lines: [{ text: "ภาคผนวก ข 7", bbox: at(10, 92), confidence: 0.99, words, symbols: words }] };
    const [block] = drawnPage(300, 100).read(4, ocr).blocks;
    expect(block?.kind === "paragraph" && block.inlines.map((i) => (i.kind === "text" ? i.text : "")).join("")).toBe("ภาคผนวก ข");
  });

  it("takes a tick printed in place of a box, on a line with boxes, for a checked mark", () => {
    const { ink, square, read } = drawnPage(240, 110, [[0, 0], [1, 0]]);
    // "□ ไม่มี  ✓ มี": an empty box, then a tick where the second box would be.
    square(20, 40, 26);
    for (let k = 0; k <= 10; k++) ink(120 + k * 0.8, 54 + k);
    for (let k = 0; k <= 24; k++) ink(128 + k * 0.55, 64 - k);
    expect(marks(read(2).blocks)).toBe("_x");
  });

  it("takes a printed tick OCR ran into the option's words (\"vd\" for \"✓ มี\") for a mark: a space follows it", () => {
    const { ink, square, read } = drawnPage(260, 110, [[0, 0], [1, 0]]);
    square(20, 40, 26);
    for (let k = 0; k <= 10; k++) ink(120 + k * 0.8, 54 + k);
    for (let k = 0; k <= 24; k++) ink(128 + k * 0.55, 64 - k);
    // "มี" a space after the tick.
    for (let y = 48; y < 66; y++) ink(158, y), ink(170, y), ink(182, y);
    const box = (x: number, y: number, w: number, h: number): [number, number, number, number] => [x, y, w, h];
    const word = { text: "vd", bbox: box(119, 40, 66, 26), confidence: 0.9 };
    const symbols = [
      { text: "v", bbox: box(119, 40, 24, 26), confidence: 0.9 },
      { text: "d", bbox: box(157, 47, 28, 20), confidence: 0.9 },
    ];
    expect(marks(read(2, { text: "vd", confidence: 0.9, lines: [{ text: "vd", bbox: word.bbox, confidence: 0.9, words: [word], symbols }] }).blocks)).toBe("_x");
  });

  it("finds a box whose hand-drawn tick runs out past its side, and reads it checked; an empty box stays empty", () => {
    const { square, dot, read } = drawnPage(300, 120);
    square(20, 50, 26);
    // A thick pen: the short arm inside the box, the long arm low and long, out through its right side.
    for (let k = 0; k <= 8; k++) dot(24 + k, 60 + k);
    for (let k = 0; k <= 50; k++) dot(32 + k, 68 - k * 0.3);
    square(160, 50, 26);
    expect(marks(read(2).blocks)).toBe("x_");
  });

  it("finds a box whose hand tick runs out over its top into the next letter, though box and tick pass for a tall box", () => {
    const { ink, square, dot, read } = drawnPage(300, 120);
    square(20, 50, 34);
    // Short arm inside, long arm steep up through the top side near its corner, then on to the letter after the box.
    for (let k = 0; k <= 6; k++) dot(25 + k, 68 + k);
    for (let k = 0; k <= 21; k++) dot(31 + k * 0.35, 75 - k * 1.3);
    for (let k = 0; k <= 14; k++) ink(39 + k, 47 - k), ink(40 + k, 47 - k), ink(41 + k, 47 - k), ink(39 + k, 48 - k), ink(40 + k, 48 - k);
    // "(" of the label after the box, touched by the tick's end.
    for (let y = 36; y < 84; y++) ink(56 + Math.abs(y - 60) * 0.15, y), ink(57 + Math.abs(y - 60) * 0.15, y);
    square(160, 50, 34);
    expect(marks(read(2).blocks)).toBe("x_");
  });

  it("takes a tick opening its own line for a checked mark when the options stand one per line, with dust before it", () => {
    const { ink, square, read } = drawnPage(260, 200, [[0, 0], [1, 0]]);
    // "□ ยังไม่มี" on one line; three lines down, "✓ มี" further left than the box, a speck in the margin.
    square(60, 30, 26);
    ink(10, 150);
    for (let k = 0; k <= 10; k++) ink(30 + k * 0.8, 144 + k);
    for (let k = 0; k <= 24; k++) ink(38 + k * 0.55, 154 - k);
    expect(marks(read(2).blocks)).toBe("_x");
  });

  it("takes a heavy tick (✔) in place of a box for a checked mark, but not a letter's stem with a flag on top (โ)", () => {
    const { ink, square, read } = drawnPage(300, 110);
    square(20, 40, 26);
    const thick = (x: number, y: number, r: number) => {
      for (let dy = 0; dy < r; dy++) for (let dx = 0; dx < r; dx++) ink(x + dx, y + dy);
    };
    // ✔: short thick arm down to the point, long thick arm up to the right; about as wide as it is tall.
    for (let k = 0; k <= 8; k++) thick(120 + k * 0.8, 56 + k, 6);
    for (let k = 0; k <= 18; k++) thick(127 + k * 0.8, 64 - k, 6);
    // โ: a thin stem on the left with a foot at the bottom, a flag rising to the right from its top.
    for (let k = 0; k <= 18; k++) thick(200, 48 + k, 2);
    for (let k = 0; k <= 8; k++) thick(200 + k, 66, 2);
    for (let k = 0; k <= 18; k++) thick(200 + k, 48 - k * 0.55, 2);
    const found = read(2).blocks.flatMap((b) => (b.kind === "paragraph" ? b.inlines : [])).filter((i) => i.kind === "mark");
    // Marks carry their box in points (150 dpi: the tick at 120 px is at 58 pt, the letter at 200 px at 96 pt).
    expect(found.map((m) => [m.checked, Math.round(m.box![0] / 10)])).toEqual([
      [false, 1],
      [true, 6],
    ]);
  });

  it("reads again, in one request, a line of print the page's OCR left out, and places its words where they stand", async () => {
    const [width, height] = [600, 200];
    const data = new Uint8Array(width * height).fill(255);
    // Two lines of letter-sized blobs: the page OCR reads the first, and leaves the second out.
    const letters = (x0: number, y0: number, count: number) => {
      for (let k = 0; k < count; k++) for (let y = y0; y < y0 + 16; y++) for (let x = x0 + 14 * k; x < x0 + 14 * k + 10; x++) data[y * width + x] = 0;
    };
    letters(40, 40, 8);
    letters(40, 120, 10);
    const box = (x: number, y: number, w: number, h: number): [number, number, number, number] => [x, y, w, h];
    const line = (text: string, bbox: [number, number, number, number]) => ({ text, bbox, confidence: 0.95, words: [{ text, bbox, confidence: 0.95 }], symbols: [{ text, bbox, confidence: 0.95 }] });
    const requests: OcrRequest[] = [];
    const fake: OcrEngine = {
      name: "fake",
      parallelism: 1,
      async recognize(request) {
        requests.push(request);
        if (request.mode === "page") return { text: "ชื่อจังหวัด", confidence: 0.95, lines: [line("ชื่อจังหวัด", box(40, 40, 108, 16))] };
        // The stack of crops: the ink it holds is the line left out.
        const { width: w, data: d } = request.image;
        let [x0, y0, x1, y1] = [Infinity, Infinity, -1, -1];
        d.forEach((v, i) => {
          if (v < 128) [x0, y0, x1, y1] = [Math.min(x0, i % w), Math.min(y0, Math.floor(i / w)), Math.max(x1, i % w), Math.max(y1, Math.floor(i / w))];
        });
        return { text: "นามสกุล", confidence: 0.95, lines: [line("นามสกุล", box(x0, y0, x1 - x0 + 1, y1 - y0 + 1))] };
      },
      terminate: async () => undefined,
    };
    const page = await readScannedFormPage({ width, height, data }, 150, fake, 1);
    expect(requests.map((r) => r.mode)).toEqual(["page", "block"]);
    const texts = page.blocks.map((b) => (b.kind === "paragraph" ? b.inlines.map((i) => (i.kind === "text" ? i.text : "")).join("") : ""));
    expect(texts).toEqual(["ชื่อจังหวัด", "นามสกุล"]);
    // In points: the second line's blobs start at 40 px, 120 px down (150 dpi).
    const second = page.blocks[1]!;
    expect(second.kind === "paragraph" && second.box![1]).toBeCloseTo(120 * 0.48, 0);
    // A page its OCR read whole is not read again.
    requests.length = 0;
    data.fill(255, 100 * width);
    await readScannedFormPage({ width, height, data }, 150, fake, 1);
    expect(requests.map((r) => r.mode)).toEqual(["page"]);
  });

  it("does not read handwriting on a blank as text: the blank is reported for a person, typed words are read", () => {
    const { ink, read } = drawnPage(420, 200, [[0, 0], [1, 0], [0, 1]]);
    // Two blanks (underlined spaces): a scribbled word on the first, a typed value on the second.
    for (let x = 40; x < 380; x++) ink(x, 90), ink(x, 180);
    for (let x = 60; x < 260; x += 0.5) ink(x, 70 + 10 * Math.sin(x / 6) + 4 * Math.sin(x / 2.3));
    for (let x = 60; x < 200; x += 8) for (let y = 150; y < 170; y++) ink(x, y);
    const word = (text: string, bbox: [number, number, number, number], confidence: number) => ({ text, bbox, confidence });
    const ocr = {
      text: "",
      confidence: 0.5,
      lines: [
        { text: "ฝงฟ", bbox: [60, 56, 202, 28] as [number, number, number, number], confidence: 0.3, words: [word("ฝงฟ", [60, 56, 202, 28], 0.3)], symbols: [] },
        { text: "ร้อยละ", bbox: [58, 146, 146, 28] as [number, number, number, number], confidence: 0.93, words: [word("ร้อยละ", [58, 146, 146, 28], 0.93)], symbols: [] },
      ],
    };
    const result = read(4, ocr);
    const text = JSON.stringify(result.blocks);
    expect(text).toContain("ร้อยละ");
    expect(text).not.toContain("ฝงฟ");
    expect(result.messages.map((m) => m.code)).toEqual(["handwriting_not_read"]);
    expect(result.messages[0]).toMatchObject({ location: expect.stringMatching(/^page 4, box 19,/), messageTh: expect.stringContaining("ต้องตรวจด้วยตา") });
  });

  it("gives OCR the page without its underlines, the letters standing on them whole", () => {
    // 200 dpi: an underline 3 px thick under a typed value, a letter's stem standing on it, a stroke crossing it.
    const [width, height] = [400, 100];
    const data = new Uint8Array(width * height).fill(235);
    const dark = (x: number, y: number) => (data[y * width + x] = 20);
    for (let x = 20; x < 380; x++) for (let y = 60; y < 63; y++) dark(x, y);
    for (let y = 30; y < 60; y++) dark(100, y), dark(101, y);
    for (let y = 30; y < 80; y++) dark(200, y);
    const image = { width, height, data };
    const mask = { width, height, data: data.map((v) => (v < 180 ? 1 : 0)) };
    const clean = withoutUnderlines(image, mask, ruleSegments(mask, 200), 200);
    const at = (x: number, y: number) => clean.data[y * width + x];
    expect([at(50, 61), at(300, 61), at(379, 60)]).toEqual([255, 255, 255]);
    expect([at(100, 45), at(100, 61), at(200, 61), at(200, 75)]).toEqual([20, 20, 20, 20]);
    expect(data[61 * width + 50]).toBe(20);
  });

  it("keeps the glyph OCR made of a box out of the option's words when they ran together (\"กมี\" for \"☐มี\")", () => {
    const { ink, square, read } = drawnPage(300, 100);
    square(40, 40, 26);
    for (let k = 4; k < 22; k++) ink(40 + k, 40 + k), ink(65 - k, 40 + k);
    const box = (x: number, y: number, w: number, h: number): [number, number, number, number] => [x, y, w, h];
    const symbols = [
      { text: "ก", bbox: box(39, 40, 27, 27), confidence: 0.6 },
      { text: "ม", bbox: box(72, 44, 16, 22), confidence: 0.9 },
      { text: "ี", bbox: box(74, 36, 13, 7), confidence: 0.9 },
    ];
    const line = { text: "กมี", bbox: box(39, 36, 49, 31), confidence: 0.8, words: [{ text: "กมี", bbox: box(39, 36, 49, 31), confidence: 0.8 }], symbols };
    const result = read(2, { text: "กมี", confidence: 0.8, lines: [line] });
    const paragraph = result.blocks[0]!;
    expect(paragraph.kind).toBe("paragraph");
    const inlines = paragraph.kind === "paragraph" ? paragraph.inlines : [];
    expect(inlines.map((i) => (i.kind === "mark" ? (i.checked ? "[x]" : "[ ]") : i.kind === "text" ? i.text : "")).join("").replace(/\s+/gu, "")).toBe("[x]มี");
  });

  it("reads a circle ringed by hand as its answer, the ring clear of the circle or run into it; words beside a circle are no ring", () => {
    const { ink, read } = drawnPage(460, 170, [[0, 0], [1, 0], [0, 1]]);
    const circle = (cx: number, cy: number, rx: number, ry = rx, from = 0, to = 2 * Math.PI) => {
      for (let a = from; a < to; a += 0.02) ink(cx + rx * Math.cos(a), cy + ry * Math.sin(a));
    };
    // Printed circles 26 px across (12.5 pt at 150 dpi).
    for (const cx of [60, 200, 340]) circle(cx, 80, 13);
    // A wide ring clear of the first circle, open on the right as a quick pen leaves it.
    circle(62, 78, 30, 24, 0.5, 2 * Math.PI);
    // A ring drawn off-centre round the second: it runs into the circle's left side.
    circle(212, 80, 26, 22);
    // The third circle's option words: letters right after it, and a line of print above.
    for (let x = 364; x < 440; x += 9) for (let y = 70; y < 92; y++) ink(x, y);
    for (let x = 300; x < 440; x += 9) for (let y = 30; y < 48; y++) ink(x, y);
    expect(marks(read(6).blocks)).toBe("xx_");
  });

  it("takes a tick typed between an empty circle and its words (\"○ ✔ มี\") for that circle's answer", () => {
    const { ink, read } = drawnPage(420, 120, [[0, 0], [1, 0]]);
    const circle = (cx: number, cy: number, r: number) => {
      for (let a = 0; a < 2 * Math.PI; a += 0.02) ink(cx + r * Math.cos(a), cy + r * Math.sin(a)), ink(cx + (r - 1) * Math.cos(a), cy + (r - 1) * Math.sin(a));
    };
    // "○ ✔ มี      ○ ไม่มี"
    circle(40, 60, 13);
    for (let k = 0; k <= 8; k++) ink(64 + k * 0.8, 58 + k);
    for (let k = 0; k <= 20; k++) ink(71 + k * 0.55, 66 - k);
    for (let x = 100; x < 130; x += 9) for (let y = 50; y < 70; y++) ink(x, y);
    circle(240, 60, 13);
    for (let x = 264; x < 320; x += 9) for (let y = 50; y < 70; y++) ink(x, y);
    expect(marks(read(2).blocks)).toBe("x_");
  });

  it("takes a cross typed right after an empty circle (\"○X ไม่มี\") or a slash a space after a box for that choice's answer", () => {
    const { ink, square, read } = drawnPage(460, 200, [[0, 0], [1, 0]]);
    const circle = (cx: number, cy: number, r: number) => {
      for (let a = 0; a < 2 * Math.PI; a += 0.02) ink(cx + r * Math.cos(a), cy + r * Math.sin(a)), ink(cx + (r - 1) * Math.cos(a), cy + (r - 1) * Math.sin(a));
    };
    const word = (x: number, y: number) => {
      for (let xx = x; xx < x + 40; xx += 9) for (let yy = y; yy < y + 20; yy++) ink(xx, yy);
    };
    // "○X ไม่มี": the X 3 px after the circle (close enough to pass for the next letter), then a space and the words.
    circle(40, 60, 13);
    for (let k = 0; k <= 18; k++) ink(57 + k * 0.75, 51 + k), ink(70.5 - k * 0.75, 51 + k);
    word(86, 50);
    circle(240, 60, 13);
    word(264, 50);
    // "☐ / มี": a slash a space after the box; "☐ l..." a letter's upright stroke there is no mark.
    square(20, 130, 26);
    for (let k = 0; k <= 20; k++) ink(60 + k * 0.6, 154 - k);
    word(90, 136);
    square(220, 130, 26);
    for (let y = 134; y < 156; y++) ink(260, y), ink(261, y);
    word(276, 136);
    expect(marks(read(2).blocks)).toBe("x_x_");
  });

  it("takes a tick typed a space before a box (\"✓ ☐\") for its answer, not a round letter there", () => {
    const { ink, square, read } = drawnPage(460, 110, [[0, 0], [1, 0]]);
    // The tick ends 0.9 of a box before the box.
    for (let k = 0; k <= 8; k++) ink(60 + k * 0.7, 56 + k);
    for (let k = 0; k <= 20; k++) ink(65.6 + k * 0.55, 64 - k);
    square(100, 40, 26);
    for (let x = 140; x < 190; x += 9) for (let y = 46; y < 64; y++) ink(x, y);
    // A round letter as far before the second box.
    for (let a = 0; a < 2 * Math.PI; a += 0.02) ink(270 + 7 * Math.cos(a), 54 + 7 * Math.sin(a));
    square(300, 40, 26);
    for (let x = 340; x < 390; x += 9) for (let y = 46; y < 64; y++) ink(x, y);
    expect(marks(read(2).blocks)).toBe("x_");
  });

  it("gives a tick Word wrapped to the end of the line above (\"☐ ไม่มี ✓\" over \"☐ มี\") to the box opening the next line", () => {
    const { ink, square, read } = drawnPage(320, 160, [[0, 0], [1, 0]]);
    // A narrow table cell: its left and right rules.
    for (let y = 0; y < 160; y++) ink(8, y), ink(240, y);
    square(20, 30, 26);
    for (let x = 60; x < 120; x += 9) for (let y = 36; y < 54; y++) ink(x, y);
    for (let k = 0; k <= 8; k++) ink(150 + k * 0.7, 46 + k);
    for (let k = 0; k <= 20; k++) ink(155.6 + k * 0.55, 54 - k);
    square(20, 80, 26);
    for (let x = 60; x < 100; x += 9) for (let y = 86; y < 104; y++) ink(x, y);
    expect(marks(read(2).blocks)).toBe("_x");
  });

  it("keeps the letters after the circle OCR read into a word (\"๐ไม่มี\"), though their boxes lie over the circle", () => {
    const { ink, read } = drawnPage(300, 100, [[0, 0], [1, 0]]);
    for (let a = 0; a < 2 * Math.PI; a += 0.02) ink(53 + 13 * Math.cos(a), 53 + 13 * Math.sin(a));
    for (let x = 80; x < 130; x += 9) for (let y = 44; y < 64; y++) ink(x, y);
    const box = (x: number, y: number, w: number, h: number): [number, number, number, number] => [x, y, w, h];
    // OCR's boxes off by a letter: ๐ drawn left of the circle, ไ over it.
    const symbols = [
      { text: "๐", bbox: box(30, 40, 26, 27), confidence: 0.6 },
      { text: "ไ", bbox: box(40, 40, 27, 27), confidence: 0.8 },
      { text: "ม", bbox: box(80, 44, 16, 20), confidence: 0.9 },
      { text: "่", bbox: box(92, 34, 6, 8), confidence: 0.9 },
      { text: "ม", bbox: box(100, 44, 16, 20), confidence: 0.9 },
      { text: "ี", bbox: box(102, 36, 13, 7), confidence: 0.9 },
    ];
    const word = { text: "๐ไม่มี", bbox: box(30, 34, 100, 33), confidence: 0.8 };
    const result = read(2, { text: word.text, confidence: 0.8, lines: [{ ...word, words: [word], symbols }] });
    const paragraph = result.blocks[0]!;
    const inlines = paragraph.kind === "paragraph" ? paragraph.inlines : [];
    expect(inlines.map((i) => (i.kind === "mark" ? (i.checked ? "[x]" : "[_]") : i.kind === "text" ? i.text : "")).join("").replace(/\s+/gu, "")).toBe("[_]ไม่มี");
  });

  it("reads a page photographed or scanned to a JPEG file as extract's input, with the answers of the PDF's text layer", async () => {
    const pdfFile = path.join(TUNE, "glyph-01.pdf");
    const doc = await openPdf(new Uint8Array(readFileSync(pdfFile)));
    const jpeg = scanPage(await doc.render(6, 200), { dpi: 200, angle: 1.2, blur: 0.4, quality: 70 }, new Rng("test/jpeg-form"));
    await doc.close();
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "samruat-scan-")), "แบบสำรวจ หน้า 6.jpg");
    writeFileSync(file, jpeg);
    const [photo, pdf] = [await extractFile(file), await extractFile(pdfFile)];
    expect(photo.warnings.map((w) => w.code)).toContain("read_from_scan");
    const questions = new Set(photo.answers.map((a) => a.question));
    const checked = (d: typeof pdf) => d.answers.filter((a) => questions.has(a.question) && a.value === true).map((a) => a.field).sort();
    expect(checked(photo).length).toBeGreaterThan(0);
    expect(checked(photo)).toEqual(checked(pdf));
  }, 120_000);

  it("in a batch of Word, PDF and scanned copies, gives each agency the one form it sent", async () => {
    const inbox = mkdtempSync(path.join(os.tmpdir(), "samruat-scan-inbox-"));
    const put = (rel: string, data: Uint8Array) => {
      mkdirSync(path.dirname(path.join(inbox, rel)), { recursive: true });
      writeFileSync(path.join(inbox, rel), data);
    };
    put("พาณิชย์/แบบสำรวจ.docx", readFileSync(path.join(PACKAGE_ROOT, "samples", "forms", "tune", "cc-03.docx")));
    put("เกษตร/แบบสำรวจ.pdf", readFileSync(path.join(TUNE, "glyph-01.pdf")));
    const doc = await openPdf(new Uint8Array(readFileSync(path.join(TUNE, "glyph-01.pdf"))));
    put("ที่ดิน/แบบสำรวจ สแกน.jpg", scanPage(await doc.render(6, 200), { dpi: 200, angle: -0.8, blur: 0.4, quality: 75 }, new Rng("test/batch-scan")));
    await doc.close();
    const result = await runBatch({ inbox, out: path.join(inbox, "out"), lang: "th", roster: false });
    // The Word and PDF forms name their office in the general block; the scanned page has none and goes by its folder.
    const forms = result.manifest.files.filter((f) => f.kind === "form").map((f) => [f.agency, f.path, f.status]);
    expect(forms.sort()).toEqual([
      ["ที่ดิน", "ที่ดิน/แบบสำรวจ สแกน.jpg", "used"],
      ["สำนักงานจังหวัดเชียงใหม่", "เกษตร/แบบสำรวจ.pdf", "used"],
      ["สำนักงานสถิติจังหวัดเชียงใหม่", "พาณิชย์/แบบสำรวจ.docx", "used"],
    ]);
    const scanned = result.results.find((r) => r.bundle.agency.id === "ที่ดิน")!.bundle;
    expect(scanned.answers.answers.find((a) => a.field === "G1:yes")?.value).toBe(true);
  }, 180_000);
});
