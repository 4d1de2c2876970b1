/** The document as a whole: the right form, and only fields the form has (repeated entries within their limit). */
import type { ValidationContext } from "../context.js";
import { DOCUMENT } from "../types.js";

/** The answers were read against another form edition than the one validating them. */
export function formMismatch(ctx: ValidationContext): void {
  if (ctx.doc.form && ctx.doc.form !== ctx.form.file.id) {
    ctx.push({ code: "form_mismatch", severity: "warning", question: DOCUMENT, data: { docForm: ctx.doc.form, form: ctx.form.file.id } });
  }
}

/**
 * What the reader of a scanned copy could not decide — a box with a little ink, handwriting on a blank — for a person
 * to look at on the page: one issue each, under the question answered nearest before it on the page.
 */
export function readerChecks(ctx: ValidationContext): void {
  for (const w of ctx.doc.warnings) {
    if (w.code !== "mark_uncertain" && w.code !== "handwriting_not_read") continue;
    const page = w.location?.page;
    const at = w.location?.box;
    if (page === undefined || !at) continue;
    const top = at[1];
    const before = ctx.doc.answers
      .filter((a) => a.location.page !== undefined && a.location.box !== undefined)
      .filter((a) => a.location.page! < page || (a.location.page === page && a.location.box![1] <= top + 2))
      .sort((a, b) => a.location.page! - b.location.page! || a.location.box![1] - b.location.box![1])
      .at(-1);
    const box = at.map(Math.round).join(",");
    const question = before?.question ?? DOCUMENT;
    ctx.push({ code: w.code, severity: "warning", question, data: { page, box } });
  }
}

/**
 * Answer items whose field the form does not have. An entry numbered beyond its group's printed room ("ไม่เกิน 5
 * โครงการ": G3:yes.projects.6.name) is `entry_limit_exceeded` (one per group); anything else `unknown_field`.
 */
export function unknownFields(ctx: ValidationContext): void {
  const over = new Map<string, { field: string; count: number }>();
  for (const [field, items] of ctx.items) {
    if (ctx.form.field(field)) continue;
    const group = [...ctx.model.entries.values()].find((g) => field.startsWith(`${g.id}.`));
    const index = group ? Number(/^(\d+)\./.exec(field.slice(group.id.length + 1))?.[1]) : NaN;
    if (group && Number.isInteger(index) && index > group.max) {
      const seen = over.get(group.id);
      if (!seen) over.set(group.id, { field, count: index });
      else seen.count = Math.max(seen.count, index);
      continue;
    }
    const item = items[0]!;
    ctx.push({
      code: "unknown_field",
      severity: "warning",
      question: item.question || field.split(":")[0]!,
      field,
      data: { label: item.label },
    });
  }
  for (const [id, { field, count }] of over) {
    const group = ctx.model.entries.get(id)!;
    ctx.push({
      code: "entry_limit_exceeded",
      severity: "error",
      question: group.question,
      field,
      data: { label: group.label, max: group.max, count },
    });
  }
}
