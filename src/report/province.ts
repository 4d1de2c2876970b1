/**
 * The province tab's data from the consolidation (src/consolidate): per question, each merged answer with the
 * agencies (and their evidence files) it came from, and the policy rule that made it.
 */
import type { ProvinceConsolidation } from "../consolidate/index.js";
import type { CompiledForm } from "../form/compile.js";
import { ruleText } from "../consolidate/labels.js";
import type { Lang } from "../i18n/index.js";
import { groupOf, type GroupKey } from "./groups.js";

export interface ProvinceAnswerView {
  label: string;
  /** true for a checked option or matrix cell, as in the agencies' answers. */
  value: true | string;
  provenance: string[];
  rule?: string;
}

export interface ProvinceView {
  title?: string;
  /**
   * `notes`: why an agency's answer is not in the province's (evidence not supporting it, several options ticked…),
   * so an empty answer says why it is empty.
   */
  questions: { code: string; group: GroupKey; answers: ProvinceAnswerView[]; notes: string[] }[];
}

export function provinceView(province: ProvinceConsolidation, form: CompiledForm, lang: Lang = "th"): ProvinceView {
  const agencyName = new Map(province.agencies.map((a) => [a.id, a.name]));
  const byQuestion = new Map<string, ProvinceAnswerView[]>();
  for (const answer of province.answers) {
    const views = byQuestion.get(answer.question) ?? [];
    byQuestion.set(answer.question, views);
    views.push({
      label: answer.column ? `${answer.label} — ${answer.column}` : answer.label,
      value: answer.value === true ? true : String(answer.value),
      provenance: answer.sources.map((s) => {
        const name = agencyName.get(s.agency) ?? s.agency;
        return s.evidence.length ? `${name} (${s.evidence.join(", ")})` : name;
      }),
      rule: ruleText(answer.rule, lang),
    });
  }
  const questions = province.questions
    .filter((q) => q.status !== "heading")
    .map((q) => {
      const question = form.question(q.code);
      const notes = province.conflicts
        .filter((c) => c.question === q.code && !c.taken)
        .map((c) => `${c.agencies.map((id) => agencyName.get(id) ?? id).join(", ")}: ${lang === "en" ? c.messageEn : c.message}`);
      return { code: q.code, group: question ? groupOf(question) : "", answers: byQuestion.get(q.code) ?? [], notes };
    });
  return { ...(province.province ? { title: province.province } : {}), questions };
}
