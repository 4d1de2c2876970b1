/**
 * extract(render(answers)) = answers, over many random valid answer sets from the form definition
 * (the sample generator's answer model: Thai digits, long texts, every matrix shape, entries up to their maximum).
 */
import { describe, expect, it } from "vitest";
import { readDocx } from "../../src/docx/read.js";
import { extractAnswers } from "../../src/extract/extract.js";
import { loadForm } from "../../src/form/load.js";
import { renderQuestionnaireDocx } from "../../src/render/template.js";
import { fillFromAnswers } from "../../src/render/answers-fill.js";
import { generateAnswers } from "../../scripts/form-samples/answers.js";
import { Rng } from "../../scripts/form-samples/prng.js";
import { AGENCIES } from "../../scripts/form-samples/thai.js";

const form = loadForm("pcio-2567");
const SETS = 200;

function norm(v: unknown): string {
  return String(v).normalize("NFC").replace(/\s+/g, " ").trim();
}

describe("render → extract round trip", () => {
  it(`gives back the same answers for ${SETS} generated answer sets`, () => {
    const failures: string[] = [];
    for (let i = 0; i < SETS; i++) {
      const rng = new Rng(`roundtrip-${i}`);
      const set = generateAnswers(form, rng, { agency: AGENCIES[i % AGENCIES.length]!, mistakes: [] });
      const fill = { isChecked: (id: string) => set.checked.has(id), valueOf: (id: string) => set.values.get(id)?.text ?? (id.startsWith("general:") ? set.general[id.slice(8)]?.text : undefined) };
      const first = extractAnswers(form, readDocx(renderQuestionnaireDocx(form, fill), `set-${i}.docx`).value, { file: `set-${i}.docx`, sha256: "", bytes: 0 });
      // The clean copy rendered from the extracted answers reads back to the same answers.
      const second = extractAnswers(form, readDocx(renderQuestionnaireDocx(form, fillFromAnswers(first)), "clean.docx").value, { file: "clean.docx", sha256: "", bytes: 0 });

      const checked = first.answers.filter((a) => a.value === true).map((a) => a.field).sort();
      if (JSON.stringify(checked) !== JSON.stringify([...set.checked].sort())) failures.push(`set ${i}: checked differ`);
      const got = new Map(first.answers.filter((a) => a.value !== true).map((a) => [a.field, a.value]));
      for (const [id, typed] of set.values) {
        const want = typed.truth;
        if (norm(got.get(id)) !== norm(want)) failures.push(`set ${i}: ${id} expected ${JSON.stringify(want)} got ${JSON.stringify(got.get(id))}`);
      }
      expect(second.answers.map((a) => [a.field, a.value])).toEqual(first.answers.map((a) => [a.field, a.value]));
      expect(second.general).toEqual(first.general);
    }
    expect(failures.slice(0, 20)).toEqual([]);
  });
});
