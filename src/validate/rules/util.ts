/** Small helpers shared by the rules. */
import type { FieldDef } from "../../form/compile.js";
import type { ValidationContext } from "../context.js";

/** A field's printed label for messages: blanks' underscores shown as "…", cells as "row — column". */
export function labelOf(f: FieldDef): string {
  const clean = (s: string) => s.replace(/_{2,}/g, "…").replace(/\s+/g, " ").trim();
  return f.kind === "cell" && f.columnLabel ? `${clean(f.label)} — ${clean(f.columnLabel)}` : clean(f.label);
}

export function labelOfId(ctx: ValidationContext, id: string): string {
  const f = ctx.form.field(id);
  return f ? labelOf(f) : id;
}

/** The typed text of a blank as the respondent wrote it (raw before normalisation when there is one). */
export function typed(ctx: ValidationContext, id: string): string {
  const item = ctx.item(id);
  if (!item) return "";
  return item.raw ?? String(item.value);
}

/** Whether any field of an entry has an answer. */
export function entryHasValue(ctx: ValidationContext, fields: readonly FieldDef[]): boolean {
  return fields.some((f) => ctx.checked(f.id) || ctx.value(f.id) !== undefined);
}

/** The question text, shortened for a message. */
export function questionText(ctx: ValidationContext, code: string): string {
  return ctx.form.question(code)?.source.text ?? "";
}
