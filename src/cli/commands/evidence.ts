import type { Command } from "commander";
import { say, type CliContext } from "../context.js";
import { EXIT, UsageError } from "../../errors.js";
import type { CommandModule } from "../main.js";
import { ocrChoice, ocrOption } from "../ocr-option.js";
import { progressLine } from "../progress.js";

/** `samruat evidence <file...> [--format json|jsonl]`: text and marked passages of attached evidence. */
export const register: CommandModule["register"] = (program: Command, ctx) => {
  program
    .command("evidence")
    .description("read evidence files: text, highlights and marked passages / อ่านไฟล์หลักฐาน: ข้อความและส่วนที่ไฮไลต์")
    .argument("<file...>", "PDF, PNG, JPG, TIFF or DOCX files")
    .option("--format <format>", "json (one document) or jsonl (one line per file)", "json")
    .option("--dpi <dpi>", "render resolution for scanned PDF pages", "300")
    .option("--marked-only", "OCR only the marked regions of scans, not whole pages (faster)")
    .option("--max-pages <n>", "refuse files with more pages than this", "300")
    .addOption(ocrOption())
    .action(async (files: string[], opts: { format: string; dpi: string; markedOnly?: boolean; maxPages: string; ocr: string }) => {
      const c = ctx();
      if (opts.format !== "json" && opts.format !== "jsonl") {
        throw new UsageError(`--format ต้องเป็น json หรือ jsonl (ได้ ${opts.format})`, `--format must be json or jsonl (got ${opts.format})`);
      }
      const dpi = Number(opts.dpi);
      if (!Number.isFinite(dpi) || dpi < 72 || dpi > 600) {
        throw new UsageError("--dpi ต้องอยู่ระหว่าง 72 ถึง 600", "--dpi must be between 72 and 600");
      }
      const maxPages = Number(opts.maxPages);
      if (!Number.isInteger(maxPages) || maxPages < 1) {
        throw new UsageError("--max-pages ต้องเป็นจำนวนเต็มบวก", "--max-pages must be a positive whole number");
      }
      const { readEvidence } = await import("../../evidence/read.js");
      const progress = progressLine(c, c.interactive);
      const pages = say(c, "หน้า", "pages");
      const { value } = await readEvidence(files, {
        dpi,
        maxPages,
        ocr: ocrChoice(opts.ocr),
        pageText: !opts.markedOnly,
        onProgress: (p) => progress.update({ stage: pages, done: p.pagesDone, total: p.pagesTotal, file: p.file }),
        onFile: (file) => {
          if (opts.format === "jsonl") c.stdout.write(`${JSON.stringify(file)}\n`);
          if (file.error) {
            progress.clear();
            c.stderr.write(`samruat: ${file.name}: ${say(c, file.error.messageTh, file.error.message)}\n`);
          }
        },
      });
      progress.clear();
      if (opts.format === "json") c.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
      const warned = value.files.some((f) => f.warnings.length || f.pages.some((p) => p.warnings.length));
      c.setExitCode(value.files.some((f) => f.error) ? EXIT.unreadable : warned ? EXIT.problems : EXIT.ok);
    });
};
