// The labelled pairs of samples/audit/<split>/labels.json as agency bundles, their audit, and the confusion table
// of expected against audited verdicts. Shared by the generator, test/audit and scripts/audit-confusion.ts.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { auditAgency } from "../../src/audit/index.js";
import { BUNDLE_SCHEMA, Verdict, type AgencyBundle, type AuditItem, type BundleEvidence } from "../../src/bundle/schema.js";
import type { AnswerItem } from "../../src/extract/answers.js";
import type { CompiledForm } from "../../src/form/compile.js";
import { loadForm } from "../../src/form/load.js";

export const AUDIT_SAMPLES = fileURLToPath(new URL("../../samples/audit/", import.meta.url));

export type StoredEvidence = Omit<BundleEvidence, "questions" | "linkedBy">;

export interface LabelledPair {
  id: string;
  /** The answered field whose audit verdict is labelled. */
  field: string;
  /** Every answer of the pair's bundle: checked options/cells (true) and typed blanks. */
  answers: Record<string, true | string>;
  /** Evidence JSON (relative to the split folder) and the question codes it is linked to. */
  evidence: { file: string; questions: string[] }[];
  expected: Verdict;
  why: string;
}

export interface LabelFile {
  split: string;
  generator: string;
  seed: string;
  pairs: LabelledPair[];
}

/** The field checked or typed, with the options above it checked (a sub-option is only answered under its option). */
export function answersFor(form: CompiledForm, field: string, typed: Record<string, string>): Record<string, true | string> {
  const answers: Record<string, true | string> = {};
  const check = (id: string | undefined) => {
    for (let f = id ? form.field(id) : undefined; f; f = f.parent ? form.field(f.parent) : undefined) {
      if (f.kind !== "blank") answers[f.id] ??= true;
    }
  };
  check(field);
  for (const [id, text] of Object.entries(typed)) {
    answers[id] = text;
    check(form.field(id)?.parent);
  }
  return answers;
}

export function loadLabels(split: string): LabelFile {
  return JSON.parse(readFileSync(path.join(AUDIT_SAMPLES, split, "labels.json"), "utf8")) as LabelFile;
}

function answerItem(form: CompiledForm, field: string, value: true | string): AnswerItem {
  const f = form.field(field);
  if (!f) throw new Error(`unknown field ${field}`);
  const kind = f.kind === "cell" ? "matrix" : f.kind === "option" ? "choice" : f.blankType === "url" ? "url" : "text";
  return { field, question: f.question, kind, label: f.label, value, location: {}, recognizedBy: "content_control" };
}

/** The pair as the batch would write it: one agency (the provincial office), its answers and linked evidence. */
export function bundleFor(form: CompiledForm, split: string, pair: LabelledPair): AgencyBundle {
  const source = { file: `${pair.id}.docx`, sha256: "0".repeat(64), bytes: 0 };
  const answers = Object.entries(pair.answers).map(([field, value]) => answerItem(form, field, value));
  return {
    schema: BUNDLE_SCHEMA,
    form: form.file.id,
    agency: { id: pair.id, name: `สำนักงานจังหวัด (${pair.id})`, identifiedBy: "file_name", respondent: "provincial_office" },
    source,
    superseded: [],
    answers: { form: form.file.id, source, general: {}, method: "tagged", questionsFound: [...new Set(answers.map((a) => a.question))], answers, warnings: [] },
    evidence: pair.evidence.map(({ file, questions }) => ({
      ...(JSON.parse(readFileSync(path.join(AUDIT_SAMPLES, split, file), "utf8")) as StoredEvidence),
      questions,
      linkedBy: "file_name",
    })),
    validation: {},
  };
}

export interface PairResult {
  pair: LabelledPair;
  /** The audit of the pair's field (undefined: the audit did not look at it). */
  item: AuditItem | undefined;
  actual: Verdict | "none";
}

export function auditSplit(split: string, form: CompiledForm = loadForm()): PairResult[] {
  return loadLabels(split).pairs.map((pair) => {
    const item = auditAgency(form, bundleFor(form, split, pair)).find((i) => i.field === pair.field);
    return { pair, item, actual: item?.verdict ?? "none" };
  });
}

export function agreement(results: PairResult[]): number {
  return results.filter((r) => r.actual === r.pair.expected).length / Math.max(1, results.length);
}

/** Rows: expected verdict; columns: the audit's verdict. */
export function confusionTable(results: PairResult[]): string {
  const columns: (Verdict | "none")[] = [...Verdict.options, ...(results.some((r) => r.actual === "none") ? ["none" as const] : [])];
  const header = ["expected \\ audit", ...columns, "total"];
  const rows = Verdict.options.map((expected) => {
    const mine = results.filter((r) => r.pair.expected === expected);
    return [expected, ...columns.map((c) => String(mine.filter((r) => r.actual === c).length)), String(mine.length)];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  const agreed = results.filter((r) => r.actual === r.pair.expected).length;
  return [line(header), ...rows.map(line), `agreement ${agreed}/${results.length} = ${(100 * agreement(results)).toFixed(1)}%`].join("\n");
}

/** The disagreements, one line each, for reading what went wrong. */
export function disagreements(results: PairResult[]): string[] {
  return results
    .filter((r) => r.actual !== r.pair.expected)
    .map((r) => `${r.pair.id} ${r.pair.field}: expected ${r.pair.expected}, audit ${r.actual} — ${r.pair.why}; ${r.item?.reasons.map((x) => x.messageEn).join(" | ") ?? ""}`);
}
