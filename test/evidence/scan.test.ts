/**
 * Marked-region text on scans: the characters a stroke covers, read from the page's one OCR pass — strong strokes in
 * every colour, strokes that start mid-word, debris lines, and regions whose reading is too uncertain to show.
 */
import { afterAll, describe, expect, it } from "vitest";
import { MARKER_MAP } from "../../src/evidence/highlight.js";
import { TesseractPool, type OcrEngine, type OcrLine, type OcrRequest } from "../../src/evidence/ocr.js";
import type { GrayImage } from "../../src/evidence/raster.js";
import { coveredText, markerCoverage, readScannedPage, REGION_READABLE } from "../../src/evidence/scan.js";
import { editDistance } from "../../src/text/distance.js";
import { synthPage } from "./synth.js";

const pool = new TesseractPool({ size: 2 });
afterAll(() => pool.terminate());

const similarity = (a: string, b: string) => {
  const x = a.replace(/\s+/g, "");
  const y = b.replace(/\s+/g, "");
  return 1 - editDistance(x, y) / Math.max(1, x.length, y.length);
};

/** Counts the OCR requests by mode, to hold the page to one pass. */
function counting(engine: OcrEngine): OcrEngine & { calls: Record<string, number> } {
  const calls: Record<string, number> = {};
  return {
    name: "counting",
    parallelism: engine.parallelism,
    calls,
    recognize(request: OcrRequest) {
      calls[request.mode] = (calls[request.mode] ?? 0) + 1;
      return engine.recognize(request);
    },
    terminate: () => Promise.resolve(),
  };
}

/** One OCR line of Latin letters, 20 px wide each, with the given per-letter confidence. */
function line(text: string, y: number, confidence = 0.95, x0 = 0): OcrLine {
  const symbols = [...text.replace(/\s/g, "")].map((c, i) => ({ text: c, bbox: [x0 + i * 20, y, 18, 40] as [number, number, number, number], confidence }));
  return { text, bbox: [x0, y, symbols.length * 20, 40], confidence, words: [], symbols };
}

describe("coveredText", () => {
  it("keeps the characters between the stroke's ends and the line's spacing", () => {
    const lines = [line("abc defgh", 100)];
    // A stroke from the left of "c" (centre 49) to the right of "f" (centre 109), short of g's centre (129).
    const got = coveredText(lines, { center: [80, 120], angle: 0, length: 70, thickness: 40 });
    expect(got.text).toBe("c def");
    expect(got.confidence).toBeCloseTo(0.95);
  });

  it("leaves out lines the stroke only grazes, slivers of marks and low-confidence debris read over the same stretch", () => {
    const lines = [line("above", 40), line("xx", 92, 0.4), line("marked", 100), line("m", 95, 0.99, 0), line("below", 160)];
    lines[3]!.bbox[3] = 12; // a sliver: tone marks read as a line of their own
    const got = coveredText(lines, { center: [60, 120], angle: 0, length: 120, thickness: 70 });
    expect(got.text).toBe("marked");
  });

  it("follows the colour at rough stroke ends when a marker map is given", () => {
    const width = 200;
    const marker: GrayImage = { width, height: 200, data: new Uint8Array(width * 200).fill(MARKER_MAP.paper) };
    // Colour from x = 45 to 125 on the line's rows; the outline says the stroke is 200 long.
    for (let y = 100; y < 140; y++) for (let x = 45; x < 125; x++) marker.data[y * width + x] = MARKER_MAP.marker;
    const got = coveredText([line("abcdefghij", 100)], { center: [100, 120], angle: 0, length: 200, thickness: 40 }, markerCoverage(marker));
    expect(got.text).toBe("cdef");
  });

  it("keeps Thai marks with their letter", () => {
    // "ที่" as three symbols, the tone mark's box off to the side.
    const l: OcrLine = {
      text: "ที่ดิน",
      bbox: [0, 100, 120, 40],
      confidence: 0.9,
      words: [],
      symbols: [...("ที่ดิน")].map((c, i) => ({ text: c, bbox: [i === 2 ? 300 : i * 20, 100, 18, 40] as [number, number, number, number], confidence: 0.9 })),
    };
    expect(coveredText([l], { center: [60, 120], angle: 0, length: 120, thickness: 40 }).text).toBe("ที่ดิน");
  });
});

const INKS = {
  yellow: "rgba(255,236,25,0.9)",
  green: "rgba(105,232,85,0.9)",
  pink: "rgba(255,95,185,0.9)",
  orange: "rgba(255,152,40,0.95)",
  blue: "rgba(75,185,255,0.9)",
};

describe("readScannedPage on strong strokes", () => {
  it("reads strong strokes in each colour from one OCR pass over the page", { timeout: 120_000 }, async () => {
    const phrases = ["แต่งตั้งคณะกรรมการ", "Digital Government", "คุ้มครองข้อมูลส่วนบุคคล", "แผนปฏิบัติการดิจิทัล", "ธรรมาภิบาลข้อมูล"];
    const texts = [
      "คำสั่งจังหวัดเชียงใหม่ เรื่อง แต่งตั้งคณะกรรมการตรวจรับพัสดุ",
      "รายงานการประชุมคณะทำงานด้าน Digital Government ครั้งที่ ๒",
      "ประกาศนโยบายคุ้มครองข้อมูลส่วนบุคคลของสำนักงานจังหวัด",
      "จัดทำแผนปฏิบัติการดิจิทัลประจำปีงบประมาณ พ.ศ. ๒๕๖๗",
      "แต่งตั้งคณะทำงานธรรมาภิบาลข้อมูลภาครัฐระดับจังหวัด",
    ];
    const colours = Object.keys(INKS) as (keyof typeof INKS)[];
    const { image, truth } = await synthPage({
      width: 2480, height: 2000, dpi: 300, paper: "rgb(246,243,234)", skewDeg: 1, noise: 6, jpegQuality: 70,
      // An unmarked line between marked ones: strokes wider than the line reach into both neighbours.
      lines: texts.flatMap((text, i) => [{ text, mark: { phrase: phrases[i]!, ink: INKS[colours[i]!], strong: true } }, { text: "ให้ผู้ที่ได้รับแต่งตั้งปฏิบัติหน้าที่" }]),
    });
    const engine = counting(pool);
    const { value } = await readScannedPage(image, { dpi: 300, engine, pageText: true });
    expect(engine.calls).toEqual({ page: 1 });
    expect(value.regions.map((r) => r.color)).toEqual(colours);
    value.regions.forEach((r, i) => {
      expect(r.unreadable).toBeUndefined();
      expect(similarity(r.text, truth.marked[i]!.text)).toBeGreaterThan(0.9);
    });
  });

  it("clips a stroke that starts mid-word at the stroke, not at the word", { timeout: 120_000 }, async () => {
    const { image } = await synthPage({
      width: 2480, height: 500, dpi: 300, paper: "#ffffff", noise: 4,
      lines: [{ text: "เพื่อการประชาสัมพันธ์ข้อมูลข่าวสารของจังหวัด", mark: { phrase: "สัมพันธ์ข้อมูลข่าวสาร", ink: INKS.pink, strong: true } }],
    });
    const { value } = await readScannedPage(image, { dpi: 300, engine: pool, pageText: true });
    expect(value.regions).toHaveLength(1);
    expect(similarity(value.regions[0]!.text, "สัมพันธ์ข้อมูลข่าวสาร")).toBeGreaterThan(0.85);
    expect(value.regions[0]!.text).not.toContain("ประชา");
  });

  it("withholds the text of a region it cannot read with confidence, keeping the guess and the words around it", async () => {
    const { image } = await synthPage({
      width: 2480, height: 400, dpi: 300, paper: "#ffffff",
      lines: [{ text: "จัดทำแผนปฏิบัติการดิจิทัล", mark: { phrase: "แผนปฏิบัติการ", ink: INKS.yellow, strong: true } }],
    });
    // An engine that reads the right words with little confidence.
    const unsure: OcrEngine = {
      name: "unsure",
      parallelism: 1,
      async recognize(request) {
        const result = await pool.recognize(request);
        const low = <T extends { confidence: number }>(x: T) => ({ ...x, confidence: 0.3 });
        return { ...result, confidence: 0.3, lines: result.lines.map((l) => ({ ...low(l), words: l.words.map(low), symbols: l.symbols.map(low) })) };
      },
      terminate: () => Promise.resolve(),
    };
    const { value, messages } = await readScannedPage(image, { dpi: 300, engine: unsure, pageText: true });
    const region = value.regions[0]!;
    expect(region.confidence).toBeLessThan(REGION_READABLE);
    expect(region.text).toBe("");
    expect(similarity(region.unreadable!.guess, "แผนปฏิบัติการ")).toBeGreaterThan(0.8);
    expect(region.unreadable!.nearby).toContain("ดิจิทัล");
    expect(messages.map((m) => m.code)).toContain("region-unreadable");
  });
});
