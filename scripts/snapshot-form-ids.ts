// Regenerates test/form/__snapshots__/<form>-ids.txt: the committed list of full field ids (one per line, in printed
// order) that test/form/coverage.test.ts compares the compiled form against. Ids are stable once an edition is
// published (docs/form-ids.md) — run this only when changing ids is deliberate, and review the printed diff.
// Usage: npx tsx scripts/snapshot-form-ids.ts [form id or path to .yaml]   (default: pcio-2567)
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fieldIdProblems, fieldIdSnapshot, idSnapshotDiff } from "../src/form/coverage.js";
import { DEFAULT_FORM_ID, PACKAGE_ROOT, loadForm } from "../src/form/load.js";

const form = loadForm(process.argv[2] ?? DEFAULT_FORM_ID);
const problems = fieldIdProblems(form);
if (problems.length > 0) {
  console.error(`not writing: the ids of ${form.file.id} have problems:\n  ${problems.join("\n  ")}`);
  process.exit(1);
}

const file = path.join(PACKAGE_ROOT, "test", "form", "__snapshots__", `${form.file.id}-ids.txt`);
const next = fieldIdSnapshot(form);
const previous = existsSync(file) ? readFileSync(file, "utf8") : "";
const diff = idSnapshotDiff(previous, next);

mkdirSync(path.dirname(file), { recursive: true });
writeFileSync(file, next);
console.log(`${path.relative(PACKAGE_ROOT, file)}: ${form.fields.length} ids`);
for (const id of diff.removed) console.log(`  - ${id}`);
for (const id of diff.added) console.log(`  + ${id}`);
if (diff.reordered) console.log("  (order changed)");
if (previous === next) console.log("  unchanged");
