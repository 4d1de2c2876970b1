/**
 * What the rules need to know about a form beyond the compiled field list: choice sets with their parent and mode,
 * groups and repeated entries with their labels and limits, matrix rows, score maxima, and in-question skip regions.
 * Built once per compiled form by walking the form file with the same id scheme as src/form/compile.ts.
 */
import type { CompiledForm, CompiledQuestion, FieldDef } from "../form/compile.js";
import type { BlankSource, ItemSource, MatrixSource, SelectMode } from "../form/schema.js";

export interface ChoiceSet {
  id: string;
  question: string;
  select: SelectMode;
  /** The option (or cell) the set sits under; undefined for the question's own sets, top-level groups and matrix rows. */
  parent?: string;
  /** The options or cells of the set, in printed order. */
  members: FieldDef[];
  kind: "option" | "cell";
  /** Inside a repeated entry (never required by itself). */
  inEntry: boolean;
  /** A group's label, a matrix row's label (cells). */
  label?: string;
  /** For matrix rows with column groups: the group's label. */
  groupLabel?: string;
  /** Matrix rows that carry their own blank ("งานด้านอื่น ๆ ____"): only required when that blank is filled. */
  rowBlanks?: string[];
}

export interface EntriesGroup {
  id: string;
  question: string;
  label: string;
  max: number;
  parent?: string;
  /** Field ids of each entry (index 1…max). */
  entries: FieldDef[][];
}

export interface SkipRegion {
  /** The option that skips. */
  by: string;
  /** The printed number it skips to ("3.3"). */
  target: string;
  /** Fields passed over when the option is chosen. */
  fields: string[];
}

export interface FormModel {
  form: CompiledForm;
  sets: Map<string, ChoiceSet>;
  entries: Map<string, EntriesGroup>;
  blanks: Map<string, BlankSource>;
  /** Question order, for sorting and skip ranges. */
  questionIndex: Map<string, number>;
  fieldIndex: Map<string, number>;
  /** In-question skips ("ไม่มี (ข้ามไปข้อ (3.3))") by the skipping option's id. */
  localSkips: Map<string, SkipRegion>;
}

const cache = new WeakMap<CompiledForm, FormModel>();

export function formModel(form: CompiledForm): FormModel {
  const cached = cache.get(form);
  if (cached) return cached;
  const model: FormModel = {
    form,
    sets: new Map(),
    entries: new Map(),
    blanks: new Map(),
    questionIndex: new Map(form.questions.map((q, i) => [q.code, i])),
    fieldIndex: new Map(form.fields.map((f, i) => [f.id, i])),
    localSkips: new Map(),
  };
  const groupLabels = new Map<string, string>();
  const rowInfo = new Map<string, { label: string; blanks: string[]; groupLabels: Map<string, string> }>();

  for (const q of form.questions) {
    const numbers = new Map<string, string>();
    walk(q.source.items, `${q.code}:`, undefined, (kind, id, item, parent) => {
      if (kind === "blank") model.blanks.set(id, item as BlankSource);
      if (kind === "group") groupLabels.set(id, (item as { label: string }).label);
      if ((kind === "group" || kind === "option") && "number" in item && item.number) numbers.set(item.number, id);
      if (kind === "entries") {
        const e = item as { label: string; max: number };
        model.entries.set(id, { id, question: q.code, label: e.label, max: e.max, ...(parent ? { parent } : {}), entries: [] });
      }
      if (kind === "matrix") {
        const m = item as MatrixSource;
        const groups = new Map((m.columnGroups ?? []).map((g) => [g.id, g.label]));
        for (const row of m.rows) {
          const rowId = `${id}.${row.id}`;
          const blanks = (row.blanks ?? []).filter((b) => !b.column).map((b) => `${rowId}.${b.id}`);
          for (const b of row.blanks ?? []) {
            if (b.column) model.blanks.set(`${rowId}@${b.column}.${b.id}`, b);
            else model.blanks.set(`${rowId}.${b.id}`, b);
          }
          for (const col of m.columns) if (col.blank) model.blanks.set(`${rowId}@${col.id}.${col.blank.id}`, col.blank);
          rowInfo.set(rowId, { label: row.label, blanks, groupLabels: groups });
        }
      }
    });

    for (const f of q.fields) {
      if (f.entry) {
        const group = model.entries.get(f.entry.group);
        if (group) (group.entries[f.entry.index - 1] ??= []).push(f);
      }
      if ((f.kind !== "option" && f.kind !== "cell") || !f.set) continue;
      let set = model.sets.get(f.set);
      if (!set) {
        set = {
          id: f.set,
          question: q.code,
          select: f.select ?? "single",
          members: [],
          kind: f.kind,
          inEntry: f.entry !== undefined,
          ...(f.parent ? { parent: f.parent } : {}),
        };
        if (f.kind === "cell" && f.cell) {
          const rowId = f.set.split("@")[0]!;
          const info = rowInfo.get(rowId);
          if (info) {
            set.label = info.label;
            if (f.cell.group) set.groupLabel = info.groupLabels.get(f.cell.group) ?? f.cell.group;
            if (info.blanks.length > 0) set.rowBlanks = info.blanks;
          }
        } else {
          const label = groupLabels.get(f.set);
          if (label) set.label = label;
        }
        model.sets.set(f.set, set);
      }
      set.members.push(f);
    }

    for (const f of q.fields) {
      if (f.kind === "option" && f.skipTo && !model.questionIndex.has(f.skipTo)) {
        const target = numbers.get(f.skipTo);
        if (target) model.localSkips.set(f.id, { by: f.id, target: f.skipTo, fields: localSkipRegion(q, f, target, model) });
      }
    }
  }
  cache.set(form, model);
  return model;
}

type Visit = (kind: ItemSource["kind"], id: string, item: ItemSource, parent: string | undefined) => void;

/** The same id scheme as compile.ts: options and groups extend the prefix, entries repeat it per index. */
function walk(items: ItemSource[], prefix: string, parent: string | undefined, visit: Visit): void {
  for (const item of items) {
    const id = prefix + item.id;
    visit(item.kind, id, item, parent);
    switch (item.kind) {
      case "option":
        if (item.children) walk(item.children, `${id}.`, id, visit);
        break;
      case "group":
        walk(item.children, `${id}.`, parent, visit);
        break;
      case "entries":
        for (let index = 1; index <= item.max; index++) walk(item.fields, `${id}.${index}.`, parent, visit);
        break;
      default:
        break;
    }
  }
}

/**
 * The fields passed over by an in-question skip: everything printed after the skipping option's own set (its
 * siblings and their sub-items) up to the target item.
 */
function localSkipRegion(q: CompiledQuestion, option: FieldDef, target: string, model: FormModel): string[] {
  const siblings = model.sets.get(option.set ?? "")?.members.map((m) => m.id) ?? [option.id];
  const within = (id: string, root: string) => id === root || id.startsWith(`${root}.`) || id.startsWith(`${root}@`);
  const start = q.fields.findIndex((f) => f.id === option.id);
  const out: string[] = [];
  for (const f of q.fields.slice(start + 1)) {
    if (within(f.id, target)) break;
    if (siblings.some((s) => within(f.id, s))) continue;
    out.push(f.id);
  }
  return out;
}
