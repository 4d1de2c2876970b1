import type { Command } from "commander";
import path from "node:path";
import type { AgencyBundle } from "../../bundle/schema.js";
import { say as wording } from "../../consolidate/messages.js";
import type { ConsolidationWarning } from "../../consolidate/schema.js";
import { DEFAULT_FORM_ID } from "../../form/load.js";
import { writeFileAtomic } from "../../util/fs.js";
import { say, type CliContext } from "../context.js";
import { EXIT, UsageError } from "../../errors.js";
import type { CommandModule } from "../main.js";

export interface ConsolidateCliOptions {
  out: string;
  json?: string;
  policy?: string;
  form?: string;
}

/**
 * `samruat consolidate <bundle.json | answers.json ...> --out province.docx [--json province.json] [--policy p.yaml]`:
 * the province's one answer per question from the agencies' forms, by the merge policy, with provenance.
 * Exit 0 clean, 1 with conflicts or warnings to look at, 2 unreadable input.
 */
export const register: CommandModule["register"] = (program: Command, ctx) => {
  program
    .command("consolidate")
    .description("merge the agencies' answers into the province's questionnaire / รวมคำตอบของหน่วยงานเป็นฉบับจังหวัด")
    .argument("<inputs...>", "agency bundles (out/answers/<agency>.json) or answer documents from `samruat extract`")
    .requiredOption("--out <file>", "output .docx")
    .option("--json <file>", "also write the consolidation as JSON (schema samruat.province/1)")
    .option("--policy <file>", "merge policy YAML laid over templates/consolidation/default.yaml")
    .option("--form <id>", "form edition (default: the one the inputs name)")
    .action(async (inputs: string[], opts: ConsolidateCliOptions) => {
      await runConsolidate(inputs, opts, ctx());
    });
};

export async function runConsolidate(inputs: string[], opts: ConsolidateCliOptions, c: CliContext): Promise<void> {
  const { bundleFromAnswers, consolidate, loadPolicy, readAgencyInput, renderProvinceDocx } = await import("../../consolidate/index.js");
  const { loadForm } = await import("../../form/load.js");
  const policy = loadPolicy(opts.policy);
  const bundles: AgencyBundle[] = [];
  const inputWarnings: ConsolidationWarning[] = [];
  for (const file of inputs) {
    const input = await readAgencyInput(file);
    if (input.kind === "bundle") {
      bundles.push(input.bundle);
      continue;
    }
    const bundle = bundleFromAnswers(input.answers, file);
    bundles.push(bundle);
    inputWarnings.push({ code: "no_evidence_information", agency: bundle.agency.id, ...wording.noEvidenceInformation() });
  }
  const forms = [...new Set(bundles.map((b) => b.form))];
  if (!opts.form && forms.length > 1) {
    throw new UsageError(`ไฟล์ที่ให้มาเป็นแบบสำรวจต่างฉบับกัน (${forms.join(", ")}): ระบุ --form`, `the inputs are different form editions (${forms.join(", ")}): give --form`);
  }
  const form = loadForm(opts.form ?? forms[0] ?? DEFAULT_FORM_ID);
  const merged = consolidate(form, bundles, policy);
  const result = { ...merged, warnings: [...inputWarnings, ...merged.warnings] };

  await writeFileAtomic(opts.out, renderProvinceDocx(form, result));
  if (opts.json) await writeFileAtomic(opts.json, `${JSON.stringify(result, null, 2)}\n`);

  const names = new Map(result.agencies.map((a) => [a.id, a.name]));
  for (const w of result.warnings) {
    const who = w.agency ? `${names.get(w.agency) ?? w.agency}: ` : "";
    c.stderr.write(`warning: ${who}${say(c, w.message, w.messageEn)}\n`);
  }
  const answered = result.questions.filter((q) => q.status === "answered").length;
  const asked = result.questions.filter((q) => q.status !== "heading").length;
  const written = [opts.out, ...(opts.json ? [opts.json] : [])].map((f) => path.normalize(f)).join(", ");
  c.stderr.write(
    say(
      c,
      `รวม ${result.agencies.length} หน่วยงาน: ตอบ ${answered}/${asked} ข้อ, ข้อขัดแย้ง ${result.conflicts.length} รายการ → ${written}\n`,
      `merged ${result.agencies.length} agencies: ${answered}/${asked} questions answered, ${result.conflicts.length} conflicts → ${written}\n`,
    ),
  );
  c.setExitCode(result.conflicts.length > 0 || result.warnings.length > 0 ? EXIT.problems : EXIT.ok);
}
