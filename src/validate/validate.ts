/**
 * validateAnswers(form, doc, options) → { issues, completeness }: runs every rule over one answer document and
 * collects all issues (never stops at the first), in printed order.
 */
import type { CompiledForm } from "../form/compile.js";
import type { AnswerDocument } from "../extract/answers.js";
import { createContext, issueOrder, type ValidationContext } from "./context.js";
import { choiceMissing, matrixRows, nestedParents, singleChoice, subChoiceMissing } from "./rules/choices.js";
import { entriesMissing, entryFields, specifyBlanks } from "./rules/blanks.js";
import { dateBlanks, periods } from "./rules/dates.js";
import { formMismatch, readerChecks, unknownFields } from "./rules/document.js";
import { evidence } from "./rules/evidence.js";
import { crossField, numberShapes } from "./rules/numbers.js";
import { conditions, notAskedAnswered, requiredQuestions, skipRules } from "./rules/scope.js";
import { generalBlock, valueShapes } from "./rules/shapes.js";
import type { Completeness, ValidateOptions, ValidationResult } from "./types.js";

export type Rule = (ctx: ValidationContext) => void;

/** Every rule, in the order their issues are most useful to read; the output is re-sorted by printed position. */
export const RULES: Readonly<Record<string, Rule>> = {
  formMismatch,
  unknownFields,
  readerChecks,
  generalBlock,
  requiredQuestions,
  notAskedAnswered,
  skipRules,
  conditions,
  singleChoice,
  choiceMissing,
  subChoiceMissing,
  matrixRows,
  nestedParents,
  specifyBlanks,
  entriesMissing,
  entryFields,
  numberShapes,
  crossField,
  valueShapes,
  dateBlanks,
  periods,
  evidence,
};

export function validateAnswers(form: CompiledForm, doc: AnswerDocument, options: ValidateOptions = {}): ValidationResult {
  const ctx = createContext(form, doc, options);
  for (const rule of Object.values(RULES)) rule(ctx);
  const issues = ctx.issues
    .map((issue, i) => ({ issue, i, order: issueOrder(ctx.model, issue) }))
    .sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1] || a.i - b.i)
    .map(({ issue }) => issue);
  return {
    form: form.file.id,
    respondent: ctx.respondent,
    issues,
    completeness: completeness(ctx),
    counts: {
      error: issues.filter((i) => i.severity === "error").length,
      warning: issues.filter((i) => i.severity === "warning").length,
      info: issues.filter((i) => i.severity === "info").length,
    },
  };
}

/** Per pillar: required questions (for this respondent, after skips and conditions) and how many have an answer. */
function completeness(ctx: ValidationContext): Completeness {
  const pillars = ctx.form.file.pillars.map((p) => ({
    pillar: p.number,
    titleTh: p.titleTh,
    titleEn: p.titleEn,
    answered: 0,
    required: 0,
    missing: [] as string[],
  }));
  const answeredQuestions: string[] = [];
  for (const q of ctx.form.questions) {
    if (ctx.scope.get(q.code)?.kind !== "required") continue;
    const row = pillars.find((p) => p.pillar === q.pillar);
    if (!row) continue;
    row.required++;
    if (ctx.answered(q.code)) {
      row.answered++;
      answeredQuestions.push(q.code);
    } else row.missing.push(q.code);
  }
  return {
    pillars,
    answered: pillars.reduce((n, p) => n + p.answered, 0),
    required: pillars.reduce((n, p) => n + p.required, 0),
    answeredQuestions,
  };
}
