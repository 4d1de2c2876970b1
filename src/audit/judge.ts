/**
 * One evidence file against one answer's expectation. Small rules look at the file and push reasons; the verdict
 * follows from the reasons' weight:
 *   unreadable  the file could not be read, or has no text at all;
 *   fail        a topic is not found anywhere, or the document is dated outside the window → not supported;
 *   unmarked    nothing is marked where the question asks for key text to be marked → not marked;
 *   lapse       a shortcoming: a detail or the kind of document not found, the marks on something else, no readable
 *               (or an unclear OCR'd) date → one makes the evidence weak, two make it not supported;
 *   info        what was found (shown with every verdict).
 * Phrases are looked for in the marked regions first, then in the page text.
 */
import type { BundleEvidence, BundleRegion, Verdict } from "../bundle/schema.js";
import { couldBeWithin, datesIn, within } from "./dates.js";
import type { Expectation, Requirement } from "./expectation.js";
import type { Reason } from "./messages.js";
import type { AuditPoint } from "./points.js";
import { findTerm, keyed, snippetAround, type KeyedText, type TermMatch } from "./text.js";

export type Severity = "info" | "lapse" | "fail" | "unmarked" | "unreadable";

export interface JudgedReason extends Reason {
  severity: Severity;
}

export interface Hit {
  match: TermMatch;
  hay: KeyedText;
  page: number;
  where: "marked" | "page";
  region?: BundleRegion;
}

/** Keyed texts and term lookups, shared by every answer of one audit run (matrix rows search the same files). */
export class Matcher {
  private readonly texts = new Map<string, KeyedText>();
  private readonly found = new Map<string, TermMatch | null>();

  keyed(text: string, ocr: boolean): KeyedText {
    const id = `${ocr ? "ocr" : "text"}\u0000${text}`;
    let k = this.texts.get(id);
    if (!k) this.texts.set(id, (k = keyed(text, ocr)));
    return k;
  }

  find(term: string, hay: KeyedText): TermMatch | null {
    const id = `${term}\u0000${hay.ocr}\u0000${hay.text}`;
    if (!this.found.has(id)) this.found.set(id, findTerm(this.keyed(term, hay.ocr), hay));
    return this.found.get(id)!;
  }
}

interface Place {
  page: number;
  where: "marked" | "page";
  hay: KeyedText;
  region?: BundleRegion;
}

interface RequirementResult {
  requirement: Requirement;
  /** Best hit per term found, marked places first. */
  hits: Hit[];
  foundMarked: number;
  foundAnywhere: number;
}

export interface FileJudgement {
  file: BundleEvidence;
  verdict: Verdict;
  score: number;
  reasons: JudgedReason[];
  best?: Hit;
}

interface Judging {
  point: AuditPoint;
  expectation: Expectation;
  file: BundleEvidence;
  matcher: Matcher;
  places: Place[];
  results: RequirementResult[];
  /** 0–1 credit and weight of each check, for the score. */
  credits: { credit: number; weight: number }[];
  reasons: JudgedReason[];
  push(severity: Severity, code: Reason["code"], data: Reason["data"]): void;
}

/** Listing phrases in a reason: the first few alternatives are enough to say what was looked for. */
const SHOWN_TERMS = 4;
/** A topic or detail found only outside the marks counts this much toward the score where marks are required. */
const UNMARKED_CREDIT = 0.75;

function placesOf(file: BundleEvidence, matcher: Matcher): Place[] {
  return file.pages.flatMap((p) => {
    const ocr = p.source === "ocr";
    return [
      // A mark whose own text could not be read is judged by the words on its lines: the mark is there, and the
      // crop beside the verdict lets a person confirm it.
      ...p.regions.map((region): Place => ({ page: p.number, where: "marked", hay: matcher.keyed(region.text || region.unreadable?.nearby || "", ocr), region })),
      { page: p.number, where: "page" as const, hay: matcher.keyed(p.text, ocr) },
    ];
  });
}

function readable(file: BundleEvidence): boolean {
  return !file.error && file.pages.some((p) => p.text.trim() !== "" || p.regions.length > 0);
}

function lookFor(requirement: Requirement, places: Place[], matcher: Matcher): RequirementResult {
  const hits: Hit[] = [];
  for (const term of requirement.terms) {
    let best: Hit | undefined;
    for (const place of places) {
      const match = matcher.find(term, place.hay);
      if (!match) continue;
      const better = !best || (best.where === "page" && place.where === "marked") || (best.where === place.where && match.similarity > best.match.similarity);
      if (better) best = { match, hay: place.hay, page: place.page, where: place.where, ...(place.region ? { region: place.region } : {}) };
    }
    if (best) hits.push(best);
  }
  hits.sort((a, b) => Number(b.where === "marked") - Number(a.where === "marked") || b.match.similarity - a.match.similarity);
  return { requirement, hits, foundMarked: hits.filter((h) => h.where === "marked").length, foundAnywhere: hits.length };
}

function shownTerms(r: Requirement): string[] {
  return r.terms.slice(0, SHOWN_TERMS);
}

// ───────────────────────────── rules ─────────────────────────────

/** Topics and details: not found anywhere → fail (topic) or lapse (detail). */
function requirementsFound(j: Judging): void {
  for (const r of j.results) {
    const { requirement: req } = r;
    const share = Math.min(1, r.foundAnywhere / req.need);
    const markedShare = Math.min(1, r.foundMarked / req.need);
    const credit = j.point.markRequired ? Math.max(markedShare, share * UNMARKED_CREDIT) : share;
    j.credits.push({ credit, weight: req.role === "topic" ? 2 : 1 });
    if (r.foundAnywhere >= req.need) continue;
    j.push(req.role === "topic" ? "fail" : "lapse", req.role === "topic" ? "topic_missing" : "detail_missing", { phrases: shownTerms(req) });
  }
}

/**
 * Marked text: nothing marked holds the verdict at not_marked where the question asks for key text to be marked (else
 * the page text is judged); marks that show none of the answer's own phrases while the page does are a lapse.
 */
function marking(j: Judging): void {
  if (!j.file.marked) {
    if (j.point.markRequired) j.push("unmarked", "not_marked", { file: j.file.file });
    else j.push("info", "not_marked_optional", { file: j.file.file });
    return;
  }
  const relevant = j.results.some((r) => !r.requirement.general && r.foundMarked > 0);
  j.credits.push({ credit: relevant ? 1 : 0.5, weight: 1 });
  if (relevant) return;
  const onPage = j.results.flatMap((r) => r.hits).find((h) => h.where === "page");
  const marked = j.places.find((p) => p.where === "marked")?.hay.text ?? "";
  if (onPage) j.push("lapse", "marked_elsewhere", { marked, found: onPage.hay.text.slice(onPage.match.start, onPage.match.end), page: onPage.page });
}

/** The kind of document ("คำสั่ง", "รายงานการประชุม") named anywhere in it. */
function documentKind(j: Judging): void {
  const words = j.expectation.document;
  if (!words) return;
  const named = words.some((w) => j.places.some((p) => j.matcher.find(w, p.hay)));
  j.credits.push({ credit: named ? 1 : 0, weight: 1 });
  if (!named) j.push("lapse", "document_kind_missing", { document: words.slice(0, SHOWN_TERMS) });
}

/**
 * The document's date: a date in the marked text when one is in the window, else the first date of its pages (the
 * heading of minutes, the date of an order), else any marked date. Outside the window → fail, unless it was OCR'd and
 * a misread digit would put it inside (unclear → lapse); none readable → lapse.
 */
function datePeriod(j: Judging): void {
  const period = j.expectation.period;
  if (!period) return;
  const dated = (p: Place) => datesIn(p.hay.text).map((d) => ({ ...d, ocr: p.hay.ocr }));
  const marked = j.places.filter((p) => p.where === "marked").flatMap(dated);
  const first = j.places.filter((p) => p.where === "page").map((p) => dated(p)[0]).find((d) => d !== undefined);
  const date = marked.find((d) => within(d.iso, period)) ?? first ?? marked[0];
  const data = { period: period.label, ...(date ? { date: date.text } : {}) };
  if (!date) {
    j.credits.push({ credit: 0.5, weight: 1 });
    j.push("lapse", "date_not_found", data);
  } else if (within(date.iso, period)) {
    j.credits.push({ credit: 1, weight: 1 });
    j.push("info", "date_within", data);
  } else if (date.ocr && couldBeWithin(date.text, period)) {
    j.credits.push({ credit: 0.5, weight: 1 });
    j.push("lapse", "date_unclear", data);
  } else {
    j.credits.push({ credit: 0, weight: 1 });
    j.push("fail", "date_outside", data);
  }
}

const RULES: ((j: Judging) => void)[] = [requirementsFound, marking, documentKind, datePeriod];

function verdictOf(reasons: JudgedReason[]): Verdict {
  const count = (s: Severity) => reasons.filter((r) => r.severity === s).length;
  if (count("unreadable") > 0) return "unreadable";
  if (count("fail") > 0) return "not_supported";
  if (count("unmarked") > 0) return "not_marked";
  const lapses = count("lapse");
  return lapses >= 2 ? "not_supported" : lapses === 1 ? "weak" : "supported";
}

/**
 * The hit to show (with its crop in the report): a marked one of the answer's own phrases, topic first; else where
 * the topic is on the page; else anything found.
 */
function bestHit(results: RequirementResult[]): Hit | undefined {
  const own = results.filter((r) => !r.requirement.general).sort((a, b) => Number(b.requirement.role === "topic") - Number(a.requirement.role === "topic"));
  const hits = (rs: RequirementResult[]) => rs.flatMap((r) => r.hits);
  return (
    hits(own).find((h) => h.where === "marked") ??
    hits(own.filter((r) => r.requirement.role === "topic"))[0] ??
    hits(results).find((h) => h.where === "marked") ??
    hits(results)[0]
  );
}

export function judgeFile(point: AuditPoint, expectation: Expectation, file: BundleEvidence, matcher: Matcher): FileJudgement {
  const reasons: JudgedReason[] = [];
  const push = (severity: Severity, code: Reason["code"], data: Reason["data"]) => reasons.push({ severity, code, data });
  if (!readable(file)) {
    push("unreadable", "unreadable", { file: file.file, ...(file.error ? { error: file.error.messageTh } : {}) });
    return { file, verdict: "unreadable", score: 0, reasons };
  }
  const places = placesOf(file, matcher);
  const results = expectation.requirements.map((r) => lookFor(r, places, matcher));
  const j: Judging = { point, expectation, file, matcher, places, results, credits: [], reasons, push };
  for (const rule of RULES) rule(j);
  const best = bestHit(results);
  if (best) {
    const found = best.where === "marked" ? best.hay.text : snippetAround(best.hay, best.match);
    reasons.unshift({ severity: "info", code: "matched", data: { found, where: best.where, page: best.page, file: file.file } });
  }
  const weight = j.credits.reduce((s, c) => s + c.weight, 0);
  const score = weight === 0 ? 0 : j.credits.reduce((s, c) => s + c.credit * c.weight, 0) / weight;
  return { file, verdict: verdictOf(reasons), score: Math.round(score * 100) / 100, reasons, ...(best ? { best } : {}) };
}
