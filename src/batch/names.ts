/**
 * What file and folder names say, as the inbox really arrives: question codes ("P1.1_แผน.pdf", "G2 รายงาน.jpg",
 * "ข้อ ๑.๑", "P1_1"), dates and revision markers of resubmissions, and agency names (from a folder, a file name or
 * the form's general-information block) with the stable id the outputs are named by.
 */
import type { CompiledForm } from "../form/compile.js";
import { normalizeThai, parseThaiDate, thaiDigitsToArabic } from "../text/thai.js";
import { inferRespondent } from "../validate/respondent.js";

/** NFC, Thai spelling variants folded, Thai digits as Arabic: every name is compared in this form. */
export function normalizeName(name: string): string {
  return thaiDigitsToArabic(normalizeThai(name));
}

export function stem(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  return dot > 0 ? fileName.slice(0, dot) : fileName;
}

export function extension(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : "";
}

// ---------------------------------------------------------------------------------------------------------------
// Question codes

/**
 * "P1.1", "p2_3", "P 1.1", "G2", "ข้อ 1.1", "ข้อที่ P4.2"; a bare "1.1" only at the very start of a name. Digit groups
 * are separated by "." or "_" (P1_1); the longest prefix that is a code of the form wins, so "P1.1.2567" is P1.1.
 */
const CODE_IN_NAME = /(?<![A-Za-z0-9])([PpGg])[\s-]?(\d+(?:[._]\d+)*)|ข้อ(?:ที่)?\s*(\d+(?:[._]\d+)+)|^\s*(\d+(?:[._]\d+)+)(?!\d)/gu;

/** Question codes of the form named in `text` (a file name or one folder name), in form order, unique. */
export function questionCodesIn(text: string, form: CompiledForm): string[] {
  return sortByForm(codesIn(text, form).known, form);
}

/**
 * Codes written like the form's ("P4.7", "G5") that are not questions of it: evidence named for a question the form
 * does not have, which validation reports (evidence_unknown_question).
 */
export function unknownCodesIn(text: string, form: CompiledForm): string[] {
  return [...new Set(codesIn(text, form).unknown)].sort();
}

function codesIn(text: string, form: CompiledForm): { known: string[]; unknown: string[] } {
  const known: string[] = [];
  const unknown: string[] = [];
  for (const m of normalizeName(text).matchAll(CODE_IN_NAME)) {
    const letter = m[1] ? m[1].toUpperCase() : "P";
    const parts = (m[2] ?? m[3] ?? m[4]!).split(/[._]/);
    const longest = parts.map((_, n) => `${letter}${parts.slice(0, parts.length - n).join(".")}`).find((code) => form.question(code));
    if (longest) known.push(longest);
    else if (m[1] && parts.every((p) => p.length <= 2) && (letter === "P" ? parts.length >= 2 : parts.length === 1 && parts[0]!.length === 1)) unknown.push(`${letter}${parts.join(".")}`);
  }
  return { known, unknown };
}

export function sortByForm(codes: Iterable<string>, form: CompiledForm): string[] {
  const order = new Map(form.questions.map((q, i) => [q.code, i]));
  return [...new Set(codes)].sort((a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity) || (a < b ? -1 : a > b ? 1 : 0));
}

// ---------------------------------------------------------------------------------------------------------------
// Resubmissions: dates and revision markers

const MONTH_WORD = "(?:[ก-ฮ][ก-๎]*\\.?\\s?){1,3}";
const DATE_PATTERNS: { re: RegExp; toText(m: RegExpMatchArray): string }[] = [
  { re: /(?<!\d)(\d{4})[-_.](\d{1,2})[-_.](\d{1,2})(?!\d)/g, toText: (m) => `${yearCe(m[1]!)}-${m[2]}-${m[3]}` },
  { re: /(?<!\d)(\d{1,2})[-_.](\d{1,2})[-_.](\d{4}|\d{2})(?!\d)/g, toText: (m) => `${m[1]}/${m[2]}/${m[3]}` },
  { re: /(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)/g, toText: (m) => `${yearCe(m[1]!)}-${m[2]}-${m[3]}` },
  { re: new RegExp(`(?<!\\d)(\\d{1,2})\\s?(${MONTH_WORD})\\s?(\\d{4}|\\d{2})(?!\\d)`, "gu"), toText: (m) => `${m[1]} ${m[2]!.trim()} ${m[3]}` },
];

/** parseThaiDate reads "yyyy-mm-dd" as CE only; names often carry a BE year ("2567-06-20"). */
function yearCe(year: string): string {
  const y = Number(year);
  return String(y >= 2400 ? y - 543 : y);
}

/** The latest date written in a name ("แบบสำรวจ_2567-06-20", "20240620", "20 มิ.ย. 67"), ISO; undefined when none. */
export function dateInName(name: string): string | undefined {
  const text = normalizeName(name);
  let latest: string | undefined;
  for (const { re, toText } of DATE_PATTERNS) {
    for (const m of text.matchAll(re)) {
      const iso = parseThaiDate(toText(m));
      if (iso && iso >= "2000-01-01" && (!latest || iso > latest)) latest = iso;
    }
  }
  return latest;
}

/** "v2", "rev 3", "แก้ไขครั้งที่ 2" → that number; "แก้ไข", "ส่งใหม่", "final" → 1; a browser's copy "(2)" → 2; else 0. */
export function revisionInName(name: string): number {
  // "_" and "-" separate words in file names ("form_v2", "แบบสำรวจ-final").
  const text = normalizeName(stem(name)).toLowerCase().replace(/[_-]+/gu, " ");
  const numbered = /(?:\bv|\brev\.?\s?|ครั้งที่\s?|ฉบับที่\s?)(\d{1,2})(?!\d)|\((\d{1,2})\)\s*$/u.exec(text);
  if (numbered) return Number(numbered[1] ?? numbered[2]);
  return /แก้ไข|ส่งใหม่|ปรับปรุง|ล่าสุด|\bfinal\b|\brevised\b|\bnew\b/u.test(text) ? 1 : 0;
}

/**
 * What a file is regardless of which copy: its name without revision markers, dates, a browser's "(2)" or the
 * extension ("P7.1.8 ภาพหน้าจอ (2).pdf" and "P7.1.8 ภาพหน้าจอ.png" are one document sent twice).
 */
export function documentKey(name: string): string {
  let text = normalizeName(stem(name)).toLowerCase();
  for (const { re } of DATE_PATTERNS) text = text.replace(re, " ");
  return text
    .replace(/[_-]+/gu, " ")
    .replace(/(?:\bv|\brev\.?\s?|ครั้งที่\s?|ฉบับที่\s?)\d{1,2}(?!\d)|\(\d{1,2}\)\s*$/gu, " ")
    .replace(/แก้ไข|ส่งใหม่|ปรับปรุง|ล่าสุด|\bfinal\b|\brevised\b|\bnew\b/gu, " ")
    .replace(/\s+/gu, " ")
    .trim();
}

// ---------------------------------------------------------------------------------------------------------------
// Agency names

/** Words that say what a file is, not whose: dropped from folder and file names before they are read as an agency. */
const NOT_AGENCY_WORDS =
  /(?:ตอบ|ส่ง)?แบบสำรวจ|แบบฟอร์ม|ระดับความพร้อม|รัฐบาลดิจิทัล|หลักฐาน(?:ประกอบ)?|เอกสารแนบ|ไฟล์แนบ|(?:ฉบับ)?แก้ไข(?:ครั้งที่)?|ส่งใหม่|ฉบับปรับปรุง|ล่าสุด|ประจำปี(?:งบประมาณ)?|(?<![ก-ฮ])พ ศ(?![ก-ฮ])|\b(?:pcio|dga|form|survey|evidence|attachments?|inbox|final|revised|copy|new|docx?|scan|v\d+|rev\d*)\b/giu;

/**
 * What is left of a folder name or a file name's stem once codes, dates, numbering and generic words are gone;
 * undefined when nothing is ("แบบสำรวจ_PCIO_2567-06-20" → undefined, "03_สนง.พาณิชย์ (แก้ไข)" → "สนง พาณิชย์").
 */
export function agencyNameFromLabel(label: string): string | undefined {
  let text = normalizeName(label);
  for (const { re } of DATE_PATTERNS) text = text.replace(re, " ");
  text = text
    .replace(CODE_IN_NAME, " ")
    .replace(/[_\-–.]+/gu, " ")
    .replace(NOT_AGENCY_WORDS, " ")
    .replace(/\(\d+\)|\b\d+\b|[_\-–.,()[\]{}+#@!]/gu, " ")
    .replace(/\s+/gu, " ")
    .trim();
  return (text.match(/[\p{L}]/gu) ?? []).length >= 2 ? text : undefined;
}

/** Where an address starts after an office name in "ที่ตั้งหน่วยงาน" ("… ศาลากลางจังหวัด… ถนน… ตำบล…"). */
const ADDRESS = /(?:^|\s)(?:ศาลากลาง|ศูนย์ราชการ|อาคาร|ชั้น|ถนน|ถ\.|ตำบล|ต\.|อำเภอ|อ\.|เลขที่|หมู่|\d)/u;

/**
 * The agency's name from the general-information block: "ที่ตั้งหน่วยงาน" holds the office name followed by its
 * address ("สำนักงานพาณิชย์จังหวัดเชียงใหม่ ศาลากลางจังหวัด… 50300"), so it is cut after "จังหวัด<province>", else
 * where the address starts. Undefined when what is left names no office (an address only: "ศาลากลางจังหวัด…").
 */
export function agencyNameFromGeneral(general: Record<string, string>, agency?: string): string | undefined {
  const text = normalizeThai(agency ?? general.office_location ?? "");
  const address = ADDRESS.exec(text);
  if (!text || address?.index === 0) return undefined;
  const province = normalizeThai(general.province ?? "").replace(/^จังหวัด\s*/u, "");
  const at = province ? text.replace(/\s+/gu, "").indexOf(`จังหวัด${province}`) : -1;
  const name = at >= 0 ? cutAtCompact(text, at + `จังหวัด${province}`.length) : (address ? text.slice(0, address.index) : text).slice(0, 80).trim();
  return inferRespondent({ agency: name, general: {} }) ? name : undefined;
}

/** The prefix of `text` holding the first `n` non-space characters (the name may have spaces the search ignored). */
function cutAtCompact(text: string, n: number): string {
  let seen = 0;
  for (let i = 0; i < text.length; i++) {
    if (!/\s/u.test(text[i]!)) seen++;
    if (seen === n) return text.slice(0, i + 1);
  }
  return text;
}

/** Characters that are unsafe in file names on Windows, macOS or Linux, and invisible/control characters. */
const UNSAFE = /[/\\:*?"<>|\u0000-\u001f\u007f]/gu;

/**
 * The stable, file-system-safe id of an agency (`answers/<id>.json`): its name NFC, unsafe characters removed,
 * spaces inside Thai text dropped (Thai has no word spaces; people add them at random) and other spaces as "-".
 */
export function agencyId(name: string): string {
  const id = normalizeThai(name)
    .replace(UNSAFE, "")
    .replace(/(?<=[\u0e00-\u0e7f])\s+(?=[\u0e00-\u0e7f])/gu, "")
    .replace(/\s+/gu, "-")
    .replace(/^[.-]+|[.-]+$/gu, "");
  // ≤ 80 characters: a Thai letter is 3 bytes in UTF-8 and file names stop at 255 bytes.
  return [...id].slice(0, 80).join("") || "agency";
}

/** Letters, marks and digits only, lower case: names compared regardless of spacing and punctuation. */
function compact(name: string): string {
  return normalizeName(name).toLowerCase().replace(/[^\p{L}\p{M}\p{N}]/gu, "");
}

/**
 * The distinctive part of an agency name for matching folder and file names against full names: no spaces, no
 * "จังหวัด<province>" and no leading "สำนักงาน" ("สำนักงานพาณิชย์จังหวัดเชียงใหม่" → "พาณิชย์"); the provincial
 * office itself keeps "สำนักงานจังหวัด".
 */
export function agencyCore(name: string, province: string): string {
  let core = compact(name);
  if (province) core = core.replace(`จังหวัด${province}`, "").replace(province, "");
  core = core.replace(/จังหวัด$/u, "");
  const short = core.replace(/^สำนักงาน|^สนง/u, "");
  return short === "" || short === "จังหวัด" ? "สำนักงานจังหวัด" : short;
}

/**
 * The candidate a folder or file name refers to ("พาณิชย์", "สนง.พาณิชย์", "สำนักงานจังหวัด_P1.1_แผน"): the one
 * whose core equals the label's; else the most specific core written inside the label; else the only core that
 * contains the label's. Undefined when that is not one candidate.
 */
export function agencyNamedBy<T>(label: string, candidates: readonly { core: string; value: T }[], province: string): T | undefined {
  const core = agencyCore(label, province);
  const exact = candidates.filter((c) => c.core === core);
  if (exact.length === 1) return exact[0]!.value;
  const text = compact(label);
  const inside = candidates.filter((c) => c.core.length >= 3 && text.includes(c.core)).sort((a, b) => b.core.length - a.core.length);
  if (inside.length > 0) return inside.length === 1 || inside[0]!.core.length > inside[1]!.core.length ? inside[0]!.value : undefined;
  const around = candidates.filter((c) => core.length >= 3 && c.core.includes(core));
  return around.length === 1 ? around[0]!.value : undefined;
}
