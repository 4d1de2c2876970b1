/**
 * The questionnaire body as WordprocessingML, from the form definition. With an empty fill it is the blank form
 * offices fill in; with answers it is the clean submission copy. Every checkbox and blank is a content control
 * tagged with its field id, so our own copies read back exactly.
 */
import type { CompiledForm } from "../form/compile.js";
import type { ItemSource, MatrixSource, QuestionSource, SelectMode } from "../form/schema.js";
import {
  type CellSpec,
  checkbox,
  IdCounter,
  paragraph,
  run,
  table,
  textControl,
} from "./ooxml.js";

/** What is filled in: nothing for the blank template, an answer document for a clean copy. */
export interface FillState {
  isChecked(fieldId: string): boolean;
  valueOf(fieldId: string): string | undefined;
  /** A short line printed under a question's answers (the province copy's "ที่มา: …"). */
  noteAfter?(questionCode: string): string | undefined;
}

export const EMPTY_FILL: FillState = { isChecked: () => false, valueOf: () => undefined };

/** Usable text width on A4 with the template's margins, in twips. */
export const TEXT_WIDTH = 9360;
const INDENT_STEP = 425;
const SMALL = 14;
const NOTE_COLOR = "404040";
const AFTER_COLOR = "1F4E79";
const BLANK_MARK = /_{3,}|\.{4,}|…{2,}/;

interface Ctx {
  ids: IdCounter;
  fill: FillState;
  /** The field-id prefix at this level: "G1:" or "G1:no.". */
  prefix: string;
  select: SelectMode;
  depth: number;
  /** Text size in points inside tables (smaller than the 16 pt body so columns stay readable). */
  size?: number;
}

export function renderQuestionnaireBody(form: CompiledForm, fill: FillState = EMPTY_FILL): string {
  const ids = new IdCounter();
  const file = form.file;
  const out: string[] = [];
  out.push(paragraph(run(file.title, { bold: true, size: 18 }), { align: "center", spaceAfter: 240 }));
  out.push(paragraph(run("แบบสำรวจประกอบด้วยคำถาม 2 ประเภท คือ", { bold: true })));
  out.push(paragraph(run("1) คำถามปลายปิด คือ คำถามแบบให้เลือกตอบในตัวเลือกที่กำหนดไว้แล้ว"), { indent: INDENT_STEP }));
  out.push(paragraph(run(file.legend.text), { indent: INDENT_STEP * 2 }));
  out.push(
    paragraph(run("2) คำถามปลายเปิด คือ คำถามที่เว้นช่องว่างสำหรับกรอกข้อความเพื่อกรอกรายละเอียดของคำตอบ"), {
      indent: INDENT_STEP,
      spaceAfter: 240,
    }),
  );
  out.push(generalBlock(form, ids, fill));
  out.push(pillarTable(form));

  let indicator = "";
  let pillar = -1;
  for (const q of form.questions) {
    const source = q.source;
    if (q.pillar !== pillar && q.code.startsWith("P")) {
      const part = file.parts?.find((p) => p.pillar === q.pillar);
      if (part) out.push(paragraph(run(part.title, { bold: true, size: 18 }), { pageBreakBefore: true, keepNext: true, spaceAfter: 120 }));
      pillar = q.pillar;
    }
    if (source.indicator !== indicator) {
      const name = file.pillars.flatMap((p) => p.indicators).find((i) => i.code === source.indicator)?.name ?? "";
      out.push(paragraph(run(`[${source.indicator} ${name}]`, { bold: true }), { keepNext: true }));
      indicator = source.indicator;
    }
    out.push(question(form, source, ids, fill));
  }
  return out.join("");
}

function generalBlock(form: CompiledForm, ids: IdCounter, fill: FillState): string {
  const { general } = form.file;
  const lines = [paragraph(run(general.title, { bold: true }), { keepNext: true })];
  for (const field of general.fields) {
    const tag = `general:${field.id}`;
    lines.push(paragraph(run(`${field.label} `) + textControl(ids, tag, fill.valueOf(tag), field.label), { indent: INDENT_STEP }));
  }
  return lines.join("");
}

function pillarTable(form: CompiledForm): string {
  const widths = [3900, TEXT_WIDTH - 3900];
  const rows: CellSpec[][] = [
    [
      { content: paragraph(run("ตัวชี้วัด", { bold: true }), { align: "center" }), width: widths[0]!, shade: "D9E2F3" },
      { content: paragraph(run("วัตถุประสงค์", { bold: true }), { align: "center" }), width: widths[1]!, shade: "D9E2F3" },
    ],
  ];
  for (const p of form.file.pillars) {
    rows.push([
      {
        content: paragraph(run(`${p.number}. ${p.titleTh} (${p.titleEn}) จำนวนร้อยละ ${p.weight}`, { bold: true })),
        width: TEXT_WIDTH,
        span: 2,
        shade: "F2F2F2",
      },
    ]);
    for (const i of p.indicators) {
      rows.push([
        { content: paragraph(run(`${i.code} ${i.name}${i.fromParentDepartment ? "*" : ""}`), { indent: 200 }), width: widths[0]! },
        { content: paragraph(run(i.objective ?? "")), width: widths[1]! },
      ]);
    }
  }
  return (
    paragraph(run("ตัวชี้วัดและวัตถุประสงค์", { bold: true }), { keepNext: true, pageBreakBefore: true }) +
    table(widths, rows, 1) +
    paragraph(run("หมายเหตุ : * คือ ตัวชี้วัดที่นำคะแนนมาจากกรมต้นสังกัด", { size: SMALL, color: NOTE_COLOR }))
  );
}

function question(form: CompiledForm, q: QuestionSource, ids: IdCounter, fill: FillState): string {
  const out: string[] = [];
  const who = form.file.respondents[q.answeredBy];
  out.push(
    paragraph(run(`${q.code} `, { bold: true }) + run(q.text) + run(`  (ผู้ตอบ: ${who})`, { size: SMALL, color: NOTE_COLOR }), {
      keepNext: true,
      spaceAfter: 60,
      hanging: 0,
    }),
  );
  for (const example of q.examples ?? []) out.push(note(example, true));
  if (q.markKeyText) out.push(note(`หมายเหตุ ${form.file.evidenceNote}`));
  for (const text of q.notes ?? []) out.push(note(text));
  out.push(...items(q.items, { ids, fill, prefix: `${q.code}:`, select: q.select ?? "single", depth: 1 }));
  const after = fill.noteAfter?.(q.code);
  if (after) out.push(paragraph(run(after, { size: SMALL, color: AFTER_COLOR }), { indent: INDENT_STEP }));
  out.push(paragraph("", { spaceAfter: 120 }));
  return out.join("");
}

function note(text: string, italic = false): string {
  return paragraph(run(text, { size: SMALL, italic, color: NOTE_COLOR }), { indent: INDENT_STEP });
}

/** Renders a list of items as paragraphs (and tables) at one nesting depth. */
function items(list: ItemSource[], ctx: Ctx): string[] {
  const out: string[] = [];
  const indent = ctx.depth * INDENT_STEP;
  for (const item of list) {
    switch (item.kind) {
      case "note":
        out.push(paragraph(run(item.text, { size: SMALL, color: NOTE_COLOR }), { indent }));
        break;
      case "blank": {
        const id = ctx.prefix + item.id;
        out.push(paragraph(blankInline(ctx, id, item.label, item.suffix), { indent }));
        break;
      }
      case "option": {
        const id = ctx.prefix + item.id;
        const children = item.children ?? [];
        const blanks = children.filter((c) => c.kind === "blank");
        const rest = children.filter((c) => c.kind !== "blank");
        const box = checkbox(ctx.ids, id, ctx.select, ctx.fill.isChecked(id), item.label);
        out.push(paragraph(`${box}${run(" ")}${labelWithBlanks(ctx, item.label, blanks, `${id}.`)}`, { indent, hanging: 360 }));
        if (rest.length > 0) {
          out.push(...items(rest, { ...ctx, prefix: `${id}.`, select: item.select ?? "single", depth: ctx.depth + 1 }));
        }
        break;
      }
      case "group":
        if (item.label) out.push(paragraph(run(item.label), { indent, keepNext: true }));
        out.push(
          ...items(item.children, {
            ...ctx,
            prefix: `${ctx.prefix}${item.id}.`,
            select: item.select ?? "single",
            depth: ctx.depth + (item.label ? 1 : 0),
          }),
        );
        break;
      case "entries":
        out.push(entriesTable(item, ctx));
        break;
      case "matrix":
        out.push(matrixTable(item, ctx));
        break;
    }
  }
  return out;
}

function blankInline(ctx: Ctx, id: string, label: string, suffix?: string): string {
  return (
    run(label ? `${label} ` : "", textStyle(ctx)) +
    textControl(ctx.ids, id, ctx.fill.valueOf(id), label) +
    (suffix ? run(` ${suffix}`, textStyle(ctx)) : "")
  );
}

/**
 * An option label with its blanks in the printed places: each "____" in the label is the next blank child.
 * Blanks without a place in the label follow it.
 */
function labelWithBlanks(ctx: Ctx, label: string, blanks: ItemSource[], prefix: string): string {
  const pieces = label.split(BLANK_MARK);
  let html = "";
  let next = 0;
  pieces.forEach((piece, i) => {
    html += run(piece, textStyle(ctx));
    if (i < pieces.length - 1) {
      const blank = blanks[next++];
      html += blank && blank.kind === "blank" ? textControl(ctx.ids, prefix + blank.id, ctx.fill.valueOf(prefix + blank.id), blank.label) : run("____");
    }
  });
  for (const blank of blanks.slice(next)) {
    if (blank.kind === "blank") html += run("  ", textStyle(ctx)) + blankInline(ctx, prefix + blank.id, blank.label, blank.suffix);
  }
  return html;
}

function textStyle(ctx: Ctx): { size?: number } {
  return ctx.size ? { size: ctx.size } : {};
}

function entriesTable(e: Extract<ItemSource, { kind: "entries" }>, ctx: Ctx): string {
  const group = ctx.prefix + e.id;
  const numberWidth = 500;
  const fieldWidth = Math.floor((TEXT_WIDTH - ctx.depth * INDENT_STEP - numberWidth) / e.fields.length);
  const widths = [numberWidth, ...e.fields.map(() => fieldWidth)];
  const header: CellSpec[] = [
    { content: paragraph(run("ที่", { bold: true }), { align: "center" }), width: numberWidth, shade: "F2F2F2" },
    ...e.fields.map((f) => ({
      content: paragraph(run(fieldTitle(f), { bold: true }), { align: "center" }),
      width: fieldWidth,
      shade: "F2F2F2",
    })),
  ];
  const rows: CellSpec[][] = [header];
  for (let n = 1; n <= e.max; n++) {
    const prefix = `${group}.${n}.`;
    rows.push([
      { content: paragraph(run(`${n}.`), { align: "center" }), width: numberWidth },
      ...e.fields.map((f) => ({
        content:
          f.kind === "blank"
            ? paragraph(textControl(ctx.ids, prefix + f.id, ctx.fill.valueOf(prefix + f.id), f.label))
            : items([f], { ...ctx, prefix, depth: 0 }).join(""),
        width: fieldWidth,
      })),
    ]);
  }
  const title = paragraph(run(e.label + (e.evidence ? " (แนบเอกสารหลักฐาน)" : "")), {
    indent: ctx.depth * INDENT_STEP,
    keepNext: true,
  });
  return title + indentTable(table(widths, rows, 1), ctx.depth);
}

function fieldTitle(item: ItemSource): string {
  switch (item.kind) {
    case "note":
      return item.text;
    case "blank":
    case "option":
    case "group":
    case "entries":
    case "matrix":
      return item.label;
  }
}

function matrixTable(m: MatrixSource, ctx: Ctx): string {
  const base = ctx.prefix + m.id;
  const available = TEXT_WIDTH - Math.max(0, ctx.depth - 1) * INDENT_STEP;
  const colWidth = Math.min(1700, Math.floor((available - 3000) / m.columns.length));
  const labelWidth = available - colWidth * m.columns.length;
  const widths = [labelWidth, ...m.columns.map(() => colWidth)];
  const head = (text: string, width: number, span?: number): CellSpec => ({
    content: paragraph(run(text, { bold: true, size: SMALL }), { align: "center" }),
    width,
    shade: "D9E2F3",
    vAlign: "center",
    ...(span ? { span } : {}),
  });
  const rows: CellSpec[][] = [];
  const groups = m.columnGroups ?? [];
  if (groups.length > 0) {
    const row: CellSpec[] = [head("", labelWidth)];
    for (const g of groups) {
      const span = m.columns.filter((c) => c.group === g.id).length;
      row.push(head(g.label, colWidth * span, span));
    }
    rows.push(row);
  }
  rows.push([head(m.label, labelWidth), ...m.columns.map((c) => head(c.label, colWidth))]);
  for (const r of m.rows) {
    const rowId = `${base}.${r.id}`;
    const rowBlanks = (r.blanks ?? []).filter((b) => !b.column);
    const label = (r.number ? `${r.number}. ` : "") + r.label;
    const labelXml = paragraph(labelWithBlanks({ ...ctx, size: SMALL }, label, rowBlanks, `${rowId}.`));
    if (r.heading) {
      rows.push([{ content: labelXml, width: available, span: m.columns.length + 1, shade: "F2F2F2" }]);
      continue;
    }
    const cells: CellSpec[] = [{ content: labelXml, width: labelWidth }];
    for (const c of m.columns) {
      const cellId = `${rowId}@${c.id}`;
      const mode: SelectMode = groups.find((g) => g.id === c.group)?.select ?? m.select;
      const blanks = [...(c.blank ? [c.blank] : []), ...(r.blanks ?? []).filter((b) => b.column === c.id)];
      const blankXml = blanks
        .map((b) => paragraph(blankInline({ ...ctx, size: SMALL }, `${cellId}.${b.id}`, b.label, b.suffix)))
        .join("");
      cells.push({
        content: paragraph(checkbox(ctx.ids, cellId, mode, ctx.fill.isChecked(cellId), `${r.label} — ${c.label}`), { align: "center" }) + blankXml,
        width: colWidth,
        vAlign: "center",
      });
    }
    rows.push(cells);
  }
  return indentTable(table(widths, rows, groups.length > 0 ? 2 : 1), ctx.depth - 1);
}

/** Tables sit at the nesting depth of the item; Word indents a table with tblInd. */
function indentTable(xml: string, depth: number): string {
  if (depth <= 0) return xml;
  return xml.replace("<w:tblPr>", `<w:tblPr><w:tblInd w:w="${depth * INDENT_STEP}" w:type="dxa"/>`);
}
