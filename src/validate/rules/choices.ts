/**
 * Choices: one mark in each single-choice set (matrix rows: per row, or per row and column group), a mark where one
 * is needed, and nested options or blanks only under a checked parent.
 */
import type { ValidationContext } from "../context.js";
import type { ChoiceSet } from "../model.js";
import { labelOf, labelOfId } from "./util.js";

function setLabel(ctx: ValidationContext, set: ChoiceSet): string {
  if (set.label) return set.label.replace(/_{2,}/g, "…");
  return set.parent ? labelOfId(ctx, set.parent) : "";
}

/** A single-choice set (○) with more than one mark. */
export function singleChoice(ctx: ValidationContext): void {
  for (const set of ctx.model.sets.values()) {
    if (set.select !== "single") continue;
    const marks = ctx.marks(set.id);
    if (marks.length < 2 || !ctx.checksValues(marks[0]!)) continue;
    ctx.push({
      code: "choice_multiple",
      severity: "error",
      question: set.question,
      field: marks[0]!.id,
      data: { set: set.id, label: setLabel(ctx, set), count: marks.length, labels: marks.map((m) => (m.kind === "cell" ? (m.columnLabel ?? labelOf(m)) : labelOf(m))), fields: marks.map((m) => m.id) },
    });
  }
}

/** Whether a set applies: the question is answered and checked for completeness, its parent (if any) is checked. */
function setApplies(ctx: ValidationContext, set: ChoiceSet): boolean {
  const q = ctx.form.question(set.question);
  if (!q || set.inEntry || !ctx.checksStructure(q)) return false;
  if (set.parent && !ctx.checked(set.parent)) return false;
  return set.members.every((m) => !ctx.skippedFields.has(m.id) && !ctx.regionUndecided.has(m.id));
}

/**
 * A single-choice set of options with no mark in an answered question: the question's own choice, a group
 * ("A. ระบบคลาวด์กลางภาครัฐ": ไม่ได้ใช้ / ใช้), or the sub-choice of a checked option.
 * Unanswered questions get `required_missing` instead.
 */
export function choiceMissing(ctx: ValidationContext): void {
  for (const set of ctx.model.sets.values()) {
    if (set.kind !== "option" || set.select !== "single" || !setApplies(ctx, set)) continue;
    if (ctx.marks(set.id).length > 0) continue;
    ctx.push({
      code: "choice_missing",
      severity: "error",
      question: set.question,
      ...(set.parent ? { field: set.parent } : {}),
      data: { set: set.id, label: setLabel(ctx, set) },
    });
  }
}

/** A checked option whose sub-options are chosen several at a time (□), none of them checked. */
export function subChoiceMissing(ctx: ValidationContext): void {
  for (const set of ctx.model.sets.values()) {
    if (set.kind !== "option" || set.select !== "multiple" || !set.parent || !setApplies(ctx, set)) continue;
    if (ctx.marks(set.id).length > 0) continue;
    ctx.push({
      code: "sub_choice_missing",
      severity: "warning",
      question: set.question,
      field: set.parent,
      data: { set: set.id, label: labelOfId(ctx, set.parent) },
    });
  }
}

/**
 * A matrix row (or a row's column group) with no mark in an answered question ("ต้องตอบทุกข้อ"). Rows that carry
 * their own blank ("งานด้านอื่น ๆ ____ (โปรดระบุ)") are optional unless that blank is filled.
 */
export function matrixRows(ctx: ValidationContext): void {
  for (const set of ctx.model.sets.values()) {
    if (set.kind !== "cell" || set.select !== "single" || !setApplies(ctx, set)) continue;
    if (ctx.marks(set.id).length > 0) continue;
    if (set.rowBlanks && !set.rowBlanks.some((b) => ctx.value(b) !== undefined)) continue;
    ctx.push({
      code: "matrix_row_missing",
      severity: "error",
      question: set.question,
      data: { set: set.id, row: (set.label ?? "").replace(/_{2,}/g, "…"), group: set.groupLabel ?? "" },
    });
  }
}

/**
 * Nested answers need their parent: a checked sub-option under an unchecked option is an error (which answer is
 * meant cannot be told); a blank typed under an unchecked option is a warning (the text will not count).
 */
export function nestedParents(ctx: ValidationContext): void {
  for (const f of ctx.form.fields) {
    if (!f.parent || ctx.checked(f.parent) || !ctx.checksValues(f)) continue;
    if ((f.kind === "option" || f.kind === "cell") && ctx.checked(f.id)) {
      ctx.push({
        code: "nested_without_parent",
        severity: "error",
        question: f.question,
        field: f.id,
        data: { label: labelOf(f), parent: f.parent, parentLabel: labelOfId(ctx, f.parent) },
      });
    } else if (f.kind === "blank" && ctx.value(f.id) !== undefined) {
      ctx.push({
        code: "blank_without_parent",
        severity: "warning",
        question: f.question,
        field: f.id,
        data: { label: labelOf(f), parent: f.parent, parentLabel: labelOfId(ctx, f.parent) },
      });
    }
  }
}
