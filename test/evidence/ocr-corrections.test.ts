/**
 * OCR corrections, on lines drawn in memory with the OCR result tesseract gives for them: digits read again by
 * shape (๔ and ๘ taken for ๕, Arabic digits taken for others or for a Thai digit) — the run is put right from the ink, the words and the line follow, and ink that is not
 * clearly digits leaves the reading alone (the field evidence set measures it on fonts the templates lack) — and
 * Latin look-alikes put right by their neighbours.
 */
import { createCanvas, GlobalFonts } from "@napi-rs/canvas";
import { describe, expect, it } from "vitest";
import type { OcrResult, OcrWord } from "../../src/evidence/ocr.js";
import { toGray } from "../../src/evidence/raster.js";
import { correctOcr } from "../../src/evidence/ocr-corrections.js";

GlobalFonts.registerFromPath("/usr/share/fonts/truetype/tlwg/Loma.ttf", "Loma");
GlobalFonts.registerFromPath("/usr/share/fonts/truetype/tlwg/Laksaman.ttf", "Laksaman");

/**
 * `printed` drawn at `px` (a little blurred, grey paper, as scanned); the OCR result spells `read` over the same
 * characters' places (`read` has as many characters as `printed` unless `boxesOf` says which printed range each
 * read character covers).
 */
function scanned(printed: string, read: string, font: string, px: number, boxesOf?: (k: number) => [number, number]) {
  const width = Math.ceil(px * printed.length * 0.8 + 40);
  const height = Math.ceil(px * 2);
  const canvas = createCanvas(width, height);
  const g = canvas.getContext("2d");
  g.fillStyle = "rgb(238,236,230)";
  g.fillRect(0, 0, width, height);
  g.filter = "blur(0.5px)";
  g.fillStyle = "rgb(40,40,40)";
  g.font = `${px}px "${font}"`;
  g.fillText(printed, 20, px * 1.3);
  const at = (k: number) => 20 + g.measureText(printed.slice(0, k)).width;
  const top = px * 0.3;
  const symbols: OcrWord[] = [...read].map((text, k) => {
    const [from, to] = boxesOf?.(k) ?? [k, k + 1];
    return { text, bbox: [at(from), top, at(to) - at(from), px * 1.2], confidence: 0.9 };
  });
  const words: OcrWord[] = [];
  let k = 0;
  for (const token of read.split(" ")) {
    const own = symbols.slice(k, k + token.length);
    k += token.length + 1;
    const x0 = own[0]!.bbox[0];
    const x1 = own.at(-1)!.bbox[0] + own.at(-1)!.bbox[2];
    words.push({ text: token, bbox: [x0, top, x1 - x0, px * 1.2], confidence: 0.9 });
  }
  const solid = symbols.filter((s) => s.text !== " ");
  const result: OcrResult = { text: read, confidence: 0.9, lines: [{ text: read, bbox: [20, top, width - 40, px * 1.2], confidence: 0.9, words, symbols: solid }] };
  return { image: toGray(g.getImageData(0, 0, width, height)), result };
}

describe("correctOcr", () => {
  it("puts right a ๔ read as ๕, in the line, its word and its character", () => {
    const { image, result } = scanned("จำนวน ๓๔ คน", "จำนวน ๓๕ คน", "Loma", 33);
    const out = correctOcr(image, result);
    expect(out.text).toBe("จำนวน ๓๔ คน");
    expect(out.lines[0]!.words.map((w) => w.text)).toEqual(["จำนวน", "๓๔", "คน"]);
    expect(out.lines[0]!.symbols.map((s) => s.text).join("")).toBe("จำนวน๓๔คน");
  });

  it("reads a run with a decimal point again even when the OCR saw a different number of characters", () => {
    // "๘๘.๙" read as "๕๕.๓๑": the last two read characters share the printed ๙.
    const { image, result } = scanned("ร้อยละ ๘๘.๙", "ร้อยละ ๕๕.๓๑", "Laksaman", 40, (k) => (k <= 10 ? [k, k + 1] : [10, 11]));
    const out = correctOcr(image, result);
    expect(out.lines[0]!.words.map((w) => w.text)).toEqual(["ร้อยละ", "๘๘.๙"]);
  });

  it("reads Arabic digits typed among Thai words again: read as other digits, or as a Thai digit", () => {
    const { image, result } = scanned("จำนวน 13 รายการ", "จำนวน 19 รายการ", "Laksaman", 33);
    expect(correctOcr(image, result).text).toBe("จำนวน 13 รายการ");
    // "28" read as one Thai digit over both printed ones.
    const two = scanned("ระบุ 28 คน", "ระบุ ๘ คน", "Laksaman", 33, (k) => (k < 5 ? [k, k + 1] : k === 5 ? [5, 7] : [k + 1, k + 2]));
    expect(correctOcr(two.image, two.result).lines[0]!.words.map((w) => w.text)).toEqual(["ระบุ", "28", "คน"]);
  });

  it("takes no speck of dust in a code for a separator: the code is left as OCR read it", () => {
    const { image, result } = scanned("P2.1.3 จังหวัด", "P2.1.8 จังหวัด", "Loma", 33);
    // A speck on the baseline between "2" and its dot.
    const measure = createCanvas(10, 10).getContext("2d");
    measure.font = '33px "Loma"';
    const x = Math.round(20 + measure.measureText("P2").width - 0.5);
    for (const dy of [0, 1, 2]) image.data[(Math.round(33 * 1.3) - 3 + dy) * image.width + x] = 40;
    expect(correctOcr(image, result).text).toBe("P2.1.8 จังหวัด");
  });

  it("leaves the reading alone where the ink is not clearly digits", () => {
    const { image, result } = scanned("จำนวน คน", "จำนวน ๕๕", "Loma", 33);
    expect(correctOcr(image, result)).toBe(result);
  });

  it("reads € beside Latin letters as e, and a small l closing a word of capitals as I, and leaves other words alone", () => {
    const { image, result } = scanned("ระบบ e-Saraban Power BI Hello", "ระบบ €-Saraban Power Bl Hello", "Loma", 33);
    expect(correctOcr(image, result).text).toBe("ระบบ e-Saraban Power BI Hello");
  });
});
