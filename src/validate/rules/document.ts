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
