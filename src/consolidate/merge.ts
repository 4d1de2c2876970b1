/**
 * Province consolidation: one answer per question from the agencies' bundles, by the merge policy, every answer
 * keeping the agencies and evidence files it came from. Pure: bundles and policy in, data out.
 *
 * The form's structure drives the merge. Choices are merged per choice set (options chosen among, a matrix row);
 * what hangs under a choice (nested options, its blanks, entries) is merged only from the agencies whose answer made
 * the province choose it, so the province's "มี" comes with the details of those who said "มี".
 */
import type { AgencyBundle } from "../bundle/schema.js";
import { EXIT, SamruatError } from "../errors.js";
import type { AnswerKind } from "../extract/answers.js";
import type { CompiledForm, CompiledQuestion, FieldDef } from "../form/compile.js";
import { formatThaiDate } from "../render/answers-fill.js";
import { appendixFile } from "../render/evidence-appendix.js";
import { parseThaiNumber } from "../text/thai.js";
import { evidenceFinding, linkedFiles, type EvidenceFinding } from "./evidence.js";
import { describe } from "./labels.js";
import { say, type Wording } from "./messages.js";
import {
  advancement,
  type BlankRule,
  blankRule,
  checkPolicy,
  isNumberBlank,
  loadPolicy,
  type MergePolicy,
  type RespondentRole,
  sourcesFor,
} from "./policy.js";
import {
  type AgencySummary,
  type Conflict,
  type ConflictCode,
  type ConsolidatedAnswer,
  type ConsolidationWarning,
  type EvidenceEntry,
  type OverflowEntry,
  PROVINCE_SCHEMA,
  type ProvinceConsolidation,
  type QuestionSummary,
  type SourceRef,
} from "./schema.js";

type Value = true | string | number;

interface Agency {
  id: string;
  name: string;
  role: RespondentRole;
  bundle: AgencyBundle;
  checked: Set<string>;
  values: Map<string, string | number>;
  /** Questions this agency's own answers skip ("ไม่มี (ข้ามไปข้อ G4)"): its answers there are not taken. */
  skips: Set<string>;
}

/** One agency's usable answer to a field, with the evidence finding when the field needs evidence. */
interface Vote {
  agency: Agency;
  field: string;
  value: Value;
  finding?: EvidenceFinding;
}

interface MergeState {
  form: CompiledForm;
  policy: MergePolicy;
  answers: ConsolidatedAnswer[];
  conflicts: Conflict[];
  overflow: OverflowEntry[];
  /** Province-chosen option or cell → the votes that made it; what hangs under it is merged from these agencies. */
  supporters: Map<string, Vote[]>;
}

const ROLE_ORDER: Record<RespondentRole, number> = { provincial_office: 0, statistics_office: 1, agency: 2 };
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function consolidate(form: CompiledForm, bundles: AgencyBundle[], policy: MergePolicy = loadPolicy()): ProvinceConsolidation {
  const problems = checkPolicy(form, policy);
  if (problems.length > 0) {
    const list = problems.slice(0, 5).join("; ");
    throw new SamruatError("invalid_policy", `หลักเกณฑ์การรวมคำตอบไม่ตรงกับแบบสำรวจ: ${list}`, `the merge policy does not fit the form: ${list}`, EXIT.unreadable);
  }
  const duplicate = bundles.map((b) => b.agency.id).find((id, i, ids) => ids.indexOf(id) !== i);
  if (duplicate !== undefined) {
    throw new SamruatError("duplicate_agency", `หน่วยงาน ${duplicate} มีมากกว่าหนึ่งฉบับ`, `agency ${duplicate} appears more than once`, EXIT.usage);
  }
  const agencies = bundles.map((b) => toAgency(form, policy, b)).sort(byRoleThenId);
  const st: MergeState = { form, policy, answers: [], conflicts: [], overflow: [], supporters: new Map() };
  const questions: QuestionSummary[] = [];
  /** Questions the province's own answers skip → the answer that skips them. */
  const provinceSkips = new Map<string, string>();

  for (const q of form.questions) {
    const roles = sourcesFor(policy, q.answeredBy);
    let eligible = agencies.filter((a) => roles.includes(a.role) && !a.skips.has(q.code));
    const summary: QuestionSummary = { code: q.code, answeredBy: q.answeredBy, status: "unanswered", agencies: [], evidence: [] };
    questions.push(summary);
    if (q.source.heading) {
      summary.status = "heading";
      continue;
    }
    const skippedBy = provinceSkips.get(q.code);
    const condition = q.source.askedWhen;
    if (skippedBy !== undefined || (condition !== undefined && !st.supporters.has(condition))) {
      summary.status = skippedBy !== undefined ? "skipped" : "condition_unmet";
      summary.by = skippedBy ?? condition!;
      const answered = eligible.filter((a) => answeredQuestion(a, q));
      if (answered.length > 0) {
        const by = describe(form, form.field(summary.by)!);
        pushConflict(st, "answered_but_skipped", q.code, undefined, answered, false, say.answeredButSkipped(by, summary.status));
      }
      continue;
    }
    if (condition !== undefined) {
      const asked = new Set(st.supporters.get(condition)!.map((v) => v.agency));
      eligible = eligible.filter((a) => asked.has(a));
    }
    mergeQuestion(st, q, eligible);
    for (const answer of st.answers) {
      if (answer.question !== q.code || answer.value !== true) continue;
      for (const code of skippedRange(form, form.field(answer.field)!)) if (!provinceSkips.has(code)) provinceSkips.set(code, answer.field);
    }
  }

  const order = new Map(form.fields.map((f, i) => [f.id, i]));
  const agencyOrder = new Map(agencies.map((a, i) => [a.id, i]));
  const answers = st.answers.sort((a, b) => order.get(a.field)! - order.get(b.field)!);
  for (const summary of questions) summarizeAnswers(summary, answers, agencyOrder);

  const provincial = agencies.filter((a) => a.role === "provincial_office");
  const general = provincial[0]?.bundle.answers.general ?? {};
  return {
    schema: PROVINCE_SCHEMA,
    form: form.file.id,
    province: general.province ?? mostCommon(agencies.map((a) => a.bundle.answers.general.province)) ?? "",
    policy,
    agencies: agencies.map(agencySummary),
    general: sortedRecord(general),
    questions,
    answers,
    conflicts: groupConflicts(st.conflicts, form, agencyOrder),
    overflow: st.overflow,
    evidence: evidenceIndex(form, agencies, answers),
    warnings: warnings(form, agencies, provincial),
  };
}

function toAgency(form: CompiledForm, policy: MergePolicy, bundle: AgencyBundle): Agency {
  const checked = new Set<string>();
  const values = new Map<string, string | number>();
  for (const a of bundle.answers.answers) {
    if (a.value === true) checked.add(a.field);
    else values.set(a.field, a.value);
  }
  const role = bundle.agency.respondent;
  const skips = new Set<string>();
  for (const id of checked) {
    const field = form.field(id);
    const asked = field && sourcesFor(policy, form.question(field.question)!.answeredBy).includes(role);
    if (asked) for (const code of skippedRange(form, field)) skips.add(code);
  }
  return { id: bundle.agency.id, name: bundle.agency.name, role, bundle, checked, values, skips };
}

function byRoleThenId(a: Agency, b: Agency): number {
  return ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || compareText(a.id, b.id);
}

/** Code-point order: the same on every machine, unlike locale collation. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The questions strictly between a checked option's question and its skip target ("ข้ามไปข้อ G4"). */
function skippedRange(form: CompiledForm, field: FieldDef): string[] {
  if (!field.skipTo || !form.question(field.skipTo)) return [];
  const codes = form.questions.map((q) => q.code);
  return codes.slice(codes.indexOf(field.question) + 1, codes.indexOf(field.skipTo));
}

function answeredQuestion(agency: Agency, q: CompiledQuestion): boolean {
  return q.fields.some((f) => agency.checked.has(f.id) || agency.values.has(f.id));
}

function mergeQuestion(st: MergeState, q: CompiledQuestion, eligible: Agency[]): void {
  const merged = new Set<string>();
  const active = (f: FieldDef): Agency[] => (f.parent ? (st.supporters.get(f.parent) ?? []).map((v) => v.agency) : eligible);
  for (const f of q.fields) {
    if (f.entry) {
      if (merged.has(f.entry.group)) continue;
      merged.add(f.entry.group);
      mergeEntries(st, q, f.entry.group, q.fields.filter((e) => e.entry?.group === f.entry!.group), active(f));
    } else if (f.kind === "blank") {
      mergeBlank(st, q, f, active(f));
    } else if (!merged.has(f.set!)) {
      merged.add(f.set!);
      const members = q.fields.filter((m) => !m.entry && m.kind !== "blank" && m.set === f.set);
      if (f.select === "multiple") mergeMultiple(st, q, members, active(f));
      else mergeSingle(st, q, members, active(f));
    }
  }
}

/** One answer from a set (○, a status-matrix row): each agency's best usable choice, then the policy's pick. */
function mergeSingle(st: MergeState, q: CompiledQuestion, members: FieldDef[], active: Agency[]): void {
  const rule = st.policy.questions[q.code]?.single ?? st.policy.single;
  const voters = rule === "provincial_office" ? active.filter(isProvincial) : active;
  const rank = (f: FieldDef) => advancement(st.policy, f, members.indexOf(f));
  const votes = new Map<FieldDef, Vote[]>();
  for (const agency of voters) {
    const marked = members.filter((m) => agency.checked.has(m.id));
    const usable = marked.flatMap((m) => {
      const vote = usableVote(st, q, agency, m, [m.id]);
      return vote ? [{ field: m, vote }] : [];
    });
    const best = usable.reduce<(typeof usable)[number] | undefined>((a, b) => (!a || compareRank(rank(b.field), rank(a.field)) > 0 ? b : a), undefined);
    if (marked.length > 1) {
      const wording = say.severalOptions(marked.map((m) => describe(st.form, m)), best && describe(st.form, best.field));
      const set = members[0]!.set!;
      pushConflict(st, "several_options", q.code, set.endsWith(":") ? undefined : set, [agency], best !== undefined, wording);
    }
    if (best) votes.set(best.field, [...(votes.get(best.field) ?? []), best.vote]);
  }
  if (votes.size === 0) return;
  const score = (f: FieldDef): number[] => (rule === "majority" ? [votes.get(f)!.length, ...rank(f)] : rank(f));
  const ranked = [...votes.keys()].sort((a, b) => compareRank(score(b), score(a)));
  const chosen = ranked[0]!;
  if (ranked.length > 1 && voters.every(isProvincial)) {
    const everyone = [...votes.values()].flat().map((v) => v.agency);
    pushConflict(st, "sources_disagree", q.code, chosen.id, everyone, true, say.sourcesDisagree(ranked.map((f) => describe(st.form, f)), describe(st.form, chosen)));
  }
  const outranked = ranked.slice(1).map((f) => ({ field: f.id, label: describe(st.form, f), agencies: votes.get(f)!.map((v) => v.agency.id) }));
  pushChoice(st, q, chosen, votes.get(chosen)!, rule, outranked);
}

/** Several answers (☐): each option on its own, checked by the policy's rule over the agencies that marked it. */
function mergeMultiple(st: MergeState, q: CompiledQuestion, members: FieldDef[], active: Agency[]): void {
  const rule = st.policy.questions[q.code]?.multiple ?? st.policy.multiple;
  const voters = rule === "provincial_office" ? active.filter(isProvincial) : active;
  const answering = voters.filter((a) => members.some((m) => a.checked.has(m.id))).length;
  for (const m of members) {
    const votes = voters.flatMap((a) => {
      const vote = a.checked.has(m.id) ? usableVote(st, q, a, m, [m.id]) : undefined;
      return vote ? [vote] : [];
    });
    const enough = rule === "majority" ? votes.length * 2 > answering : votes.length > 0;
    if (enough) pushChoice(st, q, m, votes, rule);
  }
}

function pushChoice(st: MergeState, q: CompiledQuestion, field: FieldDef, votes: Vote[], rule: string, outranked?: ConsolidatedAnswer["outranked"]): void {
  st.supporters.set(field.id, votes);
  st.answers.push({
    ...answerHead(field),
    value: true,
    rule,
    sources: votes.map((v) => sourceRef(q, v)),
    ...(outranked && outranked.length > 0 ? { outranked } : {}),
  });
}

/**
 * An agency's marked choice (option, cell, or an entry through its first field) as a vote, or undefined when it is
 * not taken: a choice the form asks evidence for counts only with accepted evidence (else a conflict; `include`
 * takes it anyway). `auditFields` are the fields whose audit verdicts speak for it.
 */
function usableVote(st: MergeState, q: CompiledQuestion, agency: Agency, field: FieldDef, auditFields: string[], label = describe(st.form, field)): Vote | undefined {
  if (!field.evidence) return { agency, field: field.id, value: true };
  const finding = evidenceFinding(agency.bundle, q.code, auditFields);
  if (st.policy.evidence.accepted.includes(finding.state)) return { agency, field: field.id, value: true, finding };
  const taken = st.policy.evidence.unsupported === "include";
  pushConflict(st, "unsupported", q.code, field.id, [agency], taken, say.unsupported(label, finding.state, taken));
  return taken ? { agency, field: field.id, value: true, finding } : undefined;
}

function mergeBlank(st: MergeState, q: CompiledQuestion, field: FieldDef, active: Agency[]): void {
  const rule = blankRule(st.policy, field);
  const voters = rule === "provincial_office" ? active.filter(isProvincial) : active;
  const given = voters.flatMap((agency): Vote[] => {
    const value = agency.values.get(field.id);
    return value === undefined || value === "" ? [] : [{ agency, field: field.id, value }];
  });
  const usable = given.flatMap((vote) => {
    const read = readValue(field, rule, vote.value);
    if (read !== undefined) return [{ ...vote, value: read }];
    const expected = isNumberBlank(field) ? "number" : "date";
    pushConflict(st, "unreadable_value", q.code, field.id, [vote.agency], false, say.unreadableValue(describe(st.form, field), String(vote.value), expected));
    return [];
  });
  if (usable.length === 0) return;
  const distinct = unique(usable.map((v) => String(v.value)));
  const { value, from } = applyBlankRule(rule, usable);
  if (distinct.length > 1 && usable.every((v) => isProvincial(v.agency))) {
    pushConflict(st, "sources_disagree", q.code, field.id, usable.map((v) => v.agency), true, say.sourcesDisagree(distinct, String(value)));
  }
  st.answers.push({ ...answerHead(field, value), value, rule, sources: from.map((v) => sourceRef(q, v)) });
}

/** A value as the rule needs it: numbers for number blanks, ISO dates for latest/earliest; undefined when unreadable. */
function readValue(field: FieldDef, rule: BlankRule, value: string | number | true): string | number | undefined {
  if (value === true) return undefined;
  if (isNumberBlank(field)) return typeof value === "number" ? value : (parseThaiNumber(value) ?? undefined);
  if (rule === "latest" || rule === "earliest") return typeof value === "string" && ISO_DATE.test(value) ? value : undefined;
  return value;
}

/** The blank's province value and the votes it came from (all for sums, means and combined texts; the holders otherwise). */
function applyBlankRule(rule: BlankRule, votes: Vote[]): { value: string | number; from: Vote[] } {
  const numbers = votes.map((v) => v.value as number);
  const holders = (value: string | number) => ({ value, from: votes.filter((v) => v.value === value) });
  switch (rule) {
    case "sum":
      return { value: round(numbers.reduce((a, b) => a + b, 0)), from: votes };
    case "mean":
      return { value: round(numbers.reduce((a, b) => a + b, 0) / numbers.length), from: votes };
    case "max":
      return holders(Math.max(...numbers));
    case "min":
      return holders(Math.min(...numbers));
    case "latest":
      return holders(votes.map((v) => v.value as string).sort().at(-1)!);
    case "earliest":
      return holders(votes.map((v) => v.value as string).sort()[0]!);
    case "provincial_office":
      return holders(votes[0]!.value as string | number);
    case "combine":
      return { value: combineTexts(votes), from: votes };
  }
}

/**
 * Texts from several agencies in one blank: each distinct value once, followed by the agencies that gave it
 * ("ค่า ก (สำนักงาน ข, สำนักงาน ค); ค่า ง (สำนักงาน จ)"). From one agency the value stays as it is.
 */
function combineTexts(votes: Vote[]): string | number {
  if (votes.length === 1) return votes[0]!.value as string | number;
  const byValue = new Map<string, string[]>();
  for (const v of votes) {
    const text = typeof v.value === "string" && ISO_DATE.test(v.value) ? formatThaiDate(v.value) : String(v.value);
    const key = text.normalize("NFC").replace(/\s+/g, " ").trim();
    byValue.set(key, [...(byValue.get(key) ?? []), v.agency.name]);
  }
  return [...byValue].map(([text, names]) => `${text} (${names.join(", ")})`).join("; ");
}

/**
 * Repeated entries (projects, services, datasets): the agencies' entries one after another in agency order,
 * renumbered; the first text of each entry names its agency when several agencies contributed. Entries beyond the
 * printed maximum go to `overflow`.
 */
function mergeEntries(st: MergeState, q: CompiledQuestion, group: string, fields: FieldDef[], active: Agency[]): void {
  const rule = st.policy.questions[q.code]?.entries ?? st.policy.entries;
  const voters = rule === "provincial_office" ? active.filter(isProvincial) : active;
  const template = fields.filter((f) => f.entry!.index === 1);
  const max = Math.max(...fields.map((f) => f.entry!.index));
  const local = (f: FieldDef) => f.id.slice(`${group}.1.`.length);
  // compile.ts gives every field of an entry printed "(แนบเอกสารหลักฐาน)" the entry's evidence need.
  const needsEvidence = template.every((f) => f.evidence);
  const entries: { agency: Agency; items: { def: FieldDef; vote: Vote }[] }[] = [];
  for (const agency of voters) {
    for (let n = 1; n <= max; n++) {
      const items = template.flatMap((def): { def: FieldDef; vote: Vote }[] => {
        const id = `${group}.${n}.${local(def)}`;
        const value = agency.checked.has(id) ? true : agency.values.get(id);
        return value === undefined || value === "" ? [] : [{ def, vote: { agency, field: id, value } }];
      });
      if (items.length === 0) continue;
      if (needsEvidence) {
        const label = String(items.find((i) => typeof i.vote.value === "string")?.vote.value ?? describe(st.form, items[0]!.def));
        const own = st.form.field(items[0]!.vote.field)!;
        const vote = usableVote(st, q, agency, own, items.map((i) => i.vote.field), label);
        if (!vote) continue;
        for (const item of items) item.vote.finding = vote.finding!;
      }
      entries.push({ agency, items });
    }
  }
  const severalAgencies = unique(entries.map((e) => e.agency.id)).length > 1;
  entries.forEach((entry, i) => {
    if (i >= max) {
      const overflowFields = entry.items.map(({ def, vote }) => ({ field: vote.field, label: def.label, value: vote.value }));
      st.overflow.push({ question: q.code, group, agency: entry.agency.id, fields: overflowFields });
      return;
    }
    let named = !severalAgencies;
    for (const { def, vote } of entry.items) {
      const field = st.form.field(`${group}.${i + 1}.${local(def)}`)!;
      const value = !named && def.blankType === "text" ? `${vote.value} (${entry.agency.name})` : vote.value;
      named ||= def.blankType === "text";
      st.answers.push({ ...answerHead(field, value), value, rule, sources: [sourceRef(q, vote)] });
    }
  });
  if (entries.length > max) {
    const overflowAgencies = unique(entries.slice(max).map((e) => e.agency));
    pushConflict(st, "entries_overflow", q.code, group, overflowAgencies, false, say.entriesOverflow(template[0]!.label, entries.length, max));
  }
}

function answerHead(field: FieldDef, value?: Value): Pick<ConsolidatedAnswer, "field" | "question" | "kind" | "label" | "column"> {
  return {
    field: field.id,
    question: field.question,
    kind: answerKind(field, value),
    label: field.label,
    ...(field.columnLabel !== undefined ? { column: field.columnLabel } : {}),
  };
}

function answerKind(field: FieldDef, value?: Value): AnswerKind {
  if (field.kind === "option") return "choice";
  if (field.kind === "cell") return "matrix";
  if (typeof value === "number") return "number";
  if (field.blankType === "date") return typeof value === "string" && ISO_DATE.test(value) ? "date" : "text";
  return field.blankType === "url" ? "url" : "text";
}

function sourceRef(q: CompiledQuestion, vote: Vote): SourceRef {
  return {
    agency: vote.agency.id,
    field: vote.field,
    value: vote.value,
    evidence: vote.finding?.files ?? linkedFiles(vote.agency.bundle, q.code),
    ...(vote.finding ? { evidenceState: vote.finding.state } : {}),
  };
}

function pushConflict(st: MergeState, code: ConflictCode, question: string, field: string | undefined, agencies: Agency[], taken: boolean, wording: Wording): void {
  st.conflicts.push({ code, question, ...(field !== undefined ? { field } : {}), agencies: unique(agencies.map((a) => a.id)), taken, ...wording });
}

/** The same finding for several agencies is one conflict naming them all; sorted by printed order, then code. */
function groupConflicts(conflicts: Conflict[], form: CompiledForm, agencyOrder: Map<string, number>): Conflict[] {
  const grouped = new Map<string, Conflict>();
  for (const c of conflicts) {
    const key = JSON.stringify([c.code, c.question, c.field, c.taken, c.message]);
    const seen = grouped.get(key);
    if (seen) seen.agencies = unique([...seen.agencies, ...c.agencies]);
    else grouped.set(key, { ...c, agencies: [...c.agencies] });
  }
  const questionOrder = new Map(form.questions.map((q, i) => [q.code, i]));
  // A conflict's field may be a choice set or an entries group: it sorts where its first field is printed.
  const printedAt = (id: string) => form.fields.findIndex((f) => f.id.startsWith(id));
  return [...grouped.values()]
    .map((c) => {
      c.agencies.sort((a, b) => agencyOrder.get(a)! - agencyOrder.get(b)!);
      return { c, at: [questionOrder.get(c.question) ?? -1, c.field ? printedAt(c.field) : -1] };
    })
    .sort((a, b) => compareRank(a.at, b.at) || compareText(a.c.code, b.c.code) || compareText(a.c.message, b.c.message))
    .map(({ c }) => c);
}

function summarizeAnswers(summary: QuestionSummary, answers: ConsolidatedAnswer[], agencyOrder: Map<string, number>): void {
  const own = answers.filter((a) => a.question === summary.code);
  if (summary.status === "unanswered" && own.length > 0) summary.status = "answered";
  const sources = own.flatMap((a) => a.sources);
  summary.agencies = unique(sources.map((s) => s.agency)).sort((a, b) => agencyOrder.get(a)! - agencyOrder.get(b)!);
  const files = unique(sources.flatMap((s) => s.evidence.map((file) => JSON.stringify([s.agency, file]))));
  summary.evidence = files
    .map((key) => JSON.parse(key) as [string, string])
    .sort((a, b) => agencyOrder.get(a[0])! - agencyOrder.get(b[0])! || compareText(a[1], b[1]))
    .map(([agency, file]) => ({ agency, file }));
}

/** Every evidence file the province's answers cite, by agency (in agency order), then the first question it is for, then file. */
function evidenceIndex(form: CompiledForm, agencies: Agency[], answers: ConsolidatedAnswer[]): EvidenceEntry[] {
  const cited = new Set(answers.flatMap((a) => a.sources.flatMap((s) => s.evidence.map((file) => `${s.agency}\u0000${file}`))));
  const questionOrder = new Map(form.questions.map((q, i) => [q.code, i]));
  const first = (questions: string[]) => Math.min(...questions.map((c) => questionOrder.get(c) ?? Infinity));
  const entries = agencies.flatMap((agency, agencyIndex) =>
    agency.bundle.evidence
      .filter((e) => cited.has(`${agency.id}\u0000${e.file}`))
      .map((e) => ({ entry: { ...appendixFile(e), agency: agency.id }, at: [agencyIndex, first(e.questions)] })),
  );
  return entries.sort((a, b) => compareRank(a.at, b.at) || compareText(a.entry.file, b.entry.file)).map((e) => e.entry);
}

function agencySummary(a: Agency): AgencySummary {
  return {
    id: a.id,
    name: a.name,
    respondent: a.role,
    source: { file: a.bundle.source.file, sha256: a.bundle.source.sha256 },
    answers: a.bundle.answers.answers.length,
    evidenceFiles: a.bundle.evidence.length,
  };
}

function warnings(form: CompiledForm, agencies: Agency[], provincial: Agency[]): ConsolidationWarning[] {
  const out: ConsolidationWarning[] = [];
  if (provincial.length === 0) out.push({ code: "no_provincial_office", ...say.noProvincialOffice() });
  if (provincial.length > 1) out.push({ code: "several_provincial_offices", ...say.severalProvincialOffices(provincial.length) });
  for (const a of agencies) {
    if (a.bundle.form !== form.file.id) out.push({ code: "form_mismatch", agency: a.id, ...say.formMismatch(a.bundle.form, form.file.id) });
  }
  return out;
}

function isProvincial(agency: Agency): boolean {
  return agency.role === "provincial_office";
}

function compareRank(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

function mostCommon(values: (string | undefined)[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]))[0]?.[0];
}

function sortedRecord(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => compareText(a, b)));
}
