import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { describe, expect, it } from "vitest";
import { FormDefinitionError } from "../../src/form/compile.js";
import { parse as parseYaml } from "yaml";
import { FORMS_DIR, availableForms, loadForm, parsedFormFile, sourceDigest, type ParsedForm } from "../../src/form/load.js";
import { FormFileSchema } from "../../src/form/schema.js";

const yamlText = readFileSync(path.join(FORMS_DIR, "pcio-2567.yaml"), "utf8");

function writeTemp(name: string, text: string): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "samruat-form-")), name);
  writeFileSync(file, text);
  return file;
}

describe("form definitions", () => {
  it("ships pcio-2567 as the default edition", () => {
    expect(availableForms()).toContain("pcio-2567");
    const form = loadForm();
    expect(form.file.id).toBe("pcio-2567");
    expect(form.file.pillars.map((p) => p.weight)).toEqual([13, 12, 20, 30, 10, 10, 5]);
  });

  it("loads another edition from a new file without code changes", () => {
    const file = writeTemp("pcio-2568.yaml", yamlText.replace("id: pcio-2567", "id: pcio-2568").replace("yearBE: 2567", "yearBE: 2568"));
    const form = loadForm(file);
    expect(form.file.id).toBe("pcio-2568");
    expect(form.file.yearBE).toBe(2568);
    expect(form.questions.length).toBe(loadForm().questions.length);
  });

  it("uses the build's parse only for the exact text it was made from", () => {
    // Same file name as the shipped definition, different text: the parse written at build time must not be used.
    const file = writeTemp("pcio-2567.yaml", yamlText.replace("yearBE: 2567", "yearBE: 2599"));
    expect(loadForm(file).file.yearBE).toBe(2599);
    // A build from this text (npm ci builds) holds exactly what the YAML parser makes of it.
    const built = parsedFormFile(path.join(FORMS_DIR, "pcio-2567.yaml"));
    const parsed = existsSync(built) ? (JSON.parse(readFileSync(built, "utf8")) as ParsedForm) : null;
    if (parsed?.source_sha256 === sourceDigest(yamlText)) expect(parsed.definition).toEqual(parseYaml(yamlText));
  });

  it("reports schema problems with their path", () => {
    const file = writeTemp("broken.yaml", yamlText.replace("answeredBy: provincial_office", "answeredBy: everyone"));
    expect(() => loadForm(file)).toThrowError(FormDefinitionError);
    try {
      loadForm(file);
    } catch (error) {
      expect((error as FormDefinitionError).problems.join("\n")).toMatch(/questions\.0\.answeredBy/);
    }
  });

  it("rejects unknown skip targets and duplicate ids", () => {
    const skip = writeTemp("skip.yaml", yamlText.replace("skipTo: G4", "skipTo: G9"));
    expect(() => loadForm(skip)).toThrowError(/skip target G9/);
    const dup = writeTemp("dup.yaml", yamlText.replace("- code: G2", "- code: G1"));
    expect(() => loadForm(dup)).toThrowError(/duplicate question code G1/);
  });

  it("keeps the committed JSON Schema in step with the zod schema", () => {
    const committed = JSON.parse(readFileSync(path.join(FORMS_DIR, "form.schema.json"), "utf8"));
    expect(committed).toEqual(JSON.parse(JSON.stringify(z.toJSONSchema(FormFileSchema))));
  });

  it("maps every question to a pillar and a respondent from the agenda", () => {
    const form = loadForm();
    for (const q of form.questions) {
      expect(q.pillar, q.code).toBeGreaterThan(0);
    }
    const by = (code: string) => form.question(code)!.answeredBy;
    expect(by("G1")).toBe("provincial_office");
    expect(by("G3")).toBe("all_agencies");
    expect(by("P2.2.1.1")).toBe("all_agencies_statistics");
    expect(by("P5.3")).toBe("provincial_office");
    expect(by("P5.3.1")).toBe("all_agencies");
  });
});
