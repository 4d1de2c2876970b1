/** The blank questionnaire offices fill in: the form definition rendered with nothing checked or typed. */
import type { CompiledForm } from "../form/compile.js";
import { fillTemplate } from "./docx.js";
import { EMPTY_FILL, type FillState, renderQuestionnaireBody } from "./questionnaire.js";

export const QUESTIONNAIRE_TEMPLATE = "questionnaire-base.docx";

export function renderQuestionnaireDocx(form: CompiledForm, fill: FillState = EMPTY_FILL, footer = ""): Uint8Array {
  return fillTemplate(QUESTIONNAIRE_TEMPLATE, {
    body: renderQuestionnaireBody(form, fill),
    title: form.file.title,
    footer: footer || `${form.file.id}`,
  });
}
