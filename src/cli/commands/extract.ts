import type { Command } from "commander";
import { DEFAULT_FORM_ID } from "../../form/load.js";
import type { AnswerDocument } from "../../extract/answers.js";
import { EXIT, SamruatError } from "../../errors.js";
import type { CommandModule } from "../main.js";


/**
 * `samruat extract <file> --format json|jsonl`: the answers of one filled questionnaire.
 * jsonl is a fixed contract (one answered item per line): {question, kind, field, label, value}.
 */
export const register: CommandModule["register"] = (program: Command, ctx) => {
  program
    .command("extract")
    .description("read the answers of a filled questionnaire (.docx) / ดึงคำตอบจากแบบสำรวจที่กรอกแล้ว")
    .argument("<file>", "filled .docx (a .doc/.odt is converted with LibreOffice when installed)")
    .option("--form <id>", "form edition", DEFAULT_FORM_ID)
    .option("--format <format>", "json or jsonl", "json")
    .action(async (file: string, opts: { form: string; format: string }) => {
      const { extractFile } = await import("../../extract/extract.js");
      const c = ctx();
      const doc = await extractFile(file, { form: opts.form });
      const notThisForm = doc.warnings.find((w) => w.code === "not_this_form");
      if (notThisForm) throw new SamruatError("not_this_form", notThisForm.messageTh ?? notThisForm.message, notThisForm.message, EXIT.unreadable, file);
      c.stdout.write(opts.format === "jsonl" ? toJsonl(doc) : `${JSON.stringify(doc, null, 2)}\n`);
      for (const w of doc.warnings) {
        const where = w.question ? ` [${w.question}]` : "";
        c.stderr.write(`${w.severity}${where}: ${c.lang === "th" && w.messageTh ? w.messageTh : w.message}\n`);
      }
      if (doc.warnings.some((w) => w.severity !== "info")) c.setExitCode(EXIT.problems);
    });
};

export function toJsonl(doc: AnswerDocument): string {
  return doc.answers
    .map((a) =>
      JSON.stringify({
        question: a.question,
        kind: a.kind,
        field: a.field,
        label: a.label,
        value: a.kind === "matrix" ? a.column : a.value,
      }),
    )
    .map((line) => `${line}\n`)
    .join("");
}
