import { createCanvas } from "@napi-rs/canvas";
import { afterAll, describe, expect, it } from "vitest";
import { TesseractPool, wordsOfLine } from "../../src/evidence/ocr.js";
import { toGray } from "../../src/evidence/raster.js";
import { readScannedPage } from "../../src/evidence/scan.js";
import { normalizeEvidenceText } from "../../src/evidence/thai.js";
import { editDistance } from "../../src/text/distance.js";
import { RENDERED_LINE, renderedLine } from "./fixtures.js";
import { synthPage } from "./synth.js";

/** 1 − normalised edit distance. */
function similarity(a: string, b: string): number {
  return 1 - editDistance(a, b) / Math.max(1, [...a].length, [...b].length);
}

// One pool for the file: each worker load costs about a second.
const pool = new TesseractPool({ size: 2 });
afterAll(() => pool.terminate());

describe("wordsOfLine", () => {
  it("rebuilds Thai words from per-character boxes using the line's spacing", () => {
    const box = (x0: number, x1: number) => ({ x0, y0: 0, x1, y1: 20 });
    const words = wordsOfLine({
      text: "คำสั่ง ที่ ๑\n",
      confidence: 90,
      bbox: box(0, 100),
      words: [
        { text: "คำ", confidence: 90, bbox: box(0, 10) },
        { text: "สั่ง", confidence: 80, bbox: box(10, 20) },
        { text: "ที่", confidence: 70, bbox: box(30, 40) },
        { text: "๑", confidence: 60, bbox: box(50, 60) },
      ],
    });
    expect(words.map((w) => [w.text, w.bbox, Math.round(w.confidence * 100)])).toEqual([
      ["คำสั่ง", [0, 0, 20, 20], 83], // confidence weighted by characters: (2×90 + 4×80) / 6
      ["ที่", [30, 0, 10, 20], 70],
      ["๑", [50, 0, 10, 20], 60],
    ]);
  });
});

describe("TesseractPool (tesseract.js, tha+eng from node_modules)", () => {
  it("reads a rendered Thai line with word boxes", async () => {
    const image = renderedLine();
    const result = await pool.recognize({ image, mode: "line", dpi: 300 });
    expect(similarity(normalizeEvidenceText(result.text), RENDERED_LINE)).toBeGreaterThan(0.9);
    expect(result.confidence).toBeGreaterThan(0.7);
    const words = result.lines.flatMap((l) => l.words);
    expect(words.map((w) => w.text)).toContain("Digital");
    for (const w of words) {
      expect(w.bbox[0]).toBeGreaterThanOrEqual(0);
      expect(w.bbox[0] + w.bbox[2]).toBeLessThanOrEqual(1500);
    }
  });

  it("recycles workers after the configured number of jobs and refuses work once terminated", async () => {
    const small = new TesseractPool({ size: 1, recycleAfter: 1 });
    const ctx = createCanvas(300, 80).getContext("2d");
    ctx.fillStyle = "#fff";
    ctx.fillRect(0, 0, 300, 80);
    ctx.fillStyle = "#000";
    ctx.font = "48px Laksaman";
    ctx.fillText("Test 42", 10, 60);
    const image = toGray({ width: 300, height: 80, data: ctx.getImageData(0, 0, 300, 80).data });
    const [a, b] = await Promise.all([small.recognize({ image, mode: "line", dpi: 300 }), small.recognize({ image, mode: "line", dpi: 300 })]);
    expect(a.text.trim()).toBe("Test 42");
    expect(b.text.trim()).toBe("Test 42");
    await small.terminate();
    await expect(small.recognize({ image, mode: "line", dpi: 300 })).rejects.toThrow(/terminated/);
  });
});

describe("readScannedPage", () => {
  it("reads the marked phrases of a skewed scan and the page text", async () => {
    const { image, truth } = await synthPage({
      width: 2480, height: 900, dpi: 300, paper: "rgb(245,241,230)", skewDeg: 2, noise: 8, jpegQuality: 75,
      lines: [
        { text: "คำสั่งจังหวัดเชียงใหม่ เรื่อง แต่งตั้งคณะกรรมการตรวจรับพัสดุ", mark: { phrase: "แต่งตั้งคณะกรรมการ", ink: "rgb(255,245,120)" } },
        { text: "รายงานการประชุมคณะทำงานด้านดิจิทัล Digital Government", mark: { phrase: "Digital Government", ink: "rgb(255,160,210)" } },
      ],
      distractors: ["seal"],
    });
    const { value } = await readScannedPage(image, { dpi: 300, engine: pool, pageText: true });
    expect(value.regions.map((r) => r.color)).toEqual(["yellow", "pink"]);
    value.regions.forEach((r, i) => expect(similarity(r.text, truth.marked[i]!.text)).toBeGreaterThan(0.9));
    expect(similarity(value.text.split("\n")[0]!, "คำสั่งจังหวัดเชียงใหม่ เรื่อง แต่งตั้งคณะกรรมการตรวจรับพัสดุ")).toBeGreaterThan(0.8);
    expect(value.words.length).toBeGreaterThan(5);
  });
});
