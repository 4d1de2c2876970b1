/**
 * Dates written on evidence: Thai day–month–year with full or abbreviated month names ("๑๒ มิถุนายน ๒๕๖๖",
 * "12 มิ.ย. 66", "วันที่ 3 เดือน ก.ค. พ.ศ. 2567"), numeric ("12/06/2566"), ISO and English ("12 June 2024"), in Thai
 * or Arabic digits, BE or CE years. Unlike a typed answer, evidence text is often OCR'd, so a month name a letter off
 * ("มิถุนายบ") still counts. Years and day ranges are checked by `parseThaiDate` (src/text/thai.ts).
 */
import { editDistance } from "../text/distance.js";
import { normalizeThai, parseThaiDate, thaiDigitsToArabic } from "../text/thai.js";
import { OCR_DIGIT_FOLD } from "./text.js";

export interface EvidenceDate {
  /** CE, YYYY-MM-DD. */
  iso: string;
  /** As written (normalised). */
  text: string;
  /** Position in the normalised text: the first date is usually the document's own (a heading, "สั่ง ณ วันที่"). */
  index: number;
}

const THAI_MONTHS = [
  "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
  "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
];
const THAI_ABBREVIATIONS = ["มค", "กพ", "มีค", "เมย", "พค", "มิย", "กค", "สค", "กย", "ตค", "พย", "ธค"];
const ENGLISH_MONTHS = [
  "january", "february", "march", "april", "may", "june",
  "july", "august", "september", "october", "november", "december",
];

/** Letters only, tone marks and thanthakhat dropped: "กุมภาพันธ์" and an OCR'd "กุมภาพนธ" compare closely. */
function monthKey(word: string): string {
  return word.replace(/[^\u0e01-\u0e46\u0e31\u0e34-\u0e3a]/gu, "");
}

const EXACT_MONTHS = new Map<string, number>([
  ...THAI_MONTHS.map((m, i): [string, number] => [monthKey(m), i + 1]),
  ...THAI_ABBREVIATIONS.map((m, i): [string, number] => [m, i + 1]),
  ["กรกฏาคม", 7],
]);


/** Month number of a Thai month word: exact (full or abbreviated), else a full name within 1 edit (2 when long). */
function thaiMonth(word: string): number | undefined {
  const key = monthKey(word);
  const exact = EXACT_MONTHS.get(key);
  if (exact !== undefined || key.length < 5) return exact;
  const allowed = key.length >= 8 ? 2 : 1;
  const close = THAI_MONTHS.map((m, i) => ({ month: i + 1, d: editDistance(key, monthKey(m)) })).filter((c) => c.d <= allowed);
  close.sort((a, b) => a.d - b.d);
  return close.length > 0 && (close.length === 1 || close[0]!.d < close[1]!.d) ? close[0]!.month : undefined;
}

function englishMonth(word: string): number | undefined {
  const w = word.toLowerCase();
  const i = ENGLISH_MONTHS.findIndex((m) => m === w || (w.length >= 3 && m.startsWith(w)));
  return i >= 0 ? i + 1 : undefined;
}

const YEAR = String.raw`(\d{4}|\d{2})(?!\d)`;
/** Day, month word (Thai letters with dots, at most one inner space: "มิ. ย."), optional era, year. */
const THAI_NAMED = new RegExp(
  String.raw`(?<!\d)(\d{1,2})\s*(?:เดือน\s*)?([\u0e01-\u0e4e][\u0e01-\u0e4e.]*(?: [\u0e01-\u0e4e.]+)?)\s*(?:(พ|ค)\s*\.?\s*ศ\s*\.?\s*)?` + YEAR,
  "gu",
);
const NUMERIC = new RegExp(String.raw`(?<![\d.])(\d{1,2})\s?[/.-]\s?(\d{1,2})\s?[/.-]\s?` + YEAR, "gu");
const ISO = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/gu;
const ENGLISH = new RegExp(String.raw`(?<!\d)(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+` + YEAR, "gu");

/** An era written inside the month word by a greedy match ("มิถุนายนพ.ศ."), split off. */
function splitEra(word: string): { month: string; era?: "พ" | "ค" } {
  const m = /^(.*?)(พ|ค)\.?\s*ศ\.?$/u.exec(word.trim());
  return m && m[1]!.length >= 2 ? { month: m[1]!, era: m[2] as "พ" | "ค" } : { month: word };
}

/** Every date in the text, in the order written. */
export function datesIn(raw: string): EvidenceDate[] {
  const text = normalizeThai(thaiDigitsToArabic(raw));
  const found: EvidenceDate[] = [];
  const push = (iso: string | null, text: string, index: number) => {
    if (iso && !found.some((d) => d.index === index)) found.push({ iso, text: text.trim(), index });
  };
  for (const m of text.matchAll(THAI_NAMED)) {
    const { month, era: split } = splitEra(m[2]!);
    const number = thaiMonth(month);
    const era = m[3] ?? split;
    if (number === undefined) continue;
    push(parseThaiDate(`${m[1]} ${THAI_MONTHS[number - 1]} ${era === "ค" ? "ค.ศ. " : ""}${m[4]}`), m[0], m.index);
  }
  for (const m of text.matchAll(NUMERIC)) push(parseThaiDate(`${m[1]}/${m[2]}/${m[3]}`), m[0], m.index);
  for (const m of text.matchAll(ISO)) push(parseThaiDate(m[0]), m[0], m.index);
  for (const m of text.matchAll(ENGLISH)) {
    const number = englishMonth(m[2]!);
    if (number !== undefined && m[3]!.length === 4) push(parseThaiDate(`${m[1]}/${number}/${m[3]}`), m[0], m.index);
  }
  return found.sort((a, b) => a.index - b.index);
}

export function within(iso: string, period: { from: string; to: string }): boolean {
  return iso >= period.from && iso <= period.to;
}

/** Each confusable digit read either way ("2527" → 2527, 2567, 2427, …), at most 2^8 readings. */
const SWAP: Record<string, string> = Object.fromEntries(Object.entries(OCR_DIGIT_FOLD).flatMap(([a, b]) => [[a, b], [b, a]]));

/**
 * Whether an OCR'd date could lie in the period once confusable digits are read the other way: OCR misreads ๖ as ๒
 * and ๔ as ๕, so "๒๕๒๗" may well be 2567. Such a date is unclear rather than outside.
 */
export function couldBeWithin(text: string, period: { from: string; to: string }): boolean {
  const arabic = thaiDigitsToArabic(text);
  const positions = [...arabic].flatMap((ch, i) => (SWAP[ch] ? [i] : [])).slice(0, 8);
  for (let mask = 1; mask < 1 << positions.length; mask++) {
    const chars = [...arabic];
    positions.forEach((pos, bit) => {
      if (mask & (1 << bit)) chars[pos] = SWAP[chars[pos]!]!;
    });
    if (datesIn(chars.join("")).some((d) => within(d.iso, period))) return true;
  }
  return false;
}
