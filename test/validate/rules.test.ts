/**
 * One block per issue code: a small answer document that triggers it (exact code, severity, question, field) and one
 * close to it that does not. Documents start from `cleanSpec()` (the whole form answered without any issue) with a
 * few answers changed.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatIssue } from "../../src/i18n/index.js";
import { FORMS_DIR, loadForm } from "../../src/form/load.js";
import { ISSUE_CODES, type Issue, type ValidateOptions } from "../../src/validate/types.js";
import { validateAnswers } from "../../src/validate/validate.js";
import { brief, change, cleanSpec, form, makeDoc, type Spec } from "./helpers.js";

const base = cleanSpec();
const seen: Issue[] = [];

function run(spec: Spec, options: ValidateOptions = {}) {
  const result = validateAnswers(form, makeDoc(spec), { evidence: spec.evidence, ...options });
  seen.push(...result.issues);
  return result;
}
const issues = (spec: Spec, options: ValidateOptions = {}) => brief(run(spec, options).issues);
const withEvidence = (...questions: string[]) => [...base.evidence, ...questions.map((question) => ({ question, file: `${question}.pdf`, marked: true }))];

describe("the clean document", () => {
  it("answers the whole form without any issue, for every respondent", () => {
    expect(issues(base)).toEqual([]);
    for (const role of ["agency", "statistics_office"] as const) {
      expect(issues(cleanSpec(role), { respondent: role })).toEqual([]);
    }
  });
});

describe("document", () => {
  it("form_mismatch: answers read with another edition", () => {
    expect(issues({ ...base, form: "pcio-2566" })).toEqual([{ code: "form_mismatch", severity: "warning", question: "form" }]);
    expect(issues({ ...base, form: "pcio-2567" })).toEqual([]);
  });

  it("unknown_field: a field the form does not have", () => {
    expect(issues(change(base, { check: ["G1:maybe"] }))).toEqual([
      { code: "unknown_field", severity: "warning", question: "G1", field: "G1:maybe" },
    ]);
  });

  it("mark_uncertain, handwriting_not_read: what the reader of a scanned copy left to a person, under the question before it", () => {
    const doc = makeDoc(base);
    // Answers read from pages: G1's on page 2, P1.1's on page 5.
    for (const a of doc.answers) a.location = a.question === "G1" ? { page: 2, box: [72, 300, 12, 12] } : a.question === "P1.1" ? { page: 5, box: [72, 100, 12, 12] } : {};
    doc.warnings.push(
      { severity: "warning", code: "handwriting_not_read", message: "…", location: { page: 2, box: [90, 410.4, 300, 20] } },
      { severity: "warning", code: "mark_uncertain", message: "…", location: { page: 5, box: [72, 130, 12, 12] } },
      { severity: "warning", code: "read_from_scan", message: "…" },
    );
    const result = validateAnswers(form, doc, { evidence: base.evidence });
    seen.push(...result.issues);
    expect(result.issues.map((i) => [i.code, i.severity, i.question, i.data])).toEqual([
      ["handwriting_not_read", "warning", "G1", { page: 2, box: "90,410,300,20" }],
      ["mark_uncertain", "warning", "P1.1", { page: 5, box: "72,130,12,12" }],
    ]);
    expect(formatIssue(result.issues[0]!, "th").message).toContain("ต้องตรวจด้วยตา");
  });

  const g3 = (n: number) => {
    const set: Record<string, string> = {};
    for (let i = 1; i <= n; i++) Object.assign(set, { [`G3:yes.projects.${i}.name`]: `โครงการ ${i}`, [`G3:yes.projects.${i}.result`]: "ลดเวลา" });
    return change(base, { uncheck: ["G3:no"], unset: ["G3:no.reason"], check: ["G3:yes"], set, evidence: withEvidence("G3") });
  };

  it("entry_limit_exceeded: more entries than the printed room (ไม่เกิน 5 โครงการ)", () => {
    const result = run(g3(7));
    expect(brief(result.issues)).toEqual([
      { code: "entry_limit_exceeded", severity: "error", question: "G3", field: "G3:yes.projects.6.name" },
    ]);
    expect(result.issues[0]!.data).toMatchObject({ max: 5, count: 7 });
    expect(issues(g3(5))).toEqual([]);
  });
});

describe("who answers what, skips and conditions", () => {
  const noP13 = change(base, { uncheck: ["P1.3:no"], unset: ["P1.3:no.reason"] });

  it("required_missing: a required question without an answer", () => {
    expect(issues(noP13)).toEqual([{ code: "required_missing", severity: "error", question: "P1.3" }]);
    // P1.3 is the provincial office's: an agency is not asked it.
    const agency = cleanSpec("agency");
    expect(agency.checked.some((id) => id.startsWith("P1.3:"))).toBe(false);
    expect(issues(agency, { respondent: "agency" })).toEqual([]);
    const noG3 = change(agency, { uncheck: ["G3:no"], unset: ["G3:no.reason"] });
    expect(issues(noG3, { respondent: "agency" })).toEqual([{ code: "required_missing", severity: "error", question: "G3" }]);
  });

  it("required_missing: not for headings, nor for a question that is only a list which may stay empty", () => {
    expect(form.question("P2.1")!.source.heading).toBe(true);
    const noList = change(base, { unset: ["P7.1:new_tech.1.name", "P7.1:new_tech.1.process_1", "P7.1:new_tech.1.evidence"], evidence: base.evidence.filter((e) => e.question !== "P7.1") });
    expect(issues(noList)).toEqual([]);
  });

  it("not_asked_answered: an agency answered a provincial-office question", () => {
    const agency = change(cleanSpec("agency"), { check: ["G1:no"], set: { "G1:no.reason": "ยังไม่แต่งตั้ง" } });
    expect(issues(agency, { respondent: "agency" })).toEqual([{ code: "not_asked_answered", severity: "info", question: "G1" }]);
    // The agency's G1 "no" does not skip the agency's own G3.
    expect(issues(base)).toEqual([]);
  });

  const g1No = change(base, { uncheck: ["G1:yes"], check: ["G1:no"], set: { "G1:no.reason": "ยังไม่แต่งตั้ง" } });

  it("skipped_question_answered: G1 ไม่มี (ข้ามไปข้อ G4) with G2–G3 answered", () => {
    const result = run(g1No);
    expect(brief(result.issues)).toEqual([
      { code: "skipped_question_answered", severity: "warning", question: "G2" },
      { code: "skipped_question_answered", severity: "warning", question: "G3" },
    ]);
    expect(result.issues[0]!.data).toMatchObject({ by: "G1:no", target: "G4" });
  });

  it("skip rules: G2–G3 not required after the skip, G4 required again", () => {
    const skipped = change(g1No, { uncheck: ["G2:no", "G3:no", "G4:no"], unset: ["G2:no.reason", "G3:no.reason"] });
    const result = run(skipped);
    expect(brief(result.issues)).toEqual([{ code: "required_missing", severity: "error", question: "G4" }]);
    const p3 = result.completeness.pillars.find((p) => p.pillar === 3)!;
    expect(p3).toMatchObject({ answered: 2, required: 3, missing: ["G4"] });
  });

  it("skip rules: a skip marked together with another option decides nothing", () => {
    const both = change(base, { check: ["G1:no"], set: { "G1:no.reason": "x" }, uncheck: ["G2:no"], unset: ["G2:no.reason"] });
    expect(issues(both)).toEqual([{ code: "choice_multiple", severity: "error", question: "G1", field: "G1:no" }]);
  });

  const i3No = change(base, { uncheck: ["P2.2.1.2:i3.yes"], check: ["P2.2.1.2:i3.no", "P2.2.1.2:i3_3.data_not_ready"] });

  it("skipped_item_answered: ไม่มี (ข้ามไปข้อ (3.3)) with (3.1)–(3.2) answered", () => {
    expect(issues(i3No)).toEqual([
      { code: "skipped_item_answered", severity: "warning", question: "P2.2.1.2", field: "P2.2.1.2:i3_1.url" },
      { code: "skipped_item_answered", severity: "warning", question: "P2.2.1.2", field: "P2.2.1.2:i3_1.structured" },
      { code: "skipped_item_answered", severity: "warning", question: "P2.2.1.2", field: "P2.2.1.2:i3_1.machine_readable" },
      { code: "skipped_item_answered", severity: "warning", question: "P2.2.1.2", field: "P2.2.1.2:i3_1.unstructured" },
      { code: "skipped_item_answered", severity: "warning", question: "P2.2.1.2", field: "P2.2.1.2:i3_2.no" },
    ]);
    const clean = change(i3No, {
      uncheck: ["P2.2.1.2:i3_2.no"],
      unset: ["P2.2.1.2:i3_1.url", "P2.2.1.2:i3_1.structured", "P2.2.1.2:i3_1.machine_readable", "P2.2.1.2:i3_1.unstructured"],
    });
    expect(issues(clean)).toEqual([]);
  });

  it("condition_unmet_answered: askedWhen not chosen, yet answered", () => {
    // In pcio-2567, P5.2 "ไม่มี" also skips to P5.3; an edition without that skip leaves the askedWhen condition alone.
    const dir = mkdtempSync(path.join(os.tmpdir(), "samruat-validate-"));
    const file = path.join(dir, "pcio-test.yaml");
    const yaml = readFileSync(path.join(FORMS_DIR, "pcio-2567.yaml"), "utf8");
    writeFileSync(file, yaml.replace("id: pcio-2567", "id: pcio-test").replace("        skipTo: P5.3\n", ""));
    const edition = loadForm(file);
    expect(edition.field("P5.2:no")!.skipTo).toBeUndefined();
    const spec = change(base, { uncheck: ["P5.2:yes", "P5.2:yes.service"], check: ["P5.2:no", "P5.2:no.no_budget"] });
    const result = validateAnswers(edition, makeDoc({ ...spec, form: "pcio-test" }, edition), { evidence: spec.evidence });
    seen.push(...result.issues);
    expect(brief(result.issues)).toEqual([{ code: "condition_unmet_answered", severity: "warning", question: "P5.2.1" }]);
    expect(result.issues[0]!.data).toMatchObject({ condition: "P5.2:yes", conditionQuestion: "P5.2" });
    const cleared = change(spec, { uncheck: ["P5.2.1:no"] });
    expect(brief(validateAnswers(edition, makeDoc({ ...cleared, form: "pcio-test" }, edition), { evidence: spec.evidence }).issues)).toEqual([]);
  });
});

describe("choices", () => {
  it("choice_multiple: two marks in a single-choice set", () => {
    expect(issues(change(base, { check: ["P1.3:in_progress"] }))).toEqual([
      { code: "choice_multiple", severity: "error", question: "P1.3", field: "P1.3:no" },
    ]);
  });

  it("choice_multiple: matrix rows per row, and per column group", () => {
    expect(issues(change(base, { check: ["P5.1:systems.r1@yes"] }))).toEqual([
      { code: "choice_multiple", severity: "error", question: "P5.1", field: "P5.1:systems.r1@no" },
    ]);
    const group = run(change(base, { check: ["P2.1.3:status.r1@internal_yes"], evidence: withEvidence("P2.1.3") }));
    expect(brief(group.issues)).toEqual([
      { code: "choice_multiple", severity: "error", question: "P2.1.3", field: "P2.1.3:status.r1@internal_no" },
    ]);
    expect(group.issues[0]!.data).toMatchObject({ set: "P2.1.3:status.r1@internal_use", count: 2 });
  });

  it("choice_multiple: not for several answers where several are allowed, nor across column groups", () => {
    expect(issues(change(base, { check: ["P5.3:i2", "P5.3:i3"] }))).toEqual([]);
    expect(issues(change(base, { uncheck: ["P2.1.3:status.r1@open_no"], check: ["P2.1.3:status.r1@open_yes"], evidence: withEvidence("P2.1.3") }))).toEqual([]);
  });

  it("choice_missing: a group, a checked option's sub-choice, the question's own choice", () => {
    const group = run(change(base, { uncheck: ["P6.1:a.a1", "P6.1:a.a1.a1_1"] }));
    expect(brief(group.issues)).toEqual([{ code: "choice_missing", severity: "error", question: "P6.1" }]);
    expect(group.issues[0]!.data).toMatchObject({ set: "P6.1:a" });
    expect(issues(change(base, { uncheck: ["P4.2.2:yes.i1.unknown"] }))).toEqual([
      { code: "choice_missing", severity: "error", question: "P4.2.2", field: "P4.2.2:yes" },
    ]);
    expect(issues(change(base, { uncheck: ["P1.3:no"] }))).toEqual([
      { code: "choice_missing", severity: "error", question: "P1.3" },
      { code: "blank_without_parent", severity: "warning", question: "P1.3", field: "P1.3:no.reason" },
    ]);
  });

  it("choice_missing: not for an unanswered question (required_missing) nor under an unchecked option", () => {
    expect(issues(change(base, { uncheck: ["P6.1:a.a1", "P6.1:a.a1.a1_1", "P6.1:b.b1", "P6.1:b.b1.b1_1", "P6.1:c.c1", "P6.1:c.c1.c1_1"] }))).toEqual([
      { code: "required_missing", severity: "error", question: "P6.1" },
    ]);
    expect(issues(change(base, { uncheck: ["P4.2.2:yes", "P4.2.2:yes.i1.unknown", "P4.2.2:yes.i2.unknown"], check: ["P4.2.2:no"] }))).toEqual([
      { code: "skipped_question_answered", severity: "warning", question: "P4.2.3" },
    ]);
  });

  it("sub_choice_missing: a checked option whose items (□) are all empty", () => {
    const yes = change(base, { uncheck: ["P4.3:no"], check: ["P4.3:yes"] });
    expect(issues(yes)).toEqual([{ code: "sub_choice_missing", severity: "warning", question: "P4.3", field: "P4.3:yes" }]);
    expect(issues(change(yes, { check: ["P4.3:yes.policy"] }))).toEqual([]);
  });

  it("matrix_row_missing: a row without a mark, per column group", () => {
    const row = run(change(base, { uncheck: ["P5.1:systems.r3@no"] }));
    expect(brief(row.issues)).toEqual([{ code: "matrix_row_missing", severity: "error", question: "P5.1" }]);
    expect(row.issues[0]!.data).toMatchObject({ set: form.field("P5.1:systems.r3@no")!.set, row: "งานบริหารงบประมาณ" });
    const group = run(change(base, { uncheck: ["P2.1.3:status.r2@open_no"] }));
    expect(brief(group.issues)).toEqual([{ code: "matrix_row_missing", severity: "error", question: "P2.1.3" }]);
    expect(group.issues[0]!.data).toMatchObject({ set: "P2.1.3:status.r2@open_data" });
  });

  it("matrix_row_missing: 'other' rows are optional until their blank is filled", () => {
    expect(issues(base)).toEqual([]);
    expect(issues(change(base, { set: { "P5.1:systems.r14.detail": "งานขนส่ง" } }))).toEqual([
      { code: "matrix_row_missing", severity: "error", question: "P5.1" },
    ]);
    expect(issues(change(base, { set: { "P5.1:systems.r14.detail": "งานขนส่ง" }, check: ["P5.1:systems.r14@yes"] }))).toEqual([]);
  });

  it("nested_without_parent: a sub-option checked under an unchecked option", () => {
    expect(issues(change(base, { check: ["P1.1:done.i1"] }))).toEqual([
      { code: "nested_without_parent", severity: "error", question: "P1.1", field: "P1.1:done.i1" },
    ]);
    const done = change(base, { uncheck: ["P1.1:no"], unset: ["P1.1:no.reason"], check: ["P1.1:done", "P1.1:done.i1"], evidence: withEvidence("P1.1") });
    expect(issues(done)).toEqual([]);
  });

  it("blank_without_parent: text typed under an unchecked option", () => {
    expect(issues(change(base, { set: { "G4:yes.i1.detail": "ขาดนโยบาย" } }))).toEqual([
      { code: "blank_without_parent", severity: "warning", question: "G4", field: "G4:yes.i1.detail" },
    ]);
    expect(issues(change(base, { set: { "G2:no.reason": "ไม่ได้จัดประชุม" } }))).toEqual([]);
  });
});

describe("blanks and entries", () => {
  it("specify_missing: the reason under a checked ไม่มี", () => {
    expect(issues(change(base, { unset: ["G2:no.reason"] }))).toEqual([
      { code: "specify_missing", severity: "error", question: "G2", field: "G2:no.reason" },
    ]);
  });

  it("specify_missing: อื่น ๆ โปรดระบุ without text", () => {
    const other = change(base, { uncheck: ["P4.3:no"], check: ["P4.3:yes", "P4.3:yes.other"] });
    expect(issues(other)).toEqual([{ code: "specify_missing", severity: "error", question: "P4.3", field: "P4.3:yes.other.detail" }]);
    expect(issues(change(other, { set: { "P4.3:yes.other.detail": "ใช้ระบบ e-Service" } }))).toEqual([]);
  });

  it("specify_missing: a cell's blank, a marked 'other' row, an in-question region whose skip was not taken", () => {
    const cell = change(base, { uncheck: ["P6.2.2:status.r2@none"], check: ["P6.2.2:status.r2@done"], evidence: withEvidence("P6.2.2") });
    expect(issues(cell)).toEqual([{ code: "specify_missing", severity: "error", question: "P6.2.2", field: "P6.2.2:status.r2@done.frequency" }]);
    expect(issues(change(cell, { set: { "P6.2.2:status.r2@done.frequency": 2 } }))).toEqual([]);
    expect(issues(change(base, { check: ["P5.1:systems.r15@yes"] }))).toEqual([
      { code: "specify_missing", severity: "error", question: "P5.1", field: "P5.1:systems.r15.detail" },
    ]);
    expect(issues(change(base, { unset: ["P2.2.1.2:i3_1.url"] }))).toEqual([
      { code: "specify_missing", severity: "error", question: "P2.2.1.2", field: "P2.2.1.2:i3_1.url" },
    ]);
  });

  it("specify_missing: not for optional blanks (แนบเอกสารหลักฐาน หรือ URL)", () => {
    expect(form.field("P2.2.3.1:yes.url")!.optional).toBe(true);
    expect(base.checked).toContain("P2.2.3.1:yes");
    expect(base.values["P2.2.3.1:yes.url"]).toBeUndefined();
    expect(issues(base)).toEqual([]);
  });

  const g3Yes = change(base, { uncheck: ["G3:no"], unset: ["G3:no.reason"], check: ["G3:yes"], evidence: withEvidence("G3") });

  it("entries_missing: มี โปรดระบุ รายละเอียด with no project", () => {
    expect(issues(g3Yes)).toEqual([{ code: "entries_missing", severity: "error", question: "G3", field: "G3:yes" }]);
    expect(issues(change(g3Yes, { set: { "G3:yes.projects.1.name": "Smart City", "G3:yes.projects.1.result": "ลดเวลา 50%" } }))).toEqual([]);
  });

  it("entry_incomplete: a project without its result", () => {
    expect(issues(change(g3Yes, { set: { "G3:yes.projects.1.name": "Smart City" } }))).toEqual([
      { code: "entry_incomplete", severity: "warning", question: "G3", field: "G3:yes.projects.1.result" },
    ]);
    // P7.1's four process blanks share one label: one is enough.
    expect(base.values["P7.1:new_tech.1.process_2"]).toBeUndefined();
    expect(issues(base)).toEqual([]);
  });
});

describe("numbers", () => {
  const count = (value: string | number) => change(base, { set: { "P4.1:total.count": value } });

  it("not_a_number", () => {
    expect(issues(count("ห้า"))).toEqual([{ code: "not_a_number", severity: "error", question: "P4.1", field: "P4.1:total.count" }]);
    expect(issues(count("๑,๒๐๐ บริการ"))).toEqual([]);
  });

  it("not_whole_number", () => {
    expect(issues(count(2.5))).toEqual([{ code: "not_whole_number", severity: "error", question: "P4.1", field: "P4.1:total.count" }]);
    expect(issues(count("3"))).toEqual([]);
  });

  it("negative_number", () => {
    const neg = change(base, { set: { "P2.2.1.2:i3_1.unstructured": -3 } });
    expect(issues(neg)).toEqual([{ code: "negative_number", severity: "error", question: "P2.2.1.2", field: "P2.2.1.2:i3_1.unstructured" }]);
    expect(issues(change(base, { set: { "P2.2.1.2:i3_1.unstructured": 0 } }))).toEqual([]);
  });

  const percent = (value: string | number) =>
    change(base, {
      uncheck: ["P4.2.2:yes.i2.unknown"],
      check: ["P4.2.2:yes.i2.percent"],
      set: { "P4.2.2:yes.i2.percent.percent": value },
      evidence: withEvidence("P4.2.2"),
    });

  it("percent_out_of_range", () => {
    expect(issues(percent(120))).toEqual([
      { code: "percent_out_of_range", severity: "error", question: "P4.2.2", field: "P4.2.2:yes.i2.percent.percent" },
    ]);
    expect(issues(percent(100))).toEqual([]);
    expect(issues(percent("85.5%"))).toEqual([]);
  });

  const scale = (score: number, full: number) =>
    change(base, {
      uncheck: ["P4.2.2:yes.i2.unknown"],
      check: ["P4.2.2:yes.i2.scale"],
      set: { "P4.2.2:yes.i2.scale.score": score, "P4.2.2:yes.i2.scale.full_score": full },
      evidence: withEvidence("P4.2.2"),
    });

  it("score_above_max: a score above its คะแนนเต็ม (maxOf in the form file)", () => {
    const result = run(scale(6, 5));
    expect(brief(result.issues)).toEqual([{ code: "score_above_max", severity: "error", question: "P4.2.2", field: "P4.2.2:yes.i2.scale.score" }]);
    expect(result.issues[0]!.data).toMatchObject({ score: 6, max: 5 });
    expect(issues(scale(4.5, 5))).toEqual([]);
  });

  it("number_not_positive: sample size > 0, full score > 0", () => {
    const sample = (n: number) => change(base, { uncheck: ["P4.2.2:yes.i1.unknown"], check: ["P4.2.2:yes.i1.known"], set: { "P4.2.2:yes.i1.known.count": n } });
    expect(issues(sample(0))).toEqual([{ code: "number_not_positive", severity: "error", question: "P4.2.2", field: "P4.2.2:yes.i1.known.count" }]);
    expect(issues(sample(400))).toEqual([]);
    expect(issues(scale(0, 0))).toEqual([
      { code: "number_not_positive", severity: "error", question: "P4.2.2", field: "P4.2.2:yes.i2.scale.full_score" },
    ]);
  });

  it("count_exceeds_total: P4.1.1 ≤ P4.1 and P4.2.1 ≤ P4.2", () => {
    expect(issues(change(base, { set: { "P4.1.1:total.count": 5 } }))).toEqual([
      { code: "count_exceeds_total", severity: "error", question: "P4.1.1", field: "P4.1.1:total.count" },
    ]);
    const own = change(base, {
      uncheck: ["P4.2.1:unknown"],
      check: ["P4.2.1:total"],
      set: { "P4.2.1:total.count": 2, "P4.2.1:total.services.1.name": "จองคิว", "P4.2.1:total.services.2.name": "แจ้งเรื่อง" },
    });
    const result = run(own);
    expect(brief(result.issues)).toEqual([{ code: "count_exceeds_total", severity: "error", question: "P4.2.1", field: "P4.2.1:total.count" }]);
    expect(result.issues[0]!.data).toMatchObject({ value: 2, total: 1, totalQuestion: "P4.2" });
    expect(issues(change(own, { set: { "P4.2:total.count": 2 } }))).toEqual([]);
  });

  it("count_mismatch_entries: services named match the count (at most 5)", () => {
    const services = (countValue: number, named: number) => {
      const set: Record<string, string | number> = { "P4.2:total.count": 10, "P4.2.1:total.count": countValue };
      for (let i = 1; i <= named; i++) set[`P4.2.1:total.services.${i}.name`] = `บริการ ${i}`;
      return change(base, { uncheck: ["P4.2.1:unknown"], check: ["P4.2.1:total"], set });
    };
    const result = run(services(3, 2));
    expect(brief(result.issues)).toEqual([{ code: "count_mismatch_entries", severity: "warning", question: "P4.2.1", field: "P4.2.1:total.count" }]);
    expect(result.issues[0]!.data).toMatchObject({ count: 3, named: 2, expected: 3 });
    expect(issues(services(3, 3))).toEqual([]);
    expect(issues(services(7, 5))).toEqual([]);
    expect(issues(services(0, 0))).toEqual([]);
    // The count is given: no names for a count above 0 is a mismatch, not entries_missing.
    expect(issues(services(2, 0))).toEqual([{ code: "count_mismatch_entries", severity: "warning", question: "P4.2.1", field: "P4.2.1:total.count" }]);
  });
});

describe("URLs, e-mail, phones, general information", () => {
  const url = (value: string) => change(base, { set: { "P4.5.1:yes.url": value } });

  it("url_invalid", () => {
    expect(issues(url("htp:/x"))).toEqual([{ code: "url_invalid", severity: "error", question: "P4.5.1", field: "P4.5.1:yes.url" }]);
    expect(issues(url("เว็บไซต์จังหวัด"))).toEqual([{ code: "url_invalid", severity: "error", question: "P4.5.1", field: "P4.5.1:yes.url" }]);
    expect(issues(url("www.chiangmai.go.th"))).toEqual([]);
    expect(issues(url("https://www.chiangmai.go.th/th/index.php?page=1"))).toEqual([]);
  });

  it("data_go_th_org_missing: data.go.th/organization/ without the organisation", () => {
    expect(issues(change(base, { set: { "P2.2.1.2:i2.organization": "https://data.go.th/organization/" } }))).toEqual([
      { code: "data_go_th_org_missing", severity: "error", question: "P2.2.1.2", field: "P2.2.1.2:i2.organization" },
    ]);
    expect(issues(change(base, { set: { "P2.2.1.2:i1.url": "https://data.go.th/organization" } }))).toEqual([
      { code: "data_go_th_org_missing", severity: "error", question: "P2.2.1.2", field: "P2.2.1.2:i1.url" },
    ]);
    expect(issues(change(base, { set: { "P2.2.1.2:i2.organization": "https://data.go.th/organization/chiangmai" } }))).toEqual([]);
    expect(issues(change(base, { set: { "P2.2.1.2:i2.organization": "chiangmai-province" } }))).toEqual([]);
    // The printed ".../organization/" running into the typed name.
    expect(issues(change(base, { set: { "P2.2.1.2:i2.organization": "/ chiangmai" } }))).toEqual([]);
  });

  it("email_invalid", () => {
    expect(issues(change(base, { general: { email: "pcio@chiangmai" } }))).toEqual([
      { code: "email_invalid", severity: "error", question: "general", field: "general:email" },
    ]);
    expect(issues(change(base, { general: { email: " PCIO.CM@chiangmai.go.th " } }))).toEqual([]);
  });

  it("phone_invalid: Thai landline or mobile shapes, Thai digits and extensions allowed", () => {
    expect(issues(change(base, { general: { office_phone: "5311-2345" } }))).toEqual([
      { code: "phone_invalid", severity: "error", question: "general", field: "general:office_phone" },
    ]);
    for (const ok of ["๐-๕๓๑๑-๒๓๔๕ ต่อ ๑๒๓", "053 112 345", "+66 53 112 345", "02-123-4567, 081-234-5678", "081-234-5678"]) {
      expect(issues(change(base, { general: { office_phone: ok } })), ok).toEqual([]);
    }
  });

  it("mobile_invalid: the mobile number is 0[689] + 8 digits", () => {
    expect(issues(change(base, { general: { mobile_phone: "053-112-345" } }))).toEqual([
      { code: "mobile_invalid", severity: "error", question: "general", field: "general:mobile_phone" },
    ]);
    for (const ok of ["๐๘๑ ๒๓๔ ๕๖๗๘", "0912345678", "06-1234-5678"]) {
      expect(issues(change(base, { general: { mobile_phone: ok } })), ok).toEqual([]);
    }
  });

  it("general_missing: required general fields; optional ones (เบอร์ต่อ) may stay empty; labels accepted as keys", () => {
    expect(issues(change(base, { general: { province: undefined } }))).toEqual([
      { code: "general_missing", severity: "error", question: "general", field: "general:province" },
    ]);
    expect(issues(change(base, { general: { extension: undefined } }))).toEqual([]);
    expect(issues(change(base, { general: { province: undefined, ชื่อจังหวัด: "เชียงใหม่" } }))).toEqual([]);
  });
});

describe("dates", () => {
  const expected = (value: string) =>
    change(base, { uncheck: ["P1.4:not_started"], check: ["P1.4:in_progress"], set: { "P1.4:in_progress.expected_date": value } });

  it("date_invalid: a date blank that is not a date", () => {
    expect(issues(expected("เร็ว ๆ นี้"))).toEqual([
      { code: "date_invalid", severity: "warning", question: "P1.4", field: "P1.4:in_progress.expected_date" },
    ]);
    for (const ok of ["ธันวาคม 2567", "๓๐ ก.ย. ๖๗", "2024-09-30", "30/09/2567", "ก.ย. 67"]) expect(issues(expected(ok)), ok).toEqual([]);
  });

  const g2 = (detail: string) =>
    change(base, { uncheck: ["G2:no"], unset: ["G2:no.reason"], check: ["G2:yes"], set: { "G2:yes.detail": detail }, evidence: withEvidence("G2") });

  it("date_out_of_period: G2's meeting outside 12 มิ.ย. 66 – 11 มิ.ย. 67", () => {
    const result = run(g2("ประชุมเมื่อวันที่ 1 มกราคม 2566 เห็นชอบแผน"));
    expect(brief(result.issues)).toEqual([{ code: "date_out_of_period", severity: "warning", question: "G2", field: "G2:yes.detail" }]);
    expect(result.issues[0]!.data).toMatchObject({ from: "2023-06-12", to: "2024-06-11" });
    expect(issues(g2("ประชุมครั้งที่ ๑/๒๕๖๗ เมื่อ ๑๑ มิ.ย. ๖๗ ตามคำสั่งที่ ๓๐๔๖/๒๕๖๗ ลงวันที่ ๗ มิถุนายน ๒๕๖๗"))).toEqual([]);
    expect(issues(g2("ประชุมวันที่ 12 มิถุนายน 2566"))).toEqual([]);
    expect(issues(g2("มีการประชุมขับเคลื่อนงานดิจิทัล"))).toEqual([]);
    expect(issues(g2("ประชุมวันที่ 12/06/2567"))).toEqual([{ code: "date_out_of_period", severity: "warning", question: "G2", field: "G2:yes.detail" }]);
  });
});

describe("evidence", () => {
  it("evidence_missing: a checked option that needs evidence without a file", () => {
    const result = run(change(base, { evidence: base.evidence.filter((e) => e.question !== "G1") }));
    expect(brief(result.issues)).toEqual([{ code: "evidence_missing", severity: "error", question: "G1", field: "G1:yes" }]);
    expect(result.issues[0]!.data).toMatchObject({ fields: ["G1:yes"] });
  });

  it("evidence_missing: matrix cells, entries, evidence blanks; a URL given in the evidence place is enough", () => {
    const none = { evidence: [] };
    expect(issues(change(base, { ...none, uncheck: ["P2.2.1.1:partial", "P2.2.1.1:partial.metadata", "P2.2.3.1:yes", "P2.2.3.1:yes.exchange_with.provincial", "G1:yes", "P5.2:yes", "P5.2:yes.service", "P5.3:i1"], check: ["P2.2.1.1:no", "P2.2.3.1:in_progress", "G1:no", "P5.2:no", "P5.2:no.no_budget", "P5.3:i2"], set: { "G1:no.reason": "x" }, unset: ["G2:no.reason", "G3:no.reason", "P7.1:new_tech.1.evidence"] }))
      .filter((i) => i.code === "evidence_missing")).toEqual([
      { code: "evidence_missing", severity: "error", question: "P5.3", field: "P5.3:i2" },
      { code: "evidence_missing", severity: "error", question: "P7.1", field: "P7.1:new_tech.1.evidence" },
    ]);
    const cell = change(base, { uncheck: ["P2.3:status.r1@none"], check: ["P2.3:status.r1@done"] });
    expect(issues(cell)).toEqual([{ code: "evidence_missing", severity: "error", question: "P2.3", field: "P2.3:status.r1@done" }]);
    const withUrl = change(base, {
      evidence: base.evidence.filter((e) => e.question !== "P2.2.3.1"),
      set: { "P2.2.3.1:yes.url": "https://catalog.chiangmai.go.th/dataset" },
    });
    expect(issues(withUrl)).toEqual([]);
  });

  it("evidence_not_marked: an error where the question asks to mark key text, a warning elsewhere", () => {
    const marked = (question: string, value: boolean | undefined) =>
      change(base, { evidence: base.evidence.map((e) => (e.question === question ? { question, file: e.file, ...(value === undefined ? {} : { marked: value }) } : e)) });
    expect(issues(marked("G1", false))).toEqual([{ code: "evidence_not_marked", severity: "error", question: "G1" }]);
    expect(form.question("P2.2.1.1")!.source.markKeyText).toBeUndefined();
    expect(issues(marked("P2.2.1.1", false))).toEqual([{ code: "evidence_not_marked", severity: "warning", question: "P2.2.1.1" }]);
    expect(issues(marked("G1", undefined))).toEqual([]);
    expect(issues(marked("G1", true))).toEqual([]);
  });

  it("evidence_not_checked: without an evidence list, one note instead of errors", () => {
    const result = validateAnswers(form, makeDoc(base));
    seen.push(...result.issues);
    expect(brief(result.issues)).toEqual([{ code: "evidence_not_checked", severity: "info", question: "form" }]);
    expect(result.issues[0]!.data).toMatchObject({ questions: ["G1", "P2.2.1.1", "P2.2.3.1", "P5.2", "P5.3", "P7.1"], count: 6 });
    expect(issues(base)).toEqual([]);
  });

  it("evidence_unknown_question: a file linked to a question the form does not have; field ids count for their question", () => {
    expect(issues(change(base, { evidence: [...base.evidence, { question: "P9.9", file: "x.pdf" }] }))).toEqual([
      { code: "evidence_unknown_question", severity: "warning", question: "P9.9" },
    ]);
    const byField = base.evidence.map((e) => (e.question === "G1" ? { ...e, question: "G1:yes" } : e));
    expect(issues(change(base, { evidence: byField }))).toEqual([]);
  });
});

describe("completeness", () => {
  it("per pillar, answered / required for the respondent", () => {
    const full = run(base).completeness;
    // The provincial office is asked everything that is not a heading, except P7.1's list of new technologies (it
    // may stay empty); the clean document takes no skip.
    const asked = (pillar: number) => form.questions.filter((q) => q.pillar === pillar && !q.source.heading && q.code !== "P7.1").length;
    expect(full.pillars.map((p) => [p.pillar, p.answered, p.required])).toEqual(full.pillars.map((p) => [p.pillar, asked(p.pillar), asked(p.pillar)]));
    expect(full.pillars.map((p) => p.required)).toEqual([7, 15, 5, 13, 5, 3, 10]);
    expect([full.answered, full.required]).toEqual([58, 58]);
    const missing = run(change(base, { uncheck: ["P1.3:no"], unset: ["P1.3:no.reason"] })).completeness.pillars[0]!;
    expect(missing).toMatchObject({ answered: 6, required: 7, missing: ["P1.3"] });
    const agency = run(cleanSpec("agency"), { respondent: "agency" }).completeness;
    expect(agency.pillars[0]).toMatchObject({ answered: 1, required: 1 });
    expect(agency.pillars[2]).toMatchObject({ answered: 2, required: 2 });
  });
});

describe("coverage of the issue codes", () => {
  // Last in the file: every issue produced by the tests above is looked at.
  it("every code is triggered by a test above, and its messages fill every placeholder in th and en", () => {
    const codes = new Set(seen.map((i) => i.code));
    expect(ISSUE_CODES.filter((c) => !codes.has(c))).toEqual([]);
    for (const issue of seen) {
      for (const lang of ["th", "en"] as const) {
        const { message, hint } = formatIssue(issue, lang);
        expect(message + hint, `${issue.code} (${lang})`).not.toMatch(/[{}]|undefined|\[object/);
      }
    }
  });
});
