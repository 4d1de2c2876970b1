/**
 * The filled questionnaire samples saved as PDF, as offices send them (samples/forms-pdf/, see its README):
 * every held-out .docx and the first tune .docx of each style, printed by LibreOffice (`soffice --convert-to pdf`).
 * The truth is the .docx's own (`truth` points into samples/forms/).
 *
 *   npx tsx scripts/form-samples/print-pdf.ts
 *
 * LibreOffice stamps its own creation date and document id into each PDF; nothing else varies between runs.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PACKAGE_ROOT } from "../../src/form/load.js";
import { inLanes } from "../../src/util/lanes.js";
import { sofficeConvert } from "../../src/util/soffice.js";

const FORMS = path.join(PACKAGE_ROOT, "samples", "forms");
const OUT = path.join(PACKAGE_ROOT, "samples", "forms-pdf");

interface Entry {
  file: string;
  truth: string;
  style: string;
  split: "tune" | "heldout";
}

const { samples } = JSON.parse(readFileSync(path.join(FORMS, "index.json"), "utf8")) as { samples: Entry[] };
const firstOfStyle = new Set<string>();
const chosen = samples.filter((s) => {
  if (s.split === "heldout") return true;
  if (firstOfStyle.has(s.style)) return false;
  firstOfStyle.add(s.style);
  return true;
});

for (const split of ["tune", "heldout"]) {
  rmSync(path.join(OUT, split), { recursive: true, force: true });
  mkdirSync(path.join(OUT, split), { recursive: true });
}
const entries: Entry[] = [];
await inLanes(chosen, 2, async (s) => {
  const source = path.join(FORMS, s.file);
  const dir = path.join(OUT, s.split);
  const printed = await sofficeConvert(source, "pdf", dir);
  const file = path.join(s.split, `${path.basename(s.file, ".docx")}.pdf`);
  if (printed !== path.join(OUT, file)) renameSync(printed, path.join(OUT, file));
  entries.push({ file, truth: path.join("..", "forms", s.truth), style: s.style, split: s.split });
  process.stderr.write(`${file}\n`);
});
entries.sort((a, b) => a.file.localeCompare(b.file));
writeFileSync(path.join(OUT, "index.json"), `${JSON.stringify({ form: "pcio-2567", generator: "scripts/form-samples/print-pdf.ts", renderer: "LibreOffice", samples: entries }, null, 2)}\n`);
process.stderr.write(`${entries.length} PDFs in ${path.relative(PACKAGE_ROOT, OUT)} (${readdirSync(path.join(OUT, "heldout")).length} held out)\n`);
