/**
 * `npm run bench:batch` — the batch command's wall time, per-stage times and peak memory:
 *
 * - samples/inbox (the demo inbox, when it has been generated): cold (`--no-cache`, OCR of its scans included), then
 *   again from the cache;
 * - a 200-form inbox generated into a temp folder, without evidence (so without OCR): copies of
 *   samples/forms/tune/*.docx, each under its own agency name (written into the form's general block), reported as
 *   ms/form.
 *
 * Each run is a child process under `/usr/bin/time -v` (when present) for its peak resident memory; the child prints
 * its timings as JSON. By hand: `/usr/bin/time -v npx tsx bench/batch.bench.ts run <inbox> <out> [--no-cache]`.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import PizZip from "pizzip";
import { runBatch } from "../src/batch/run.js";
import { PACKAGE_ROOT } from "../src/form/load.js";
import { AGENCIES } from "../scripts/form-samples/thai.js";

const SYNTHETIC_FORMS = 200;
const run = promisify(execFile);

interface RunReport {
  wallMs: number;
  forms: number;
  agencies: number;
  stages: { stage: string; ms: number; items: number; cached: number }[];
}

async function main(): Promise<void> {
  const temp = await mkdtemp(path.join(os.tmpdir(), "samruat-bench-batch-"));
  try {
    const demo = path.join(PACKAGE_ROOT, "samples", "inbox");
    if (existsSync(demo)) {
      const out = path.join(temp, "demo-out");
      show("samples/inbox, cold (--no-cache)", await child(demo, out, "--no-cache"));
      show("samples/inbox, from the cache", await child(demo, out));
    } else {
      console.log("samples/inbox is not there (scripts/inbox-samples/generate.ts makes it): skipped");
    }
    const synthetic = path.join(temp, "inbox-200");
    const bases = generateInbox(synthetic, SYNTHETIC_FORMS);
    console.log(`\n${SYNTHETIC_FORMS} generated forms (copies of ${bases} tuning forms, each under its own agency name)`);
    const report = await child(synthetic, path.join(temp, "out-200"), "--no-cache");
    show(`${SYNTHETIC_FORMS} forms, cold`, report);
    console.log(`  ${(report.wallMs / SYNTHETIC_FORMS).toFixed(1)} ms/form overall, ${(stageMs(report, "extract") / SYNTHETIC_FORMS).toFixed(1)} ms/form extraction`);
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

/**
 * Copies of the tuning forms whose agency name appears whole in document.xml, each renamed to its own agency
 * ("สำนักงานพาณิชย์สาขา7จังหวัดเชียงใหม่"); returns how many forms they were copied from.
 */
function generateInbox(dir: string, count: number): number {
  const formsDir = path.join(PACKAGE_ROOT, "samples", "forms");
  const index = JSON.parse(readFileSync(path.join(formsDir, "index.json"), "utf8")) as { samples: { file: string; split: string; agency: string }[] };
  const bases = index.samples
    .filter((s) => s.split === "tune")
    .map((s) => ({ bytes: readFileSync(path.join(formsDir, s.file)), name: AGENCIES.find((a) => a.key === s.agency)!.name }))
    .filter((b) => new PizZip(b.bytes).file("word/document.xml")!.asText().includes(b.name));
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) {
    const base = bases[i % bases.length]!;
    const zip = new PizZip(base.bytes);
    const variant = base.name.replace("จังหวัด", `สาขา${i + 1}จังหวัด`);
    zip.file("word/document.xml", zip.file("word/document.xml")!.asText().replaceAll(base.name, variant));
    writeFileSync(path.join(dir, `form-${String(i + 1).padStart(3, "0")}.docx`), zip.generate({ type: "uint8array", compression: "DEFLATE" }));
  }
  return bases.length;
}

async function child(inbox: string, out: string, flag?: string): Promise<RunReport & { peakMb?: number }> {
  const args = [path.join(PACKAGE_ROOT, "node_modules", "tsx", "dist", "cli.mjs"), import.meta.filename, "run", inbox, out, ...(flag ? [flag] : [])];
  const timed = existsSync("/usr/bin/time");
  const { stdout, stderr } = timed
    ? await run("/usr/bin/time", ["-v", process.execPath, ...args], { maxBuffer: 64 * 1024 * 1024 })
    : await run(process.execPath, args, { maxBuffer: 64 * 1024 * 1024 });
  const report = JSON.parse(stdout.trim().split("\n").at(-1)!) as RunReport;
  const rss = /Maximum resident set size \(kbytes\): (\d+)/u.exec(stderr)?.[1];
  return rss ? { ...report, peakMb: Math.round(Number(rss) / 1024) } : report;
}

function stageMs(report: RunReport, stage: string): number {
  return report.stages.find((s) => s.stage === stage)?.ms ?? 0;
}

function show(label: string, report: RunReport & { peakMb?: number }): void {
  const memory = report.peakMb === undefined ? "" : `, peak RSS ${report.peakMb} MB`;
  console.log(`\n${label}: ${(report.wallMs / 1000).toFixed(1)} s for ${report.forms} forms / ${report.agencies} agencies${memory}`);
  for (const s of report.stages) {
    console.log(`  ${s.stage.padEnd(10)} ${String(s.ms).padStart(7)} ms  ${String(s.items).padStart(4)} items${s.cached ? ` (${s.cached} cached)` : ""}`);
  }
}

/** The child: one batch run, its timings as JSON on stdout. */
async function runOnce(inbox: string, out: string, flag?: string): Promise<void> {
  const started = performance.now();
  const result = await runBatch({ inbox, out, lang: "en", cache: flag !== "--no-cache" });
  const report: RunReport = {
    wallMs: Math.round(performance.now() - started),
    forms: result.totals.forms.used + result.totals.forms.superseded,
    agencies: result.totals.agencies,
    stages: result.timings,
  };
  console.log(JSON.stringify(report));
}

if (process.argv[2] === "run") await runOnce(process.argv[3]!, process.argv[4]!, process.argv[5]);
else await main();
