import { describe, expect, it } from "vitest";
import { readDocx } from "../../src/docx/read.js";
import { extractAnswers } from "../../src/extract/extract.js";
import { loadForm } from "../../src/form/load.js";
import { renderQuestionnaireDocx } from "../../src/render/template.js";

const form = loadForm("pcio-2567");
const source = { file: "t.docx", sha256: "0", bytes: 0 };

describe("extraction from our own template (tagged content controls)", () => {
  it("reads checked boxes, typed blanks and the general block exactly", () => {
    const checked = new Set(["G1:yes", "P1.1:done", "P1.1:done.i7", "P1.2:status.r2_audit_plan@done", "P4.1:total"]);
    const values = new Map<string, string>([
      ["P4.1:total.count", "๑๒"],
      ["general:province", "เชียงใหม่"],
      ["general:office_location", "สำนักงานสถิติจังหวัดเชียงใหม่"],
      ["G3:yes.projects.2.name", "ระบบจองคิวออนไลน์"],
    ]);
    const docx = renderQuestionnaireDocx(form, { isChecked: (id) => checked.has(id), valueOf: (id) => values.get(id) });
    const { value: doc } = readDocx(docx, "t.docx");
    const result = extractAnswers(form, doc, source);
    expect(result.method).not.toBe("anchored");
    const got = new Map(result.answers.map((a) => [a.field, a]));
    expect([...got.values()].filter((a) => a.value === true).map((a) => a.field).sort()).toEqual([...checked].sort());
    expect(got.get("P4.1:total.count")?.value).toBe(12);
    expect(got.get("P4.1:total.count")?.raw).toBe("๑๒");
    expect(got.get("G3:yes.projects.2.name")?.value).toBe("ระบบจองคิวออนไลน์");
    expect(got.get("P1.2:status.r2_audit_plan@done")).toMatchObject({ kind: "matrix", column: "มีการดำเนินการ (แนบเอกสารหลักฐาน)" });
    expect(got.get("G1:yes")?.recognizedBy).toBe("content_control");
    expect(result.general).toMatchObject({ province: "เชียงใหม่", office_location: "สำนักงานสถิติจังหวัดเชียงใหม่" });
    expect(result.questionsFound.length).toBe(form.questions.length);
  });
});
