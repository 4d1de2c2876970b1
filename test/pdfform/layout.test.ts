/**
 * A PDF page's text and drawing → document blocks, on small in-memory pages: boxes drawn as graphics, table rules,
 * tables over a page break, underlines, running footers, AcroForm widgets.
 */
import { describe, expect, it } from "vitest";
import type { Block, Paragraph, Table } from "../../src/docx/model.js";
import type { DrawnPath, FormWidget, PageDrawing } from "../../src/evidence/pdf-drawing.js";
import type { TextItem } from "../../src/evidence/pdf.js";
import { joinContinuedTables, pageBlocks } from "../../src/pdfform/layout.js";

const text = (str: string, x: number, y: number, w = str.length * 6, h = 14): TextItem => ({ str, bbox: [x, y, w, h] });
const stroke = (...points: [number, number][]): DrawnPath => {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const [x0, y0] = [Math.min(...xs), Math.min(...ys)];
  return { paint: "stroke", lineWidth: 0.5, subpaths: [{ points, closed: false, curved: false }], bbox: [x0, y0, Math.max(...xs) - x0, Math.max(...ys) - y0] };
};
const square = (x: number, y: number, s: number): DrawnPath => ({
  ...stroke([x, y], [x + s, y], [x + s, y + s], [x, y + s]),
  subpaths: [{ points: [[x, y], [x + s, y], [x + s, y + s], [x, y + s]], closed: true, curved: false }],
});
const drawing = (paths: DrawnPath[], widgets: FormWidget[] = []): PageDrawing => ({ paths, widgets });
/** Rules of a grid: rows at the given ys, columns at the given xs. */
const grid = (xs: number[], ys: number[]): DrawnPath[] => [
  ...ys.map((y) => stroke([xs[0]!, y], [xs.at(-1)!, y])),
  ...xs.map((x) => stroke([x, ys[0]!], [x, ys.at(-1)!])),
];

const paragraphText = (b: Block) => (b as Paragraph).inlines.map((i) => (i.kind === "text" ? i.text : i.kind === "mark" ? (i.checked ? "[x]" : "[ ]") : " ")).join("");
const cellTexts = (t: Table) => t.rows.map((r) => r.cells.map((c) => c.blocks.map(paragraphText).join("|")));

describe("pageBlocks", () => {
  it("reads a box drawn as graphics, checked when a tick or cross is drawn inside it", () => {
    const blocks = pageBlocks(
      [text("ไม่มี", 100, 100), text("มี", 100, 130)],
      drawing([square(80, 101, 12), square(80, 131, 12), stroke([81, 132], [91, 142]), stroke([91, 132], [81, 142])]),
      3,
      { paragraph: 0, table: 0 },
    );
    expect(blocks.map(paragraphText)).toEqual(["[ ] ไม่มี", "[x] มี"]);
    const mark = (blocks[1] as Paragraph).inlines[0]!;
    expect(mark).toMatchObject({ kind: "mark", source: "drawn", checked: true, box: [80, 131, 12, 12] });
    expect(blocks[1]).toMatchObject({ page: 3 });
  });

  it("rebuilds a table from its rules, each text in its cell, a box at a rule belonging to the cell after it", () => {
    const items = [text("ข้อ", 105, 105), text("ไม่มี", 205, 105), text("มี", 305, 105), text("1. งานสารบรรณ", 105, 135), text("☐", 288, 135, 12), text("มี", 305, 135), text("☒", 205, 135, 12)];
    const [table] = pageBlocks(items, drawing(grid([100, 200, 300, 400], [100, 125, 160])), 1, { paragraph: 0, table: 0 }) as [Table];
    expect(table.kind).toBe("table");
    expect(cellTexts(table)).toEqual([
      ["ข้อ", "ไม่มี", "มี"],
      ["1. งานสารบรรณ", "[x]", "[ ] มี"],
    ]);
    expect(table.rows[1]!.cells.map((c) => c.column)).toEqual([0, 1, 2]);
  });

  it("flags the underlined part of a line: a value typed into a blank", () => {
    const [p] = pageBlocks([text("เหตุผล งบประมาณ", 100, 100, 90)], drawing([stroke([142, 112], [190, 112])]), 1, { paragraph: 0, table: 0 });
    const inlines = (p as Paragraph).inlines.filter((i) => i.kind === "text");
    expect(inlines).toEqual([{ kind: "text", text: "เหตุผล " }, { kind: "text", text: "งบประมาณ", underline: true }]);
  });

  it("reads AcroForm check boxes by their state and text fields by their value", () => {
    const widgets: FormWidget[] = [
      { kind: "checkbox", bbox: [80, 100, 12, 12], checked: true, name: "c1" },
      { kind: "text", bbox: [150, 100, 80, 14], value: "28", name: "t1" },
    ];
    const [p] = pageBlocks([text("มี จำนวน", 100, 100, 45)], drawing([], widgets), 1, { paragraph: 0, table: 0 });
    expect(paragraphText(p!)).toBe("[x] มี จำนวน 28");
    expect((p as Paragraph).inlines[0]).toMatchObject({ source: "form_widget", checked: true });
  });

  it("joins a wrapped line to its paragraph, but not a line that starts with a box or a number", () => {
    const blocks = pageBlocks(
      [text("ก".repeat(60), 100, 100, 400), text("ข้อความต่อ", 100, 116), text("☐", 100, 140, 12), text("ตัวเลือก", 115, 140), text("2. ข้อถัดไป", 100, 160)],
      drawing([]),
      1,
      { paragraph: 0, table: 0 },
    );
    expect(blocks.map(paragraphText)).toEqual([`${"ก".repeat(60)}ข้อความต่อ`, "[ ] ตัวเลือก", "2. ข้อถัดไป"]);
  });

  it("starts a new paragraph at a question code on a scanned line, whose OCR words come without spaces between them", () => {
    const words = (y: number, ...ws: [string, number, number][]) => ws.map(([s, x, w]) => text(s, x, y, w));
    const blocks = pageBlocks(
      [...words(100, ["ส่วนที่", 100, 40], ["7", 145, 8], ["เทคโนโลยีดิจิทัลและการนำไปใช้", 158, 230], ["(Digital)", 393, 107]), ...words(118, ["P7.1", 100, 30], ["จังหวัดของท่านมีการใช้", 135, 150])],
      drawing([]),
      1,
      { paragraph: 0, table: 0 },
    );
    expect(blocks.map(paragraphText)).toEqual(["ส่วนที่ 7 เทคโนโลยีดิจิทัลและการนำไปใช้ (Digital)", "P7.1 จังหวัดของท่านมีการใช้"]);
  });

  it("ends a paragraph at an empty line, and at an indented line whose first Thai word would have fitted on the line before", () => {
    // Lines 16 pt apart; the text runs from 100 to 500 pt.
    const blocks = pageBlocks(
      [
        text("ก".repeat(66), 100, 100, 400),
        text("ข้อความต่อจากบรรทัดบน", 100, 116, 120),
        text("แนบเอกสารหลักฐาน เอกสารแนบหมายเลข ๕", 130, 132, 360),
        text("เทคโนโลยีใหม่ ได้มีการศึกษา", 130, 164, 160),
        text("☐", 100, 180, 12),
        text("มี (โปรดระบุ ระบบสารสนเทศภูมิศาสตร์ (GIS) )", 115, 180, 330),
        text("ระบุกระบวนการทำงาน/โครงการ (ตอบได้มากกว่า 1 กระบวนการ)", 130, 196, 370),
        text("ประจำปี", 100, 212, 396),
        text("๒๕๖๗", 100, 228, 30),
      ],
      drawing([]),
      1,
      { paragraph: 0, table: 0 },
    );
    expect(blocks.map(paragraphText)).toEqual([
      `${"ก".repeat(66)}ข้อความต่อจากบรรทัดบน`,
      "แนบเอกสารหลักฐาน เอกสารแนบหมายเลข ๕",
      "เทคโนโลยีใหม่ ได้มีการศึกษา",
      "[ ] มี (โปรดระบุ ระบบสารสนเทศภูมิศาสตร์ (GIS) )",
      "ระบุกระบวนการทำงาน/โครงการ (ตอบได้มากกว่า 1 กระบวนการ) ประจำปี ๒๕๖๗",
    ]);
  });

  it("joins a URL broken after its signs without spaces", () => {
    const items = ["https://", "data.chiangmai.go.th/", "dataset/free-wifi", "ผ่านเว็บไซต์"].map((s, k) => text(s, 105, 105 + 16 * k, s.length * 5));
    const [table] = pageBlocks(items, drawing(grid([100, 260], [100, 170])), 1, { paragraph: 0, table: 0 }) as [Table];
    expect(cellTexts(table)).toEqual([["https://data.chiangmai.go.th/dataset/free-wifi ผ่านเว็บไซต์"]]);
  });

  it("in a narrow cell, joins a word too long for the line without a space, and words wrapped at a space with one", () => {
    // One column 60 pt wide, as LibreOffice lays out values typed into a narrow table cell.
    const lines = ["ด้วย", "Power", "BI", "@chiang", "maiprovin", "ce", "Cloud", "(GDCC)", "https://x.go", ".th/abc"];
    const widths = [26, 45, 13, 44, 54, 13, 43, 49, 56, 40];
    const items = lines.map((s, k) => text(s, 105, 105 + 16 * k, widths[k]));
    const [table] = pageBlocks(items, drawing(grid([100, 162], [100, 270])), 1, { paragraph: 0, table: 0 }) as [Table];
    expect(cellTexts(table)).toEqual([["ด้วย Power BI @chiangmaiprovince Cloud (GDCC) https://x.go.th/abc"]]);
  });
});

describe("joinContinuedTables", () => {
  it("makes one table of a table cut by a page break: running footer dropped, header row repeated left out, cut row joined", () => {
    const counters = { paragraph: 0, table: 0 };
    const footer = (n: number) => text(`pcio-2567 หน้า ${n}`, 250, 760);
    const page = (n: number, rows: TextItem[]) => pageBlocks([...rows, footer(n)], drawing(grid([100, 200, 300], [100, 125, 160])), n, counters);
    const pages = [
      page(1, [text("ข้อ", 105, 105), text("สถานะ", 205, 105), text("1. งาน", 105, 135), text("☒", 205, 135, 12)]),
      page(2, [text("ข้อ", 105, 105), text("สถานะ", 205, 105), text("2. งาน", 105, 135), text("☐", 205, 135, 12)]),
      page(3, [text("ข้อ", 105, 105), text("สถานะ", 205, 105), text("3. งานที่", 105, 135), text("☒", 205, 135, 12)]),
      page(4, [text("ข้อ", 105, 105), text("สถานะ", 205, 105), text("ยาวมาก", 105, 135)]),
    ];
    const blocks = joinContinuedTables(pages);
    expect(blocks).toHaveLength(1);
    expect(cellTexts(blocks[0] as Table)).toEqual([
      ["ข้อ", "สถานะ"],
      ["1. งาน", "[x]"],
      ["2. งาน", "[ ]"],
      ["3. งานที่ยาวมาก", "[x]"],
    ]);
  });

  it("leaves out the repeated first row of a table without marks, and joins a URL cut by the page break", () => {
    const counters = { paragraph: 0, table: 0 };
    const page = (n: number, rows: TextItem[]) => pageBlocks(rows, drawing(grid([100, 200, 400], [100, 125, 160])), n, counters);
    const blocks = joinContinuedTables([
      page(1, [text("รายการข้อมูล", 105, 105), text("URL", 205, 105), text("1. ข้อมูลจุดให้บริการ Free Wi-Fi", 105, 135, 90), text("https://data.chiangmai.go.th/da", 205, 135)]),
      page(2, [text("รายการข้อมูล", 105, 105), text("URL", 205, 105), text("taset/free-wifi", 205, 135)]),
    ]);
    expect(cellTexts(blocks[0] as Table)).toEqual([
      ["รายการข้อมูล", "URL"],
      ["1. ข้อมูลจุดให้บริการ Free Wi-Fi", "https://data.chiangmai.go.th/dataset/free-wifi"],
    ]);
  });
});
