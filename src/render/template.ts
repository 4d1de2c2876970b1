/** The questionnaire as a .docx: blank (nothing checked or typed), or filled for a clean copy. */
import type { CompiledForm } from "../form/compile.js";
import { fillTemplate } from "./docx.js";
import { EMPTY_FILL, type FillState, renderQuestionnaireBody } from "./questionnaire.js";

export const QUESTIONNAIRE_TEMPLATE = "questionnaire-base.docx";

/** WordprocessingML printed before the questionnaire (a cover note) and after it (appendices). */
export interface ExtraSections {
  before?: string;
  after?: string;
}

export function renderQuestionnaireDocx(form: CompiledForm, fill: FillState = EMPTY_FILL, footer = "", extra: ExtraSections = {}): Uint8Array {
  return fillTemplate(QUESTIONNAIRE_TEMPLATE, {
    body: (extra.before ?? "") + renderQuestionnaireBody(form, fill) + (extra.after ?? ""),
    title: form.file.title,
    footer: footer || `${form.file.id}`,
  });
}
