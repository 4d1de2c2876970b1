import type { Command } from "commander";
import { readFile } from "node:fs/promises";
import { AnswerDocument } from "../../extract/answers.js";
import { loadForm } from "../../form/load.js";
import { fillFromAnswers } from "../../render/answers-fill.js";
import { renderQuestionnaireDocx } from "../../render/template.js";
import { writeFileAtomic } from "../../util/fs.js";
import { EXIT, SamruatError } from "../errors.js";
import type { CommandModule } from "../main.js";

/** `samruat render <answers.json> --out clean.docx`: the questionnaire with the answers in place, one consistent look. */
export const register: CommandModule["register"] = (program: Command, ctx) => {
  program
    .command("render")
    .description("write a clean filled questionnaire from an answers .json / สร้างแบบสำรวจฉบับสะอาดจากคำตอบ")
    .argument("<answers>", "answer document (.json from `samruat extract --format json`)")
    .requiredOption("--out <file>", "output .docx")
    .action(async (file: string, opts: { out: string }) => {
      let parsed;
      try {
        parsed = AnswerDocument.safeParse(JSON.parse(await readFile(file, "utf8")));
      } catch (error) {
        throw new SamruatError("unreadable_answers", `อ่านไฟล์คำตอบไม่ได้: ${(error as Error).message}`, `cannot read the answers file: ${(error as Error).message}`, EXIT.unreadable, file);
      }
      if (!parsed.success) {
        const where = parsed.error.issues.slice(0, 3).map((i) => i.path.join(".")).join(", ");
        throw new SamruatError("invalid_answers", `ไฟล์คำตอบไม่ตรงตามรูปแบบ (${where})`, `the answers file does not match the answer document schema (${where})`, EXIT.unreadable, file);
      }
      const doc = parsed.data;
      const form = loadForm(doc.form);
      await writeFileAtomic(opts.out, renderQuestionnaireDocx(form, fillFromAnswers(doc), doc.agency ?? doc.source.file));
      ctx().stderr.write(`${opts.out}\n`);
    });
};
