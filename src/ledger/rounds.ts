/**
 * Rounds: the secretariat runs the batch again as corrected files arrive. `rounds.json` in the output folder keeps
 * each round: what the inbox held, each agency's status, answers and open issues, and what changed since the round
 * before (files that arrived, answers that changed, issues fixed and new). A rerun on the same inbox replaces its
 * round instead of adding one, so runs stay repeatable. Pure: the caller reads and writes the file.
 */
import { z } from "zod";
import type { AgencyBundle, BatchManifest } from "../bundle/schema.js";
import { AgencyStatus, type LedgerIssue } from "./schema.js";

export const ROUNDS_SCHEMA = "samruat.rounds/1";

const RoundFile = z.object({ path: z.string(), sha256: z.string(), modified: z.string().optional() });
const RoundIssue = z.object({ key: z.string(), question: z.string(), code: z.string(), severity: z.string(), message: z.string(), messageEn: z.string() });
export type RoundIssue = z.infer<typeof RoundIssue>;
const AnswerChange = z.object({ field: z.string(), before: z.string().nullable(), after: z.string().nullable() });

const RoundAgency = z.object({
  id: z.string(),
  status: AgencyStatus,
  received: z.string().optional(),
  files: z.array(RoundFile),
  /** field id → value as text ("✓" for a ticked box). */
  answers: z.record(z.string(), z.string()),
  issues: z.array(RoundIssue),
});
export type RoundAgency = z.infer<typeof RoundAgency>;

export const AgencyChange = z.object({
  id: z.string(),
  name: z.string(),
  statusBefore: AgencyStatus.nullable(),
  statusAfter: AgencyStatus,
  arrived: z.array(RoundFile),
  answers: z.array(AnswerChange),
  fixed: z.array(RoundIssue),
  added: z.array(RoundIssue),
});
export type AgencyChange = z.infer<typeof AgencyChange>;

const Round = z.object({
  number: z.number().int().min(1),
  /** The newest file date of the round's inbox (YYYY-MM-DD): when it was complete. */
  received: z.string().optional(),
  inbox: z.array(RoundFile),
  agencies: z.array(RoundAgency),
  /** Against the round before (empty in the first): only agencies with something new. */
  changes: z.array(AgencyChange),
});
export type Round = z.infer<typeof Round>;

export const RoundsFile = z.object({ schema: z.literal(ROUNDS_SCHEMA), rounds: z.array(Round) });
export type RoundsFile = z.infer<typeof RoundsFile>;

/** The rounds file as read from disk, or undefined when it is missing or not one (a fresh history starts). */
export function parseRounds(text: string | undefined): RoundsFile | undefined {
  if (text === undefined) return undefined;
  try {
    const parsed = RoundsFile.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function nextRounds(previous: RoundsFile | undefined, manifest: BatchManifest, bundles: readonly AgencyBundle[]): RoundsFile {
  const current = snapshot(manifest, bundles);
  const history = previous?.rounds ?? [];
  const last = history.at(-1);
  // The same inbox again (a rerun, new decisions): the round is redone, not repeated.
  const same = last !== undefined && fingerprint(last.inbox) === fingerprint(current.inbox);
  const kept = same ? history.slice(0, -1) : history;
  const before = kept.at(-1);
  const names = new Map(manifest.agencies.map((a) => [a.id, a.name]));
  const round: Round = {
    number: (before?.number ?? 0) + 1,
    ...(current.received ? { received: current.received } : {}),
    inbox: current.inbox,
    agencies: current.agencies,
    changes: before ? diffRounds(before, current.agencies, names) : [],
  };
  return { schema: ROUNDS_SCHEMA, rounds: [...kept, round] };
}

function snapshot(manifest: BatchManifest, bundles: readonly AgencyBundle[]): Pick<Round, "inbox" | "agencies" | "received"> {
  const inbox = manifest.files.filter((f) => f.sha256).map((f) => roundFile(f));
  const byId = new Map(bundles.map((b) => [b.agency.id, b]));
  const agencies = manifest.agencies.map((a): RoundAgency => {
    const bundle = byId.get(a.id);
    return {
      id: a.id,
      status: a.status,
      ...(a.received ? { received: a.received } : {}),
      files: manifest.files.filter((f) => f.agency === a.id && f.sha256).map(roundFile),
      answers: Object.fromEntries((bundle?.answers.answers ?? []).map((x) => [x.field, x.value === true ? "✓" : String(x.value)])),
      issues: manifest.issues.filter((i) => i.agency === a.id).map(roundIssue),
    };
  });
  const received = inbox.map((f) => f.modified).filter((d): d is string => !!d).sort().at(-1);
  return { inbox, agencies, ...(received ? { received } : {}) };
}

function roundFile(f: { path: string; sha256?: string | undefined; modified?: string | undefined }): z.infer<typeof RoundFile> {
  return { path: f.path, sha256: f.sha256 ?? "", ...(f.modified ? { modified: f.modified } : {}) };
}

/** What identifies an issue across rounds: the same problem on the same question, field and file. */
function roundIssue(i: LedgerIssue): RoundIssue {
  return { key: [i.code, i.question, i.field, i.file].join("|"), question: i.question, code: i.code, severity: i.severity, message: i.message, messageEn: i.messageEn };
}

function fingerprint(files: readonly { path: string; sha256: string }[]): string {
  return files.map((f) => `${f.path}\n${f.sha256}`).sort().join("\n");
}

function diffRounds(before: Round, agencies: readonly RoundAgency[], names: ReadonlyMap<string, string>): AgencyChange[] {
  const prior = new Map(before.agencies.map((a) => [a.id, a]));
  const changes: AgencyChange[] = [];
  for (const now of agencies) {
    const was = prior.get(now.id);
    const seen = new Set((was?.files ?? []).map((f) => `${f.path}\n${f.sha256}`));
    const arrived = now.files.filter((f) => !seen.has(`${f.path}\n${f.sha256}`));
    const fields = [...new Set([...Object.keys(was?.answers ?? {}), ...Object.keys(now.answers)])];
    const answers = fields
      .filter((field) => (was?.answers[field] ?? null) !== (now.answers[field] ?? null))
      .map((field) => ({ field, before: was?.answers[field] ?? null, after: now.answers[field] ?? null }));
    const open = new Set(now.issues.map((i) => i.key));
    const had = new Set((was?.issues ?? []).map((i) => i.key));
    const fixed = (was?.issues ?? []).filter((i) => !open.has(i.key));
    const added = now.issues.filter((i) => !had.has(i.key));
    const statusBefore = was?.status ?? null;
    if (!arrived.length && !answers.length && !fixed.length && !added.length && statusBefore === now.status) continue;
    changes.push({ id: now.id, name: names.get(now.id) ?? now.id, statusBefore, statusAfter: now.status, arrived, answers, fixed, added });
  }
  return changes;
}
