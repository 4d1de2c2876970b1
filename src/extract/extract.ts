/**
 * Extraction: a filled copy of the form → the answer document.
 *
 * Two paths, mixed per field: our own template's tagged content controls give exact answers; everything else is
 * anchored on the printed question codes and option labels (offices return DGA's copy, re-saved and retyped), by
 * aligning the marks found in each question's part of the document with the question's options in printed order.
 * Whatever cannot be decided becomes a warning with its location, never a silent guess.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { CompiledForm, CompiledQuestion, FieldDef } from "../form/compile.js";
import type { ItemSource } from "../form/schema.js";
import { DEFAULT_FORM_ID, loadForm } from "../form/load.js";
import { readDocx } from "../docx/read.js";
import { DocxError, docxError } from "../docx/errors.js";
import { EvidenceError } from "../evidence/messages.js";
import { sniffType } from "../evidence/sniff.js";
import { findSoffice, sofficeConvert, SofficeError } from "../util/soffice.js";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import type { DocxDocument, Result } from "../docx/model.js";
import { editDistance } from "../text/distance.js";
import { parseThaiDate, parseThaiNumber, thaiDigitsToArabic } from "../text/thai.js";
import type { AnswerDocument, AnswerItem, AnswerKind, Location, Message, Recognition } from "./answers.js";
import { type Line, type LineMark, toLines } from "./lines.js";
import { cleanValue, compactKey, findLiteral, labelTemplate, prefixSimilarity, PRINTED_BLANK, PrintedWords, readTemplate, similarity, type TemplatePart } from "./template.js";

export interface ExtractOptions {
  form?: string;
}

export async function extractFile(file: string, options: ExtractOptions = {}): Promise<AnswerDocument> {
  const name = path.basename(file);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") throw docxError.notFound(file);
    throw docxError.corrupt(name, code ?? String(error));
  }
  const form = loadForm(options.form ?? DEFAULT_FORM_ID);
  let read: Result<DocxDocument>;
  try {
    read = await readWithConversion(bytes, name);
  } catch (error) {
    // Say how far a damaged document could be read: the last question whose printed code came before the break.
    if (error instanceof DocxError && error.partial) {
      const { document, part, detail } = error.partial;
      const seen = new Set(segmentQuestions(form, toLines(document).lines).map((s) => s.question));
      const last = form.questions.filter((q) => seen.has(q)).pop();
      throw docxError.damaged(name, part, detail, document, last?.code);
    }
    throw error;
  }
  const { value: doc, messages } = read;
  const result = extractAnswers(form, doc, {
    file: path.basename(file),
    sha256: createHash("sha256").update(bytes).digest("hex"),
    bytes: bytes.length,
  });
  result.warnings.unshift(
    ...messages.map(
      (m): Message => ({
        severity: m.severity,
        code: m.code,
        message: m.message,
        ...(m.messageTh ? { messageTh: m.messageTh } : {}),
        ...(m.page !== undefined ? { location: { page: m.page, ...(m.box ? { box: m.box } : {}) } } : {}),
      }),
    ),
  );
  return result;
}

/** Legacy .doc and .odt files are converted with LibreOffice when it is installed; otherwise the reader's error stands. */
async function readWithConversion(bytes: Uint8Array, name: string): Promise<Result<DocxDocument>> {
  // A form saved as PDF (its text layer, or OCR of scanned pages) or photographed or scanned to image files: read
  // into the same model (src/pdfform).
  const { type } = sniffType(bytes);
  if (type === "pdf" || type === "png" || type === "jpeg" || type === "tiff") {
    const { readImageForm, readPdfForm } = await import("../pdfform/read.js");
    try {
      return await (type === "pdf" ? readPdfForm(bytes) : readImageForm(bytes, type));
    } catch (error) {
      if (!(error instanceof EvidenceError)) throw error;
      const reason = error.toFileError();
      throw docxError.unreadableCopy(name, { th: reason.messageTh, en: reason.message });
    }
  }
  try {
    return readDocx(bytes, name);
  } catch (error) {
    const convertible = error instanceof DocxError && (error.code === "legacy_doc" || error.code === "odt_not_docx");
    if (!convertible || !findSoffice()) throw error;
    const dir = await mkdtemp(path.join(os.tmpdir(), "samruat-convert-"));
    try {
      // A copy with a plain name: LibreOffice names its output after the input, and the input is never modified.
      const copy = path.join(dir, `input${error.code === "legacy_doc" ? ".doc" : ".odt"}`);
      await writeFile(copy, bytes);
      let converted: string;
      try {
        converted = await sofficeConvert(copy, "docx", dir);
      } catch (failure) {
        // LibreOffice's own words name our temporary copy: the user is told about their file.
        throw docxError.conversionFailed(name, failure instanceof SofficeError ? failure.reason : "LibreOffice failed");
      }
      const result = readDocx(await readFile(converted), name);
      result.messages.unshift({ severity: "info", code: "converted_with_libreoffice", message: `${name} was converted to .docx with LibreOffice` });
      return result;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}

interface Segment {
  question: CompiledQuestion;
  start: number;
  end: number;
  /** How closely the line after the printed code repeats the question's own words (0–1). */
  textSim: number;
  /** A parent's sub-questions' lines [start, end) within its region: none of its own entries is there. */
  children?: [number, number][];
}

export function extractAnswers(form: CompiledForm, doc: DocxDocument, source: AnswerDocument["source"]): AnswerDocument {
  indexColumns(form);
  const { lines, marks, controls } = toLines(doc);
  const warnings: Message[] = [];
  const answers = new Map<string, AnswerItem>();
  const general: Record<string, string> = {};

  // 1. Our template: tagged content controls are exact.
  const tagged = new Set<string>();
  for (const m of marks) {
    const field = m.mark.tag ? form.field(m.mark.tag) : undefined;
    if (!field) continue;
    tagged.add(field.id);
    if (m.mark.checked) answers.set(field.id, choiceItem(field, m));
  }
  for (const c of controls) {
    if (c.tag.startsWith("general:")) {
      if (c.text) general[c.tag.slice("general:".length)] = thaiDigitsToArabic(c.text);
      tagged.add(c.tag);
      continue;
    }
    const field = form.field(c.tag);
    if (!field) continue;
    tagged.add(field.id);
    if (c.text) {
      const item = blankItem(field, c.text, lines[c.line]!.location, "content_control", warnings);
      if (item) answers.set(field.id, item);
    }
  }

  // 2. Everything else: anchored on printed codes and labels.
  const segments = segmentQuestions(form, lines);
  const firstLine = Math.min(lines.length, ...segments.map((seg) => seg.start));
  readGeneral(form, lines, firstLine, general, tagged);
  const consumed = new Set<LineMark>();
  for (const seg of segments) {
    const segMarks = marks.filter(
      (m) => m.line >= seg.start && m.line < seg.end && !consumed.has(m) && !(m.mark.tag && tagged.has(m.mark.tag)),
    );
    const matched = alignChoices(seg.question, segMarks, tagged);
    placeUnreadBetween(seg.question, segMarks, matched, tagged);
    placeMatrixByPosition(seg, lines, segMarks, matched, tagged, warnings);
    for (const m of matched.values()) consumed.add(m);
    for (const [field, m] of matched) {
      if (m.mark.checked) answers.set(field.id, choiceItem(field, m));
    }
    readBlanks(seg, lines, matched, tagged, printedWords(form, seg.question), answers, warnings);
  }

  for (const seg of segments) {
    for (const m of marks) {
      if (m.line < seg.start || m.line >= seg.end || consumed.has(m) || !m.mark.checked || (m.mark.tag && tagged.has(m.mark.tag))) continue;
      consumed.add(m);
      warnings.push({
        severity: "warning",
        code: "mark_not_matched",
        question: seg.question.code,
        message: `a checked mark (${m.mark.raw}) in ${seg.question.code} matches no option: "${m.after.slice(0, 60)}"`,
        messageTh: `พบเครื่องหมายที่เลือกไว้ในข้อ ${seg.question.code} แต่จับคู่กับตัวเลือกใดไม่ได้: "${m.after.slice(0, 60)}"`,
        location: m.location,
      });
    }
  }
  const found = new Set(segments.map((s) => s.question.code));
  const identity = identifyForm(form, segments, lines, new Set([...answers.values()].map((a) => a.question)), tagged);
  if (!identity.accepted) {
    const looked = `G1–G4, P1.1–P7.1.10`;
    warnings.push({
      severity: "error",
      code: "not_this_form",
      message: `not this form: looked for the question codes (${looked}) each followed by its question's words, and the title "${form.file.title.slice(0, 60)}…"; found ${identity.questions} of ${form.questions.length} questions${identity.title ? "" : " and no title"}`,
      messageTh: `ไม่ใช่แบบสำรวจนี้: ค้นหารหัสข้อคำถาม (${looked}) ที่ตามด้วยข้อความของคำถามนั้น และชื่อแบบสำรวจ "${form.file.title.slice(0, 60)}…" พบเพียง ${identity.questions} จาก ${form.questions.length} ข้อ${identity.title ? "" : " และไม่พบชื่อแบบสำรวจ"}`,
    });
  }
  checkOneChoice(form, answers, warnings);

  const ordered = form.fields.map((f) => answers.get(f.id)).filter((a): a is AnswerItem => a !== undefined);
  const method = tagged.size === 0 ? "anchored" : segments.length === 0 || tagged.size >= form.fields.length ? "tagged" : "mixed";
  return {
    form: form.file.id,
    source,
    general,
    ...(general.office_location ? { agency: general.office_location } : {}),
    method,
    questionsFound: form.questions.filter((q) => found.has(q.code)).map((q) => q.code),
    // A document that is not the form has no answers to give, whatever its numbered clauses looked like.
    answers: identity.accepted ? ordered : [],
    warnings,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Is this the form at all?

/** A printed code counts as this form's question when the words after it are this close to the question's own. */
const QUESTION_WORDS = 0.5;
/** …and after a code OCR garbled badly (3 edits). */
const QUESTION_WORDS_READ_WELL = 0.8;
/** …and after a code OCR made nothing of. */
const QUESTION_WORDS_ALONE = 0.9;
/** A short token of no Thai letters before Thai words: where a question's code was printed. */
const CODE_LOST = /^[\s'"`|‘’“”\u00B7\u2022*]*[^\s\u0E00-\u0E4F\u0E5A-\u0E7F]{1,6}\s+(?=[\u0E00-\u0E7F])/u;
/** Questions found that make a document this form by themselves; with its title printed, fewer do. */
const MIN_QUESTIONS = 8;
const MIN_QUESTIONS_WITH_TITLE = 3;

/**
 * Whether a document is a copy of this form: our template's tagged controls say so outright; otherwise the form's
 * questions must be printed with their own words after their codes ("5.1" opening a contract clause is not P5.1):
 * many of them, or a few with the form's title, or a part of the form (the questions one office answers) where most
 * printed codes are real questions and at least half of those have an answer read.
 */
function identifyForm(
  form: CompiledForm,
  segments: readonly Segment[],
  lines: readonly Line[],
  answered: ReadonlySet<string>,
  tagged: Set<string>,
): { accepted: boolean; questions: number; title: boolean } {
  const real = segments.filter((s) => s.textSim >= QUESTION_WORDS);
  const questions = new Set(real.map((s) => s.question.code)).size;
  const titleKey = compactKey(form.file.title).slice(0, 40);
  const title = lines.slice(0, 200).some((l) => compactKey(l.text).includes(titleKey));
  const answeredReal = new Set(real.filter((s) => answered.has(s.question.code)).map((s) => s.question.code)).size;
  const part = questions >= 1 && questions >= 0.6 * segments.length && answeredReal >= 0.5 * questions;
  const accepted = tagged.size > 0 || questions >= MIN_QUESTIONS || (title && questions >= MIN_QUESTIONS_WITH_TITLE) || part;
  return { accepted, questions, title };
}

// ---------------------------------------------------------------------------------------------------------------
// Questions: where each printed code starts.

const CODE_AT_START = /^[\s\u00B7\u2022\-–*]*\[?(?:\[[^\]]*\]\s*)?(P?\d+(?:\.\d+)+|G\d+)\.?(?=[\s\u0E00-\u0E7F(]|$)/u;
/**
 * A printed code as OCR of a scanned copy may have read it: "?4.2", "2?4.2", "Pa.2. 1", "P4,2.1", "22211", "6๒210",
 * "P2.2:3:2", "2." for G2 — a letter or mark for the P or none, letters or Thai digits for digits, a comma or colon
 * for a dot, a space after a dot, the dots lost, "?" for a glyph OCR could not read. It must be followed by its
 * question's words (see garbledCode).
 */
const GARBLED_CODE_AT_START = /^[\s'"`|‘’“”\u00B7\u2022*]*([^\s\u0E00-\u0E7F]?[0-9A-Za-z?\u0E50-\u0E59]{1,2}(?:[.,:;]?\s?[0-9A-Za-z?\u0E50-\u0E59]{1,2}){0,3})\.?(?=[\s\u0E00-\u0E7F(])/u;

/** A code without its dots: OCR drops and adds them, so only the letters and digits are compared (Thai digits too). */
const codeSkeleton = (code: string) => thaiDigitsToArabic(code.replace(/[\s.,:;]/gu, "")).toUpperCase();

/**
 * The questions a garbled printed code may stand for. The fewest edits away, up to 2 and a third of its length, are
 * likely; any up to 3 edits and half its length are possible, when the question's words are read well after it.
 */
function garbledCode(form: CompiledForm, token: string): { q: number; edits: number; likely: boolean }[] {
  const key = codeSkeleton(token);
  if (!/\d/u.test(key)) return [];
  const scored = form.questions.map((q, i) => ({ q: i, edits: editDistance(key, codeSkeleton(q.code), "?") }));
  const fewest = Math.min(...scored.map((s) => s.edits));
  return scored
    .filter((s) => s.edits <= 3 && s.edits <= Math.ceil(key.length / 2))
    .map((s) => ({ ...s, likely: s.edits === fewest && s.edits <= 2 && s.edits <= key.length / 3 }));
}

/**
 * Candidate headers are lines starting with a code of the form; the printed order is known, so the longest run of
 * candidates in form order wins (option numbers like "2.1" inside P6.2.1 are not question P2.1).
 */
function segmentQuestions(form: CompiledForm, lines: readonly Line[]): Segment[] {
  const order = new Map(form.questions.map((q, i) => [q.code, i]));
  const candidates: { line: number; q: number; textSim: number; weight: number }[] = [];
  const openings = form.questions.map((q) => q.source.text.slice(0, 80));
  for (const line of lines) {
    const m = CODE_AT_START.exec(line.text);
    const printed = m?.[1];
    const code = printed && (printed.startsWith("P") || printed.startsWith("G") ? printed : `P${printed}`);
    const q = code ? order.get(code) : undefined;
    // A code the form does not have ("24.63") may be one OCR misread.
    if (!m || q === undefined) {
      const before = candidates.length;
      const garbled = GARBLED_CODE_AT_START.exec(line.text);
      if (garbled) {
        const rest = line.text.slice(garbled[0].length, garbled[0].length + 100);
        const guesses = garbledCode(form, garbled[1]!).map((g) => ({ ...g, opening: prefixSimilarity(openings[g.q]!, rest) }));
        for (const { q: guess, edits, likely, opening } of guesses) {
          // Only the question's own words make a garbled code a question; after a code garbled badly, they must open
          // the line and fit clearly better than any other question's the code could be (questions start alike).
          const textSim = likely ? similarity(openings[guess]!, rest) : opening;
          const clearlyBest = guesses.every((other) => other.q === guess || other.opening < opening - 0.05);
          if (likely ? textSim >= QUESTION_WORDS : textSim >= QUESTION_WORDS_READ_WELL && clearlyBest) {
            candidates.push({ line: line.index, q: guess, textSim, weight: 1 + 3 * textSim - 0.25 * edits });
          }
        }
      }
      // A code OCR made nothing of ("61" for P2.2.3.1): a question's own words, nearly whole, opening the line after
      // it and no other question's — the printed order (heaviestIncreasing) decides the rest.
      const lost = candidates.length === before && CODE_LOST.exec(line.text);
      if (lost) {
        const rest = line.text.slice(lost[0].length, lost[0].length + 100);
        const fits = openings.map((words, k) => ({ q: k, sim: prefixSimilarity(words, rest) })).sort((a, b) => b.sim - a.sim);
        const [best, next] = fits;
        if (best && best.sim >= QUESTION_WORDS_ALONE && (!next || next.sim < best.sim - 0.1)) {
          candidates.push({ line: line.index, q: best.q, textSim: best.sim, weight: 3 * best.sim });
        }
      }
      continue;
    }
    // A real question line carries the question's text; "4.1 Service Provision" in the indicator table does not.
    const textSim = similarity(form.questions[q]!.source.text.slice(0, 80), line.text.slice(m[0].length, m[0].length + 100));
    candidates.push({ line: line.index, q, textSim, weight: 1 + 3 * textSim + (printed === code ? 1 : 0) });
  }
  const chosen = heaviestIncreasing(candidates);
  const segments = chosen.map((c, i): Segment => ({
    question: form.questions[c.q]!,
    start: c.line,
    end: chosen[i + 1]?.line ?? lines.length,
    textSim: c.textSim,
  }));
  // A parent's region covers its sub-questions; the sub-questions are read first and keep their marks. When the
  // parent's own items are printed after them (P7.1's new technologies after 7.1.10), they begin at their printed
  // heading: the last sub-question ends there and the parent reads only from there on.
  for (const seg of segments) {
    const descendants = segments.filter((s) => isDescendant(form, s.question, seg.question.code));
    if (descendants.length === 0) continue;
    const end = Math.max(seg.end, ...descendants.map((d) => d.end));
    const firstChild = Math.min(...descendants.map((d) => d.start));
    const lastChild = Math.max(...descendants.map((d) => d.start));
    const ownItems = trailingItemsLine(seg.question, lines, seg.start, firstChild, lastChild, end);
    if (ownItems !== undefined) {
      for (const d of descendants) d.end = Math.min(d.end, ownItems);
      seg.start = ownItems;
    }
    seg.end = end;
    seg.children = descendants.map((d) => [d.start, d.end]);
  }
  return segments.sort((a, b) => b.start - a.start || a.end - b.end);
}

/**
 * The line where a parent question's own items begin when they follow its sub-questions: its first item's printed
 * words, found after the last sub-question and not before the first. Short words ("มี") could be anyone's.
 */
function trailingItemsLine(q: CompiledQuestion, lines: readonly Line[], start: number, firstChild: number, lastChild: number, end: number): number | undefined {
  const first = q.source.items.find((item) => item.kind !== "note");
  const words = first === undefined ? "" : first.kind === "option" ? labelHead(first.label) : first.label;
  if (compactKey(words).length < 10) return undefined;
  if (findLiteral(lines, words, { line: start, offset: 0 }, firstChild)) return undefined;
  return findLiteral(lines, words, { line: lastChild + 1, offset: 0 }, end)?.line;
}

function isDescendant(form: CompiledForm, q: CompiledQuestion, ancestor: string): boolean {
  for (let parent = q.source.parent; parent; parent = form.question(parent)?.source.parent) {
    if (parent === ancestor) return true;
  }
  return false;
}

/** The chain of candidates in form order with the greatest total weight. */
function heaviestIncreasing<T extends { q: number; weight: number }>(items: T[]): T[] {
  const best: number[] = items.map((c) => c.weight);
  const prev: number[] = items.map(() => -1);
  for (let i = 0; i < items.length; i++) {
    for (let j = 0; j < i; j++) {
      if (items[j]!.q < items[i]!.q && best[j]! + items[i]!.weight > best[i]!) {
        best[i] = best[j]! + items[i]!.weight;
        prev[i] = j;
      }
    }
  }
  let end = best.indexOf(Math.max(0, ...best));
  const out: T[] = [];
  while (end >= 0) {
    out.unshift(items[end]!);
    end = prev[end]!;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Choices: align the question's marks with its options and matrix cells, keeping printed order.

const MIN_SCORE = 0.55;

function alignChoices(q: CompiledQuestion, marks: LineMark[], tagged: Set<string>): Map<FieldDef, LineMark> {
  const fields = q.fields.filter((f) => (f.kind === "option" || f.kind === "cell") && !tagged.has(f.id));
  const M = marks.length;
  const F = fields.length;
  const score: number[][] = marks.map((m) => fields.map((f) => choiceScore(f, m)));
  // dp[i][j]: best total aligning the first i marks with the first j fields.
  const dp: Float64Array[] = Array.from({ length: M + 1 }, () => new Float64Array(F + 1));
  for (let i = 1; i <= M; i++) {
    for (let j = 1; j <= F; j++) {
      const s = score[i - 1]![j - 1]!;
      dp[i]![j] = Math.max(dp[i - 1]![j]!, dp[i]![j - 1]!, s >= MIN_SCORE ? dp[i - 1]![j - 1]! + s : -Infinity);
    }
  }
  // Walking back from the end, a field is left out whenever that costs nothing: of equally good alignments the one
  // with the earliest fields wins (identical choices of repeated entries go to the first entries, as filled).
  const matched = new Map<FieldDef, LineMark>();
  let i = M;
  let j = F;
  while (i > 0 && j > 0) {
    const s = score[i - 1]![j - 1]!;
    if (dp[i]![j] === dp[i]![j - 1]) j--;
    else if (s >= MIN_SCORE && dp[i]![j] === dp[i - 1]![j - 1]! + s) {
      matched.set(fields[j - 1]!, marks[i - 1]!);
      i--;
      j--;
    } else i--;
  }
  return matched;
}

/**
 * Boxes whose words OCR garbled, beside boxes placed by their words: when as many of the question's choices are
 * left between two placed boxes (or a placed box and the question's start or end, or the two) as there are such
 * boxes — or, for boxes on the line of one placed box, the choices printed next to its own — in printed order they
 * are those choices ("☐ ไม่มี ✔ d").
 */
function placeUnreadBetween(q: CompiledQuestion, marks: readonly LineMark[], matched: Map<FieldDef, LineMark>, tagged: Set<string>): void {
  const fields = q.fields.filter((f) => f.kind === "option" && !tagged.has(f.id));
  const fieldOf = new Map([...matched].map(([f, m]) => [m, fields.indexOf(f)] as const).filter(([, k]) => k >= 0));
  const placed = new Set(matched.values());
  // A box in a table row is a matrix cell's, when the question has cells (placed by alignRowCells).
  const cells = q.fields.some((f) => f.kind === "cell");
  // Words that fit no choice well enough to be taken by it: garbled by OCR ("d" for "มี"), or read only in part.
  const unread = (m: LineMark) => !placed.has(m) && (m.rowText === undefined || !cells) && fields.every((f) => choiceScore(f, m) < MIN_SCORE);
  for (let i = 0; i < marks.length; ) {
    if (!unread(marks[i]!)) {
      i++;
      continue;
    }
    let j = i;
    while (j < marks.length && unread(marks[j]!)) j++;
    const run = marks.slice(i, j);
    const left = i > 0 ? marks[i - 1] : undefined;
    const right = j < marks.length ? marks[j] : undefined;
    const before = left && fieldOf.get(left);
    const after = right && fieldOf.get(right);
    let span: number[] | undefined;
    if (before !== undefined && after !== undefined) span = range(before + 1, after);
    else if (before !== undefined && run.every((m) => m.line === left!.line)) span = range(before + 1, before + 1 + run.length);
    else if (after !== undefined && run.every((m) => m.line === right!.line)) span = range(after - run.length, after);
    // The question's first or last choice bounds a run that opens or closes it, as a placed box does — both, for
    // the question's every box ("☐ ut ☑ f": as many boxes as choices, in printed order).
    else if (!left && after !== undefined) span = range(0, after);
    else if (!right && before !== undefined) span = range(before + 1, fields.length);
    else if (!left && !right) span = range(0, fields.length);
    const free = span?.filter((k) => k >= 0 && k < fields.length && !matched.has(fields[k]!));
    if (free && free.length === run.length && free.length === span!.length) free.forEach((k, n) => matched.set(fields[k]!, run[n]!));
    i = j;
  }
}

const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);

/**
 * Matrix cells laid out as lines instead of a table (each cell's boxes on a line of its own under the row's printed
 * label, in the printed column order): the marks between a row's label and the next row's, in printed order, are
 * that row's cells in column order — when their count is the row's cell count and the words beside each fit its
 * column. Otherwise nothing is guessed: the question gets a warning saying where.
 */
function placeMatrixByPosition(seg: Segment, lines: readonly Line[], marks: readonly LineMark[], matched: Map<FieldDef, LineMark>, tagged: Set<string>, warnings: Message[]): void {
  const rows = new Map<string, FieldDef[]>();
  for (const f of seg.question.fields) {
    if (f.kind !== "cell" || tagged.has(f.id)) continue;
    const key = `${f.cell!.matrix}/${f.cell!.row}`;
    rows.set(key, [...(rows.get(key) ?? []), f]);
  }
  const open = [...rows.values()].filter((cells) => cells.every((f) => !matched.has(f)));
  if (open.length === 0) return;
  const taken = new Set(matched.values());
  const free = marks.filter((m) => !taken.has(m) && m.rowText === undefined);
  if (free.length === 0) return;
  const anchors = open
    .map((cells) => ({ cells, line: rowLabelLine(cells[0]!.label, lines, seg) }))
    .filter((a): a is { cells: FieldDef[]; line: number } => a.line !== undefined)
    .sort((a, b) => a.line - b.line);
  anchors.forEach((anchor, k) => {
    const end = anchors[k + 1]?.line ?? seg.end;
    const own = free.filter((m) => m.line >= anchor.line && m.line < end);
    if (own.length === 0) return;
    const placed = alignRowCells(anchor.cells, own);
    if (placed) {
      for (const [cell, m] of placed) matched.set(cell, m);
      return;
    }
    warnings.push({
      severity: "warning",
      code: "matrix_cells_unplaced",
      question: seg.question.code,
      message: `${seg.question.code}: ${own.length} boxes under row "${anchor.cells[0]!.label.slice(0, 40)}" do not fit its ${anchor.cells.length} cells; they were not read`,
      messageTh: `ข้อ ${seg.question.code}: พบช่องทำเครื่องหมาย ${own.length} ช่องใต้แถว "${anchor.cells[0]!.label.slice(0, 40)}" ไม่ตรงกับ ${anchor.cells.length} ช่องของแถวนี้ จึงไม่ได้อ่าน`,
      location: own[0]!.location,
    });
  });
}

/**
 * A row's boxes, in printed order, onto its cells in column order, by the words beside each box: a box whose words
 * are its column's fits, one whose words OCR lost or garbled fits any column, one whose words are another column's
 * does not. Boxes the scan missed leave cells out. The placement is taken only when one arrangement fits best;
 * otherwise (words too few to tell where a missing box was) nothing is guessed.
 */
function alignRowCells(cells: readonly FieldDef[], marks: readonly LineMark[]): Map<FieldDef, LineMark> | undefined {
  const n = cells.length;
  const k = marks.length;
  if (k > n) return undefined;
  const fitsColumn = (cell: FieldDef, m: LineMark) => choiceScore({ ...cell, kind: "option", label: cell.columnLabel ?? "" }, m) >= MIN_SCORE;
  const fit = marks.map((m) => {
    const own = cells.map((cell) => compactKey(m.after) !== "" && fitsColumn(cell, m));
    const readable = own.some(Boolean);
    return own.map((yes) => (yes ? 1 : readable ? -Infinity : 0));
  });
  // best[i][j], ways[i][j]: the best total placing the first i boxes among the first j cells, and how many
  // arrangements reach it (counted up to 2: only "one" matters).
  const best = Array.from({ length: k + 1 }, (_, i) => Array.from({ length: n + 1 }, (): number => (i === 0 ? 0 : -Infinity)));
  const ways = Array.from({ length: k + 1 }, (_, i) => Array.from({ length: n + 1 }, (): number => (i === 0 ? 1 : 0)));
  for (let i = 1; i <= k; i++) {
    for (let j = i; j <= n; j++) {
      const skip = best[i]![j - 1]!;
      const take = best[i - 1]![j - 1]! + fit[i - 1]![j - 1]!;
      const top = Math.max(skip, take);
      best[i]![j] = top;
      if (top === -Infinity) continue;
      ways[i]![j] = Math.min(2, (skip === top ? ways[i]![j - 1]! : 0) + (take === top ? ways[i - 1]![j - 1]! : 0));
    }
  }
  if (best[k]![n] === -Infinity || ways[k]![n] !== 1) return undefined;
  const placed = new Map<FieldDef, LineMark>();
  for (let i = k, j = n; i > 0; j--) {
    if (best[i - 1]![j - 1]! + fit[i - 1]![j - 1]! === best[i]![j] && ways[i - 1]![j - 1]! > 0) {
      placed.set(cells[j - 1]!, marks[i - 1]!);
      i--;
    }
  }
  return placed;
}

/** The line where a matrix row's printed label starts (with or without its number), within the question. */
function rowLabelLine(label: string, lines: readonly Line[], seg: Segment): number | undefined {
  for (let i = seg.start; i < seg.end; i++) {
    const line = lines[i]!;
    if (line.marks.length > 0 && line.marks[0]!.offset === 0) continue;
    if (prefixSimilarity(labelHead(label).slice(0, 60), stripNumbering(line.text)) >= 0.8) return i;
  }
  return undefined;
}

/** The choice's printed words follow its mark (rather than only heading its column). */
function printedBeside(words: string, m: LineMark): boolean {
  return !m.columnHeader || besideScore(words, m) >= MIN_SCORE;
}

/** How well the words after a mark start with `words`, read on into the next paragraphs when they stop short. */
function besideScore(words: string, m: LineMark): number {
  const own = prefixSimilarity(words, stripNumbering(m.after));
  if (m.afterWrapped === undefined || compactKey(m.after).length >= compactKey(words).length) return own;
  return Math.max(own, prefixSimilarity(words, stripNumbering(m.afterWrapped)));
}

function choiceScore(field: FieldDef, m: LineMark): number {
  if (field.kind === "option") {
    const head = labelHead(field.label);
    const byText = besideScore(head, m);
    const byHeader = m.columnHeader ? prefixSimilarity(head, m.columnHeader) : 0;
    return Math.max(byText, byHeader);
  }
  // A matrix cell: the row must match; the column by the words beside the box, the header, or position.
  const rowSim = m.rowText ? Math.max(prefixSimilarity(field.label, stripNumbering(m.rowText)), similarity(field.label, stripNumbering(m.rowText))) : 0;
  if (rowSim < 0.5) return 0;
  const col = field.columnLabel ?? "";
  const cell = field.cell!;
  let colSim = 0;
  if (compactKey(m.after)) colSim = Math.max(colSim, prefixSimilarity(labelHead(col), m.after), similarity(col, m.after));
  if (m.columnHeader) colSim = Math.max(colSim, similarity(col, m.columnHeader));
  if (m.ordinalInRow !== undefined && m.marksInRow === columnCount(field) && m.ordinalInRow === columnIndex(field)) {
    colSim = Math.max(colSim, 0.8);
  }
  return cell ? 0.5 * rowSim + 0.5 * colSim : 0;
}

/** Column position of a cell within its row, from the compiled order (cells of a row are consecutive). */
const columnInfo = new WeakMap<FieldDef, { index: number; count: number }>();
function columnIndex(field: FieldDef): number {
  return columnInfo.get(field)?.index ?? -1;
}
function columnCount(field: FieldDef): number {
  return columnInfo.get(field)?.count ?? -1;
}
const indexedForms = new WeakSet<CompiledForm>();
function indexColumns(form: CompiledForm): void {
  if (indexedForms.has(form)) return;
  indexedForms.add(form);
  const byRow = new Map<string, FieldDef[]>();
  for (const f of form.fields) {
    if (f.kind !== "cell") continue;
    const key = f.id.slice(0, f.id.lastIndexOf("@"));
    byRow.set(key, [...(byRow.get(key) ?? []), f]);
  }
  for (const cells of byRow.values()) cells.forEach((f, index) => columnInfo.set(f, { index, count: cells.length }));
}

/** The printed words before the first blank: what identifies an option. */
function labelHead(label: string): string {
  return label.split(PRINTED_BLANK)[0]!;
}

/**
 * A choice's label with its blanks' places: as printed ("โปรดระบุเหตุผล____"), or, when the form printed no line,
 * right after each blank's own words inside the label ("… โปรดระบุมาตรฐานที่อ้างอิง (แนบเอกสารหลักฐาน…)").
 */
function withBlankPlaces(label: string, blanks: readonly FieldDef[]): string {
  if (PRINTED_BLANK.test(label)) return label;
  let placed = label;
  for (const b of blanks) {
    const at = b.label ? placed.indexOf(b.label) : -1;
    if (at >= 0) placed = `${placed.slice(0, at + b.label.length)}____${placed.slice(at + b.label.length)}`;
  }
  return placed;
}

/** Option numbering the form prints before labels ("1.", "A.1.1", "2.10", "(3.1)", "·"). */
function stripNumbering(text: string): string {
  return text.replace(/^[\s·•\-–]*(?:\(?[A-Da-d0-9๐-๙]{1,2}(?:\.[0-9๐-๙]{1,2}){0,3}\)?\.?\s+)?/u, "");
}

function choiceItem(field: FieldDef, m: LineMark): AnswerItem {
  const kind: AnswerKind = field.kind === "cell" ? "matrix" : "choice";
  return {
    field: field.id,
    question: field.question,
    kind,
    label: cleanLabel(field.label),
    ...(field.kind === "cell" ? { column: cleanLabel(field.columnLabel ?? "") } : {}),
    value: true,
    location: m.location,
    recognizedBy: recognition(m),
  };
}

function recognition(m: LineMark): Recognition {
  if (m.mark.raw.includes("+")) return "typed_mark";
  return m.mark.source;
}

function cleanLabel(label: string): string {
  return label.replace(/\s*_{2,}\s*/g, " ").replace(/\s+/g, " ").trim();
}

// ---------------------------------------------------------------------------------------------------------------
// Blanks.

function readBlanks(
  seg: Segment,
  lines: readonly Line[],
  matched: Map<FieldDef, LineMark>,
  tagged: Set<string>,
  printed: PrintedWords,
  answers: Map<string, AnswerItem>,
  warnings: Message[],
): void {
  const q = seg.question;
  const blanks = q.fields.filter((f) => f.kind === "blank" && !tagged.has(f.id));
  if (blanks.length === 0) return;
  const byParent = new Map<string | undefined, FieldDef[]>();
  for (const b of blanks) {
    if (b.entry) continue;
    const key = b.parent;
    byParent.set(key, [...(byParent.get(key) ?? []), b]);
  }
  // Blanks under a choice: read from that choice's mark onward, template = its label then the blanks' own labels.
  // A matrix cell's blanks are read whether or not the cell is checked: a frequency typed in the cell beside an
  // unticked box is still what the office wrote (validation says the two disagree), and an empty blank reads as
  // nothing.
  const markOf = new Map<string, LineMark>([...matched].map(([f, m]) => [f.id, m]));
  for (const [parent, list] of byParent) {
    if (parent === undefined) continue;
    const m = markOf.get(parent);
    const parentField = q.fields.find((f) => f.id === parent);
    if (!m || !parentField || (!m.mark.checked && (m.rowKey === undefined || parentField.kind !== "cell"))) continue;
    const from = { line: m.line, offset: m.offset + 1 };
    const limit = Math.min(seg.end, nextMarkLine(lines, m) + 1);
    const values = new Map<string, { text: string; line: number }>();
    for (const parts of choiceBlankTemplates(parentField, list, m)) {
      const read = readTemplate(lines, parts, from, limit).values;
      for (const [id, v] of read) if (!values.has(id)) values.set(id, v);
    }
    const missing = list.filter((b) => !values.has(b.id));
    if (missing.length === 1 && m.rowKey) {
      // A table whose header names the blank ("โปรดระบุรายละเอียดเพิ่มเติม"): that column of the row holds the value.
      const other = rowCellsText(lines, m, missing[0]!.label);
      if (other) values.set(missing[0]!.id, other);
    }
    store(list, values, lines, printed, answers, warnings);
  }
  // Blanks of the question or a group, and matrix row blanks: by their own printed words, in order.
  const free = byParent.get(undefined) ?? [];
  if (free.length > 0) {
    const parts = free.flatMap((b) => blankParts(b));
    const { values } = readTemplate(lines, parts, { line: seg.start, offset: 0 }, seg.end);
    store(free, values, lines, printed, answers, warnings);
  }
  readEntries(seg, lines, blanks.filter((b) => b.entry), matched, printed, answers, warnings);
}

/**
 * Where a checked choice's blanks are, in the order to try: our template's layout (the label, then each blank's
 * own words), then room the DGA copy leaves inside the label ("…โปรดระบุมาตรฐานที่อ้างอิง ____ (แนบเอกสาร…)").
 * A matrix cell's blanks follow its mark with their own words only.
 */
function choiceBlankTemplates(choice: FieldDef, blanks: readonly FieldDef[], m: LineMark): TemplatePart[][] {
  const labels = choice.kind === "cell" ? [""] : new Set([choice.label, withBlankPlaces(choice.label, blanks)]);
  return [...labels].map((label) => {
    const { parts, used } = labelTemplate(label, blanks.map((b) => b.id));
    // A choice named only by its column header ("E-mail" above "☑ โปรดระบุ ____"): its words are not beside the
    // mark, and looking for them further on finds them inside a value ("ร้องเรียนผ่าน e-mail: …").
    const first = parts[0];
    if (first && "literal" in first && !printedBeside(first.literal, m)) parts.shift();
    for (const b of blanks.slice(used)) parts.push(...blankParts(b));
    return parts;
  });
}

/** Text of the cells of a mark's table row, other than its own, whose column header is the blank's label. */
function rowCellsText(lines: readonly Line[], m: LineMark, label: string): { text: string; line: number } | undefined {
  const own = lines[m.line]!.cell;
  const others = lines.filter(
    (l) => l.rowKey === m.rowKey && l.cell !== own && l.marks.length === 0 && l.columnHeader !== undefined && similarity(label, l.columnHeader) >= MIN_SCORE,
  );
  const text = cleanValue(others.map((l) => l.text).join(" "));
  return text ? { text, line: others[0]!.index } : undefined;
}

function blankParts(b: FieldDef): TemplatePart[] {
  const parts: TemplatePart[] = [];
  if (compactKey(b.label)) parts.push(...labelTemplate(b.label, []).parts);
  parts.push({ slot: b.id });
  if (b.suffix && compactKey(b.suffix)) parts.push({ literal: b.suffix });
  return parts;
}

/**
 * What is printed where a question's blanks are read: the question, the questions printed inside it (its region
 * covers theirs) and the next question (whose heading ends the region, or lies in it when it was not recognised).
 */
const printedCache = new WeakMap<CompiledQuestion, PrintedWords>();
function printedWords(form: CompiledForm, q: CompiledQuestion): PrintedWords {
  let words = printedCache.get(q);
  if (!words) {
    const at = form.questions.indexOf(q);
    let next = at + 1;
    while (next < form.questions.length && isDescendant(form, form.questions[next]!, q.code)) next++;
    const questions = form.questions.slice(at, next + 1).map((x) => x.source);
    words = new PrintedWords(questions.flatMap((x) => [x.text, ...(x.notes ?? []), ...(x.examples ?? []), ...itemTexts(x.items)]));
    printedCache.set(q, words);
  }
  return words;
}

function itemTexts(items: readonly ItemSource[]): string[] {
  return items.flatMap((item): string[] => {
    switch (item.kind) {
      case "option":
        return [item.label, ...itemTexts(item.children ?? [])];
      case "group":
        return [item.label, ...itemTexts(item.children)];
      case "entries":
        return [item.label, ...itemTexts(item.fields)];
      case "blank":
        return [item.label, item.suffix ?? ""];
      case "note":
        return [item.text];
      case "matrix":
        return [
          item.label,
          ...(item.columnGroups ?? []).map((g) => g.label),
          ...item.rows.flatMap((r) => [r.label, ...itemTexts(r.blanks ?? [])]),
          ...item.columns.flatMap((c) => [c.label, ...itemTexts(c.blank ? [c.blank] : [])]),
        ];
    }
  });
}

/** The line of the next mark after `m` (a choice's blanks end where the next choice begins). */
function nextMarkLine(lines: readonly Line[], m: LineMark): number {
  const same = lines[m.line]!.marks.find((x) => x.offset > m.offset);
  if (same) return m.line;
  for (let li = m.line + 1; li < lines.length; li++) if (lines[li]!.marks.length > 0) return li;
  return lines.length;
}

function store(
  fields: FieldDef[],
  values: Map<string, { text: string; line: number }>,
  lines: readonly Line[],
  printed: PrintedWords,
  answers: Map<string, AnswerItem>,
  warnings: Message[],
): void {
  for (const f of fields) {
    const v = values.get(f.id);
    // An empty blank's reading can run on into the next printed line: that is the form's text, not a value.
    if (!v || printed.begins(v.text)) continue;
    const line = lines[v.line]!;
    const how: Recognition = line.underlined.some((u) => v.text.includes(u) || u.includes(v.text)) ? "underline" : "text";
    const item = blankItem(f, v.text, line.location, how, warnings);
    if (item) answers.set(f.id, item);
  }
}

/**
 * Repeated entries (G3's projects, P4.2.1's services, P2.2.2's list, P7.1's processes): a table row per entry
 * (cells in field order), numbered lines "1. <label> ____ <label> ____", or the same label printed once per entry.
 */
function readEntries(
  seg: Segment,
  lines: readonly Line[],
  fields: FieldDef[],
  matched: Map<FieldDef, LineMark>,
  printed: PrintedWords,
  answers: Map<string, AnswerItem>,
  warnings: Message[],
): void {
  if (fields.length === 0) return;
  const groups = new Map<string, FieldDef[]>();
  for (const f of fields) groups.set(f.entry!.group, [...(groups.get(f.entry!.group) ?? []), f]);
  const markOf = new Map<string, LineMark>([...matched].map(([f, m]) => [f.id, m]));
  for (const [group, list] of groups) {
    const parent = list[0]!.parent;
    const parentMark = parent ? markOf.get(parent) : undefined;
    if (parent && !parentMark?.mark.checked) continue;
    const from = parentMark ? parentMark.line : seg.start;
    const max = Math.max(...list.map((f) => f.entry!.index));
    const rows: number[] = [];
    for (let n = 1, cursor = from; n <= max; n++) {
      const row = findEntryRow(lines, n, cursor, seg);
      if (row === undefined) break;
      rows.push(row);
      cursor = row + 1;
    }
    if (rows.length === 0) {
      // The same printed label once per entry, which is all that tells the entries apart: read them all in order,
      // from the entries' heading on, so that the first label is the one right after it even when a value is glued
      // to it ("…โครงการกล้อง CCTV…").
      const heading = entriesHeading(seg.question, group);
      const lead = heading && compactKey(heading) !== compactKey(list[0]!.label) ? [{ literal: heading }] : [];
      const parts = [...lead, ...entryParts(seg.question, list, undefined)];
      const start = { line: from, offset: parentMark ? parentMark.offset + 1 : 0 };
      const { values } = readTemplate(lines, parts, start, seg.end, { onlyAfterWords: true });
      store(list, values, lines, printed, answers, warnings);
      continue;
    }
    rows.forEach((row, i) => {
      const entryFields = list.filter((f) => f.entry!.index === i + 1);
      const values = lines[row]!.rowKey
        ? readRowCells(lines, row, entryFields)
        : readTemplate(lines, entryParts(seg.question, list, i + 1), { line: row, offset: numberEnd(lines[row]!.text) }, rows[i + 1] ?? Math.min(seg.end, row + 12)).values;
      store(entryFields, values, lines, printed, answers, warnings);
    });
  }
}

/**
 * The printed words and blanks of a group's entries (one entry, or all) in order. An entry's choices are printed
 * words too: they anchor the blanks after them ("☒ นำมาปรับใช้แล้ว…" then "กระบวนการทำงาน/โครงการ____").
 */
function entryParts(q: CompiledQuestion, blanks: readonly FieldDef[], index: number | undefined): TemplatePart[] {
  const group = blanks[0]!.entry!.group;
  const toRead = new Set(blanks.map((b) => b.id));
  return q.fields
    .filter((f) => f.entry?.group === group && (index === undefined || f.entry.index === index))
    .flatMap((f): TemplatePart[] => (f.kind === "option" ? [{ literal: labelHead(f.label) }] : toRead.has(f.id) ? blankParts(f) : []));
}

/** The printed heading of a repeated-entries item, from its group id ("P7.1.4:yes.processes"). */
function entriesHeading(q: CompiledQuestion, group: string): string | undefined {
  let items: readonly ItemSource[] = q.source.items;
  let item: ItemSource | undefined;
  for (const id of group.slice(q.code.length + 1).split(".")) {
    item = items.find((it) => it.id === id);
    if (!item) return undefined;
    items = item.kind === "option" ? (item.children ?? []) : item.kind === "group" ? item.children : item.kind === "entries" ? item.fields : [];
  }
  return item?.kind === "entries" ? item.label : undefined;
}

/** The line opening entry `n` in the question's own lines (a sub-question's numbered rows are its own). */
function findEntryRow(lines: readonly Line[], n: number, from: number, seg: Segment): number | undefined {
  const re = new RegExp(`^\\s*(?:${n}|${"๐๑๒๓๔๕๖๗๘๙"[n] ?? n})\\s*[.)]`, "u");
  const inChild = (li: number) => seg.children?.some(([a, b]) => li >= a && li < b) ?? false;
  for (let li = from; li < seg.end; li++) if (re.test(lines[li]!.text) && !inChild(li)) return li;
  return undefined;
}

function numberEnd(text: string): number {
  const m = /^\s*[0-9๐-๙]+\s*[.)]/u.exec(text);
  return m ? m[0].length : 0;
}

/** An entry laid out as a table row: the cells are the blank fields in order, after the entry number. */
function readRowCells(lines: readonly Line[], row: number, fields: FieldDef[]): Map<string, { text: string; line: number }> {
  const values = new Map<string, { text: string; line: number }>();
  const key = lines[row]!.rowKey;
  const cells = new Map<number, Line[]>();
  for (let li = row; li < lines.length && lines[li]!.rowKey === key; li++) {
    const l = lines[li]!;
    cells.set(l.cell ?? 0, [...(cells.get(l.cell ?? 0) ?? []), l]);
  }
  const texts = [...cells.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, ls], i) => ({
      line: ls[0]!.index,
      text: cleanValue(ls.map((l) => l.text).join(" ").slice(i === 0 ? numberEnd(ls[0]!.text) : 0)),
      marked: ls.some((l) => l.marks.length > 0),
    }));
  const blanks = fields.filter((f) => f.kind === "blank");
  // An empty first cell is the entry number's own ("1." under "ที่"), unless the table's heading over it names the
  // first blank: then the number was printed in that blank's cell ("1. ____"), and the blank is empty.
  const headsFirstBlank = () => blanks[0] !== undefined && similarity(blanks[0].label, columnHeading(lines, row)) >= MIN_SCORE;
  if (texts[0] && !texts[0].text && !headsFirstBlank()) texts.shift();
  // A cell with boxes holds the entry's choices ("☐ กำลังศึกษา ☒ นำมาปรับใช้แล้ว"), not one of its blanks.
  const blankCells = texts.filter((t) => !t.marked);
  blanks.forEach((f, i) => {
    const cell = blankCells[i];
    if (cell?.text) values.set(f.id, { text: cell.text, line: cell.line });
  });
  return values;
}

/** The text over a table row's first cell in its table's first row: the column's heading, when the table has one. */
function columnHeading(lines: readonly Line[], row: number): string {
  const { rowKey, cell } = lines[row]!;
  const table = rowKey!.slice(0, rowKey!.indexOf("."));
  const heading: string[] = [];
  for (let li = row - 1; li >= 0 && lines[li]!.rowKey?.startsWith(`${table}.`); li--) {
    if (lines[li]!.rowKey === `${table}.0` && lines[li]!.cell === cell) heading.unshift(lines[li]!.text);
  }
  return heading.join(" ");
}

// ---------------------------------------------------------------------------------------------------------------
// Values.

function blankItem(field: FieldDef, text: string, location: Location, how: Recognition, warnings: Message[]): AnswerItem | undefined {
  const raw = text.trim();
  if (!raw) return undefined;
  const base = { field: field.id, question: field.question, label: cleanLabel(field.label), location, recognizedBy: how };
  const withRaw = (value: string | number, kind: AnswerKind): AnswerItem =>
    ({ ...base, kind, value, ...(String(value) !== raw ? { raw } : {}) }) as AnswerItem;
  switch (field.blankType) {
    case "integer":
    case "number":
    case "percent": {
      const n = parseThaiNumber(raw.replace(/(บริการ|รายการ|ชุดข้อมูล|ครั้ง(ต่อปี)?|คน|%|ร้อยละ)/gu, ""));
      // Words around the number (a printed label OCR misread, "7ีจำนวนทั้งสิ้น 39"): the number next to the unit is
      // the answer, kept with what was read and a warning.
      const last = n === null ? [...raw.matchAll(/[0-9๐-๙][0-9๐-๙,]*(?:\.[0-9๐-๙]+)?/gu)].pop() : undefined;
      if (last) {
        const value = parseThaiNumber(last[0])!;
        warnings.push({
          severity: "warning",
          code: "number_among_words",
          question: field.question,
          field: field.id,
          location,
          message: `"${raw}" in ${field.id} is more than a number: read as ${value}`,
          messageTh: `"${raw}" ในช่อง ${field.id} มีข้อความอื่นปนกับตัวเลข: อ่านเป็น ${value} — โปรดตรวจ`,
        });
        return withRaw(value, "number");
      }
      if (n === null) {
        warnings.push({
          severity: "warning",
          code: "number_unreadable",
          question: field.question,
          field: field.id,
          location,
          message: `"${raw}" in ${field.id} is not a number`,
          messageTh: `"${raw}" ในช่อง ${field.id} ไม่ใช่ตัวเลข`,
        });
        return withRaw(raw, "text");
      }
      return withRaw(n, "number");
    }
    case "date": {
      const iso = parseThaiDate(raw);
      return iso ? withRaw(iso, "date") : withRaw(raw, "text");
    }
    case "url": {
      const url = /(https?:\/\/\S+|www\.\S+|[a-z0-9-]+(?:\.[a-z0-9-]+)+\/\S*)/iu.exec(raw)?.[0];
      return url ? withRaw(url.replace(/[)\],.]+$/, ""), "url") : withRaw(raw, "text");
    }
    case "phone":
      return withRaw(thaiDigitsToArabic(raw), "text");
    default:
      return withRaw(raw, "text");
  }
}

// ---------------------------------------------------------------------------------------------------------------
// General information block: the words before the first question.

function readGeneral(form: CompiledForm, lines: readonly Line[], end: number, general: Record<string, string>, tagged: Set<string>): void {
  const fields = form.file.general.fields.filter((f) => !tagged.has(`general:${f.id}`));
  if (fields.length === 0) return;
  const parts: TemplatePart[] = fields.flatMap((f) => [...(f.heading ? [{ literal: f.heading }] : []), { literal: f.label }, { slot: f.id }]);
  const start = lines.findIndex((l) => compactKey(l.text).includes(compactKey(form.file.general.title)));
  const { values } = readTemplate(lines, parts, { line: Math.max(0, start), offset: 0 }, end);
  for (const [id, v] of values) general[id] = thaiDigitsToArabic(v.text);
}

// ---------------------------------------------------------------------------------------------------------------

function checkOneChoice(form: CompiledForm, answers: Map<string, AnswerItem>, warnings: Message[]): void {
  const sets = new Map<string, FieldDef[]>();
  for (const a of answers.values()) {
    const f = form.field(a.field)!;
    if ((f.kind === "option" || f.kind === "cell") && f.select === "single" && f.set) {
      sets.set(f.set, [...(sets.get(f.set) ?? []), f]);
    }
  }
  for (const [set, fields] of sets) {
    if (fields.length < 2) continue;
    warnings.push({
      severity: "warning",
      code: "several_marks_one_choice",
      question: fields[0]!.question,
      field: set,
      message: `${fields.length} marks where one answer is allowed: ${fields.map((f) => f.id).join(", ")}`,
      messageTh: `เลือกไว้ ${fields.length} ตัวเลือกในข้อที่ตอบได้คำตอบเดียว: ${fields.map((f) => f.id).join(", ")}`,
    });
  }
}
