import type { Command } from "commander";
import { DEFAULT_FORM_ID, loadForm } from "../../form/load.js";
import type { CommandModule } from "../main.js";

/** `samruat form [--form id] [--format text|json]`: what a form definition holds. */
export const register: CommandModule["register"] = (program: Command, ctx) => {
  program
    .command("form")
    .description("summarise a form definition / สรุปนิยามแบบสำรวจ")
    .option("--form <id>", "form edition", DEFAULT_FORM_ID)
    .option("--format <format>", "text or json", "text")
    .action((opts: { form: string; format: string }) => {
      const form = loadForm(opts.form);
      const count = (kind: string) => form.fields.filter((f) => f.kind === kind).length;
      const summary = {
        form: form.file.id,
        questions: form.questions.length,
        options: count("option"),
        blanks: count("blank"),
        matrixCells: count("cell"),
        evidencePoints: form.fields.filter((f) => f.evidence).length,
      };
      const { stdout } = ctx();
      if (opts.format === "json") stdout.write(`${JSON.stringify(summary)}\n`);
      else for (const [k, v] of Object.entries(summary)) stdout.write(`${k}: ${v}\n`);
    });
};
