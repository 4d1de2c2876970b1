/**
 * Finding printed words in a filled copy and reading what was typed between them. Offices re-lay the form, retype
 * parts and type over the underscores, so literals are found on a "compact" view of the text (no spaces,
 * underscores, dots, brackets or quotes), tolerant of small differences, and values are what lies between them.
 */
import type { Line } from "./lines.js";
import { MARK_CHAR } from "./lines.js";
import { STACKED_MARK } from "../text/thai.js";

/** Characters that never decide a match: spacing, blank fillers, punctuation people vary when retyping. */
const IGNORED = /[\s_.…·•"“”'‘’()[\]{}:;,\-–—/\\|*]/u;

export interface Compact {
  text: string;
  /** For each compact index, the index in the original string. */
  map: number[];
}

export function compact(text: string): Compact {
  const chars: string[] = [];
  const map: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === MARK_CHAR || IGNORED_SET.has(ch) || (ch <= " " && /\s/u.test(ch))) continue;
    chars.push(ch >= "A" && ch <= "Z" ? ch.toLowerCase() : ch);
    map.push(i);
  }
  return { text: chars.join(""), map };
}

const IGNORED_SET = new Set([..."_.…·•\"“”'‘’()[]{}:;,-–—/\\|*", " ", "\u00a0", "\t", "\n"]);

/** Labels and cell texts are compared many times over (every mark against every option): keep their keys. */
const keyCache = new Map<string, string>();

export function compactKey(text: string): string {
  let key = keyCache.get(text);
  if (key === undefined) {
    key = compact(text).text;
    if (keyCache.size > 50_000) keyCache.clear();
    keyCache.set(text, key);
  }
  return key;
}

/** Dice coefficient over character bigrams of the compact forms: Thai has no spaces, so words are no unit. */
export function similarity(a: string, b: string): number {
  return dice(compactKey(a), compactKey(b));
}

const gramCache = new Map<string, Map<string, number>>();
function bigrams(key: string): Map<string, number> {
  let grams = gramCache.get(key);
  if (!grams) {
    grams = new Map();
    for (let i = 0; i < key.length - 1; i++) {
      const g = key.slice(i, i + 2);
      grams.set(g, (grams.get(g) ?? 0) + 1);
    }
    if (gramCache.size > 50_000) gramCache.clear();
    gramCache.set(key, grams);
  }
  return grams;
}

function dice(x: string, y: string): number {
  if (x === y) return x.length > 0 ? 1 : 0;
  if (x.length < 2 || y.length < 2) return 0;
  const [small, large] = x.length < y.length ? [bigrams(x), bigrams(y)] : [bigrams(y), bigrams(x)];
  let shared = 0;
  for (const [g, n] of small) shared += Math.min(n, large.get(g) ?? 0);
  return (2 * shared) / (x.length - 1 + (y.length - 1));
}

/** How well `actual` starts with `expected`: compares against a prefix of the same length. */
export function prefixSimilarity(expected: string, actual: string): number {
  const e = compactKey(expected);
  const a = compactKey(actual);
  if (e.length === 0) return 0;
  if (a.startsWith(e)) return 1;
  return dice(e, a.slice(0, e.length + Math.ceil(e.length * 0.1)));
}

export interface Cursor {
  line: number;
  offset: number;
}

export interface Found {
  line: number;
  start: number;
  /** A literal may wrap onto the next paragraph (a label the layout broke in two). */
  endLine: number;
  end: number;
}

/**
 * The compact view without the stacked marks: the letters on the line, which OCR reads far more reliably
 * ("ทีตังหน่วยงาน" for "ที่ตั้งหน่วยงาน"); sara am is the nikhahit over sara aa.
 */
function skeleton(c: Compact): Compact {
  const chars: string[] = [];
  const map: number[] = [];
  for (let i = 0; i < c.text.length; i++) {
    const ch = c.text[i]!;
    if (STACKED_MARK.test(ch)) continue;
    chars.push(ch === "\u0e33" ? "\u0e32" : ch);
    map.push(c.map[i]!);
  }
  return { text: chars.join(""), map };
}

/** Printed words are looked for by their letters alone only when that many are left: fewer match other words. */
const MIN_SKELETON_KEY = 6;
/** A heading this long (in letters) is also found by its last letters, on the next two lines. */
const MIN_TAILED_KEY = 12;
const TAIL_LETTERS = 8;

const compactCache = new WeakMap<Line, Compact>();
function lineCompact(line: Line): Compact {
  let c = compactCache.get(line);
  if (!c) {
    c = compact(line.text);
    compactCache.set(line, c);
  }
  return c;
}

const skeletonCache = new WeakMap<Line, Compact>();
function lineSkeleton(line: Line): Compact {
  let c = skeletonCache.get(line);
  if (!c) {
    c = skeleton(lineCompact(line));
    skeletonCache.set(line, c);
  }
  return c;
}

/**
 * Finds `literal` at or after `from` within lines [from.line, limit), on the compact view. An occurrence that
 * stands as its own words is preferred over one inside longer printed words ("ระบุกระบวนการทำงาน…" is a heading,
 * not the label "กระบวนการทำงาน" before a blank); a label wrapped onto the next paragraph is found too; for longer
 * literals a retyped variant is accepted when its head and tail are found in order at a plausible distance.
 * `adjacent`: the literal is printed right after the words that set `from`, with no blank between them.
 */
export function findLiteral(lines: readonly Line[], literal: string, from: Cursor, limit: number, adjacent = false): Found | undefined {
  const key = compactKey(literal);
  if (key.length === 0) return undefined;
  // Where reading has got to, the next printed words usually follow at once, even glued to the typed value; words
  // that follow other printed words at the end of a paragraph begin the next paragraph that has any text.
  return (
    search(lines, key, from, Math.min(limit, nextWordsLine(lines, from, adjacent, limit) + 1), false) ??
    search(lines, key, from, limit, true) ??
    search(lines, key, from, limit, false) ??
    byLetters(lines, key, from, limit) ??
    withoutFirstWord(lines, literal, from)
  );
}

/**
 * A label whose short first word OCR misread ("ii (โปรดระบุ" for "มี (โปรดระบุ": a hand's ring drawn over "มี"): its
 * other words, when enough letters are left to tell, on the line reading has got to.
 */
function withoutFirstWord(lines: readonly Line[], literal: string, from: Cursor): Found | undefined {
  const [first = "", ...rest] = literal.trim().split(/\s+/u);
  if (!rest.length || compactKey(first).length > 3) return undefined;
  const key = compactKey(rest.join(" "));
  return key.length >= MIN_SKELETON_KEY ? search(lines, key, from, from.line + 1, false) : undefined;
}

/**
 * Printed words OCR misread, by their letters: anywhere when there are enough of them to tell; a short label only
 * right where reading has got to; a long heading OCR garbled in its first words by its last ones, on the next lines.
 */
function byLetters(lines: readonly Line[], key: string, from: Cursor, limit: number): Found | undefined {
  const letters = skeleton(compact(key)).text;
  return (
    (letters.length >= MIN_SKELETON_KEY ? search(lines, letters, from, limit, false, lineSkeleton) : atCursor(lines, letters, from)) ??
    (letters.length >= MIN_TAILED_KEY ? search(lines, letters.slice(-TAIL_LETTERS), from, Math.min(limit, from.line + 3), false, lineSkeleton) : undefined)
  );
}

/** Short printed words (by their letters) as the very next words on the line reading has got to. */
function atCursor(lines: readonly Line[], letters: string, from: Cursor): Found | undefined {
  const line = lines[from.line];
  if (!line || letters.length < 2) return undefined;
  const c = lineSkeleton(line);
  const at = firstCompactAtOrAfter(c, from.offset);
  if (!c.text.startsWith(letters, at)) return undefined;
  const end = c.map[at + letters.length - 1]! + 1;
  return standsAlone(line.text, end) ? { line: from.line, start: c.map[at]!, endLine: from.line, end } : undefined;
}

/** The line the first search covers up to: `from`'s own, or for adjacent words past a paragraph's end, the next with text. */
function nextWordsLine(lines: readonly Line[], from: Cursor, adjacent: boolean, limit: number): number {
  let li = from.line;
  const own = lines[li];
  if (!adjacent || own === undefined) return li;
  const c = lineCompact(own);
  if (firstCompactAtOrAfter(c, from.offset) < c.text.length) return li;
  do li++;
  while (li < limit - 1 && lineCompact(lines[li]!).text === "");
  return li;
}

function search(lines: readonly Line[], key: string, from: Cursor, limit: number, strict: boolean, view = lineCompact): Found | undefined {
  for (let li = from.line; li < limit; li++) {
    const line = lines[li]!;
    const c = view(line);
    const startCompact = li === from.line ? firstCompactAtOrAfter(c, from.offset) : 0;
    for (let at = c.text.indexOf(key, startCompact); at >= 0; at = c.text.indexOf(key, at + 1)) {
      const end = c.map[at + key.length - 1]! + 1;
      if (acceptable(line.text, c.map[at]!, end, key, strict)) return { line: li, start: c.map[at]!, endLine: li, end };
    }
    const next = li + 1 < limit ? lines[li + 1] : undefined;
    if (next) {
      // Wrapped: the literal starts in this paragraph and ends in the next.
      const n = view(next);
      for (let cut = Math.max(1, key.length - n.text.length); cut < key.length; cut++) {
        const head = key.slice(0, cut);
        if (c.text.endsWith(head) && c.text.length - cut >= startCompact && n.text.startsWith(key.slice(cut))) {
          const at = c.map[c.text.length - cut]!;
          const end = n.map[key.length - cut - 1]! + 1;
          if (!strict || acceptable(line.text, at, line.text.length, key, true)) return { line: li, start: at, endLine: li + 1, end };
        }
      }
    }
    if (!strict && key.length >= 12) {
      const head = key.slice(0, 6);
      const tail = key.slice(-6);
      const h = c.text.indexOf(head, startCompact);
      if (h >= 0) {
        const t = c.text.indexOf(tail, h + head.length);
        if (t >= 0 && t + tail.length - h <= key.length * 1.4 && similarity(key, c.text.slice(h, t + tail.length)) >= 0.75) {
          return { line: li, start: c.map[h]!, endLine: li, end: c.map[t + tail.length - 1]! + 1 };
        }
      }
    }
  }
  return undefined;
}

/** Strict: the occurrence starts and ends on word edges. Relaxed: only short literals must end on one. */
function acceptable(text: string, start: number, end: number, key: string, strict: boolean): boolean {
  if (strict) return standsAlone(text, end) && startsAlone(text, start);
  return key.length > 5 || standsAlone(text, end);
}

function startsAlone(text: string, start: number): boolean {
  const prev = text[start - 1];
  return prev === undefined || IGNORED.test(prev) || prev === MARK_CHAR || scriptChanges(prev, text[start]!);
}

function standsAlone(text: string, end: number): boolean {
  const next = text[end];
  return next === undefined || IGNORED.test(next) || next === MARK_CHAR || scriptChanges(text[end - 1]!, next);
}

/**
 * Thai, Latin letters and digits meeting make a word edge even without a space: "…ด้วย AIกระบวนการ",
 * "Structured Data54", "โครงการLooker Studio".
 */
function scriptChanges(a: string, b: string): boolean {
  const ka = scriptOf(a);
  return ka !== undefined && scriptOf(b) !== undefined && ka !== scriptOf(b);
}

function scriptOf(ch: string): "digit" | "thai" | "latin" | undefined {
  if (/[0-9๐-๙]/u.test(ch)) return "digit";
  if (ch >= "\u0e00" && ch <= "\u0e7f") return "thai";
  return /[A-Za-z]/.test(ch) ? "latin" : undefined;
}

function firstCompactAtOrAfter(c: Compact, offset: number): number {
  let lo = 0;
  let hi = c.map.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (c.map[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A typed value: what remains once the printed blank filler and framing punctuation are taken off. */
export function cleanValue(text: string): string {
  const value = balance(text
    .replaceAll(MARK_CHAR, " ")
    .replace(/[_…]+/g, " ")
    .replace(/\.{2,}/g, " ")
    // Printed evidence notes after a blank are never part of what was typed.
    .replace(/\(?\s*แนบ(?:เอกสาร)?หลักฐาน[^)]*\)?\s*$/u, "")
    .replace(/^[\s:;,.)(\]/]+/u, "")
    .replace(/[\s:;,(\[]+$/u, "")
    // What is left of a dotted leader after the value (one dot, as OCR reads a row of them), but not the dot that
    // ends an abbreviation: consonants only ("สพร.", "สกมช.") or one or two letters ("ภาคผนวก ก.", "พ.ศ.").
    .replace(/(?<!(?:^|[\s.])(?:[\u0e01-\u0e2e]{1,5}|[\p{L}\p{M}]{1,2}))\.$/u, "")
    .replace(/^(\S*(?:@|\/\/|www\.)\S*?)\.$/u, "$1")
    .replace(/^\((.*)\)$/u, "$1")
    .replace(/\s+/g, " ")
    .trim());
  // Marks or signs alone ("ๆ", "์", a vowel sign, "'", "©") are specks OCR read on an empty blank, never a value.
  return NO_VALUE.test(value) ? "" : value;
}

const NO_VALUE = /^[\p{M}\p{P}\p{S}\u0e2f\u0e46\s]+$/u;

/** A bracket of the printed label left at either end of a value ("…เหตุผล____)") is not part of it. */
function balance(value: string): string {
  let v = value;
  const count = (c: string) => [...v].filter((x) => x === c).length;
  while (v.endsWith(")") && count(")") > count("(")) v = v.slice(0, -1).trimEnd();
  while (v.startsWith("(") && count("(") > count(")")) v = v.slice(1).trimStart();
  return v;
}

export type TemplatePart = { literal: string } | { slot: string };

export interface TemplateOptions {
  /** A blank is read only where the printed words before it were found (they are what tells one blank from another). */
  onlyAfterWords?: boolean;
}

/** A line opening with an item's number or a question's code; an item's number alone. */
const NUMBERED = /^\s*(?:\(?[0-9๐-๙]{1,2}[.)]|[GP]?[0-9]+(?:\.[0-9]+)+)/u;
const ONLY_NUMBER = /^\s*\(?[0-9๐-๙]{1,2}[.)]\s*$/u;

/**
 * Reads the slots of a template (literals and blanks in printed order) from the lines starting at `from`.
 * A value never runs past the end of its paragraph unless the paragraph held nothing and the value is on the lines
 * before the next literal (a blank on its own line). Printed words that are missing are skipped, and the blank
 * after them is read where reading has got to, unless `onlyAfterWords`.
 */
export function readTemplate(
  lines: readonly Line[],
  parts: readonly TemplatePart[],
  from: Cursor,
  limit: number,
  options: TemplateOptions = {},
): { values: Map<string, { text: string; line: number }>; end: Cursor } {
  const values = new Map<string, { text: string; line: number }>();
  let cursor = from;
  let pendingSlot: string | undefined;
  const closeSlot = (until: Found | undefined) => {
    if (pendingSlot === undefined) return;
    const line = lines[cursor.line];
    if (!line) return;
    let text: string;
    let at = cursor.line;
    if (until && until.line === cursor.line) {
      text = line.text.slice(cursor.offset, until.start);
    } else {
      text = line.text.slice(cursor.offset);
      // Stop at the next mark: what follows it belongs to another option.
      const mark = text.indexOf(MARK_CHAR);
      if (mark >= 0) text = text.slice(0, mark);
      const below = lines[cursor.line + 1];
      if (!cleanValue(text) && !until && mark < 0 && below && below.index < limit && below.marks.length === 0 && below.rowKey === line.rowKey && below.cell === line.cell && !NUMBERED.test(below.text)) {
        // The last blank left empty on its line, its value typed on the line below ("☑ Website URL" ⏎ "https://…");
        // a numbered line below is the form's next item ("2. เทคโนโลยี").
        text = below.text;
        at = below.index;
      } else if (!cleanValue(text) && until) {
        for (let li = cursor.line + 1; li < until.line && !cleanValue(text); li++) {
          text = lines[li]!.text;
          at = li;
        }
        // …up to the words found next, unless only an item's number stands before them ("2. เทคโนโลยี").
        const before = lines[until.line]!.text.slice(0, until.start);
        if (!cleanValue(text) && !ONLY_NUMBER.test(before)) {
          text = before;
          at = until.line;
        }
      }
    }
    const value = cleanValue(text);
    if (value) values.set(pendingSlot, { text: value, line: at });
    pendingSlot = undefined;
    // Read to the end of its paragraph: later blanks and words are looked for after it, never inside it.
    if (!until) cursor = { line: cursor.line, offset: cursor.offset + text.length };
  };
  // Printed words found right before, with no blank since: the next printed words follow them at once.
  let afterWords = false;
  let missedWords = false;
  for (const part of parts) {
    if ("slot" in part) {
      closeSlot(undefined);
      if (!(options.onlyAfterWords && missedWords)) pendingSlot = part.slot;
      afterWords = false;
      continue;
    }
    const found = findLiteral(lines, part.literal, cursor, limit, afterWords && pendingSlot === undefined);
    afterWords = found !== undefined;
    missedWords = !afterWords;
    if (!found) continue;
    closeSlot(found);
    cursor = { line: found.endLine, offset: found.end };
  }
  closeSlot(undefined);
  return { values, end: cursor };
}

/**
 * Printed words shorter than this are also what people type ("ไม่มี", "ชุดข้อมูล…" in a "โปรดระบุ" blank); longer
 * ones are a label, a heading or a question, never the start of a typed value.
 */
const MIN_PRINTED_KEY = 10;
/** A retyped label ("จังหวัดขอใช้บริการระบบสมาชิก data.go.th") is printed words still; long enough to tell. */
const MIN_RETYPED_KEY = 20;
const RETYPED_SIMILARITY = 0.85;

/**
 * Printed words of part of the form. Reading an empty blank runs on to the next paragraph with text (a value may be
 * typed on the line below its label), and that paragraph can be the next printed item ("ระบุ URL____" then
 * "2. จังหวัดขอใช้บริการ…"): a value that begins with printed words was read off the form, not typed.
 */
export class PrintedWords {
  private readonly keys: string[];

  constructor(texts: Iterable<string>) {
    const keys = new Set<string>();
    for (const text of texts) {
      for (const piece of text.split(PRINTED_BLANK)) {
        const key = unnumberedKey(piece);
        if (key.length >= MIN_PRINTED_KEY) keys.add(key);
      }
    }
    this.keys = [...keys];
  }

  /** Whether the value begins with printed words (its own numbering aside). */
  begins(value: string): boolean {
    const key = unnumberedKey(value);
    if (key.length < MIN_PRINTED_KEY) return false;
    return this.keys.some((k) => key.startsWith(k) || (k.length >= MIN_RETYPED_KEY && prefixSimilarity(k, key) >= RETYPED_SIMILARITY));
  }
}

/** The compact key without the leading numbering, which copies print differently ("(3.1)", "3.1", "P2.2.2", "A.1.1"). */
function unnumberedKey(text: string): string {
  return compactKey(text).replace(/^(?:[a-dgp]?[0-9๐-๙]+)+/u, "");
}

/** A blank as printed in a label: a line of underscores or dots. */
export const PRINTED_BLANK = /_{2,}|\.{4,}|…{2,}/;

/** Splits a printed label at its blanks ("____", "....") into literals and the given slot ids, in order. */
export function labelTemplate(label: string, slots: readonly string[]): { parts: TemplatePart[]; used: number } {
  const pieces = label.split(PRINTED_BLANK);
  const parts: TemplatePart[] = [];
  let used = 0;
  pieces.forEach((piece, i) => {
    if (compactKey(piece)) parts.push({ literal: piece });
    if (i < pieces.length - 1 && used < slots.length) parts.push({ slot: slots[used++]! });
  });
  return { parts, used };
}
