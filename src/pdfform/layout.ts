/**
 * One PDF page → blocks of the .docx document model. The text layer gives the words; the drawing gives what Word
 * and LibreOffice turn into graphics when they save as PDF: table rules (rebuilt into rows and cells, so a matrix
 * row keeps its label and its column headers), underlines (typed values in blanks are underlined), boxes and
 * circles drawn as paths (legacy form fields) with a tick, cross or fill inside when checked, and AcroForm widgets.
 */
import { glyphMark, MARK_GLYPH_RE, printedSymbolMark, resolveAdjacentMarks, symbolRaw } from "../docx/marks.js";
import type { Block, Inline, Mark, Paragraph, Table, TableCell } from "../docx/model.js";
import type { DrawnPath, PageDrawing } from "../evidence/pdf-drawing.js";
import type { TextItem } from "../evidence/pdf.js";
import type { BBox } from "../evidence/schema.js";
import { advances } from "../text/thai.js";

type Box = [number, number, number, number];

/** A text item, or a mark found in the drawing or the form widgets, placed on the page. */
interface PlacedItem {
  str: string;
  bbox: BBox;
  underline?: boolean;
  mark?: Mark;
}

export interface Counters {
  paragraph: number;
  table: number;
}

/** Side of a box or circle a form prints for a choice, in points (8–16 pt at the usual sizes; legacy fields are larger). */
const MARK_SIDE = { min: 4, max: 32 };
/** Rules closer than this are one rule (double borders, rounding). */
const SNAP = 2.5;

/** A mark found some other way than in the drawing (optical mark recognition on a scan), placed on the page. */
export interface FoundMark {
  bbox: Box;
  mark: Mark;
}

export function pageBlocks(items: readonly TextItem[], drawing: PageDrawing, page: number, counters: Counters, found: readonly FoundMark[] = []): Block[] {
  const { marks: drawn, used } = drawnMarks(drawing);
  const marks = [...drawn, ...found.map((f): PlacedItem => ({ str: "", bbox: f.bbox, mark: f.mark }))];
  const rules = ruleSegments(drawing.paths.filter((p) => !used.has(p)));
  const grids = tableGrids(rules);
  const underlines = rules.h.filter((s) => !grids.some((g) => g.segments.has(s)));
  const placed: PlacedItem[] = [...splitUnderlined(items.filter((i) => i.str !== ""), underlines), ...marks];

  const tables = grids.map((grid) => ({ grid, items: [] as PlacedItem[] }));
  const loose: PlacedItem[] = [];
  for (const item of placed) {
    const [cx, cy] = centre(item.bbox);
    const table = tables.find((t) => inside(cx, cy, t.grid.bbox));
    if (table) table.items.push(item);
    else loose.push(item);
  }
  const pieces: { top: number; make: () => Block }[] = [];
  const breaks = tables.flatMap((t) => [t.grid.bbox[1], t.grid.bbox[1] + t.grid.bbox[3]]);
  for (const para of paragraphs(lines(loose), { cell: false, breaks })) {
    pieces.push({ top: Math.min(...para[0]!.map((i) => i.bbox[1])), make: () => paragraph(para, page, counters) });
  }
  for (const t of tables) pieces.push({ top: t.grid.bbox[1], make: () => table(t.grid, t.items, page, counters) });
  // Indices follow reading order, as in the .docx reader.
  return pieces
    .sort((a, b) => a.top - b.top)
    .map((p) => p.make())
    .filter((b) => b.kind === "table" || b.inlines.length > 0);
}

/**
 * A table continued on the next page is one table: the first block of a page continues the last block of the
 * previous one when both are tables with the same columns. Short lines between them (page numbers, running heads)
 * are kept, after the table.
 */
export function joinContinuedTables(pages: Block[][]): Block[] {
  const out: Block[] = [];
  for (const blocks of withoutRunningLines(pages)) {
    const first = blocks.findIndex((b) => b.kind === "table" || !isFurniture(b));
    const head = blocks[first];
    let lastTable = out.length - 1;
    while (lastTable >= 0 && out[lastTable]!.kind === "paragraph" && isFurniture(out[lastTable]!)) lastTable--;
    const previous = out[lastTable];
    if (head?.kind === "table" && previous?.kind === "table" && sameColumns(previous, head)) {
      appendRows(previous, head);
      out.push(...blocks.filter((b) => b !== head));
      continue;
    }
    out.push(...blocks);
  }
  return out;
}

/**
 * The rows of a table's continuation: a header row repeated at the top of the page is left out, and a first row
 * that finishes the row cut by the page break (its boxes on one side of the break, text on both) joins that row.
 */
function appendRows(table: Table, next: Table): void {
  const rows = [...next.rows];
  // Header rows repeated on the new page (their cells may be cut into other bands than on the first page).
  // A table without marks (a list to fill in) has its first row for a header.
  const firstMarked = table.rows.findIndex((r) => r.cells.some((c) => hasContent(c, "mark")));
  const header = new Set(table.rows.slice(0, firstMarked < 0 ? 1 : firstMarked).flatMap(cellTexts));
  while (rows[0] && !rows[0].cells.some((c) => hasContent(c, "mark")) && cellTexts(rows[0]).length > 0 && cellTexts(rows[0]).every((t) => header.has(t))) rows.shift();
  const last = table.rows.at(-1);
  if (last && rows[0] && continuesRow(last, rows[0])) {
    const first = rows.shift()!;
    last.cells.forEach((cell, k) => {
      const more = [...(first.cells[k]?.blocks ?? [])];
      const [tail, head] = [cell.blocks.at(-1), more[0]];
      if (tail?.kind === "paragraph" && head?.kind === "paragraph") cell.blocks[cell.blocks.length - 1] = joinParagraphs(tail, more.shift() as Paragraph);
      cell.blocks.push(...more);
    });
  }
  for (const r of rows) table.rows.push({ ...r, index: table.rows.length });
}

/**
 * A cell's paragraph cut by the page break is one paragraph, joined as a wrapped line is (no space between Thai
 * letters, nor inside a URL or an e-mail address, which have none).
 */
function joinParagraphs(a: Paragraph, b: Paragraph): Paragraph {
  const tail = paragraphText(a);
  const head = paragraphText(b);
  const inWord = (THAI_LETTER_END.test(tail) && THAI_LETTER_START.test(head)) || (ADDRESS_END.test(tail) && /^\S/u.test(head));
  // The box stays the first part's, on its page.
  return { ...a, inlines: mergeText([...a.inlines, ...(inWord ? [] : [{ kind: "text", text: " " } as const]), ...b.inlines]) };
}

function continuesRow(a: Table["rows"][number], b: Table["rows"][number]): boolean {
  if (a.cells.length !== b.cells.length) return false;
  const bothMarked = a.cells.some((c, k) => hasContent(c, "mark") && hasContent(b.cells[k]!, "mark"));
  const oneSided = a.cells.some((c, k) => hasContent(c, "any") !== hasContent(b.cells[k]!, "any"));
  return !bothMarked && oneSided;
}

function hasContent(c: TableCell, what: "mark" | "any"): boolean {
  return c.blocks.some((bl) => bl.kind === "table" || bl.inlines.some((i) => (what === "mark" ? i.kind === "mark" : i.kind !== "tab")));
}

/** The text of each cell of a row that has any, without spaces. */
function cellTexts(row: Table["rows"][number]): string[] {
  return row.cells
    .map((c) => c.blocks.map((b) => (b.kind === "paragraph" ? paragraphText(b) : "")).join("").replace(/\s+/g, ""))
    .filter((t) => t !== "");
}

/**
 * Running heads and footers ("pcio-2567 หน้า 12", a page number): the first or last line of a page whose words,
 * numbers aside, start or end at least three pages. They are not the form's text, and they cut tables in two.
 */
function withoutRunningLines(pages: Block[][]): Block[][] {
  const key = (b: Block | undefined) => (b?.kind === "paragraph" && !b.inlines.some((i) => i.kind === "mark") ? paragraphText(b).replace(/[0-9๐-๙]+/gu, "#").replace(/\s+/g, " ").trim() : null);
  const seen = new Map<string, number>();
  for (const blocks of pages) {
    for (const k of new Set([key(blocks[0]), key(blocks.at(-1))])) if (k) seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  const running = (b: Block | undefined) => {
    const k = key(b);
    return k !== null && (seen.get(k) ?? 0) >= 3;
  };
  return pages.map((blocks) => blocks.filter((b, i) => !((i === 0 || i === blocks.length - 1) && running(b))));
}

function paragraphText(p: Paragraph): string {
  return p.inlines.map((i) => (i.kind === "text" ? i.text : i.kind === "tab" ? " " : "")).join("");
}

/** Paragraph and table indices in document order, as the .docx reader counts them (pages are laid out apart). */
export function renumber(blocks: readonly Block[]): void {
  const counters: Counters = { paragraph: 0, table: 0 };
  const walk = (list: readonly Block[]) => {
    for (const b of list) {
      if (b.kind === "paragraph") b.index = counters.paragraph++;
      else {
        b.index = counters.table++;
        for (const row of b.rows) for (const cell of row.cells) walk(cell.blocks);
      }
    }
  };
  walk(blocks);
}

const columnEdges = new WeakMap<Table, number[]>();

function sameColumns(a: Table, b: Table): boolean {
  const ea = columnEdges.get(a);
  const eb = columnEdges.get(b);
  return !!ea && !!eb && ea.length === eb.length && ea.every((x, i) => Math.abs(x - eb[i]!) <= SNAP);
}

function isFurniture(b: Block): boolean {
  if (b.kind !== "paragraph") return false;
  const text = b.inlines.map((i) => (i.kind === "text" ? i.text : i.kind === "mark" ? "x" : "")).join("");
  return text.trim().length <= 12 && !b.inlines.some((i) => i.kind === "mark");
}

// ---------------------------------------------------------------------------------------------------------------
// Marks drawn as graphics.

interface Shape {
  path: DrawnPath;
  box: Box;
  kind: "box" | "circle";
}

/** Boxes and circles of a choice's size, each checked when something is drawn inside it or it is filled; and widgets. */
function drawnMarks(drawing: PageDrawing): { marks: PlacedItem[]; used: Set<DrawnPath> } {
  const used = new Set<DrawnPath>();
  const shapes: Shape[] = [];
  for (const path of drawing.paths) {
    if (path.paint !== "stroke" || path.subpaths.length !== 1) continue;
    const kind = shapeOf(path);
    if (kind) shapes.push({ path, box: path.bbox as Box, kind });
  }
  const marks: PlacedItem[] = [];
  for (const shape of shapes) {
    used.add(shape.path);
    const [x, y, w, h] = shape.box;
    const pad = 0.15 * Math.max(w, h);
    const inner = drawing.paths.filter(
      (p) => p !== shape.path && !shapes.some((s) => s.path === p) && within(p.bbox, [x - pad, y - pad, w + 2 * pad, h + 2 * pad]) && p.bbox[2] * p.bbox[3] > 0.04 * w * h,
    );
    for (const p of inner) used.add(p);
    const checked = inner.length > 0;
    marks.push({
      str: "",
      bbox: shape.box,
      mark: { kind: "mark", checked, shape: shape.kind, source: "drawn", raw: `drawn ${shape.kind}${checked ? " + ink inside" : ""}`, box: shape.box },
    });
  }
  for (const w of drawing.widgets) {
    if (w.kind === "text") {
      if (w.value) marks.push({ str: w.value, bbox: w.bbox, underline: true });
      continue;
    }
    const shape = w.kind === "radio" ? "circle" : "box";
    marks.push({ str: "", bbox: w.bbox, mark: { kind: "mark", checked: !!w.checked, shape, source: "form_widget", raw: `${w.kind} ${w.name}=${w.checked ? "on" : "off"}`, box: w.bbox as Box } });
  }
  return { marks, used };
}

/** A square of a choice's size (four sides, axis-aligned) or a closed curve as wide as it is high. */
function shapeOf(path: DrawnPath): "box" | "circle" | null {
  const [, , w, h] = path.bbox;
  if (w < MARK_SIDE.min || h < MARK_SIDE.min || w > MARK_SIDE.max || h > MARK_SIDE.max || Math.abs(w - h) > 0.25 * Math.max(w, h)) return null;
  const sub = path.subpaths[0]!;
  if (sub.curved) return sub.closed || samePoint(sub.points[0]!, sub.points.at(-1)!) ? "circle" : null;
  const pts = sub.points;
  const closes = sub.closed || samePoint(pts[0]!, pts.at(-1)!);
  const axisAligned = pts.every((p, i) => i === 0 || Math.abs(p[0] - pts[i - 1]![0]) < 0.5 || Math.abs(p[1] - pts[i - 1]![1]) < 0.5);
  return closes && axisAligned && pts.length >= 4 ? "box" : null;
}

const samePoint = (a: [number, number], b: [number, number]) => Math.abs(a[0] - b[0]) < 0.5 && Math.abs(a[1] - b[1]) < 0.5;

// ---------------------------------------------------------------------------------------------------------------
// Rules and tables.

interface Segment {
  /** Horizontal: y, from x0 to x1. Vertical: x, from y0 to y1 (`at` is the fixed coordinate). */
  at: number;
  from: number;
  to: number;
}

/** Straight horizontal and vertical strokes, and thin filled rectangles (how some writers draw borders). */
function ruleSegments(paths: readonly DrawnPath[]): { h: Segment[]; v: Segment[] } {
  const h: Segment[] = [];
  const v: Segment[] = [];
  const add = (x0: number, y0: number, x1: number, y1: number) => {
    if (Math.abs(y1 - y0) < 0.8 && Math.abs(x1 - x0) >= 3) h.push({ at: (y0 + y1) / 2, from: Math.min(x0, x1), to: Math.max(x0, x1) });
    else if (Math.abs(x1 - x0) < 0.8 && Math.abs(y1 - y0) >= 3) v.push({ at: (x0 + x1) / 2, from: Math.min(y0, y1), to: Math.max(y0, y1) });
  };
  for (const path of paths) {
    if (path.paint === "fill") {
      const [x, y, w, hh] = path.bbox;
      if (path.subpaths.every((s) => !s.curved) && hh < 2.5 && w >= 3) add(x, y + hh / 2, x + w, y + hh / 2);
      else if (path.subpaths.every((s) => !s.curved) && w < 2.5 && hh >= 3) add(x + w / 2, y, x + w / 2, y + hh);
      continue;
    }
    for (const sub of path.subpaths) {
      if (sub.curved) continue;
      const pts = sub.closed ? [...sub.points, sub.points[0]!] : sub.points;
      for (let k = 1; k < pts.length; k++) add(pts[k - 1]![0], pts[k - 1]![1], pts[k]![0], pts[k]![1]);
    }
  }
  return { h, v };
}

interface Grid {
  bbox: Box;
  /** Row edges (y) and, per grid column, the x edges, from every vertical rule. */
  rows: number[];
  columns: number[];
  vertical: Segment[];
  segments: Set<Segment>;
}

/** Horizontal and vertical rules that touch one another; a grid needs two of each. */
function tableGrids(rules: { h: Segment[]; v: Segment[] }): Grid[] {
  const all = [...rules.h.map((s) => ({ s, horizontal: true })), ...rules.v.map((s) => ({ s, horizontal: false }))];
  const parent = all.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) {
      const a = all[i]!;
      const b = all[j]!;
      if (a.horizontal === b.horizontal) continue;
      const [hs, vs] = a.horizontal ? [a.s, b.s] : [b.s, a.s];
      if (vs.at >= hs.from - SNAP && vs.at <= hs.to + SNAP && hs.at >= vs.from - SNAP && hs.at <= vs.to + SNAP) parent[find(i)] = find(j);
    }
  }
  const groups = new Map<number, typeof all>();
  all.forEach((e, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), e]));
  const grids: Grid[] = [];
  for (const group of groups.values()) {
    const h = group.filter((e) => e.horizontal).map((e) => e.s);
    const v = group.filter((e) => !e.horizontal).map((e) => e.s);
    const rows = snap(h.map((s) => s.at));
    const columns = snap(v.map((s) => s.at));
    if (rows.length < 2 || columns.length < 2) continue;
    const bbox: Box = [columns[0]!, rows[0]!, columns.at(-1)! - columns[0]!, rows.at(-1)! - rows[0]!];
    if (bbox[2] < 40 || bbox[3] < 8) continue;
    grids.push({ bbox, rows, columns, vertical: v, segments: new Set([...h, ...v]) });
  }
  return grids;
}

function snap(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  for (const v of sorted) if (out.length === 0 || v - out.at(-1)! > SNAP) out.push(v);
  return out;
}

/** Rows between consecutive row edges; in each, cells between the vertical rules that cross the row's middle. */
function table(grid: Grid, items: readonly PlacedItem[], page: number, counters: Counters): Table {
  const t: Table = { kind: "table", index: counters.table++, rows: [] };
  columnEdges.set(t, grid.columns);
  const bands = grid.rows.slice(1).map((bottom, k) => [grid.rows[k]!, bottom] as const).filter(([top, bottom]) => bottom - top > 3);
  for (const [top, bottom] of bands) {
    const mid = (top + bottom) / 2;
    const edges = snap(grid.vertical.filter((s) => s.from <= mid && s.to >= mid).map((s) => s.at));
    if (edges.length < 2) continue;
    const cells: TableCell[] = [];
    for (let k = 0; k + 1 < edges.length; k++) {
      const [left, right] = [edges[k]!, edges[k + 1]!];
      const own = items.filter((i) => {
        const [cx, cy] = centre(i.bbox);
        const x = i.mark || isMarkGlyph(i.str) ? markX(i, edges) : cx;
        return x >= left && x < right && cy >= top && cy < bottom;
      });
      const column = grid.columns.findIndex((x) => Math.abs(x - left) <= SNAP);
      const span = grid.columns.findIndex((x) => Math.abs(x - right) <= SNAP) - column;
      const blocks: Block[] = [];
      for (const para of paragraphs(lines(own), { cell: true, breaks: [] })) {
        const p = paragraph(para, page, counters);
        if (p.inlines.length) blocks.push(p);
      }
      cells.push({ index: cells.length, column, blocks, ...(span > 1 ? { gridSpan: span } : {}) });
    }
    t.rows.push({ index: t.rows.length, cells });
  }
  return t;
}

/**
 * A box's words are on its right. LibreOffice can print a box that starts a cell just left of the cell's rule
 * (a check-box control in a narrow column): a box ending on a rule belongs to the cell after it.
 */
const isMarkGlyph = (str: string) => MARK_ONLY.test(str);

function markX(item: PlacedItem, edges: readonly number[]): number {
  const right = item.bbox[0] + item.bbox[2];
  const edge = edges.find((x) => Math.abs(x - right) <= 1.5);
  return edge !== undefined ? edge + 1 : centre(item.bbox)[0];
}

// ---------------------------------------------------------------------------------------------------------------
// Lines of text.

/**
 * Items on one baseline (centres within half a line height of the line's tallest text), top to bottom, each line
 * left to right. The tallest, not the first: a speck or a mark OCR read apart sits off the baseline.
 */
function lines(items: readonly PlacedItem[]): PlacedItem[][] {
  const sorted = [...items].sort((a, b) => centre(a.bbox)[1] - centre(b.bbox)[1] || a.bbox[0] - b.bbox[0]);
  const out: PlacedItem[][] = [];
  for (const item of sorted) {
    const last = out.at(-1);
    const ref = last?.filter((i) => !i.mark).reduce<PlacedItem | undefined>((a, b) => (!a || b.bbox[3] > a.bbox[3] ? b : a), undefined) ?? last?.[0];
    const cy = centre(item.bbox)[1];
    if (ref && Math.abs(centre(ref.bbox)[1] - cy) < 0.5 * Math.max(textHeight(ref), textHeight(item))) last!.push(item);
    else out.push([item]);
  }
  return out.map((l) => l.sort((a, b) => a.bbox[0] - b.bbox[0]));
}

/**
 * Printed lines → paragraphs, as they were in the document: a line joins the one before when that one ran to the
 * right edge (the text wrapped), it is close below, starts about where the paragraph does and does not start with
 * a box or a number. In a table cell every wrapped line joins (cells are narrow; a cell's text is one paragraph
 * unless a box or a number starts a line).
 */
function paragraphs(printed: PlacedItem[][], where: { cell: boolean; breaks: readonly number[] }): PlacedItem[][][] {
  const page: PageLines = { right: Math.max(...printed.map(rightOf)), left: Math.min(...printed.map(leftOf)), pitch: linePitch(printed) };
  const out: PlacedItem[][][] = [];
  for (const line of printed) {
    const para = out.at(-1);
    const prev = para?.at(-1);
    if (para && prev && continues(para, prev, line, page, where)) para.push(line);
    else out.push([line]);
  }
  return out;
}

interface PageLines {
  right: number;
  left: number;
  /** The usual distance from one line to the next (median), or 0 when there are too few lines to tell. */
  pitch: number;
}

const lineMiddle = (l: readonly PlacedItem[]) => centre((l.find((i) => !i.mark) ?? l[0]!).bbox)[1];

function linePitch(printed: readonly PlacedItem[][]): number {
  const steps = printed
    .slice(1)
    .map((l, k) => lineMiddle(l) - lineMiddle(printed[k]!))
    .filter((d, k) => d > 0 && d < 3 * lineHeight(printed[k]!))
    .sort((a, b) => a - b);
  return steps.length >= 3 ? steps[steps.length >> 1]! : 0;
}

const rightOf = (l: readonly PlacedItem[]) => Math.max(...l.map((i) => i.bbox[0] + i.bbox[2]));
const leftOf = (l: readonly PlacedItem[]) => Math.min(...l.map((i) => i.bbox[0]));
const lineHeight = (l: readonly PlacedItem[]) => Math.max(...l.map(textHeight));
/** Numbering or a question code at the start of a line: "1.", "2)", "(3.1)", "P1.2", "G4.", "ข้อ". */
const STARTS_ITEM = /^\s*(?:\(?[0-9๐-๙]{1,2}(?:\.[0-9๐-๙]{1,2})*[.)]|\(?[A-Za-z]\.?[0-9]+(?:\.[0-9]+)*[.)]?\s|[GP][0-9]+(?:\.[0-9]+)*\.?\s|[-•·*]\s|หมายเหตุ)/u;

function continues(para: PlacedItem[][], prev: PlacedItem[], line: PlacedItem[], page: PageLines, where: { cell: boolean; breaks: readonly number[] }): boolean {
  // A scan's line is OCR's words, with no spaces between them: its first word alone is tested too.
  if (line[0]!.mark || STARTS_ITEM.test(line.map((i) => i.str).join("")) || STARTS_ITEM.test(`${line[0]!.str} `)) return false;
  const h = lineHeight(prev);
  const prevBottom = Math.max(...prev.map((i) => i.bbox[1] + i.bbox[3]));
  const top = Math.min(...line.map((i) => i.bbox[1]));
  if (top - prevBottom > 1.6 * h || where.breaks.some((y) => y > prevBottom && y < top)) return false;
  // An empty line between them (half a line more than the page's usual step) ends the paragraph.
  if (page.pitch > 0 && lineMiddle(line) - lineMiddle(prev) > 1.5 * page.pitch) return false;
  if (where.cell) return true;
  const { right, left } = page;
  const start = leftOf(para[0]!);
  // The line ran to the edge, or the next line's first word (Latin, digits, a URL: Thai has no spaces to measure
  // a word by) would not have fitted after it.
  const latin = !THAI_START.test(line[0]!.str.trimStart());
  const word = firstWordWidth(line);
  const wrapped = rightOf(prev) >= right - 0.2 * (right - left) || (latin && rightOf(prev) + word > right);
  if (!wrapped || leftOf(line) < left - 4 || leftOf(line) > start + 3 * h) return false;
  // An indented line whose first Thai word (as the dictionary segments it: often shorter than the writer's unit,
  // so only with the indent) would have fitted after the last one starts a paragraph of its own.
  return latin || leftOf(line) < start + h || rightOf(prev) + word > right - 0.5 * h;
}

/**
 * The line is one Latin word (no space, no Thai) that could not have shared a line with the next line's first word:
 * a word too long for the line (a URL in a narrow cell), which the writer had to break. A capital after a small
 * letter ("Power" / "BI") or a bracket ("Cloud" / "(GDCC)") starts a new word; a closing bracket ends one.
 */
function brokenAtEnd(line: readonly PlacedItem[], next: readonly PlacedItem[], width: number): boolean {
  const text = line.map((i) => i.str).join("").trim();
  const head = next[0]!.str.trimStart();
  if (!/^[^\s\u0E00-\u0E7F]*[\w/.\-?=&%#@:~+]$/u.test(text) || !/^[^\s([{]/u.test(head) || (/[a-z]$/u.test(text) && /^[A-Z]/u.test(head))) return false;
  const own = rightOf(line) - leftOf(line);
  return own >= 0.75 * width && own + firstWordWidth(next) > width;
}

function firstWordWidth(line: readonly PlacedItem[]): number {
  const first = line[0]!;
  const text = first.str.trimStart();
  const word = /^[^\s\u0E00-\u0E7F]+/u.exec(text)?.[0] ?? (THAI_START.test(text) ? thaiWords.segment(text)[Symbol.iterator]().next().value?.segment : undefined);
  return word ? (first.bbox[2] * advances(word)) / Math.max(1, advances(text)) : 0;
}

const thaiWords = new Intl.Segmenter("th", { granularity: "word" });

/** A drawn box is often taller than the line beside it; it joins the line its centre is on. */
const textHeight = (i: PlacedItem) => (i.mark ? Math.min(i.bbox[3], 14) : i.bbox[3]);

function paragraph(printed: readonly PlacedItem[][], page: number, counters: Counters): Paragraph {
  const inlines: Inline[] = [];
  const width = Math.max(...printed.map(rightOf)) - Math.min(...printed.map(leftOf));
  for (const [k, l] of printed.entries()) {
    const prev = printed[k - 1];
    // Thai wraps between words without a space; anything else wrapped at a space — except after a hyphen or an
    // opening bracket, and in a word too long for the line, which the writer had to break.
    const tail = prev?.at(-1)?.str ?? "";
    const latinWord = !THAI_START.test(l[0]!.str.trimStart()) && firstWordWidth(l) > 0;
    const brokenWord = prev !== undefined && latinWord && !/\s$/u.test(tail) && (/[A-Za-z0-9]-$/u.test(tail) || brokenAtEnd(prev, l, width));
    const joint = !prev || brokenWord || /[([{]$/u.test(tail) || (THAI_LETTER_END.test(tail) && THAI_LETTER_START.test(l[0]!.str)) || addressGoesOn(inlines, l[0]!.str) ? "" : " ";
    if (joint) inlines.push({ kind: "text", text: joint });
    inlines.push(...toInlines(l));
  }
  const line = printed.flat();
  const x0 = Math.min(...line.map((i) => i.bbox[0]));
  const y0 = Math.min(...line.map((i) => i.bbox[1]));
  const x1 = Math.max(...line.map((i) => i.bbox[0] + i.bbox[2]));
  const y1 = Math.max(...line.map((i) => i.bbox[1] + i.bbox[3]));
  return { kind: "paragraph", index: counters.paragraph++, page, box: [x0, y0, x1 - x0, y1 - y0], inlines: resolveAdjacentMarks(mergeText(inlines)) };
}

/** A URL or e-mail address broken after one of its signs ("https://" ⏎ "data.go.th/" ⏎ "dataset"): it has no spaces. */
function addressGoesOn(before: readonly Inline[], head: string): boolean {
  const text = before.map((i) => (i.kind === "text" ? i.text : " ")).join("");
  return ADDRESS_END.test(text) && /[/.\-?=&#_~:]$/u.test(text) && /^[^\s\u0E00-\u0E7F]/u.test(head);
}

/** Text that ends inside a URL or an e-mail address. */
const ADDRESS_END = /(?:\/\/|www\.|@)\S*$/u;

/** Neighbouring text pieces as one run (pdf.js splits at every font change), as a .docx run would hold them. */
function mergeText(inlines: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const inline of inlines) {
    const last = out.at(-1);
    if (inline.kind === "text" && last?.kind === "text" && !!last.underline === !!inline.underline) out[out.length - 1] = { ...last, text: last.text + inline.text };
    else out.push(inline);
  }
  return out;
}

const THAI_START = /^[\u0E00-\u0E7F]/u;
// Thai letters, not Thai digits: a line breaks between Thai words without a space, but between a word and a number
// only at a space (Unicode line breaking keeps letters and digits together).
const THAI_LETTER_END = /[\u0E00-\u0E4F\u0E5A-\u0E7F]$/u;
const THAI_LETTER_START = /^[\u0E00-\u0E4F\u0E5A-\u0E7F]/u;
const MARK_OR_PUA = new RegExp(`${MARK_GLYPH_RE.source}|[\\uF020-\\uF0FF]`, "gu");
/** An item that is one mark glyph and nothing else. */
const MARK_ONLY = new RegExp(`^\\s*(?:${MARK_OR_PUA.source})\\s*$`, "u");

/** The line's text with the gaps between items as spaces or tabs, and mark glyphs and drawn marks as marks. */
function toInlines(line: readonly PlacedItem[]): Inline[] {
  const inlines: Inline[] = [];
  const pushText = (t: string, underline: boolean) => {
    for (const [k, part] of t.split("\t").entries()) {
      if (k > 0) inlines.push({ kind: "tab" });
      if (part) inlines.push({ kind: "text", text: part, ...(underline && part.trim() ? { underline: true } : {}) });
    }
  };
  for (const [i, item] of line.entries()) {
    const prev = line[i - 1];
    if (prev) {
      const gap = item.bbox[0] - (prev.bbox[0] + prev.bbox[2]);
      const em = Math.max(textHeight(prev), textHeight(item));
      if (gap > 1.2 * em) inlines.push({ kind: "tab" });
      else if (gap > 0.15 * em && !/\s$/u.test(prev.str) && !/^\s/u.test(item.str)) pushText(" ", false);
    }
    if (item.mark) {
      inlines.push(item.mark);
      continue;
    }
    let from = 0;
    for (const m of item.str.matchAll(MARK_OR_PUA)) {
      const glyph = m[0];
      const code = glyph.codePointAt(0)!;
      const pua = code >= 0xf020 && code <= 0xf0ff;
      const symbol = pua ? printedSymbolMark(code - 0xf000) : undefined;
      const info = pua ? symbol?.info : glyphMark(glyph[0]!);
      if (!info) continue;
      pushText(item.str.slice(from, m.index), !!item.underline);
      const raw = symbol ? symbolRaw(symbol.font, code - 0xf000) : glyph;
      inlines.push({ kind: "mark", checked: info.checked, shape: info.shape, source: pua ? "sym" : "glyph", raw, box: item.bbox as Box });
      from = m.index! + glyph.length;
    }
    pushText(item.str.slice(from), !!item.underline);
  }
  return inlines;
}

/**
 * Text items split where an underline starts and ends under them (letters placed evenly across the item), the
 * underlined part flagged: a value typed into a blank is usually underlined, the printed words around it are not.
 */
function splitUnderlined(items: readonly TextItem[], underlines: readonly Segment[]): PlacedItem[] {
  const out: PlacedItem[] = [];
  for (const item of items) {
    const [x, y, w, h] = item.bbox;
    const under = underlines.filter((s) => s.at >= y + 0.55 * h && s.at <= y + h + 0.4 * h && s.to > x + 1 && s.from < x + w - 1);
    if (under.length === 0) {
      out.push({ str: item.str, bbox: item.bbox });
      continue;
    }
    const chars = [...item.str];
    const step = w / Math.max(1, chars.length);
    const isUnder = chars.map((_, k) => {
      const cx = x + (k + 0.5) * step;
      return under.some((s) => cx >= s.from && cx <= s.to);
    });
    let start = 0;
    for (let k = 1; k <= chars.length; k++) {
      if (k < chars.length && isUnder[k] === isUnder[start]) continue;
      out.push({ str: chars.slice(start, k).join(""), bbox: [x + start * step, y, (k - start) * step, h], ...(isUnder[start] ? { underline: true } : {}) });
      start = k;
    }
  }
  return out;
}

const centre = (b: BBox): [number, number] => [b[0] + b[2] / 2, b[1] + b[3] / 2];
const inside = (x: number, y: number, b: BBox) => x >= b[0] && x <= b[0] + b[2] && y >= b[1] && y <= b[1] + b[3];
const within = (a: BBox, b: BBox) => a[0] >= b[0] && a[1] >= b[1] && a[0] + a[2] <= b[0] + b[2] && a[1] + a[3] <= b[1] + b[3];
