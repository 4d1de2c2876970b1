// Generates samples/audit/{tune,heldout}: the evidence files of plan.ts (digital PDFs through LibreOffice, JPEG scans
// and phone photos, a broken PDF, a blank scan) with the existing generator's document builders, reads them with the
// evidence reader (OCR included), and writes
//   files/<id>.pdf|jpg       the evidence as an office would attach it,
//   evidence/<id>.json       what the reader saw — a bundle's evidence entry without its question links,
//   labels.json              the labelled pairs: answers, linked evidence, expected verdict and why.
// Tests and scripts/audit-confusion.ts read the JSON only, so they need neither LibreOffice nor OCR.
// Deterministic (seeded); about 3 minutes (LibreOffice, then OCR of the scans).
//
//   npx tsx scripts/audit-samples/generate.ts [tune|heldout]
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createCanvas } from "@napi-rs/canvas";
import type { BundleEvidence } from "../../src/bundle/schema.js";
import { TesseractPool } from "../../src/evidence/ocr.js";
import { readEvidence } from "../../src/evidence/read.js";
import { loadForm } from "../../src/form/load.js";
import { BUILDERS, makeCtx, webArticle, type Ctx } from "../evidence-samples/content.js";
import { finalize, locate, prepare, sofficeConvert, TEXT_BG, toHtml, writeAssets, type ChosenMark } from "../evidence-samples/digital.js";
import { layoutDoc } from "../evidence-samples/layout.js";
import type { Doc, HighlightColor } from "../evidence-samples/model.js";
import { Rng } from "../evidence-samples/prng.js";
import { renderRasterPage } from "../evidence-samples/raster.js";
import {
  collabMemo,
  docText,
  keepKeys,
  keyPhrases,
  noCopyNotice,
  redate,
  renameCommittee,
  techReport,
  trainingReport,
  type Course,
  type Platform,
  type Tech,
} from "./content.js";
import { answersFor, type LabelFile, type StoredEvidence } from "./pairs.js";
import { PLANS, type DocKey, type FileSpec, type Split } from "./plan.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const OUT = path.join(ROOT, "samples", "audit");
const SEED = "samruat-audit-v1";
const MAX_ATTEMPTS = 400;

function build(key: DocKey, ctx: Ctx, id: string): Doc {
  if (key === "web-news") return webArticle(ctx, id);
  if (key === "no-copy-notice") return noCopyNotice(ctx, id);
  if (key.startsWith("memo-")) return collabMemo(ctx, id, key.slice(5) as Platform);
  if (key.startsWith("training-")) return trainingReport(ctx, id, key.slice(9) as Course);
  if (key.startsWith("tech-")) return techReport(ctx, id, key.slice(5) as Tech);
  const builder = BUILDERS[key];
  if (!builder) throw new Error(`unknown document ${key}`);
  return builder(ctx, id);
}

/** The spec's document: drawn again with the next seed until it has what the pair relies on. */
function documentFor(spec: FileSpec, split: Split): { doc: Doc; rng: Rng } {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const rng = new Rng(`${SEED}/${split}/${spec.id}/${attempt}`);
    const ctx = makeCtx(rng.fork("ctx"), split);
    const doc = build(spec.doc!, ctx, spec.id);
    if (spec.docType && doc.type !== spec.docType) continue;
    if (spec.committee) renameCommittee(doc, spec.committee);
    if (spec.date) redate(ctx, doc, spec.date, spec.dateStyle);
    const keys = keyPhrases(doc);
    const text = docText(doc);
    if (!(spec.requireKeys ?? []).every((p) => keys.some((k) => k.includes(p)))) continue;
    if (!(spec.requireText ?? []).every((t) => text.includes(t))) continue;
    if ((spec.avoidText ?? []).some((t) => text.includes(t))) continue;
    if (!spec.marks.every((p) => keys.some((k) => k.includes(p)))) continue;
    return { doc, rng };
  }
  throw new Error(`${split}/${spec.id}: no document with what the spec requires after ${MAX_ATTEMPTS} attempts`);
}

const COLORS: readonly HighlightColor[] = ["yellow", "green", "pink", "orange", "blue"];

/** One mark per pattern: the first key phrase containing it, on every page it runs over (as a highlighter would). */
function marksFor(spec: FileSpec, prep: ReturnType<typeof prepare>, located: Awaited<ReturnType<typeof locate>>["located"], rng: Rng): ChosenMark[] {
  const color = rng.pick(COLORS);
  const style = spec.render === "text-background" ? "text-background" : "annotation-highlight";
  return spec.marks.flatMap((pattern) => {
    const cand = prep.cands.find((c) => c.key && c.text.includes(pattern) && (located.get(c.id)?.length ?? 0) > 0);
    if (!cand) throw new Error(`${spec.id}: no markable key phrase with "${pattern}"`);
    return located.get(cand.id)!.map((loc): ChosenMark => ({ cand: cand.id, text: cand.text, color, page: loc.page, boxes: loc.boxes, style }));
  });
}

async function digitalFiles(specs: { spec: FileSpec; doc: Doc; rng: Rng }[], work: string): Promise<Map<string, Uint8Array>> {
  const profile = path.join(work, "lo-profile");
  const probeOut = path.join(work, "probe");
  const finalOut = path.join(work, "final");
  mkdirSync(probeOut, { recursive: true });
  mkdirSync(finalOut, { recursive: true });
  const jobs = specs.map(({ spec, doc, rng }) => {
    const prep = prepare(doc, rng.fork("prepare"));
    const dir = path.join(work, spec.id);
    mkdirSync(dir, { recursive: true });
    writeAssets(prep, dir);
    writeFileSync(path.join(dir, `${spec.id}.probe.html`), toHtml(prep, { probe: true, marks: new Map() }));
    return { spec, rng, prep, dir };
  });
  sofficeConvert(jobs.map((j) => path.join(j.dir, `${j.spec.id}.probe.html`)), probeOut, profile);
  const staged = [];
  for (const j of jobs) {
    const probe = await locate(new Uint8Array(readFileSync(path.join(probeOut, `${j.spec.id}.probe.pdf`))));
    const marks = marksFor(j.spec, j.prep, probe.located, j.rng.fork("marks"));
    const background = new Map(marks.filter((m) => m.style === "text-background").map((m) => [m.cand, `#${TEXT_BG[m.color].map((v) => v.toString(16).padStart(2, "0")).join("")}`]));
    writeFileSync(path.join(j.dir, `${j.spec.id}.final.html`), toHtml(j.prep, { probe: false, marks: background }));
    staged.push({ ...j, probe, marks });
  }
  sofficeConvert(staged.map((s) => path.join(s.dir, `${s.spec.id}.final.html`)), finalOut, profile);
  const out = new Map<string, Uint8Array>();
  for (const s of staged) {
    const pdf = new Uint8Array(readFileSync(path.join(finalOut, `${s.spec.id}.final.pdf`)));
    const when = new Date(Date.UTC(2024, s.rng.int(0, 8), s.rng.int(1, 28), 3, 0, 0));
    out.set(s.spec.id, (await finalize(s.prep, pdf, s.probe, s.marks, s.rng.fork("finalize"), when)).bytes);
  }
  return out;
}

/** One scanned or photographed page with the highlighter on one of the spec's phrases (re-drawn until it is). */
function rasterFile(spec: FileSpec, doc: Doc, rng: Rng): Uint8Array {
  keepKeys(doc, spec.marks);
  const layout = layoutDoc(doc, 300);
  const page = layout.pages.findIndex((p) => p.lines.some((l) => (layout.containers[l.container]?.keys.length ?? 0) > 0));
  for (let attempt = 0; attempt < 30; attempt++) {
    const r = renderRasterPage(layout, Math.max(0, page), rng.fork(`raster${attempt}`), {
      variant: spec.render === "photo" ? "photo" : "flatbed",
      tint: false,
      outDpi: 200,
      photoSize: [1512, 2016],
    });
    if (r.truth.marked.some((m) => spec.marks.some((p) => m.text.includes(p)))) return r.canvas.encodeSync("jpeg", 80);
  }
  throw new Error(`${spec.id}: the highlighter never landed on the phrase`);
}

function blankScan(): Uint8Array {
  const canvas = createCanvas(1654, 2339);
  const g = canvas.getContext("2d");
  g.fillStyle = "#fbfaf6";
  g.fillRect(0, 0, canvas.width, canvas.height);
  return canvas.encodeSync("jpeg", 80);
}

/** A PDF cut off after its header, as a failed e-mail download leaves it. */
const BROKEN_PDF = new TextEncoder().encode("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pa");

function extension(spec: FileSpec): string {
  return spec.render === "scan" || spec.render === "photo" || spec.render === "blank" ? "jpg" : "pdf";
}

async function generate(split: Split, pool: TesseractPool): Promise<void> {
  const plan = PLANS[split];
  const dir = path.join(OUT, split);
  const work = path.join(os.tmpdir(), `samruat-audit-${split}-${process.pid}`);
  mkdirSync(work, { recursive: true });
  try {
    const drawn = plan.files.filter((f) => f.doc).map((spec) => ({ spec, ...documentFor(spec, split) }));
    const bytes = await digitalFiles(drawn.filter((d) => d.spec.render === "digital" || d.spec.render === "text-background"), work);
    for (const d of drawn) if (d.spec.render === "scan" || d.spec.render === "photo") bytes.set(d.spec.id, rasterFile(d.spec, d.doc, d.rng));
    for (const f of plan.files) {
      if (f.render === "broken") bytes.set(f.id, BROKEN_PDF);
      if (f.render === "blank") bytes.set(f.id, blankScan());
    }

    rmSync(dir, { recursive: true, force: true });
    mkdirSync(path.join(dir, "files"), { recursive: true });
    mkdirSync(path.join(dir, "evidence"), { recursive: true });
    const inputs = plan.files.map((f) => ({ name: `files/${f.id}.${extension(f)}`, bytes: bytes.get(f.id)! }));
    for (const input of inputs) writeFileSync(path.join(dir, input.name), input.bytes);
    console.log(`${split}: reading ${inputs.length} files…`);
    const { value } = await readEvidence(inputs, { engine: pool, pageText: true });
    value.files.forEach((file, i) => {
      const stored: StoredEvidence = {
        file: file.name,
        sha256: file.sha256,
        size: file.size,
        type: file.type,
        pages: file.pages.map(({ words: _words, dpi: _dpi, textArabic: _textArabic, ...page }) => page),
        marked: file.pages.some((p) => p.regions.length > 0),
        warnings: file.warnings,
        ...(file.error ? { error: file.error } : {}),
      } satisfies Omit<BundleEvidence, "questions" | "linkedBy">;
      writeFileSync(path.join(dir, "evidence", `${plan.files[i]!.id}.json`), `${JSON.stringify(stored, null, 1)}\n`);
    });

    const form = loadForm();
    const labels: LabelFile = {
      split,
      generator: "scripts/audit-samples/generate.ts",
      seed: SEED,
      pairs: plan.pairs.map((p) => {
        const question = form.field(p.field)?.question;
        if (!question) throw new Error(`${p.id}: unknown field ${p.field}`);
        return {
          id: p.id,
          field: p.field,
          answers: answersFor(form, p.field, p.typed ?? {}),
          evidence: p.files.map((f) => ({ file: `evidence/${f}.json`, questions: [p.linkTo ?? question] })),
          expected: p.expected,
          why: p.why,
        };
      }),
    };
    writeFileSync(path.join(dir, "labels.json"), `${JSON.stringify(labels, null, 1)}\n`);
    const sha = createHash("sha256").update(JSON.stringify(labels)).digest("hex").slice(0, 12);
    console.log(`${split}: ${plan.files.length} files, ${plan.pairs.length} pairs (labels ${sha})`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const only = process.argv[2] as Split | undefined;
const pool = new TesseractPool({ size: 1 });
try {
  for (const split of ["tune", "heldout"] as const) if (!only || only === split) await generate(split, pool);
} finally {
  await pool.terminate();
}
