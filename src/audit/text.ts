/**
 * Thai-aware phrase matching for the audit. Evidence text (a page, a marked region) and the phrases the form expects
 * are reduced to a match key — letters and digits only, Thai digits as Arabic, lower case, tone marks dropped — with a
 * map back to the text, so a match can be shown. A phrase is then found exactly, or within a few edits: OCR'd scans
 * have a few % character errors, and text layers misplace tone marks and vowels of reordered clusters.
 */
import { normalizeThai, thaiDigitsToArabic } from "../text/thai.js";

/** Similarity (1 − edits / phrase length) a fuzzy match needs; below it a phrase is not found. */
export const MIN_SIMILARITY = 0.84;
/** Phrases with fewer key characters than this ("PCIO", "AI", "5G", "มาตรา") must match exactly. */
const EXACT_BELOW = 6;
/**
 * OCR errors are scattered letters (a misread consonant, a dropped vowel); three or more edits in a row are another
 * word ("ประธานกรรมการ บริหาร…" is not "คณะกรรมการผู้บริหาร…"), so such an alignment is no match.
 */
const MAX_EDIT_RUN = 2;

/** Tone marks, mai taikhu, thanthakhat, yamakkan: OCR drops and misplaces them, and they rarely tell words apart. */
const DROPPED = /[\u0e47-\u0e4c\u0e4e]/u;
/** Obsolete letters only OCR produces, read as the letters they are mistaken for. */
const OBSOLETE: Record<string, string> = { "\u0e03": "\u0e02", "\u0e05": "\u0e04" };
const KEPT = /[\p{L}\p{N}\p{M}]/u;
/**
 * Kept where space or punctuation separated two Latin words or two numbers ("AI Chatbot", "27001:2022"), so a word
 * or number is not found inside a longer one ("AI" in "e-mail", "มาตรา 2" in "มาตรา 23").
 */
const WORD_GAP = "#";
/**
 * Thai digits OCR confuses (๔/๕, ๒/๖: "มาตรา ๔๑" read as "๕๑"): in OCR'd text and the terms looked for in it, each
 * pair compares as one digit.
 */
export const OCR_DIGIT_FOLD: Record<string, string> = { "5": "4", "6": "2" };

export interface KeyedText {
  /** The text as shown: Thai normalised, spaces collapsed. */
  text: string;
  key: string;
  /** For each key character, its index in `text`. */
  at: number[];
  /** Keyed for OCR'd text (confusable digits folded). */
  ocr: boolean;
}

export function keyed(raw: string, ocr = false): KeyedText {
  const text = normalizeThai(raw);
  let key = "";
  const at: number[] = [];
  let gap = false;
  for (let i = 0; i < text.length; i++) {
    const ch = thaiDigitsToArabic(text[i]!).toLowerCase();
    if (DROPPED.test(ch)) continue;
    if (!KEPT.test(ch)) {
      gap = true;
      continue;
    }
    if (gap && charClass(ch) !== "other" && charClass(ch) === charClass(key[key.length - 1])) {
      key += WORD_GAP;
      at.push(i);
    }
    key += (ocr ? OCR_DIGIT_FOLD[ch] : undefined) ?? OBSOLETE[ch] ?? ch;
    at.push(i);
    gap = false;
  }
  return { text, key, at, ocr };
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= "0" && ch <= "9";
}

function charClass(ch: string | undefined): "latin" | "digit" | "other" {
  if (ch === undefined) return "other";
  if (isDigit(ch)) return "digit";
  return ch >= "a" && ch <= "z" ? "latin" : "other";
}

export interface TermMatch {
  /** 1 for an exact match, down to MIN_SIMILARITY. */
  similarity: number;
  /** The matched part of the text (`KeyedText.text` indices, end exclusive). */
  start: number;
  end: number;
}

/**
 * The best place `term` occurs in `hay`, or null. Exact matches must not run into a longer word or number of the same
 * kind ("AI" is not in "email", "มาตรา 2" not in "มาตรา 23"); terms with digits and short terms match only exactly,
 * the rest also within MIN_SIMILARITY.
 */
export function findTerm(term: KeyedText, hay: KeyedText): TermMatch | null {
  const needle = term.key;
  if (needle.length === 0 || hay.key.length === 0) return null;
  for (let i = hay.key.indexOf(needle); i >= 0; i = hay.key.indexOf(needle, i + 1)) {
    const end = i + needle.length;
    const before = charClass(hay.key[i - 1]) === charClass(needle[0]) && charClass(needle[0]) !== "other";
    const after = charClass(hay.key[end]) === charClass(needle[needle.length - 1]) && charClass(needle[needle.length - 1]) !== "other";
    if (!before && !after) return span(hay, i, end, 1);
  }
  if (needle.length < EXACT_BELOW || /\d/.test(needle)) return null;
  return fuzzyFind(needle, hay);
}

function span(hay: KeyedText, from: number, to: number, similarity: number): TermMatch {
  return { similarity, start: hay.at[from]!, end: hay.at[to - 1]! + 1 };
}

/**
 * Approximate search: by pigeonhole, a match with at most k edits contains one of k+1 pieces of the needle exactly,
 * so only windows around those pieces are aligned (semi-global edit distance, tracking where the alignment starts).
 */
function fuzzyFind(needle: string, hay: KeyedText): TermMatch | null {
  const m = needle.length;
  const maxEdits = Math.floor(m * (1 - MIN_SIMILARITY));
  const pieceLength = Math.floor(m / (maxEdits + 1));
  const windows: [number, number][] = [];
  for (let p = 0; p <= maxEdits; p++) {
    const offset = p * pieceLength;
    const piece = needle.slice(offset, p === maxEdits ? m : offset + pieceLength);
    for (let i = hay.key.indexOf(piece); i >= 0; i = hay.key.indexOf(piece, i + 1)) {
      windows.push([Math.max(0, i - offset - maxEdits), Math.min(hay.key.length, i - offset + m + maxEdits)]);
    }
  }
  let best: { edits: number; start: number; end: number } | null = null;
  for (const [from, to] of mergeWindows(windows)) {
    const hit = align(needle, hay.key, from, to);
    if (hit.edits > maxEdits || (best && hit.edits >= best.edits)) continue;
    if (longestEditRun(needle, hay.key.slice(hit.start, hit.end)) <= MAX_EDIT_RUN) best = hit;
  }
  return best && best.end > best.start ? span(hay, best.start, best.end, 1 - best.edits / m) : null;
}

function mergeWindows(windows: [number, number][]): [number, number][] {
  const merged: [number, number][] = [];
  for (const [a, b] of windows.sort((x, y) => x[0] - y[0])) {
    const last = merged[merged.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  return merged;
}

/** Fewest edits turning `needle` into some substring of hay[from, to), and that substring's bounds. */
function align(needle: string, hay: string, from: number, to: number): { edits: number; start: number; end: number } {
  const n = to - from;
  let dist = new Int32Array(n + 1);
  let start = Int32Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= needle.length; i++) {
    const nextDist = new Int32Array(n + 1);
    const nextStart = new Int32Array(n + 1);
    nextDist[0] = i;
    nextStart[0] = 0;
    for (let j = 1; j <= n; j++) {
      const diagonal = dist[j - 1]! + (needle[i - 1] === hay[from + j - 1] ? 0 : 1);
      const up = dist[j]! + 1;
      const left = nextDist[j - 1]! + 1;
      if (diagonal <= up && diagonal <= left) {
        nextDist[j] = diagonal;
        nextStart[j] = start[j - 1]!;
      } else if (up <= left) {
        nextDist[j] = up;
        nextStart[j] = start[j]!;
      } else {
        nextDist[j] = left;
        nextStart[j] = nextStart[j - 1]!;
      }
    }
    dist = nextDist;
    start = nextStart;
  }
  let end = 0;
  for (let j = 1; j <= n; j++) if (dist[j]! < dist[end]!) end = j;
  return { edits: dist[end]!, start: from + start[end]!, end: from + end };
}

/** The longest run of consecutive edits in a cheapest alignment of a onto b (Levenshtein with traceback). */
function longestEditRun(a: string, b: string): number {
  const cost = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      cost[i]![j] = Math.min(cost[i - 1]![j]! + 1, cost[i]![j - 1]! + 1, cost[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  let [i, j, run, longest] = [a.length, b.length, 0, 0];
  while (i > 0 || j > 0) {
    const same = i > 0 && j > 0 && a[i - 1] === b[j - 1];
    if (same && cost[i]![j] === cost[i - 1]![j - 1]) {
      [i, j, run] = [i - 1, j - 1, 0];
      continue;
    }
    run += 1;
    longest = Math.max(longest, run);
    if (i > 0 && j > 0 && cost[i]![j] === cost[i - 1]![j - 1]! + 1) [i, j] = [i - 1, j - 1];
    else if (i > 0 && cost[i]![j] === cost[i - 1]![j]! + 1) i -= 1;
    else j -= 1;
  }
  return longest;
}

/** A window of the text around a match, for showing where it was found. */
export function snippetAround(hay: KeyedText, match: TermMatch, context = 40): string {
  const from = Math.max(0, match.start - context);
  const to = Math.min(hay.text.length, match.end + context);
  return `${from > 0 ? "…" : ""}${hay.text.slice(from, to).trim()}${to < hay.text.length ? "…" : ""}`;
}

const segmenter = new Intl.Segmenter("th", { granularity: "word" });

/** Words that say nothing about a topic: they are in any government document. */
const STOPWORDS = new Set(
  [
    "การ", "ความ", "ของ", "และ", "หรือ", "ใน", "ที่", "ให้", "มี", "เป็น", "กับ", "จาก", "โดย", "เพื่อ", "ได้", "ว่า", "จะ",
    "แล้ว", "ผ่าน", "ด้าน", "เรื่อง", "ต่อ", "ทั้ง", "นี้", "นั้น", "ไป", "มา", "ใช้", "ช่วย", "ทำ", "จัด", "เช่น", "อื่น", "ๆ",
    "ด้วย", "แก่", "แบบ", "ตาม", "อย่าง", "ซึ่ง",
    "จังหวัด", "ท่าน", "หน่วยงาน", "โครงการ", "ระบบ", "พัฒนา", "ดำเนินการ", "งาน", "แผน", "ข้อมูล", "โปรด", "ระบุ",
    "the", "and", "of", "for", "to", "in", "on", "a", "an", "with",
  ].map((w) => keyed(w).key),
);

/** Thai pieces shorter than this (in key characters) are joined with the next: ICU splits loanwords ("โซ|เชีย|ลมี|เดีย"). */
const MIN_THAI_PIECE = 5;
/** A last Thai piece shorter than this is dropped: too short to name anything. */
const MIN_LAST_PIECE = 4;

/**
 * The words of a typed or printed text that can name its topic: Thai word-segmented, stopwords dropped, short Thai
 * pieces joined with the next so each is a substring specific enough to look for; Latin words and numbers as they are.
 */
export function contentWords(text: string): string[] {
  const words: string[] = [];
  let pending = "";
  const add = (w: string) => {
    const key = keyed(w).key;
    if (key.length >= 2 && !STOPWORDS.has(key) && !words.some((x) => keyed(x).key === key)) words.push(w);
  };
  const flush = () => {
    if (keyed(pending).key.length >= MIN_LAST_PIECE) add(pending);
    pending = "";
  };
  for (const s of segmenter.segment(normalizeThai(text))) {
    if (!s.isWordLike) {
      flush();
      continue;
    }
    if (!/[\u0e00-\u0e7f]/u.test(s.segment)) {
      flush();
      add(s.segment);
      continue;
    }
    if (pending === "" && STOPWORDS.has(keyed(s.segment).key)) continue;
    pending += s.segment;
    if (keyed(pending).key.length >= MIN_THAI_PIECE) {
      add(pending);
      pending = "";
    }
  }
  flush();
  return words;
}
