/**
 * What every rule gets: the form and its model, the answers indexed by field, each question's scope for this
 * respondent (required, not asked, skipped, …) and `push` to report an issue. Rules never throw and never stop.
 */
import type { CompiledForm, CompiledQuestion, FieldDef } from "../form/compile.js";
import type { Respondent } from "../form/schema.js";
import type { AnswerDocument, AnswerItem } from "../extract/answers.js";
import { formModel, type FormModel } from "./model.js";
import type { EvidenceLink, Issue, IssueCode, IssueValue, RespondentRole, Severity, ValidateOptions } from "./types.js";

/** Which questions each respondent role is asked, by the form's `answeredBy` (the province's agenda). */
export const RESPONDENT_ASKS: Record<RespondentRole, readonly Respondent[]> = {
  provincial_office: ["provincial_office", "all_agencies", "all_agencies_statistics"],
  agency: ["all_agencies", "all_agencies_statistics"],
  statistics_office: ["all_agencies", "all_agencies_statistics"],
};

export type QuestionScope =
  /** Asked of this respondent and not skipped: must be answered. */
  | { kind: "required" }
  /** Printed only as a heading for its sub-questions. */
  | { kind: "heading" }
  /** Answered by someone else (the provincial office). */
  | { kind: "not_asked" }
  /** Passed over by a skip ("ข้ามไปข้อ G4"): must stay empty. */
  | { kind: "skipped"; by: string; target: string }
  /** Its condition (askedWhen) is answered otherwise: must stay empty. */
  | { kind: "condition_unmet"; condition: string }
  /** Depends on an answer that is missing or ambiguous: neither required nor forbidden. */
  | { kind: "undecided" }
  /** Only a list that may stay empty (P7.1's "เทคโนโลยีใหม่ …" entries): checked when answered, never required. */
  | { kind: "optional" };

export interface ValidationContext {
  form: CompiledForm;
  model: FormModel;
  doc: AnswerDocument;
  respondent: RespondentRole;
  evidence: readonly EvidenceLink[] | undefined;
  /** Answer items by field id (several when the same field was read twice). */
  items: Map<string, AnswerItem[]>;
  scope: Map<string, QuestionScope>;
  /** Fields passed over by an in-question skip, with the skipping option. */
  skippedFields: Map<string, { by: string; target: string }>;
  /** Fields of in-question skip regions whose skip was not taken: blanks there are required. */
  regionRequired: Set<string>;
  /** Fields of in-question skip regions whose skip is ambiguous (several marks). */
  regionUndecided: Set<string>;
  checked(field: string): boolean;
  /** The typed value of a blank (trimmed, non-empty), or undefined. */
  value(field: string): string | number | undefined;
  item(field: string): AnswerItem | undefined;
  answered(question: string): boolean;
  /** Checked members of a choice set. */
  marks(setId: string): FieldDef[];
  /** The question is answered and in a scope where its answers are checked for completeness. */
  checksStructure(q: CompiledQuestion): boolean;
  /** The field's answers are checked for consistency (not in a skipped/unmet question or skipped item). */
  checksValues(field: FieldDef): boolean;
  push(issue: Omit<Issue, "data"> & { data?: Record<string, IssueValue> }): void;
  issues: Issue[];
}

export function hasValue(item: AnswerItem): boolean {
  if (item.value === true) return true;
  if (typeof item.value === "number") return Number.isFinite(item.value);
  return typeof item.value === "string" && item.value.trim() !== "";
}

export function createContext(form: CompiledForm, doc: AnswerDocument, options: ValidateOptions): ValidationContext {
  const model = formModel(form);
  const items = new Map<string, AnswerItem[]>();
  for (const item of doc.answers) {
    if (!hasValue(item)) continue;
    const list = items.get(item.field);
    if (list) list.push(item);
    else items.set(item.field, [item]);
  }
  const answeredQuestions = new Set<string>();
  for (const field of items.keys()) {
    const def = form.field(field);
    if (def) answeredQuestions.add(def.question);
  }

  const checked = (field: string) => items.get(field)?.some((i) => i.value === true) ?? false;
  const value = (field: string) => {
    for (const i of items.get(field) ?? []) {
      if (typeof i.value === "number") return i.value;
      if (typeof i.value === "string" && i.value.trim() !== "") return i.value.trim();
    }
    return undefined;
  };
  const marks = (setId: string) => model.sets.get(setId)?.members.filter((m) => checked(m.id)) ?? [];

  const respondent = options.respondent ?? "provincial_office";
  const ctx: ValidationContext = {
    form,
    model,
    doc,
    respondent,
    evidence: options.evidence,
    items,
    scope: new Map(),
    skippedFields: new Map(),
    regionRequired: new Set(),
    regionUndecided: new Set(),
    checked,
    value,
    item: (field) => items.get(field)?.[0],
    answered: (question) => answeredQuestions.has(question),
    marks,
    checksStructure: (q) => {
      const s = ctx.scope.get(q.code)?.kind;
      return answeredQuestions.has(q.code) && (s === "required" || s === "undecided" || s === "optional");
    },
    checksValues: (f) => {
      const s = ctx.scope.get(f.question)?.kind;
      return s !== "skipped" && s !== "condition_unmet" && !ctx.skippedFields.has(f.id);
    },
    issues: [],
    push: (issue) => {
      ctx.issues.push({ ...issue, data: issue.data ?? {} } as Issue);
    },
  };
  computeScopes(ctx);
  return ctx;
}

/** Question scopes in printed order: respondent, headings, skips from earlier answers, askedWhen conditions. */
function computeScopes(ctx: ValidationContext): void {
  const { form, model } = ctx;
  const asks = RESPONDENT_ASKS[ctx.respondent];
  const forced = new Map<string, QuestionScope>();

  for (const q of form.questions) {
    let scope: QuestionScope;
    const condition = q.source.askedWhen;
    if (q.source.heading) scope = { kind: "heading" };
    else if (!asks.includes(q.answeredBy)) scope = { kind: "not_asked" };
    else if (forced.has(q.code)) scope = forced.get(q.code)!;
    else if (condition) {
      const conditionQuestion = form.field(condition)?.question ?? "";
      if (ctx.checked(condition)) scope = { kind: "required" };
      else if (ctx.answered(conditionQuestion) && ctx.scope.get(conditionQuestion)?.kind === "required") {
        scope = { kind: "condition_unmet", condition };
      } else scope = { kind: "undecided" };
    } else if (q.fields.length > 0 && q.fields.every((f) => f.entry && !f.parent)) scope = { kind: "optional" };
    else scope = { kind: "required" };
    ctx.scope.set(q.code, scope);

    if (scope.kind !== "required" && scope.kind !== "undecided" && scope.kind !== "optional") continue;
    for (const f of q.fields) {
      if (f.kind !== "option" || !f.skipTo || !ctx.checked(f.id)) continue;
      const clear = ctx.marks(f.set ?? "").length === 1;
      const region = model.localSkips.get(f.id);
      if (region) {
        for (const id of region.fields) {
          if (clear) ctx.skippedFields.set(id, { by: f.id, target: region.target });
          else ctx.regionUndecided.add(id);
        }
        continue;
      }
      const from = model.questionIndex.get(q.code)!;
      const to = model.questionIndex.get(f.skipTo);
      if (to === undefined || to <= from) continue;
      for (const between of form.questions.slice(from + 1, to)) {
        if (forced.get(between.code)?.kind === "skipped") continue;
        forced.set(between.code, clear ? { kind: "skipped", by: f.id, target: f.skipTo } : { kind: "undecided" });
      }
    }
    // In-question regions whose skip was not taken (another option of the set is the one answer): required.
    for (const region of model.localSkips.values()) {
      const option = form.field(region.by);
      if (!option || option.question !== q.code || ctx.checked(region.by)) continue;
      if (ctx.marks(option.set ?? "").length === 1) for (const id of region.fields) ctx.regionRequired.add(id);
    }
  }
}

/** Printed order of an issue: document first, then general, then questions and fields as printed. */
export function issueOrder(model: FormModel, issue: Issue): [number, number] {
  const q = issue.question === "form" ? -2 : issue.question === "general" ? -1 : (model.questionIndex.get(issue.question) ?? 1e6);
  const f = issue.field ? (model.fieldIndex.get(issue.field) ?? 1e6) : -1;
  return [q, f];
}

export type { Severity, IssueCode };
