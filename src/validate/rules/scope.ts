/**
 * Who answers what and which questions apply: required questions answered; questions for another respondent,
 * skipped questions and questions whose condition is not met left empty.
 */
import type { ValidationContext } from "../context.js";
import { labelOfId, questionText } from "./util.js";

/** A question this respondent must answer (asked of them, not a heading, not skipped) has no answer. */
export function requiredQuestions(ctx: ValidationContext): void {
  for (const q of ctx.form.questions) {
    if (ctx.scope.get(q.code)?.kind === "required" && !ctx.answered(q.code)) {
      ctx.push({ code: "required_missing", severity: "error", question: q.code, data: { text: questionText(ctx, q.code) } });
    }
  }
}

/** An agency answered a question only the provincial office answers: kept, but not this respondent's to give. */
export function notAskedAnswered(ctx: ValidationContext): void {
  for (const q of ctx.form.questions) {
    if (ctx.scope.get(q.code)?.kind === "not_asked" && ctx.answered(q.code)) {
      ctx.push({
        code: "not_asked_answered",
        severity: "info",
        question: q.code,
        data: { answeredBy: q.answeredBy, respondent: ctx.respondent },
      });
    }
  }
}

/** Skip rules: "ไม่มี (ข้ามไปข้อ G4)" chosen, yet G2–G3 answered; in-question skips the same for the items passed over. */
export function skipRules(ctx: ValidationContext): void {
  for (const q of ctx.form.questions) {
    const scope = ctx.scope.get(q.code);
    if (scope?.kind === "skipped" && ctx.answered(q.code)) {
      ctx.push({
        code: "skipped_question_answered",
        severity: "warning",
        question: q.code,
        data: { by: scope.by, byLabel: labelOfId(ctx, scope.by), target: scope.target },
      });
    }
  }
  for (const [field, { by, target }] of ctx.skippedFields) {
    if (!ctx.checked(field) && ctx.value(field) === undefined) continue;
    const f = ctx.form.field(field)!;
    ctx.push({
      code: "skipped_item_answered",
      severity: "warning",
      question: f.question,
      field,
      data: { label: labelOfId(ctx, field), by, byLabel: labelOfId(ctx, by), target },
    });
  }
}

/** askedWhen: "ถ้าตอบว่า “มี” ในข้อ P5.2" — P5.2 answered otherwise, yet P5.2.1 answered. */
export function conditions(ctx: ValidationContext): void {
  for (const q of ctx.form.questions) {
    const scope = ctx.scope.get(q.code);
    if (scope?.kind === "condition_unmet" && ctx.answered(q.code)) {
      const condition = ctx.form.field(scope.condition)!;
      ctx.push({
        code: "condition_unmet_answered",
        severity: "warning",
        question: q.code,
        data: { condition: scope.condition, conditionQuestion: condition.question, conditionLabel: labelOfId(ctx, scope.condition) },
      });
    }
  }
}
