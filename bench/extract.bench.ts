// npm run bench:extract — extraction time per form against mammoth's raw-text pass on the same files, same run.
import { readFileSync } from "node:fs";
import path from "node:path";
import mammoth from "mammoth";
import { readDocx } from "../src/docx/read.js";
import { extractAnswers } from "../src/extract/extract.js";
import { PACKAGE_ROOT, loadForm } from "../src/form/load.js";
import { readIndex } from "../src/extract/score.js";

const dir = path.join(PACKAGE_ROOT, "samples", "forms");
const files = readIndex(dir).map((e) => ({ name: e.file, bytes: readFileSync(path.join(dir, e.file)) }));
const form = loadForm("pcio-2567");
const source = { file: "", sha256: "", bytes: 0 };
const rounds = Number(process.env.ROUNDS ?? 5);

async function time(label: string, fn: (bytes: Buffer, name: string) => unknown): Promise<number> {
  for (const f of files.slice(0, 3)) await fn(f.bytes, f.name); // warm-up: JIT and module caches
  const start = process.hrtime.bigint();
  for (let i = 0; i < rounds; i++) for (const f of files) await fn(f.bytes, f.name);
  const ms = Number(process.hrtime.bigint() - start) / 1e6 / (rounds * files.length);
  console.log(`${label.padEnd(28)} ${ms.toFixed(1).padStart(7)} ms/form`);
  return ms;
}

console.log(`${files.length} sample forms × ${rounds} rounds`);
const base = await time("mammoth.extractRawText", (bytes) => mammoth.extractRawText({ buffer: bytes }));
const ours = await time("samruat extract", (bytes, name) => extractAnswers(form, readDocx(bytes, name).value, source));
console.log(`ratio samruat / mammoth: ${(ours / base).toFixed(2)}×`);
