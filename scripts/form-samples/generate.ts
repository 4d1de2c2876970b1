/**
 * Generates the filled questionnaire samples with their truth files (samples/forms/, see its README).
 *
 *   npx tsx scripts/form-samples/generate.ts            # all samples
 *   npx tsx scripts/form-samples/generate.ts --no-lo    # keep the existing LibreOffice round-trips
 *   npx tsx scripts/form-samples/generate.ts --keep-lo-inputs /tmp/lo-in   # also save what LibreOffice converts
 *
 * Deterministic: seeded PRNG per sample, fixed zip dates; the LibreOffice round-trips are re-zipped with fixed
 * dates and fixed document-property times (their content is kept exactly as LibreOffice wrote it).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { CompiledForm } from "../../src/form/compile.js";
import { loadForm, PACKAGE_ROOT } from "../../src/form/load.js";
import type { FillState } from "../../src/render/questionnaire.js";
import { renderQuestionnaireDocx } from "../../src/render/template.js";
import { type AnswerSet, generateAnswers, type MistakeCode } from "./answers.js";
import PizZip from "pizzip";
import { buildPackage, normalizePackage, pinLibreOffice } from "./docx-package.js";
import type { Block } from "./layout.js";
import { Rng } from "./prng.js";
import { type RelayoutStyle, renderRelayout } from "./relayout.js";
import { buildSeedLayout } from "./seed-layout.js";
import { AGENCIES, type Agency, readingText } from "./thai.js";

export const STYLES = ["cc", "glyph", "sym", "legacy", "typed", "mixed", "lo"] as const;
export type SampleStyle = (typeof STYLES)[number];
export type Split = "tune" | "heldout";

const OUT_DIR = path.join(PACKAGE_ROOT, "samples", "forms");
/** The DGA questionnaire as text (copy of shared/seeds/000_f6a188a45c95ee1d.txt), source of the re-layout. */
const SEED_TEXT = path.join(PACKAGE_ROOT, "scripts", "form-samples", "seed-pcio-2567.txt");
const SPLITS: Record<Split, { seed: string; count: number; mistakesAt: Partial<Record<SampleStyle, number>>; loBases: BaseStyle[] }> = {
  tune: {
    seed: "samruat/forms/tune/2567-r1",
    count: 8,
    mistakesAt: { cc: 8, glyph: 8, sym: 8, legacy: 8, typed: 8, mixed: 8, lo: 8 },
    loBases: ["cc", "glyph", "sym", "legacy", "typed", "mixed", "cc", "sym"],
  },
  heldout: {
    seed: "samruat/forms/heldout/2567-r1",
    count: 4,
    mistakesAt: { glyph: 4, mixed: 3, lo: 4 },
    loBases: ["cc", "legacy", "mixed", "glyph"],
  },
};

type BaseStyle = Exclude<SampleStyle, "lo">;

/** Mistake sets, alternating so that some put G2–G3 after "ไม่มี (ข้ามไปข้อ G4)" (provincial office only). */
const MISTAKE_SETS: { agency: "provincial" | "other"; codes: MistakeCode[] }[] = [
  { agency: "provincial", codes: ["answered_after_skip", "multiple_marks_single"] },
  { agency: "other", codes: ["multiple_marks_single", "empty_specify", "answered_other_respondent"] },
  { agency: "provincial", codes: ["answered_after_skip", "empty_specify"] },
  { agency: "other", codes: ["empty_specify", "answered_after_skip", "multiple_marks_single"] },
];

interface Truth {
  file: string;
  style: SampleStyle;
  split: Split;
  agency: string;
  /** lo: the style of the document LibreOffice converted. */
  base?: BaseStyle;
  general: Record<string, string>;
  checked: string[];
  values: Record<string, string | number>;
  mistakes: { code: MistakeCode; field: string }[];
  /** How this file encodes its marks and blanks (for whoever reads the extraction report). */
  encodings: string[];
  /** lo: fields whose value LibreOffice wrote more than once (duplicated content controls). */
  lo_repeated?: string[];
}

interface IndexEntry {
  file: string;
  truth: string;
  style: SampleStyle;
  split: Split;
  base?: BaseStyle;
  agency: string;
  mistakes: number;
}

function fillState(answers: AnswerSet): FillState {
  return {
    isChecked: (id) => answers.checked.has(id),
    valueOf: (id) => (id.startsWith("general:") ? answers.general[id.slice(8)]?.text : answers.values.get(id)?.text) || undefined,
  };
}

const STYLE_NOTES: Record<BaseStyle, string> = {
  cc: "our template: w14:checkbox content controls tagged with the field id (w14:checked 1/0, ☒/☐ and ◉/○ in MS Gothic); blanks are plain-text content controls tagged with the field id (empty ones show ________________ as placeholder)",
  glyph: "re-layout from the DGA seed text; empty boxes w:sym Wingdings F0A8 (□) / F0A1 (○); checked boxes replaced by a Unicode glyph run",
  sym: "re-layout; empty boxes w:sym Wingdings F0A8/F0A1; checked boxes replaced by another symbol (w:sym or private-use text in a Wingdings run)",
  legacy: "re-layout; every answer box is a legacy FORMCHECKBOX field (fldChar begin + ffData/checkBox, instrText FORMCHECKBOX); the legend keeps its w:sym boxes",
  typed: "re-layout; boxes stay empty w:sym Wingdings F0A8/F0A1, a mark is typed right next to the checked ones",
  mixed: "re-layout; mark encoding chosen per question (glyph, sym, legacy, typed, w14 checkbox content control without tag) plus Word noise",
};

/** What a document.xml actually contains, so the reader of a score knows which encodings a sample exercises. */
function describeEncodings(xml: string, base: BaseStyle): string[] {
  const notes: string[] = [];
  const uniq = (items: string[]) => [...new Set(items)].sort();
  const glyphs = uniq([...xml.matchAll(/<w:t(?: [^>]*)?>([☒☑■⊠▣✓✔◉●☐□○◯])<\/w:t>/gu)].map((m) => m[1]!));
  if (glyphs.length) notes.push(`glyph runs: ${glyphs.join(" ")}`);
  const syms = uniq([...xml.matchAll(/<w:sym w:font="([^"]+)" w:char="([0-9A-Fa-f]+)"/g)].map((m) => `${m[1]} ${m[2]}`));
  if (syms.length) notes.push(`w:sym: ${syms.join(", ")}`);
  const pua: string[] = [];
  for (const m of xml.matchAll(/<w:r\b[^>]*>((?:(?!<\/w:r>)[^])*?)<\/w:r>/g)) {
    const run = m[1]!;
    const text = [...run.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join("");
    const chars = [...text].filter((c) => c.charCodeAt(0) >= 0xf000 && c.charCodeAt(0) <= 0xf0ff);
    if (chars.length === 0) continue;
    const font = /w:ascii="([^"]+)"/.exec(run)?.[1] ?? /w:cs="([^"]+)"/.exec(run)?.[1] ?? "?";
    for (const c of chars) pua.push(`${font} ${c.charCodeAt(0).toString(16).toUpperCase()}`);
  }
  if (pua.length) notes.push(`private-use characters as run text: ${uniq(pua).join(", ")}`);
  const ff = uniq([...xml.matchAll(/<w:checkBox>(.*?)<\/w:checkBox>/g)].map((m) => m[1]!.replace(/<w:sizeAuto\/>|<w:sizeAuto><\/w:sizeAuto>|<w:size w:val="\d+"\/>/g, "") || "(no state: unchecked)"));
  if (ff.length) notes.push(`FORMCHECKBOX fields, states: ${ff.join(" | ")}`);
  const w14 = uniq([...xml.matchAll(/<w14:checked w14:val="([^"]+)"\/>/g)].map((m) => m[1]!));
  if (w14.length) notes.push(`w14:checkbox content controls (w14:checked ${w14.join("/")}), ${/<w:sdtPr>(?:(?!<\/w:sdtPr>)[^])*<w:tag /.test(xml) ? "tagged" : "without tags"}`);
  const typed = base !== "typed" && base !== "mixed" ? [] : uniq([...xml.matchAll(/<w:t(?: [^>]*)?>(\s?[✓✔Xx/]\s?)<\/w:t>/g)].map((m) => JSON.stringify(m[1])));
  if (typed.length) notes.push(`marks typed as text beside a box: ${typed.join(" ")}`);
  const text = (xml.match(/<w:text\/>/g) ?? []).length;
  if (text) notes.push(`${text} plain-text content controls`);
  const ins = (xml.match(/<w:ins /g) ?? []).length;
  const del = (xml.match(/<w:del /g) ?? []).length;
  if (ins || del) notes.push(`tracked changes: ${ins} w:ins, ${del} w:del`);
  const boxes = (xml.match(/<mc:AlternateContent>/g) ?? []).length;
  if (boxes) notes.push(`${boxes} text box(es) (mc:AlternateContent, wps + VML fallback with the same text)`);
  const proof = (xml.match(/<w:proofErr /g) ?? []).length;
  if (proof) notes.push(`runs split inside words (${proof} w:proofErr)`);
  if (/\u200b/.test(xml)) notes.push("zero-width spaces in values");
  if (/\u0e4d\u0e32/.test(xml)) notes.push("sara am typed as U+0E4D U+0E32");
  if (/<w:u w:val="single"\/>/.test(xml)) notes.push("underlined values");
  return notes;
}

function documentXml(bytes: Uint8Array): string {
  return new PizZip(bytes).file("word/document.xml")!.asText();
}

function pickAgency(rng: Rng, n: number, used: Set<string>, force?: "provincial" | "other"): Agency {
  const provincial = AGENCIES[0]!;
  const wantProvincial = force ? force === "provincial" : n % 3 === 1;
  if (wantProvincial) return provincial;
  const others = AGENCIES.slice(1).filter((a) => !used.has(a.key));
  const a = rng.pick(others.length > 0 ? others : AGENCIES.slice(1));
  used.add(a.key);
  return a;
}

function truthOf(answers: AnswerSet, file: string, style: SampleStyle, split: Split, encodings: string[], base?: BaseStyle): Truth {
  const general: Record<string, string> = {};
  for (const [k, v] of Object.entries(answers.general).sort(([a], [b]) => (a < b ? -1 : 1))) if (v.text !== "") general[k] = String(v.truth);
  const values: Record<string, string | number> = {};
  for (const k of [...answers.values.keys()].sort()) values[k] = answers.values.get(k)!.truth;
  return {
    file,
    style,
    split,
    agency: answers.agency.name,
    ...(base ? { base } : {}),
    general,
    checked: [...answers.checked].sort(),
    values,
    mistakes: answers.mistakes,
    encodings,
  };
}

function renderBase(form: CompiledForm, blocks: Block[], style: BaseStyle, answers: AnswerSet, rng: Rng): { bytes: Uint8Array; encodings: string[]; notes: string[] } {
  if (style === "cc") {
    const bytes = renderQuestionnaireDocx(form, fillState(answers));
    return { bytes, encodings: [STYLE_NOTES.cc, ...describeEncodings(documentXml(bytes), "cc")], notes: [] };
  }
  const r = renderRelayout(blocks, style as RelayoutStyle, answers, rng);
  const bytes = buildPackage({ body: r.body, rsids: r.rsids, author: `${answers.general.first_name?.text ?? ""} ${answers.general.last_name?.text ?? ""}`.trim(), title: "แบบสำรวจระดับความพร้อมรัฐบาลดิจิทัล PCIO 2567" });
  return { bytes, encodings: [STYLE_NOTES[style], ...describeEncodings(r.body, style), ...r.notes], notes: r.notes };
}

function convertWithLibreOffice(inputs: { name: string; bytes: Uint8Array }[]): Map<string, Uint8Array> {
  const work = mkdtempSync(path.join(tmpdir(), "samruat-form-samples-"));
  const inDir = path.join(work, "in");
  const outDir = path.join(work, "out");
  mkdirSync(inDir);
  mkdirSync(outDir);
  for (const i of inputs) writeFileSync(path.join(inDir, i.name), i.bytes);
  try {
    execFileSync(
      "soffice",
      [`-env:UserInstallation=file://${path.join(work, "profile")}`, "--headless", "--norestore", "--convert-to", "docx:MS Word 2007 XML", "--outdir", outDir, ...inputs.map((i) => path.join(inDir, i.name))],
      { stdio: ["ignore", "pipe", "pipe"], timeout: 600_000 },
    );
    const out = new Map<string, Uint8Array>();
    for (const i of inputs) {
      const file = path.join(outDir, i.name);
      if (!existsSync(file)) throw new Error(`LibreOffice did not convert ${i.name}`);
      out.set(i.name, normalizePackage(readFileSync(file), pinLibreOffice("2024-06-21T08:30:00Z", 41)));
    }
    return out;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The visible text of a package: deletions and VML fallbacks dropped, normalised as a reader reads it. */
function visibleText(bytes: Uint8Array): string {
  const xml = new PizZip(bytes).file("word/document.xml")!.asText();
  const text = xml
    .replace(/<w:del\b[^>]*>[^]*?<\/w:del>/g, "")
    .replace(/<mc:Fallback>[^]*?<\/mc:Fallback>/g, "")
    .replace(/<w:tab\/>/g, " ")
    .replace(/<\/w:p>/g, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
  return text.split("\n").map(readingText).join("\n");
}

function occurrences(hay: string, needle: string): number {
  if (!needle) return 0;
  let n = 0;
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + needle.length)) n++;
  return n;
}

/** Fields whose typed text occurs a different number of times after the LibreOffice round-trip. */
function repeatedValues(answers: AnswerSet, before: Uint8Array, after: Uint8Array): string[] {
  const a = visibleText(before);
  const b = visibleText(after);
  const out: string[] = [];
  const check = (id: string, typed: string) => {
    const needle = readingText(typed);
    if (occurrences(a, needle) !== occurrences(b, needle)) out.push(id);
  };
  for (const [k, v] of Object.entries(answers.general)) if (v.text) check(`general:${k}`, v.text);
  for (const [k, v] of answers.values) check(k, v.text);
  return out.sort();
}

function hasSoffice(): boolean {
  try {
    execFileSync("soffice", ["--version"], { stdio: "ignore", timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}

function main(): void {
  const skipLo = process.argv.includes("--no-lo");
  const keepAt = process.argv.indexOf("--keep-lo-inputs");
  const keepDir = keepAt > 0 ? process.argv[keepAt + 1] : undefined;
  const form = loadForm("pcio-2567");
  const { blocks } = buildSeedLayout(form, readFileSync(SEED_TEXT, "utf8"));
  const index: IndexEntry[] = [];
  const written = new Set<string>();
  const loQueue: { split: Split; name: string; bytes: Uint8Array; truth: Truth; answers: AnswerSet }[] = [];

  for (const split of ["tune", "heldout"] as const) {
    const conf = SPLITS[split];
    const dir = path.join(OUT_DIR, split);
    mkdirSync(dir, { recursive: true });
    let mistakeSet = split === "tune" ? 0 : 2;
    for (const style of STYLES) {
      const used = new Set<string>();
      for (let n = 1; n <= conf.count; n++) {
        const name = `${style}-${String(n).padStart(2, "0")}`;
        const rng = new Rng(`${conf.seed}/${style}/${n}`);
        const mistakes = conf.mistakesAt[style] === n ? MISTAKE_SETS[mistakeSet++ % MISTAKE_SETS.length]! : undefined;
        const agency = pickAgency(rng.fork("agency"), n, used, mistakes?.agency);
        const answers = generateAnswers(form, rng.fork("answers"), { agency, mistakes: mistakes?.codes ?? [] });
        const base: BaseStyle = style === "lo" ? conf.loBases[n - 1]! : style;
        const { bytes, encodings, notes } = renderBase(form, blocks, base, answers, rng.fork("render"));
        const file = `${name}.docx`;
        if (style === "lo") {
          const loNotes = [`LibreOffice round-trip (soffice --headless --convert-to docx) of a ${base} document (${STYLE_NOTES[base as BaseStyle].split(";")[0]}), kept as LibreOffice wrote it`, ...notes];
          loQueue.push({ split, name: file, bytes, truth: truthOf(answers, file, style, split, loNotes, base), answers });
        } else {
          writeFileSync(path.join(dir, file), bytes);
          writeFileSync(path.join(dir, `${name}.truth.json`), `${JSON.stringify(truthOf(answers, file, style, split, encodings), null, 2)}\n`);
        }
        written.add(`${split}/${file}`).add(`${split}/${name}.truth.json`);
        index.push({ file: `${split}/${file}`, truth: `${split}/${name}.truth.json`, style, split, ...(style === "lo" ? { base } : {}), agency: agency.key, mistakes: answers.mistakes.length });
      }
    }
  }

  if (keepDir) {
    mkdirSync(keepDir, { recursive: true });
    for (const item of loQueue) writeFileSync(path.join(keepDir, `${item.split}-${item.name}`), item.bytes);
  }
  const finishLo = (item: (typeof loQueue)[number], bytes: Uint8Array) => {
    item.truth.encodings.push(...describeEncodings(documentXml(bytes), item.truth.base!));
    const repeated = repeatedValues(item.answers, item.bytes, bytes);
    if (repeated.length > 0) {
      item.truth.lo_repeated = repeated;
      item.truth.encodings.push(
        "LibreOffice 7.x writes each filled plain-text content control as several consecutive controls, so those values show " +
          "more than once in the text (sometimes interleaved); the truth gives each value once, and lo_repeated lists the fields",
      );
    }
    writeFileSync(path.join(OUT_DIR, item.split, item.name), bytes);
    writeFileSync(path.join(OUT_DIR, item.split, item.name.replace(/\.docx$/, ".truth.json")), `${JSON.stringify(item.truth, null, 2)}\n`);
  };
  if (skipLo || !hasSoffice()) {
    console.warn(skipLo ? "--no-lo: keeping the existing LibreOffice round-trips" : "soffice not found: keeping the existing LibreOffice round-trips");
    for (const item of loQueue) {
      const file = path.join(OUT_DIR, item.split, item.name);
      if (!existsSync(file)) throw new Error(`missing ${item.split}/${item.name} and no LibreOffice to make it`);
      finishLo(item, readFileSync(file));
    }
  } else {
    const converted = convertWithLibreOffice(loQueue.map((i) => ({ name: `${i.split}-${i.name}`, bytes: i.bytes })));
    for (const item of loQueue) finishLo(item, converted.get(`${item.split}-${item.name}`)!);
  }

  // Files of an earlier run that this run did not write.
  for (const split of ["tune", "heldout"] as const) {
    for (const f of readdirSync(path.join(OUT_DIR, split))) if (!written.has(`${split}/${f}`)) rmSync(path.join(OUT_DIR, split, f));
  }
  writeFileSync(path.join(OUT_DIR, "index.json"), `${JSON.stringify({ form: "pcio-2567", generator: "scripts/form-samples/generate.ts", samples: index }, null, 2)}\n`);

  let total = 0;
  const table = new Map<string, number>();
  for (const e of index) {
    total += statSync(path.join(OUT_DIR, e.file)).size + statSync(path.join(OUT_DIR, e.truth)).size;
    table.set(`${e.split} ${e.style}`, (table.get(`${e.split} ${e.style}`) ?? 0) + 1);
  }
  for (const [k, v] of table) console.log(`${k.padEnd(16)} ${v}`);
  console.log(`${index.length} samples, ${(total / 1024 / 1024).toFixed(2)} MB in ${path.relative(PACKAGE_ROOT, OUT_DIR)}`);
}

main();
