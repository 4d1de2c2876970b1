/** Validation of one answer document against its form: completeness and consistency, with actionable messages. */
export { validateAnswers, RULES, type Rule } from "./validate.js";
export { RESPONDENT_ASKS } from "./context.js";
export { inferRespondent } from "./respondent.js";
export { CROSS_FIELD_CONSTRAINTS, type Constraint } from "./constraints.js";
export * from "./types.js";
