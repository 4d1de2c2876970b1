/**
 * The answers an audit looks at, from one agency's bundle:
 *   - every checked option or matrix cell asking for evidence, every evidence blank and every filled evidence entry —
 *     validate's `evidenceNeeds`, so skips, conditions and who answers what agree with validation;
 *   - a need whose checked sub-options carry their own expectation (P1.1's items, P5.2's areas) is audited once per
 *     sub-option, since each claims something different of the same document;
 *   - a checked option with an expectation but no evidence mark (P4.3) is audited when evidence was attached anyway.
 */
import type { AgencyBundle, BundleEvidence } from "../bundle/schema.js";
import type { CompiledForm, CompiledQuestion, FieldDef } from "../form/compile.js";
import { createContext, type ValidationContext } from "../validate/context.js";
import { evidenceNeeds } from "../validate/rules/evidence.js";
import { typed } from "../validate/rules/util.js";
import { looksLikeUrl } from "../validate/values.js";

export interface AuditPoint {
  question: CompiledQuestion;
  field: FieldDef;
  /** The question (or a heading above it) prints the note that key text must be marked. */
  markRequired: boolean;
  /** What was typed in the item's own blanks (a system's name, a project, "อื่น ๆ …"). */
  typed: string[];
  files: BundleEvidence[];
  /** A URL typed in the evidence place instead of attaching a file. */
  url?: string;
}

/** The question and the headings above it (evidence is often filed under the heading's code). */
function lineage(form: CompiledForm, q: CompiledQuestion): CompiledQuestion[] {
  const chain = [q];
  for (let p = q.source.parent; p; p = form.question(p)?.source.parent) {
    const parent = form.question(p);
    if (!parent) break;
    chain.push(parent);
  }
  return chain;
}

function expectLevels(f: FieldDef | undefined): number {
  return f?.expect?.length ?? 0;
}

/** The field adds an expectation level of its own (not only inherited from its question, groups or parents). */
function hasOwnExpectation(form: CompiledForm, f: FieldDef): boolean {
  const parent = f.parent ? form.field(f.parent) : undefined;
  const inherited = parent ? expectLevels(parent) : form.question(f.question)?.source.expect ? 1 : 0;
  return expectLevels(f) > inherited;
}

/** Blanks whose text names what the item is about: within the same entry, else under the option/cell (or the blank's parent). */
function typedValues(ctx: ValidationContext, f: FieldDef): string[] {
  const scope = f.entry ? `${f.entry.group}.${f.entry.index}.` : f.kind !== "blank" ? `${f.id}.` : f.parent ? `${f.parent}.` : `${f.question}:`;
  const blanks = ctx.model.blanks;
  return ctx.form.fields
    .filter((b) => b.kind === "blank" && b.id.startsWith(scope) && b.id !== f.id && !blanks.get(b.id)?.evidence)
    .filter((b) => !["url", "date", "email", "phone"].includes(b.blankType ?? "") && ctx.value(b.id) !== undefined)
    .map((b) => typed(ctx, b.id));
}

function urlGiven(ctx: ValidationContext, f: FieldDef): string | undefined {
  const places = f.kind === "blank" ? [f] : ctx.form.fields.filter((b) => b.parent === f.id && b.kind === "blank");
  for (const place of places) {
    const v = ctx.value(place.id);
    if (place.blankType === "url" && typeof v === "string" && looksLikeUrl(v)) return v;
  }
  return undefined;
}

export function auditPoints(form: CompiledForm, bundle: AgencyBundle): AuditPoint[] {
  const ctx = createContext(form, bundle.answers, { respondent: bundle.agency.respondent });
  const points: AuditPoint[] = [];
  for (const q of form.questions) {
    if (!ctx.checksStructure(q)) continue;
    const chain = lineage(form, q);
    const codes = new Set(chain.map((c) => c.code));
    const files = bundle.evidence.filter((e) => e.questions.some((code) => codes.has(code)));
    const point = (field: FieldDef, url?: string): AuditPoint => ({
      question: q,
      field,
      markRequired: chain.some((c) => c.source.markKeyText),
      typed: typedValues(ctx, field),
      files,
      ...(url ? { url } : {}),
    });
    const audited = new Set<string>();
    for (const need of evidenceNeeds(ctx, q.fields)) {
      const url = urlGiven(ctx, need);
      const claims = q.fields.filter((f) => f.parent === need.id && f.kind === "option" && ctx.checked(f.id) && hasOwnExpectation(form, f));
      for (const f of claims.length > 0 ? claims : [need]) {
        points.push(point(f, url));
        audited.add(f.id);
      }
    }
    // Not asked for, so never "missing": only audited when something was attached.
    if (files.length === 0) continue;
    for (const f of q.fields) {
      if (f.kind !== "option" || f.evidence || audited.has(f.id) || !ctx.checked(f.id) || !hasOwnExpectation(form, f)) continue;
      if (ctx.checksValues(f)) points.push(point(f));
    }
  }
  return points;
}
