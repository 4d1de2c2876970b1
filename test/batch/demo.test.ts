/**
 * The demo inbox (samples/inbox) through the whole batch, OCR included, against its truth (samples/inbox-truth.json,
 * written with the inbox by scripts/inbox-samples/generate.ts): how each agency is identified, what becomes of every
 * file, the planted validation issues, the audit verdict of every answer that needs evidence (each verdict kind
 * occurs, the planted evidence mistakes get theirs), the outputs, and a rerun from the cache to the same bytes.
 * About a minute on two cores.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SHEETS } from "../../src/batch/messages.js";
import { agencyId } from "../../src/batch/names.js";
import { runBatch, type BatchResult } from "../../src/batch/run.js";
import { Verdict, type AgencyBundle, type AuditItem } from "../../src/bundle/schema.js";
import { PACKAGE_ROOT } from "../../src/form/load.js";
import { summaryWorkbook, textOutputs } from "../helpers/outputs.js";

const INBOX = path.join(PACKAGE_ROOT, "samples", "inbox");

/** The parts of samples/inbox-truth.json this test reads. */
interface Truth {
  agencies: {
    name: string;
    respondent: string;
    identifiedBy: string;
    hasBundle: boolean;
    expected: {
      validation: { code: string; question: string; field?: string }[];
      audit: { question: string; field: string; verdict: Verdict; acceptable?: Verdict[]; files: string[] }[];
    };
  }[];
  mistakes: { id: string; agency: string; files: string[]; expect: { audit?: string } }[];
  files: { path: string; onDisk?: string | null; kind: string; status: string; agency: string; questions?: string[] }[];
}
const truth = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, "samples", "inbox-truth.json"), "utf8")) as Truth;

/** The verdict each kind of planted evidence mistake calls for. */
const PLANTED_VERDICTS: Record<string, Verdict> = {
  evidence_missing: "evidence_missing",
  evidence_not_marked: "not_marked",
  evidence_off_topic: "not_supported",
  minutes_outside_period: "not_supported",
  password_protected: "unreadable",
  empty_file: "unreadable",
};

const out = mkdtempSync(path.join(os.tmpdir(), "samruat-demo-out-"));
let first: BatchResult;
let firstMs = 0;
const bundles = new Map<string, AgencyBundle>();

beforeAll(async () => {
  const started = performance.now();
  first = await runBatch({ inbox: INBOX, out, lang: "th" });
  firstMs = performance.now() - started;
  for (const { bundle } of first.results) bundles.set(bundle.agency.name, JSON.parse(readFileSync(path.join(out, "answers", `${bundle.agency.id}.json`), "utf8")));
  const evidence = first.timings.find((t) => t.stage === "evidence")!;
  console.log(`demo batch: ${first.results.length} agencies in ${(firstMs / 1000).toFixed(1)} s (evidence ${(evidence.ms / 1000).toFixed(1)} s)`);
}, 600_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

const bundleOf = (name: string) => bundles.get(name) ?? expect.fail(`no bundle for ${name}`);
const auditOf = (agency: string, field: string): AuditItem | undefined => bundleOf(agency).audit?.find((i) => i.field === field);

describe("samruat batch on the demo inbox", () => {
  it("identifies every agency the way the truth says, and none other", () => {
    const expected = truth.agencies.filter((a) => a.hasBundle).map((a) => [a.name, a.identifiedBy, a.respondent]);
    const actual = first.manifest.agencies.map((a) => [a.name, a.identifiedBy, a.respondent]);
    expect(actual.sort()).toEqual(expected.sort());
  });

  it("gives every file the status, agency and questions the truth gives it", () => {
    // Paths as on disk (the truth's `path` is NFC with ำ; the manifest names files as they are).
    const expected = truth.files.map((f) => ({
      path: f.onDisk ?? f.path,
      kind: f.kind,
      status: f.status,
      agency: f.agency ? agencyId(f.agency) : undefined,
      questions: f.questions?.length ? f.questions : undefined,
    }));
    const actual = first.manifest.files.map((f) => ({ path: f.path, kind: f.kind, status: f.status, agency: f.agency, questions: f.questions }));
    const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
    expect(actual.sort(byPath)).toEqual(expected.sort(byPath));
  });

  it("reports every planted validation issue on its agency and question", () => {
    const missing = truth.agencies.flatMap((a) =>
      a.expected.validation
        .filter((v) => {
          const issues = (bundleOf(a.name).validation as { issues: { code: string; question: string; field?: string }[] }).issues;
          return !issues.some((i) => i.code === v.code && i.question === v.question && (v.field === undefined || i.field === v.field));
        })
        .map((v) => `${a.name} ${v.question} ${v.code}`),
    );
    expect(missing).toEqual([]);
  });

  it("audits exactly the answers that need evidence, with the truth's verdicts (known gaps listed)", () => {
    const disagreements = [];
    for (const a of truth.agencies.filter((x) => x.hasBundle)) {
      expect(bundleOf(a.name).audit?.map((i) => i.field).sort(), a.name).toEqual(a.expected.audit.map((e) => e.field).sort());
      for (const e of a.expected.audit) {
        const verdict = auditOf(a.name, e.field)?.verdict;
        if (verdict && ![e.verdict, ...(e.acceptable ?? [])].includes(verdict)) disagreements.push({ agency: a.name, field: e.field, verdict });
      }
    }
    expect(disagreements).toEqual([]);
  });

  it("gives each planted evidence mistake its verdict, and every verdict kind occurs", () => {
    const planted = truth.mistakes.filter((m) => m.expect.audit !== undefined);
    expect(new Set(planted.map((m) => m.id))).toEqual(new Set(Object.keys(PLANTED_VERDICTS)));
    const formsOnly = (files: string[]) => files.every((f) => truth.files.find((t) => t.path === f)?.kind === "form");
    for (const m of planted) {
      const want = PLANTED_VERDICTS[m.id]!;
      expect(m.expect.audit, `the truth's verdict for ${m.id}`).toContain(want);
      // The answers a mistake is about: those its files are evidence for; where it sent no file, those with none.
      const answers = truth.agencies
        .find((a) => a.name === m.agency)!
        .expected.audit.filter((e) => (formsOnly(m.files) ? e.files.length === 0 : e.files.some((f) => m.files.includes(f))));
      expect(answers.length, m.id).toBeGreaterThan(0);
      for (const e of answers) expect(auditOf(m.agency, e.field)?.verdict, `${m.id}: ${m.agency} ${e.field}`).toBe(want);
    }
    const verdicts = new Set([...bundles.values()].flatMap((b) => (b.audit ?? []).map((i) => i.verdict)));
    expect([...verdicts].sort()).toEqual([...Verdict.options].sort());
  });

  it("writes the report, the workbook with its audit sheet, the issues, the province and the manifest", async () => {
    for (const name of ["report.html", "summary.xlsx", "issues.csv", "province.docx", "province.json", "batch.json"]) {
      expect(statSync(path.join(out, name)).size, name).toBeGreaterThan(0);
    }
    const audit = (await summaryWorkbook(out)).getWorksheet(SHEETS.audit.name);
    const items = [...bundles.values()].reduce((n, b) => n + (b.audit?.length ?? 0), 0);
    expect(audit?.rowCount).toBe(items + 1);
  });

  it("reruns from the cache to byte-identical JSON and CSV, reading no file again", async () => {
    const before = textOutputs(out);
    const started = performance.now();
    const rerun = await runBatch({ inbox: INBOX, out, lang: "th" });
    const rerunMs = performance.now() - started;
    expect(textOutputs(out)).toEqual(before);
    const evidence = rerun.timings.find((t) => t.stage === "evidence")!;
    expect(evidence.cached).toBe(evidence.items);
    expect(rerunMs).toBeLessThan(firstMs / 2);
  }, 300_000);
});
