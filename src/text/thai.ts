/**
 * Thai text normalisation shared by the reader, the extractor and OCR: one canonical form so that the same words
 * compare equal however they were typed, OCR'd or converted.
 */

export interface NormalizeOptions {
  /** Collapse runs of whitespace to one space and trim (default true); off keeps offsets of spaces and tabs. */
  collapseSpaces?: boolean;
}

/** Zero-width space/non-joiner/joiner, word joiner, BOM and soft hyphen: invisible, and they break comparisons. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
/** Nikhahit + sara aa typed for sara am (OCR does this), with a tone mark before, between or after the pair. */
const SARA_AM_SPLIT = /\u0e4d([\u0e48-\u0e4b]?)\u0e32([\u0e48-\u0e4b]?)/g;
/** Sara am typed before its tone mark ("นำ้" for "น้ำ"); it renders the same in many fonts. */
const TONE_AFTER_SARA_AM = /\u0e33([\u0e48-\u0e4b])/g;
/** Two sara e typed for sara ae; "เเ" never occurs in correct text. */
const DOUBLE_SARA_E = /\u0e40\u0e40/g;

export function normalizeThai(s: string, options: NormalizeOptions = {}): string {
  let t = s.replace(INVISIBLE, "").normalize("NFC");
  t = t.replace(SARA_AM_SPLIT, "$1$2\u0e33").replace(TONE_AFTER_SARA_AM, "$1\u0e33").replace(DOUBLE_SARA_E, "\u0e41");
  if (options.collapseSpaces ?? true) t = t.replace(/\s+/g, " ").trim();
  return t;
}

/**
 * Thai vowels and tone marks written above or below a letter (sara am's nikhahit included): they take no width of
 * their own, and OCR drops and confuses them more than any other characters.
 */
export const STACKED_MARK = /[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]/u;
const STACKED_MARKS = new RegExp(STACKED_MARK.source, "gu");

/** The letters that move the pen: a text's width in character cells. */
export function advances(s: string): number {
  return s.replace(STACKED_MARKS, "").length;
}

const THAI_DIGIT = /[\u0e50-\u0e59]/g;

export function thaiDigitsToArabic(s: string): string {
  return s.replace(THAI_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0x0e50 + 0x30));
}

/** "1,200", "๑,๒๐๐", "-3.5", "1,200.-" (baht written with a dash for no satang). */
const NUMBER = /^([+\-\u2212]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:\.-)?$/;

export function parseThaiNumber(s: string): number | null {
  const m = NUMBER.exec(normalizeThai(thaiDigitsToArabic(s)));
  if (!m) return null;
  const value = Number(`${m[2]!.replaceAll(",", "")}${m[3] ?? ""}`);
  return m[1] === "" || m[1] === "+" ? value : -value;
}

/** Month names and abbreviations with dots and spaces removed, plus common misspellings. */
const MONTHS: ReadonlyMap<string, number> = new Map(
  (
    [
      ["มกราคม", "มค"],
      ["กุมภาพันธ์", "กพ", "กุมภาพันธ"],
      ["มีนาคม", "มีค"],
      ["เมษายน", "เมย"],
      ["พฤษภาคม", "พค"],
      ["มิถุนายน", "มิย"],
      ["กรกฎาคม", "กค", "กรกฏาคม"],
      ["สิงหาคม", "สค"],
      ["กันยายน", "กย"],
      ["ตุลาคม", "ตค"],
      ["พฤศจิกายน", "พย"],
      ["ธันวาคม", "ธค"],
    ] as const
  ).flatMap((names, i) => names.map((n): [string, number] => [n, i + 1])),
);

/** Words around a date that carry no value: "วันจันทร์ที่", "วันที่", "เดือน", "พ.ศ.", "ปี". */
const DATE_FILLER =
  /วัน(?:จันทร์|อังคาร|พุธ|พฤหัสบดี|พฤหัส|ศุกร์|เสาร์|อาทิตย์)?(?:ที่)?|^ที่|เดือน|พ\s*\.\s*ศ\s*\.?|ปี/g;
const CE_ERA = /ค\s*\.\s*ศ\s*\.?/;

/**
 * "12 มิ.ย. 2566", "๑๒ มิถุนายน ๒๕๖๖", "12/06/66", "วันที่ 12 เดือน มิถุนายน พ.ศ. 2566", "2023-06-12" → "2023-06-12".
 * Years: 4 digits ≥ 2400 are BE, 2 digits are BE (66 → 2566), "ค.ศ." or a 4-digit year in 1900–2100 is CE.
 * null when the text is not exactly one valid date.
 */
export function parseThaiDate(s: string): string | null {
  let t = normalizeThai(thaiDigitsToArabic(s));
  const ce = CE_ERA.test(t);
  t = t.replace(CE_ERA, " ").replace(DATE_FILLER, " ").replace(/\s+/g, " ").trim();

  let day: number;
  let month: number;
  let yearText: string;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) {
    [yearText, month, day] = [m[1]!, Number(m[2]), Number(m[3])];
  } else if ((m = /^(\d{1,2}) ?[/.-] ?(\d{1,2}) ?[/.-] ?(\d{2}|\d{4})$/.exec(t))) {
    [day, month, yearText] = [Number(m[1]), Number(m[2]), m[3]!];
  } else if ((m = /^(\d{1,2}) ?([\u0e00-\u0e7f][\u0e00-\u0e7f. ]*?) ?(\d{2}|\d{4})$/.exec(t))) {
    const named = MONTHS.get(m[2]!.replace(/[. ]/g, ""));
    if (named === undefined) return null;
    [day, month, yearText] = [Number(m[1]), named, m[3]!];
  } else {
    return null;
  }

  const y = Number(yearText);
  let year: number;
  if (yearText.length === 2) year = ce ? 2000 + y : 2500 + y - 543;
  else if (ce || (y >= 1900 && y <= 2100)) year = y;
  else if (y >= 2400) year = y - 543;
  else return null;

  if (month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Letters, digits and combining marks only: spaces, punctuation, dots, underscores and symbols go. */
function labelKey(s: string): string {
  return normalizeThai(thaiDigitsToArabic(s)).toLowerCase().replace(/[^\p{L}\p{N}\p{M}]/gu, "");
}

/**
 * How alike two printed labels are, in [0, 1]: the Dice coefficient of character bigrams after normalisation,
 * ignoring spaces, punctuation, underscores and dots (Thai has no word spaces, so bigrams beat word matching).
 */
export function labelSimilarity(a: string, b: string): number {
  const x = labelKey(a);
  const y = labelKey(b);
  if (x === y) return 1;
  if (x.length < 2 || y.length < 2) return 0;
  const counts = new Map<string, number>();
  for (let i = 0; i < x.length - 1; i++) {
    const bigram = x.slice(i, i + 2);
    counts.set(bigram, (counts.get(bigram) ?? 0) + 1);
  }
  let shared = 0;
  for (let i = 0; i < y.length - 1; i++) {
    const bigram = y.slice(i, i + 2);
    const n = counts.get(bigram);
    if (n) {
      shared++;
      counts.set(bigram, n - 1);
    }
  }
  return (2 * shared) / (x.length - 1 + (y.length - 1));
}
