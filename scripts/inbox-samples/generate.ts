/**
 * Generates the demo inbox (samples/inbox/) — the returns of 22 Chiang Mai agencies as the PCIO secretariat gets
 * them by e-mail and LINE — with its truth file (samples/inbox-truth.json, outside the inbox) and README.
 *
 *   npx tsx scripts/inbox-samples/generate.ts
 *
 * Deterministic: a fixed seed per agency and per file; the forms, images and zip are byte-identical on rerun; the
 * PDFs LibreOffice writes and the .doc may differ in bytes but not in content. Needs soffice and the TLWG fonts.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import PizZip from "pizzip";
import type { CompiledForm } from "../../src/form/compile.js";
import { loadForm, PACKAGE_ROOT } from "../../src/form/load.js";
import type { AnswerSet } from "../form-samples/answers.js";
import { FIXED_DATE } from "../form-samples/docx-package.js";
import { Rng as FormRng } from "../form-samples/prng.js";
import { buildSeedLayout } from "../form-samples/seed-layout.js";
import { AGENCIES, type Agency } from "../form-samples/thai.js";
import { Rng as EvRng } from "../evidence-samples/prng.js";
import { buildEvidenceDoc, type BuiltDoc, CHIANG_MAI, type Issuer, isoOf } from "./content.js";
import { renderDigital, renderRaster, renderWebShot, type RenderedEvidence, type RenderJob } from "./evidence.js";
import { printAsPaper } from "../form-samples/paper.js";
import { scanFile } from "../form-samples/scan-pdf.js";
import { answersFor, auditClaims, dropSpecify, embedPicture, evidenceNeedFields, evidenceNeeds, libreOffice, renderForm } from "./forms.js";
import { type AgencyPlan, type EvidencePlan, type FormPlan, PLAN, type Verdict } from "./plan.js";
import { decomposeSaraAm, sha256 } from "./util.js";

const SEED = "samruat/inbox/2567-r1";
/** A paper copy is scanned at an office scanner's usual resolution. */
const SCAN_DPI = 150;
const INBOX = path.join(PACKAGE_ROOT, "samples", "inbox");
const TRUTH = path.join(PACKAGE_ROOT, "samples", "inbox-truth.json");
const SEED_TEXT = path.join(PACKAGE_ROOT, "scripts", "form-samples", "seed-pcio-2567.txt");
/** G2's period (the form file's `periods.G2`). */
const G2_FROM = "2023-06-12";
const G2_TO = "2024-06-11";

// ---------------------------------------------------------------------------------------------------------------

function agencyOf(key: string): Agency {
  const a = AGENCIES.find((x) => x.key === key);
  if (!a) throw new Error(`unknown agency ${key}`);
  return a;
}

function respondentOf(a: Agency): "provincial_office" | "statistics_office" | "agency" {
  return a.provincialOffice ? "provincial_office" : a.key === "statistics" ? "statistics_office" : "agency";
}

const HEADS: Record<string, string> = {
  administration: "ปลัดจังหวัดเชียงใหม่",
  "public-health": "นายแพทย์สาธารณสุขจังหวัดเชียงใหม่",
  "provincial-office": "หัวหน้าสำนักงานจังหวัดเชียงใหม่",
};

function issuerOf(a: Agency): Issuer {
  if (a.provincialOffice) return { name: a.name, head: HEADS[a.key]!, unit: "กลุ่มงานข้อมูลสารสนเทศและการสื่อสาร", to: "ผู้ว่าราชการจังหวัดเชียงใหม่" };
  return { name: a.name, head: HEADS[a.key] ?? a.name.replace(/^สำนักงาน/u, ""), unit: "กลุ่มงานบริหารทั่วไป" };
}

/** Where a file of this agency sits, relative to the inbox (zip entries: "<zip>/<entry>"). */
function placed(p: AgencyPlan, file: string): string {
  return p.layout === "loose" ? file : `${p.place}/${file}`;
}

/** The name as written on disk. */
function diskName(p: AgencyPlan, rel: string): string {
  if (p.oddNames === "sara-am") return decomposeSaraAm(rel);
  if (p.oddNames === "nfd") return rel.normalize("NFD");
  return rel;
}

const questionOf = (id: string) => id.split(":")[0]!;
const uniq = <T>(xs: T[]) => [...new Set(xs)];

interface FormOut {
  plan: FormPlan;
  path: string;
  bytes: Uint8Array;
  answers: AnswerSet;
}

interface EvidenceOut {
  plan: EvidencePlan;
  path: string;
  bytes: Uint8Array;
  built?: BuiltDoc;
  rendered?: RenderedEvidence;
}

// ---------------------------------------------------------------------------------------------------------------
// Forms

const embeddedShots = new Map<string, ReturnType<typeof renderWebShot>>();

async function makeForms(form: CompiledForm, work: string): Promise<Map<string, FormOut[]>> {
  const { blocks } = buildSeedLayout(form, readFileSync(SEED_TEXT, "utf8"));
  const out = new Map<string, FormOut[]>();
  const lo: { key: string; name: string; bytes: Uint8Array }[] = [];
  const doc: { key: string; name: string; bytes: Uint8Array }[] = [];
  const pdf: { key: string; name: string; bytes: Uint8Array }[] = [];
  const paper: { key: string; name: string; bytes: Uint8Array }[] = [];
  for (const p of PLAN) {
    const agency = agencyOf(p.key);
    const rng = new FormRng(`${SEED}/${p.key}`);
    const answers = answersFor(form, rng.fork("answers"), {
      agency,
      wanted: p.wanted,
      mistakes: p.mistakes,
      ...(p.exclusive ? { exclusive: p.exclusive } : {}),
      ...(p.processes ? { processes: p.processes } : {}),
      ...(p.crossQuestion ? { crossQuestion: p.crossQuestion } : {}),
    });
    for (const [id, text] of Object.entries(p.overrides ?? {})) {
      if (!form.field(id)) throw new Error(`${p.key}: override of unknown field ${id}`);
      answers.values.set(id, { text, truth: text });
    }
    if (p.noAgencyName) answers.general.office_location = { text: agency.address, truth: agency.address };
    // every claim that calls for evidence is one the plan gives a document (or a URL in its place)
    const all = uniq(evidenceNeedFields(form, answers).map((n) => n.field.question));
    const files = evidenceNeeds(form, answers);
    const want = uniq(p.wanted.map(questionOf));
    if (!files.every((q) => want.includes(q)) || !want.every((q) => all.includes(q))) {
      throw new Error(`${p.key}: answers need evidence for [${files}] (or a URL: [${all}]) but the plan has [${want}]`);
    }
    const list: FormOut[] = [];
    for (const fp of p.forms) {
      const a = fp.dropSpecify ? dropSpecify(form, answers, rng.fork("drop")).answers : answers;
      const base = fp.file.replace(/\.doc$/u, ".docx");
      let bytes = renderForm(form, blocks, fp.style, a, rng.fork("render"));
      if (p.embedded && !fp.superseded) {
        if (fp.style !== "cc" || fp.post) throw new Error(`${p.key}: pictures are pasted into cc forms only`);
        const shot = renderWebShot(new EvRng(`${SEED}/${p.key}/embedded`), "web1");
        bytes = embedPicture(bytes, p.embedded.before, p.embedded.media, shot.png, shot.width, shot.height, "ภาพหน้าจอเว็บไซต์จังหวัด");
        embeddedShots.set(p.key, shot);
      }
      if (fp.post === "corrupt") bytes = bytes.slice(0, Math.floor(bytes.length * 0.55));
      const name = `${p.key}-${list.length}.docx`;
      if (fp.post === "lo") lo.push({ key: p.key, name, bytes });
      if (fp.post === "doc") doc.push({ key: p.key, name, bytes });
      if (fp.post === "pdf") pdf.push({ key: p.key, name, bytes });
      if (fp.post === "scan") paper.push({ key: p.key, name, bytes });
      list.push({ plan: fp, path: placed(p, fp.post === "doc" || fp.post === "pdf" || fp.post === "scan" ? fp.file : base), bytes, answers: a });
    }
    out.set(p.key, list);
  }
  const converted = new Map([...libreOffice(lo, "docx", work), ...libreOffice(doc, "doc", work), ...libreOffice(pdf, "pdf", work), ...(await scannedCopies(paper, work))]);
  for (const [key, list] of out) {
    list.forEach((f, i) => {
      const c = converted.get(`${key}-${i}.docx`);
      if (c) f.bytes = c;
    });
  }
  return out;
}

/**
 * Paper copies: each form printed as an office's printer prints it, half its checked marks left for the pen and
 * then ticked, crossed or ringed by hand, and scanned at 150 dpi to an image-only PDF (scripts/form-samples).
 */
async function scannedCopies(inputs: { key: string; name: string; bytes: Uint8Array }[], work: string): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  const dir = path.join(work, "paper");
  mkdirSync(dir, { recursive: true });
  for (const { key, name, bytes } of inputs) {
    const docx = path.join(dir, name);
    writeFileSync(docx, bytes);
    const pens = new FormRng(`${SEED}/${key}/pen`);
    const printed = await printAsPaper(docx, dir, `${name}.pdf`, () => pens.next() < 0.5);
    out.set(name, new Uint8Array(readFileSync(await scanFile(printed, dir, SCAN_DPI, undefined))));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Evidence

function when(rng: EvRng): Date {
  return new Date(Date.UTC(2024, rng.int(2, 5), rng.int(1, 28), rng.int(1, 9), rng.int(0, 59), 0));
}

async function makeEvidence(work: string): Promise<Map<string, EvidenceOut[]>> {
  const out = new Map<string, EvidenceOut[]>();
  const digital: { job: RenderJob; eo: EvidenceOut }[] = [];
  const raster: { job: RenderJob; eo: EvidenceOut }[] = [];
  let n = 0;
  for (const p of PLAN) {
    const agency = agencyOf(p.key);
    const list: EvidenceOut[] = [];
    for (const ep of p.evidence) {
      const eo: EvidenceOut = { plan: ep, path: placed(p, ep.file), bytes: new Uint8Array(0) };
      list.push(eo);
      if (ep.kind === "empty") continue;
      const rng = new EvRng(`${SEED}/${p.key}/${ep.file}`);
      const exclude =
        ep.onTopic || ep.questions.length === 0
          ? []
          : ep.questions.includes("G2")
            ? ["ผู้บริหารเทคโนโลยีสารสนเทศ", "PCIO"]
            : ep.questions.includes("P2.1.1")
              ? ["ธรรมาภิบาล"]
              : [];
      const built = buildEvidenceDoc(ep.kind, rng.fork("doc"), `e${String(++n).padStart(2, "0")}`, {
        issuer: issuerOf(agency),
        exclude,
        ...(ep.meeting ? { meeting: ep.meeting } : {}),
      });
      eo.built = built;
      const job: RenderJob = {
        id: `e${String(n).padStart(2, "0")}`,
        built,
        capture: ep.capture,
        marked: ep.marked,
        rng: rng.fork("render"),
        when: when(rng.fork("when")),
        ...(ep.style ? { style: ep.style } : {}),
        ...(ep.password ? { password: ep.password } : {}),
        ...(ep.pages ? { pages: ep.pages } : {}),
        ...(ep.dpi ? { dpi: ep.dpi } : {}),
        ...(ep.quality ? { quality: ep.quality } : {}),
      };
      (ep.capture === "digital" ? digital : raster).push({ job, eo });
    }
    out.set(p.key, list);
  }
  const t0 = performance.now();
  const rendered = await renderDigital(
    digital.map((d) => d.job),
    work,
  );
  for (const d of digital) {
    d.eo.rendered = rendered.get(d.job.id)!;
    d.eo.bytes = d.eo.rendered.bytes;
  }
  console.log(`  ${digital.length} digital PDFs in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  for (const r of raster) {
    const t1 = performance.now();
    r.eo.rendered = await renderRaster(r.job);
    r.eo.bytes = r.eo.rendered.bytes;
    console.log(`  ${r.eo.path}: ${r.eo.rendered.pages} p, ${(r.eo.bytes.length / 1024).toFixed(0)} KB, ${((performance.now() - t1) / 1000).toFixed(1)} s`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Truth

interface ExpectedIssue {
  code: string;
  question: string;
  field?: string;
  note?: string;
}

function inWindow(ep: EvidencePlan): boolean | undefined {
  if (!ep.meeting) return undefined;
  const iso = isoOf(ep.meeting.date);
  return iso >= G2_FROM && iso <= G2_TO;
}

const readable = (ep: EvidencePlan) => ep.kind !== "empty" && !ep.password;

function verdictFor(q: string, files: EvidencePlan[]): { verdict: Verdict; acceptable?: Verdict[]; why: string } {
  if (files.length === 0) return { verdict: "evidence_missing", why: "no file names this question" };
  const good = (ep: EvidencePlan) => readable(ep) && ep.onTopic && (q !== "G2" || inWindow(ep) !== false);
  if (files.some((ep) => good(ep) && ep.marked)) return { verdict: "supported", why: "an on-topic file with the key text marked" };
  if (files.some((ep) => good(ep) && !ep.marked)) return { verdict: "not_marked", why: "the right document, nothing marked" };
  if (files.every((ep) => !readable(ep))) return { verdict: "unreadable", why: "no file can be read (empty / password-protected)" };
  if (q === "G2" && files.some((ep) => readable(ep) && ep.onTopic)) {
    return { verdict: "not_supported", acceptable: ["weak"], why: "PCIO minutes only from outside 12 มิ.ย. 66 – 11 มิ.ย. 67; the in-period minutes are of another committee" };
  }
  return { verdict: "not_supported", why: "the files are about something else" };
}

function answersTruth(a: AnswerSet) {
  const general: Record<string, string> = {};
  for (const [k, v] of Object.entries(a.general).sort(([x], [y]) => (x < y ? -1 : 1))) if (v.text !== "") general[k] = String(v.truth);
  const values: Record<string, string | number> = {};
  for (const k of [...a.values.keys()].sort()) values[k] = a.values.get(k)!.truth;
  return { general, checked: [...a.checked].sort(), values, mistakes: a.mistakes };
}

function buildTruth(form: CompiledForm, forms: Map<string, FormOut[]>, evidence: Map<string, EvidenceOut[]>, disk: Map<string, { path: string; bytes: Uint8Array }>) {
  const fileHash = (rel: string) => {
    const d = disk.get(rel);
    return d ? { sha256: sha256(d.bytes), bytes: d.bytes.length } : {};
  };
  const mistakes: object[] = [];
  const agencies = PLAN.map((p) => {
    const agency = agencyOf(p.key);
    const fs = forms.get(p.key)!;
    const current = fs.find((f) => !f.plan.superseded)!;
    const evs = evidence.get(p.key)!;
    const issues: ExpectedIssue[] = [];
    const readableForm = current.plan.post !== "corrupt";
    if (readableForm) {
      for (const m of current.answers.mistakes) {
        const q = questionOf(m.field);
        if (m.code === "multiple_marks_single") issues.push({ code: "choice_multiple", question: q, field: m.field });
        if (m.code === "empty_specify") issues.push({ code: "specify_missing", question: q, field: m.field });
        if (m.code === "answered_after_skip") issues.push({ code: "skipped_question_answered", question: q });
        if (m.code === "answered_other_respondent") issues.push({ code: "not_asked_answered", question: q, note: "info" });
      }
      if (p.overrides?.["G2:yes.detail"]) issues.push({ code: "date_out_of_period", question: "G2", field: "G2:yes.detail", note: "warning: the typed meeting date is outside the period" });
      for (const q of p.missingEvidence ?? []) issues.push({ code: "evidence_missing", question: q });
      for (const e of evs) {
        if (e.plan.unknownQuestion) issues.push({ code: "evidence_unknown_question", question: e.plan.unknownQuestion, note: `file ${e.path}` });
        else if (readable(e.plan) && !e.plan.marked && e.plan.questions.length > 0) {
          for (const q of e.plan.questions) issues.push({ code: "evidence_not_marked", question: q, note: `file ${e.path} (when the batch passes marked: false)` });
        }
      }
    }
    // a pasted screenshot counts as an on-topic, marked file of its question
    const shot = embeddedShots.get(p.key);
    const embeddedPath = p.embedded ? `${current.path}#${p.embedded.media}` : "";
    const embeddedPlan: EvidencePlan | undefined = p.embedded
      ? { file: embeddedPath, questions: [p.embedded.question], linkedBy: "file_name", kind: "web-screenshot", capture: "scan", marked: true, onTopic: true }
      : undefined;
    // audit: every claim that calls for evidence (per sub-option where it has its own expectation)
    const audit = readableForm
      ? auditClaims(form, current.answers, new Set([...evs.flatMap((e) => e.plan.questions), ...(p.embedded ? [p.embedded.question] : [])])).map(({ field, question: q, url }) => {
          const chain = [q];
          for (let up = form.question(q)?.source.parent; up; up = form.question(up)?.source.parent) chain.push(up);
          const files = [...evs.map((e) => e.plan), ...(embeddedPlan ? [embeddedPlan] : [])].filter((e) => e.questions.some((c) => chain.includes(c)));
          const v: { verdict: Verdict; acceptable?: Verdict[]; why: string } =
            url && files.length === 0 ? { verdict: "weak", acceptable: ["supported"], why: "a URL typed in the evidence place, no file" } : verdictFor(q, files);
          return { question: q, field, ...v, files: files.map((f) => (f === embeddedPlan ? embeddedPath : placed(p, f.file))) };
        })
      : [];
    // the G2 blank, URL places etc. are not evidence needs beyond the wanted fields
    const evidenceTruth = evs.map((e) => {
      const r = e.rendered;
      return {
        file: e.path,
        ...fileHash(e.path),
        questions: e.plan.questions,
        linkedBy: e.plan.linkedBy as string,
        capture: e.plan.kind === "empty" ? "empty" : e.plan.capture,
        docType: e.built?.doc.type ?? null,
        title: e.built?.doc.title ?? null,
        pages: r?.pages ?? 0,
        marked: readable(e.plan) ? (r ? r.marks.length > 0 : false) : null,
        markedText: r?.marks.map((m) => ({ page: m.page, text: m.text, color: m.color, style: m.style })) ?? [],
        onTopic: e.plan.onTopic,
        readable: readable(e.plan),
        ...(e.plan.password ? { password: e.plan.password } : {}),
        ...(e.plan.meeting ? { meeting: { committee: e.plan.meeting.committee, number: e.plan.meeting.meetNo, date: isoOf(e.plan.meeting.date), inWindow: inWindow(e.plan) } } : {}),
        ...(e.plan.note ? { note: e.plan.note } : {}),
      };
    });
    if (p.embedded && shot) {
      evidenceTruth.push({
        file: embeddedPath,
        sha256: sha256(shot.png),
        bytes: shot.png.length,
        questions: [p.embedded.question],
        linkedBy: "embedded",
        capture: "embedded-screenshot",
        docType: "web-news",
        title: shot.title,
        pages: 1,
        marked: shot.marks.length > 0,
        markedText: shot.marks.map((m) => ({ page: 1, text: m.text, color: m.color, style: m.style })),
        onTopic: true,
        readable: true,
        note: p.embedded.note,
      });
    }
    // planted mistakes of this agency
    const add = (id: string, description: string, files: string[], expect: object) => mistakes.push({ id, agency: agency.name, description, files, expect });
    for (const m of current.answers.mistakes) {
      if (m.code === "multiple_marks_single") add("two_marks_single_choice", `two marks where one answer is allowed (${m.field} added)`, [current.path], { validation: ["choice_multiple"] });
      if (m.code === "empty_specify") add("specify_left_blank", `"โปรดระบุ" left blank (${m.field})`, [current.path], { validation: ["specify_missing"] });
      if (m.code === "answered_other_respondent") add("answered_provincial_question", `an agency answered ${questionOf(m.field)}, a provincial-office question`, [current.path], { validation: ["not_asked_answered (info)"] });
    }
    for (const f of fs.filter((x) => x.plan.superseded)) {
      add("resubmission", "an earlier copy of the form; the newer one (date in its name, later mtime) replaces it", [f.path, current.path], {
        manifest: { [f.path]: "superseded", [current.path]: "used" },
        note: `the superseded copy has its own planted mistake: ${f.answers.mistakes.map((m) => `${m.code} ${m.field}`).join(", ")} (specify_missing if validated)`,
      });
    }
    if (current.plan.post === "corrupt") add("corrupt_docx", "the .docx is a truncated zip", [current.path], { extract: "exit 2 (unreadable)", manifest: "failed", identifiedBy: "folder" });
    if (current.plan.post === "doc") add("legacy_doc", "a Word 97 .doc (read through LibreOffice)", [current.path], { extract: "converted with LibreOffice" });
    if (current.plan.post === "scan") add("form_scanned", "the form printed, filled in part by hand (ticks, crosses, rings) and scanned at 150 dpi to an image-only PDF", [current.path], { extract: "read by OCR and mark recognition", manifest: "used" });
    if (current.plan.post === "pdf") add("form_as_pdf", "the form returned as a PDF (Word's Save as PDF of a legacy-field form: boxes drawn as graphics)", [current.path], { extract: "read from the PDF, same answers as the .docx", manifest: "used" });
    if (p.noAgencyName) add(p.identifiedBy === "folder" ? "no_agency_name_folder" : "no_agency_name_file_name", `the general block has the address only; the agency is known from its ${p.identifiedBy === "folder" ? "folder" : "file name"}`, [current.path], { identifiedBy: p.identifiedBy });
    for (const q of p.missingEvidence ?? []) add("evidence_missing", `${q} answered with a claim that needs evidence, no file sent`, [current.path], { validation: ["evidence_missing"], audit: "evidence_missing" });
    for (const e of evs) {
      const ep = e.plan;
      if (ep.kind === "empty") add("empty_file", `0-byte evidence file for ${ep.questions.join(", ")}`, [e.path], { manifest: "failed", audit: "unreadable" });
      else if (ep.password) add("password_protected", `password-protected PDF for ${ep.questions.join(", ")}`, [e.path], { manifest: "failed", audit: "unreadable" });
      else if (ep.unknownQuestion) add("unknown_question", `evidence named for ${ep.unknownQuestion}, which the form does not have`, [e.path], { validation: ["evidence_unknown_question"] });
      else if (ep.questions.length === 0) add("evidence_unlinked", "an evidence file whose name and folder name no question", [e.path], { manifest: "unlinked" });
      else if (!ep.marked) add("evidence_not_marked", `evidence for ${ep.questions.join(", ")} without any mark`, [e.path], { validation: ["evidence_not_marked"], audit: "not_marked" });
      else if (ep.meeting && inWindow(ep) === false) add("minutes_outside_period", `G2 minutes dated ${isoOf(ep.meeting.date)}, outside 12 มิ.ย. 66 – 11 มิ.ย. 67`, [e.path], { audit: "not_supported or weak (no in-period PCIO minutes)" });
      else if (!ep.onTopic) add("evidence_off_topic", ep.note ?? "evidence about something else", [e.path], { audit: "not_supported" });
    }
    if (p.overrides?.["G2:yes.detail"]) add("g2_date_typed_out_of_period", "G2's typed meeting date is outside the period", [current.path], { validation: ["date_out_of_period"] });
    return {
      key: p.key,
      name: agency.name,
      respondent: respondentOf(agency),
      identifiedBy: p.identifiedBy,
      /** An agency whose only form cannot be read has files in the manifest but no bundle. */
      hasBundle: readableForm,
      layout: p.layout,
      ...(p.place ? { place: p.place } : {}),
      ...(p.oddNames ? { oddNames: p.oddNames } : {}),
      notes: p.notes,
      forms: fs.map((f) => ({
        file: f.path,
        ...fileHash(f.path),
        status: f.plan.superseded ? "superseded" : f.plan.post === "corrupt" ? "failed" : "used",
        style: f.plan.style,
        ...(f.plan.post ? { post: f.plan.post } : {}),
        mtime: f.plan.mtime,
        generalHasAgencyName: !p.noAgencyName,
        answers: answersTruth(f.answers),
      })),
      evidenceNeeded: uniq(p.wanted.map(questionOf)),
      evidence: evidenceTruth,
      expected: { validation: issues, audit },
    };
  });
  return { agencies, mistakes };
}

// ---------------------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const started = performance.now();
  const form = loadForm("pcio-2567");
  const work = mkdtempSync(path.join(tmpdir(), "samruat-inbox-"));
  try {
    console.log("forms…");
    const forms = await makeForms(form, work);
    console.log("evidence…");
    const evidence = await makeEvidence(work);

    // Lay the files out: folders, loose files, one zip.
    const disk = new Map<string, { path: string; bytes: Uint8Array; mtime: string }>();
    const zips = new Map<string, { entries: { name: string; bytes: Uint8Array }[]; mtime: string }>();
    for (const p of PLAN) {
      const files = [
        ...forms.get(p.key)!.map((f) => ({ rel: f.path, bytes: f.bytes, mtime: f.plan.mtime })),
        ...evidence.get(p.key)!.map((e) => ({ rel: e.path, bytes: e.bytes, mtime: "2024-06-19T08:30:00+07:00" })),
      ];
      for (const f of files) {
        if (p.layout === "zip") {
          const z = zips.get(p.place!) ?? { entries: [], mtime: f.mtime };
          z.entries.push({ name: f.rel.slice(p.place!.length + 1), bytes: f.bytes });
          zips.set(p.place!, z);
        }
        disk.set(f.rel, { path: diskName(p, f.rel), bytes: f.bytes, mtime: f.mtime });
      }
    }
    rmSync(INBOX, { recursive: true, force: true });
    mkdirSync(INBOX, { recursive: true });
    const setTime = (file: string, iso: string) => {
      const t = new Date(iso);
      utimesSync(file, t, t);
    };
    for (const [rel, d] of disk) {
      if (PLAN.some((p) => p.layout === "zip" && rel.startsWith(`${p.place}/`))) continue;
      const abs = path.join(INBOX, d.path);
      mkdirSync(path.dirname(abs), { recursive: true });
      writeFileSync(abs, d.bytes);
      setTime(abs, d.mtime);
    }
    for (const [name, z] of zips) {
      const zip = new PizZip();
      for (const e of z.entries) zip.file(e.name, e.bytes, { date: FIXED_DATE, binary: true });
      for (const entry of Object.values(zip.files)) entry.date = FIXED_DATE;
      const bytes = zip.generate({ type: "uint8array", compression: "DEFLATE" });
      const abs = path.join(INBOX, name);
      writeFileSync(abs, bytes);
      setTime(abs, z.mtime);
      disk.set(name, { path: name, bytes, mtime: z.mtime });
    }
    const { agencies, mistakes } = buildTruth(form, forms, evidence, disk);
    const readme = readmeText(agencies, mistakes, disk);
    writeFileSync(path.join(INBOX, "README.md"), readme);
    setTime(path.join(INBOX, "README.md"), "2024-06-21T17:00:00+07:00");

    const files = [...disk.entries()]
      .map(([rel, d]) => {
        const p = PLAN.find((x) => rel === x.place || (x.layout !== "loose" && rel.startsWith(`${x.place}/`)) || (x.layout === "loose" && [...x.forms.map((f) => f.file), ...x.evidence.map((e) => e.file)].includes(rel)))!;
        const isZip = rel.endsWith(".zip");
        const inZip = p.layout === "zip" && !isZip;
        const f = forms.get(p.key)!.find((x) => x.path === rel);
        const e = evidence.get(p.key)!.find((x) => x.path === rel);
        const status = isZip
          ? "used"
          : f
            ? f.plan.superseded
              ? "superseded"
              : f.plan.post === "corrupt"
                ? "failed"
                : "used"
            : e && forms.get(p.key)!.every((x) => x.plan.superseded || x.plan.post === "corrupt")
              ? "ignored"
              : e && !readable(e.plan)
                ? "failed"
              : e && (e.plan.questions.length === 0 || e.plan.unknownQuestion)
                ? "unlinked"
                : "used";
        return {
          path: inZip ? `${p.place}/${rel.slice(p.place!.length + 1)}` : rel,
          onDisk: inZip ? null : d.path,
          ...(d.path !== rel && !inZip ? { nameNote: p.oddNames === "nfd" ? "written NFD" : "written with sara am as U+0E4D U+0E32" } : {}),
          sha256: sha256(d.bytes),
          bytes: d.bytes.length,
          kind: isZip ? "archive" : f ? "form" : "evidence",
          status,
          agency: agencyOf(p.key).name,
          ...(e ? { questions: e.plan.unknownQuestion ? [] : e.plan.questions } : {}),
          ...(e && forms.get(p.key)!.every((x) => x.plan.superseded || x.plan.post === "corrupt") ? { note: "the agency's form cannot be read, so its evidence has nothing to support (form_failed)" } : {}),
        };
      });
    for (const p of PLAN) {
      const shot = embeddedShots.get(p.key);
      const current = forms.get(p.key)!.find((f) => !f.plan.superseded)!;
      if (!p.embedded || !shot) continue;
      files.push({ path: `${current.path}#${p.embedded.media}`, onDisk: null, sha256: sha256(shot.png), bytes: shot.png.length, kind: "evidence", status: "used", agency: agencyOf(p.key).name, questions: [p.embedded.question] });
    }
    files.sort((a, b) => (a.path < b.path ? -1 : 1));
    files.push({ path: "README.md", onDisk: "README.md", sha256: sha256(Buffer.from(readme)), bytes: Buffer.byteLength(readme), kind: "other", status: "ignored", agency: "" } as (typeof files)[number]);

    const truth = {
      schema: "samruat.inbox-truth/1",
      generator: "scripts/inbox-samples/generate.ts",
      seed: SEED,
      form: form.file.id,
      inbox: "samples/inbox",
      province: CHIANG_MAI.name,
      g2Period: { from: G2_FROM, to: G2_TO },
      notes: [
        "status per file is what a batch should make of it: used / superseded / failed / unlinked / ignored (evidence of an agency whose only form is unreadable: ignored)",
        "hasBundle false: the agency's form cannot be read, so it has files in the manifest but no answers bundle",
        "expected.validation: planted issues only (codes of src/validate/types.ts); generated answers can trigger other, incidental warnings",
        "expected.audit: one entry per answered field that calls for evidence; `acceptable` lists verdicts that are also right",
        "answers: the generated truth of each form (general block, checked ids, typed values, mistakes)",
      ],
      agencies,
      mistakes,
      files,
    };
    writeFileSync(TRUTH, `${JSON.stringify(truth, null, 1)}\n`);

    const total = [...disk.entries()].filter(([rel]) => !PLAN.some((p) => p.layout === "zip" && rel.startsWith(`${p.place}/`))).reduce((s, [, d]) => s + d.bytes.length, 0);
    console.log(`${agencies.length} agencies, ${files.length} files, ${(total / 1048576).toFixed(2)} MB in samples/inbox; truth ${(statSync(TRUTH).size / 1024).toFixed(0)} KB; ${((performance.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------------------------

function readmeText(agencies: ReturnType<typeof buildTruth>["agencies"], mistakes: object[], disk: Map<string, { path: string; bytes: Uint8Array }>): string {
  const mb = (n: number) => (n / 1048576).toFixed(1);
  let total = 0;
  for (const [rel, d] of disk) if (!rel.includes(".zip/")) total += d.bytes.length;
  const rows = agencies.map((a) => {
    const where = a.layout === "folder" ? `folder \`${a.place}/\`` : a.layout === "zip" ? `\`${a.place}\`` : "loose files";
    const styles = uniq(a.forms.map((f) => (f.post === "lo" ? `${f.style}→LibreOffice` : f.post === "doc" ? ".doc" : f.post === "pdf" ? "PDF" : f.post === "scan" ? `${f.style}→paper scan` : f.post === "corrupt" ? "corrupt" : f.style))).join(", ");
    const pasted = a.evidence.filter((e) => e.linkedBy === "embedded").length;
    const ev = `${a.evidence.length - pasted}${pasted ? ` + ${pasted} pasted in the form` : ""}`;
    return `| ${a.name} | ${where} | ${a.identifiedBy} | ${styles} | ${ev} | ${a.evidenceNeeded.join(" ")} |`;
  });
  const ms = (mistakes as { id: string; agency: string; description: string; files: string[] }[]).map((m) => `| \`${m.id}\` | ${m.agency} | ${m.description} | ${m.files.map((f) => `\`${f}\``).join("<br>")} |`);
  return `# Demo inbox (generated)

What the PCIO secretariat of Chiang Mai finds in its mailbox after asking the 22 agencies of the PCIO agenda
(ครั้งที่ ๑/๒๕๖๗, 11 มิ.ย. 2567) for the Digital Government Readiness survey 2567: filled forms (.docx in every fill
style, one .doc, one corrupt), evidence (mostly digital PDFs with highlight annotations or Word highlight, a few
scans and photos with highlighter strokes), in per-agency folders, as loose files and in one .zip, with realistic
mistakes. \`npm run demo\` runs \`samruat batch samples/inbox --out out\` on it.

**Do not edit by hand.** Regenerate with

    npx tsx scripts/inbox-samples/generate.ts      # ~1–2 min on 2 cores; needs soffice and the TLWG fonts

The ground truth is **outside** the inbox, in \`samples/inbox-truth.json\` (so the batch does not take it for
input): per agency its name, respondent, how it should be identified, the generated answers of each form, each
evidence file with its questions, what is marked, whether it is on topic (and G2 minutes: committee, date, in the
period or not), the planted issues the validator should report and the verdict the audit should reach for every
answer that needs evidence, and a manifest of every file with the status a batch should give it. This README is
not input either (status \`ignored\`).

Total ${mb(total)} MB.

## Agencies

| agency | sent as | identified by | form | evidence files | answers needing evidence |
|---|---|---|---|---|---|
${rows.join("\n")}

Evidence is tied to questions by a code in its file name (\`P1.1_แผนปฏิบัติการดิจิทัล.pdf\`, \`G2 รายงานการประชุม.jpg\`,
\`ข้อ P6.2.1 นโยบาย….pdf\`, \`P1.7 และ P2.3 ….pdf\` for two questions) or in its folder's name (\`หลักฐาน G2/…\`).
Loose files at the top level carry the agency's name in the file name.

## Planted mistakes

| id | agency | what | files |
|---|---|---|---|
${ms.join("\n")}

The expected validation codes and audit verdicts of each are in the truth file (\`mistakes[].expect\`,
\`agencies[].expected\`). Generated answers may also trigger incidental warnings (e.g. \`count_mismatch_entries\`);
only the planted ones are listed as expected.

## Notes

- **Resubmission**: สำนักงานเกษตรจังหวัดเชียงใหม่ sent the form twice; the newer copy carries its date in the name
  (\`…_แก้ไข_2567-06-20.docx\`). The generator also sets file mtimes (older copy 2024-06-18, newer 2024-06-20,
  everything else 2024-06-19/21), but git does not keep mtimes: a fresh checkout has checkout-time mtimes, so
  only the date in the name is reliable.
- **Odd file names**: สำนักงานพาณิชย์'s files are named with sara am typed as nikhahit + sara aa (\`สํานักงาน\`,
  U+0E4D U+0E32 instead of U+0E33), as some keyboards and copies from PDFs produce; match agency names after
  normalising (the tables above and the truth give the names NFC with ำ; \`files[].onDisk\` the bytes on disk).
  สำนักงานที่ดิน's loose files are written NFD-normalised — for Thai that changes nothing (Thai
  has no canonical decompositions), it is there to show that NFD/NFC handling is not the issue for Thai names.
- **Pasted screenshot**: the provincial office pasted a highlighted screenshot of its web site's news on the digital
  plan into its form under P1.1 (\`word/media/image1.png\`; in the truth as
  \`<form>.docx#word/media/image1.png\`, linkedBy \`embedded\`), besides the P1.1 PDF.
- **The zip** (\`สำนักงานพลังงานจังหวัดเชียงใหม่.zip\`) has UTF-8 file names (flag set) and fixed entry dates.
- **Password**: the protected PDF of สำนักงานป้องกันและบรรเทาสาธารณภัย opens with \`pbcm2567\` (the agency did not
  send it; the batch should report the file as unreadable, not guess).
- **Reruns** give byte-identical files except the password-protected PDF (LibreOffice encrypts with a fresh key).
- **OCR load**: 5 raster files, 6 pages (1–2 pages each, 200 dpi scans and one phone photo) plus the pasted
  screenshot, so the demo's OCR stays short; everything else has a text layer.
- **Unreadable form**: สำนักงานแรงงาน's only form is a truncated .docx, so the agency has no answers bundle; its
  evidence file is listed with status \`ignored\` (nothing to support) — \`hasBundle: false\` in the truth.

## Checking

    npx tsx scripts/inbox-samples/check.ts            # extract + validate every form, read every evidence file
    npx tsx scripts/inbox-samples/check.ts --no-ocr   # without the scans and photos
    npx tsx scripts/inbox-samples/check.ts --batch    # also run \`samruat batch\` and compare its manifest and bundles

It reports what differs from the truth: planted issues not found, other errors and warnings (incidental ones come
from the answers or from extraction), marked phrases not read back, and for the batch: file statuses, how each agency
was identified, and every audit verdict.
`;
}

await main();
