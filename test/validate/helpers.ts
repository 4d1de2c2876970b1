/**
 * Small in-memory answer documents for the validation tests: a list of checked field ids and blank values becomes an
 * AnswerDocument with the compiled form's labels; `cleanSpec` answers the whole form without any issue.
 */
import type { AnswerDocument, AnswerItem, AnswerKind } from "../../src/extract/answers.js";
import type { CompiledForm, FieldDef } from "../../src/form/compile.js";
import { loadForm } from "../../src/form/load.js";
import { RESPONDENT_ASKS } from "../../src/validate/context.js";
import { formModel } from "../../src/validate/model.js";
import type { EvidenceLink, Issue, RespondentRole, ValidateOptions } from "../../src/validate/types.js";
import { validateAnswers } from "../../src/validate/validate.js";

export const form: CompiledForm = loadForm("pcio-2567");

export interface Spec {
  checked: string[];
  values: Record<string, string | number>;
  general: Record<string, string>;
  evidence: EvidenceLink[];
  form?: string;
}

export const GOOD_GENERAL: Record<string, string> = {
  province: "เชียงใหม่",
  office_location: "ศาลากลางจังหวัดเชียงใหม่",
  first_name: "สมชาย",
  last_name: "ใจดี",
  position: "นักวิเคราะห์นโยบายและแผน",
  office_phone: "0-5311-2345",
  extension: "123",
  mobile_phone: "081-234-5678",
  email: "pcio@chiangmai.go.th",
};

function kindOf(f: FieldDef): AnswerKind {
  if (f.kind === "option") return "choice";
  if (f.kind === "cell") return "matrix";
  switch (f.blankType) {
    case "integer":
    case "number":
    case "percent":
      return "number";
    case "url":
      return "url";
    case "date":
      return "date";
    default:
      return "text";
  }
}

/** The answer document for a spec; ids not in the form become items with their own id as label. */
export function makeDoc(spec: Partial<Spec>, f: CompiledForm = form): AnswerDocument {
  const answers: AnswerItem[] = [];
  const item = (id: string, value: AnswerItem["value"]): AnswerItem => {
    const def = f.field(id);
    return {
      field: id,
      question: def?.question ?? id.split(":")[0]!,
      kind: def ? kindOf(def) : typeof value === "boolean" ? "choice" : "text",
      label: def?.label ?? id,
      ...(def?.columnLabel ? { column: def.columnLabel } : {}),
      value,
      location: { paragraph: answers.length },
      recognizedBy: "content_control",
    };
  };
  for (const id of spec.checked ?? []) answers.push(item(id, true));
  for (const [id, value] of Object.entries(spec.values ?? {})) answers.push(item(id, value));
  return {
    form: spec.form ?? f.file.id,
    source: { file: "test.docx", sha256: "0".repeat(64), bytes: 1 },
    general: spec.general ?? {},
    method: "tagged",
    questionsFound: f.questions.map((q) => q.code),
    answers,
    warnings: [],
  };
}

function sampleValue(f: FieldDef): string | number {
  if (/data\.go\.th\/organization/u.test(f.label)) return "chiangmai";
  switch (f.blankType) {
    case "integer":
    case "number":
      return 1;
    case "percent":
      return 80;
    case "url":
      return "https://www.chiangmai.go.th";
    case "date":
      return "2024-12-31";
    case "email":
      return "pcio@chiangmai.go.th";
    case "phone":
      return "053-112-345";
    default:
      return f.evidence && /หลักฐาน/u.test(f.label) ? "หลักฐาน.pdf" : "ทดสอบ";
  }
}

/**
 * Answers every question this respondent is asked, choosing options that neither skip nor need evidence where the
 * form allows, filling every blank the choice calls for, and listing an evidence file for each question that needs
 * one. Validating it gives no issue at all.
 */
export function cleanSpec(respondent: RespondentRole = "provincial_office", f: CompiledForm = form): Spec {
  const model = formModel(f);
  const checked = new Set<string>();
  const values: Record<string, string | number> = {};
  const needsEvidence = new Set<string>();
  const asks = RESPONDENT_ASKS[respondent];

  const fill = (b: FieldDef) => {
    values[b.id] = sampleValue(b);
    if (b.evidence) needsEvidence.add(b.question);
  };
  const fillEntry = (groupId: string) => {
    const group = model.entries.get(groupId)!;
    const labels = new Set<string>();
    for (const b of group.entries[0]!) {
      if (b.kind !== "blank" || b.optional || labels.has(b.label)) continue;
      labels.add(b.label);
      fill(b);
    }
  };
  const score = (o: FieldDef) => {
    const childOptions = f.fields.some((c) => c.parent === o.id && c.kind === "option") || [...model.entries.values()].some((e) => e.parent === o.id);
    return (o.skipTo ? 100 : 0) + (o.evidence ? 10 : 0) + (childOptions ? 1 : 0);
  };
  const choose = (setId: string) => {
    const members = model.sets.get(setId)!.members;
    const best = members.reduce((a, b) => (score(b) < score(a) ? b : a));
    satisfy(best);
  };
  const satisfy = (o: FieldDef) => {
    checked.add(o.id);
    if (o.evidence) needsEvidence.add(o.question);
    for (const c of f.fields) if (c.parent === o.id && c.kind === "blank" && !c.entry && !c.optional) fill(c);
    for (const set of model.sets.values()) if (set.parent === o.id && !set.inEntry) choose(set.id);
    for (const e of model.entries.values()) if (e.parent === o.id) fillEntry(e.id);
  };

  for (const q of f.questions) {
    if (q.source.heading || !asks.includes(q.answeredBy)) continue;
    if (q.source.askedWhen && !checked.has(q.source.askedWhen)) continue;
    const sets = [...model.sets.values()].filter((s) => s.question === q.code && !s.parent && !s.inEntry);
    const rowBlanks = new Set(sets.flatMap((s) => s.rowBlanks ?? []));
    for (const set of sets) {
      if (set.kind === "cell") {
        if (set.select === "single" && !set.rowBlanks) satisfy(set.members[0]!);
      } else if (set.select === "single" || sets.length === 1) choose(set.id);
    }
    for (const b of q.fields) if (b.kind === "blank" && !b.parent && !b.entry && !rowBlanks.has(b.id)) fill(b);
    for (const e of model.entries.values()) if (e.question === q.code && !e.parent) fillEntry(e.id);
  }
  return {
    checked: [...checked],
    values,
    general: { ...GOOD_GENERAL },
    evidence: [...needsEvidence].map((question) => ({ question, file: `${question}.pdf`, marked: true })),
  };
}

/** A copy of a spec with some answers added, replaced or removed. */
export function change(
  spec: Spec,
  edit: { check?: string[]; uncheck?: string[]; set?: Record<string, string | number>; unset?: string[]; general?: Record<string, string | undefined>; evidence?: EvidenceLink[] },
): Spec {
  const checked = spec.checked.filter((id) => !(edit.uncheck ?? []).includes(id));
  for (const id of edit.check ?? []) if (!checked.includes(id)) checked.push(id);
  const values = { ...spec.values, ...edit.set };
  for (const id of edit.unset ?? []) delete values[id];
  const general = { ...spec.general };
  for (const [k, v] of Object.entries(edit.general ?? {})) {
    if (v === undefined) delete general[k];
    else general[k] = v;
  }
  return { ...spec, checked, values, general, evidence: edit.evidence ?? spec.evidence };
}

export function validate(spec: Partial<Spec>, options: ValidateOptions = {}) {
  return validateAnswers(form, makeDoc(spec), { evidence: spec.evidence ?? [], ...options });
}

/** Issues without the message data, for exact assertions on code, severity, question and field. */
export function brief(issues: readonly Issue[]): { code: string; severity: string; question: string; field?: string }[] {
  return issues.map((i) => ({ code: i.code, severity: i.severity, question: i.question, ...(i.field ? { field: i.field } : {}) }));
}
