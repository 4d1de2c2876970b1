/**
 * Reading typed values for validation: numbers, dates found in free text, URLs, e-mail addresses and Thai phone
 * numbers. Number and single-date parsing come from src/text/thai.ts (shared with the extractor); what is only needed
 * here (finding every date inside a sentence, month-only dates, phone and URL shapes) lives in this file.
 */
import { normalizeThai, parseThaiDate, parseThaiNumber, thaiDigitsToArabic } from "../text/thai.js";

/** Units people type next to a number in a blank ("5 บริการ", "ร้อยละ 85", "85%"). */
const UNITS = /(บริการ|รายการ|ชุดข้อมูล|ครั้ง(?:ต่อปี)?|คน|ร้อยละ|%|คะแนน)/gu;

/** A number from a blank's value: numbers stay, strings are parsed (Thai digits, thousands separators, units). */
export function readNumber(value: string | number, suffix?: string): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  let text = normalizeThai(thaiDigitsToArabic(value));
  if (suffix) text = text.split(suffix).join(" ");
  text = text.replace(UNITS, " ").replace(/\s+/g, " ").trim();
  return parseThaiNumber(text);
}

/** A calendar date (CE) with day precision, or a whole month when only month and year were written. */
export interface FoundDate {
  /** ISO date; the first day of the month for month precision. */
  iso: string;
  precision: "day" | "month";
  /** The text it was read from. */
  text: string;
}

/** Full names and abbreviations (letters only; dots and spaces are optional between letters when matching). */
const MONTH_WORDS = [
  "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
  "กรกฎาคม", "กรกฏาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
  "มค", "กพ", "มีค", "เมย", "พค", "มิย", "กค", "สค", "กย", "ตค", "พย", "ธค",
];

/** Letters with their combining marks: "มิย" → ["มิ", "ย"], so "มิ.ย." and "มิ ย" match. */
function clusters(word: string): string[] {
  return word.match(/[\u0e01-\u0e30\u0e32\u0e33\u0e40-\u0e46][\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]*/gu) ?? [word];
}

const MONTH_PATTERN = MONTH_WORDS.slice()
  .sort((a, b) => b.length - a.length)
  .map((w) => (w.length <= 4 ? `${clusters(w).join("\\.? ?")}\\.?` : w))
  .join("|");
const ERA = "(?:(?:พ|ค) ?\\.? ?ศ ?\\.? ?)?";
const YEAR = "(?:\\d{4}|\\d{2})(?!\\d)";

const DATE_IN_TEXT = new RegExp(
  [
    `\\d{4}-\\d{1,2}-\\d{1,2}(?!\\d)`,
    `(?<!\\d)\\d{1,2} ?[/.-] ?\\d{1,2} ?[/.-] ?${YEAR}`,
    `(?<![\\d/])(?:\\d{1,2} ?)?(?:${MONTH_PATTERN}) ?${ERA}${YEAR}`,
  ].join("|"),
  "gu",
);

/** One date typed in a blank (a whole month is accepted: "ธันวาคม 2567"). null when it is not a date. */
export function readDate(value: string): FoundDate | null {
  const text = value.trim();
  if (text === "") return null;
  const iso = parseThaiDate(text);
  if (iso) return { iso, precision: "day", text };
  if (/^\d{4}-\d{2}$/.test(text)) return { iso: `${text}-01`, precision: "month", text };
  const month = parseThaiDate(`1 ${text.replace(/^เดือน\s*/u, "")}`);
  return month ? { iso: month, precision: "month", text } : null;
}

/** Every date written in a sentence ("ประชุมครั้งที่ ๑/๒๕๖๗ เมื่อวันที่ ๑๑ มิ.ย. ๖๗"). */
export function findDates(value: string): FoundDate[] {
  const text = normalizeThai(thaiDigitsToArabic(value));
  const found: FoundDate[] = [];
  for (const m of text.matchAll(DATE_IN_TEXT)) {
    const date = readDate(m[0]);
    if (date) found.push({ ...date, text: m[0] });
  }
  return found;
}

/** Whether a date (or any day of a month-precision date) falls within [from, to], ISO dates inclusive. */
export function dateWithin(date: FoundDate, from: string, to: string): boolean {
  if (date.precision === "day") return date.iso >= from && date.iso <= to;
  const monthStart = date.iso;
  const [y, m] = monthStart.split("-").map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const monthEnd = `${monthStart.slice(0, 8)}${String(last).padStart(2, "0")}`;
  return monthEnd >= from && monthStart <= to;
}

/** What a URL blank holds: each URL-looking token, read leniently (a missing "https://" is tolerated). */
export function urlTokens(value: string): string[] {
  return value
    .split(/[\s,;]+|(?<=\S)และ(?=\S)/u)
    .map((t) => t.replace(/^[(<[“"']+|[)>\]”"'.,]+$/gu, ""))
    .filter((t) => /:\/\/|^www\.|\./iu.test(t));
}

export function looksLikeUrl(value: string): boolean {
  return /^(https?:\/\/|www\.)/iu.test(value.trim());
}

/** A URL that can be opened: http(s), a host with a dot and a top-level domain of letters. */
export function parseUrl(token: string): URL | null {
  const text = /^[a-z][a-z0-9+.-]*:\/\//iu.test(token) ? token : `http://${token}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  const labels = url.hostname.split(".");
  if (labels.length < 2 || labels.some((l) => l === "")) return null;
  if (!/^([a-z]{2,}|xn--[a-z0-9-]+)$/iu.test(labels[labels.length - 1]!)) return null;
  return url;
}

/** data.go.th/organization/<name>: the organisation part, or null when the URL is not of that shape. */
export function dataGoThOrganization(url: URL): string | null | undefined {
  if (!/(^|\.)data\.go\.th$/iu.test(url.hostname)) return undefined;
  const m = /^\/organization(?:\/([^/?#]*))?/iu.exec(url.pathname);
  if (!m) return undefined;
  return m[1] ? decodeURIComponent(m[1]) : null;
}

export function isEmail(value: string): boolean {
  return /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[a-z]{2,}$/iu.test(value.trim());
}

export type PhoneKind = "landline" | "mobile";

/**
 * Thai phone numbers as typed: "0-5311-2345", "053 112 345", "๐๘๑-๒๓๔-๕๖๗๘", "+66 81 234 5678", several separated by
 * "," or "หรือ", an extension ("ต่อ 123", "#123", "ext. 12") ignored. Landlines 0[2-7] + 7 digits (9 in all), mobiles
 * 0[689] + 8 digits (10 in all). Returns the kinds of the numbers found, or null when any part is not a number.
 */
export function readPhones(value: string): PhoneKind[] | null {
  const text = thaiDigitsToArabic(normalizeThai(value))
    .replace(/(ต่อ|ext\.?|x|#)\s*\d+/giu, " ")
    .replace(/^(โทร\.?|tel\.?|โทรศัพท์)\s*:?/iu, "");
  const parts = text.split(/\s*(?:,|;|หรือ|\bor\b)\s*/iu).filter((p) => p.trim() !== "");
  if (parts.length === 0) return null;
  const kinds: PhoneKind[] = [];
  for (const part of parts) {
    if (!/^[\d\s().+-]+$/u.test(part.trim())) return null;
    let digits = part.replace(/\D/gu, "");
    if (part.trim().startsWith("+")) {
      if (!digits.startsWith("66")) return null;
      digits = `0${digits.slice(2)}`;
    }
    if (/^0[689]\d{8}$/u.test(digits)) kinds.push("mobile");
    else if (/^0[2-7]\d{7}$/u.test(digits)) kinds.push("landline");
    else return null;
  }
  return kinds;
}
