/** What one agency's evidence for an answer amounts to, from its bundle: the audit when it ran, else the linked files. */
import type { AgencyBundle } from "../bundle/schema.js";
import type { EvidenceState } from "./policy.js";

export interface EvidenceFinding {
  state: EvidenceState;
  /** Files behind the answer: those linked to the question plus the audit's best match. */
  files: string[];
}

/** Best first: when several audited fields make up one answer (an entry), the best verdict speaks for it. */
const PREFERENCE: readonly EvidenceState[] = [
  "supported",
  "weak",
  "marked",
  "not_marked",
  "not_supported",
  "unreadable",
  "evidence_missing",
];

export function linkedFiles(bundle: AgencyBundle, question: string): string[] {
  return bundle.evidence.filter((e) => e.questions.includes(question)).map((e) => e.file).sort();
}

/**
 * The audit's verdict when any of `fields` was audited (an option, a cell, or the fields of one entry); otherwise the
 * files linked to the question: a readable one with marked key text is "marked" (the form asks for the key text to
 * be marked), readable without marks "not_marked", none readable "unreadable", none at all "evidence_missing".
 */
export function evidenceFinding(bundle: AgencyBundle, question: string, fields: readonly string[]): EvidenceFinding {
  const files = linkedFiles(bundle, question);
  const audited = (bundle.audit ?? []).filter((a) => fields.includes(a.field));
  if (audited.length > 0) {
    const best = audited.reduce((a, b) => (PREFERENCE.indexOf(b.verdict) < PREFERENCE.indexOf(a.verdict) ? b : a));
    const withBest = best.evidence && !files.includes(best.evidence.file) ? [...files, best.evidence.file].sort() : files;
    return { state: best.verdict, files: withBest };
  }
  const linked = bundle.evidence.filter((e) => e.questions.includes(question));
  const readable = linked.filter((e) => !e.error);
  const state: EvidenceState =
    linked.length === 0 ? "evidence_missing" : readable.some((e) => e.marked) ? "marked" : readable.length > 0 ? "not_marked" : "unreadable";
  return { state, files };
}
