/**
 * What one answer's evidence must show, from the `expect` levels the form gives its field (src/form/schema.ts,
 * ExpectSchema): topics (not found → not supported), details (not found → weak), the kind of document and a date
 * window. A field whose levels name no phrase falls back on the words of its printed text.
 */
import type { CompiledForm, FieldDef } from "../form/compile.js";
import type { ExpectSource } from "../form/schema.js";
import { contentWords } from "./text.js";

export interface Requirement {
  /** Alternatives: phrases, or the words of a typed/printed text. */
  terms: string[];
  /** How many of the terms must be found: 1 for phrases, a share of the words for typed or printed text. */
  need: number;
  role: "topic" | "detail";
  source: "any" | "all" | "typed" | "printed";
  /**
   * From the question's own level while a deeper level says more (P2.3's "ข้อมูลส่วนบุคคล" under row 5's DPO): it must
   * be found, but marking it does not show the answer's key text.
   */
  general: boolean;
}

export interface Period {
  from: string;
  to: string;
  label: string;
}

export interface Expectation {
  /** What an auditor looks for, in words. */
  describe: string;
  requirements: Requirement[];
  /** Words naming the kind of document (any one). */
  document?: string[];
  period?: Period;
  /** false when the topic is derived from the printed text: no level names a phrase and nothing was typed. */
  explicit: boolean;
}

/** Share of a typed or printed text's words the evidence must show (at most 3 words are asked for). */
const WORD_SHARE = 0.5;
const MAX_WORDS_NEEDED = 3;

/** "(แนบเอกสารหลักฐาน…)", "(ข้ามไปข้อ …)", "โปรดระบุ …", "เช่น …" and blanks are not what a document is about. */
const PRINTED_NOISE = [/\((?:โปรด)?แนบ[^)]*\)/gu, /\(ข้ามไป[^)]*\)/gu, /\(ตอบ[^)]*\)/gu, /_{2,}/gu, /โปรดระบุ.*$/u, /(?:ยกตัวอย่าง|เช่น).*$/u];

function printedTopic(text: string): string {
  return PRINTED_NOISE.reduce((t, re) => t.replace(re, " "), text).replace(/\s+/gu, " ").trim();
}

function wordsRequirement(texts: string[], role: Requirement["role"], source: "typed" | "printed"): Requirement | undefined {
  const perText = texts.map(contentWords).filter((w) => w.length > 0);
  if (perText.length === 0) return undefined;
  const shortest = Math.min(...perText.map((w) => w.length));
  const need = Math.min(MAX_WORDS_NEEDED, Math.max(1, Math.ceil(shortest * WORD_SHARE)));
  return { terms: [...new Set(perText.flat())], need, role, source, general: false };
}

/** The printed text that says what a field is about: its label (a cell's row), or the question's when that only says "มี"/"ใช้". */
function printedSubject(form: CompiledForm, field: FieldDef): string {
  const own = printedTopic(field.label);
  if (contentWords(own).length >= 2) return own;
  return form.question(field.question)?.source.text ?? own;
}

function resolvePeriod(form: CompiledForm, within: ExpectSource["dateWithin"]): Period | undefined {
  if (within === undefined) return undefined;
  if (typeof within !== "string") return { ...within, label: `${within.from} – ${within.to}` };
  const named = form.file.periods?.[within];
  return named ? { from: named.from, to: named.to, label: named.label } : undefined;
}

/** The field's expectation, given what was typed in the item's own blanks (for `typed`). */
export function expectationFor(form: CompiledForm, field: FieldDef, typed: string[]): Expectation {
  const levels = field.expect ?? [];
  const innermost = <K extends keyof ExpectSource>(key: K) => levels.map((l) => l[key]).filter((v) => v !== undefined).at(-1);
  const phrased = (l: ExpectSource) => l.any !== undefined || l.all !== undefined || l.typed === true;
  const questionLevel = form.question(field.question)?.source.expect;
  const isGeneral = (l: ExpectSource) => l === questionLevel && levels.slice(1).some(phrased);
  const anys = levels.flatMap((l) => (l.any ? [{ terms: l.any, general: isGeneral(l) }] : []));
  const alls = levels.flatMap((l) => (l.all ?? []).map((entry) => ({ terms: typeof entry === "string" ? [entry] : entry, general: isGeneral(l) })));
  const typedRole: Requirement["role"] = anys.length > 0 ? "detail" : "topic";
  const typedRequirement = levels.some((l) => l.typed) ? wordsRequirement(typed, typedRole, "typed") : undefined;
  const allRole: Requirement["role"] = anys.length > 0 || typedRequirement ? "detail" : "topic";

  const requirements: Requirement[] = [
    ...anys.map((a): Requirement => ({ ...a, need: 1, role: "topic", source: "any" })),
    ...(typedRequirement ? [typedRequirement] : []),
    ...alls.map((a): Requirement => ({ ...a, need: 1, role: allRole, source: "all" })),
  ];
  const explicit = requirements.some((r) => r.role === "topic");
  if (!explicit) {
    const printed = wordsRequirement([printedSubject(form, field)], "topic", "printed");
    if (printed) requirements.unshift(printed);
  }
  // The field's own words close the description when its own level says nothing ("… PDPA — มีการแต่งตั้ง DPO …").
  const describes = levels.map((l) => l.describe).filter((d): d is string => d !== undefined);
  if (describes.length > 0 && levels.at(-1)?.describe === undefined) describes.push(printedTopic(field.label));
  const period = resolvePeriod(form, innermost("dateWithin"));
  const document = innermost("document");
  return {
    describe: describes.length > 0 ? describes.join(" — ") : printedSubject(form, field),
    requirements,
    ...(document ? { document } : {}),
    ...(period ? { period } : {}),
    explicit,
  };
}
