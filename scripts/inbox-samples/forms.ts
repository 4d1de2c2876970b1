/**
 * The filled questionnaires of the inbox: answers from the form-samples generator, steered so each agency claims
 * evidence-backed answers ("แนบเอกสารหลักฐาน") only where the plan gives it a document, rendered in one of the fill
 * styles, and the LibreOffice steps (round-trip .docx, legacy .doc).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import PizZip from "pizzip";
import type { CompiledForm, FieldDef } from "../../src/form/compile.js";
import { renderQuestionnaireDocx } from "../../src/render/template.js";
import { type AnswerSet, generateAnswers, type MistakeCode, STEER_ALWAYS } from "../form-samples/answers.js";
import { buildPackage, FIXED_DATE, normalizePackage, pinLibreOffice } from "../form-samples/docx-package.js";
import type { Block } from "../form-samples/layout.js";
import type { Rng } from "../form-samples/prng.js";
import { type RelayoutStyle, renderRelayout } from "../form-samples/relayout.js";
import type { Agency } from "../form-samples/thai.js";
import { looksLikeUrlValue } from "./util.js";

export type FillStyle = "cc" | "glyph" | "sym" | "legacy" | "typed" | "mixed";

// ---------------------------------------------------------------------------------------------------------------
// Steering

/** Does checking this option/cell call for evidence (itself, a non-URL evidence blank under it, or all its sub-options)? */
export function evidenceBearing(form: CompiledForm, f: FieldDef): boolean {
  if (f.evidence) return true;
  const children = form.fields.filter((c) => c.parent === f.id);
  if (children.some((c) => c.kind === "blank" && c.evidence && c.blankType !== "url")) return true;
  // entries under the option with an evidence field (G3 projects)
  if (form.fields.some((c) => c.entry && c.evidence && c.id.startsWith(`${f.id}.`))) return true;
  const opts = children.filter((c) => c.kind === "option");
  return opts.length > 0 && opts.every((c) => evidenceBearing(form, c));
}

/**
 * Steering for generateAnswers: the wanted option/cell ids (and their ancestors) always, every other
 * evidence-bearing option or cell never, everything else at the generator's own odds.
 */
export function steerFor(form: CompiledForm, wanted: readonly string[], exclusive: readonly string[] = []): (id: string) => number | undefined {
  const always = new Set<string>();
  for (const id of wanted) {
    const f = form.field(id);
    if (!f) throw new Error(`steer: unknown field ${id}`);
    for (let g: FieldDef | undefined = f; g; g = g.parent ? form.field(g.parent) : undefined) always.add(g.id);
  }
  const cache = new Map<string, number | undefined>();
  return (id) => {
    if (cache.has(id)) return cache.get(id);
    let v: number | undefined;
    if (always.has(id)) v = STEER_ALWAYS;
    else if (exclusive.includes(form.field(id)?.parent ?? "")) v = 0;
    else {
      const f = form.field(id);
      v = f && (f.kind === "option" || f.kind === "cell") && evidenceBearing(form, f) ? 0 : undefined;
    }
    cache.set(id, v);
    return v;
  };
}

/** The answers that call for evidence (the validator's rule, on an answer set); `url`: a URL typed in its place. */
export function evidenceNeedFields(form: CompiledForm, a: AnswerSet): { field: FieldDef; url: boolean }[] {
  const out: { field: FieldDef; url: boolean }[] = [];
  const entriesSeen = new Set<string>();
  for (const f of form.fields) {
    if (!f.evidence) continue;
    if (f.kind === "option" || f.kind === "cell") {
      const url = form.fields.some((c) => c.parent === f.id && c.kind === "blank" && c.blankType === "url" && looksLikeUrlValue(a.values.get(c.id)?.text ?? ""));
      if (a.checked.has(f.id)) out.push({ field: f, url });
      continue;
    }
    const v = a.values.get(f.id)?.text;
    const url = f.blankType === "url" && v !== undefined && looksLikeUrlValue(v);
    if (f.entry) {
      const prefix = f.id.slice(0, f.id.lastIndexOf(".") + 1);
      const entryHasValue = [...a.values.keys()].some((k) => k.startsWith(prefix)) || [...a.checked].some((k) => k.startsWith(prefix));
      if ((!f.parent || a.checked.has(f.parent)) && entryHasValue && !entriesSeen.has(prefix)) {
        entriesSeen.add(prefix);
        out.push({ field: f, url });
      }
    } else if (f.parent ? a.checked.has(f.parent) : v !== undefined) {
      out.push({ field: f, url });
    }
  }
  return out;
}

/** Questions whose answers call for an evidence file (a URL in the evidence place does not count). */
export function evidenceNeeds(form: CompiledForm, a: AnswerSet): string[] {
  return [...new Set(evidenceNeedFields(form, a).filter((n) => !n.url).map((n) => n.field.question))].sort();
}

/**
 * The claims an audit judges (src/audit/points.ts): each evidence need, or instead its checked sub-options that
 * carry an expectation of their own (P1.1's items, P5.2's areas).
 */
export function auditClaims(form: CompiledForm, a: AnswerSet, filed: ReadonlySet<string> = new Set()): { field: string; question: string; url: boolean }[] {
  const levels = (f: FieldDef | undefined) => f?.expect?.length ?? 0;
  const own = (f: FieldDef) => {
    const parent = f.parent ? form.field(f.parent) : undefined;
    const inherited = parent ? levels(parent) : form.question(f.question)?.source.expect ? 1 : 0;
    return levels(f) > inherited;
  };
  const out: { field: string; question: string; url: boolean }[] = [];
  for (const { field: need, url } of evidenceNeedFields(form, a)) {
    const claims = form.fields.filter((f) => f.parent === need.id && f.kind === "option" && a.checked.has(f.id) && own(f));
    for (const f of claims.length > 0 ? claims : [need]) out.push({ field: f.id, question: f.question, url });
  }
  // a checked option with an expectation of its own but no evidence mark is judged when files were attached anyway
  const lineage = (code: string): string[] => {
    const chain = [code];
    for (let p = form.question(code)?.source.parent; p; p = form.question(p)?.source.parent) chain.push(p);
    return chain;
  };
  for (const f of form.fields) {
    if (f.kind !== "option" || f.evidence || !a.checked.has(f.id) || !own(f) || out.some((o) => o.field === f.id)) continue;
    if (lineage(f.question).some((c) => filed.has(c))) out.push({ field: f.id, question: f.question, url: false });
  }
  return out;
}

export interface AnswerPlan {
  agency: Agency;
  wanted: string[];
  mistakes: MistakeCode[];
  crossQuestion?: string;
  /** Drop P7.1's optional list of new technologies (its entries call for evidence). */
  noNewTech?: boolean;
  exclusive?: string[];
  processes?: Record<string, string[]>;
}

/** Counts that agree with the lists under them and with the totals above them (the validator's constraints). */
function countsAgree(a: AnswerSet): boolean {
  const num = (id: string) => {
    const v = a.values.get(id)?.truth;
    return v === undefined ? undefined : Number(v);
  };
  for (const [count, list] of [
    ["P4.2.1:total.count", "P4.2.1:total.services."],
    ["P2.2.2:yes.count", "P2.2.2:yes.datasets."],
  ] as const) {
    const n = num(count);
    if (n === undefined) continue;
    const named = [...a.values.keys()].filter((k) => k.startsWith(list) && k.endsWith(".name")).length;
    if (named !== Math.min(n, 5)) return false;
  }
  for (const [part, whole] of [
    ["P4.1.1:total.count", "P4.1:total.count"],
    ["P4.2.1:total.count", "P4.2:total.count"],
  ] as const) {
    const x = num(part);
    const y = num(whole);
    if (x !== undefined && y !== undefined && x > y) return false;
  }
  return true;
}

export function answersFor(form: CompiledForm, rng: Rng, p: AnswerPlan): AnswerSet {
  let a: AnswerSet | undefined;
  for (let k = 0; k < 60 && !a; k++) {
    const attempt = generateAnswers(form, k === 0 ? rng : rng.fork(`agree${k}`), {
      agency: p.agency,
      mistakes: p.mistakes,
      steer: steerFor(form, p.wanted, p.exclusive),
      ...(p.crossQuestion ? { crossQuestion: p.crossQuestion } : {}),
    });
    if (countsAgree(attempt)) a = attempt;
  }
  if (!a) throw new Error(`${p.agency.key}: no answer set with agreeing counts`);
  for (const [q, list] of Object.entries(p.processes ?? {})) {
    for (const k of [...a.values.keys()]) if (k.startsWith(`${q}:yes.processes.`)) a.values.delete(k);
    list.forEach((text, i) => a.values.set(`${q}:yes.processes.${i + 1}.process`, { text, truth: text }));
  }
  if (p.noNewTech ?? true) {
    for (const k of [...a.values.keys()]) if (k.startsWith("P7.1:new_tech.")) a.values.delete(k);
    for (const k of [...a.checked]) if (k.startsWith("P7.1:new_tech.")) a.checked.delete(k);
  }
  return a;
}

/** A copy with one "โปรดระบุ" blank under a checked option emptied (the officer forgot to type it). */
export function dropSpecify(form: CompiledForm, a: AnswerSet, rng: Rng): { answers: AnswerSet; field: string } {
  const candidates = [...a.values.keys()].filter((id) => {
    const f = form.field(id)!;
    if (f.optional || f.entry || !f.parent || form.field(f.parent)?.kind !== "option") return false;
    return /ระบุ/u.test(f.label) && a.checked.has(f.parent);
  });
  if (candidates.length === 0) throw new Error(`no "please specify" blank to drop for ${a.agency.key}`);
  const field = rng.pick(candidates.sort());
  const values = new Map(a.values);
  values.delete(field);
  return { answers: { ...a, values, checked: new Set(a.checked), mistakes: [...a.mistakes, { code: "empty_specify", field }] }, field };
}

// ---------------------------------------------------------------------------------------------------------------
// Rendering

export function renderForm(form: CompiledForm, blocks: Block[], style: FillStyle, a: AnswerSet, rng: Rng): Uint8Array {
  if (style === "cc") {
    return renderQuestionnaireDocx(form, {
      isChecked: (id) => a.checked.has(id),
      valueOf: (id) => (id.startsWith("general:") ? a.general[id.slice(8)]?.text : a.values.get(id)?.text) || undefined,
    });
  }
  const r = renderRelayout(blocks, style as RelayoutStyle, a, rng);
  const author = `${a.general.first_name?.text ?? ""} ${a.general.last_name?.text ?? ""}`.trim();
  return buildPackage({ body: r.body, rsids: r.rsids, author, title: "แบบสำรวจระดับความพร้อมรัฐบาลดิจิทัล PCIO 2567" });
}

/** LibreOffice conversions of .docx files: "docx" (round trip, re-zipped with fixed dates), "doc" (Word 97) or "pdf" (Save as PDF). */
export function libreOffice(inputs: { name: string; bytes: Uint8Array }[], target: "docx" | "doc" | "pdf", work: string): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  if (inputs.length === 0) return out;
  const inDir = path.join(work, `lo-${target}-in`);
  const outDir = path.join(work, `lo-${target}-out`);
  mkdirSync(inDir, { recursive: true });
  mkdirSync(outDir, { recursive: true });
  for (const i of inputs) writeFileSync(path.join(inDir, i.name), i.bytes);
  const filter = target === "docx" ? "docx:MS Word 2007 XML" : target === "doc" ? "doc:MS Word 97" : "pdf:writer_pdf_Export";
  execFileSync(
    "soffice",
    [`-env:UserInstallation=file://${path.join(work, "lo-profile-forms")}`, "--headless", "--norestore", "--convert-to", filter, "--outdir", outDir, ...inputs.map((i) => path.join(inDir, i.name))],
    { stdio: ["ignore", "pipe", "pipe"], timeout: 600_000 },
  );
  for (const i of inputs) {
    const file = path.join(outDir, i.name.replace(/\.docx$/u, `.${target}`));
    if (!existsSync(file)) throw new Error(`LibreOffice did not convert ${i.name} to ${target}`);
    const bytes = new Uint8Array(readFileSync(file));
    out.set(i.name, target === "docx" ? normalizePackage(bytes, pinLibreOffice("2024-06-19T08:30:00Z", 52)) : bytes);
  }
  return out;
}

/**
 * A picture pasted into a .docx (a screenshot under a question, as officers do): a centred inline picture in its own
 * paragraph, placed before the paragraph that starts question `beforeCode` (and its indicator heading, if any).
 */
export function embedPicture(docx: Uint8Array, beforeCode: string, media: string, png: Uint8Array, wPx: number, hPx: number, descr: string): Uint8Array {
  const zip = new PizZip(docx);
  let xml = zip.file("word/document.xml")!.asText();
  const at = xml.indexOf(`>${beforeCode} </w:t>`);
  if (at < 0) throw new Error(`embedPicture: no paragraph starts ${beforeCode}`);
  let p = xml.lastIndexOf("<w:p>", at);
  // step over an indicator heading ("[1.2 Cyber Security Policy]") right before the question
  const prev = xml.lastIndexOf("<w:p>", p - 1);
  if (prev >= 0 && /<w:t[^>]*>\[[^<]*\]<\/w:t><\/w:r><\/w:p>$/u.test(xml.slice(prev, p))) p = prev;
  const emu = 9525;
  const maxW = 6 * 914400; // 6 in
  const cx = Math.min(maxW, wPx * emu);
  const cy = Math.round((cx * hPx) / wPx);
  const rid = "rIdPasted1";
  const drawing =
    `<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" distT="0" distB="0" distL="0" distR="0">` +
    `<wp:extent cx="${cx}" cy="${cy}"/><wp:docPr id="9001" name="Picture 1" descr="${escapeAttr(descr)}"/>` +
    `<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">` +
    `<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="0" name="${escapeAttr(media.split("/").pop()!)}"/><pic:cNvPicPr/></pic:nvPicPr>` +
    `<pic:blipFill><a:blip r:embed="${rid}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
    `<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>` +
    `</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`;
  xml = xml.slice(0, p) + drawing + xml.slice(p);
  const rels = zip.file("word/_rels/document.xml.rels")!.asText().replace(
    "</Relationships>",
    `<Relationship Id="${rid}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="${media.replace(/^word\//u, "")}"/></Relationships>`,
  );
  let types = zip.file("[Content_Types].xml")!.asText();
  if (!/Extension="png"/u.test(types)) types = types.replace("<Default ", '<Default Extension="png" ContentType="image/png"/><Default ');
  const out = new PizZip();
  for (const name of Object.keys(zip.files).sort()) {
    const entry = zip.files[name]!;
    if (entry.dir) continue;
    const content = name === "word/document.xml" ? xml : name === "word/_rels/document.xml.rels" ? rels : name === "[Content_Types].xml" ? types : entry.asUint8Array();
    out.file(name, content, { date: FIXED_DATE, ...(typeof content === "string" ? {} : { binary: true }) });
  }
  out.file(media, png, { date: FIXED_DATE, binary: true });
  for (const e of Object.values(out.files)) e.date = FIXED_DATE;
  return out.generate({ type: "uint8array", compression: "DEFLATE" });
}

function escapeAttr(s: string): string {
  return s.replace(/&/gu, "&amp;").replace(/"/gu, "&quot;").replace(/</gu, "&lt;");
}

export { FIXED_DATE };
