import type { Command } from "commander";
import { formTotals } from "../../form/coverage.js";
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
      const summary = { form: form.file.id, ...formTotals(form) };
      const { stdout } = ctx();
      if (opts.format === "json") stdout.write(`${JSON.stringify(summary)}\n`);
      else for (const [k, v] of Object.entries(summary)) stdout.write(`${k}: ${v}\n`);
    });
};
