import { describe, expect, it } from "vitest";
import { NativeTesseract, nativeTesseractAvailable, parseHocr } from "../../src/evidence/ocr-native.js";
import { normalizeEvidenceText } from "../../src/evidence/thai.js";
import { editDistance } from "../../src/text/distance.js";
import { RENDERED_LINE, renderedLine } from "./fixtures.js";

const similarity = (a: string, b: string) => 1 - editDistance(a, b) / Math.max(1, [...a].length, [...b].length);

const cinfo = (c: string, x0: number, x1: number, conf = 90) => `<span class='ocrx_word' title='bbox ${x0} 0 ${x1} 40; x_wconf ${conf}'>
       <span class='ocrx_cinfo' title='x_bboxes ${x0} 0 ${x1} 40; x_conf ${conf}'>${c}</span>
      </span>`;

describe("parseHocr", () => {
  it("rebuilds words and spaces from per-character boxes, and keeps the characters with their boxes", () => {
    const hocr = `<div class='ocr_page'><div class='ocr_carea'><p class='ocr_par'>
     <span class='ocr_line' title="bbox 0 0 200 40; baseline 0 0; x_size 40">
      ${cinfo("ค", 0, 18)}${cinfo("ำ", 14, 20)}${cinfo("สั", 20, 38, 80)}${cinfo("่", 30, 36, 80)}${cinfo("ง", 38, 56)}
      ${cinfo("A", 80, 96, 70)}${cinfo("&amp;", 98, 110, 70)}
     </span></p>
     <p class='ocr_par'><span class='ocr_line' title="bbox 0 60 50 100; x_size 40">${cinfo("๑", 0, 18)}</span></p></div></div>`;
    const result = parseHocr(hocr);
    expect(result.lines.map((l) => l.text)).toEqual(["คำสั่ง A&", "๑"]);
    expect(result.text).toBe("คำสั่ง A&\n\n๑");
    const first = result.lines[0]!;
    expect(first.words.map((w) => [w.text, w.bbox])).toEqual([
      ["คำสั่ง", [0, 0, 56, 40]],
      ["A&", [80, 0, 30, 40]],
    ]);
    expect(first.symbols.map((s) => s.text).join("")).toBe("คำสั่งA&");
    expect(first.symbols[2]!.confidence).toBeCloseTo(0.8);
    // With tesseract's plain text of the page, its spacing wins over the gaps ("คำ สั่ง" as tesseract wrote it).
    expect(parseHocr(hocr, "คำ สั่ง A&\n\n๑\n").lines[0]!.words.map((w) => w.text)).toEqual(["คำ", "สั่ง", "A&"]);
    // Text that does not spell the same characters is not trusted.
    expect(parseHocr(hocr, "something else\n๑").lines[0]!.text).toBe("คำสั่ง A&");
  });
});

describe("NativeTesseract", () => {
  it("reads a rendered Thai line with character boxes, like the tesseract.js pool", { timeout: 60_000 }, async () => {
    // CI installs tesseract-ocr; a machine without it has nothing to test here and says so.
    expect(await nativeTesseractAvailable(), "native tesseract (apt-get install tesseract-ocr)").toBe(true);
    const image = renderedLine();
    const engine = new NativeTesseract({ size: 2 });
    const [a, b] = await Promise.all([engine.recognize({ image, mode: "line", dpi: 300 }), engine.recognize({ image, mode: "block", dpi: 300 })]);
    for (const result of [a, b]) {
      expect(similarity(normalizeEvidenceText(result.text), RENDERED_LINE)).toBeGreaterThan(0.9);
      expect(result.lines[0]!.words.map((w) => w.text)).toContain("Digital");
      expect(result.lines[0]!.symbols.length).toBeGreaterThan(30);
    }
    await engine.terminate();
    await expect(engine.recognize({ image, mode: "line", dpi: 300 })).rejects.toThrow(/terminated/);
  });
});
