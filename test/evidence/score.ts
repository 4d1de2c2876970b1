/**
 * Scores the evidence reader against generated truth (samples/evidence/<split>/*.truth.json): marked-phrase recall
 * and precision by box overlap, distractor false positives, and character error rate of the marked text.
 * Shared by test/evidence/accuracy.test.ts (heldout) and bench/evidence-accuracy.ts (any split).
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { OcrEngine } from "../../src/evidence/ocr.js";
import type { OcrChoice } from "../../src/evidence/ocr-native.js";
import { readEvidence } from "../../src/evidence/read.js";
import type { EvidenceFile } from "../../src/evidence/schema.js";
import { normalizeEvidenceText } from "../../src/evidence/thai.js";
import { editDistance } from "../../src/text/distance.js";

type Box = [number, number, number, number];

interface TruthPage {
  page: number;
  unit: "px" | "pt";
  marked: { text: string; color: string; bbox: Box; parts?: { text: string; bbox: Box }[]; style: string }[];
  distractors: { kind: string; bbox: Box }[];
}

interface Truth {
  file: string;
  kind: string;
  variant?: string;
  dpi?: number;
  pages: TruthPage[];
}

export interface IndexEntry {
  file: string;
  truth: string;
  split: string;
  kind: string;
}

export const SAMPLES = path.join(import.meta.dirname, "..", "..", "samples", "evidence");

export function splitEntries(split: string, root = SAMPLES): IndexEntry[] {
  const index = path.join(root, "index.json");
  if (!existsSync(index)) throw new Error(`no ${index}: generate the samples (scripts/evidence-samples/generate.ts)`);
  const entries = (JSON.parse(readFileSync(index, "utf8")) as { files: IndexEntry[] }).files.filter((f) => f.split === split);
  if (!entries.length) throw new Error(`no ${split} files in ${index}`);
  for (const e of entries) {
    if (!existsSync(path.join(root, e.file))) throw new Error(`missing sample ${e.file}`);
  }
  return entries;
}

/** Characters that carry meaning: whitespace is layout (a wrapped Thai phrase has none, an English one a space). */
const compact = (s: string) => normalizeEvidenceText(s).replace(/\s+/g, "");


function overlap(a: Box, b: Box): number {
  const ix = Math.min(a[0] + a[2], b[0] + b[2]) - Math.max(a[0], b[0]);
  const iy = Math.min(a[1] + a[3], b[1] + b[3]) - Math.max(a[1], b[1]);
  return ix > 0 && iy > 0 ? ix * iy : 0;
}

/** A predicted box belongs to a truth box when half of the smaller one is covered. */
const matches = (pred: Box, truth: Box) => overlap(pred, truth) >= 0.5 * Math.min(pred[2] * pred[3], truth[2] * truth[3]);

export interface PhraseResult {
  file: string;
  page: number;
  truth: string;
  read: string | null;
  edits: number;
}

export interface Score {
  group: string;
  files: number;
  pages: number;
  phrases: number;
  found: number;
  regions: number;
  correct: number;
  distractorHits: number;
  /** Distractor false positives by kind (seal, signature, logo, shading, tint). */
  distractorKinds: Record<string, number>;
  chars: number;
  edits: number;
  errors: string[];
  phraseResults: PhraseResult[];
}

export function emptyScore(group: string): Score {
  return { group, files: 0, pages: 0, phrases: 0, found: 0, regions: 0, correct: 0, distractorHits: 0, distractorKinds: {}, chars: 0, edits: 0, errors: [], phraseResults: [] };
}

export function add(into: Score, s: Score): void {
  for (const k of ["files", "pages", "phrases", "found", "regions", "correct", "distractorHits", "chars", "edits"] as const) into[k] += s[k];
  for (const [k, n] of Object.entries(s.distractorKinds)) into.distractorKinds[k] = (into.distractorKinds[k] ?? 0) + n;
  into.errors.push(...s.errors);
  into.phraseResults.push(...s.phraseResults);
}

export function scoreFile(truth: Truth, result: EvidenceFile, group: string): Score {
  const s = emptyScore(group);
  s.files = 1;
  if (result.error) s.errors.push(`${truth.file}: ${result.error.code} ${result.error.message}`);
  for (const tp of truth.pages) {
    s.pages++;
    const page = result.pages.find((p) => p.number === tp.page);
    // Scanned PDFs: truth is in pixels of the embedded scan, the reader reports points.
    const k = tp.unit === "px" && page?.unit === "pt" ? (truth.dpi ?? 300) / 72 : 1;
    const regions = (page?.regions ?? []).map((r) => ({ ...r, bbox: r.bbox.map((v) => v * k) as Box }));
    const parts = tp.marked.map((m) => m.parts?.length ? m.parts : [{ text: m.text, bbox: m.bbox }]);
    s.regions += regions.length;
    for (const r of regions) {
      if (parts.some((ps) => ps.some((p) => matches(r.bbox, p.bbox)))) s.correct++;
      else {
        const d = tp.distractors.find((d) => matches(r.bbox, d.bbox));
        if (d) {
          s.distractorHits++;
          s.distractorKinds[d.kind] = (s.distractorKinds[d.kind] ?? 0) + 1;
        }
      }
    }
    tp.marked.forEach((m, i) => {
      s.phrases++;
      const hit = parts[i]!.map((p) => regions.filter((r) => matches(r.bbox, p.bbox)));
      const want = compact(m.text);
      s.chars += [...want].length;
      if (hit.every((h) => h.length)) {
        s.found++;
        const used = [...new Set(hit.flat())].sort((a, b) => a.bbox[1] - b.bbox[1] || a.bbox[0] - b.bbox[0]);
        const read = compact(used.map((r) => r.text).join(""));
        const edits = Math.min([...want].length, editDistance(read, want));
        s.edits += edits;
        s.phraseResults.push({ file: truth.file, page: tp.page, truth: m.text, read, edits });
      } else {
        // A missed phrase counts as all of its characters wrong.
        s.edits += [...want].length;
        s.phraseResults.push({ file: truth.file, page: tp.page, truth: m.text, read: null, edits: [...want].length });
      }
    });
  }
  return s;
}

export interface RunOptions {
  /** A samples folder other than samples/evidence (e.g. a set generated with another seed). */
  root?: string;
  engine?: OcrEngine;
  /** Which engine to choose when none is given (readEvidence's default: auto). */
  ocr?: OcrChoice;
  pageText?: boolean;
  filter?: (e: IndexEntry) => boolean;
  onFile?: (entry: IndexEntry, file: EvidenceFile) => void;
}

export async function scoreSplit(split: string, options: RunOptions = {}): Promise<{ total: Score; groups: Score[] }> {
  const root = options.root ?? SAMPLES;
  const entries = splitEntries(split, root).filter(options.filter ?? (() => true));
  const groups = new Map<string, Score>();
  const total = emptyScore("all");
  const { value } = await readEvidence(
    entries.map((e) => path.join(root, e.file)),
    { engine: options.engine, ocr: options.ocr ?? "auto", pageText: options.pageText ?? false },
  );
  value.files.forEach((file, i) => {
    const entry = entries[i]!;
    const truth = JSON.parse(readFileSync(path.join(root, entry.truth), "utf8")) as Truth;
    const group = truth.variant?.startsWith("text-pdf") ? "digital" : truth.variant?.startsWith("screenshot") ? "screenshot" : truth.variant === "scan-pdf" ? "scan-pdf" : truth.kind;
    const s = scoreFile(truth, file, group);
    if (!groups.has(group)) groups.set(group, emptyScore(group));
    add(groups.get(group)!, s);
    add(total, s);
    options.onFile?.(entry, file);
  });
  return { total, groups: [...groups.values()] };
}

export const recall = (s: Score) => s.found / Math.max(1, s.phrases);
export const precision = (s: Score) => s.correct / Math.max(1, s.regions);
export const cer = (s: Score) => s.edits / Math.max(1, s.chars);
/** CER over the phrases that were found, so reading quality is not mixed up with detection misses. */
export const foundCer = (s: Score) => {
  const found = s.phraseResults.filter((p) => p.read !== null);
  return found.reduce((n, p) => n + p.edits, 0) / Math.max(1, found.reduce((n, p) => n + [...compact(p.truth)].length, 0));
};

export function table(rows: Score[]): string {
  const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
  const head = ["group", "files", "pages", "phrases", "recall", "precision", "distractor FP", "CER (all)", "CER (found)"];
  const body = rows.map((s) => [s.group, s.files, s.pages, s.phrases, pct(recall(s)), pct(precision(s)), s.distractorHits, pct(cer(s)), pct(foundCer(s))].map(String));
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  return [line(head), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...body.map(line)].join("\n");
}
