/** Consolidation of bundles built from the generated sample forms, checked against their truth files. */
import { beforeAll, describe, expect, it } from "vitest";
import type { AgencyBundle } from "../../src/bundle/schema.js";
import { consolidate, ProvinceConsolidationSchema, renderProvinceDocx, type ProvinceConsolidation } from "../../src/consolidate/index.js";
import { form } from "./fixtures.js";
import { SAMPLE_AGENCIES, sampleBundles, truthOf } from "./samples.js";

let bundles: AgencyBundle[];
let result: ProvinceConsolidation;

beforeAll(async () => {
  bundles = await sampleBundles();
  result = consolidate(form, bundles);
});

describe("province consolidation of the sample forms", () => {
  it("validates against its schema and does not depend on the order of the inputs", () => {
    expect(ProvinceConsolidationSchema.safeParse(result).success).toBe(true);
    expect(JSON.stringify(consolidate(form, [...bundles].reverse()))).toBe(JSON.stringify(result));
    expect(result.province).toBe("เชียงใหม่");
    expect(result.general.office_location).toMatch(/^สำนักงานจังหวัดเชียงใหม่/);
  });

  it("renders the same document bytes for the same consolidation", () => {
    expect(Buffer.from(renderProvinceDocx(form, result)).equals(Buffer.from(renderProvinceDocx(form, consolidate(form, [...bundles].reverse()))))).toBe(true);
  });

  it("answers provincial-office questions from the provincial office's form only", () => {
    const officeOnly = result.questions.filter((q) => q.answeredBy === "provincial_office" && q.status === "answered");
    expect(officeOnly.length).toBeGreaterThan(5);
    for (const q of officeOnly) expect(q.agencies, q.code).toEqual(["office"]);
  });

  it("takes every answer from agencies that gave it, with accepted evidence where the form asks for it", () => {
    const byId = new Map(bundles.map((b) => [b.agency.id, b]));
    for (const answer of result.answers) {
      expect(answer.sources.length, answer.field).toBeGreaterThan(0);
      for (const source of answer.sources) {
        const own = byId.get(source.agency)!.answers.answers.find((a) => a.field === source.field);
        expect(own, `${answer.field} ← ${source.agency}:${source.field}`).toBeDefined();
        // Options and cells printed "(แนบเอกสารหลักฐาน)"; a blank asking for evidence holds the reference itself.
        const field = form.field(answer.field)!;
        if (field.evidence && field.kind !== "blank") expect(source.evidenceState, answer.field).toBe("marked");
      }
    }
  });

  it("sums the service counts of the agencies that gave a count", () => {
    const counted = SAMPLE_AGENCIES.map((a) => truthOf(a.sample)).filter((t) => t.checked.includes("P4.1:total"));
    const sum = counted.reduce((total, t) => total + Number(t.values["P4.1:total.count"]), 0);
    expect(counted.length).toBeGreaterThan(1);
    expect(result.answers.find((a) => a.field === "P4.1:total.count")).toMatchObject({ value: sum, rule: "sum" });
  });

  it("lists the answers whose evidence is unmarked or unreadable instead of taking them", () => {
    const unsupported = result.conflicts.filter((c) => c.code === "unsupported");
    expect(unsupported.some((c) => c.agencies.includes("energy") && c.message.includes("ไม่ได้ทำเครื่องหมาย"))).toBe(true);
    expect(unsupported.some((c) => c.agencies.includes("education") && c.message.includes("อ่านไฟล์หลักฐานไม่ได้"))).toBe(true);
    expect(result.answers.flatMap((a) => a.sources).some((s) => s.agency === "energy" && s.evidenceState !== undefined)).toBe(false);
  });
});
