/** The question groups the report lists and filters by: "G" for the PCIO-committee questions, "P1"…"P7" for pillars. */
import type { CompiledForm, CompiledQuestion } from "../form/compile.js";
import type { Lang } from "../i18n/index.js";
import { REPORT_MESSAGES } from "./messages.js";

export type GroupKey = string;

export function groupOf(question: Pick<CompiledQuestion, "code" | "pillar">): GroupKey {
  return question.code.startsWith("G") ? "G" : `P${question.pillar}`;
}

/** Groups in printed order with their titles (the printed part heading in Thai). */
export function groupsOf(form: CompiledForm, lang: Lang): { key: GroupKey; title: string }[] {
  const ui = REPORT_MESSAGES[lang];
  const pillarTitle = (n: number): string => {
    const part = form.file.parts?.find((p) => p.pillar === n)?.title;
    const pillar = form.file.pillars.find((p) => p.number === n);
    if (lang === "th" && part) return part;
    return `${ui.pillar} ${n} ${lang === "th" ? (pillar?.titleTh ?? "") : (pillar?.titleEn ?? "")}`.trim();
  };
  const keys = [...new Set(form.questions.map(groupOf))];
  return keys.map((key) => ({ key, title: key === "G" ? ui.groupG : pillarTitle(Number(key.slice(1))) }));
}
