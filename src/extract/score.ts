/**
 * Scores extraction against truth files (samples/forms): precision/recall of checked items and recall of blank
 * values, per fill style. Used by the accuracy test (held-out split) and by `npx tsx scripts/score-extraction.ts`
 * while tuning (tune split only).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { normalizeThai } from "../text/thai.js";
import type { AnswerDocument } from "./answers.js";

export interface Truth {
  file: string;
  style: string;
  split: "tune" | "heldout";
  checked: string[];
  values: Record<string, string | number>;
  general?: Record<string, string>;
  /** Fields whose value LibreOffice wrote several times over: scored apart, a human sees the repeats too. */
  lo_repeated?: string[];
}

export interface StyleScore {
  style: string;
  files: number;
  truePositive: number;
  falsePositive: number;
  falseNegative: number;
  valuesExpected: number;
  valuesFound: number;
  repeatedExpected: number;
  repeatedFound: number;
  precision: number;
  recall: number;
  valueRecall: number;
  misses: string[];
}

export interface SampleEntry {
  file: string;
  truth: string;
  style: string;
  split: "tune" | "heldout";
}

export function readIndex(samplesDir: string): SampleEntry[] {
  const index = JSON.parse(readFileSync(path.join(samplesDir, "index.json"), "utf8")) as { samples: SampleEntry[] };
  return index.samples;
}

function sameValue(expected: string | number, actual: unknown): boolean {
  if (typeof expected === "number") return actual === expected;
  const norm = (v: unknown) => normalizeThai(String(v)).replace(/\s+/g, " ").trim();
  return norm(expected) === norm(actual);
}

export function scoreOne(truth: Truth, doc: AnswerDocument, into: StyleScore): void {
  const checked = new Set(doc.answers.filter((a) => a.value === true).map((a) => a.field));
  const expected = new Set(truth.checked);
  for (const id of expected) {
    if (checked.has(id)) into.truePositive++;
    else {
      into.falseNegative++;
      into.misses.push(`${truth.file}: missed ${id}`);
    }
  }
  for (const id of checked) {
    if (!expected.has(id)) {
      into.falsePositive++;
      into.misses.push(`${truth.file}: extra ${id}`);
    }
  }
  const values = new Map(doc.answers.filter((a) => a.value !== true).map((a) => [a.field, a.value]));
  const repeated = new Set(truth.lo_repeated ?? []);
  for (const [id, value] of Object.entries(truth.values)) {
    if (repeated.has(id)) {
      into.repeatedExpected++;
      if (sameValue(value, values.get(id))) into.repeatedFound++;
      continue;
    }
    into.valuesExpected++;
    if (sameValue(value, values.get(id))) into.valuesFound++;
    else into.misses.push(`${truth.file}: value ${id} expected ${JSON.stringify(value)} got ${JSON.stringify(values.get(id))}`);
  }
  for (const [id, value] of Object.entries(truth.general ?? {})) {
    into.valuesExpected++;
    if (sameValue(value, doc.general[id])) into.valuesFound++;
    else into.misses.push(`${truth.file}: general ${id} expected ${JSON.stringify(value)} got ${JSON.stringify(doc.general[id])}`);
  }
}

export function emptyScore(style: string): StyleScore {
  return { style, files: 0, truePositive: 0, falsePositive: 0, falseNegative: 0, valuesExpected: 0, valuesFound: 0, repeatedExpected: 0, repeatedFound: 0, precision: 1, recall: 1, valueRecall: 1, misses: [] };
}

export function finish(s: StyleScore): StyleScore {
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  return {
    ...s,
    precision: ratio(s.truePositive, s.truePositive + s.falsePositive),
    recall: ratio(s.truePositive, s.truePositive + s.falseNegative),
    valueRecall: ratio(s.valuesFound, s.valuesExpected),
  };
}

export function formatTable(scores: StyleScore[]): string {
  const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
  const rows = scores.map((s) =>
    [s.style.padEnd(8), String(s.files).padStart(5), pct(s.precision).padStart(9), pct(s.recall).padStart(9), pct(s.valueRecall).padStart(9), `${s.truePositive + s.falseNegative}`.padStart(7), `${s.valuesExpected}`.padStart(7)].join(" "),
  );
  const repeated = scores.filter((s) => s.repeatedExpected > 0).map((s) => `${s.style}: ${s.repeatedFound}/${s.repeatedExpected} values LibreOffice wrote several times read as one`);
  return ["style    files precision    recall  values  checked  blanks", ...rows, ...repeated].join("\n");
}
