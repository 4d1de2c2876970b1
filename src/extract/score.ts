/**
 * Scores extraction against truth files (samples/forms): precision/recall of checked items and recall/precision of
 * blank values, per fill style. Used by the accuracy test (held-out split) and by `npx tsx scripts/score-extraction.ts`
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
  /** Blank values the extractor read (outside `lo_repeated`), and how many of them are the truth's value. */
  valuesRead: number;
  valuesReadRight: number;
  repeatedExpected: number;
  repeatedFound: number;
  precision: number;
  recall: number;
  valueRecall: number;
  valuePrecision: number;
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
  // Values LibreOffice wrote several times over are scored apart, for recall and precision alike.
  const repeated = new Set(truth.lo_repeated ?? []);
  const read = new Map<string, unknown>(doc.answers.filter((a) => a.value !== true).map((a) => [a.field, a.value]));
  const values = new Map<string, string | number>();
  for (const [id, value] of Object.entries(truth.values)) {
    if (!repeated.has(id)) values.set(id, value);
    else {
      into.repeatedExpected++;
      if (sameValue(value, read.get(id))) into.repeatedFound++;
      read.delete(id);
    }
  }
  scoreValues(truth.file, "value", values, read, into);
  scoreValues(truth.file, "general", new Map(Object.entries(truth.general ?? {})), new Map(Object.entries(doc.general)), into);
}

/**
 * Recall: every truth value read as it is. Precision: every value read is the truth's, so a value read where the
 * truth has none (printed words taken for an empty blank) or a different value counts against it.
 */
function scoreValues(file: string, what: string, truth: Map<string, string | number>, read: Map<string, unknown>, into: StyleScore): void {
  for (const [id, value] of truth) {
    into.valuesExpected++;
    if (sameValue(value, read.get(id))) into.valuesFound++;
    else into.misses.push(`${file}: ${what} ${id} expected ${JSON.stringify(value)} got ${JSON.stringify(read.get(id))}`);
  }
  for (const [id, value] of read) {
    into.valuesRead++;
    const expected = truth.get(id);
    if (expected !== undefined && sameValue(expected, value)) into.valuesReadRight++;
    else if (expected === undefined) into.misses.push(`${file}: ${what} ${id} expected nothing got ${JSON.stringify(value)}`);
  }
}

export function emptyScore(style: string): StyleScore {
  return { style, files: 0, truePositive: 0, falsePositive: 0, falseNegative: 0, valuesExpected: 0, valuesFound: 0, valuesRead: 0, valuesReadRight: 0, repeatedExpected: 0, repeatedFound: 0, precision: 1, recall: 1, valueRecall: 1, valuePrecision: 1, misses: [] };
}

export function finish(s: StyleScore): StyleScore {
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  return {
    ...s,
    precision: ratio(s.truePositive, s.truePositive + s.falsePositive),
    recall: ratio(s.truePositive, s.truePositive + s.falseNegative),
    valueRecall: ratio(s.valuesFound, s.valuesExpected),
    valuePrecision: ratio(s.valuesReadRight, s.valuesRead),
  };
}

export function formatTable(scores: StyleScore[]): string {
  const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
  const rows = scores.map((s) =>
    [
      s.style.padEnd(8),
      String(s.files).padStart(5),
      pct(s.precision).padStart(9),
      pct(s.recall).padStart(9),
      pct(s.valueRecall).padStart(9),
      pct(s.valuePrecision).padStart(9),
      `${s.truePositive + s.falseNegative}`.padStart(8),
      `${s.valuesExpected}`.padStart(7),
      `${s.valuesRead}`.padStart(6),
    ].join(" "),
  );
  const repeated = scores.filter((s) => s.repeatedExpected > 0).map((s) => `${s.style}: ${s.repeatedFound}/${s.repeatedExpected} values LibreOffice wrote several times read as one`);
  return [
    "                  checked items           blank values",
    "style    files precision    recall    recall precision  checked  blanks   read",
    ...rows,
    ...repeated,
  ].join("\n");
}
