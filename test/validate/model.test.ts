/** The form model the rules use, and the cross-field constraint table, against pcio-2567. */
import { describe, expect, it } from "vitest";
import { CROSS_FIELD_CONSTRAINTS, constraintFields } from "../../src/validate/constraints.js";
import { formModel } from "../../src/validate/model.js";
import { form } from "./helpers.js";

describe("form model", () => {
  const model = formModel(form);

  it("finds in-question skips and the items they pass over", () => {
    expect(model.localSkips.get("P2.2.1.2:i3.no")).toEqual({
      by: "P2.2.1.2:i3.no",
      target: "3.3",
      fields: [
        "P2.2.1.2:i3_1.url",
        "P2.2.1.2:i3_1.structured",
        "P2.2.1.2:i3_1.machine_readable",
        "P2.2.1.2:i3_1.unstructured",
        "P2.2.1.2:i3_2.no",
        "P2.2.1.2:i3_2.yes",
      ],
    });
  });

  it("knows choice sets, their mode and parent; entries with their limits; score maxima", () => {
    expect(model.sets.get("G1:")).toMatchObject({ select: "single", kind: "option" });
    expect(model.sets.get("P1.1:done")).toMatchObject({ select: "multiple", parent: "P1.1:done" });
    expect(model.sets.get("P4.2.2:yes.i2")).toMatchObject({ select: "single", parent: "P4.2.2:yes", label: "โปรดระบุคะแนนความพึงพอใจ" });
    expect(model.sets.get(form.field("P5.1:systems.r14@no")!.set!)!.rowBlanks).toEqual(["P5.1:systems.r14.detail"]);
    expect(model.entries.get("G3:yes.projects")).toMatchObject({ max: 5, parent: "G3:yes" });
    expect(model.entries.get("G3:yes.projects")!.entries).toHaveLength(5);
    expect(model.blanks.get("P4.2.2:yes.i2.scale.score")!.maxOf).toBe("full_score");
  });

  it("every cross-field constraint names fields of pcio-2567", () => {
    for (const c of CROSS_FIELD_CONSTRAINTS) {
      for (const id of constraintFields(c)) expect(form.field(id) ?? model.entries.get(id), `${c.kind} ${id}`).toBeDefined();
    }
  });
});
