/**
 * Numbers: counts are non-negative whole numbers, percentages 0–100, a score not above its "คะแนนเต็ม" (`maxOf` in
 * the form file), and the cross-field constraints of ../constraints.ts (a part not above its whole, sample size > 0,
 * as many services named as counted).
 */
import type { FieldDef } from "../../form/compile.js";
import { CROSS_FIELD_CONSTRAINTS, constraintFields } from "../constraints.js";
import type { ValidationContext } from "../context.js";
import { readNumber } from "../values.js";
import { labelOf, labelOfId, typed } from "./util.js";

const NUMERIC = new Set(["integer", "number", "percent"]);

/** The number in a blank, or undefined (empty, unreadable, or in a skipped part). */
export function numberOf(ctx: ValidationContext, id: string): number | undefined {
  const f = ctx.form.field(id);
  const v = ctx.value(id);
  if (!f || v === undefined || !ctx.checksValues(f)) return undefined;
  return readNumber(v, ctx.model.blanks.get(id)?.suffix) ?? undefined;
}

export function numberShapes(ctx: ValidationContext): void {
  for (const f of ctx.form.fields) {
    if (f.kind !== "blank" || !NUMERIC.has(f.blankType ?? "") || !ctx.checksValues(f)) continue;
    const v = ctx.value(f.id);
    if (v === undefined) continue;
    const n = readNumber(v, ctx.model.blanks.get(f.id)?.suffix);
    const base = { question: f.question, field: f.id };
    const data = { label: labelOf(f), value: typed(ctx, f.id) };
    if (n === null) ctx.push({ ...base, code: "not_a_number", severity: "error", data });
    else if (n < 0) ctx.push({ ...base, code: "negative_number", severity: "error", data });
    else if (f.blankType === "integer" && !Number.isInteger(n)) ctx.push({ ...base, code: "not_whole_number", severity: "error", data });
    else if (f.blankType === "percent" && n > 100) ctx.push({ ...base, code: "percent_out_of_range", severity: "error", data });
    else scoreMax(ctx, f, n);
  }
}

/** "ระดับคะแนน ____ จากคะแนนเต็ม ____": the score's `maxOf` names its sibling blank. */
function scoreMax(ctx: ValidationContext, f: FieldDef, score: number): void {
  const maxOf = ctx.model.blanks.get(f.id)?.maxOf;
  if (!maxOf) return;
  const maxId = f.id.replace(/[^.:]+$/u, maxOf);
  const max = numberOf(ctx, maxId);
  if (max === undefined || score <= max) return;
  ctx.push({
    code: "score_above_max",
    severity: "error",
    question: f.question,
    field: f.id,
    data: { label: labelOf(f), score, max, maxField: maxId },
  });
}

export function crossField(ctx: ValidationContext): void {
  for (const c of CROSS_FIELD_CONSTRAINTS) {
    const ids = constraintFields(c);
    if (!ids.every((id) => ctx.form.field(id) || ctx.model.entries.has(id))) continue;
    switch (c.kind) {
      case "at_most": {
        const value = numberOf(ctx, c.field);
        const total = numberOf(ctx, c.atMost);
        if (value === undefined || total === undefined || value <= total) break;
        const f = ctx.form.field(c.field)!;
        ctx.push({
          code: "count_exceeds_total",
          severity: "error",
          question: f.question,
          field: c.field,
          data: {
            label: labelOf(f),
            value,
            total,
            totalField: c.atMost,
            totalQuestion: ctx.form.field(c.atMost)!.question,
            totalLabel: labelOfId(ctx, c.atMost),
          },
        });
        break;
      }
      case "positive": {
        const value = numberOf(ctx, c.field);
        if (value === undefined || value > 0) break;
        const f = ctx.form.field(c.field)!;
        ctx.push({ code: "number_not_positive", severity: "error", question: f.question, field: c.field, data: { label: labelOf(f), value } });
        break;
      }
      case "entries_match_count": {
        const count = numberOf(ctx, c.count);
        const group = ctx.model.entries.get(c.entries)!;
        if (count === undefined || !Number.isInteger(count) || count < 0) break;
        if (group.parent && !ctx.checked(group.parent)) break;
        const named = group.entries.filter((fields) => fields.some((f) => f.id.endsWith(`.${c.key}`) && ctx.value(f.id) !== undefined)).length;
        const expected = Math.min(count, group.max);
        if (named === expected) break;
        const f = ctx.form.field(c.count)!;
        ctx.push({
          code: "count_mismatch_entries",
          severity: "warning",
          question: f.question,
          field: c.count,
          data: { label: group.label, count, named, expected, max: group.max },
        });
        break;
      }
    }
  }
}
