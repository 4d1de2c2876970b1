/**
 * The province tab's data from the consolidation (src/consolidate): per question, each merged answer with the
 * agencies (and their evidence files) it came from, and the policy rule that made it.
 */
import type { ProvinceConsolidation } from "../consolidate/index.js";
import type { CompiledForm } from "../form/compile.js";
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
  questions: { code: string; group: GroupKey; answers: ProvinceAnswerView[] }[];
}

export function provinceView(province: ProvinceConsolidation, form: CompiledForm): ProvinceView {
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
      rule: answer.rule,
    });
  }
  const questions = province.questions
    .filter((q) => q.status !== "heading")
    .map((q) => {
      const question = form.question(q.code);
      return { code: q.code, group: question ? groupOf(question) : "", answers: byQuestion.get(q.code) ?? [] };
    });
  return { ...(province.province ? { title: province.province } : {}), questions };
}
