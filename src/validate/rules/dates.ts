/**
 * Dates: date blanks hold a date (Thai month names or abbreviations, BE or CE years, Thai digits; a whole month is
 * accepted), and a question with a period in the form file (`periods.G2`: 12 มิ.ย. 66 – 11 มิ.ย. 67) has its dates in
 * that period when any is given.
 */
import type { ValidationContext } from "../context.js";
import { dateWithin, findDates, readDate, type FoundDate } from "../values.js";
import { labelOf, typed } from "./util.js";

export function dateBlanks(ctx: ValidationContext): void {
  for (const f of ctx.form.fields) {
    if (f.kind !== "blank" || f.blankType !== "date" || !ctx.checksValues(f)) continue;
    const v = ctx.value(f.id);
    if (v === undefined) continue;
    if (typeof v === "string" && readDate(v)) continue;
    ctx.push({ code: "date_invalid", severity: "warning", question: f.question, field: f.id, data: { label: labelOf(f), value: typed(ctx, f.id) } });
  }
}

/**
 * Dates written in a question's answers (a date blank, or inside a text such as G2's "มติการประชุม หรือ รายละเอียด")
 * must fall in the question's period. Several dates may be written (the order that appointed the committee, the
 * meeting): the answer is questioned only when none of them is in the period.
 */
export function periods(ctx: ValidationContext): void {
  for (const [code, period] of Object.entries(ctx.form.file.periods ?? {})) {
    const q = ctx.form.question(code);
    if (!q || !ctx.answered(code)) continue;
    const found: { field: string; date: FoundDate }[] = [];
    for (const f of q.fields) {
      if (f.kind !== "blank" || !ctx.checksValues(f)) continue;
      const v = ctx.value(f.id);
      if (typeof v !== "string") continue;
      const dates = f.blankType === "date" ? [readDate(v)].filter((d): d is FoundDate => d !== null) : findDates(v);
      for (const date of dates) found.push({ field: f.id, date });
    }
    if (found.length === 0 || found.some(({ date }) => dateWithin(date, period.from, period.to))) continue;
    const first = ctx.form.field(found[0]!.field)!;
    ctx.push({
      code: "date_out_of_period",
      severity: "warning",
      question: code,
      field: first.id,
      data: {
        label: labelOf(first),
        dates: found.map(({ date }) => date.text),
        period: period.label,
        from: period.from,
        to: period.to,
      },
    });
  }
}
