/**
 * Proves the form definition (templates/forms/pcio-2567.yaml) omits nothing of the printed PCIO 2567 form and that
 * its field ids are unique, follow docs/form-ids.md and do not change by accident.
 *
 * The printed form's text is test/form/fixtures/pcio-2567.seed.txt, an unmodified copy of the shared seed export
 * (/work/shared/seeds/000_f6a188a45c95ee1d.txt; checkbox glyphs lost or left as private-use characters, blanks as
 * `___`/`....`, tables flattened into tab-separated lines). The heuristics live in src/form/coverage.ts.
 *
 * Changing ids is deliberate: run `npx tsx scripts/snapshot-form-ids.ts` and commit
 * test/form/__snapshots__/pcio-2567-ids.txt with the change.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { expectationFor } from "../../src/audit/expectation.js";
import { compileForm, type CompiledForm } from "../../src/form/compile.js";
import {
  checkCoverage,
  fieldIdProblems,
  fieldIdSnapshot,
  formatCoverageTable,
  formatTable,
  formTotals,
  idSnapshotDiff,
  labelFlagProblems,
  normalise,
  textMatches,
  type AllowEntry,
  type CoverageReport,
  type SectionAnchor,
} from "../../src/form/coverage.js";
import { loadForm } from "../../src/form/load.js";
import type { FormFile, ItemSource } from "../../src/form/schema.js";
import { withoutExpectations } from "../helpers/form.js";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SEED_FILE = path.join(HERE, "fixtures", "pcio-2567.seed.txt");
const SEED_SHA256 = "3590cc481849b8d4944fe9b782caecf16098e3cb7f6118a3adefe5db084553db";
const ID_SNAPSHOT = path.join(HERE, "__snapshots__", "pcio-2567-ids.txt");
const REGENERATE = "npx tsx scripts/snapshot-form-ids.ts";

/**
 * Blocks of the seed printed under one question's code line that belong to another question.
 */
const ANCHORS: SectionAnchor[] = [
  {
    // The "new technologies" table is printed after 7.1.10's answer lines but is part of P7.1 itself (it is
    // not about 7.1.10's specialised software); the definition holds it as P7.1's `new_tech` entries.
    question: "P7.1",
    after: "P7.1.10",
    startsWith: "เทคโนโลยีใหม่ ได้มีการศึกษา",
    why: "P7.1's new-technology table, printed after 7.1.10",
  },
];

/**
 * Printed lines the heuristics take for form content but that are page furniture or running headings.
 * Keyed by the question whose seed section holds them and by their text (compared normalised, exactly).
 */
const ALLOW: AllowEntry[] = [
  {
    // Page break inside P3.1's section: the repeated page header ("แบบสำรวจ…", matched against the form title)
    // is followed by the page number.
    question: "P3.1",
    text: "หน้า 20",
    why: "page number of the printed page header",
  },
  {
    // A running sub-heading printed just above the P2.2.3 code line, so the seed puts it in P2.2.2's section;
    // P2.2.3's own text ("ด้านการแลกเปลี่ยนข้อมูล (Sharable Data)") carries it.
    question: "P2.2.2",
    text: "ด้าน Sharable Data",
    why: "sub-heading repeating P2.2.3's text",
  },
];

/** Pinned totals: a change here must be deliberate (and explained in the commit). */
const EXPECTED_TOTALS = {
  questions: 66,
  options: 254,
  blanks: 202,
  cells: 200,
  evidencePoints: 171,
};

let form: CompiledForm;
let seed: string;
let report: CoverageReport;

beforeAll(() => {
  form = loadForm("pcio-2567");
  seed = readFileSync(SEED_FILE, "utf8");
  report = checkCoverage(form, seed, { allow: ALLOW, anchors: ANCHORS });
});

describe("the printed form (seed)", () => {
  it("is the unmodified shared export", () => {
    expect(createHash("sha256").update(readFileSync(SEED_FILE)).digest("hex")).toBe(SEED_SHA256);
  });
});

describe("pcio-2567 covers the printed form", () => {
  it("defines every printed question code and prints every defined one", () => {
    expect(report.notInDefinition).toEqual([]);
    expect(report.notInSeed).toEqual([]);
    expect(report.seedCodes).toEqual(report.definitionCodes);
    // Codes printed without the P, and P7.1's sub-items, are found too.
    expect(report.seedCodes).toContain("P2.1.5");
    for (let i = 1; i <= 10; i++) expect(report.seedCodes).toContain(`P7.1.${i}`);
  });

  it("represents every printed option line, table cell, note and example", () => {
    console.log(`coverage of ${form.file.id} against the printed form\n${formatCoverageTable(report)}`);
    const missing = report.questions.flatMap((q) => q.missing.map((m) => `${q.code} line ${m.line} (${m.kind}): ${m.text.trim()}`));
    expect(missing).toEqual([]);
    const candidates = report.questions.reduce((n, q) => n + q.candidates.length, 0);
    expect(candidates).toBeGreaterThan(600);
  });

  it("prints each question's text as defined", () => {
    expect(report.questions.filter((q) => !q.textMatched).map((q) => q.code)).toEqual([]);
  });

  it("defines at least as many blanks as each question prints", () => {
    const short = report.questions
      .filter((q) => q.blanksPrinted > q.blanksDefined)
      .map((q) => `${q.code}: ${q.blanksPrinted} printed, ${q.blanksDefined} defined`);
    expect(short).toEqual([]);
  });

  it("gives every printed evidence mark an evidence flag and every printed skip a skipTo", () => {
    const evidence = report.questions.filter((q) => q.evidenceMarks > 0 && !q.hasEvidence).map((q) => q.code);
    expect(evidence).toEqual([]);
    const skips = report.questions.flatMap((q) =>
      q.skipsPrinted.filter((s) => !q.skipsDefined.includes(s)).map((s) => `${q.code} → ${s}`),
    );
    expect(skips).toEqual([]);
    expect(labelFlagProblems(form)).toEqual([]);
  });

  it("finds nothing else wrong", () => {
    expect(report.problems).toEqual([]);
  });

  it("uses every allow-list entry and anchor (no stale exceptions)", () => {
    expect(report.unusedAllow).toEqual([]);
    expect(report.unusedAnchors).toEqual([]);
    const p71 = report.questions.find((q) => q.code === "P7.1")!;
    expect(p71.lines.length, "P7.1's anchored block was not found").toBe(2);
    expect(ALLOW.length).toBeLessThanOrEqual(5);
  });
});

describe("pcio-2567 field ids", () => {
  it("are unique and follow the id convention", () => {
    expect(fieldIdProblems(form)).toEqual([]);
    expect(new Set(form.fields.map((f) => f.id)).size).toBe(form.fields.length);
  });

  it(`are unchanged from test/form/__snapshots__/pcio-2567-ids.txt (regenerate deliberately: ${REGENERATE})`, () => {
    expect(existsSync(ID_SNAPSHOT), `missing ${ID_SNAPSHOT}: run ${REGENERATE}`).toBe(true);
    const committed = readFileSync(ID_SNAPSHOT, "utf8");
    const current = fieldIdSnapshot(form);
    expect(idSnapshotDiff(committed, current), `field ids changed; if deliberate, run ${REGENERATE}`).toEqual({
      added: [],
      removed: [],
      reordered: false,
    });
    expect(current).toBe(committed);
  });
});

describe("pcio-2567 totals", () => {
  it("counts questions, options, blanks, matrix cells and evidence points", () => {
    const totals = formTotals(form);
    console.log(
      formatTable(
        ["questions", "options", "blanks", "matrix cells", "evidence points", "fields"],
        [[totals.questions, totals.options, totals.blanks, totals.cells, totals.evidencePoints, form.fields.length].map(String)],
      ),
    );
    expect(totals.options + totals.blanks + totals.cells).toBe(form.fields.length);
    expect(totals.evidencePoints).toBe(evidencePointsFromFields(form));
    expect(totals).toEqual(EXPECTED_TOTALS);
  });
});

/**
 * The checker itself: break a copy of the definition and the check must notice. (Without these, a matcher that
 * accepts everything would pass the tests above.)
 */
describe("the coverage check notices", () => {
  const mutate = (edit: (file: FormFile) => void): CoverageReport => {
    const file = structuredClone(form.file);
    edit(file);
    return checkCoverage(compileForm(file), seed, { allow: ALLOW, anchors: ANCHORS });
  };
  const question = (file: FormFile, code: string) => file.questions.find((q) => q.code === code)!;
  const option = (items: ItemSource[], id: string) => items.find((i) => i.kind === "option" && i.id === id)!;

  it("a dropped option (P1.1 item 7)", () => {
    const r = mutate((f) => {
      const done = option(question(f, "P1.1").items, "done");
      if (done.kind === "option") done.children = done.children!.filter((c) => c.id !== "i7");
    });
    expect(r.problems.join("\n")).toMatch(/P1\.1: line 261: printed option not in the definition: จัดทำข้อมูลตามหลักธรรมาภิบาล/);
  });

  it("a dropped matrix row (P2.3 row 5) and a dropped column header (P5.1)", () => {
    const r = mutate((f) => {
      for (const item of question(f, "P2.3").items) if (item.kind === "matrix") item.rows = item.rows.filter((row) => row.id !== "r5");
      for (const item of question(f, "P5.1").items) if (item.kind === "matrix") delete item.columnGroups;
    });
    expect(r.problems.join("\n")).toMatch(/P2\.3: line 703: printed option not in the definition: มีการแต่งตั้งเจ้าหน้าที่คุ้มครองข้อมูล/);
    expect(r.problems.join("\n")).toMatch(/P5\.1: line 963: .*มีระบบบริหารจัดการภายในที่เป็นรูปแบบดิจิทัล/);
  });

  it("a dropped note and a dropped markKeyText", () => {
    const r = mutate((f) => {
      question(f, "P6.1").notes = [];
      delete question(f, "G1").markKeyText;
    });
    expect(r.problems.join("\n")).toMatch(/P6\.1: line 1125: printed note/);
    expect(r.problems.join("\n")).toMatch(/G1: line 185: printed evidence-note/);
  });

  it("a dropped blank", () => {
    const r = mutate((f) => {
      const no = option(question(f, "G1").items, "no");
      if (no.kind === "option") delete no.children;
    });
    expect(r.problems).toContain("G1: 1 blank(s) printed but only 0 defined");
  });

  it("a dropped evidence flag and a dropped skip", () => {
    const r = mutate((f) => {
      const yes = option(question(f, "G1").items, "yes");
      if (yes.kind === "option") delete yes.evidence;
      const no = option(question(f, "P4.2.2").items, "no");
      if (no.kind === "option") delete no.skipTo;
    });
    expect(r.problems.join("\n")).toMatch(/G1: "แนบ\(เอกสาร\)หลักฐาน" printed 1× but no field of G1 needs evidence/);
    expect(r.problems.join("\n")).toMatch(/P4\.2\.2: "ข้ามไป… P4\.3" printed but no option of P4\.2\.2 skips to P4\.3/);
  });

  it("a dropped or an invented question", () => {
    const r = mutate((f) => {
      f.questions = f.questions.filter((q) => q.code !== "P4.5.2");
      question(f, "P4.5.1").code = "P4.5.9";
    });
    expect(r.notInDefinition).toEqual(["P4.5.1", "P4.5.2"]);
    expect(r.notInSeed).toEqual(["P4.5.9"]);
  });

  it("a renamed local id (the id snapshot)", () => {
    const file = structuredClone(form.file);
    const yes = option(question(file, "G1").items, "yes");
    yes.id = "has";
    const diff = idSnapshotDiff(readFileSync(ID_SNAPSHOT, "utf8"), fieldIdSnapshot(compileForm(file)));
    expect(diff).toEqual({ added: ["G1:has"], removed: ["G1:yes"], reordered: false });
  });

  it("labels that print marks without the flags", () => {
    const file = structuredClone(form.file);
    const no = option(question(file, "G1").items, "no");
    if (no.kind === "option") delete no.skipTo;
    expect(labelFlagProblems(compileForm(file))).toEqual([
      'G1: option "no" prints "ข้ามไป… G4" but skipTo is unset',
    ]);
  });
});

describe("text matching", () => {
  it("normalises whitespace, underscores, dots, bullets, glyphs and quotes", () => {
    expect(normalise(" · อื่น ๆ โปรดระบุ ......")).toBe("อื่นๆโปรดระบุ");
    expect(normalise("\uf02a 1. “มี” ____")).toBe("1มี");
  });

  it("matches printed text inside definition text, or fuzzily at ≥ 0.85, but never the other way round", () => {
    expect(textMatches("ไม่มี (โปรดระบุเหตุผล__________)", "ไม่มี (โปรดระบุเหตุผล____) (ข้ามไปข้อ G4)")).toBe(true);
    expect(textMatches("มาตรการเผชิญเหตุเมื่อมีการตรวจพบภัยคุกคามทางไซเบอร (Response)", "มาตรการเผชิญเหตุเมื่อมีการตรวจพบภัยคุกคามทางไซเบอร์(Response)")).toBe(true);
    expect(textMatches("ไม่มี (โปรดระบุเหตุผล____) (ข้ามไปข้อ G4)", "ไม่มี")).toBe(false);
    expect(textMatches("งานบริหารงบประมาณ", "งานบริหารทรัพยากรบุคคล")).toBe(false);
  });
});

/**
 * Evidence points counted a second way, from the compiled fields: every option/cell/blank needing evidence, except
 * that the fields of an entry printed with "(แนบเอกสารหลักฐาน)" count once per instance.
 */
function evidencePointsFromFields(f: CompiledForm): number {
  const evidenceEntries = new Set<string>();
  const walk = (items: ItemSource[], prefix: string) => {
    for (const item of items) {
      if (item.kind === "option") walk(item.children ?? [], `${prefix}${item.id}.`);
      if (item.kind === "group") walk(item.children, `${prefix}${item.id}.`);
      if (item.kind === "entries" && item.evidence) evidenceEntries.add(`${prefix}${item.id}`);
    }
  };
  for (const q of f.questions) walk(q.source.items, `${q.code}:`);
  const instances = new Set<string>();
  let points = 0;
  for (const field of f.fields) {
    if (!field.evidence) continue;
    if (field.entry && evidenceEntries.has(field.entry.group)) instances.add(`${field.entry.group}.${field.entry.index}`);
    else points += 1;
  }
  return points + instances.size;
}

/**
 * Every evidence point says what its evidence must show (issue #8's audit, src/audit): a topic from the form's `expect`
 * levels — explicit for every point of pcio-2567 — or, for an edition without them, derived from the printed words.
 */
describe("pcio-2567 evidence expectations", () => {
  const evidenceFields = () => form.fields.filter((f) => f.evidence);

  it("give every evidence point an explicit topic", () => {
    const without = evidenceFields().filter((f) => {
      const e = expectationFor(form, f, ["ข้อความที่กรอก"]);
      return !e.explicit || !e.requirements.some((r) => r.role === "topic");
    });
    expect(without.map((f) => f.id)).toEqual([]);
    expect(evidenceFields().length).toBeGreaterThan(150);
  });

  it("name phrases that can be found (no empty or one-letter terms) and known date periods", () => {
    const bad = evidenceFields().flatMap((f) =>
      expectationFor(form, f, [])
        .requirements.flatMap((r) => r.terms)
        .filter((t) => normalise(t).length < 2)
        .map((t) => `${f.id}: "${t}"`),
    );
    expect(bad).toEqual([]);
    expect(expectationFor(form, form.field("G2:yes")!, []).period?.from).toBe(form.file.periods?.G2?.from);
  });

  it("derive a topic from the printed words for every evidence point of an edition without expectations", () => {
    const bare = compileForm(withoutExpectations(form.file));
    const without = bare.fields
      .filter((f) => f.evidence)
      .filter((f) => !expectationFor(bare, f, []).requirements.some((r) => r.role === "topic" && r.terms.length > 0));
    expect(without.map((f) => f.id)).toEqual([]);
  });
});
