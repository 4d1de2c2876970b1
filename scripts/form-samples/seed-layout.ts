/**
 * The independent re-layout: the questionnaire rebuilt line by line from the DGA seed text (the form as the
 * province circulated it, exported to text), NOT from our template. The text export lost the box symbols, so each
 * line is matched against the form definition in printed order to know where a box or a blank goes:
 *   - an option's box goes before its label (or its printed number), where the text export left a gap, a bullet
 *     "·" or a private-use symbol;
 *   - a blank goes on the next run of underscores or dots;
 *   - matrices, yes/no grids, P4.6's channel grid and list tables become real Word tables laid out the way the seed
 *     shows them (two options in one cell "ไม่มี  มี", the column label under the box, the question code inside
 *     the table …).
 * Every field of the form must be placed exactly once, or the build fails.
 */
import type { CompiledForm, FieldDef } from "../../src/form/compile.js";
import type { MatrixSource } from "../../src/form/schema.js";
import { type Block, type Cell, type Inline, type Para, para, placedFields, type Row, txt } from "./layout.js";

const TEXT_WIDTH = 9360;
const NOTE_SIZE = 14;
const TABLE_SIZE = 14;

/** Printed without the leading "P" in the DGA copy ("2.1.5 …", "7.1.1 …"). */
const NO_P = new Set(["P2.1.5", ...Array.from({ length: 10 }, (_, i) => `P7.1.${i + 1}`)]);
/** Printed inside P4.6's channel grid. */
const IN_GRID = new Set(["P4.6.1", "P4.6.2", "P4.6.3"]);
const MATRIX_QUESTIONS = new Set(["P1.2", "P2.1.3", "P2.3", "P3.1", "P5.1", "P6.2.2"]);
/** Entries printed as a table of empty cells. */
const TABLE_ENTRIES = new Set(["P2.2.1.3:yes.usages", "P2.2.2:yes.datasets"]);

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

/** Removes the text export's "[bookmark: _Hlk…]" markers; they come back as real bookmarks. */
function prep(raw: string): { text: string; bookmarks: string[] } {
  const bookmarks: string[] = [];
  const text = raw.replace(/\[bookmark: ([^\]]+)\]/g, (_, name: string) => {
    bookmarks.push(name);
    return "";
  });
  return { text, bookmarks };
}

function squash(s: string): string {
  return s.replace(/[\s\u200b_·]/g, "");
}

class Seq {
  private i = 0;
  constructor(
    readonly code: string,
    readonly fields: FieldDef[],
  ) {}
  peek(): FieldDef | undefined {
    return this.fields[this.i];
  }
  take(expect?: (f: FieldDef) => boolean, what = "field"): FieldDef {
    const f = this.fields[this.i];
    if (!f || (expect && !expect(f))) throw new Error(`${this.code}: expected ${what}, next is ${f?.id ?? "nothing"}`);
    this.i++;
    return f;
  }
  get done(): boolean {
    return this.i >= this.fields.length;
  }
}

function shapeOf(f: FieldDef): "square" | "circle" {
  return f.kind === "option" && f.select === "single" ? "circle" : "square";
}

function optionHead(f: FieldDef): RegExp {
  const label = f.label.replace(/_{2,}/g, " ");
  const chars = [...label.replace(/\s/g, "")];
  const short = chars.length <= 5;
  const head = (short ? chars : chars.slice(0, 8)).map(escapeRe).join("[\\s\\u200b]*");
  const num = f.number ? `${escapeRe(f.number)}\\.?\\s*` : "";
  const tail = short ? "(?=[\\s(_]|$)" : "";
  return new RegExp(`(?<=^|[\\s\\u00b7\\uf000-\\uf0ff])${num}${head}${tail}`, "u");
}

const BLANK_RUN = /_+|\.{4,}/;

/**
 * One printed line with the boxes and blanks of the question's next fields placed in it. Stops at the first
 * field not found on the line (it will be on a later line).
 */
function matchLine(text: string, seq: Seq | undefined): Inline[] {
  const out: Inline[] = [];
  /** Text before `emit` is in `out`; the next field is searched from `search` (past the last matched label head). */
  let emit = 0;
  let search = 0;
  while (seq && !seq.done) {
    const f = seq.peek()!;
    const rest = text.slice(search);
    if (f.kind === "option") {
      const m = optionHead(f).exec(rest);
      if (!m) break;
      const at = search + m.index;
      let before = text.slice(emit, at).replace(/[\u00b7\uf000-\uf0ff]\s*$/, "");
      if (before.endsWith(" ")) before = before.slice(0, -1);
      if (before) out.push(txt(before));
      out.push({ t: "box", field: f.id, shape: shapeOf(f) }, txt(" "));
      emit = at;
      search = at + m[0].length;
      seq.take();
    } else if (f.kind === "blank") {
      const m = BLANK_RUN.exec(rest);
      if (!m) break;
      const at = search + m.index;
      if (at > emit) out.push(txt(text.slice(emit, at)));
      out.push({ t: "blank", field: f.id, printed: m[0] });
      emit = search = at + m[0].length;
      seq.take();
    } else {
      break;
    }
  }
  const tail = text.slice(emit).replace(/[\uf000-\uf0ff]/g, "");
  if (tail) out.push(txt(tail));
  return out;
}

function isNote(text: string): boolean {
  return /^\s*(หมายเหตุ|ตัวอย่าง)/.test(text);
}

/** A plain line of the seed as a paragraph (headings, indicator tags, notes). */
function plainPara(raw: string, q: string | undefined, seq?: Seq): Para {
  const { text, bookmarks } = prep(raw);
  const inl: Inline[] = bookmarks.map((name) => ({ t: "bookmark" as const, name }));
  const trimmed = text.trim();
  if (/^ส่วนที่ \d/.test(trimmed)) {
    return para([...inl, txt(trimmed, { bold: true, size: 18 })], { pageBreak: true, keepNext: true, ...(q ? { q } : {}) });
  }
  if (/^\[.*\]\s*$/.test(trimmed)) return para([...inl, txt(trimmed, { bold: true })], { keepNext: true, ...(q ? { q } : {}) });
  if (isNote(text)) return para([...inl, txt(text, { size: NOTE_SIZE })], q ? { q } : {});
  inl.push(...matchLine(text, seq));
  return para(inl, q ? { q } : {});
}

function headerPara(raw: string, code: string): Para {
  const { text, bookmarks } = prep(raw);
  const inl: Inline[] = bookmarks.map((name) => ({ t: "bookmark" as const, name }));
  const bare = NO_P.has(code) ? `P?${escapeRe(code.slice(1))}` : escapeRe(code);
  const m = new RegExp(`^(\\s*(?:·\\s*)?)(${bare}\\.?)(\\s.*)$`).exec(text);
  if (!m) throw new Error(`${code}: header line not recognised: ${raw}`);
  if (m[1]) inl.push(txt(m[1]));
  inl.push(txt(m[2]!, { bold: true }), txt(m[3]!));
  return para(inl, { keepNext: true, q: code });
}

/** Consecutive empty lines collapse to one empty paragraph. */
function pushPara(out: Block[], p: Para): void {
  const empty = p.inl.every((i) => i.t === "text" && i.text.trim() === "");
  const last = out[out.length - 1];
  if (empty && last?.kind === "p" && last.inl.every((i) => i.t === "text" && i.text.trim() === "")) return;
  out.push(empty ? para([], p.q ? { q: p.q } : {}) : p);
}

interface Segment {
  code: string;
  start: number;
  end: number;
}

export interface SeedLayout {
  blocks: Block[];
}

export function buildSeedLayout(form: CompiledForm, seedText: string): SeedLayout {
  const lines = seedText.replace(/\r/g, "").split("\n");
  const codes = form.questions.map((q) => q.code).filter((c) => !IN_GRID.has(c));
  const headerAt = (code: string, from: number): number => {
    const bare = NO_P.has(code) ? `P?${escapeRe(code.slice(1))}` : escapeRe(code);
    const re = new RegExp(`^\\s*(?:·\\s*)?${bare}\\.?\\s`);
    for (let i = from; i < lines.length; i++) if (re.test(prep(lines[i]!).text)) return i;
    throw new Error(`seed: question ${code} not found after line ${from + 1}`);
  };
  const starts: number[] = [];
  let cursor = 0;
  for (const code of codes) {
    cursor = headerAt(code, cursor);
    starts.push(cursor);
    cursor++;
  }
  const newTech = lines.findIndex((l, i) => i > starts[starts.length - 1]! && l.includes("เทคโนโลยีใหม่ ได้มีการศึกษา"));
  if (newTech < 0) throw new Error("seed: P7.1 technology list not found");
  const segments: Segment[] = codes.map((code, i) => ({ code, start: starts[i]!, end: starts[i + 1] ?? newTech }));
  segments.push({ code: "P7.1", start: newTech, end: lines.length });

  const seqs = new Map<string, Seq>();
  const seqOf = (code: string): Seq => {
    let s = seqs.get(code);
    if (!s) {
      const q = form.question(code)!;
      const cellIds = new Set(q.fields.filter((f) => f.kind === "cell").map((f) => f.id));
      s = new Seq(code, q.fields.filter((f) => f.kind !== "cell" && !(f.parent && cellIds.has(f.parent))));
      seqs.set(code, s);
    }
    return s;
  };

  const blocks: Block[] = [];
  preamble(lines.slice(0, starts[0]!), blocks);
  for (const seg of segments) {
    const segLines = lines.slice(seg.start, seg.end);
    const continuation = seg.code === "P7.1" && seg.start === newTech;
    if (MATRIX_QUESTIONS.has(seg.code)) matrixQuestion(form, seg.code, segLines, seqOf(seg.code), blocks);
    else if (seg.code === "P4.6") channelGrid(form, segLines, blocks);
    else if (seg.code === "G4") obstacleTable(segLines, seqOf("G4"), blocks);
    else genericQuestion(seg.code, segLines, seqOf(seg.code), blocks, continuation);
  }

  for (const [code, s] of seqs) if (!s.done) throw new Error(`seed layout: ${code} left ${s.peek()!.id} unplaced`);
  const placed = placedFields(blocks);
  const seen = new Set<string>();
  for (const id of placed) {
    if (seen.has(id)) throw new Error(`seed layout: ${id} placed twice`);
    seen.add(id);
  }
  const missing = form.fields.filter((f) => !seen.has(f.id)).map((f) => f.id);
  if (missing.length > 0) throw new Error(`seed layout: ${missing.length} fields not placed: ${missing.slice(0, 12).join(", ")}`);
  return { blocks };
}

// ---------------------------------------------------------------------------------------------------------------
// Title, legend, general information, indicator tables.

const GENERAL_LINES: [string, string][][] = [
  [["ชื่อจังหวัด", "province"]],
  [["ที่ตั้งหน่วยงาน", "office_location"]],
  [["ชื่อ", "first_name"], ["นามสกุล", "last_name"], ["ตำแหน่ง", "position"]],
  [["โทรศัพท์ที่ทำงาน", "office_phone"], ["เบอร์ต่อ", "extension"], ["โทรศัพท์มือถือ", "mobile_phone"], ["e-mail", "email"]],
];

function preamble(lines: string[], out: Block[]): void {
  let i = 0;
  let general = 0;
  while (i < lines.length) {
    const raw = lines[i]!;
    const text = raw.trim();
    if (text.startsWith("ตัวชี้วัดที่")) {
      i = indicatorTable(lines, i, out);
      continue;
    }
    if (text.startsWith("แบบสำรวจระดับความพร้อม") || text.startsWith("คณะกรรมการผู้บริหาร")) {
      pushPara(out, para([txt(text, { bold: true, size: 18 })], { align: "center" }));
    } else if (text.startsWith("โดยใส่เครื่องหมาย")) {
      if (!/ลงในช่อง/.test(text) || !/ตอบได้คำตอบเดียว/.test(text)) throw new Error("seed: legend line changed");
      pushPara(
        out,
        para([
          txt("    โดยใส่เครื่องหมาย "),
          { t: "sym", font: "Wingdings", char: "F0FC" },
          txt(" ลงในช่อง "),
          { t: "box", field: null, shape: "square" },
          txt(" หมายถึง ตอบได้มากกว่า 1 คำตอบ หรือ "),
          { t: "box", field: null, shape: "circle" },
          txt(" หมายถึง ตอบได้คำตอบเดียว"),
        ]),
      );
    } else if (general < GENERAL_LINES.length && GENERAL_LINES[general]!.every(([label]) => text.includes(label)) && text.startsWith(GENERAL_LINES[general]![0]![0])) {
      const inl: Inline[] = [];
      let rest = raw.replace(/^\t/, "");
      GENERAL_LINES[general]!.forEach(([label, id], k) => {
        const at = rest.indexOf(label);
        const lead = rest.slice(0, at).trim();
        inl.push(txt(`${k > 0 ? "  " : ""}${lead ? `${lead} ` : ""}${label} `));
        rest = rest.slice(at + label.length);
        inl.push({ t: "blank", field: `general:${id}`, printed: "\t\t\t" });
      });
      pushPara(out, para(inl, { q: "general" }));
      general++;
    } else if (text === "ข้อมูลทั่วไปเกี่ยวกับจังหวัด" || text.startsWith("ชื่อผู้ประสานงาน")) {
      pushPara(out, para([txt(text, { bold: true })], { q: "general", keepNext: true }));
    } else if (text.startsWith("แบบสำรวจประกอบด้วย")) {
      pushPara(out, para([txt(text, { bold: true })]));
    } else {
      pushPara(out, plainPara(raw, undefined));
    }
    i++;
  }
  if (general !== GENERAL_LINES.length) throw new Error(`seed: general block: found ${general} of ${GENERAL_LINES.length} lines`);
}

/** "ตัวชี้วัดที่ N …" followed by a two-column table (indicator | objective), as the seed prints it. */
function indicatorTable(lines: string[], start: number, out: Block[]): number {
  pushPara(out, para([txt(lines[start]!.trim(), { bold: true })], { keepNext: true, pageBreak: lines[start]!.includes("ตัวชี้วัดที่ 1 ") }));
  const widths = [3400, TEXT_WIDTH - 3400];
  const rows: Row[] = [];
  let i = start + 1;
  let left: string[] | undefined;
  let right: string[] = [];
  const flush = () => {
    if (!left) return;
    rows.push({
      cells: [
        { width: widths[0]!, paras: left.map((l) => para([txt(l)])) },
        { width: widths[1]!, paras: (right.length ? right : [""]).map((l) => para([txt(l)])) },
      ],
    });
    left = undefined;
    right = [];
  };
  for (; i < lines.length; i++) {
    const raw = lines[i]!;
    const text = raw.trim();
    if (text.startsWith("ตัวชี้วัดที่") || text.startsWith("หมายเหตุ")) break;
    if (text === "ตัวชี้วัด") {
      rows.push({
        header: true,
        cells: [
          { width: widths[0]!, shade: "BDD6EE", paras: [para([txt("ตัวชี้วัด", { bold: true })], { align: "center" })] },
          { width: widths[1]!, shade: "BDD6EE", paras: [para([txt("วัตถุประสงค์", { bold: true })], { align: "center" })] },
        ],
      });
      continue;
    }
    if (text === "วัตถุประสงค์" || text === "") continue;
    if (/^\d+\.\s/.test(text)) {
      flush();
      rows.push({ cells: [{ width: TEXT_WIDTH, span: 2, shade: "DEEAF6", paras: [para([txt(text, { bold: true })])] }] });
      continue;
    }
    if (/^\d+\.\d+(\.\d+)?\s/.test(text)) {
      flush();
      left = [text];
      continue;
    }
    if (left && raw.startsWith("\t")) right.push(text);
    else if (left && right.length > 0) right[right.length - 1] += text;
    else if (left) right.push(text);
  }
  flush();
  out.push({ kind: "table", widths, rows, size: TABLE_SIZE });
  return i;
}

// ---------------------------------------------------------------------------------------------------------------
// Questions.

/**
 * Where the text export turned a blank into tabs (the printed form has underlined tab runs), the re-layout prints
 * underscores instead, so a blank is visible on paper.
 */
const LINE_PATCHES: [string, RegExp, string][] = [
  ["P6.2.1", /(โปรดระบุมาตรฐานที่อ้างอิง)\s*/, "$1 ______________ "],
  ["G3", /(\d\.\s*โครงการ\/แผนงาน\/นโยบาย)\s*\t+(ผลสำเร็จจากการดำเนินการ)\s*\t+\s*/, "$1 ______________ $2 ______________ "],
];

function genericQuestion(code: string, lines: string[], seq: Seq, out: Block[], continuation: boolean): void {
  let i = 0;
  if (!continuation) {
    pushPara(out, headerPara(lines[0]!, code));
    i = 1;
  }
  for (; i < lines.length; i++) {
    let raw = lines[i]!;
    for (const [c, re, by] of LINE_PATCHES) if (c === code) raw = raw.replace(re, by);
    const next = seq.peek();
    if (next?.entry && TABLE_ENTRIES.has(next.entry.group) && raw.startsWith("\t") && raw.trim() !== "") {
      i = entriesTable(lines, i, seq, next.entry.group, code, out) - 1;
      continue;
    }
    pushPara(out, plainPara(raw, code, seq));
  }
}

/** A list printed as an empty table ("ชุดข้อมูลเปิด | รายละเอียดการนำไปใช้ | …", rows "1.", "2.", …). */
function entriesTable(lines: string[], start: number, seq: Seq, group: string, code: string, out: Block[]): number {
  const header: string[] = [];
  let i = start;
  for (; i < lines.length && lines[i]!.startsWith("\t") && lines[i]!.trim() !== ""; i++) header.push(lines[i]!.trim());
  // Skip the printed empty rows ("\t1.", "\t", …).
  for (; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.trim() === "" || l.startsWith("\t")) continue;
    break;
  }
  const perEntry: FieldDef[][] = [];
  while (seq.peek()?.entry?.group === group) {
    const f = seq.take((x) => x.kind === "blank", "an entry blank");
    const n = f.entry!.index;
    (perEntry[n - 1] ??= []).push(f);
  }
  const columns = perEntry[0]!.length;
  if (header.length !== columns) throw new Error(`${code}: list header has ${header.length} cells for ${columns} fields`);
  const first = 900 + Math.floor((TEXT_WIDTH - 900) / columns);
  const widths = [first, ...Array.from({ length: columns - 1 }, () => Math.floor((TEXT_WIDTH - first) / (columns - 1)))];
  const rows: Row[] = [{ header: true, cells: header.map((h, c) => ({ width: widths[c]!, shade: "F2F2F2", paras: [para([txt(h, { bold: true })], { align: "center" })] })) }];
  perEntry.forEach((fields, n) => {
    rows.push({
      cells: fields.map((f, c) => ({
        width: widths[c]!,
        paras: [para([...(c === 0 ? [txt(`${n + 1}. `)] : []), { t: "blank", field: f.id, printed: "" }])],
      })),
    });
  });
  out.push({ kind: "table", widths, rows, size: TABLE_SIZE, q: code });
  return i;
}

/** G4: the obstacles as a two-column table (obstacle with its box | details typed in the cell). */
function obstacleTable(lines: string[], seq: Seq, out: Block[]): void {
  pushPara(out, headerPara(lines[0]!, "G4"));
  let i = 1;
  for (; i < lines.length && !lines[i]!.includes("อุปสรรคที่พบ"); i++) pushPara(out, plainPara(lines[i]!, "G4", seq));
  const heads = [lines[i]!.trim(), lines[i + 1]!.trim()];
  i += 2;
  const widths = [5600, TEXT_WIDTH - 5600];
  const rows: Row[] = [{ header: true, cells: heads.map((h, c) => ({ width: widths[c]!, shade: "F2F2F2", paras: [para([txt(h, { bold: true })], { align: "center" })] })) }];
  for (; i < lines.length && !seq.done; i++) {
    const raw = lines[i]!;
    if (raw.trim() === "") continue;
    const option = seq.peek()!;
    const inl = matchLine(prep(raw).text.replace(/^\t/, ""), seq);
    if (seq.peek() === option) throw new Error(`G4: option ${option.id} not on line ${raw}`);
    const detail = seq.take((f) => f.kind === "blank" && f.parent === option.id, "the obstacle's detail");
    rows.push({ cells: [{ width: widths[0]!, paras: [para(inl)] }, { width: widths[1]!, paras: [para([{ t: "blank", field: detail.id, printed: "" }])] }] });
  }
  out.push({ kind: "table", widths, rows, size: TABLE_SIZE, q: "G4" });
  for (; i < lines.length; i++) if (lines[i]!.trim() !== "") pushPara(out, plainPara(lines[i]!, "G4"));
}

/** Header cells of a seed table: a cell starts at a line beginning with a tab; other lines continue it. */
function headerCells(lines: string[]): string[][] {
  const cells: string[][] = [];
  for (const raw of lines) {
    const { text } = prep(raw);
    if (raw.startsWith("\t")) cells.push(text.trim() ? [text.trim()] : []);
    else if (text.trim() !== "" && cells.length > 0) cells[cells.length - 1]!.push(text.trim());
  }
  return cells;
}

function cellParas(texts: string[], props: { bold?: boolean; align?: "center" } = {}): Para[] {
  const list = texts.length > 0 ? texts : [""];
  return list.map((t) => para([txt(t, props.bold ? { bold: true } : {})], props.align ? { align: props.align } : {}));
}

function matrixQuestion(form: CompiledForm, code: string, lines: string[], seq: Seq, out: Block[]): void {
  const q = form.question(code)!;
  const m = q.source.items.find((i): i is MatrixSource => i.kind === "matrix")!;
  pushPara(out, headerPara(lines[0]!, code));
  let i = 1;
  for (; i < lines.length && !lines[i]!.startsWith("\t"); i++) pushPara(out, plainPara(lines[i]!, code));
  const tableStart = i;
  // Find each row's first line.
  const rowStarts: number[] = [];
  let cursor = tableStart;
  const rows = m.rows.filter((r) => !r.heading);
  for (const r of rows) {
    const head = squash(r.label).slice(0, 10);
    let found = -1;
    for (let j = cursor; j < lines.length; j++) {
      const raw = lines[j]!;
      if (!raw.startsWith("\t")) continue;
      const content = squash(prep(raw).text.replace(/^\s*/, "").replace(/^\d+\.\s*/, ""));
      if (content.startsWith(head)) {
        found = j;
        break;
      }
    }
    if (found < 0) throw new Error(`${code}: row ${r.id} not found in the seed`);
    rowStarts.push(found);
    cursor = found + 1;
  }
  const header = headerCells(lines.slice(tableStart, rowStarts[0]));
  const groups = m.columnGroups ?? [];
  const nCols = m.columns.length;
  const size = TABLE_SIZE;
  const tableRows: Row[] = [];
  let widths: number[];
  const shade = "D9E2F3";
  const hcell = (texts: string[], width: number, extra: Partial<Cell> = {}): Cell => ({
    width,
    shade,
    vAlign: "center",
    paras: cellParas(texts, { bold: true, align: "center" }),
    ...extra,
  });

  type Layout = "boxes" | "pairs" | "labelled";
  let layout: Layout;
  if (groups.length === 0 && header.length === 1 + nCols) {
    layout = "boxes";
    const labelW = nCols >= 4 ? 3600 : 5200;
    widths = [labelW, ...Array.from({ length: nCols }, () => Math.floor((TEXT_WIDTH - labelW) / nCols))];
    tableRows.push({ header: true, cells: header.map((h, c) => hcell(h, widths[c]!)) });
  } else if (groups.length <= 1 && header.length === 2) {
    layout = "labelled";
    widths = [6200, ...Array.from({ length: nCols }, () => Math.floor((TEXT_WIDTH - 6200) / nCols))];
    tableRows.push({ header: true, cells: [hcell(header[0]!, widths[0]!), hcell(header[1]!, TEXT_WIDTH - widths[0]!, { span: nCols })] });
  } else if (groups.length > 0 && header.length === 1 + groups.length) {
    layout = "pairs";
    widths = [2800, ...groups.map(() => Math.floor((TEXT_WIDTH - 2800) / groups.length))];
    tableRows.push({ header: true, cells: header.map((h, c) => hcell(h, widths[c]!)) });
  } else if (groups.length > 0 && header.length === 1 + groups.length + 1 + nCols) {
    layout = "boxes";
    widths = [4000, ...Array.from({ length: nCols }, () => Math.floor((TEXT_WIDTH - 4000) / nCols))];
    const first: Cell[] = [hcell(header[0]!, widths[0]!, { vMerge: "restart" })];
    groups.forEach((g, gi) => {
      const span = m.columns.filter((c) => c.group === g.id).length;
      first.push(hcell(header[1 + gi]!, widths[1]! * span, { span }));
    });
    tableRows.push({ header: true, cells: first });
    const second: Cell[] = [hcell([], widths[0]!, { vMerge: "continue" })];
    header.slice(2 + groups.length).forEach((h, c) => second.push(hcell(h, widths[1 + c]!)));
    tableRows.push({ header: true, cells: second });
  } else {
    throw new Error(`${code}: unexpected matrix header (${header.length} cells)`);
  }

  rows.forEach((r, ri) => {
    const start = rowStarts[ri]!;
    const labelLines = [prep(lines[start]!).text.replace(/^\t/, "")];
    for (let j = start + 1; j < lines.length && !lines[j]!.startsWith("\t") && lines[j]!.trim() !== ""; j++) labelLines.push(lines[j]!);
    const label: Cell = { width: widths[0]!, paras: labelLines.map((l) => para(matchLine(l, seq))) };
    const rowId = `${code}:${m.id}.${r.id}`;
    const cells: Cell[] = [label];
    const box = (colId: string): Inline => ({ t: "box", field: `${rowId}@${colId}`, shape: "square" });
    if (layout === "pairs") {
      groups.forEach((g, gi) => {
        const cols = m.columns.filter((c) => c.group === g.id);
        const inl: Inline[] = [];
        cols.forEach((c, k) => {
          if (k > 0) inl.push(txt("        "));
          inl.push(box(c.id), txt(" "));
          const parts = c.label.split("เอกสาร");
          if (parts.length === 2) inl.push(txt(`${parts[0]}เอกสาร`), { t: "br" }, txt(parts[1]!));
          else inl.push(txt(c.label));
        });
        cells.push({ width: widths[1 + gi]!, vAlign: "center", paras: [para(inl)] });
      });
    } else {
      m.columns.forEach((c, k) => {
        const paras: Para[] = [para([box(c.id)], { align: "center" })];
        if (layout === "labelled") paras.push(para([txt(c.label)], { align: "center" }));
        const blanks = [...(c.blank ? [c.blank] : []), ...(r.blanks ?? []).filter((b) => b.column === c.id)];
        for (const b of blanks) {
          const id = `${rowId}@${c.id}.${b.id}`;
          const cut = b.label.indexOf("ในการ");
          if (cut > 0) paras.push(para([txt(b.label.slice(0, cut))]));
          paras.push(para([txt(`${cut > 0 ? b.label.slice(cut) : b.label} `), { t: "blank", field: id, printed: "_____" }, ...(b.suffix ? [txt(` ${b.suffix}`)] : [])]));
        }
        cells.push({ width: widths[1 + k]!, vAlign: "center", paras });
      });
    }
    tableRows.push({ cells });
  });
  out.push({ kind: "table", widths, rows: tableRows, size, q: code });
  // Lines after the last row: the rest of its label, its cells, then whatever follows (part headings, tags).
  let j = rowStarts[rowStarts.length - 1]! + 1;
  while (j < lines.length && !lines[j]!.startsWith("\t") && lines[j]!.trim() !== "") j++;
  const cellLine = (l: string) =>
    l.trim() === "" || l.startsWith("\t") || /^(ไม่มี|มี|หลักฐาน\)|\(แนบหลักฐาน\))\s*$/.test(l.trim()) || /^(โปรดระบุความถี่|ในการจัดอบรม)/.test(l.trim());
  while (j < lines.length && cellLine(lines[j]!)) j++;
  for (; j < lines.length; j++) pushPara(out, plainPara(lines[j]!, code));
}

/** P4.6: the participation grid with P4.6.1–P4.6.3 as rows and the digital channels as columns. */
function channelGrid(form: CompiledForm, lines: string[], out: Block[]): void {
  pushPara(out, headerPara(lines[0]!, "P4.6"));
  const firstRow = lines.findIndex((l) => l.startsWith("\tP4.6.1 "));
  const find = (needle: string): string => {
    const l = lines.slice(1, firstRow).find((x) => x.includes(needle));
    if (!l) throw new Error(`P4.6: "${needle}" not in the seed`);
    return l.trim();
  };
  const headTexts = {
    who: find("การมีส่วนร่วมของประชาชน"),
    action: find("การดำเนินการ"),
    channels: find("(เฉพาะเรื่องที่ตอบว่า"),
    digital: find("ช่องทางที่เป็นดิจิทัล"),
    kind: find("ประเภทของการมีส่วนร่วม"),
    cols: ["Website", "E-mail", "Line & Line@", "Social media", "อื่น ๆ"].map(find),
  };
  const widths = [1900, 1000, ...Array.from({ length: 5 }, () => Math.floor((TEXT_WIDTH - 2900) / 5))];
  const shade = "E2EFD9";
  const h = (t: string, width: number, extra: Partial<Cell> = {}): Cell => ({ width, shade, vAlign: "center", paras: [para([txt(t, { bold: true })], { align: "center" })], ...extra });
  const rows: Row[] = [
    { header: true, cells: [h(headTexts.who, widths[0]!), h(headTexts.action, widths[1]!, { vMerge: "restart" }), h(headTexts.channels, widths[2]! * 5, { span: 5 })] },
    { header: true, cells: [h(headTexts.kind, widths[0]!), h("", widths[1]!, { vMerge: "continue" }), h(headTexts.digital, widths[2]! * 5, { span: 5 })] },
    { header: true, cells: [h("", widths[0]!), h("", widths[1]!, { vMerge: "continue" }), ...headTexts.cols.map((c, k) => h(c, widths[2 + k]!))] },
  ];
  let last = 0;
  for (const code of ["P4.6.1", "P4.6.2", "P4.6.3"]) {
    const at = lines.findIndex((l) => l.startsWith(`\t${code} `));
    if (at < 0) throw new Error(`${code}: row not found in the seed`);
    last = at;
    const q = form.question(code)!;
    const seq = new Seq(code, q.fields);
    const no = seq.take((f) => f.id === `${code}:no`);
    const yes = seq.take((f) => f.id === `${code}:yes`);
    const cells: Cell[] = [
      { width: widths[0]!, paras: [para([txt(code, { bold: true }), txt(lines[at]!.trim().slice(code.length))])] },
      {
        width: widths[1]!,
        paras: [para([{ t: "box", field: no.id, shape: "circle" }, txt(" ไม่มี")]), para([{ t: "box", field: yes.id, shape: "circle" }, txt(" มี")])],
      },
    ];
    for (let k = 0; k < 5; k++) {
      const channel = seq.take((f) => f.kind === "option", "a channel");
      const blank = seq.take((f) => f.kind === "blank" && f.parent === channel.id, "the channel's blank");
      const word = blank.blankType === "url" ? "URL" : "โปรดระบุ";
      cells.push({
        width: widths[2 + k]!,
        paras: [para([{ t: "box", field: channel.id, shape: "square" }, txt(` ${word}`), { t: "blank", field: blank.id, printed: blank.blankType === "url" ? "_" : "________" }])],
      });
    }
    if (!seq.done) throw new Error(`${code}: grid left ${seq.peek()!.id}`);
    rows.push({ cells });
  }
  out.push({ kind: "table", widths, rows, size: 12, q: "P4.6" });
  let j = last + 1;
  while (j < lines.length && (lines[j]!.startsWith("\t") || lines[j]!.trim() === "")) j++;
  for (; j < lines.length; j++) pushPara(out, plainPara(lines[j]!, "P4.6"));
}
