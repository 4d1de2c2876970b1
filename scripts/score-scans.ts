/**
 * Accuracy on paper copies: one filled sample per style of a split of samples/forms (default: held-out, number 04)
 * printed as an office prints it, half its checked marks ticked by hand, scanned at 150 dpi
 * (scripts/form-samples/scan-pdf.ts), then read and scored against the sample's truth by score-extraction.ts.
 *
 *   npx tsx scripts/score-scans.ts [tune|heldout] [--number 04] [--styles cc,glyph,...] [--out <dir>] [--misses]
 *
 * About 15 minutes on 2 cores for the seven styles (95-page scans). The scans are kept in --out (default: a new
 * temporary folder); the held-out ones are for the final figure only (samples/forms/README.md).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PACKAGE_ROOT } from "../src/form/load.js";

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const at = args.indexOf(name);
  return at >= 0 && args[at + 1] ? args[at + 1]! : fallback;
};
const split = args[0] === "tune" ? "tune" : "heldout";
const number = option("--number", "04");
const styles = option("--styles", "cc,glyph,legacy,lo,mixed,sym,typed").split(",");
const out = path.resolve(option("--out", mkdtempSync(path.join(os.tmpdir(), "samruat-scans-"))));
const samples = path.join(PACKAGE_ROOT, "samples", "forms", split);
const tsx = path.join(PACKAGE_ROOT, "node_modules", ".bin", "tsx");

mkdirSync(path.join(out, split), { recursive: true });
const docx = styles.map((style) => path.join(samples, `${style}-${number}.docx`));
execFileSync(tsx, [path.join(PACKAGE_ROOT, "scripts", "form-samples", "scan-pdf.ts"), path.join(out, split), ...docx, "--dpi", "150"], { stdio: "inherit" });
const index = {
  form: "pcio-2567",
  generator: "scripts/score-scans.ts (scan-pdf.ts --dpi 150, half the checked marks by hand)",
  samples: styles.map((style) => ({
    file: `${split}/${style}-${number}.docx.scan.pdf`,
    truth: path.relative(out, path.join(samples, `${style}-${number}.truth.json`)),
    style,
    split,
  })),
};
writeFileSync(path.join(out, "index.json"), `${JSON.stringify(index, null, 2)}\n`);
const score = [path.join(PACKAGE_ROOT, "scripts", "score-extraction.ts"), split, "--dir", out, ...(args.includes("--misses") ? ["--misses"] : [])];
execFileSync(tsx, score, { stdio: "inherit" });
