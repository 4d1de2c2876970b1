/**
 * The committed questionnaire samples (samples/forms, made by scripts/form-samples/generate.ts) are complete and
 * their truth files are consistent with the form definition. This test does not extract anything: it checks the
 * ground truth the extraction scores are measured against.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import PizZip from "pizzip";
import { describe, expect, it } from "vitest";
import { loadForm, PACKAGE_ROOT } from "../../src/form/load.js";

const DIR = path.join(PACKAGE_ROOT, "samples", "forms");
const STYLES = ["cc", "glyph", "sym", "legacy", "typed", "mixed", "lo"];
const MISTAKE_CODES = ["multiple_marks_single", "empty_specify", "answered_after_skip", "answered_other_respondent"];
const PROVINCIAL_OFFICE = "สำนักงานจังหวัดเชียงใหม่";

interface IndexEntry {
  file: string;
  truth: string;
  style: string;
  split: "tune" | "heldout";
}

interface Truth {
  file: string;
  style: string;
  split: string;
  agency: string;
  base?: string;
  general: Record<string, string>;
  checked: string[];
  values: Record<string, string | number>;
  mistakes: { code: string; field: string }[];
  encodings: string[];
  lo_repeated?: string[];
}

const form = loadForm("pcio-2567");
const index = JSON.parse(readFileSync(path.join(DIR, "index.json"), "utf8")) as { form: string; samples: IndexEntry[] };
const truths = new Map(index.samples.map((e) => [e.file, JSON.parse(readFileSync(path.join(DIR, e.truth), "utf8")) as Truth]));

describe("samples/forms index", () => {
  it("lists every style in both splits, several samples each", () => {
    expect(index.form).toBe("pcio-2567");
    for (const split of ["tune", "heldout"] as const) {
      for (const style of STYLES) {
        const n = index.samples.filter((e) => e.split === split && e.style === style).length;
        expect(n, `${split} ${style}`).toBeGreaterThanOrEqual(split === "tune" ? 6 : 3);
      }
    }
  });

  it("keeps the held-out part apart from the tuning part", () => {
    const tune = index.samples.filter((e) => e.split === "tune");
    const heldout = index.samples.filter((e) => e.split === "heldout");
    const tuneFiles = new Set(tune.flatMap((e) => [e.file, e.truth]));
    for (const e of heldout) {
      expect(e.file.startsWith("heldout/")).toBe(true);
      expect(tuneFiles.has(e.file) || tuneFiles.has(e.truth)).toBe(false);
    }
    for (const e of tune) expect(e.file.startsWith("tune/")).toBe(true);
    // Not the same document under two names either.
    const bytes = (e: IndexEntry) => readFileSync(path.join(DIR, e.file)).toString("base64");
    const tuneBytes = new Set(tune.map(bytes));
    for (const e of heldout) expect(tuneBytes.has(bytes(e)), e.file).toBe(false);
  });
});

describe.each(index.samples.map((e) => [e.file, e] as const))("%s", (_, entry) => {
  const truth = truths.get(entry.file)!;
  const checked = new Set(truth.checked);

  it("exists and opens as a Word package", () => {
    const file = path.join(DIR, entry.file);
    expect(existsSync(file)).toBe(true);
    const zip = new PizZip(readFileSync(file));
    const doc = zip.file("word/document.xml");
    expect(doc).not.toBeNull();
    expect(doc!.asText()).toContain("<w:body>");
  });

  it("has a truth file that matches its index entry", () => {
    expect(truth.file).toBe(path.basename(entry.file));
    expect(truth.style).toBe(entry.style);
    expect(truth.split).toBe(entry.split);
    expect(truth.agency).toMatch(/จังหวัดเชียงใหม่$/);
    expect([...truth.checked].sort()).toEqual(truth.checked);
    if (entry.style === "lo") expect(STYLES).toContain(truth.base);
  });

  it("references only fields of pcio-2567, with values of the right type", () => {
    const generalIds = new Set(form.file.general.fields.map((f) => f.id));
    for (const id of Object.keys(truth.general)) expect(generalIds.has(id), id).toBe(true);
    for (const f of form.file.general.fields) if (!f.optional) expect(truth.general[f.id], f.id).toBeTruthy();
    for (const id of truth.checked) {
      const f = form.field(id);
      expect(f, id).toBeDefined();
      expect(f!.kind === "option" || f!.kind === "cell", id).toBe(true);
    }
    for (const [id, value] of Object.entries(truth.values)) {
      const f = form.field(id);
      expect(f, id).toBeDefined();
      expect(f!.kind, id).toBe("blank");
      const numeric = f!.blankType === "integer" || f!.blankType === "number" || f!.blankType === "percent";
      expect(typeof value, id).toBe(numeric ? "number" : "string");
      if (f!.blankType === "integer") expect(Number.isInteger(value), id).toBe(true);
      if (f!.blankType === "date") expect(value, id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (typeof value === "string") {
        expect(value.trim(), id).toBe(value);
        expect(value, id).not.toMatch(/[\u200b\u0e4d]/);
        expect(value.normalize("NFC"), id).toBe(value);
      }
    }
    for (const m of truth.mistakes) {
      expect(MISTAKE_CODES).toContain(m.code);
      expect(form.field(m.field) ?? form.question(m.field), m.field).toBeDefined();
    }
    for (const id of truth.lo_repeated ?? []) expect(id in truth.values || id.replace(/^general:/, "") in truth.general, id).toBe(true);
  });

  it("has at most one mark in a single-choice set, except declared mistakes", () => {
    const declared = new Set(truth.mistakes.filter((m) => m.code === "multiple_marks_single").map((m) => m.field));
    const bySet = new Map<string, string[]>();
    for (const id of truth.checked) {
      const f = form.field(id)!;
      if (f.select !== "single" || !f.set) continue;
      bySet.set(f.set, [...(bySet.get(f.set) ?? []), id]);
    }
    for (const [set, ids] of bySet) {
      if (ids.length <= 1) continue;
      expect(ids.some((id) => declared.has(id)), `${set}: ${ids.join(", ")}`).toBe(true);
      expect(ids.length, set).toBe(2);
    }
  });

  it("answers nested options and blanks only under a checked parent", () => {
    for (const id of [...truth.checked, ...Object.keys(truth.values)]) {
      const parent = form.field(id)!.parent;
      if (parent) expect(checked.has(parent), `${id} under unchecked ${parent}`).toBe(true);
    }
  });

  it("fills every 'please specify' blank of a checked option, except declared mistakes", () => {
    const declared = new Set(truth.mistakes.filter((m) => m.code === "empty_specify").map((m) => m.field));
    for (const f of form.fields) {
      if (f.kind !== "blank" || !f.parent || f.optional || f.entry || !checked.has(f.parent)) continue;
      if (form.field(f.parent)!.kind !== "option") continue;
      if (declared.has(f.id)) expect(truth.values[f.id], f.id).toBeUndefined();
      else expect(truth.values[f.id], f.id).toBeDefined();
    }
  });

  it("leaves skipped questions and other respondents' questions empty, except declared mistakes", () => {
    const order = form.questions.map((q) => q.code);
    const answered = new Set([...truth.checked, ...Object.keys(truth.values)].map((id) => form.field(id)!.question));
    const afterSkip = new Set(truth.mistakes.filter((m) => m.code === "answered_after_skip").map((m) => m.field));
    const otherRespondent = new Set(truth.mistakes.filter((m) => m.code === "answered_other_respondent").map((m) => m.field));
    for (const id of truth.checked) {
      const f = form.field(id)!;
      if (!f.skipTo || !order.includes(f.skipTo)) continue;
      for (let i = order.indexOf(f.question) + 1; i < order.indexOf(f.skipTo); i++) {
        const code = order[i]!;
        expect(!answered.has(code) || afterSkip.has(code), `${code} answered after ${id}`).toBe(true);
      }
    }
    for (const code of afterSkip) expect(answered.has(code), code).toBe(true);
    if (truth.agency !== PROVINCIAL_OFFICE) {
      for (const code of answered) {
        if (form.question(code)!.answeredBy === "provincial_office") expect(otherRespondent.has(code), code).toBe(true);
      }
    }
  });
});
