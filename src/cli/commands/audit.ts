import type { Command } from "commander";
import { AgencyBundle } from "../../bundle/schema.js";
import { loadForm } from "../../form/load.js";
import type { CliContext } from "../context.js";
import { UsageError, unreadableInput } from "../../errors.js";
import type { CommandModule } from "../main.js";
import { readJsonFile } from "../../util/json-file.js";

export interface AuditCliOptions {
  form?: string;
  format: string;
}

/**
 * `samruat audit <answers/agency.json> [--format text|json] [--form <id>]`: the evidence audit of one agency bundle
 * (what `batch` writes to out/answers/). Exit 0 when every answer's evidence is supported or weak, 1 when one is not
 * supported, not marked, missing or unreadable, 2 when the bundle cannot be read.
 */
export const register: CommandModule["register"] = (program: Command, ctx) => {
  program
    .command("audit")
    .description("check that each answer's evidence is attached, marked and supports it / ตรวจว่าหลักฐานแนบครบ ทำสัญลักษณ์ และสนับสนุนคำตอบ")
    .argument("<bundle>", "agency bundle JSON (out/answers/<agency>.json from `samruat batch`)")
    .option("--form <id>", "form edition (default: the one the bundle names)")
    .option("--format <format>", "text or json", "text")
    .action(async (file: string, opts: AuditCliOptions) => {
      await runAudit(file, opts, ctx());
    });
};


async function readBundle(file: string): Promise<AgencyBundle> {
  const parsed = AgencyBundle.safeParse(await readJsonFile(file));
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first ? `${first.path.join(".") || "(root)"}: ${first.message}` : "";
    throw unreadableInput(file, `ไม่ใช่ไฟล์คำตอบรายหน่วยงานของ samruat (${where})`, `not a samruat agency bundle (${where})`);
  }
  return parsed.data;
}

export async function runAudit(file: string, opts: AuditCliOptions, c: CliContext): Promise<void> {
  if (opts.format !== "text" && opts.format !== "json") {
    throw new UsageError(`--format ต้องเป็น text หรือ json (ได้รับ ${opts.format})`, `--format must be text or json (got ${opts.format})`);
  }
  const bundle = await readBundle(file);
  const { auditAgency, auditExitCode, auditJson, formatAuditText } = await import("../../audit/index.js");
  const items = auditAgency(loadForm(opts.form ?? bundle.form), bundle);
  c.stdout.write(opts.format === "json" ? `${JSON.stringify(auditJson(bundle, items), null, 2)}\n` : formatAuditText(bundle, items, c.lang));
  c.setExitCode(auditExitCode(items));
}
