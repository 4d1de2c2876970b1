import type { Command } from "commander";
import path from "node:path";
import { BatchManifest } from "../../bundle/schema.js";
import { say, type CliContext } from "../context.js";
import type { CommandModule } from "../main.js";
import { readJsonFile } from "../read-json.js";

export interface LettersCliOptions {
  out?: string;
}

/**
 * `samruat letters <batch output folder> [--out <folder>]`: the fix letters (.docx memo and e-mail text) of every
 * agency with something to fix, from the folder's batch.json. Writes <folder>/letters/ by default. Exit 0, 2 when
 * batch.json cannot be read.
 */
export const register: CommandModule["register"] = (program: Command, ctx) => {
  program
    .command("letters")
    .description("write the fix letters for every agency with issues / ออกหนังสือแจ้งให้หน่วยงานแก้ไข")
    .argument("<folder>", "the output folder of `samruat batch` (with batch.json)")
    .option("--out <folder>", "where letters/ is written (default: the same folder)")
    .action(async (folder: string, opts: LettersCliOptions) => {
      await runLetters(folder, opts, ctx());
    });
};

export async function runLetters(folder: string, opts: LettersCliOptions, c: CliContext): Promise<void> {
  const file = path.join(folder, "batch.json");
  const manifest = await readJsonFile(file, BatchManifest, "unreadable_batch", { th: "ไฟล์ batch.json ของ samruat batch รุ่นนี้", en: "batch.json of this samruat version" });
  const [{ loadForm }, { outputWriter, writeLetters }] = await Promise.all([import("../../form/load.js"), import("../../batch/stages.js")]);
  const out = outputWriter(path.resolve(opts.out ?? folder));
  const count = await writeLetters(out, loadForm(manifest.form), manifest);
  c.stderr.write(`${say(c, `เขียนหนังสือแจ้ง ${count} หน่วยงานใน ${path.join(out.outDir, "letters")}`, `wrote letters for ${count} agencies to ${path.join(out.outDir, "letters")}`)}\n`);
}
