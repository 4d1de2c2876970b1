/**
 * Agency bundles built from the generated sample forms (samples/forms/tune, read with the extractor) plus small
 * in-memory evidence: one marked PDF per question whose answer needs evidence. The energy office's files have no
 * marks and one of the education office's files is unreadable, so both kinds of unsupported answer occur.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { AgencyBundle } from "../../src/bundle/schema.js";
import { extractFile } from "../../src/extract/extract.js";
import { PACKAGE_ROOT } from "../../src/form/load.js";
import { bundleOf, type EvidenceSpec, form, type Role } from "./fixtures.js";

const DIR = path.join(PACKAGE_ROOT, "samples", "forms", "tune");

export const SAMPLE_AGENCIES: { id: string; sample: string; role: Role }[] = [
  { id: "office", sample: "cc-07", role: "provincial_office" },
  { id: "stat", sample: "cc-03", role: "statistics_office" },
  { id: "commerce", sample: "cc-02", role: "agency" },
  { id: "education", sample: "cc-05", role: "agency" },
  { id: "energy", sample: "cc-06", role: "agency" },
];

export interface Truth {
  checked: string[];
  values: Record<string, string | number>;
}

export function truthOf(sample: string): Truth {
  return JSON.parse(readFileSync(path.join(DIR, `${sample}.truth.json`), "utf8")) as Truth;
}

/** The key text marked in a sample evidence file, recognisable in the rendered appendix. */
export function keyText(agency: string, question: string): string {
  return `คำสั่งจังหวัดเชียงใหม่ ที่ ${agency}/${question} เรื่อง แต่งตั้งคณะทำงานด้านดิจิทัล`;
}

export async function sampleBundles(): Promise<AgencyBundle[]> {
  return Promise.all(
    SAMPLE_AGENCIES.map(async ({ id, sample, role }) => {
      const doc = await extractFile(path.join(DIR, `${sample}.docx`));
      const needing = [...new Set(doc.answers.filter((a) => form.field(a.field)?.evidence).map((a) => a.question))];
      const files = needing.map((question, i): EvidenceSpec => ({
        file: `${id}/${question}-หลักฐาน.pdf`,
        questions: [question],
        marks: id === "energy" ? [[], []] : [[keyText(id, question)], []],
        unreadable: id === "education" && i === 0,
      }));
      return bundleOf(id, role, doc, files);
    }),
  );
}
