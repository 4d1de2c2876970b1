/**
 * Coverage of a form definition against the text of the printed form (the "seed": the questionnaire exported to
 * plain text — checkbox glyphs lost or left as private-use characters, blanks as `___` runs or `....`, tables
 * flattened into tab-separated lines).
 *
 * Pure functions over strings and the compiled form, so a test (test/form/coverage.test.ts) and a CLI can share them:
 *   - `seedQuestionCodes` / `splitSeed`: the printed question codes and each question's section of the text;
 *   - `checkCoverage`: per question, every candidate option line / table cell / note / example of the section must
 *     match something the definition holds, printed blanks must not outnumber defined ones, printed evidence and
 *     skip marks must be modelled;
 *   - `labelFlagProblems`: labels that print "(แนบเอกสารหลักฐาน)" / "(ข้ามไป…)" carry the matching flag;
 *   - `fieldIdProblems`, `fieldIdSnapshot`: id uniqueness, convention and the committed id list;
 *   - `formTotals`: questions, options, blanks, matrix cells, evidence points.
 */
import { editDistance } from "../text/distance.js";
import type { CompiledForm, CompiledQuestion } from "./compile.js";
import type { ItemSource, MatrixSource, QuestionSource } from "./schema.js";

/** Minimum similarity (1 − edit distance / length) for a fuzzy match. */
export const FUZZY_THRESHOLD = 0.85;

// ───────────────────────────── text ─────────────────────────────

/** Bullets and box glyphs. The export keeps some Wingdings boxes as private-use characters (U+F02A, U+F031, …). */
const GLYPHS = /[·•●○◯□■◦▪‣∙✓\p{Co}]/gu;
const QUOTES = /["'“”‘’„«»]/gu;

/** NFC; drop whitespace, underscores, dots, bullets/glyphs, quotes and invisible format characters. */
export function normalise(text: string): string {
  return text
    .normalize("NFC")
    .replace(/[\s\p{Cf}]+/gu, "")
    .replace(/_/g, "")
    .replace(/\./g, "")
    .replace(/…/g, "")
    .replace(GLYPHS, "")
    .replace(QUOTES, "");
}


/** Smallest edit distance between `needle` and any substring of `hay` (semi-global alignment). */
function substringDistance(needle: string, hay: string): number {
  const x = [...needle];
  const y = [...hay];
  let prev = new Array<number>(y.length + 1).fill(0);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return Math.min(...prev);
}

/** 1 − distance / longer length, on normalised text. */
export function similarity(a: string, b: string): number {
  const x = normalise(a);
  const y = normalise(b);
  const len = Math.max([...x].length, [...y].length);
  return len === 0 ? 1 : 1 - editDistance(x, y) / len;
}

/**
 * Does printed `candidate` appear in definition text `target`? After normalising: `target` includes it, or the two
 * are ≥ threshold similar, or some part of `target` is ≥ threshold similar to it. One direction only — a short
 * target ("มี") never swallows a long printed line.
 */
export function textMatches(candidate: string, target: string, threshold = FUZZY_THRESHOLD): boolean {
  return normalisedMatches(normalise(candidate), normalise(target), threshold);
}

function normalisedMatches(c: string, t: string, threshold: number): boolean {
  if (c.length === 0) return true;
  if (t.length === 0) return false;
  if (t.includes(c)) return true;
  const cl = [...c].length;
  const tl = [...t].length;
  if (1 - editDistance(c, t) / Math.max(cl, tl) >= threshold) return true;
  return tl > cl && 1 - substringDistance(c, t) / cl >= threshold;
}

// ───────────────────────────── seed lines ─────────────────────────────

export interface SeedLine {
  /** 1-based line number in the seed. */
  n: number;
  raw: string;
}

const BOOKMARKS = /^(?:\[bookmark:[^\]]*\])+/u;
/** A printed item number: "1.", "1)", "2.10", "(3.1)", "A.", "A.1.3". A bare "1" is not one ("1 ปี ที่ผ่านมา"). */
const ITEM_NUMBER = /^(?:\(\d+(?:\.\d+)*\)|\d+(?:\.\d+)+[.)]?|\d+[.)]|[A-Z](?:\.\d+)+|[A-Z]\.)(?=\s|$)/u;
/** A question code at the start of a line: "G1.", "P2.1.4.1", or printed without the P ("2.1.5", "7.1.10"). */
const CODE_AT_START = /^(G\d+|P\d+(?:\.\d+)*|\d+\.\d+\.\d+(?:\.\d+)*)\.?(?=\s|$)/u;
const BLANK = /_{3,}|\.{4,}/gu;
const EVIDENCE_MARK = /แนบ(?:เอกสาร)?หลักฐาน/gu;
const SKIP_MARK = /ข้ามไป\S*?ข้อ(?:ที่)?\s*\(?\s*([GP]?\d+(?:\.\d+)*)/gu;
const LEAD = /^[\s\p{Co}·•]/u;

function withoutBookmarks(raw: string): string {
  return raw.replace(BOOKMARKS, "");
}

/** Leading whitespace, bullets and box glyphs removed. */
function stripLead(text: string): string {
  return text.replace(/^[\s\p{Co}·•]+/u, "");
}

function stripItemNumber(text: string): string {
  return text.replace(ITEM_NUMBER, "").replace(/^[\s\p{Co}·•]+/u, "");
}

function isNoteLine(text: string): boolean {
  return /^หมายเหตุ/u.test(stripLead(text));
}

function isExampleLine(text: string): boolean {
  return /^ตัวอย่าง/u.test(stripLead(text));
}

/** The code printed at the start of a line, as a definition code ("2.1.5" → "P2.1.5"). */
function codeAtStart(raw: string, bareCodes: boolean): string | undefined {
  const m = CODE_AT_START.exec(stripLead(withoutBookmarks(raw)));
  if (!m) return undefined;
  const code = m[1]!;
  if (/^\d/.test(code)) return bareCodes ? `P${code}` : undefined;
  return code;
}

export interface SeedCodeLine {
  code: string;
  line: SeedLine;
}

/**
 * Question codes printed at line starts, in order. Scanning starts at the first G/P code (the pillar table before
 * the questions prints indicator codes such as "4.1.1" that are not questions); after it, codes printed without
 * the P ("2.1.5", "7.1.1"…"7.1.10") count too.
 */
export function seedQuestionCodes(seed: string): SeedCodeLine[] {
  const out: SeedCodeLine[] = [];
  seed.split(/\r?\n/u).forEach((raw, i) => {
    const code = codeAtStart(raw, out.length > 0);
    if (code) out.push({ code, line: { n: i + 1, raw } });
  });
  return out;
}

/**
 * A printed block that belongs to another question than the code line above it: it starts at the first line
 * (after `after`'s code line) whose text starts with `startsWith`, and runs to the next code line.
 */
export interface SectionAnchor {
  question: string;
  after: string;
  startsWith: string;
  why: string;
}

export interface SeedSection {
  code: string;
  /** The code line. */
  head: SeedLine;
  /** Lines after the code line up to the next code line, plus any anchored blocks. */
  lines: SeedLine[];
}

/** Each printed question's section: from its code line to the next code line (anchors split blocks off). */
export function splitSeed(seed: string, anchors: SectionAnchor[] = []): Map<string, SeedSection> {
  const lines: SeedLine[] = seed.split(/\r?\n/u).map((raw, i) => ({ n: i + 1, raw }));
  const codes = seedQuestionCodes(seed);
  const starts: { code: string; n: number; anchor: boolean }[] = codes.map((c) => ({ code: c.code, n: c.line.n, anchor: false }));
  for (const a of anchors) {
    const after = codes.find((c) => c.code === a.after);
    const hit = after
      ? lines.find((l) => l.n > after.line.n && stripLead(withoutBookmarks(l.raw)).startsWith(a.startsWith))
      : undefined;
    if (hit) starts.push({ code: a.question, n: hit.n, anchor: true });
  }
  starts.sort((x, y) => x.n - y.n);
  const sections = new Map<string, SeedSection>();
  starts.forEach((s, i) => {
    const end = starts[i + 1]?.n ?? lines.length + 1;
    const body = lines.slice(s.anchor ? s.n - 1 : s.n, end - 1);
    const existing = sections.get(s.code);
    if (s.anchor && existing) existing.lines.push(...body);
    else if (!s.anchor && !existing) sections.set(s.code, { code: s.code, head: lines[s.n - 1]!, lines: body });
  });
  return sections;
}

// ───────────────────────────── candidates ─────────────────────────────

/**
 * option: a cell of a line led by whitespace / a bullet / a box glyph, of a numbered line, or of a line with a blank;
 * text: any other printed line of the section (wrapped continuations of labels, cells and headings).
 */
export type CandidateKind = "option" | "text" | "note" | "evidence-note" | "example" | "heading" | "evidence-mark";

export interface Candidate {
  line: number;
  /** The printed fragment (one cell of a flattened table row, or the whole line). */
  text: string;
  kind: CandidateKind;
}

/**
 * The printed lines of a section, as candidates. Lines led by whitespace, a bullet or a box glyph, lines with a
 * printed item number ("1.", "2.1", "(3.1)", "A.1.1") and lines with a blank are option lines — flattened table
 * rows and option lists; they are split into cells on tabs and runs of 2+ spaces, item numbers are dropped, and a
 * words-then-blank unit repeated within a cell counts once. หมายเหตุ lines are notes (the standard evidence note
 * separately), ตัวอย่าง lines examples, and a numbered line whose number is a sub-indicator code ("4.1 Service
 * Provision") may be a heading. Every other non-empty line (the wrapped continuation of a label, cell, note or
 * title) is a text candidate. "[…]" headings (bracketed indicator names the export keeps) are not candidates.
 */
export function sectionCandidates(section: SeedSection, evidenceNote: string): Candidate[] {
  const out: Candidate[] = [];
  for (const { n, raw } of section.lines) {
    const text = withoutBookmarks(raw);
    if (normalise(text) === "") continue;
    const bare = stripLead(text);
    if (isNoteLine(text)) {
      out.push({ line: n, text: bare, kind: isEvidenceNote(bare, evidenceNote) ? "evidence-note" : "note" });
      continue;
    }
    if (isExampleLine(text)) {
      out.push({ line: n, text: bare, kind: "example" });
      continue;
    }
    if (text.startsWith("[")) continue;
    const cells = text
      .split(/\t+| {2,}|\u00a0{2,}/u)
      .map((c) => stripLead(c))
      .filter((c) => normalise(c) !== "");
    const optionLine =
      LEAD.test(text) || cells.some((c) => ITEM_NUMBER.test(c)) || new RegExp(BLANK.source, "u").test(text);
    if (/^\d+(?:\.\d+)+(?=\s)/u.test(bare)) out.push({ line: n, text: bare, kind: "heading" });
    for (const cell of cells) {
      const c = collapseRepeats(stripItemNumber(cell));
      if (normalise(c) === "") continue;
      const mark = /^\(?แนบ(?:เอกสาร)?หลักฐาน\)?$/u.test(normalise(c));
      out.push({ line: n, text: c, kind: mark ? "evidence-mark" : optionLine ? "option" : "text" });
    }
  }
  return out;
}

/** "กระบวนการทำงาน/โครงการ____กระบวนการทำงาน/โครงการ____…" → "กระบวนการทำงาน/โครงการ____". */
function collapseRepeats(cell: string): string {
  const parts = cell.split(BLANK);
  if (parts.length < 3) return cell;
  const kept = parts.filter((p, i) => i === 0 || normalise(p) !== normalise(parts[i - 1]!));
  return kept.join("____");
}

/** "หมายเหตุ [n] การแนบ(เอกสาร)หลักฐานมีผลต่อการพิจารณาคะแนน …" — the form's standard evidence note. */
export function isEvidenceNote(line: string, evidenceNote: string): boolean {
  const body = stripLead(line).replace(/^หมายเหตุ\s*\d*\s*:?\s*/u, "");
  const plain = (s: string) => normalise(s).replace(/เอกสาร/gu, "");
  const a = plain(body);
  const b = plain(evidenceNote);
  return a.length > 0 && (b.includes(a) || a.includes(b) || normalisedMatches(a, b, FUZZY_THRESHOLD));
}

/**
 * Blanks printed in a section. One template counts once, as the definition counts entries once per template:
 * a line repeated with only its item number changed ("1. ____ และโปรดระบุ URL ____" … "5. …") counts once, and
 * so does a line that repeats the same words-then-blank ("กระบวนการทำงาน/โครงการ____" ×4 on one line).
 * หมายเหตุ / ตัวอย่าง lines hold no blanks to fill.
 */
export function printedBlankCount(section: SeedSection): number {
  const seen = new Set<string>();
  let count = 0;
  for (const { raw } of section.lines) {
    const text = withoutBookmarks(raw);
    if (isNoteLine(text) || isExampleLine(text)) continue;
    const body = stripItemNumber(stripLead(text));
    const parts = body.split(BLANK);
    if (parts.length < 2) continue;
    const key = parts.map(normalise).join("▯");
    if (seen.has(key)) continue;
    seen.add(key);
    count += new Set(parts.slice(0, -1).map(normalise)).size;
  }
  return count;
}

function countMatches(text: string, re: RegExp): number {
  return [...text.matchAll(re)].length;
}

// ───────────────────────────── definition side ─────────────────────────────

export type TargetKind =
  | "option"
  | "group"
  | "entries"
  | "matrix"
  | "column-group"
  | "column"
  | "row"
  | "blank"
  | "note-item"
  | "note"
  | "example"
  /** Only for wrapped text lines: the question's own text, and form-level text (title, part headings). */
  | "question"
  | "form";

export interface Target {
  kind: TargetKind;
  text: string;
  norm: string;
}

function target(kind: TargetKind, text: string): Target {
  return { kind, text, norm: normalise(text) };
}

/** Everything a question prints besides its text: labels of items at any depth, notes and examples. */
export function questionTargets(q: QuestionSource): Target[] {
  const out: Target[] = [];
  const blankText = (b: { label: string; suffix?: string | undefined }) => `${b.label}____${b.suffix ?? ""}`;
  const walk = (items: ItemSource[]) => {
    for (const item of items) {
      switch (item.kind) {
        case "option":
          out.push(target("option", item.label));
          walk(item.children ?? []);
          break;
        case "group":
          out.push(target("group", item.label));
          walk(item.children);
          break;
        case "entries":
          out.push(target("entries", item.label));
          walk(item.fields);
          break;
        case "blank":
          out.push(target("blank", blankText(item)));
          break;
        case "note":
          out.push(target("note-item", item.text));
          break;
        case "matrix":
          out.push(target("matrix", item.label));
          for (const g of item.columnGroups ?? []) out.push(target("column-group", g.label));
          for (const c of item.columns) {
            out.push(target("column", c.label));
            if (c.blank) out.push(target("blank", blankText(c.blank)));
          }
          for (const r of item.rows) {
            out.push(target("row", r.label));
            for (const b of r.blanks ?? []) out.push(target("blank", blankText(b)));
          }
          break;
      }
    }
  };
  walk(q.items);
  for (const note of q.notes ?? []) out.push(target("note", note));
  for (const example of q.examples ?? []) out.push(target("example", example));
  return out;
}

/** Blank fields of a question, counting entries once per template and matrix cell blanks once per column. */
export function definedBlankCount(items: ItemSource[]): number {
  let count = 0;
  for (const item of items) {
    switch (item.kind) {
      case "blank":
        count += 1;
        break;
      case "option":
        count += definedBlankCount(item.children ?? []);
        break;
      case "group":
        count += definedBlankCount(item.children);
        break;
      case "entries":
        count += definedBlankCount(item.fields);
        break;
      case "matrix":
        count += matrixBlankCount(item);
        break;
      case "note":
        break;
    }
  }
  return count;
}

function matrixBlankCount(m: MatrixSource): number {
  const perColumn = new Set<string>();
  let count = 0;
  for (const c of m.columns) if (c.blank) perColumn.add(`${c.id}/${c.blank.id}`);
  for (const r of m.rows) {
    if (r.heading) continue;
    for (const b of r.blanks ?? []) {
      if (b.column) perColumn.add(`${b.column}/${b.id}`);
      else count += 1;
    }
  }
  return count + perColumn.size;
}

function questionHasEvidence(q: CompiledQuestion): boolean {
  return q.fields.some((f) => f.evidence);
}

// ───────────────────────────── coverage ─────────────────────────────

/** A printed fragment the heuristics mistake for an option; matched by question and normalised text. */
export interface AllowEntry {
  question: string;
  text: string;
  why: string;
}

export interface CandidateResult extends Candidate {
  /** What it matched in the definition ("option", "row", "note", "markKeyText", "indicator 4.1", "allow-list"…). */
  matched?: string;
}

export interface QuestionCoverage {
  code: string;
  /** Seed line ranges of the section (more than one when an anchor attaches a block printed elsewhere). */
  lines: [number, number][];
  /** The printed question text (code line and its continuation) matches `text`. */
  textMatched: boolean;
  candidates: CandidateResult[];
  missing: CandidateResult[];
  allowed: number;
  blanksPrinted: number;
  blanksDefined: number;
  evidenceMarks: number;
  hasEvidence: boolean;
  /** Skip targets printed in the section ("P2.2.3", "3.3") and those the definition has. */
  skipsPrinted: string[];
  skipsDefined: string[];
  problems: string[];
}

export interface CoverageReport {
  seedCodes: string[];
  definitionCodes: string[];
  /** Printed but not defined, and defined but not printed. */
  notInDefinition: string[];
  notInSeed: string[];
  questions: QuestionCoverage[];
  unusedAllow: AllowEntry[];
  /** Anchors whose block was not found (the seed or the anchor changed). */
  unusedAnchors: SectionAnchor[];
  problems: string[];
}

export interface CoverageOptions {
  allow?: AllowEntry[];
  anchors?: SectionAnchor[];
  threshold?: number;
}

export function checkCoverage(form: CompiledForm, seed: string, options: CoverageOptions = {}): CoverageReport {
  const threshold = options.threshold ?? FUZZY_THRESHOLD;
  const allow = options.allow ?? [];
  const usedAllow = new Set<AllowEntry>();
  const seedCodes = seedQuestionCodes(seed).map((c) => c.code);
  const definitionCodes = form.questions.map((q) => q.code);
  const sections = splitSeed(seed, options.anchors ?? []);
  const indicators = new Map<string, string>();
  for (const p of form.file.pillars) for (const i of p.indicators) indicators.set(i.code, `${i.code} ${i.name}`);
  const formText = [form.file.title, ...(form.file.parts ?? []).map((p) => p.title)].map((t) => target("form", t));

  const questions: QuestionCoverage[] = [];
  for (const q of form.questions) {
    const section = sections.get(q.code);
    if (!section) continue;
    const targets = questionTargets(q.source);
    const extra = [target("question", q.source.text), ...formText];
    const problems: string[] = [];

    const candidates: CandidateResult[] = sectionCandidates(section, form.file.evidenceNote).map((c) => {
      const matched = matchCandidate(c, q, targets, extra, indicators, threshold);
      if (matched) return { ...c, matched };
      const allowed = allow.find((a) => a.question === q.code && normalise(a.text) === normalise(c.text));
      if (allowed) {
        usedAllow.add(allowed);
        return { ...c, matched: "allow-list" };
      }
      return { ...c };
    });
    // A sub-indicator heading line ("4.1 Service Provision") also yields its text as an option cell; drop that
    // cell when the heading matched.
    const headingLines = new Set(candidates.filter((c) => c.kind === "heading" && c.matched).map((c) => c.line));
    const kept = candidates.filter(
      (c) => (c.kind === "heading" ? c.matched !== undefined : !headingLines.has(c.line)),
    );
    const missing = kept.filter((c) => !c.matched);
    for (const m of missing) problems.push(`line ${m.line}: printed ${m.kind} not in the definition: ${m.text.trim()}`);

    const textMatched = headMatches(section, q.source.text, threshold);
    if (!textMatched) problems.push(`line ${section.head.n}: printed question text differs from the definition's text`);

    const blanksPrinted = printedBlankCount(section);
    const blanksDefined = definedBlankCount(q.source.items);
    if (blanksPrinted > blanksDefined) {
      problems.push(`${blanksPrinted} blank(s) printed but only ${blanksDefined} defined`);
    }

    const markable = section.lines
      .map((l) => withoutBookmarks(l.raw))
      .filter((t) => !isNoteLine(t) && !isExampleLine(t));
    const evidenceMarks = countMatches(normalise(markable.join("")), EVIDENCE_MARK);
    const hasEvidence = questionHasEvidence(q);
    if (evidenceMarks > 0 && !hasEvidence) {
      problems.push(`"แนบ(เอกสาร)หลักฐาน" printed ${evidenceMarks}× but no field of ${q.code} needs evidence`);
    }
    const skipsPrinted = [...new Set(markable.flatMap((t) => [...t.matchAll(SKIP_MARK)].map((m) => m[1]!)))];
    const skipsDefined = [...new Set(q.fields.flatMap((f) => (f.skipTo ? [f.skipTo] : [])))];
    for (const s of skipsPrinted) {
      if (!skipsDefined.includes(s)) problems.push(`"ข้ามไป… ${s}" printed but no option of ${q.code} skips to ${s}`);
    }

    questions.push({
      code: q.code,
      lines: lineRanges(section),
      textMatched,
      candidates: kept,
      missing,
      allowed: kept.filter((c) => c.matched === "allow-list").length,
      blanksPrinted,
      blanksDefined,
      evidenceMarks,
      hasEvidence,
      skipsPrinted,
      skipsDefined,
      problems,
    });
  }

  const notInDefinition = seedCodes.filter((c) => !definitionCodes.includes(c));
  const notInSeed = definitionCodes.filter((c) => !seedCodes.includes(c));
  const duplicates = seedCodes.filter((c, i) => seedCodes.indexOf(c) !== i);
  const problems = [
    ...notInDefinition.map((c) => `${c}: printed in the seed but not a question of the definition`),
    ...notInSeed.map((c) => `${c}: a question of the definition but not printed in the seed`),
    ...duplicates.map((c) => `${c}: printed more than once`),
    ...questions.flatMap((q) => q.problems.map((p) => `${q.code}: ${p}`)),
  ];
  return {
    seedCodes,
    definitionCodes,
    notInDefinition,
    notInSeed,
    questions,
    unusedAllow: allow.filter((a) => !usedAllow.has(a)),
    unusedAnchors: (options.anchors ?? []).filter(
      (a) => !sections.get(a.question)?.lines.some((l) => stripLead(withoutBookmarks(l.raw)).startsWith(a.startsWith)),
    ),
    problems,
  };
}

/** Runs of consecutive lines (head included), each ending at its last non-empty line. */
function lineRanges(section: SeedSection): [number, number][] {
  const ranges: [number, number][] = [];
  let prev = -1;
  for (const { n, raw } of [section.head, ...section.lines]) {
    const current = ranges[ranges.length - 1];
    if (!current || n !== prev + 1) ranges.push([n, n]);
    else if (normalise(raw) !== "") current[1] = n;
    prev = n;
  }
  return ranges;
}

function matchCandidate(
  c: Candidate,
  q: CompiledQuestion,
  targets: Target[],
  extra: Target[],
  indicators: Map<string, string>,
  threshold: number,
): string | undefined {
  const norm = normalise(c.text);
  const structural: TargetKind[] = ["option", "group", "entries", "matrix", "column-group", "column", "row", "blank", "note-item", "note", "example"];
  switch (c.kind) {
    case "evidence-note":
      return q.source.markKeyText ? "markKeyText" : undefined;
    case "note":
      return bestMatch(norm, targets, ["note"], threshold);
    case "example":
      return bestMatch(norm, targets, ["example", "note"], threshold);
    case "evidence-mark":
      // A lone "(แนบเอกสารหลักฐาน)" cell belongs to the row/entry it ends; any evidence need of the question covers it.
      return bestMatch(norm, targets, structural, threshold) ?? (questionHasEvidence(q) ? "evidence" : undefined);
    case "heading": {
      const code = /^\d+(?:\.\d+)+/u.exec(c.text.trim())?.[0];
      const indicator = code ? indicators.get(code) : undefined;
      return indicator && normalisedMatches(norm, normalise(indicator), threshold) ? `indicator ${code}` : undefined;
    }
    case "option":
      return bestMatch(norm, targets, structural, threshold);
    case "text":
      return bestMatch(norm, [...targets, ...extra], [...structural, "question", "form"], threshold);
  }
}

/** The tightest target holding `norm`: equal first, then the shortest that includes it, then a fuzzy match. */
function bestMatch(norm: string, targets: Target[], kinds: TargetKind[], threshold: number): string | undefined {
  if (norm.length === 0) return "empty";
  const pool = targets.filter((t) => kinds.includes(t.kind));
  const equal = pool.find((t) => t.norm === norm);
  if (equal) return equal.kind;
  const holding = pool.filter((t) => t.norm.includes(norm)).sort((a, b) => a.norm.length - b.norm.length)[0];
  if (holding) return holding.kind;
  return pool.find((t) => normalisedMatches(norm, t.norm, threshold))?.kind;
}

/** The code line (without the code) plus its wrapped continuation lines, compared with the question text. */
function headMatches(section: SeedSection, text: string, threshold: number): boolean {
  const headText = stripLead(withoutBookmarks(section.head.raw)).replace(CODE_AT_START, "");
  const parts = [headText];
  for (const { raw } of section.lines) {
    const t = withoutBookmarks(raw);
    if (normalise(t) === "" || LEAD.test(t) || isNoteLine(t) || isExampleLine(t) || ITEM_NUMBER.test(t)) break;
    parts.push(t);
  }
  const printed = normalise(parts.join(""));
  const defined = normalise(text);
  // The printed line may carry more than the definition keeps as text (P4.3 prints its legal quote inline; the
  // definition holds it as a note), so the defined text has to appear in what is printed.
  return normalisedMatches(defined, printed, threshold);
}

// ───────────────────────────── labels and flags ─────────────────────────────

/**
 * Definition-side consistency: an option or column whose label prints an evidence mark needs evidence (on itself, a
 * blank/option under it, or its entries); an option whose label prints "(ข้ามไป…ข้อ X)" has skipTo X.
 */
export function labelFlagProblems(form: CompiledForm): string[] {
  const problems: string[] = [];
  const hasEvidenceBelow = (items: ItemSource[]): boolean =>
    items.some((i) =>
      i.kind === "blank" || i.kind === "option" || i.kind === "entries"
        ? (i.evidence ?? false) || (i.kind === "option" && hasEvidenceBelow(i.children ?? []))
        : i.kind === "group"
          ? hasEvidenceBelow(i.children)
          : false,
    );
  const walk = (code: string, items: ItemSource[], inEvidenceEntries: boolean) => {
    for (const item of items) {
      if (item.kind === "option") {
        const marked = countMatches(normalise(item.label), EVIDENCE_MARK) > 0;
        if (marked && !item.evidence && !inEvidenceEntries && !hasEvidenceBelow(item.children ?? [])) {
          problems.push(`${code}: option "${item.id}" prints an evidence mark but needs no evidence`);
        }
        const skips = [...item.label.matchAll(SKIP_MARK)].map((m) => m[1]!);
        for (const s of skips) {
          if (item.skipTo !== s) problems.push(`${code}: option "${item.id}" prints "ข้ามไป… ${s}" but skipTo is ${item.skipTo ?? "unset"}`);
        }
        if (item.skipTo && skips.length === 0) problems.push(`${code}: option "${item.id}" has skipTo ${item.skipTo} but prints no skip`);
        walk(code, item.children ?? [], inEvidenceEntries);
      } else if (item.kind === "group") {
        walk(code, item.children, inEvidenceEntries);
      } else if (item.kind === "entries") {
        walk(code, item.fields, inEvidenceEntries || (item.evidence ?? false));
      } else if (item.kind === "blank") {
        if (countMatches(normalise(item.label), EVIDENCE_MARK) > 0 && !item.evidence && !item.optional && !inEvidenceEntries) {
          problems.push(`${code}: blank "${item.id}" asks for evidence but has no evidence flag`);
        }
      } else if (item.kind === "matrix") {
        for (const c of item.columns) {
          if (countMatches(normalise(c.label), EVIDENCE_MARK) > 0 && !c.evidence) {
            problems.push(`${code}: column "${c.id}" prints an evidence mark but needs no evidence`);
          }
        }
      }
    }
  };
  for (const q of form.questions) walk(q.code, q.source.items, false);
  return problems;
}

// ───────────────────────────── ids ─────────────────────────────

/** Full field ids: "<question>:<local>(.<local>)*", a matrix cell "…<row>@<column>", a cell blank "…@<column>.<blank>". */
export const FIELD_ID = /^(G\d+|P\d+(?:\.\d+)*):[a-z0-9_]+(?:\.[a-z0-9_]+)*(?:@[a-z0-9_]+(?:\.[a-z0-9_]+)?)?$/u;

export function fieldIdProblems(form: CompiledForm): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const f of form.fields) {
    if (seen.has(f.id)) problems.push(`duplicate field id ${f.id}`);
    seen.add(f.id);
    if (!FIELD_ID.test(f.id)) problems.push(`${f.id}: does not follow the id convention`);
    if (!f.id.startsWith(`${f.question}:`)) problems.push(`${f.id}: not prefixed by its question ${f.question}`);
    if ((f.kind === "cell") !== /@[a-z0-9_]+$/u.test(f.id)) problems.push(`${f.id}: "@" marks exactly the matrix cells`);
  }
  return problems;
}

/** The committed id list (test/form/__snapshots__/<form>-ids.txt): one full field id per line, in printed order. */
export function fieldIdSnapshot(form: CompiledForm): string {
  return form.fields.map((f) => f.id).join("\n") + "\n";
}

export interface IdSnapshotDiff {
  added: string[];
  removed: string[];
  /** Same ids, different order. */
  reordered: boolean;
}

/** How the current id list differs from the committed one. */
export function idSnapshotDiff(committed: string, current: string): IdSnapshotDiff {
  const lines = (text: string) => text.split("\n").filter((l) => l.length > 0);
  const before = lines(committed);
  const after = lines(current);
  const beforeSet = new Set(before);
  const afterSet = new Set(after);
  const added = after.filter((id) => !beforeSet.has(id));
  const removed = before.filter((id) => !afterSet.has(id));
  const kept = (list: string[], other: Set<string>) => list.filter((id) => other.has(id)).join("\n");
  return { added, removed, reordered: kept(before, afterSet) !== kept(after, beforeSet) };
}

// ───────────────────────────── totals ─────────────────────────────

export interface FormTotals {
  questions: number;
  options: number;
  blanks: number;
  cells: number;
  /** Options/cells needing evidence + evidence blanks + evidence entries once per instance. */
  evidencePoints: number;
}

export function formTotals(form: CompiledForm): FormTotals {
  const count = (kind: string) => form.fields.filter((f) => f.kind === kind).length;
  return {
    questions: form.questions.length,
    options: count("option"),
    blanks: count("blank"),
    cells: count("cell"),
    evidencePoints: form.questions.reduce((sum, q) => sum + evidencePoints(q.source.items, 1), 0),
  };
}

function evidencePoints(items: ItemSource[], times: number): number {
  let points = 0;
  for (const item of items) {
    switch (item.kind) {
      case "option":
        points += (item.evidence ? times : 0) + evidencePoints(item.children ?? [], times);
        break;
      case "blank":
        points += item.evidence ? times : 0;
        break;
      case "group":
        points += evidencePoints(item.children, times);
        break;
      case "entries":
        // An entry printed with "(แนบเอกสารหลักฐาน)" is one evidence point per instance, whatever its fields.
        points += item.evidence ? times * item.max : evidencePoints(item.fields, times * item.max);
        break;
      case "matrix": {
        const rows = item.rows.filter((r) => !r.heading);
        for (const c of item.columns) {
          if (c.evidence) points += times * rows.length;
          if (c.blank?.evidence) points += times * rows.length;
        }
        for (const r of rows) for (const b of r.blanks ?? []) if (b.evidence) points += times;
        break;
      }
      case "note":
        break;
    }
  }
  return points;
}

// ───────────────────────────── printing ─────────────────────────────

/** A fixed-width table of the per-question coverage, for a test log or a CLI. */
export function formatCoverageTable(report: CoverageReport): string {
  const header = ["question", "seed lines", "candidates", "matched", "allowed", "missing", "blanks printed/defined", "evidence", "skips", "text"];
  const rows = report.questions.map((q) => [
    q.code,
    q.lines.map(([a, b]) => (a === b ? `${a}` : `${a}–${b}`)).join(","),
    String(q.candidates.length),
    String(q.candidates.length - q.missing.length),
    String(q.allowed),
    String(q.missing.length),
    `${q.blanksPrinted}/${q.blanksDefined}`,
    q.evidenceMarks > 0 ? (q.hasEvidence ? `${q.evidenceMarks} ok` : `${q.evidenceMarks} MISSING`) : q.hasEvidence ? "flag" : "",
    q.skipsPrinted.length > 0 ? q.skipsPrinted.join(",") : "",
    q.textMatched ? "ok" : "DIFFERS",
  ]);
  const sum = (f: (q: QuestionCoverage) => number) => String(report.questions.reduce((s, q) => s + f(q), 0));
  rows.push([
    "total",
    "",
    sum((q) => q.candidates.length),
    sum((q) => q.candidates.length - q.missing.length),
    sum((q) => q.allowed),
    sum((q) => q.missing.length),
    `${sum((q) => q.blanksPrinted)}/${sum((q) => q.blanksDefined)}`,
    sum((q) => q.evidenceMarks),
    sum((q) => q.skipsPrinted.length),
    "",
  ]);
  return formatTable(header, rows);
}

export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ").trimEnd();
  return [line(header), line(widths.map((w) => "─".repeat(w))), ...rows.map(line)].join("\n");
}

