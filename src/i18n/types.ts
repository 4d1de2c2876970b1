/** The shape of one language's message table: every issue code has a message and a short fix hint. */
import type { IssueCode, RespondentRole, Severity } from "../validate/types.js";
import type { Respondent } from "../form/schema.js";

/**
 * Templates: `{name}` is filled from the issue's data (plus `question` and `field`); lists are joined; `[ … ]` is
 * shown only when every placeholder inside it has a value.
 */
export interface IssueText {
  message: string;
  hint: string;
}

export interface MessageTable {
  issues: Record<IssueCode, IssueText>;
  severity: Record<Severity, string>;
  /** Names of who answers, for `{respondent}` (the role validated) and `{answeredBy}` (the form's respondents). */
  roles: Record<RespondentRole | Respondent, string>;
  ui: {
    title: string;
    form: string;
    respondent: string;
    respondentInferred: string;
    respondentDefault: string;
    summary: string;
    noIssues: string;
    general: string;
    document: string;
    question: string;
    pillar: string;
    hint: string;
    completeness: string;
    answered: string;
    required: string;
    percent: string;
    total: string;
    missing: string;
    listSeparator: string;
  };
}
