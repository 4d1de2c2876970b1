/**
 * The merge policy: which forms count for a question and how their answers become the province's one answer, per
 * answer type. The default lives in templates/consolidation/default.yaml; a user file is laid over it.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { AgencyRef, Verdict } from "../bundle/schema.js";
import { EXIT, SamruatError } from "../errors.js";
import type { CompiledForm, FieldDef } from "../form/compile.js";
import { PACKAGE_ROOT } from "../form/load.js";
import type { BlankType, Respondent } from "../form/schema.js";

export const DEFAULT_POLICY_FILE = path.join(PACKAGE_ROOT, "templates", "consolidation", "default.yaml");

export const RespondentRole = AgencyRef.shape.respondent;
export type RespondentRole = z.infer<typeof RespondentRole>;

/** An audit verdict, or — without an audit of the field — "marked": a readable linked file with marked key text. */
export const EvidenceState = z.enum([...Verdict.options, "marked"]);
export type EvidenceState = z.infer<typeof EvidenceState>;

export const SingleRule = z.enum(["most_advanced", "majority", "provincial_office"]);
export const MultipleRule = z.enum(["any", "majority", "provincial_office"]);
export const EntriesRule = z.enum(["combine", "provincial_office"]);
export const NumberRule = z.enum(["sum", "max", "min", "mean", "provincial_office"]);
export const DateRule = z.enum(["latest", "earliest", "combine", "provincial_office"]);
export const TextRule = z.enum(["combine", "provincial_office"]);
export const BlankRule = z.union([NumberRule, DateRule, TextRule]);
export type SingleRule = z.infer<typeof SingleRule>;
export type MultipleRule = z.infer<typeof MultipleRule>;
export type EntriesRule = z.infer<typeof EntriesRule>;
export type BlankRule = z.infer<typeof BlankRule>;

const localId = z.string().regex(/^[a-z0-9_]+$/);

export const QuestionPolicy = z
  .object({
    single: SingleRule.optional(),
    multiple: MultipleRule.optional(),
    entries: EntriesRule.optional(),
    blanks: BlankRule.optional(),
    order: z.array(localId).optional(),
  })
  .strict();
export type QuestionPolicy = z.infer<typeof QuestionPolicy>;

export const MergePolicySchema = z
  .object({
    sources: z.object({
      provincial_office: z.array(RespondentRole),
      all_agencies: z.array(RespondentRole),
      all_agencies_statistics: z.array(RespondentRole),
    }).strict(),
    evidence: z.object({ accepted: z.array(EvidenceState), unsupported: z.enum(["exclude", "include"]) }).strict(),
    single: SingleRule,
    multiple: MultipleRule,
    notProgress: z.array(localId),
    blanks: z.object({
      integer: NumberRule,
      number: NumberRule,
      percent: NumberRule,
      date: DateRule,
      text: TextRule,
      url: TextRule,
      email: TextRule,
      phone: TextRule,
    }).strict(),
    entries: EntriesRule,
    questions: z.record(z.string(), QuestionPolicy),
    fields: z.record(z.string(), BlankRule),
  })
  .strict();
export type MergePolicy = z.infer<typeof MergePolicySchema>;

/** The default policy, or `file` laid over it. Throws SamruatError (exit 2) for an unreadable or invalid file. */
export function loadPolicy(file?: string): MergePolicy {
  const base = readYaml(DEFAULT_POLICY_FILE);
  const merged = file === undefined ? base : overlay(base, readYaml(file));
  const parsed = MergePolicySchema.safeParse(merged);
  if (!parsed.success) {
    const where = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`)
      .join("; ");
    throw policyError(file ?? DEFAULT_POLICY_FILE, `หลักเกณฑ์การรวมคำตอบไม่ถูกต้อง (${where})`, `invalid merge policy (${where})`);
  }
  return parsed.data;
}

function readYaml(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw policyError(file, "เปิดไฟล์หลักเกณฑ์การรวมคำตอบไม่ได้", "cannot open the merge policy file");
  }
  try {
    return parseYaml(text) ?? {};
  } catch (error) {
    throw policyError(file, `ไฟล์หลักเกณฑ์ไม่ใช่ YAML ที่ถูกต้อง (${(error as Error).message})`, `not valid YAML (${(error as Error).message})`);
  }
}

function policyError(file: string, th: string, en: string): SamruatError {
  return new SamruatError("invalid_policy", th, en, EXIT.unreadable, file);
}

/** Objects merge key by key; lists and single values of the overlay replace the base's. */
function overlay(base: unknown, top: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(top)) return top;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(top)) out[key] = key in base ? overlay(base[key], value) : value;
  return out;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

type BlankFamily = "number" | "date" | "text";

function blankFamily(type: BlankType): BlankFamily {
  if (type === "integer" || type === "number" || type === "percent") return "number";
  return type === "date" ? "date" : "text";
}

const RULES_BY_FAMILY: Record<BlankFamily, readonly BlankRule[]> = {
  number: NumberRule.options,
  date: DateRule.options,
  text: TextRule.options,
};

/**
 * What the policy's per-question and per-field entries name must exist in this form, and blank rules must fit the
 * blanks' types ("sum" on a text is meaningless). Returns the problems, empty when the policy fits.
 */
export function checkPolicy(form: CompiledForm, policy: MergePolicy): string[] {
  const problems: string[] = [];
  for (const [id, rule] of Object.entries(policy.fields)) {
    const field = form.field(id);
    if (!field || field.kind !== "blank") problems.push(`fields.${id}: not a blank of form ${form.file.id}`);
    else if (!fits(rule, field)) problems.push(`fields.${id}: "${rule}" does not apply to a blank of type ${field.blankType}`);
  }
  for (const [code, q] of Object.entries(policy.questions)) {
    const question = form.question(code);
    if (!question) {
      problems.push(`questions.${code}: no such question in form ${form.file.id}`);
      continue;
    }
    if (q.blanks) {
      const misfit = question.fields.find((f) => f.kind === "blank" && !fits(q.blanks!, f));
      if (misfit) problems.push(`questions.${code}.blanks: "${q.blanks}" does not apply to ${misfit.id} (${misfit.blankType})`);
    }
    const choices = new Set(question.fields.filter((f) => f.kind !== "blank").map(choiceId));
    for (const id of q.order ?? []) {
      if (!choices.has(id)) problems.push(`questions.${code}.order: ${id} is not an option or column of ${code}`);
    }
  }
  return problems;
}

function fits(rule: BlankRule, field: FieldDef): boolean {
  return RULES_BY_FAMILY[blankFamily(field.blankType ?? "text")].includes(rule);
}

/** The id an option or matrix column is ranked by: its own local id, or the column of a cell. */
export function choiceId(field: FieldDef): string {
  return field.cell?.column ?? field.id.slice(Math.max(field.id.lastIndexOf("."), field.id.lastIndexOf(":")) + 1);
}

export function blankRule(policy: MergePolicy, field: FieldDef): BlankRule {
  return policy.fields[field.id] ?? policy.questions[field.question]?.blanks ?? policy.blanks[field.blankType ?? "text"];
}

export function isNumberBlank(field: FieldDef): boolean {
  return blankFamily(field.blankType ?? "text") === "number";
}

/**
 * How advanced a choice is within its set, as a sortable pair [tier, position]: a question's `order` when given
 * (listed ids above unlisted), else printed position with the `notProgress` ids below everything else.
 */
export function advancement(policy: MergePolicy, field: FieldDef, position: number): [number, number] {
  const id = choiceId(field);
  const order = policy.questions[field.question]?.order;
  if (order) {
    const at = order.indexOf(id);
    return at < 0 ? [0, position] : [1, at];
  }
  return [policy.notProgress.includes(id) ? 0 : 1, position];
}

export function sourcesFor(policy: MergePolicy, answeredBy: Respondent): readonly RespondentRole[] {
  return policy.sources[answeredBy];
}
