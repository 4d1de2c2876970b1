// Development helper while the definition is written in parts: head + parts/*.yaml → pcio-2567.yaml, then check.
// `tsx scripts/assemble-form.ts 30-p2.yaml` checks one part alone (written to a temp file, nothing shared touched).
import { readFileSync, readdirSync, renameSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { FORMS_DIR, loadForm } from "../src/form/load.js";

const head = readFileSync(path.join(FORMS_DIR, "pcio-2567.head.yaml"), "utf8");
const partsDir = path.join(FORMS_DIR, "parts");
const only = process.argv.slice(2);
const parts = only.length > 0 ? only : readdirSync(partsDir).filter((f) => f.endsWith(".yaml")).sort();
const body = parts
  .map((f) => readFileSync(path.join(partsDir, path.basename(f)), "utf8").replace(/^(?=.)/gm, "  "))
  .join("\n");
const out = only.length > 0 ? path.join(os.tmpdir(), `pcio-2567-check-${process.pid}.yaml`) : path.join(FORMS_DIR, "pcio-2567.yaml");
const tmp = `${out}.${process.pid}.tmp`;
writeFileSync(tmp, `${head}${body}`);
renameSync(tmp, out);
const form = loadForm(out);
console.log(`ok: ${parts.join(", ")} →`, { questions: form.questions.length, fields: form.fields.length });
for (const q of form.questions) {
  const by = (k: string) => q.fields.filter((f) => f.kind === k).length;
  console.log(q.code.padEnd(10), `options ${by("option")}`, `blanks ${by("blank")}`, `cells ${by("cell")}`,
    `evidence ${q.fields.filter((f) => f.evidence).length}`);
}
