import type { Command } from "commander";
import { writeFileAtomic } from "../../util/fs.js";
import { FormFileSchema } from "../../form/schema.js";
import { z } from "zod";
import type { CommandModule } from "../main.js";

/** `samruat schema --out form.schema.json`: the JSON Schema of form definition files. */
export const register: CommandModule["register"] = (program: Command, ctx) => {
  program
    .command("schema")
    .description("write the JSON Schema of form definition files / เขียน JSON Schema ของไฟล์นิยามแบบสำรวจ")
    .option("--out <file>", "write to this file instead of stdout")
    .action(async (opts: { out?: string }) => {
      const json = `${JSON.stringify(z.toJSONSchema(FormFileSchema), null, 2)}\n`;
      if (opts.out) await writeFileAtomic(opts.out, json);
      else ctx().stdout.write(json);
    });
};
