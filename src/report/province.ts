/**
 * The province tab's data, read defensively from the consolidation JSON (src/consolidate owns that shape and is
 * being written alongside): per question, each merged answer with the agencies it came from. Anything this cannot
 * make sense of is shown raw instead of being dropped.
 */
import type { CompiledForm } from "../form/compile.js";
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
  questions: { code: string; group: GroupKey; answers: ProvinceAnswerView[] }[];
  /** Pretty JSON of the whole input, only when no question could be read from it. */
  raw?: string;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const firstString = (...values: unknown[]): string | undefined =>
  values.find((v): v is string => typeof v === "string" && v !== "");
const firstDefined = (...values: unknown[]): unknown => values.find((v) => v !== undefined && v !== null);

export function normalizeProvince(province: unknown, form: CompiledForm, lang: Lang): ProvinceView {
  const root = isObject(province) ? province : {};
  const title = firstString(root.province, root.name, root.title);
  const order = new Map(form.questions.map((q, i) => [q.code, i]));
  const questions = questionEntries(root)
    .map(([code, entry]) => {
      const question = form.question(code);
      return {
        code,
        group: question ? groupOf(question) : "",
        answers: answerItems(entry).map((item) => answerView(item, entry, form, lang)),
      };
    })
    .sort((a, b) => (order.get(a.code) ?? Infinity) - (order.get(b.code) ?? Infinity));
  return {
    ...(title ? { title } : {}),
    questions,
    ...(questions.length === 0 ? { raw: JSON.stringify(province, null, 2) ?? String(province) } : {}),
  };
}

/** `questions` as a list or a map by code, or a flat `answers` list carrying question codes. */
function questionEntries(root: Json): [string, unknown][] {
  const { questions, answers } = root;
  if (Array.isArray(questions)) {
    return questions.flatMap((q): [string, unknown][] => {
      const code = isObject(q) ? firstString(q.question, q.code, q.id) : undefined;
      return code ? [[code, q]] : [];
    });
  }
  if (isObject(questions)) return Object.entries(questions);
  if (Array.isArray(answers)) {
    const byCode = new Map<string, unknown[]>();
    for (const a of answers) {
      const code = isObject(a) ? firstString(a.question) : undefined;
      if (code) byCode.set(code, [...(byCode.get(code) ?? []), a]);
    }
    return [...byCode].map(([code, list]) => [code, { answers: list }]);
  }
  return [];
}

function answerItems(entry: unknown): unknown[] {
  if (Array.isArray(entry)) return entry;
  if (!isObject(entry)) return entry === undefined ? [] : [entry];
  const list = [entry.answers, entry.items, entry.fields, entry.values, entry.merged].find(Array.isArray);
  if (list) return list;
  const single = firstDefined(entry.answer, entry.merged);
  if (single !== undefined) return [single];
  return "value" in entry ? [entry] : [];
}

function answerView(item: unknown, entry: unknown, form: CompiledForm, lang: Lang): ProvinceAnswerView {
  const it = isObject(item) ? item : { value: item };
  const parent = isObject(entry) ? entry : {};
  const field = typeof it.field === "string" ? form.field(it.field) : undefined;
  const column = firstString(it.column, field?.columnLabel);
  const label = firstString(it.label, field?.label, it.field) ?? "";
  const rule = firstString(it.rule, it.method, it.reason, parent.rule, parent.method);
  return {
    label: column ? `${label} — ${column}` : label,
    value: it.value === true ? true : showValue(it.value, lang),
    provenance: provenanceOf(firstDefined(it.provenance, it.sources, it.from, it.agencies, it.agency, parent.provenance)),
    ...(rule ? { rule } : {}),
  };
}

function showValue(value: unknown, lang: Lang): string {
  if (value === true) return "✓";
  // Only a whole answer's own `true` is a checked option; true inside a list or object is just shown.
  if (value === false) return lang === "th" ? "ไม่เลือก" : "not chosen";
  if (value === undefined || value === null) return "";
  if (typeof value === "string" || typeof value === "number") return String(value);
  if (Array.isArray(value)) return value.map((v) => showValue(v, lang)).join(", ");
  return JSON.stringify(value);
}

function provenanceOf(source: unknown): string[] {
  if (source === undefined || source === null) return [];
  const list = Array.isArray(source) ? source : [source];
  return list.map((s) => {
    if (!isObject(s)) return String(s);
    const who = firstString(s.name, s.agencyName, s.agency, s.id) ?? "";
    const where = [firstString(s.file), typeof s.page === "number" ? `p. ${s.page}` : undefined].filter(Boolean).join(" ");
    return who && where ? `${who} (${where})` : who || where || JSON.stringify(s);
  });
}
