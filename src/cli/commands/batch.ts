import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import { DecisionsFile } from "../../bundle/schema.js";
import { DEFAULT_FORM_ID } from "../../form/load.js";
import type { CliContext } from "../context.js";
import { EXIT, SamruatError, UsageError } from "../../errors.js";
import type { CommandModule } from "../main.js";
import { ocrChoice, ocrOption } from "../ocr-option.js";
import { progressLine } from "../progress.js";

export interface BatchCliOptions {
  out: string;
  form: string;
  format: string;
  cache: boolean;
  markedOnly?: boolean;
  ocr: string;
  allowErrors?: boolean;
  decisions?: string;
}

/**
 * `samruat batch <inbox> --out <dir>`: every returned form and evidence file of a province → per-agency bundles,
 * batch.json, issues.csv, summary.xlsx. Exit 0 done, 1 validation errors remain (0 with --allow-errors), 2 the inbox
 * cannot be read.
 */
export const register: CommandModule["register"] = (program: Command, ctx) => {
  program
    .command("batch")
    .description("process a whole inbox of returned forms and evidence / ประมวลผลแบบสำรวจและหลักฐานที่หน่วยงานส่งมาทั้งหมด")
    .argument("<inbox>", "folder of returned .docx/.doc forms, evidence (PDF, images) and .zip archives")
    .requiredOption("--out <dir>", "output folder")
    .option("--form <id>", "form edition", DEFAULT_FORM_ID)
    .option("--format <format>", "text (summary on stderr) or json (manifest and totals on stdout)", "text")
    .option("--no-cache", "read every file again instead of reusing <out>/.cache")
    .option("--marked-only", "OCR only the marked regions of scans (about twice as fast; the audit then sees no page text of marked scans)")
    .option("--allow-errors", "exit 0 even when validation errors remain")
    .option("--decisions <file>", "audit decisions saved from report.html (shown in report.html and summary.xlsx)")
    .addOption(ocrOption())
    .action(async (inbox: string, opts: BatchCliOptions) => {
      await runBatchCommand(inbox, opts, ctx());
    });
};

export async function runBatchCommand(inbox: string, opts: BatchCliOptions, c: CliContext): Promise<void> {
  if (opts.format !== "text" && opts.format !== "json") {
    throw new UsageError(`--format ต้องเป็น text หรือ json (ได้รับ ${opts.format})`, `--format must be text or json (got ${opts.format})`);
  }
  const decisions = opts.decisions ? await readDecisions(opts.decisions) : undefined;
  const [{ runBatch }, { formatSummary }, { STAGES }] = await Promise.all([
    import("../../batch/run.js"),
    import("../../batch/summary.js"),
    import("../../batch/messages.js"),
  ]);
  const progress = progressLine(c, c.interactive);
  let result;
  try {
    result = await runBatch({
      inbox,
      out: opts.out,
      form: opts.form,
      lang: c.lang,
      cache: opts.cache,
      markedOnly: opts.markedOnly ?? false,
      ocr: ocrChoice(opts.ocr ?? "auto"),
      ...(decisions ? { decisions } : {}),
      onProgress: (p) => progress.update({ ...p, stage: STAGES[p.stage][c.lang] }),
    });
  } finally {
    progress.clear();
  }
  if (opts.format === "json") c.stdout.write(`${JSON.stringify({ ...result.manifest, totals: result.totals }, null, 2)}\n`);
  c.stderr.write(formatSummary(result, { lang: c.lang, out: opts.out, allowErrors: opts.allowErrors ?? false }));
  c.setExitCode(result.totals.issues.error > 0 && !opts.allowErrors ? EXIT.problems : EXIT.ok);
}

async function readDecisions(file: string): Promise<DecisionsFile> {
  const fail = (th: string, en: string) => new SamruatError("unreadable_decisions", th, en, EXIT.unreadable, file);
  let json: unknown;
  try {
    json = JSON.parse((await readFile(file, "utf8")).replace(/^\uFEFF/u, ""));
  } catch (error) {
    throw fail(`อ่านไฟล์ผลการตัดสินไม่ได้ (${(error as Error).message})`, `cannot read the decisions file (${(error as Error).message})`);
  }
  const parsed = DecisionsFile.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first ? `${first.path.join(".") || "(root)"}: ${first.message}` : "";
    throw fail(`ไฟล์ผลการตัดสินไม่ถูกรูปแบบ (${where})`, `not a decisions file (${where})`);
  }
  return parsed.data;
}
