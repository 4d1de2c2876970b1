/**
 * Issue messages in Thai (default) and English. Each language is one table (messages.th.ts, messages.en.ts);
 * `formatIssue` fills a template from the issue's data.
 */
import type { Issue, IssueValue } from "../validate/types.js";
import { en } from "./messages.en.js";
import { th } from "./messages.th.js";
import type { MessageTable } from "./types.js";

export type Lang = "th" | "en";
export type { MessageTable, IssueText } from "./types.js";

export const MESSAGES: Record<Lang, MessageTable> = { th, en };

export function messages(lang: Lang = "th"): MessageTable {
  return MESSAGES[lang];
}

/** Long printed labels (whole option paragraphs) are shortened in messages; the JSON data keeps them whole. */
const MAX_VALUE_LENGTH = 90;

function show(value: IssueValue | undefined, table: MessageTable): string {
  if (value === undefined) return "";
  const one = (v: string | number | boolean) => {
    const s = String(v).replace(/\s+/g, " ").trim();
    return s.length > MAX_VALUE_LENGTH ? `${s.slice(0, MAX_VALUE_LENGTH - 1)}…` : s;
  };
  return Array.isArray(value) ? value.map(one).join(table.ui.listSeparator) : one(value);
}

/** Fills `{name}` placeholders; `[ … ]` parts are dropped when a placeholder inside them is empty. */
export function fill(template: string, values: Record<string, IssueValue | undefined>, table: MessageTable): string {
  const lookup = (name: string): string => {
    const v = values[name];
    if ((name === "respondent" || name === "answeredBy") && typeof v === "string" && v in table.roles) {
      return table.roles[v as keyof MessageTable["roles"]];
    }
    return show(v, table);
  };
  const withOptional = template.replace(/\[([^\]]*)\]/g, (_, part: string) => {
    const names = [...part.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
    return names.every((n) => lookup(n) !== "") ? part : "";
  });
  return withOptional.replace(/\{(\w+)\}/g, (_, name: string) => lookup(name));
}

export function formatIssue(issue: Issue, lang: Lang = "th"): { message: string; hint: string } {
  const table = MESSAGES[lang];
  const text = table.issues[issue.code];
  const values = { ...issue.data, question: issue.question, ...(issue.field ? { field: issue.field } : {}) };
  return { message: fill(text.message, values, table), hint: fill(text.hint, values, table) };
}
