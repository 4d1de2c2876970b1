/**
 * Random but valid answer sets from the form definition: one choice in a single-choice set, one or more in a
 * multiple-choice set, nested options only under a checked parent, blanks filled only under their checked option,
 * one mark per matrix row (per column group), entries up to their maximum, skip rules respected, and only the
 * questions the agency answers. Deliberate mistakes (for the validation work) are injected on request and recorded.
 */
import type { CompiledForm, CompiledQuestion, FieldDef } from "../../src/form/compile.js";
import type { ItemSource, MatrixSource, SelectMode } from "../../src/form/schema.js";
import type { Rng } from "./prng.js";
import { type Agency, FIRST_NAMES, LAST_NAMES, POSITIONS, PROVINCE, type Typed, typedPhone, toThaiDigits } from "./thai.js";
import { type ValueContext, valueFor } from "./values.js";

export type MistakeCode =
  /** Two marks in a set where only one answer is allowed. */
  | "multiple_marks_single"
  /** An option is checked but its "โปรดระบุ…" blank is empty. */
  | "empty_specify"
  /** A question is answered although an earlier answer says to skip it ("ข้ามไปข้อ …"). */
  | "answered_after_skip"
  /** An agency answered a question that only the provincial office (สำนักงานจังหวัด) answers. */
  | "answered_other_respondent";

export interface Mistake {
  code: MistakeCode;
  field: string;
}

export interface AnswerSet {
  agency: Agency;
  general: Record<string, Typed>;
  checked: Set<string>;
  values: Map<string, Typed>;
  mistakes: Mistake[];
}

/** Groups answered only when an option of the same question is checked (in-question skips of P2.2.1.2). */
const CONDITIONAL_GROUPS: Record<string, string> = {
  "P2.2.1.2:i3_1": "P2.2.1.2:i3.yes",
  "P2.2.1.2:i3_2": "P2.2.1.2:i3.yes",
  "P2.2.1.2:i3_3": "P2.2.1.2:i3.no",
};

/** Skip sources used for the "answered after skip" mistake, provincial office first (G1 → G4). */
const SKIP_SOURCES = ["G1:no", "P2.2.1.1:no", "P2.2.3.1:no", "P4.2.2:no", "P5.2:no"];

/** Provincial-office questions an agency sometimes answers anyway. */
const CROSS_QUESTIONS = ["P1.3", "P1.6", "P4.5.1", "P5.3", "P6.1"];

export interface AnswerOptions {
  agency: Agency;
  mistakes: MistakeCode[];
  /**
   * Optional steering (the inbox generator uses it to make answers plausible for one agency): a weight factor for
   * an option or matrix cell id; 0 never picks it, STEER_ALWAYS (or more) always picks it, undefined or 1 leaves
   * the odds as they are. Without `steer` the generator behaves exactly as before.
   */
  steer?: (id: string) => number | undefined;
  /** With the "answered_other_respondent" mistake: the provincial-office question the agency answers anyway. */
  crossQuestion?: string;
}

/** Steering factor that forces an option or cell. */
export const STEER_ALWAYS = 1000;

export function generateAnswers(form: CompiledForm, rng: Rng, options: AnswerOptions): AnswerSet {
  for (let attempt = 0; attempt < 40; attempt++) {
    const set = tryGenerate(form, rng.fork(`attempt${attempt}`), options);
    if (set) return set;
  }
  throw new Error(`could not inject mistakes ${options.mistakes.join(", ")} for ${options.agency.key}`);
}

function respondentAnswers(agency: Agency, q: CompiledQuestion): boolean {
  return q.answeredBy !== "provincial_office" || agency.provincialOffice;
}

function tryGenerate(form: CompiledForm, rng: Rng, options: AnswerOptions): AnswerSet | undefined {
  const { agency } = options;
  const checked = new Set<string>();
  const values = new Map<string, Typed>();
  const mistakes: Mistake[] = [];
  const vctx: ValueContext = { rng: rng.fork("values"), agency, numbers: new Map(), used: new Map() };
  const force = new Map<string, string>();

  let skipSource: string | undefined;
  if (options.mistakes.includes("answered_after_skip")) {
    const candidates = SKIP_SOURCES.filter((id) => respondentAnswers(agency, form.question(id.split(":")[0]!)!));
    skipSource = agency.provincialOffice ? "G1:no" : rng.pick(candidates);
    const f = form.field(skipSource)!;
    force.set(f.set!, skipSource);
  }
  let cross: string | undefined;
  if (options.mistakes.includes("answered_other_respondent") && !agency.provincialOffice) {
    cross = rng.pick(CROSS_QUESTIONS);
    if (options.crossQuestion) cross = options.crossQuestion;
  }

  /** Question code → the checked option that says to skip it. */
  const skipped = new Map<string, string>();
  const order = form.questions.map((q) => q.code);
  for (const q of form.questions) {
    if (q.source.heading) continue;
    const asked = respondentAnswers(agency, q) || q.code === cross;
    if (!asked) continue;
    const ignoreSkip = skipSource !== undefined && skipped.get(q.code) === skipSource;
    if (skipped.has(q.code) && !ignoreSkip) continue;
    if (q.source.askedWhen && !checked.has(q.source.askedWhen) && !ignoreSkip) continue;
    const qr = rng.fork(q.code);
    walk(q.source.items, { q, prefix: `${q.code}:`, set: `${q.code}:`, select: q.source.select ?? "single", rng: qr }, {
      checked,
      values,
      vctx,
      force,
      ...(options.steer ? { steer: options.steer } : {}),
    });
    if (ignoreSkip) mistakes.push({ code: "answered_after_skip", field: q.code });
    if (q.code === cross) mistakes.push({ code: "answered_other_respondent", field: q.code });
    for (const f of q.fields) {
      if (f.kind !== "option" || !f.skipTo || !checked.has(f.id)) continue;
      const to = order.indexOf(f.skipTo);
      if (to < 0) continue;
      for (let i = order.indexOf(q.code) + 1; i < to; i++) if (!skipped.has(order[i]!)) skipped.set(order[i]!, f.id);
    }
  }
  if (skipSource && !mistakes.some((m) => m.code === "answered_after_skip")) return undefined;

  if (options.mistakes.includes("multiple_marks_single")) {
    const extra = secondMark(form, checked, rng.fork("double"));
    if (!extra) return undefined;
    checked.add(extra);
    mistakes.push({ code: "multiple_marks_single", field: extra });
  }
  if (options.mistakes.includes("empty_specify")) {
    const candidates = [...values.keys()].filter((id) => {
      const f = form.field(id)!;
      if (f.optional || f.entry || !f.parent || form.field(f.parent)?.kind !== "option") return false;
      return /โปรดระบุ|ระบุ/.test(f.label) && checked.has(f.parent);
    });
    if (candidates.length === 0) return undefined;
    const drop = rng.pick(candidates);
    values.delete(drop);
    mistakes.push({ code: "empty_specify", field: drop });
  }

  const general = generalBlock(rng.fork("general"), agency);
  return { agency, general, checked, values, mistakes };
}

interface WalkCtx {
  q: CompiledQuestion;
  prefix: string;
  set: string;
  select: SelectMode;
  rng: Rng;
}

interface Sink {
  checked: Set<string>;
  values: Map<string, Typed>;
  vctx: ValueContext;
  force: Map<string, string>;
  steer?: (id: string) => number | undefined;
}

/** The steering factor of a full option/cell id (1 without steering). */
function factor(sink: Sink, id: string): number {
  return sink.steer?.(id) ?? 1;
}

function optionWeight(item: Extract<ItemSource, { kind: "option" }>): number {
  let w = item.children && item.children.length > 0 ? 1.6 : 1;
  if (item.id === "unknown") w *= 0.4;
  if (item.id === "not_relevant" || item.id === "exempt") w *= 0.4;
  if (item.skipTo) w *= 0.6;
  return w;
}

function walk(items: ItemSource[], ctx: WalkCtx, sink: Sink): void {
  const { rng } = ctx;
  const options = items.filter((i): i is Extract<ItemSource, { kind: "option" }> => i.kind === "option");
  const chosen = new Set<string>();
  if (options.length > 0) {
    const forced = sink.force.get(ctx.set);
    const others = items.some((i) => i.kind !== "option" && i.kind !== "note");
    if (forced) {
      chosen.add(forced.slice(ctx.prefix.length));
    } else if (!sink.steer) {
      if (ctx.select === "single") {
        if (!others || rng.chance(0.85)) chosen.add(rng.weighted(options.map((o) => [o.id, optionWeight(o)] as const)));
      } else {
        for (const o of options) if (rng.chance(o.id === "other" ? 0.25 : 0.5)) chosen.add(o.id);
        if (chosen.size === 0 && (!others || rng.chance(0.3))) chosen.add(rng.pick(options.filter((o) => o.id !== "other").length > 0 ? options.filter((o) => o.id !== "other") : options).id);
      }
    } else {
      steeredChoice(options, ctx, sink, others, chosen);
    }
  }
  // Entry counts first, so a "จำนวน ____" blank before the list can agree with the list.
  const entryCounts = new Map<string, number>();
  for (const item of items) {
    if (item.kind !== "entries") continue;
    const topLevel = ctx.prefix === `${ctx.q.code}:`;
    const n = topLevel ? rng.weighted([[0, 0.3], [1, 0.3], [2, 0.25], [3, 0.15]] as const) : rng.int(1, Math.min(item.max, rng.chance(0.5) ? 2 : item.max));
    entryCounts.set(item.id, Math.min(n, item.max));
    sink.vctx.numbers.set(`${ctx.q.code}.min`, Math.min(n, item.max));
  }
  for (const item of items) {
    switch (item.kind) {
      case "note":
        break;
      case "option": {
        if (!chosen.has(item.id)) break;
        const id = ctx.prefix + item.id;
        sink.checked.add(id);
        if (item.children) walk(item.children, { ...ctx, prefix: `${id}.`, set: id, select: item.select ?? "single", rng: rng.fork(item.id) }, sink);
        break;
      }
      case "blank": {
        const id = ctx.prefix + item.id;
        const field = ctx.q.fields.find((f) => f.id === id)!;
        const underOption = field.parent !== undefined;
        if (!underOption && !rng.chance(0.65)) break;
        if (item.optional && !rng.chance(0.6)) break;
        const value = valueFor(field, sink.vctx);
        if (value.text !== "") sink.values.set(id, value);
        break;
      }
      case "group": {
        const id = ctx.prefix + item.id;
        const condition = CONDITIONAL_GROUPS[id];
        if (condition && !sink.checked.has(condition)) break;
        if (condition) {
          // Blanks of a conditional group are all answered.
          walkGroupAll(item.children, { ...ctx, prefix: `${id}.`, set: id, select: item.select ?? "single", rng: rng.fork(item.id) }, sink);
        } else {
          walk(item.children, { ...ctx, prefix: `${id}.`, set: id, select: item.select ?? "single", rng: rng.fork(item.id) }, sink);
        }
        break;
      }
      case "entries": {
        const n = entryCounts.get(item.id) ?? 0;
        for (let i = 1; i <= n; i++) {
          const prefix = `${ctx.prefix}${item.id}.${i}.`;
          walkEntry(item.fields, { ...ctx, prefix, set: `${ctx.prefix}${item.id}.${i}`, rng: rng.fork(`${item.id}${i}`) }, sink);
        }
        break;
      }
      case "matrix":
        answerMatrix(item, ctx, sink);
        break;
    }
  }
}

/** Choosing with steering: forced options first, never-options left out (an empty set stays empty). */
function steeredChoice(options: Extract<ItemSource, { kind: "option" }>[], ctx: WalkCtx, sink: Sink, others: boolean, chosen: Set<string>): void {
  const { rng } = ctx;
  const f = (o: { id: string }) => factor(sink, ctx.prefix + o.id);
  const always = options.filter((o) => f(o) >= STEER_ALWAYS);
  const open = options.filter((o) => f(o) > 0);
  if (ctx.select === "single") {
    const answer = !others || rng.chance(0.85) || always.length > 0;
    if (always.length > 0) chosen.add(always[0]!.id);
    else if (answer && open.length > 0) chosen.add(rng.weighted(open.map((o) => [o.id, optionWeight(o) * f(o)] as const)));
    return;
  }
  for (const o of options) {
    const take = rng.chance(o.id === "other" ? 0.25 : 0.5);
    if (f(o) >= STEER_ALWAYS || (take && f(o) > 0)) chosen.add(o.id);
  }
  const fallback = open.filter((o) => o.id !== "other");
  if (chosen.size === 0 && (!others || rng.chance(0.3)) && (fallback.length > 0 || open.length > 0)) chosen.add(rng.pick(fallback.length > 0 ? fallback : open).id);
}

function walkGroupAll(items: ItemSource[], ctx: WalkCtx, sink: Sink): void {
  const blanks = items.filter((i) => i.kind === "blank");
  if (blanks.length === 0) return walk(items, ctx, sink);
  for (const b of blanks) {
    const id = ctx.prefix + b.id;
    const value = valueFor(ctx.q.fields.find((f) => f.id === id)!, sink.vctx);
    sink.values.set(id, value);
  }
  walk(items.filter((i) => i.kind !== "blank"), ctx, sink);
}

/** One entry: every blank filled, except P7.1's process lines which depend on "นำมาปรับใช้แล้ว". */
function walkEntry(fields: ItemSource[], ctx: WalkCtx, sink: Sink): void {
  const { rng } = ctx;
  const adoptedId = `${ctx.prefix}status.adopted`;
  let processes = 0;
  for (const item of fields) {
    if (item.kind === "group") {
      walk(item.children, { ...ctx, prefix: `${ctx.prefix}${item.id}.`, set: `${ctx.prefix}${item.id}`, select: item.select ?? "single", rng: rng.fork(item.id) }, sink);
      if (sink.checked.has(adoptedId)) processes = rng.int(1, 4);
      continue;
    }
    if (item.kind !== "blank") {
      walk([item], ctx, sink);
      continue;
    }
    const id = ctx.prefix + item.id;
    const process = /^process_(\d)$/.exec(item.id);
    if (process && Number(process[1]) > processes) continue;
    if (item.id === "evidence" && fields.some((f) => f.kind === "group") && !sink.checked.has(adoptedId)) continue;
    if (item.optional && !rng.chance(0.6)) continue;
    const value = valueFor(ctx.q.fields.find((f) => f.id === id)!, sink.vctx);
    if (value.text !== "") sink.values.set(id, value);
  }
}

function columnWeight(id: string): number {
  if (id === "exempt") return 0.25;
  if (id === "none") return 0.7;
  if (id === "done" || id === "yes" || id.endsWith("_yes")) return 1.6;
  return 1;
}

function answerMatrix(m: MatrixSource, ctx: WalkCtx, sink: Sink): void {
  const base = ctx.prefix + m.id;
  for (const row of m.rows) {
    if (row.heading) continue;
    const rowId = `${base}.${row.id}`;
    const groups = m.columnGroups?.map((g) => g.id) ?? [undefined];
    const picked: string[] = [];
    for (const g of groups) {
      const cols = m.columns.filter((c) => c.group === g);
      const weights = cols.map((c) => [c.id, row.blanks?.some((b) => !b.column) ? (c.id === "yes" ? 0.35 : 1) : columnWeight(c.id)] as const);
      if (!sink.steer) {
        picked.push(ctx.rng.weighted(weights));
        continue;
      }
      const steered = weights.map(([id, w]) => [id, w * factor(sink, `${rowId}@${id}`)] as const);
      const always = steered.find(([, w]) => w >= STEER_ALWAYS * 0.1);
      const open = steered.filter(([, w]) => w > 0);
      picked.push(always ? always[0] : ctx.rng.weighted(open.length > 0 ? open : weights));
    }
    for (const col of picked) {
      const cellId = `${rowId}@${col}`;
      sink.checked.add(cellId);
      const column = m.columns.find((c) => c.id === col)!;
      const blanks = [...(column.blank ? [column.blank] : []), ...(row.blanks ?? []).filter((b) => b.column === col)];
      for (const b of blanks) {
        const id = `${cellId}.${b.id}`;
        sink.values.set(id, valueFor(ctx.q.fields.find((f) => f.id === id)!, sink.vctx));
      }
    }
    for (const b of (row.blanks ?? []).filter((b) => !b.column)) {
      if (!picked.includes("yes")) continue;
      const id = `${rowId}.${b.id}`;
      sink.values.set(id, valueFor(ctx.q.fields.find((f) => f.id === id)!, sink.vctx));
    }
  }
}

/** A second option in a single-choice set that already has one answer (two marks where one is allowed). */
function secondMark(form: CompiledForm, checked: Set<string>, rng: Rng): string | undefined {
  const bySet = new Map<string, FieldDef[]>();
  for (const f of form.fields) {
    if ((f.kind !== "option" && f.kind !== "cell") || f.select !== "single" || !f.set) continue;
    const list = bySet.get(f.set) ?? [];
    list.push(f);
    bySet.set(f.set, list);
  }
  const candidates: string[] = [];
  for (const [, fields] of bySet) {
    if (fields.filter((f) => checked.has(f.id)).length !== 1) continue;
    // Prefer options with nothing nested, so the second mark adds no dangling answers.
    for (const f of fields) {
      if (checked.has(f.id)) continue;
      if (form.fields.some((g) => g.parent === f.id)) continue;
      candidates.push(f.id);
    }
  }
  return candidates.length > 0 ? rng.pick(candidates) : undefined;
}

function generalBlock(rng: Rng, agency: Agency): Record<string, Typed> {
  const plain = (text: string): Typed => ({ text, truth: text });
  const out: Record<string, Typed> = {
    province: plain(PROVINCE),
    office_location: plain(`${agency.name} ${agency.address}`),
    first_name: plain(rng.pick(FIRST_NAMES)),
    last_name: plain(rng.pick(LAST_NAMES)),
    position: plain(rng.pick(POSITIONS)),
    office_phone: typedPhone(rng, "office"),
    mobile_phone: typedPhone(rng, "mobile"),
  };
  if (rng.chance(0.7)) {
    const ext = String(rng.int(100, 2999));
    const text = rng.chance(0.3) ? toThaiDigits(ext) : ext;
    out.extension = { text, truth: ext };
  }
  const user = rng.pick(["saraban", "it", "ict", "plan", "admin", "info", `${agency.key.split("-")[0]}.cmi`]);
  const email = rng.chance(0.7) ? `${user}.chiangmai@${agency.domain}` : `${agency.key.replace(/-/g, "")}.cm${rng.int(1, 99)}@gmail.com`;
  out.email = plain(email);
  return out;
}
