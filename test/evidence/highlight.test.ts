import { describe, expect, it } from "vitest";
import { detectHighlights, estimatePaper, separateInk } from "../../src/evidence/highlight.js";
import { covered, iou, synthPage, type Distractor, type SynthLine } from "./synth.js";

const LINES: SynthLine[] = [
  { text: "คำสั่งจังหวัดนครราชสีมา ที่ ๑๒๓/๒๕๖๗ เรื่อง แต่งตั้งคณะกรรมการ", mark: { phrase: "แต่งตั้งคณะกรรมการ", ink: "rgb(255,245,120)" } },
  { text: "ตามที่ได้มีการประชุมคณะทำงาน ครั้งที่ ๒/๒๕๖๗ เมื่อวันที่ ๑๔ มิถุนายน", mark: { phrase: "ครั้งที่ ๒/๒๕๖๗", ink: "rgb(150,240,150)" } },
  { text: "จึงขอแต่งตั้งผู้มีรายชื่อต่อไปนี้ เป็นคณะกรรมการตรวจรับพัสดุ", mark: { phrase: "คณะกรรมการตรวจรับพัสดุ", ink: "rgb(255,160,210)" } },
  { text: "โดยให้มีอำนาจหน้าที่ตามระเบียบกระทรวงการคลัง", mark: { phrase: "ระเบียบกระทรวงการคลัง", ink: "rgb(255,190,110)" } },
  { text: "ทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป Digital Government 2024", mark: { phrase: "Digital Government", ink: "rgb(140,210,255)" } },
  { text: "สั่ง ณ วันที่ ๒๐ มิถุนายน พ.ศ. ๒๕๖๗" },
];
const PLAIN: SynthLine[] = LINES.map((l) => ({ text: l.text }));
const ALL: Distractor[] = ["seal", "signature", "logo", "shading", "tint"];

describe("detectHighlights", () => {
  it("finds every marker colour on a skewed, noisy JPEG scan and none of the distractors", async () => {
    const { image, truth } = await synthPage({
      width: 2480, height: 2300, dpi: 300, lines: LINES, distractors: ALL,
      paper: "rgb(244,240,228)", skewDeg: 2.5, noise: 10, jpegQuality: 70,
    });
    const { regions, rejected, skew } = detectHighlights(image, { dpi: 300 }).value;
    expect(regions.map((r) => r.color)).toEqual(["yellow", "green", "pink", "orange", "blue"]);
    for (const m of truth.marked) expect(Math.max(...regions.map((r) => iou(r.bbox, m.bbox)))).toBeGreaterThan(0.6);
    for (const d of truth.distractors) {
      for (const r of regions) expect(covered(r.bbox, d.bbox)).toBeLessThan(0.2);
    }
    // The pale table fill is turned down as shading or as a tint (it is paler than any marker).
    const shading = truth.distractors.find((d) => d.kind === "shading")!;
    expect(rejected.filter((r) => covered(r.bbox, shading.bbox) > 0.5).map((r) => r.reason)).toEqual([expect.stringMatching(/^(shading|tint)$/)]);
    expect((skew * 180) / Math.PI).toBeCloseTo(2.5, 0);
  });

  it("finds light yellow on yellowish paper", async () => {
    const { image, truth } = await synthPage({
      width: 2480, height: 900, dpi: 300, paper: "rgb(247,241,218)", noise: 6, jpegQuality: 80, skewDeg: -1.5,
      lines: [{ text: "รายงานการประชุม ครั้งที่ ๓/๒๕๖๗ วันที่ ๕ กรกฎาคม", mark: { phrase: "รายงานการประชุม", ink: "rgb(255,252,185)" } }],
    });
    const { regions } = detectHighlights(image, { dpi: 300 }).value;
    expect(regions).toHaveLength(1);
    expect(regions[0]!.color).toBe("yellow");
    expect(iou(regions[0]!.bbox, truth.marked[0]!.bbox)).toBeGreaterThan(0.6);
  });

  it.each(ALL)("reports nothing on an unmarked page with a %s", async (kind) => {
    const { image } = await synthPage({
      width: 2480, height: 1500, dpi: 300, lines: PLAIN.slice(0, 3), distractors: [kind],
      paper: "rgb(245,243,236)", skewDeg: 1.5, noise: 8, jpegQuality: 75,
    });
    expect(detectHighlights(image, { dpi: 300 }).value.regions).toEqual([]);
  });

  it("works at low resolution (150 dpi scans)", async () => {
    const { image, truth } = await synthPage({ width: 1240, height: 700, dpi: 150, lines: LINES.slice(0, 3) });
    const { regions } = detectHighlights(image, { dpi: 150 }).value;
    expect(regions).toHaveLength(3);
    for (const m of truth.marked) expect(Math.max(...regions.map((r) => iou(r.bbox, m.bbox)))).toBeGreaterThan(0.5);
  });
});

describe("separateInk", () => {
  it("turns marked paper white and keeps print dark", async () => {
    const { image, truth } = await synthPage({ width: 2480, height: 600, dpi: 300, lines: LINES.slice(0, 1), paper: "rgb(240,236,225)" });
    const gray = separateInk(image, estimatePaper(image, 300), 300).text;
    const [x, y, w, h] = truth.marked[0]!.bbox.map(Math.round) as [number, number, number, number];
    const values: number[] = [];
    for (let yy = y; yy < y + h; yy++) for (let xx = x; xx < x + w; xx++) values.push(gray.data[yy * gray.width + xx]!);
    values.sort((a, b) => a - b);
    // Background of the stroke (upper half of the values) is white; the darkest pixels are the letters.
    expect(values[Math.floor(values.length * 0.75)]).toBeGreaterThan(240);
    expect(values[Math.floor(values.length * 0.02)]).toBeLessThan(80);
  });
});
