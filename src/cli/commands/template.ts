import type { Command } from "commander";
import { DEFAULT_FORM_ID, loadForm } from "../../form/load.js";
import { renderQuestionnaireDocx } from "../../render/template.js";
import { writeFileAtomic } from "../../util/fs.js";
import type { CommandModule } from "../main.js";
import { say } from "../context.js";

/** `samruat template --out pcio-2567.docx`: the blank questionnaire with clickable, tagged checkboxes and blanks. */
export const register: CommandModule["register"] = (program: Command, ctx) => {
  program
    .command("template")
    .description("write the blank questionnaire .docx / สร้างแบบสำรวจเปล่า (.docx)")
    .option("--form <id>", "form edition", DEFAULT_FORM_ID)
    .requiredOption("--out <file>", "output .docx")
    .action(async (opts: { form: string; out: string }) => {
      const form = loadForm(opts.form);
      const bytes = renderQuestionnaireDocx(form);
      await writeFileAtomic(opts.out, bytes);
      const c = ctx();
      c.stderr.write(`${say(c, "เขียนแบบสำรวจแล้ว", "wrote the questionnaire")}: ${opts.out} (${form.questions.length} ${say(c, "ข้อ", "questions")})\n`);
    });
};
