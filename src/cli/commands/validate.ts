import path from "node:path";
import type { Command } from "commander";
import { AnswerDocument } from "../../extract/answers.js";
import { DEFAULT_FORM_ID, availableForms, loadForm } from "../../form/load.js";
import { formatTextReport, toJsonReport, type RespondentSource } from "../../validate/report.js";
import { inferRespondent } from "../../validate/respondent.js";
import { EvidenceList, RespondentRole, type EvidenceLink } from "../../validate/types.js";
import { validateAnswers } from "../../validate/validate.js";
import type { CliContext } from "../context.js";
import { EXIT, SamruatError, UsageError, unreadableInput } from "../../errors.js";
import type { CommandModule } from "../main.js";
import { readJsonFile } from "../../util/json-file.js";

export interface ValidateCliOptions {
  form?: string;
  format: string;
  respondent?: string;
  evidence?: string;
}

export interface ValidateDeps {
  /** Reads a filled questionnaire; the extractor by default (imported only when a .docx is given). */
  extract(file: string, options: { form?: string }): Promise<AnswerDocument>;
}

const defaultDeps: ValidateDeps = {
  extract: async (file, options) => (await import("../../extract/extract.js")).extractFile(file, options),
};

/**
 * `samruat validate <file.docx | answers.json> [--format text|json] [--respondent …] [--evidence list.json]`:
 * completeness and consistency of one filled questionnaire. Exit 0 without errors, 1 with errors, 2 unreadable.
 */
export const register: CommandModule["register"] = (program: Command, ctx) => {
  program
    .command("validate")
    .description("check a filled questionnaire for completeness and consistency / ตรวจความครบถ้วนและความสอดคล้องของคำตอบ")
    .argument("<file>", "filled questionnaire (.docx) or answers JSON from `samruat extract`")
    .option("--form <id>", "form edition (default: the one the answers name, else pcio-2567)")
    .option("--format <format>", "text or json", "text")
    .option("--respondent <role>", "who filled it: provincial_office, agency or statistics_office (default: from the agency named in the general block, else provincial_office)")
    .option("--evidence <file>", "evidence list, JSON [{question, file, marked}]; without it evidence is not checked")
    .action(async (file: string, opts: ValidateCliOptions) => {
      await runValidate(file, opts, ctx());
    });
};

export async function runValidate(file: string, opts: ValidateCliOptions, c: CliContext, deps: ValidateDeps = defaultDeps): Promise<void> {
  if (opts.format !== "text" && opts.format !== "json") {
    throw new UsageError(`--format ต้องเป็น text หรือ json (ได้รับ ${opts.format})`, `--format must be text or json (got ${opts.format})`);
  }
  const explicit = opts.respondent === undefined ? undefined : RespondentRole.safeParse(opts.respondent);
  if (explicit && !explicit.success) {
    const allowed = RespondentRole.options.join(", ");
    throw new UsageError(`--respondent ต้องเป็น ${allowed} (ได้รับ ${opts.respondent})`, `--respondent must be one of ${allowed} (got ${opts.respondent})`);
  }
  const evidence = opts.evidence ? await readEvidence(opts.evidence) : undefined;
  const doc = await readAnswers(file, opts.form, deps);
  const formId = opts.form ?? (availableForms().includes(doc.form) ? doc.form : DEFAULT_FORM_ID);
  const form = loadForm(formId);
  const inferred = explicit ? undefined : inferRespondent(doc);
  const respondent = explicit?.data ?? inferred ?? "provincial_office";
  const source: RespondentSource = explicit ? "option" : inferred ? "inferred" : "default";
  const result = validateAnswers(form, doc, { respondent, ...(evidence ? { evidence } : {}) });

  const name = path.basename(file);
  c.stdout.write(
    opts.format === "json"
      ? `${JSON.stringify(toJsonReport(result, doc, name, c.lang, source), null, 2)}\n`
      : formatTextReport(result, form, name, c.lang, source),
  );
  c.setExitCode(result.counts.error > 0 ? EXIT.problems : EXIT.ok);
}



async function readAnswers(file: string, form: string | undefined, deps: ValidateDeps): Promise<AnswerDocument> {
  if (path.extname(file).toLowerCase() === ".json") {
    const parsed = AnswerDocument.safeParse(await readJsonFile(file));
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      const where = first ? `${first.path.join(".") || "(root)"}: ${first.message}` : "";
      throw unreadableInput(file, `ไม่ใช่ไฟล์คำตอบของ samruat (${where})`, `not a samruat answers file (${where})`);
    }
    return parsed.data;
  }
  let doc: AnswerDocument;
  try {
    doc = await deps.extract(file, { form: form ?? DEFAULT_FORM_ID });
  } catch (error) {
    if (error instanceof SamruatError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw unreadableInput(file, `อ่านแบบสำรวจไม่ได้ (${reason})`, `cannot read the questionnaire (${reason})`);
  }
  if (doc.warnings.some((w) => w.code === "not_this_form")) {
    throw unreadableInput(file, "ไม่ใช่แบบสำรวจนี้: ไม่พบรหัสข้อคำถาม (G1–P7.1) ในเอกสาร", "not this form: no question codes (G1–P7.1) found in the document");
  }
  return doc;
}

async function readEvidence(file: string): Promise<EvidenceLink[]> {
  const parsed = EvidenceList.safeParse(await readJsonFile(file));
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first ? `${first.path.join(".") || "(root)"}: ${first.message}` : "";
    throw unreadableInput(file, `รายการหลักฐานไม่ถูกต้อง (${where})`, `not an evidence list (${where})`);
  }
  return parsed.data;
}
