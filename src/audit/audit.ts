/**
 * The evidence audit of one agency: for every answer that calls for evidence (src/audit/points.ts), is evidence
 * linked, is its key text marked, and does the marked text — or, failing that, the page text — show what the form
 * expects of that answer (src/audit/expectation.ts)? Pure: the bundle in, one AuditItem per audited answer out.
 */
import type { AgencyBundle, AuditItem, Verdict } from "../bundle/schema.js";
import type { CompiledForm, FieldDef } from "../form/compile.js";
import { labelOf } from "../validate/rules/util.js";
import { expectationFor, type Expectation } from "./expectation.js";
import { judgeFile, Matcher, type FileJudgement } from "./judge.js";
import { reasonText, type Reason } from "./messages.js";
import { auditPoints, type AuditPoint } from "./points.js";

/** Which file speaks for an answer when several are attached: the best verdict, then the best score. */
const RANK: Record<Verdict, number> = { supported: 5, weak: 4, not_marked: 3, not_supported: 2, unreadable: 1, evidence_missing: 0 };

function label(f: FieldDef): string {
  return f.entry ? `${labelOf(f)} (${f.entry.index})` : labelOf(f);
}

function item(point: AuditPoint, expectation: Expectation, verdict: Verdict, score: number, reasons: Reason[]): AuditItem {
  return {
    question: point.question.code,
    field: point.field.id,
    label: label(point.field),
    verdict,
    score,
    expectation: expectation.describe,
    reasons: reasons.map(reasonText),
  };
}

function withEvidence(base: AuditItem, judged: FileJudgement): AuditItem {
  const hit = judged.best;
  if (!hit) return base;
  const snippet = hit.where === "marked" ? hit.hay.text : hit.hay.text.slice(hit.match.start, hit.match.end);
  return {
    ...base,
    evidence: {
      file: judged.file.file,
      page: hit.page,
      snippet,
      in: hit.where,
      ...(hit.region ? { bbox: hit.region.bbox } : {}),
      ...(hit.region?.crop ? { crop: hit.region.crop } : {}),
    },
  };
}

function auditPoint(form: CompiledForm, point: AuditPoint, matcher: Matcher): AuditItem {
  const expectation = expectationFor(form, point.field, point.typed);
  if (point.files.length === 0) {
    return point.url
      ? item(point, expectation, "weak", 0, [{ code: "url_only", data: { url: point.url } }])
      : item(point, expectation, "evidence_missing", 0, [{ code: "evidence_missing", data: { question: point.question.code } }]);
  }
  const judged = point.files.map((f) => judgeFile(point, expectation, f, matcher));
  const best = judged.reduce((a, b) => (RANK[b.verdict] > RANK[a.verdict] || (RANK[b.verdict] === RANK[a.verdict] && b.score > a.score) ? b : a));
  const unreadable = judged.filter((j) => j !== best && j.verdict === "unreadable").map((j) => j.file.file);
  const reasons: Reason[] = [...best.reasons, ...(unreadable.length > 0 ? [{ code: "other_files_unreadable" as const, data: { files: unreadable } }] : [])];
  return withEvidence(item(point, expectation, best.verdict, best.score, reasons), best);
}

export function auditAgency(form: CompiledForm, bundle: AgencyBundle): AuditItem[] {
  const matcher = new Matcher();
  return auditPoints(form, bundle).map((p) => auditPoint(form, p, matcher));
}
