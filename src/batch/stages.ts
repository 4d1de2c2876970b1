/**
 * The batch's stages around the plan. Each takes what the previous one produced and returns plain data; files are
 * read through the plan's `read()` and written only by the crop and output stages, after the plan is complete.
 *
 *   extract   forms → answers (cached by content), plus the pictures embedded in them
 *   evidence  linked files → pages and marked regions (cached by content; one OCR engine for the whole batch; whole
 *             pages OCR'd, or with --marked-only just the marks, except in scans where nothing is marked)
 *   crops     marked regions → PNG crops under crops/ (kept while the file exists and the cache is on)
 *   validate  answers + evidence links → per-agency bundle and validation report
 *   audit     does each answer's marked evidence support it (src/audit) → bundle.audit
 *   write     answers/<agency>.json, batch.json, issues.csv, summary.xlsx (stale answers and crops removed)
 *   province  the province's consolidated answers (src/consolidate) → province.json, province.docx
 *   report    report.html (src/report), with the auditor's decisions when given
 */
import { readFileSync } from "node:fs";
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { BUNDLE_SCHEMA, MANIFEST_SCHEMA, type AgencyBundle, type BatchManifest, type BundleEvidence, type BundlePage, type Decision, type ManifestFile } from "../bundle/schema.js";
import { buildLedger } from "../ledger/index.js";
import type { RoundsFile } from "../ledger/rounds.js";
import { buildLetters } from "../letters/index.js";
import type { Lang } from "../i18n/index.js";
import { SamruatError } from "../errors.js";
import type { ProgressState } from "../progress.js";
import type { AnswerDocument } from "../extract/answers.js";
import { extractFile } from "../extract/extract.js";
import type { CompiledForm } from "../form/compile.js";
import { cropRegions } from "../evidence/crop.js";
import type { OcrEngine } from "../evidence/ocr.js";
import { fileError } from "../evidence/messages.js";
import { readEvidence } from "../evidence/read.js";
import type { EvidenceFile } from "../evidence/schema.js";
import { writeFileAtomic } from "../util/fs.js";
import { inLanes } from "../util/lanes.js";
import { findSoffice } from "../util/soffice.js";
import { toJsonReport } from "../validate/report.js";
import { validateAnswers } from "../validate/validate.js";
import { auditAgency } from "../audit/index.js";
import { consolidate, renderProvinceDocx, type ProvinceConsolidation } from "../consolidate/index.js";
import { renderReport, type RenderReportInput } from "../report/index.js";
import type { Cache } from "./cache.js";
import { embeddedImages, type EmbeddedImage } from "./embedded.js";
import type { Inbox, InboxFile } from "./inbox.js";
import { reason, reasonFrom, type Reason, type StageName } from "./messages.js";
import type { BatchPlan, FormOutcome, PlannedEvidence } from "./plan.js";
import { issueRows, toCsv, type AgencyResult, type AuditRow } from "./tables.js";
import { renderWorkbook } from "./workbook.js";

/** Stage, items done of total, evidence pages read so far (evidence stage) and the current file. */
export type BatchProgress = ProgressState<StageName>;

export interface StageContext {
  form: CompiledForm;
  cache: Cache;
  progress(p: BatchProgress): void;
}

// ---------------------------------------------------------------------------------------------------------------
// extract

type CachedForm = { kind: "form"; doc: AnswerDocument } | { kind: "not_form" };

export async function extractForms(files: readonly InboxFile[], ctx: StageContext): Promise<Map<string, FormOutcome>> {
  const outcomes = new Map<string, FormOutcome>();
  let temp: Promise<string> | undefined;
  // Forms inside archives are written to a private temp folder: the extractor (and LibreOffice for .doc) reads paths.
  const tempDir = () => (temp ??= mkdtemp(path.join(os.tmpdir(), "samruat-batch-")));
  try {
    // Two at a time: a .doc waits on LibreOffice while the next form is read.
    let done = 0;
    await inLanes(files, 2, async (file) => {
      ctx.progress({ stage: "extract", done, total: files.length, file: file.path });
      outcomes.set(file.path, await extractForm(file, ctx, tempDir));
      done++;
    });
  } finally {
    if (temp) await rm(await temp, { recursive: true, force: true });
  }
  return outcomes;
}

async function extractForm(file: InboxFile, ctx: StageContext, tempDir: () => Promise<string>): Promise<FormOutcome> {
  const options = { form: ctx.form.file.id };
  let cached = await ctx.cache.get<CachedForm>("extract", file.sha256, options);
  if (!cached) {
    try {
      const doc = await extractFile(file.diskPath ?? (await materialize(file, await tempDir())), options);
      cached = doc.warnings.some((w) => w.code === "not_this_form") ? { kind: "not_form" } : { kind: "form", doc };
    } catch (error) {
      return { kind: "failed", reason: formFailure(error) };
    }
    await ctx.cache.put("extract", file.sha256, options, cached);
  }
  if (cached.kind === "not_form") return cached;
  const doc: AnswerDocument = { ...cached.doc, source: { ...cached.doc.source, file: file.path } };
  let embedded: EmbeddedImage[] = [];
  try {
    embedded = embeddedImages(await file.read(), path.posix.basename(file.path), ctx.form);
  } catch {
    // A converted .doc has no OOXML parts to look in: no pictures to link, and its answers still count.
  }
  return { kind: "form", doc, embedded };
}

async function materialize(file: InboxFile, dir: string): Promise<string> {
  const folder = path.join(dir, file.sha256.slice(0, 16));
  await mkdir(folder, { recursive: true });
  const target = path.join(folder, path.posix.basename(file.path));
  await writeFile(target, await file.read());
  return target;
}

function formFailure(error: unknown): Reason {
  if (error instanceof SamruatError) {
    const convertible = error.code === "legacy_doc" || error.code === "odt_not_docx";
    return convertible && !findSoffice() ? reason("legacy_doc_no_soffice") : reasonFrom(error.code, error.messageTh, error.messageEn);
  }
  return reason("read_failed", { detail: error instanceof Error ? error.message : String(error) });
}

// ---------------------------------------------------------------------------------------------------------------
// evidence

/** What reading one evidence file gives, kept per content hash (and cached): the bundle's evidence without its links. */
export type EvidenceContent = Pick<BundleEvidence, "type" | "pages" | "marked" | "warnings" | "error">;

/**
 * Which page text OCR reads: every scanned page (default: the audit checks a scan's document kind and date on its
 * page text), or with `--marked-only` only the marked regions — except in files with scanned pages and no mark at
 * all, whose page text is read too, so the audit can tell an unmarked document (not_marked, judged on its page text)
 * from one it cannot read. Part of the cache key.
 */
type PageTextPolicy = "all" | "unmarked_files";

export async function readEvidenceFiles(
  plan: BatchPlan,
  ctx: StageContext,
  options: { engine: OcrEngine; markedOnly: boolean },
): Promise<Map<string, EvidenceContent>> {
  const policy: PageTextPolicy = options.markedOnly ? "unmarked_files" : "all";
  // Engines read a little differently: a result is reused only from the same one.
  const cacheKey = { pageText: policy, ocr: options.engine.name };
  const results = new Map<string, EvidenceContent>();
  const todo: PlannedEvidence[] = [];
  for (const e of uniqueEvidence(plan)) {
    const cached = await ctx.cache.get<EvidenceContent>("evidence", e.sha256, cacheKey);
    if (cached) results.set(e.sha256, cached);
    else todo.push(e);
  }
  let pages = 0;
  let done = 0;
  const readOne = async (e: PlannedEvidence) => {
    const report = (pagesDone: number) => ctx.progress({ stage: "evidence", done, total: todo.length, pages: pages + pagesDone, file: e.path });
    report(0);
    let bytes: Uint8Array;
    try {
      bytes = await e.read();
    } catch (error) {
      // Gone or unreadable since it was listed: reported for this run, never cached.
      results.set(e.sha256, { type: "unknown", pages: [], marked: false, warnings: [], error: fileError("read-failed", String(error)) });
      return;
    }
    const read = async (pageText: boolean) => {
      const { value } = await readEvidence([{ name: e.path, bytes }], { engine: options.engine, pageText, onProgress: (p) => report(p.pagesDone) });
      return value.files[0]!;
    };
    let file = await read(policy === "all");
    if (policy === "unmarked_files" && unmarkedScan(file)) file = await read(true);
    const content = fromReader(file);
    pages += content.pages.length;
    results.set(e.sha256, content);
    await ctx.cache.put("evidence", e.sha256, cacheKey, content);
  };
  // Files side by side, one more than the OCR engine has workers: while a scan waits for OCR, the next file's text
  // layer is read and its pages rendered.
  await inLanes(todo, options.engine.parallelism + 1, async (e) => {
    await readOne(e);
    done++;
  });
  return new Map(uniqueEvidence(plan).map((e) => [e.sha256, results.get(e.sha256)!]));
}

/** A readable file with OCR'd pages and no marked region: marked-only OCR read nothing of it. */
function unmarkedScan(file: EvidenceFile): boolean {
  return !file.error && file.pages.some((p) => p.source === "ocr") && file.pages.every((p) => p.regions.length === 0);
}

function uniqueEvidence(plan: BatchPlan): PlannedEvidence[] {
  return [...new Map(plan.agencies.flatMap((a) => a.evidence.map((e) => [e.sha256, e] as const))).values()];
}

/** The reader's file without per-word boxes (the bundle keeps page text and marked regions). */
function fromReader(file: EvidenceFile): EvidenceContent {
  const pages: BundlePage[] = file.pages.map((p) => ({
    number: p.number,
    source: p.source,
    width: p.width,
    height: p.height,
    unit: p.unit,
    text: p.text,
    confidence: p.confidence,
    regions: p.regions,
    warnings: p.warnings,
  }));
  return {
    type: file.type,
    pages,
    marked: pages.some((p) => p.regions.length > 0),
    warnings: file.warnings,
    ...(file.error ? { error: file.error } : {}),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// crops

/** Sets `crop` on every marked region, rendering the PNGs that are not already there (or all, without the cache). */
export async function cropMarkedRegions(plan: BatchPlan, evidence: ReadonlyMap<string, EvidenceContent>, outDir: string, ctx: StageContext, reuse: boolean): Promise<number> {
  const marked = uniqueEvidence(plan).filter((e) => evidence.get(e.sha256)?.marked);
  let rendered = 0;
  let done = 0;
  // Two files at a time: PNG encoding runs in native threads while the next page renders.
  await inLanes(marked, 2, async (e) => {
    ctx.progress({ stage: "crops", done: done++, total: marked.length, file: e.path });
    const content = evidence.get(e.sha256)!;
    const regions = content.pages.flatMap((page) => page.regions.map((region, n) => ({ page: page.number, region, rel: `crops/${e.sha256.slice(0, 16)}-p${page.number}-${n + 1}.png` })));
    const present = reuse ? await Promise.all(regions.map((r) => exists(path.join(outDir, r.rel)))) : [];
    if (present.length && present.every(Boolean)) {
      for (const r of regions) r.region.crop = r.rel;
      return;
    }
    const requests = regions.map((r) => ({ page: r.page, bbox: r.region.bbox, ...(r.region.source === "annotation" ? { tint: r.region.rgb } : {}) }));
    // A page that will not render again leaves its regions without a crop; the bundle still has their text.
    const pngs = await cropRegions(await e.read(), content.type, requests).catch(() => []);
    for (const [k, r] of regions.entries()) {
      const png = pngs[k];
      if (!png) continue;
      await writeFileAtomic(path.join(outDir, r.rel), png);
      r.region.crop = r.rel;
      rendered++;
    }
  });
  return rendered;
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// validate

export function validateAgencies(form: CompiledForm, plan: BatchPlan, evidence: ReadonlyMap<string, EvidenceContent>, lang: Lang): AgencyResult[] {
  return plan.agencies.map((planned) => {
    const linked: BundleEvidence[] = planned.evidence.map((e) => {
      const content = evidence.get(e.sha256)!;
      return {
        file: e.path,
        sha256: e.sha256,
        size: e.size,
        type: content.type,
        questions: e.questions,
        linkedBy: e.linkedBy,
        pages: content.pages,
        marked: content.marked,
        warnings: content.warnings,
        ...(content.error ? { error: content.error } : {}),
      };
    });
    // A file that was sent counts as attached even when it cannot be read: the manifest lists it as failed and the
    // audit judges it unreadable, rather than validation claiming nothing was sent.
    const links = [
      ...linked.flatMap((e) => e.questions.map((question) => ({ question, file: e.file, ...(e.error ? {} : { marked: e.marked }) }))),
      ...planned.misnamedEvidence,
    ];
    const result = validateAnswers(form, planned.doc, { respondent: planned.ref.respondent, evidence: links });
    const report = toJsonReport(result, planned.doc, planned.form.path, lang, planned.respondentSource);
    return {
      planned,
      report,
      bundle: {
        schema: BUNDLE_SCHEMA,
        form: form.file.id,
        agency: planned.ref,
        source: { file: planned.form.path, sha256: planned.form.sha256, bytes: planned.form.size },
        superseded: planned.superseded.map((f) => ({ file: f.path, sha256: f.sha256 })),
        answers: planned.doc,
        evidence: linked,
        validation: report as unknown as Record<string, unknown>,
      },
    };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// write

/**
 * Every file and what became of it (the plan's verdicts, with linked evidence that turned out unreadable failed),
 * dated by its modification time; then the ledger over them: every agency of the roster with its status and issues.
 */
export function buildManifest(form: CompiledForm, plan: BatchPlan, results: readonly AgencyResult[], inbox: Inbox, decisions: readonly Decision[] = []): BatchManifest {
  const unreadable = new Map(results.flatMap((r) => r.bundle.evidence.flatMap((e) => (e.error ? [[e.file, e.error] as const] : []))));
  const mtimes = new Map(inbox.files.map((f) => [f.path, f.mtimeMs]));
  const files = plan.files.map((f): ManifestFile => {
    const error = f.status === "used" ? unreadable.get(f.path) : undefined;
    const mtime = mtimes.get(f.path.split("#")[0]!);
    return {
      ...f,
      ...(error ? { status: "failed" as const, reason: reasonFrom(error.code, error.messageTh, error.message) } : {}),
      ...(mtime !== undefined ? { modified: thaiDate(mtime) } : {}),
    };
  });
  const ledger = buildLedger({ ...(plan.roster ? { roster: plan.roster } : {}), files, bundles: results.map((r) => r.bundle), decisions });
  const identified = new Map(results.map((r) => [r.bundle.agency.id, r.bundle.agency.identifiedBy]));
  return {
    schema: MANIFEST_SCHEMA,
    form: form.file.id,
    province: plan.province,
    ...(ledger.roster ? { roster: ledger.roster } : {}),
    agencies: ledger.agencies.map((a) => {
      const by = identified.get(a.id);
      return by ? { ...a, identifiedBy: by } : a;
    }),
    issues: ledger.issues,
    summary: ledger.summary,
    files,
  };
}

/** The calendar date in Thailand (UTC+7, no daylight saving) of a time: the day the office sent the file. */
function thaiDate(ms: number): string {
  return new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** Writes files under the output folder (atomically) and remembers what it wrote. */
export interface OutputWriter {
  outDir: string;
  written: string[];
  write(rel: string, data: string | Uint8Array): Promise<void>;
}

export function outputWriter(outDir: string): OutputWriter {
  const writer: OutputWriter = {
    outDir,
    written: [],
    async write(rel, data) {
      await writeFileAtomic(path.join(outDir, rel), data);
      writer.written.push(rel);
    },
  };
  return writer;
}

/** The history of rounds in the output folder (src/ledger/rounds.ts). */
export const ROUNDS_FILE = "rounds.json";

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

export async function writeOutputs(
  out: OutputWriter,
  form: CompiledForm,
  results: readonly AgencyResult[],
  manifest: BatchManifest,
  audit: readonly AuditRow[],
  rounds: RoundsFile,
  lang: Lang,
): Promise<void> {
  for (const { bundle } of results) await out.write(`answers/${bundle.agency.id}.json`, json(bundle));
  await out.write("batch.json", json(manifest));
  await out.write(ROUNDS_FILE, json(rounds));
  const issues = issueRows(manifest, lang);
  await out.write("issues.csv", toCsv(issues, lang));
  await out.write("summary.xlsx", await renderWorkbook(form, results, manifest, issues, audit, rounds.rounds.at(-1)!));
  await writeLetters(out, form, manifest);

  // Outputs of an earlier run that this run did not produce would read as current: remove them.
  const crops = new Set(results.flatMap(({ bundle }) => bundle.evidence.flatMap((e) => e.pages.flatMap((p) => p.regions.flatMap((r) => (r.crop ? [r.crop] : []))))));
  await prune(out.outDir, "answers", (rel) => out.written.includes(rel));
  await prune(out.outDir, "letters", (rel) => out.written.includes(rel));
  await prune(out.outDir, "crops", (rel) => crops.has(rel));
}

/** letters/<agency>.docx and .txt for every agency with something to fix (src/letters). */
export async function writeLetters(out: OutputWriter, form: CompiledForm, manifest: BatchManifest): Promise<number> {
  const letters = buildLetters(manifest, { formTitle: form.file.title, province: manifest.province });
  for (const letter of letters) {
    await out.write(letter.docxPath, letter.docx);
    await out.write(letter.textPath, letter.text);
  }
  return letters.length;
}

// ---------------------------------------------------------------------------------------------------------------
// audit, province, report: the modules that read the bundles (src/audit, src/consolidate, src/report)

export function auditBundles(form: CompiledForm, results: readonly AgencyResult[]): void {
  for (const { bundle } of results) bundle.audit = auditAgency(form, bundle);
}

export async function writeProvince(out: OutputWriter, form: CompiledForm, bundles: readonly AgencyBundle[]): Promise<ProvinceConsolidation> {
  const province = consolidate(form, [...bundles]);
  await out.write("province.json", json(province));
  await out.write("province.docx", renderProvinceDocx(form, province));
  return province;
}

export async function writeReport(
  out: OutputWriter,
  input: Omit<RenderReportInput, "bundles" | "readCrop"> & { results: readonly AgencyResult[] },
): Promise<void> {
  const readCrop = (rel: string) => {
    try {
      return new Uint8Array(readFileSync(path.join(out.outDir, rel)));
    } catch {
      return undefined;
    }
  };
  const { results, ...rest } = input;
  await out.write("report.html", renderReport({ ...rest, bundles: results.map((r) => r.bundle), readCrop }));
}

async function prune(outDir: string, folder: string, keep: (rel: string) => boolean): Promise<void> {
  const names = await readdir(path.join(outDir, folder)).catch(() => [] as string[]);
  for (const name of names) {
    if (!keep(`${folder}/${name}`)) await rm(path.join(outDir, folder, name), { force: true });
  }
}
