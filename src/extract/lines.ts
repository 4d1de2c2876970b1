/**
 * The document as the extractor sees it: one Line per paragraph in reading order (tables row by row), with marks
 * kept as tokens between the text, and the table context (row label, column headers) of every mark.
 */
import type { Block, CellPath, DocxDocument, Mark, Paragraph, Table } from "../docx/model.js";
import { resolveAdjacentMarks } from "../docx/marks.js";
import { normalizeThai } from "../text/thai.js";
import type { Location } from "./answers.js";

/** Stands for a mark inside `Line.text`, so text offsets and marks share one coordinate. */
export const MARK_CHAR = "\uE000";

export interface LineMark {
  mark: Mark;
  line: number;
  /** Offset of MARK_CHAR in the line text. */
  offset: number;
  location: Location;
  /** Text after the mark up to the next mark in the same line. */
  after: string;
  /** For the last mark of a line: `after` with the following lines that hold no marks (a label broken by Enter). */
  afterWrapped?: string;
  /** Table context: label of the row (first cell without marks) and the column's header text. */
  rowText?: string;
  columnHeader?: string;
  /** Position among the marks of the same table row, and how many there are. */
  ordinalInRow?: number;
  marksInRow?: number;
  rowKey?: string;
}

export interface ControlValue {
  tag: string;
  text: string;
  placeholder: boolean;
  line: number;
}

export interface Line {
  index: number;
  text: string;
  location: Location;
  /** "table.row" when the paragraph sits in a table cell. */
  rowKey?: string;
  cell?: number;
  /** The header text of the cell's column, when the table has header rows. */
  columnHeader?: string;
  underlined: string[];
  marks: LineMark[];
  controls: ControlValue[];
}

export interface LineDocument {
  lines: Line[];
  marks: LineMark[];
  controls: ControlValue[];
}

export function toLines(doc: DocxDocument): LineDocument {
  const lines: Line[] = [];
  const rowInfo = new Map<string, { header: Map<number, string>; label: string }>();
  collectTableContext(doc.blocks, rowInfo);
  walk(doc.blocks, [], lines, new Map());
  const marks: LineMark[] = [];
  const byRow = new Map<string, LineMark[]>();
  for (const line of lines) {
    const info = line.rowKey ? rowInfo.get(line.rowKey) : undefined;
    const header = info?.header.get(line.cell ?? -1);
    if (header) line.columnHeader = header;
    for (const m of line.marks) {
      marks.push(m);
      if (line.rowKey) {
        if (info) m.rowText = info.label;
        if (header) m.columnHeader = header;
        m.rowKey = line.rowKey;
        const list = byRow.get(line.rowKey) ?? [];
        list.push(m);
        byRow.set(line.rowKey, list);
      }
    }
  }
  lines.forEach((line, i) => {
    const last = line.marks[line.marks.length - 1];
    if (last) last.afterWrapped = wrappedText(lines, i, last.after);
  });
  for (const list of byRow.values()) {
    list.forEach((m, i) => {
      m.ordinalInRow = i;
      m.marksInRow = list.length;
    });
  }
  return { lines, marks, controls: lines.flatMap((l) => l.controls) };
}

function walk(blocks: readonly Block[], path: CellPath[], out: Line[], cellColumns: Map<string, number>): void {
  for (const block of blocks) {
    if (block.kind === "paragraph") {
      out.push(toLine(block, path, out.length, cellColumns));
      continue;
    }
    for (const row of block.rows) {
      for (const cell of row.cells) {
        cellColumns.set(`${block.index}.${row.index}.${cell.index}`, cell.column);
        walk(cell.blocks, [...path, { table: block.index, row: row.index, cell: cell.index }], out, cellColumns);
      }
    }
  }
}

function toLine(p: Paragraph, path: CellPath[], index: number, cellColumns: Map<string, number>): Line {
  const last = path[path.length - 1];
  const location: Location = { paragraph: p.index };
  if (last) Object.assign(location, { table: last.table, row: last.row, cell: last.cell });
  if (p.page !== undefined) Object.assign(location, { page: p.page, ...(p.box ? { box: p.box.map(round1) } : {}) });
  const line: Line = { index, text: "", location, underlined: [], marks: [], controls: [] };
  if (last) {
    line.rowKey = `${last.table}.${last.row}`;
    line.cell = cellColumns.get(`${last.table}.${last.row}.${last.cell}`) ?? last.cell;
  }
  let text = "";
  let previousControlEnd = 0;
  // A tick typed beside an empty box is one checked mark; the reader leaves the pairing to its caller.
  for (const inline of resolveAdjacentMarks(p.inlines)) {
    switch (inline.kind) {
      case "text": {
        if (inline.hidden) break;
        const t = normalizeThai(inline.text, { collapseSpaces: false });
        if (inline.underline && t.trim()) line.underlined.push(t.trim());
        text += t;
        break;
      }
      case "tab":
        text += " ";
        break;
      case "break":
        text += " ";
        break;
      case "mark":
        line.marks.push({ mark: inline, line: index, offset: text.length, location: inline.box ? { ...location, box: inline.box.map(round1) as Location["box"] } : location, after: "" });
        text += MARK_CHAR;
        break;
      case "control_text": {
        const t = normalizeThai(inline.text, { collapseSpaces: false });
        // LibreOffice's .docx export repeats a text control's content in sibling controls right after it (seen
        // with 7.4), each sibling a piece of the value followed by the whole value again: no new answer.
        const previous = line.controls[line.controls.length - 1];
        const adjacent = previous !== undefined && text.slice(previousControlEnd).trim() === "";
        if (adjacent && (!inline.tag || inline.tag === previous.tag) && !inline.placeholder && isLibreOfficeCopy(t, previous.text)) break;
        line.controls.push({ tag: inline.tag, text: inline.placeholder ? "" : t.trim(), placeholder: Boolean(inline.placeholder), line: index });
        // A control's edges are word edges, even where the typed value touches the printed words ("โครงการทดลอง…").
        text += inline.placeholder ? "____" : ` ${t} `;
        previousControlEnd = text.length;
        break;
      }
    }
  }
  line.text = text;
  line.marks.forEach((m, i) => {
    const end = line.marks[i + 1]?.offset ?? text.length;
    m.after = text.slice(m.offset + 1, end).trim();
  });
  return line;
}

const round1 = (v: number) => Math.round(v * 10) / 10;

/** How much of a broken label is worth joining: longer than any printed option label. */
const WRAP_CHARS = 600;

/** `after` continued on the next lines of the same place (body or table cell) until a line with marks. */
function wrappedText(lines: readonly Line[], index: number, after: string): string | undefined {
  const own = lines[index]!;
  let text = after;
  for (let i = index + 1; i < lines.length && text.length < WRAP_CHARS; i++) {
    const next = lines[i]!;
    if (next.marks.length > 0 || next.rowKey !== own.rowKey || next.cell !== own.cell) break;
    text += ` ${next.text.trim()}`;
  }
  return text === after ? undefined : text;
}

/** Holds at least one whole copy of `previous`, and besides the copies at most a piece of it. */
function isLibreOfficeCopy(text: string, previous: string): boolean {
  const unit = previous.trim();
  if (unit.length === 0) return false;
  const rest = text.split(unit);
  if (rest.length < 2) return false;
  const piece = rest.join(" ").trim();
  return piece === "" || unit.includes(piece);
}

/** For each table row: the label (text of the first cell that has no marks) and header text per grid column. */
function collectTableContext(blocks: readonly Block[], out: Map<string, { header: Map<number, string>; label: string }>): void {
  for (const block of blocks) {
    if (block.kind !== "table") continue;
    const header = tableHeader(block);
    for (const row of block.rows) {
      const labelCell = row.cells.find((c) => !hasMarks(c.blocks) && cellText(c.blocks).trim() !== "");
      out.set(`${block.index}.${row.index}`, { header, label: labelCell ? cellText(labelCell.blocks) : "" });
      for (const cell of row.cells) collectTableContext(cell.blocks, out);
    }
  }
}

/** Header rows are the rows before the first row with a mark; per grid column, the deepest header text. */
function tableHeader(table: Table): Map<number, string> {
  const header = new Map<number, string>();
  for (const row of table.rows) {
    if (row.cells.some((c) => hasMarks(c.blocks))) break;
    // The deepest header row names a column most precisely ("Website" under "ช่องทางที่เป็นดิจิทัล").
    for (const cell of row.cells) {
      const text = cellText(cell.blocks).trim();
      if (!text) continue;
      for (let col = cell.column; col < cell.column + (cell.gridSpan ?? 1); col++) header.set(col, text);
    }
  }
  return header;
}

function hasMarks(blocks: readonly Block[]): boolean {
  return blocks.some((b) =>
    b.kind === "paragraph" ? b.inlines.some((i) => i.kind === "mark") : b.rows.some((r) => r.cells.some((c) => hasMarks(c.blocks))),
  );
}

function cellText(blocks: readonly Block[]): string {
  return blocks
    .map((b) =>
      b.kind === "paragraph"
        ? b.inlines.map((i) => (i.kind === "text" || i.kind === "control_text" ? i.text : i.kind === "tab" ? " " : "")).join("")
        : "",
    )
    .map((t) => normalizeThai(t))
    .join(" ");
}
