import type { Command } from "commander";
import { DecisionsFile } from "../../bundle/schema.js";
import { DEFAULT_FORM_ID } from "../../form/load.js";
import type { CliContext } from "../context.js";
import { EXIT, UsageError } from "../../errors.js";
import type { CommandModule } from "../main.js";
import { ocrChoice, ocrOption } from "../ocr-option.js";
import { progressLine } from "../progress.js";
import { readJsonFile } from "../read-json.js";

export interface BatchCliOptions {
  out: string;
  form: string;
  format: string;
  cache: boolean;
  markedOnly?: boolean;
  ocr: string;
  allowErrors?: boolean;
  decisions?: string;
  roster: string | false;
  province?: string;
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
    .option("--roster <id|file>", "the agencies expected (templates/rosters/<id>.json, or a .json file of that shape)", "pcio-2567")
    .option("--no-roster", "list only the agencies that sent files")
    .option("--province <name>", "the province's name (default: the one most forms give), e.g. เชียงใหม่")
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
      roster: opts.roster,
      ...(opts.province ? { province: opts.province.replace(/^จังหวัด\s*/u, "") } : {}),
      onProgress: (p) => progress.update({ ...p, stage: STAGES[p.stage][c.lang] }),
    });
  } finally {
    progress.clear();
  }
  if (opts.format === "json") c.stdout.write(`${JSON.stringify({ ...result.manifest, totals: result.totals }, null, 2)}\n`);
  c.stderr.write(formatSummary(result, { lang: c.lang, out: opts.out, allowErrors: opts.allowErrors ?? false }));
  c.setExitCode(result.totals.issues.error > 0 && !opts.allowErrors ? EXIT.problems : EXIT.ok);
}

function readDecisions(file: string): Promise<DecisionsFile> {
  return readJsonFile(file, DecisionsFile, "unreadable_decisions", { th: "ไฟล์ผลการตัดสิน", en: "decisions file" });
}
