/**
 * Form identification on a folder of real .docx files that are not the form (run: npx tsx bench/negative-corpus.ts
 * <folder>): for each file, accepted as the form / refused as not the form / unreadable with a typed reason /
 * crashed. Meant for other projects' test documents (python-docx, Apache POI, docx4j, Open-XML-SDK, pandoc…), brought
 * in locally and never committed; test/extract/negative.test.ts keeps a committed corpus at 0 accepted.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { DocxError } from "../src/docx/errors.js";
import { readDocx } from "../src/docx/read.js";
import { extractAnswers } from "../src/extract/extract.js";
import { loadForm } from "../src/form/load.js";

const root = process.argv[2];
if (!root) throw new Error("usage: npx tsx bench/negative-corpus.ts <folder>");
const files: string[] = [];
const walk = (dir: string) => {
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full);
    else if (/\.(docx|dotx|docm|dotm)$/i.test(name)) files.push(full);
  }
};
walk(root);
const form = loadForm("pcio-2567");
const counts = { accepted: 0, refused: 0, unreadable: 0, crashed: 0 };
const reasons = new Map<string, number>();
let slowest = { file: "", ms: 0 };
const started = performance.now();
for (const file of files) {
  const t = performance.now();
  const bytes = new Uint8Array(readFileSync(file));
  try {
    const { value } = readDocx(bytes, path.basename(file));
    const doc = extractAnswers(form, value, { file: path.basename(file), sha256: "0", bytes: bytes.length });
    if (doc.warnings.some((w) => w.code === "not_this_form")) counts.refused++;
    else {
      counts.accepted++;
      console.log(`ACCEPTED ${path.relative(root, file)}: ${doc.questionsFound.length} questions, ${doc.answers.length} answers`);
    }
  } catch (error) {
    if (error instanceof DocxError) {
      counts.unreadable++;
      reasons.set(error.code, (reasons.get(error.code) ?? 0) + 1);
    } else {
      counts.crashed++;
      console.log(`CRASHED ${path.relative(root, file)}: ${error instanceof Error ? error.stack?.split("\n").slice(0, 3).join(" | ") : String(error)}`);
    }
  }
  const ms = performance.now() - t;
  if (ms > slowest.ms) slowest = { file: path.relative(root, file), ms };
}
console.log(`\n${files.length} files: accepted as the form ${counts.accepted}, refused ${counts.refused}, unreadable ${counts.unreadable} (${[...reasons].map(([k, n]) => `${k} ${n}`).join(", ")}), crashed ${counts.crashed}`);
console.log(`${((performance.now() - started) / 1000).toFixed(1)} s in all; slowest ${slowest.file} ${slowest.ms.toFixed(0)} ms`);
