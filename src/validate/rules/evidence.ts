/**
 * Evidence: every checked option or matrix cell that says "(แนบเอกสารหลักฐาน)", every evidence blank whose option is
 * checked and every filled entry of an evidence list needs at least one evidence file linked to its question
 * ("ระบุ URL หรือแนบเอกสารหลักฐาน": a URL given in that place also satisfies it). Files whose key text is known not to
 * be marked are reported: an error where the question carries the mark-key-text note, a warning elsewhere.
 */
import type { FieldDef } from "../../form/compile.js";
import type { ValidationContext } from "../context.js";
import { DOCUMENT } from "../types.js";
import { looksLikeUrl, parseUrl } from "../values.js";
import { entryHasValue, labelOf } from "./util.js";

/** The fields of a question that call for evidence, given its answers. */
export function evidenceNeeds(ctx: ValidationContext, fields: readonly FieldDef[]): FieldDef[] {
  const needs: FieldDef[] = [];
  for (const f of fields) {
    if (!f.evidence || !ctx.checksValues(f)) continue;
    if (f.kind === "option" || f.kind === "cell") {
      if (ctx.checked(f.id)) needs.push(f);
      continue;
    }
    if (f.entry) {
      const group = ctx.model.entries.get(f.entry.group);
      const entry = group?.entries[f.entry.index - 1] ?? [];
      if ((!f.parent || ctx.checked(f.parent)) && entryHasValue(ctx, entry)) needs.push(f);
    } else if (f.parent ? ctx.checked(f.parent) : ctx.value(f.id) !== undefined) {
      needs.push(f);
    }
  }
  // One need per entry is enough to name: keep the first field of each entry.
  const seen = new Set<string>();
  return needs.filter((f) => {
    if (!f.entry) return true;
    const key = `${f.entry.group}.${f.entry.index}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A URL typed in the evidence place itself or in a URL blank under the option stands in for a file. */
function satisfiedByUrl(ctx: ValidationContext, need: FieldDef): boolean {
  const isUrl = (id: string) => {
    const v = ctx.value(id);
    return typeof v === "string" && looksLikeUrl(v) && parseUrl(v.split(/\s+/u)[0]!) !== null;
  };
  if (need.kind === "blank") return need.blankType === "url" && isUrl(need.id);
  return ctx.form.fields.some((f) => f.parent === need.id && f.kind === "blank" && f.blankType === "url" && isUrl(f.id));
}

function questionOf(link: string): string {
  return link.split(":")[0]!.trim();
}

export function evidence(ctx: ValidationContext): void {
  const files = new Map<string, string[]>();
  for (const link of ctx.evidence ?? []) {
    const code = questionOf(link.question);
    files.set(code, [...(files.get(code) ?? []), link.file]);
  }

  const unchecked: string[] = [];
  for (const q of ctx.form.questions) {
    if (!ctx.checksStructure(q)) continue;
    const needs = evidenceNeeds(ctx, q.fields).filter((f) => !satisfiedByUrl(ctx, f));
    if (needs.length === 0) continue;
    if (ctx.evidence === undefined) {
      unchecked.push(q.code);
      continue;
    }
    if ((files.get(q.code) ?? []).length > 0) continue;
    ctx.push({
      code: "evidence_missing",
      severity: "error",
      question: q.code,
      field: needs[0]!.id,
      data: { labels: needs.map(labelOf), fields: needs.map((f) => f.id) },
    });
  }
  if (unchecked.length > 0) {
    ctx.push({ code: "evidence_not_checked", severity: "info", question: DOCUMENT, data: { questions: unchecked, count: unchecked.length } });
  }

  for (const link of ctx.evidence ?? []) {
    const code = questionOf(link.question);
    const q = ctx.form.question(code);
    if (!q) {
      ctx.push({ code: "evidence_unknown_question", severity: "warning", question: code, data: { file: link.file } });
      continue;
    }
    const scope = ctx.scope.get(code)?.kind;
    if (link.marked !== false || scope === "skipped" || scope === "condition_unmet") continue;
    ctx.push({
      code: "evidence_not_marked",
      severity: q.source.markKeyText ? "error" : "warning",
      question: code,
      data: { file: link.file },
    });
  }
}
