/** One agency's clean copy from its bundle: the questionnaire with its answers, then the evidence appendix. */
import type { AgencyBundle } from "../bundle/schema.js";
import type { CompiledForm } from "../form/compile.js";
import { fillFromAnswers } from "./answers-fill.js";
import { appendixFile, byQuestion, renderEvidenceAppendix } from "./evidence-appendix.js";
import { renderQuestionnaireDocx } from "./template.js";

export function renderAgencyDocx(form: CompiledForm, bundle: AgencyBundle): Uint8Array {
  const appendix = renderEvidenceAppendix(byQuestion(form, bundle.evidence.map(appendixFile)));
  return renderQuestionnaireDocx(form, fillFromAnswers(bundle.answers), bundle.agency.name, { after: appendix });
}
