/** Each merge-policy rule on small in-memory bundles: choices, matrices, numbers, texts, entries, sources, overrides. */
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { consolidate, loadPolicy, type MergePolicy, ProvinceConsolidationSchema } from "../../src/consolidate/index.js";
import type { ProvinceConsolidation } from "../../src/consolidate/schema.js";
import { bundle, form } from "./fixtures.js";

const policy = loadPolicy();
/** The provincial office's form with G1 "มี" (and its evidence), so G2–G3 are not skipped. */
const office = (answers: Record<string, true | string | number> = {}, files = [{ file: "office/G1-order.pdf", questions: ["G1"] }]) =>
  bundle("office", "provincial_office", { "G1:yes": true, ...answers }, files);

function answer(result: ProvinceConsolidation, field: string) {
  return result.answers.find((a) => a.field === field);
}
function checked(result: ProvinceConsolidation, question: string): string[] {
  return result.answers.filter((a) => a.question === question && a.value === true).map((a) => a.field);
}
function withPolicy(overrides: Partial<MergePolicy>): MergePolicy {
  return { ...policy, ...overrides };
}

describe("one-answer choices", () => {
  it("take the most advanced option that has evidence; unsupported answers are conflicts, not taken", () => {
    const result = consolidate(form, [
      office(),
      bundle("commerce", "agency", { "P2.1.1:done": true }, [{ file: "commerce/P2.1.1-order.pdf", questions: ["P2.1.1"] }]),
      bundle("energy", "agency", { "P2.1.1:in_progress": true }),
      bundle("labour", "agency", { "P2.1.1:done": true }),
    ]);
    expect(checked(result, "P2.1.1")).toEqual(["P2.1.1:done"]);
    const done = answer(result, "P2.1.1:done")!;
    expect(done.rule).toBe("most_advanced");
    expect(done.sources).toEqual([
      { agency: "commerce", field: "P2.1.1:done", value: true, evidence: ["commerce/P2.1.1-order.pdf"], evidenceState: "marked" },
    ]);
    expect(done.outranked).toEqual([{ field: "P2.1.1:in_progress", label: "อยู่ระหว่างดำเนินการ", agencies: ["energy"] }]);
    const unsupported = result.conflicts.filter((c) => c.question === "P2.1.1");
    expect(unsupported).toMatchObject([{ code: "unsupported", field: "P2.1.1:done", agencies: ["labour"], taken: false }]);
    expect(unsupported[0]!.message).toContain("ไม่มีไฟล์หลักฐาน");
  });

  it("fall back to the most advanced supported answer when the advanced ones lack evidence", () => {
    const result = consolidate(form, [
      office(),
      bundle("commerce", "agency", { "P2.1.1:done": true }, [{ file: "commerce/unmarked.pdf", questions: ["P2.1.1"], marks: [[]] }]),
      bundle("energy", "agency", { "P2.1.1:in_progress": true }),
    ]);
    expect(checked(result, "P2.1.1")).toEqual(["P2.1.1:in_progress"]);
    expect(result.conflicts.find((c) => c.question === "P2.1.1")!.message).toContain("ไม่ได้ทำเครื่องหมาย");
  });

  it("rank 'not a step of progress' options (ไม่ทราบจำนวน) below a printed count", () => {
    const result = consolidate(form, [
      office(),
      bundle("commerce", "agency", { "P4.1:unknown": true }),
      bundle("energy", "agency", { "P4.1:total": true, "P4.1:total.count": 4 }),
    ]);
    expect(checked(result, "P4.1")).toEqual(["P4.1:total"]);
  });

  it("use the agency's most advanced supported option when it marked several, and list that", () => {
    const result = consolidate(form, [
      office(),
      bundle("commerce", "agency", { "P2.1.2:not_started": true, "P2.1.2:in_progress": true }),
    ]);
    expect(checked(result, "P2.1.2")).toEqual(["P2.1.2:in_progress"]);
    expect(result.conflicts).toContainEqual(expect.objectContaining({ code: "several_options", question: "P2.1.2", agencies: ["commerce"], taken: true }));
  });

  it("follow the audit's verdict for the field when the bundle was audited", () => {
    const files = [{ file: "commerce/P2.1.1.pdf", questions: ["P2.1.1"] }];
    const audited = (verdict: "supported" | "not_supported") =>
      consolidate(form, [office(), bundle("commerce", "agency", { "P2.1.1:done": true }, files, [{ question: "P2.1.1", field: "P2.1.1:done", verdict }])]);
    expect(checked(audited("supported"), "P2.1.1")).toEqual(["P2.1.1:done"]);
    expect(answer(audited("supported"), "P2.1.1:done")!.sources[0]!.evidenceState).toBe("supported");
    expect(checked(audited("not_supported"), "P2.1.1")).toEqual([]);
    expect(audited("not_supported").questions.find((q) => q.code === "P2.1.1")!.status).toBe("unanswered");
  });
});

describe("status matrices", () => {
  const result = consolidate(form, [
    office(),
    bundle(
      "commerce",
      "agency",
      { "P6.2.2:status.r1@done": true, "P6.2.2:status.r2@done": true, "P6.2.2:status.r2@done.frequency": 2, "P6.2.2:status.r3@none": true },
      [{ file: "commerce/P6.2.2-training.pdf", questions: ["P6.2.2"] }],
    ),
    bundle(
      "energy",
      "agency",
      { "P6.2.2:status.r1@in_progress": true, "P6.2.2:status.r2@done": true, "P6.2.2:status.r2@done.frequency": 3, "P6.2.2:status.r3@exempt": true },
      [{ file: "energy/P6.2.2.pdf", questions: ["P6.2.2"] }],
    ),
    bundle("labour", "agency", { "P6.2.2:status.r1@exempt": true }, [{ file: "labour/P6.2.2-exempt.pdf", questions: ["P6.2.2"] }]),
  ]);

  it("take per row the most advanced status that has evidence; exempt never beats a status", () => {
    expect(checked(result, "P6.2.2")).toEqual(["P6.2.2:status.r1@done", "P6.2.2:status.r2@done", "P6.2.2:status.r3@none"]);
    expect(answer(result, "P6.2.2:status.r1@done")!.outranked!.map((o) => o.field)).toEqual([
      "P6.2.2:status.r1@in_progress",
      "P6.2.2:status.r1@exempt",
    ]);
  });

  it("sum the numbers of the agencies behind the chosen cell", () => {
    const frequency = answer(result, "P6.2.2:status.r2@done.frequency")!;
    expect(frequency).toMatchObject({ value: 5, rule: "sum", kind: "number" });
    expect(frequency.sources.map((s) => [s.agency, s.value])).toEqual([["commerce", 2], ["energy", 3]]);
  });
});

describe("several-answer choices", () => {
  it("check an option any agency checked with evidence; per-field audit verdicts decide", () => {
    const result = consolidate(form, [
      office(),
      bundle(
        "commerce",
        "agency",
        { "P4.4:yes": true, "P4.4:yes.i1": true, "P4.4:yes.i3": true },
        [{ file: "commerce/P4.4.pdf", questions: ["P4.4"] }],
        [
          { question: "P4.4", field: "P4.4:yes.i1", verdict: "supported" },
          { question: "P4.4", field: "P4.4:yes.i3", verdict: "not_supported" },
        ],
      ),
      bundle("energy", "agency", { "P4.4:yes": true, "P4.4:yes.i2": true }),
      bundle("labour", "agency", { "P4.4:no": true, "P4.4:no.reason": "ไม่มีงบประมาณ" }),
    ]);
    expect(checked(result, "P4.4")).toEqual(["P4.4:yes", "P4.4:yes.i1"]);
    expect(answer(result, "P4.4:yes")!.sources.map((s) => s.agency)).toEqual(["commerce", "energy"]);
    // The reason under "ไม่มี" is not carried: the province answered "มี".
    expect(answer(result, "P4.4:no.reason")).toBeUndefined();
    const conflicts = result.conflicts.filter((c) => c.question === "P4.4").map((c) => [c.field, c.agencies]);
    expect(conflicts).toEqual([["P4.4:yes.i2", ["energy"]], ["P4.4:yes.i3", ["commerce"]]]);
  });

  it("can require a majority instead (policy override per question)", () => {
    const bundles = [
      office({ "P4.3:yes": true, "P4.3:yes.policy": true }),
      bundle("commerce", "agency", { "P4.3:yes": true, "P4.3:yes.policy": true, "P4.3:yes.publicize": true }),
      bundle("energy", "agency", { "P4.3:yes": true, "P4.3:yes.policy": true }),
    ];
    expect(checked(consolidate(form, bundles), "P4.3")).toEqual(["P4.3:yes", "P4.3:yes.policy", "P4.3:yes.publicize"]);
    const majority = withPolicy({ questions: { "P4.3": { multiple: "majority" } } });
    expect(checked(consolidate(form, bundles, majority), "P4.3")).toEqual(["P4.3:yes", "P4.3:yes.policy"]);
  });
});

describe("numbers", () => {
  const bundles = [
    office({ "P4.1:total": true, "P4.1:total.count": 7 }),
    bundle("commerce", "agency", { "P4.1:total": true, "P4.1:total.count": 10 }),
    bundle("energy", "agency", { "P4.1:total": true, "P4.1:total.count": "๕" }),
    bundle("labour", "agency", { "P4.1:total": true, "P4.1:total.count": "หลายบริการ" }),
  ];

  it("sum service counts by default (Thai digits read; unreadable values listed, not summed)", () => {
    const result = consolidate(form, bundles);
    expect(answer(result, "P4.1:total.count")).toMatchObject({ value: 22, rule: "sum" });
    expect(answer(result, "P4.1:total.count")!.sources.map((s) => s.agency)).toEqual(["office", "commerce", "energy"]);
    expect(result.conflicts).toContainEqual(expect.objectContaining({ code: "unreadable_value", field: "P4.1:total.count", agencies: ["labour"] }));
  });

  it("take the maximum or the provincial office's number when the policy says so", () => {
    expect(answer(consolidate(form, bundles, withPolicy({ fields: { "P4.1:total.count": "max" } })), "P4.1:total.count")).toMatchObject({
      value: 10,
      sources: [expect.objectContaining({ agency: "commerce" })],
    });
    const officeOnly = withPolicy({ blanks: { ...policy.blanks, integer: "provincial_office" } });
    expect(answer(consolidate(form, bundles, officeOnly), "P4.1:total.count")!.value).toBe(7);
  });
});

describe("texts, URLs and dates", () => {
  it("combine different texts with the agency names; one agency's text stays as it is", () => {
    const result = consolidate(form, [
      office({ "P4.6.1:yes": true, "P4.6.1:yes.channels.website": true, "P4.6.1:yes.channels.website.url": "https://www.chiangmai.go.th" }),
      bundle("commerce", "agency", { "P4.6.1:yes": true, "P4.6.1:yes.channels.website": true, "P4.6.1:yes.channels.website.url": "https://chiangmai.moc.go.th" }),
      bundle("energy", "agency", { "P4.3:yes": true, "P4.3:yes.other": true, "P4.3:yes.other.detail": "ใช้ระบบ e-Service" }),
    ]);
    expect(answer(result, "P4.6.1:yes.channels.website.url")!.value).toBe(
      "https://www.chiangmai.go.th (สำนักงานจังหวัดเชียงใหม่); https://chiangmai.moc.go.th (สำนักงานพาณิชย์จังหวัดเชียงใหม่)",
    );
    expect(answer(result, "P4.3:yes.other.detail")).toMatchObject({ value: "ใช้ระบบ e-Service", sources: [expect.objectContaining({ agency: "energy" })] });
  });

  it("take the latest expected completion date", () => {
    const result = consolidate(form, [
      office({ "P1.5:in_progress": true, "P1.5:in_progress.expected_date": "2025-03-31" }),
      bundle("commerce", "agency", { "P1.5:in_progress": true, "P1.5:in_progress.expected_date": "2025-09-30" }),
    ]);
    expect(answer(result, "P1.5:in_progress.expected_date")).toMatchObject({ value: "2025-09-30", kind: "date", rule: "latest" });
  });
});

describe("entries", () => {
  it("combine the agencies' entries renumbered, naming the agency, and only those with evidence", () => {
    const result = consolidate(form, [
      office(),
      bundle(
        "commerce",
        "agency",
        { "G3:yes": true, "G3:yes.projects.1.name": "CM Project Tracking", "G3:yes.projects.1.result": "ติดตามการเบิกจ่ายได้ทันที", "G3:yes.projects.2.name": "ยกเลิกสำเนาบัตร" },
        [{ file: "commerce/G3-projects.pdf", questions: ["G3"] }],
      ),
      bundle("energy", "agency", { "G3:yes": true, "G3:yes.projects.1.name": "โซลาร์รูฟ" }, [{ file: "energy/G3.pdf", questions: ["G3"] }]),
      bundle("labour", "agency", { "G3:yes": true, "G3:yes.projects.1.name": "จัดหางานออนไลน์" }),
    ]);
    expect(result.answers.filter((a) => a.question === "G3" && a.field.includes("projects")).map((a) => [a.field, a.value])).toEqual([
      ["G3:yes.projects.1.name", "CM Project Tracking (สำนักงานพาณิชย์จังหวัดเชียงใหม่)"],
      ["G3:yes.projects.1.result", "ติดตามการเบิกจ่ายได้ทันที"],
      ["G3:yes.projects.2.name", "ยกเลิกสำเนาบัตร (สำนักงานพาณิชย์จังหวัดเชียงใหม่)"],
      ["G3:yes.projects.3.name", "โซลาร์รูฟ (สำนักงานพลังงานจังหวัดเชียงใหม่)"],
    ]);
    expect(answer(result, "G3:yes.projects.2.name")!.sources).toEqual([
      { agency: "commerce", field: "G3:yes.projects.2.name", value: "ยกเลิกสำเนาบัตร", evidence: ["commerce/G3-projects.pdf"], evidenceState: "marked" },
    ]);
    expect(result.conflicts).toContainEqual(expect.objectContaining({ code: "unsupported", question: "G3", agencies: ["labour"] }));
  });

  it("keep entries beyond the printed maximum in overflow, listed as a conflict", () => {
    const processes = (names: string[]) => Object.fromEntries(names.map((n, i) => [`P7.1.1:yes.processes.${i + 1}.process`, n]));
    const result = consolidate(form, [
      office({ "P7.1.1:yes": true, ...processes(["Chatbot ศาลากลาง", "OCR หนังสือราชการ", "สรุปการประชุม"]) }),
      bundle("commerce", "agency", { "P7.1.1:yes": true, ...processes(["พยากรณ์ราคาสินค้า", "ตอบคำถามผู้ประกอบการ"]) }),
    ]);
    expect(result.answers.filter((a) => a.field.startsWith("P7.1.1:yes.processes")).map((a) => a.value)).toEqual([
      "Chatbot ศาลากลาง (สำนักงานจังหวัดเชียงใหม่)",
      "OCR หนังสือราชการ (สำนักงานจังหวัดเชียงใหม่)",
      "สรุปการประชุม (สำนักงานจังหวัดเชียงใหม่)",
      "พยากรณ์ราคาสินค้า (สำนักงานพาณิชย์จังหวัดเชียงใหม่)",
    ]);
    expect(result.overflow).toEqual([
      { question: "P7.1.1", group: "P7.1.1:yes.processes", agency: "commerce", fields: [{ field: "P7.1.1:yes.processes.2.process", label: "กระบวนการทำงาน/โครงการ", value: "ตอบคำถามผู้ประกอบการ" }] },
    ]);
    expect(result.conflicts).toContainEqual(expect.objectContaining({ code: "entries_overflow", field: "P7.1.1:yes.processes", agencies: ["commerce"] }));
  });
});

describe("who answers what", () => {
  it("takes provincial-office questions from the provincial office's form only", () => {
    const result = consolidate(form, [
      office({ "P1.3:in_progress": true }),
      bundle("commerce", "agency", { "P1.3:yes": true }, [{ file: "commerce/P1.3.pdf", questions: ["P1.3"] }]),
    ]);
    expect(checked(result, "P1.3")).toEqual(["P1.3:in_progress"]);
    expect(result.questions.find((q) => q.code === "P1.3")).toMatchObject({ answeredBy: "provincial_office", agencies: ["office"] });
  });

  it("leaves them empty without a provincial office form, with a warning", () => {
    const result = consolidate(form, [bundle("commerce", "agency", { "G1:yes": true, "P2.1.1:in_progress": true })]);
    expect(checked(result, "G1")).toEqual([]);
    expect(checked(result, "P2.1.1")).toEqual(["P2.1.1:in_progress"]);
    expect(result.warnings.map((w) => w.code)).toEqual(["no_provincial_office"]);
    expect(result.general).toEqual({});
  });

  it("lists disagreeing copies of the provincial office's form", () => {
    const result = consolidate(form, [
      bundle("office", "provincial_office", { "P1.3:in_progress": true }),
      bundle("office-v2", "provincial_office", { "P1.3:no": true, "P1.3:no.reason": "รอประกาศ" }),
    ]);
    expect(checked(result, "P1.3")).toEqual(["P1.3:in_progress"]);
    expect(result.conflicts).toContainEqual(expect.objectContaining({ code: "sources_disagree", question: "P1.3", agencies: ["office", "office-v2"] }));
    expect(result.warnings.map((w) => w.code)).toContain("several_provincial_offices");
  });

  it("applies the province's skips and lists agencies that answered skipped questions", () => {
    const result = consolidate(form, [
      bundle("office", "provincial_office", { "G1:no": true, "G1:no.reason": "อยู่ระหว่างแต่งตั้ง" }),
      bundle("commerce", "agency", { "G3:yes": true, "G3:yes.projects.1.name": "CM Project Tracking" }, [{ file: "c/G3.pdf", questions: ["G3"] }]),
    ]);
    expect(result.questions.filter((q) => q.status === "skipped").map((q) => [q.code, q.by])).toEqual([
      ["G2", "G1:no"],
      ["G3", "G1:no"],
    ]);
    expect(checked(result, "G3")).toEqual([]);
    expect(result.conflicts).toContainEqual(expect.objectContaining({ code: "answered_but_skipped", question: "G3", agencies: ["commerce"], taken: false }));
  });

  it("asks conditional questions only of the agencies whose answer made the province's", () => {
    const result = consolidate(form, [
      office(),
      bundle("commerce", "agency", { "P5.2:yes": true, "P5.2:yes.service": true, "P5.2.1:yes": true, "P5.2.1:yes.less_time": true }, [
        { file: "commerce/P5.2.pdf", questions: ["P5.2", "P5.2.1"] },
      ]),
      // Without evidence its "มี" does not count, so its P5.2.1 answer is not asked of it.
      bundle("energy", "agency", { "P5.2:yes": true, "P5.2.1:yes": true, "P5.2.1:yes.less_cost": true }, [{ file: "energy/P5.2.1.pdf", questions: ["P5.2.1"] }]),
    ]);
    expect(checked(result, "P5.2.1")).toEqual(["P5.2.1:yes", "P5.2.1:yes.less_time"]);
    expect(result.questions.find((q) => q.code === "P5.2.1")!.agencies).toEqual(["commerce"]);
  });
});

describe("the policy", () => {
  it("loads the default, and a user file laid over it", () => {
    expect(policy).toMatchObject({ single: "most_advanced", multiple: "any", blanks: { integer: "sum", text: "combine" }, entries: "combine" });
    const dir = mkdtempSync(path.join(os.tmpdir(), "samruat-policy-"));
    const file = path.join(dir, "policy.yaml");
    writeFileSync(file, "evidence:\n  unsupported: include\nfields:\n  P4.1:total.count: max\n");
    const custom = loadPolicy(file);
    expect(custom.evidence).toEqual({ accepted: ["supported", "weak", "marked"], unsupported: "include" });
    expect(custom.fields).toEqual({ "P4.1:total.count": "max" });
    expect(custom.single).toBe("most_advanced");
  });

  it("'include' takes unsupported answers, still listing them", () => {
    const include = withPolicy({ evidence: { ...policy.evidence, unsupported: "include" } });
    const result = consolidate(form, [office(), bundle("labour", "agency", { "P2.1.1:done": true })], include);
    expect(checked(result, "P2.1.1")).toEqual(["P2.1.1:done"]);
    expect(answer(result, "P2.1.1:done")!.sources[0]!.evidenceState).toBe("evidence_missing");
    expect(result.conflicts).toContainEqual(expect.objectContaining({ code: "unsupported", field: "P2.1.1:done", taken: true }));
  });

  it("rejects a file that does not validate, and rules that do not fit the form", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "samruat-policy-"));
    const bad = path.join(dir, "bad.yaml");
    writeFileSync(bad, "single: loudest\n");
    expect(() => loadPolicy(bad)).toThrow(/invalid merge policy \(single/);
    expect(() => consolidate(form, [office()], withPolicy({ fields: { "P4.3:yes.other.detail": "sum" } }))).toThrow(/"sum" does not apply to a blank of type text/);
    expect(() => consolidate(form, [office()], withPolicy({ questions: { "P1.4": { order: ["finished"] } } }))).toThrow(/finished is not an option/);
  });

  it("reorders a question's options with `order`", () => {
    const bundles = [
      office({ "P1.4:not_relevant": true }, [{ file: "office/P1.4.pdf", questions: ["P1.4"] }]),
      bundle("office-2", "provincial_office", { "P1.4:in_progress": true }),
    ];
    expect(checked(consolidate(form, bundles), "P1.4")).toEqual(["P1.4:in_progress"]);
    const notRelevantFirst = withPolicy({ questions: { "P1.4": { order: ["not_started", "in_progress", "done", "not_relevant"] } } });
    expect(checked(consolidate(form, bundles, notRelevantFirst), "P1.4")).toEqual(["P1.4:not_relevant"]);
  });
});

describe("the consolidation JSON", () => {
  const bundles = [
    office({ "P4.1:total": true, "P4.1:total.count": 3 }),
    bundle("stat", "statistics_office", { "P4.1:total": true, "P4.1:total.count": 2 }),
    bundle("commerce", "agency", { "P2.1.1:done": true }, [{ file: "commerce/P2.1.1.pdf", questions: ["P2.1.1"], marks: [["คำสั่งแต่งตั้ง"], []] }]),
  ];

  it("validates against the exported schema and lists the cited evidence with its marked text", () => {
    const result = ProvinceConsolidationSchema.parse(consolidate(form, bundles));
    expect(result.agencies.map((a) => a.id)).toEqual(["office", "stat", "commerce"]);
    expect(result.evidence).toEqual([
      expect.objectContaining({ agency: "office", file: "office/G1-order.pdf", questions: ["G1"] }),
      expect.objectContaining({ agency: "commerce", file: "commerce/P2.1.1.pdf", pages: 2, marked: [{ page: 1, texts: ["คำสั่งแต่งตั้ง"] }] }),
    ]);
    expect(result.questions.find((q) => q.code === "P2.1.1")).toMatchObject({
      status: "answered",
      agencies: ["commerce"],
      evidence: [{ agency: "commerce", file: "commerce/P2.1.1.pdf" }],
    });
  });

  it("is the same whatever order the bundles come in", () => {
    const once = JSON.stringify(consolidate(form, bundles));
    expect(JSON.stringify(consolidate(form, [...bundles].reverse()))).toBe(once);
  });
});
