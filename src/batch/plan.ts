/**
 * The plan, decided before anything is written: which inbox files are forms and which evidence, whose form each
 * is, which copy of an agency's form is the newest, and which questions (and agency) each evidence file is for.
 * Pure: the forms' answers come in as `outcomes` (read by the extract stage), and the plan says what every file
 * becomes.
 *
 * Newer copy: the later date written in the path ("…_2567-06-20.docx", "20240620", "20 มิ.ย. 67") when both copies
 * carry one, else the higher revision marker ("v2", "แก้ไขครั้งที่ 2", "(2)", "แก้ไข"), else the later modification
 * time (inside a .zip: the entry's time), else the later path in code-point order.
 */
import path from "node:path";
import type { AgencyRef, IdentifiedBy, LinkedBy, ManifestFile } from "../bundle/schema.js";
import type { AnswerDocument } from "../extract/answers.js";
import type { CompiledForm } from "../form/compile.js";
import type { RespondentSource } from "../validate/report.js";
import { inferRespondent } from "../validate/respondent.js";
import { resolveRoster, rosterAgencyNamed, type Roster, type RosterAgency, type RosterFile } from "../ledger/roster.js";
import type { EmbeddedImage } from "./embedded.js";
import { compare, type Inbox, type InboxFile, sha256 } from "./inbox.js";
import { NEWER_BY, reason, type Reason } from "./messages.js";
import {
  agencyCore,
  agencyId,
  agencyNamedBy,
  agencyNameFromGeneral,
  agencyNameFromLabel,
  dateInName,
  documentKey,
  extension,
  questionCodesIn,
  revisionInName,
  sortByForm,
  stem,
  unknownCodesIn,
} from "./names.js";

export type FormOutcome =
  | { kind: "form"; doc: AnswerDocument; embedded: EmbeddedImage[] }
  /** A Word file without the questionnaire in it: a candidate for evidence. */
  | { kind: "not_form" }
  | { kind: "failed"; reason: Reason };

export interface PlannedEvidence {
  path: string;
  sha256: string;
  size: number;
  read(): Promise<Uint8Array>;
  questions: string[];
  linkedBy: LinkedBy;
}

export interface PlannedAgency {
  ref: AgencyRef;
  form: InboxFile;
  doc: AnswerDocument;
  respondentSource: RespondentSource;
  superseded: InboxFile[];
  evidence: PlannedEvidence[];
  /** Files named for a question the form does not have ("P4.7 …pdf"): not read, but reported by validation. */
  misnamedEvidence: { question: string; file: string }[];
}

export interface BatchPlan {
  /** The province the forms name (most of them), or the one given. */
  province: string;
  /** The expected agencies with the province filled in, when a roster was given. */
  roster?: Roster;
  agencies: PlannedAgency[];
  /** Every file and what becomes of it (the evidence stage marks the ones that turn out unreadable). */
  files: ManifestFile[];
}

export interface ClassifiedInbox {
  forms: InboxFile[];
  evidence: InboxFile[];
  ignored: ManifestFile[];
}

const SYSTEM_FILE = /(?:^|\/)(?:\.[^/]*|thumbs\.db|desktop\.ini|~\$[^/]*)$|(?:^|\/)__macosx\//iu;
const FORM_EXTENSIONS = new Set(["docx", "docm", "doc", "odt"]);
/** Evidence types, and image types people send that the reader will explain it cannot read. */
const EVIDENCE_EXTENSIONS = new Set(["pdf", "png", "jpg", "jpeg", "tif", "tiff", "heic", "heif", "gif", "bmp", "webp"]);
/** The form saved as PDF, or its paper copy scanned or photographed: read as the form when the questionnaire is in it. */
const FORM_COPY_EXTENSIONS = new Set(["pdf", "png", "jpg", "jpeg", "tif", "tiff"]);

/**
 * Forms are Word files, PDFs (the form saved as PDF) and pictures (a paper copy scanned or photographed) — unless a
 * question code in the name or folder says it is evidence ("P5.1 ระบบ.docx"). A PDF or picture the extractor does not
 * find the questionnaire in is evidence after all.
 */
export function classifyFiles(files: readonly InboxFile[], form: CompiledForm): ClassifiedInbox {
  const out: ClassifiedInbox = { forms: [], evidence: [], ignored: [] };
  for (const file of files) {
    const ext = extension(file.path);
    if (SYSTEM_FILE.test(file.path)) out.ignored.push(ignored(file, "system_file"));
    else if (FORM_EXTENSIONS.has(ext) || FORM_COPY_EXTENSIONS.has(ext)) (codesFor(file.path, form).questions.length ? out.evidence : out.forms).push(file);
    else if (EVIDENCE_EXTENSIONS.has(ext)) out.evidence.push(file);
    else out.ignored.push(ignored(file, "unsupported_file"));
  }
  return out;
}

function ignored(file: InboxFile, code: "system_file" | "unsupported_file"): ManifestFile {
  return { path: file.path, sha256: file.sha256, kind: "other", status: "ignored", reason: reason(code) };
}

interface Submission {
  file: InboxFile;
  doc: AnswerDocument;
  embedded: EmbeddedImage[];
  name: string;
  identifiedBy: IdentifiedBy;
  date: string | undefined;
  revision: number;
}

export interface PlanOptions {
  /** The agencies expected: their full names win over short ones, and files named for one are theirs. */
  roster?: RosterFile;
  /** The province's name; default: the one most forms give. */
  province?: string;
}

export function buildPlan(form: CompiledForm, inbox: Inbox, classified: ClassifiedInbox, outcomes: ReadonlyMap<string, FormOutcome>, options: PlanOptions = {}): BatchPlan {
  const files: ManifestFile[] = [...classified.ignored];
  const submissions: Submission[] = [];
  const failedForms: { file: InboxFile; reason: Reason; name: string }[] = [];
  const evidenceCandidates = [...classified.evidence];
  const notForms = new Set<string>();
  for (const file of classified.forms) {
    const outcome = outcomes.get(file.path);
    if (!outcome) throw new Error(`no extraction outcome for ${file.path}`);
    if (outcome.kind === "failed" && FORM_COPY_EXTENSIONS.has(extension(file.path))) {
      // A PDF or picture that cannot be read as a form is reported by the evidence stage, which reads it as evidence.
      evidenceCandidates.push(file);
    } else if (outcome.kind === "failed") {
      failedForms.push({ file, reason: outcome.reason, name: identify(file.path).name });
    } else if (outcome.kind === "not_form") {
      // A Word file is sent as the form; a PDF or picture without the questionnaire in it is plainly evidence.
      if (!FORM_COPY_EXTENSIONS.has(extension(file.path))) notForms.add(file.path);
      evidenceCandidates.push(file);
    } else {
      const { name, identifiedBy } = identify(file.path, outcome.doc);
      submissions.push({ file, doc: outcome.doc, embedded: outcome.embedded, name, identifiedBy, date: dateInName(file.path), revision: revisionInName(file.path) });
    }
  }
  const province = options.province ?? mostCommon(submissions.map((s) => (s.doc.general.province ?? "").replace(/^จังหวัด\s*/u, "").trim()).filter(Boolean));
  const roster = options.roster ? resolveRoster(options.roster, province) : undefined;
  canonicalizeNames(submissions, failedForms, province, roster);
  // A form that cannot be read still says whose it was (from its folder or name): its evidence waits for a resend.
  for (const f of failedForms) files.push({ path: f.file.path, sha256: f.file.sha256, kind: "form", status: "failed", agency: agencyId(f.name), reason: f.reason });

  const { agencies, winners } = pickNewest(submissions, files);
  const linked: Linked[] = [];
  const attribute = agencyOfPath([...submissions, ...failedForms], province, roster);
  const byId = new Map(agencies.map((a) => [a.ref.id, a]));
  for (const file of evidenceCandidates) {
    const id = attribute(file.path) ?? (roster ? rosterOwner(roster, file.path)?.id : undefined);
    const agency = id ? byId.get(id) : undefined;
    const { questions, linkedBy, unknown } = codesFor(file.path, form);
    const base = { path: file.path, sha256: file.sha256, kind: "evidence" as const, ...(id ? { agency: id } : {}) };
    if (!id) files.push({ ...base, status: "unlinked", reason: reason("agency_unknown") });
    else if (!agency) {
      const why = failedForms.some((f) => agencyId(f.name) === id) ? "form_failed" : "form_missing";
      files.push({ ...base, status: "ignored", ...(questions.length ? { questions } : {}), reason: reason(why) });
    }
    else if (questions.length > 0) linked.push({ agency, evidence: { path: file.path, sha256: file.sha256, size: file.size, read: file.read, questions, linkedBy } });
    else if (unknown.length > 0) {
      agency.misnamedEvidence.push(...unknown.map((question) => ({ question, file: file.path })));
      files.push({ ...base, status: "unlinked", reason: reason("unknown_question_code", { codes: unknown.join(", ") }) });
    } else files.push({ ...base, status: "unlinked", reason: reason(notForms.has(file.path) ? "not_this_form" : "no_question_code") });
  }
  for (const agency of agencies) linkEmbedded(agency, winners.get(agency.ref.id)!.embedded, linked, files);
  addLinked(supersedeEvidence(linked, files, new Map(inbox.files.map((f) => [f.path, f]))), form, files);

  // An archive that held one agency's forms is that agency's.
  for (const record of inbox.records) {
    const ids = new Set(files.filter((f) => f.kind === "form" && f.agency && f.path.startsWith(`${record.path}/`)).map((f) => f.agency));
    files.push(record.kind === "archive" && ids.size === 1 ? { ...record, agency: [...ids][0]! } : record);
  }
  return { province, ...(roster ? { roster } : {}), agencies, files: files.sort((a, b) => compare(a.path, b.path)) };
}

interface Linked {
  agency: PlannedAgency;
  evidence: PlannedEvidence;
}

/**
 * One agency per id, from its newest copy (the others superseded), ordered provincial office, statistics office,
 * then the agencies by id.
 */
function pickNewest(submissions: readonly Submission[], files: ManifestFile[]): { agencies: PlannedAgency[]; winners: Map<string, Submission> } {
  const groups = new Map<string, Submission[]>();
  for (const s of submissions) groups.set(agencyId(s.name), [...(groups.get(agencyId(s.name)) ?? []), s]);
  const agencies: PlannedAgency[] = [];
  const winners = new Map<string, Submission>();
  for (const [id, group] of groups) {
    const [winner, ...older] = group.sort((a, b) => compareSubmissions(a, b).order) as [Submission, ...Submission[]];
    winners.set(id, winner);
    files.push({ path: winner.file.path, sha256: winner.file.sha256, kind: "form", status: "used", agency: id });
    for (const s of older) {
      const by = NEWER_BY[compareSubmissions(winner, s).by];
      const why = reason("superseded", { newer: winner.file.path, by: by.th, byEn: by.en });
      files.push({ path: s.file.path, sha256: s.file.sha256, kind: "form", status: "superseded", agency: id, reason: why });
    }
    const inferred = inferRespondent({ agency: winner.name, general: {} });
    agencies.push({
      ref: { id, name: winner.name, identifiedBy: winner.identifiedBy, respondent: inferred ?? "agency" },
      form: winner.file,
      doc: winner.doc,
      respondentSource: inferred ? "inferred" : "default",
      superseded: older.map((s) => s.file),
      evidence: [],
      misnamedEvidence: [],
    });
  }
  agencies.sort((a, b) => RESPONDENT_ORDER[a.ref.respondent] - RESPONDENT_ORDER[b.ref.respondent] || compare(a.ref.id, b.ref.id));
  return { agencies, winners };
}

const RESPONDENT_ORDER = { provincial_office: 0, statistics_office: 1, agency: 2 } as const;

/** Pictures pasted into the used form: evidence for the question printed before them (see embedded.ts). */
function linkEmbedded(agency: PlannedAgency, images: readonly EmbeddedImage[], linked: Linked[], files: ManifestFile[]): void {
  for (const image of images) {
    const path = `${agency.form.path}#${image.part}`;
    const base = { path, sha256: sha256(image.bytes), kind: "evidence" as const, agency: agency.ref.id };
    if (!image.readable) files.push({ ...base, status: "ignored", reason: reason("embedded_unsupported") });
    else if (!image.question) files.push({ ...base, status: "unlinked", reason: reason("embedded_before_questions") });
    else linked.push({ agency, evidence: { path, sha256: base.sha256, size: image.bytes.length, read: async () => image.bytes, questions: [image.question], linkedBy: "embedded" } });
  }
}

/**
 * An evidence file sent again (same agency, same questions, the same name but for a revision marker, a date or the
 * extension: "P7.1.8 ภาพหน้าจอ.png" then "P7.1.8 ภาพหน้าจอ (2).pdf") replaces the earlier copy, by the same rule
 * as forms: the later date in the name, else the higher revision, else the later modification time.
 */
function supersedeEvidence(linked: Linked[], files: ManifestFile[], inboxFiles: ReadonlyMap<string, InboxFile>): Linked[] {
  const groups = new Map<string, Linked[]>();
  for (const l of linked) {
    if (l.evidence.linkedBy === "embedded") continue;
    // "สำนักงานที่ดิน…_P5.3.1 VPN.pdf" loose and "P5.3.1 VPN.pdf" in the agency's folder are one document too.
    const own = documentKey(l.agency.ref.name);
    const name = documentKey(path.posix.basename(l.evidence.path)).replace(own, " ").replace(/\s+/gu, " ").trim();
    const key = [l.agency.ref.id, l.evidence.questions.join(" "), name].join("\n");
    groups.set(key, [...(groups.get(key) ?? []), l]);
  }
  const replaced = new Set<Linked>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const copies = group.map((l) => ({ l, file: inboxFiles.get(l.evidence.path)!, date: dateInName(l.evidence.path), revision: revisionInName(l.evidence.path) }));
    if (copies.some((c) => !c.file)) continue;
    const [winner, ...older] = copies.sort((a, b) => compareSubmissions(a, b).order);
    for (const c of older) {
      const by = NEWER_BY[compareSubmissions(winner!, c).by];
      files.push({
        path: c.l.evidence.path,
        sha256: c.l.evidence.sha256,
        kind: "evidence",
        status: "superseded",
        agency: c.l.agency.ref.id,
        questions: c.l.evidence.questions,
        reason: reason("superseded", { newer: winner!.l.evidence.path, by: by.th, byEn: by.en }),
      });
      replaced.add(c.l);
    }
  }
  return linked.filter((l) => !replaced.has(l));
}

/** The same bytes sent twice (or under two codes) are read once, for every question they were named for. */
function addLinked(linked: Linked[], form: CompiledForm, files: ManifestFile[]): void {
  for (const { agency, evidence } of linked.sort((a, b) => compare(a.evidence.path, b.evidence.path))) {
    const same = agency.evidence.find((e) => e.sha256 === evidence.sha256);
    if (!same) {
      agency.evidence.push(evidence);
      continue;
    }
    same.questions = sortByForm([...same.questions, ...evidence.questions], form);
    const why = reason("duplicate_evidence", { same: same.path });
    files.push({ path: evidence.path, sha256: evidence.sha256, kind: "evidence", status: "ignored", agency: agency.ref.id, questions: evidence.questions, reason: why });
  }
  for (const { agency, evidence } of linked) {
    if (agency.evidence.includes(evidence)) {
      files.push({ path: evidence.path, sha256: evidence.sha256, kind: "evidence", status: "used", agency: agency.ref.id, questions: evidence.questions });
    }
  }
}

/** Whose a form is: the general-information block, else the nearest folder that names someone, else the file name. */
function identify(filePath: string, doc?: AnswerDocument): { name: string; identifiedBy: IdentifiedBy } {
  const general = doc && agencyNameFromGeneral(doc.general, doc.agency);
  if (general) return { name: general, identifiedBy: "general" };
  const segments = filePath.split("/");
  const fileName = segments.pop()!;
  for (const folder of segments.reverse()) {
    const name = agencyNameFromLabel(folder.replace(/\.zip$/iu, ""));
    if (name) return { name, identifiedBy: "folder" };
  }
  return { name: agencyNameFromLabel(stem(fileName)) ?? stem(fileName), identifiedBy: "file_name" };
}

/**
 * A folder or file name ("พาณิชย์", "สนง.พาณิชย์") that names an agency known from a general block ("สำนักงาน
 * พาณิชย์จังหวัดเชียงใหม่") takes that full name, so the copy groups with the agency's other copies.
 */
function canonicalizeNames(submissions: Submission[], failed: { file: InboxFile; name: string }[], province: string, roster: Roster | undefined): void {
  // The roster's spelling of a name the general block gives with the same core: one agency, one name, every round.
  const rosterByCore = new Map((roster?.agencies ?? []).map((a) => [agencyCore(a.name, province), a.name]));
  for (const s of submissions.filter((s) => s.identifiedBy === "general")) s.name = rosterByCore.get(agencyCore(s.name, province)) ?? s.name;
  const known = [...new Map([...rosterByCore, ...submissions.filter((s) => s.identifiedBy === "general").map((s) => [agencyCore(s.name, province), s.name] as const)])].map(
    ([core, value]) => ({ core, value }),
  );
  for (const s of [...submissions.filter((s) => s.identifiedBy !== "general"), ...failed]) {
    s.name = agencyNamedBy(s.name, known, province) ?? (roster ? (rosterAgencyNamed(roster, s.name) ?? rosterOwner(roster, s.file.path))?.name : undefined) ?? s.name;
  }
}

/** The roster agency a file's own name or one of its folders names (nearest first). */
function rosterOwner(roster: Roster, filePath: string): RosterAgency | undefined {
  const segments = filePath.split("/");
  const labels = [stem(segments.at(-1)!), ...segments.slice(0, -1).reverse().map((folder) => folder.replace(/\.zip$/iu, ""))];
  for (const label of labels) {
    const named = rosterAgencyNamed(roster, label);
    if (named) return named;
  }
  return undefined;
}

/**
 * Whose an evidence file is: the agency whose forms sit in the nearest folder (or archive) around it; where several
 * agencies' forms share that folder, the one its own folder or file name names.
 */
function agencyOfPath(owners: readonly { file: InboxFile; name: string }[], province: string, roster?: Roster): (path: string) => string | undefined {
  const forms = owners.map((s) => ({ path: s.file.path, id: agencyId(s.name), core: agencyCore(s.name, province) }));
  return (evidencePath) => {
    const segments = evidencePath.split("/");
    for (let depth = segments.length - 1; depth >= 0; depth--) {
      const dir = segments.slice(0, depth).join("/");
      const here = forms.filter((f) => dir === "" || f.path.startsWith(`${dir}/`));
      const ids = [...new Set(here.map((f) => f.id))];
      if (ids.length === 1) return ids[0];
      if (ids.length === 0) {
        // A folder with no form that names an agency of the roster is that agency's (its form may come later).
        const named = roster && depth > 0 ? rosterAgencyNamed(roster, segments[depth - 1]!.replace(/\.zip$/iu, "")) : undefined;
        if (named) return named.id;
        continue;
      }
      const candidates = ids.map((id) => ({ core: here.find((f) => f.id === id)!.core, value: id }));
      const folders = segments.slice(0, -1).reverse().map((folder) => folder.replace(/\.zip$/iu, ""));
      for (const label of [stem(segments.at(-1)!), ...folders]) {
        const named = agencyNamedBy(label, candidates, province);
        if (named) return named;
      }
      return undefined;
    }
    return undefined;
  };
}

/** Codes in the file name, else in the nearest folder name that has any; else the unknown codes the names give. */
function codesFor(filePath: string, form: CompiledForm): { questions: string[]; linkedBy: LinkedBy; unknown: string[] } {
  const segments = filePath.split("/");
  const labels = [stem(segments.pop()!), ...segments.reverse()];
  for (const [i, label] of labels.entries()) {
    const questions = questionCodesIn(label, form);
    if (questions.length) return { questions, linkedBy: i === 0 ? "file_name" : "folder", unknown: [] };
  }
  return { questions: [], linkedBy: "file_name", unknown: [...new Set(labels.flatMap((label) => unknownCodesIn(label, form)))] };
}

function compareSubmissions(a: Pick<Submission, "file" | "date" | "revision">, b: Pick<Submission, "file" | "date" | "revision">): { order: number; by: keyof typeof NEWER_BY } {
  if (a.date && b.date && a.date !== b.date) return { order: a.date > b.date ? -1 : 1, by: "file_name_date" };
  if (a.revision !== b.revision) return { order: b.revision - a.revision, by: "revision" };
  // The .docx and the PDF saved from it: the .docx is read exactly.
  const [ea, eb] = [extension(a.file.path), extension(b.file.path)];
  const wordAndPdf = (ea === "pdf" && FORM_EXTENSIONS.has(eb)) || (eb === "pdf" && FORM_EXTENSIONS.has(ea));
  if (wordAndPdf && stem(a.file.path) === stem(b.file.path)) return { order: ea === "pdf" ? 1 : -1, by: "word_over_pdf" };
  if (a.file.mtimeMs !== b.file.mtimeMs) return { order: b.file.mtimeMs - a.file.mtimeMs, by: "mtime" };
  return { order: compare(b.file.path, a.file.path), by: "path" };
}

function mostCommon(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || compare(a[0], b[0]))[0]?.[0] ?? "";
}

