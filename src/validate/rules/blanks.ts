/** Blanks and repeated entries: "please specify" filled when its option is checked; entries where the form asks. */
import type { FieldDef } from "../../form/compile.js";
import { CROSS_FIELD_CONSTRAINTS } from "../constraints.js";
import type { ValidationContext } from "../context.js";
import { numberOf } from "./numbers.js";
import { entryHasValue, labelOf } from "./util.js";

/**
 * Column ids that answer "no" (docs/form-ids.md: recurring answers use the same words): an "other" row marked
 * ไม่มี needs no specifying.
 */
const NEGATIVE_COLUMNS = new Set(["no", "none", "not_started"]);

/**
 * A blank that must be filled is empty: under a checked option or cell ("อื่น ๆ โปรดระบุ ____", "โปรดระบุเหตุผล"),
 * in a matrix row marked other than ไม่มี ("งานด้านอื่น ๆ ____"), or in an in-question region whose skip was not taken.
 * Optional blanks, evidence blanks (the evidence rule covers them) and entry fields (the entry rules) are left out.
 */
export function specifyBlanks(ctx: ValidationContext): void {
  const rowBlankOf = new Map<string, string>();
  for (const set of ctx.model.sets.values()) for (const b of set.rowBlanks ?? []) rowBlankOf.set(b, set.id);

  for (const q of ctx.form.questions) {
    if (!ctx.checksStructure(q)) continue;
    for (const f of q.fields) {
      if (f.kind !== "blank" || f.optional || f.evidence || f.entry || !ctx.checksValues(f)) continue;
      if (ctx.value(f.id) !== undefined || ctx.regionUndecided.has(f.id)) continue;
      const rowSet = rowBlankOf.get(f.id);
      const needed = f.parent
        ? ctx.checked(f.parent)
        : rowSet
          ? ctx.marks(rowSet).some((m) => !NEGATIVE_COLUMNS.has(m.cell?.column ?? ""))
          : ctx.regionRequired.has(f.id);
      if (!needed) continue;
      ctx.push({
        code: "specify_missing",
        severity: "error",
        question: f.question,
        field: f.id,
        data: { label: labelOf(f), ...(f.parent ? { parent: f.parent } : {}) },
      });
    }
  }
}

/** A checked option that asks for a list ("มี โปรดระบุ รายละเอียด (ไม่เกิน 5 โครงการ)") with no entry filled. */
export function entriesMissing(ctx: ValidationContext): void {
  for (const group of ctx.model.entries.values()) {
    const q = ctx.form.question(group.question);
    if (!q || !group.parent || !ctx.checked(group.parent) || !ctx.checksStructure(q)) continue;
    if (group.entries.some((fields) => entryHasValue(ctx, fields))) continue;
    // "จำนวน ____ บริการ (ถ้าไม่มีให้ระบุ 0 บริการ) โปรดระบุชื่อบริการ": with a count given, the count rule decides.
    const counted = CROSS_FIELD_CONSTRAINTS.some((c) => c.kind === "entries_match_count" && c.entries === group.id && numberOf(ctx, c.count) !== undefined);
    if (counted) continue;
    ctx.push({
      code: "entries_missing",
      severity: "error",
      question: group.question,
      field: group.parent,
      data: { label: group.label, max: group.max },
    });
  }
}

/**
 * An entry with something in it but a required field empty (a project without its result, a dataset without its
 * URL). Blanks that repeat the same label inside an entry are alternatives (P7.1's four "กระบวนการทำงาน/โครงการ")
 * and are not required one by one; optional and evidence blanks are left out.
 */
export function entryFields(ctx: ValidationContext): void {
  for (const group of ctx.model.entries.values()) {
    const q = ctx.form.question(group.question);
    if (!q || !ctx.checksStructure(q)) continue;
    if (group.parent && !ctx.checked(group.parent)) continue;
    group.entries.forEach((fields, i) => {
      if (!entryHasValue(ctx, fields) || !fields.every((f) => ctx.checksValues(f))) return;
      const missing = fields.filter(
        (f) => f.kind === "blank" && !f.optional && !isEvidenceBlank(f) && uniqueLabel(f, fields) && ctx.value(f.id) === undefined,
      );
      if (missing.length === 0) return;
      ctx.push({
        code: "entry_incomplete",
        severity: "warning",
        question: group.question,
        field: missing[0]!.id,
        data: { label: group.label, index: i + 1, missing: missing.map(labelOf), fields: missing.map((f) => f.id) },
      });
    });
  }
}

/** A blank that is itself the evidence slot ("แนบเอกสารหลักฐาน____"), as opposed to a field of an evidence entry. */
function isEvidenceBlank(f: FieldDef): boolean {
  return f.evidence && /หลักฐาน/u.test(f.label);
}

function uniqueLabel(f: FieldDef, fields: readonly FieldDef[]): boolean {
  return fields.filter((o) => o.kind === "blank" && o.label === f.label).length === 1;
}
