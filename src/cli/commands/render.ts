import type { Command } from "commander";
import { readAgencyInput } from "../../consolidate/inputs.js";
import { loadForm } from "../../form/load.js";
import { renderAgencyDocx } from "../../render/agency-copy.js";
import { fillFromAnswers } from "../../render/answers-fill.js";
import { renderQuestionnaireDocx } from "../../render/template.js";
import { writeFileAtomic } from "../../util/fs.js";
import type { CommandModule } from "../main.js";

/**
 * `samruat render <answers.json | bundle.json> --out clean.docx`: the questionnaire with the answers in place, one
 * consistent look. From an agency bundle the copy ends with the evidence appendix.
 */
export const register: CommandModule["register"] = (program: Command, ctx) => {
  program
    .command("render")
    .description("write a clean filled questionnaire from an answers or agency bundle .json / สร้างแบบสำรวจฉบับสะอาดจากคำตอบ")
    .argument("<answers>", "answer document (`samruat extract --format json`) or agency bundle (out/answers/<agency>.json)")
    .requiredOption("--out <file>", "output .docx")
    .action(async (file: string, opts: { out: string }) => {
      const input = await readAgencyInput(file);
      const bytes =
        input.kind === "bundle"
          ? renderAgencyDocx(loadForm(input.bundle.form), input.bundle)
          : renderQuestionnaireDocx(loadForm(input.answers.form), fillFromAnswers(input.answers), input.answers.agency ?? input.answers.source.file);
      await writeFileAtomic(opts.out, bytes);
      ctx().stderr.write(`${opts.out}\n`);
    });
};
