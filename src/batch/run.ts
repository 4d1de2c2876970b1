/**
 * `samruat batch`: the inbox of returned forms and evidence → per-agency bundles, the batch manifest, the issues
 * list, the summary workbook, the province's consolidated answers and the HTML report. Order: discover → classify →
 * extract → plan (agency, newest copy, evidence links) → read evidence → crops → validate → audit → write →
 * province → report. A bad file never stops the batch: it is listed with its reason.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { BatchManifest, DecisionsFile } from "../bundle/schema.js";
import type { Lang } from "../i18n/index.js";
import { decidedBundles, DEFAULT_ROSTER_ID, loadRosterFile } from "../ledger/index.js";
import { nextRounds, parseRounds, type Round } from "../ledger/rounds.js";
import { UsageError } from "../errors.js";
import { chooseOcrEngine, type OcrChoice } from "../evidence/ocr-native.js";
import { DEFAULT_FORM_ID, loadForm } from "../form/load.js";
import { openCache } from "./cache.js";
import { readInbox } from "./inbox.js";
import type { StageName } from "./messages.js";
import { buildPlan, classifyFiles } from "./plan.js";
import {
  auditBundles,
  buildManifest,
  cropMarkedRegions,
  extractForms,
  outputWriter,
  readEvidenceFiles,
  validateAgencies,
  writeOutputs,
  writeProvince,
  writeReport,
  type BatchProgress,
  type StageContext,
} from "./stages.js";
import { ROUNDS_FILE } from "./stages.js";
import { auditRows, countDecisions, type AgencyResult, type DecisionCounts } from "./tables.js";

export interface BatchOptions {
  inbox: string;
  out: string;
  form?: string;
  lang: Lang;
  /** Reuse `<out>/.cache` (default true). */
  cache?: boolean;
  /** OCR only the marked regions of scans (and whole pages only of scans with no mark). */
  markedOnly?: boolean;
  /** OCR engine: native tesseract where installed (auto), or always one of the two. */
  ocr?: OcrChoice;
  decisions?: DecisionsFile;
  /** The agencies expected: a roster id (templates/rosters) or a .json file; default pcio-2567; false: none. */
  roster?: string | false;
  /** The province's name; default: the one the forms give. */
  province?: string;
  onProgress?(progress: BatchProgress): void;
}

export interface StageTiming {
  stage: StageName;
  ms: number;
  /** What the stage went through: files found, forms, evidence files, crops rendered, agencies, outputs. */
  items: number;
  /** Of those, taken from the cache. */
  cached: number;
}

export interface BatchTotals {
  agencies: number;
  forms: { used: number; superseded: number; failed: number };
  evidence: { used: number; unlinked: number; failed: number };
  ignored: number;
  issues: { error: number; warning: number; info: number };
  /** With `--decisions`: how the auditor's decisions met this run's audit. */
  decisions?: DecisionCounts;
}

export interface BatchResult {
  manifest: BatchManifest;
  totals: BatchTotals;
  timings: StageTiming[];
  /** Written files, relative to the output folder. */
  outputs: string[];
  results: AgencyResult[];
  /** This run's round (rounds.json): its number and what changed since the round before. */
  round: Round;
}

export async function runBatch(options: BatchOptions): Promise<BatchResult> {
  const outDir = path.resolve(options.out);
  if (path.resolve(options.inbox) === outDir) {
    throw new UsageError("--out ต้องไม่ใช่โฟลเดอร์เดียวกับกล่องรับไฟล์", "--out must not be the inbox folder itself");
  }
  const form = loadForm(options.form ?? DEFAULT_FORM_ID);
  const roster = options.roster === false ? undefined : loadRosterFile(options.roster ?? DEFAULT_ROSTER_ID);
  const useCache = options.cache ?? true;
  const cache = openCache(outDir, useCache);
  const ctx: StageContext = { form, cache, progress: options.onProgress ?? (() => undefined) };
  const timings: StageTiming[] = [];
  const stage = async <T>(name: StageName, count: (value: T) => number, run: () => Promise<T> | T): Promise<T> => {
    const started = performance.now();
    const hits = cache.hits;
    const value = await run();
    timings.push({ stage: name, ms: Math.round(performance.now() - started), items: count(value), cached: cache.hits - hits });
    return value;
  };

  const inbox = await stage("discover", (v) => v.files.length, () => readInbox(options.inbox, [outDir]));
  const classified = classifyFiles(inbox.files, form);
  const outcomes = await stage("extract", (v) => v.size, () => extractForms(classified.forms, ctx));
  const plan = buildPlan(form, inbox, classified, outcomes, { ...(roster ? { roster } : {}), ...(options.province ? { province: options.province } : {}) });

  // One OCR pool for the whole batch (its workers start on the first scan), terminated however the stage ends.
  const engine = await chooseOcrEngine(options.ocr);
  let evidence;
  try {
    evidence = await stage("evidence", (v) => v.size, () => readEvidenceFiles(plan, ctx, { engine, markedOnly: options.markedOnly ?? false }));
  } finally {
    await engine.terminate();
  }
  await stage("crops", (rendered) => rendered, () => cropMarkedRegions(plan, evidence, outDir, ctx, useCache));
  const results = await stage("validate", (v) => v.length, () => validateAgencies(form, plan, evidence, options.lang));
  await stage("audit", () => results.length, () => auditBundles(form, results));
  const decisions = options.decisions?.decisions;
  const manifest = buildManifest(form, plan, results, inbox, decisions);
  const previous = await readFile(path.join(outDir, ROUNDS_FILE), "utf8").catch(() => undefined);
  const rounds = nextRounds(parseRounds(previous), manifest, results.map((r) => r.bundle));
  const audit = auditRows(results, decisions);
  const out = outputWriter(outDir);
  await stage("write", () => out.written.length, () => writeOutputs(out, form, results, manifest, audit, rounds, options.lang));
  const province = await stage("province", () => results.length, () => writeProvince(out, form, decidedBundles(results.map((r) => r.bundle), decisions)));
  await stage("report", () => results.length, () => writeReport(out, { form, manifest, results, province, lang: options.lang, ...(decisions ? { decisions } : {}) }));
  const totals = countTotals(manifest, decisions ? countDecisions(audit, decisions) : undefined);
  return { manifest, totals, timings, outputs: out.written, results, round: rounds.rounds.at(-1)! };
}

export function countTotals(manifest: BatchManifest, decisions?: DecisionCounts): BatchTotals {
  const count = (kind: string, status: string) => manifest.files.filter((f) => f.kind === kind && f.status === status).length;
  return {
    agencies: manifest.agencies.length,
    forms: { used: count("form", "used"), superseded: count("form", "superseded"), failed: count("form", "failed") },
    evidence: { used: count("evidence", "used"), unlinked: count("evidence", "unlinked"), failed: count("evidence", "failed") },
    ignored: manifest.files.filter((f) => f.status === "ignored").length,
    issues: manifest.summary.issues,
    ...(decisions ? { decisions } : {}),
  };
}
