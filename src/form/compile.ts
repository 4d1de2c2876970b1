/**
 * Turns a validated form file into the model every stage uses: each question with a flat, ordered list of
 * fields (options, blanks, matrix cells, entry fields) carrying full stable ids.
 */
import type {
  BlankType,
  ExpectSource,
  FormFile,
  ItemSource,
  MatrixSource,
  QuestionSource,
  Respondent,
  SelectMode,
} from "./schema.js";

export type FieldKind = "option" | "blank" | "cell";

export interface FieldDef {
  /** Full stable id, e.g. "P1.1:done.i7", "P1.2:status.r1@done", "G3:yes.projects.2.name". */
  id: string;
  question: string;
  kind: FieldKind;
  /** Printed label (option text, words before a blank, row label for cells). */
  label: string;
  /** For cells: the column's printed label. */
  columnLabel?: string;
  /** Id of the option/cell this field depends on (a blank under an option, a nested option). */
  parent?: string;
  /** Options and cells: the id of the set they are chosen within, and how. */
  set?: string;
  select?: SelectMode;
  evidence: boolean;
  blankType?: BlankType;
  /** Printed words right after a blank ("บริการ", "ครั้งต่อปี"). */
  suffix?: string;
  optional?: boolean;
  skipTo?: string;
  /** Entry fields: which repeated group and which instance (1-based). */
  entry?: { group: string; index: number };
  /** Matrix cells: matrix, row and column local ids. */
  cell?: { matrix: string; row: string; column: string; group?: string };
  /** The printed number of an option ("7", "A.1.1"). */
  number?: string;
  /**
   * What its evidence must show, level by level from the question down to the field itself (the audit merges them);
   * absent when no level says anything.
   */
  expect?: ExpectSource[];
}

export interface CompiledQuestion {
  source: QuestionSource;
  code: string;
  pillar: number;
  answeredBy: Respondent;
  fields: FieldDef[];
}

export interface CompiledForm {
  file: FormFile;
  questions: CompiledQuestion[];
  question(code: string): CompiledQuestion | undefined;
  field(id: string): FieldDef | undefined;
  /** All fields in printed order. */
  fields: FieldDef[];
}

export class FormDefinitionError extends Error {
  constructor(
    readonly formId: string,
    readonly problems: string[],
  ) {
    super(`form ${formId}: ${problems.length} problem(s):\n  ${problems.join("\n  ")}`);
    this.name = "FormDefinitionError";
  }
}

export function compileForm(file: FormFile): CompiledForm {
  const problems: string[] = [];
  const indicatorPillar = new Map<string, number>();
  for (const pillar of file.pillars) {
    for (const indicator of pillar.indicators) indicatorPillar.set(indicator.code, pillar.number);
  }

  const questions: CompiledQuestion[] = file.questions.map((q) => {
    const pillar = indicatorPillar.get(q.indicator);
    if (pillar === undefined) problems.push(`${q.code}: unknown indicator ${q.indicator}`);
    const fields: FieldDef[] = [];
    walkItems(
      q.items,
      { question: q.code, prefix: `${q.code}:`, set: `${q.code}:`, select: q.select ?? "single", expect: layers([], q.expect) },
      fields,
    );
    return { source: q, code: q.code, pillar: pillar ?? 0, answeredBy: q.answeredBy, fields };
  });

  const byCode = new Map<string, CompiledQuestion>();
  for (const q of questions) {
    if (byCode.has(q.code)) problems.push(`duplicate question code ${q.code}`);
    byCode.set(q.code, q);
  }
  const byId = new Map<string, FieldDef>();
  for (const q of questions) {
    for (const f of q.fields) {
      if (byId.has(f.id)) problems.push(`duplicate field id ${f.id}`);
      byId.set(f.id, f);
    }
  }
  for (const q of questions) {
    if (q.source.parent && !byCode.has(q.source.parent)) problems.push(`${q.code}: unknown parent ${q.source.parent}`);
    if (q.source.askedWhen && !byId.has(q.source.askedWhen)) {
      problems.push(`${q.code}: askedWhen names unknown field ${q.source.askedWhen}`);
    }
    for (const f of q.fields) {
      if (f.skipTo && !byCode.has(f.skipTo) && !localNumbers(q.source.items).has(f.skipTo)) {
        problems.push(`${f.id}: skip target ${f.skipTo} is neither a question nor a numbered item of ${q.code}`);
      }
    }
    if (!q.source.heading && q.fields.length === 0) problems.push(`${q.code}: no fields and not a heading`);
    for (const f of q.fields) {
      for (const e of f.expect ?? []) {
        if (typeof e.dateWithin === "string" && !file.periods?.[e.dateWithin]) {
          problems.push(`${f.id}: expect.dateWithin names unknown period ${e.dateWithin}`);
        }
      }
    }
  }
  if (problems.length > 0) throw new FormDefinitionError(file.id, problems);

  const fields = questions.flatMap((q) => q.fields);
  return {
    file,
    questions,
    fields,
    question: (code) => byCode.get(code),
    field: (id) => byId.get(id),
  };
}

/** Printed numbers of options and groups inside a question: targets of in-question skips ("ข้ามไปข้อ (3.3)"). */
function localNumbers(items: ItemSource[], into = new Set<string>()): Set<string> {
  for (const item of items) {
    if ((item.kind === "option" || item.kind === "group") && item.number) into.add(item.number);
    if (item.kind === "option" && item.children) localNumbers(item.children, into);
    if (item.kind === "group") localNumbers(item.children, into);
  }
  return into;
}

interface WalkContext {
  question: string;
  /** Id prefix for items at this level ("P1.1:" or "P1.1:done."). */
  prefix: string;
  /** The choice set options at this level belong to. */
  set: string;
  select: SelectMode;
  parent?: string;
  entry?: { group: string; index: number };
  /** Inside entries printed with "(แนบเอกสารหลักฐาน)": every field of an entry shares the entry's evidence need. */
  entryEvidence?: boolean;
  /** Expectation levels from the question down to this level. */
  expect: ExpectSource[];
}

/** The levels so far plus this item's own expectation, when it has one. */
function layers(outer: ExpectSource[], own: ExpectSource | undefined): ExpectSource[] {
  return own ? [...outer, own] : outer;
}

/** `expect` for a field: present only when some level has one (keeps compiled fields and their JSON small). */
function expectProp(levels: ExpectSource[]): { expect?: ExpectSource[] } {
  return levels.length > 0 ? { expect: levels } : {};
}

function walkItems(items: ItemSource[], ctx: WalkContext, out: FieldDef[]): void {
  for (const item of items) {
    switch (item.kind) {
      case "note":
        break;
      case "option": {
        const id = ctx.prefix + item.id;
        out.push({
          id,
          question: ctx.question,
          kind: "option",
          label: item.label,
          set: ctx.set,
          select: ctx.select,
          evidence: (item.evidence ?? false) || (ctx.entryEvidence ?? false),
          ...optionalProps({ parent: ctx.parent, entry: ctx.entry, skipTo: item.skipTo, number: item.number }),
          ...expectProp(layers(ctx.expect, item.expect)),
        });
        if (item.children) {
          walkItems(
            item.children,
            { ...ctx, prefix: `${id}.`, set: id, select: item.select ?? "single", parent: id, expect: layers(ctx.expect, item.expect) },
            out,
          );
        }
        break;
      }
      case "blank":
        out.push({
          id: ctx.prefix + item.id,
          question: ctx.question,
          kind: "blank",
          label: item.label,
          evidence: (item.evidence ?? false) || (ctx.entryEvidence ?? false),
          blankType: item.type,
          ...optionalProps({ parent: ctx.parent, entry: ctx.entry, optional: item.optional, suffix: item.suffix }),
          ...expectProp(layers(ctx.expect, item.expect)),
        });
        break;
      case "group": {
        const id = ctx.prefix + item.id;
        walkItems(
          item.children,
          { ...ctx, prefix: `${id}.`, set: id, select: item.select ?? "single", expect: layers(ctx.expect, item.expect) },
          out,
        );
        break;
      }
      case "entries": {
        const group = ctx.prefix + item.id;
        for (let index = 1; index <= item.max; index++) {
          walkItems(
            item.fields,
            {
              ...ctx,
              prefix: `${group}.${index}.`,
              set: `${group}.${index}`,
              entry: { group, index },
              entryEvidence: (item.evidence ?? false) || (ctx.entryEvidence ?? false),
              expect: layers(ctx.expect, item.expect),
            },
            out,
          );
        }
        break;
      }
      case "matrix":
        walkMatrix(item, ctx, out);
        break;
    }
  }
}

function walkMatrix(m: MatrixSource, ctx: WalkContext, out: FieldDef[]): void {
  const base = ctx.prefix + m.id;
  for (const row of m.rows) {
    if (row.heading) continue;
    const rowId = `${base}.${row.id}`;
    const rowExpect = layers(ctx.expect, row.expect);
    for (const blank of row.blanks ?? []) {
      if (blank.column) continue;
      out.push({
        id: `${rowId}.${blank.id}`,
        question: ctx.question,
        kind: "blank",
        label: blank.label,
        evidence: blank.evidence ?? false,
        blankType: blank.type,
        ...optionalProps({ parent: ctx.parent, optional: blank.optional, suffix: blank.suffix }),
        ...expectProp(layers(rowExpect, blank.expect)),
      });
    }
    for (const col of m.columns) {
      const cellId = `${rowId}@${col.id}`;
      const cellExpect = layers(rowExpect, col.expect);
      const groupSelect = m.columnGroups?.find((g) => g.id === col.group)?.select;
      out.push({
        id: cellId,
        question: ctx.question,
        kind: "cell",
        label: row.label,
        columnLabel: col.label,
        set: col.group ? `${rowId}@${col.group}` : rowId,
        select: groupSelect ?? m.select,
        evidence: col.evidence ?? false,
        cell: { matrix: m.id, row: row.id, column: col.id, ...(col.group ? { group: col.group } : {}) },
        ...optionalProps({ parent: ctx.parent, number: row.number }),
        ...expectProp(cellExpect),
      });
      const blanks = [
        ...(col.blank ? [col.blank] : []),
        ...(row.blanks ?? []).filter((b) => b.column === col.id),
      ];
      for (const blank of blanks) {
        out.push({
          id: `${cellId}.${blank.id}`,
          question: ctx.question,
          kind: "blank",
          label: blank.label,
          parent: cellId,
          evidence: blank.evidence ?? false,
          blankType: blank.type,
          ...optionalProps({ optional: blank.optional, suffix: blank.suffix }),
          ...expectProp(layers(cellExpect, blank.expect)),
        });
      }
    }
  }
}

/** Drops undefined values so optional properties stay absent (exactOptionalPropertyTypes-friendly, smaller JSON). */
function optionalProps<T extends Record<string, unknown>>(props: T): Partial<T> {
  return Object.fromEntries(Object.entries(props).filter(([, v]) => v !== undefined)) as Partial<T>;
}
