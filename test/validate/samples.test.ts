/**
 * The filled samples of the extraction issue (samples/forms/<split>/*.truth.json: what each copy really says, with
 * the respondents' deliberate mistakes listed): validated as their agency, every listed mistake is reported, and
 * nothing else is an error except real inconsistencies in the numbers the samples contain.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PACKAGE_ROOT } from "../../src/form/load.js";
import { inferRespondent } from "../../src/validate/respondent.js";
import type { Issue } from "../../src/validate/types.js";
import { validateAnswers } from "../../src/validate/validate.js";
import { form, makeDoc } from "./helpers.js";

interface Truth {
  file: string;
  agency: string;
  general: Record<string, string>;
  checked: string[];
  values: Record<string, string | number>;
  mistakes: { code: string; field: string }[];
}

const root = path.join(PACKAGE_ROOT, "samples", "forms");
const truths: Truth[] = existsSync(root)
  ? readdirSync(root)
      .filter((split) => statSync(path.join(root, split)).isDirectory())
      .flatMap((split) =>
      readdirSync(path.join(root, split))
        .filter((f) => f.endsWith(".truth.json"))
        .map((f) => JSON.parse(readFileSync(path.join(root, split, f), "utf8")) as Truth),
    )
  : [];

/** How each kind of mistake the samples list shows up among the issues. */
const FOUND_BY: Record<string, (issue: Issue, field: string) => boolean> = {
  answered_after_skip: (i, f) =>
    f.includes(":") ? i.code === "skipped_item_answered" && i.field === f : i.code === "skipped_question_answered" && i.question === f,
  multiple_marks_single: (i, f) => i.code === "choice_multiple" && (i.data.fields as string[]).includes(f),
  empty_specify: (i, f) => i.code === "specify_missing" && i.field === f,
  answered_other_respondent: (i, f) => i.code === "not_asked_answered" && i.question === f,
};

/** Errors a sample may have that are not listed as mistakes: its numbers really disagree. */
const ALSO_ALLOWED = new Set(["count_exceeds_total"]);

describe.runIf(truths.length > 0)("filled samples", () => {
  it("reports every listed mistake, and no other error", () => {
    let mistakes = 0;
    for (const t of truths) {
      const doc = { ...makeDoc({ checked: t.checked, values: t.values, general: t.general }), agency: t.agency };
      const respondent = inferRespondent(doc);
      expect(respondent, t.file).toBeDefined();
      const { issues } = validateAnswers(form, doc, respondent ? { respondent } : {});
      for (const m of t.mistakes) {
        const found = FOUND_BY[m.code];
        expect(found, `${t.file}: unknown mistake code ${m.code}`).toBeDefined();
        expect(issues.some((i) => found!(i, m.field)), `${t.file}: ${m.code} ${m.field}`).toBe(true);
        mistakes++;
      }
      const unexplained = issues.filter(
        (i) => i.severity === "error" && !ALSO_ALLOWED.has(i.code) && !t.mistakes.some((m) => FOUND_BY[m.code]?.(i, m.field)),
      );
      expect(unexplained.map((i) => `${i.code} ${i.field ?? i.question}`), t.file).toEqual([]);
    }
    expect(mistakes).toBeGreaterThan(0);
  });
});
