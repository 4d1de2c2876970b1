/**
 * The province's document: the questionnaire renderer filled with the consolidated answers, a "ที่มา: …" line under
 * every question, and appendices: ก agencies and policy, ข conflicts, ค per-answer provenance, ง evidence, จ entries
 * that did not fit the form (only when some did not). Thai throughout, like the form.
 */
import { RULE_TEXT } from "./labels.js";
import type { CompiledForm } from "../form/compile.js";
import { formatThaiDate } from "../render/answers-fill.js";
import { renderEvidenceAppendix } from "../render/evidence-appendix.js";
import { type CellSpec, paragraph, run, table } from "../render/ooxml.js";
import { type FillState, TEXT_WIDTH } from "../render/questionnaire.js";
import { renderQuestionnaireDocx } from "../render/template.js";
import { caption, describe } from "./labels.js";
import type { BlankRule, MergePolicy, RespondentRole } from "./policy.js";
import type { ConsolidatedAnswer, ProvinceConsolidation, QuestionSummary } from "./schema.js";

const SIZE = 14;
const HEADER_SHADE = "D9E2F3";
const MUTED = "595959";
/** The provenance table points at answers; the form itself has their full wording and values. */
const MAX_LABEL_CHARS = 90;
const MAX_VALUE_CHARS = 60;
/** Share of the text width for a question-code column: the longest code ("P7.1.10") on one line. */
const CODE = 0.14;

const ROLE_TH: Record<RespondentRole, string> = {
  provincial_office: "สำนักงานจังหวัด",
  statistics_office: "สำนักงานสถิติจังหวัด",
  agency: "หน่วยงาน",
};


/** The province's .docx (A4, TH SarabunPSK like every copy); the same consolidation gives the same bytes. */
export function renderProvinceDocx(form: CompiledForm, result: ProvinceConsolidation): Uint8Array {
  const names = new Map(result.agencies.map((a) => [a.id, shortName(a.name, result.province)]));
  const nameOf = (id: string) => names.get(id) ?? id;
  const sections = [
    agenciesSection(result, nameOf),
    conflictsSection(result, nameOf),
    provenanceSection(form, result),
    // Printed in `result.evidence` order, which is how the provenance table numbers the files.
    renderEvidenceAppendix(
      result.evidence.map((e) => ({ ...e, agency: nameOf(e.agency) })),
      "ภาคผนวก ง หลักฐานประกอบคำตอบ",
    ),
    overflowSection(form, result, nameOf),
  ];
  const footer = `${form.file.id} ฉบับรวมจังหวัด${result.province}`;
  return renderQuestionnaireDocx(form, provinceFill(form, result, nameOf), footer, { before: cover(result), after: sections.join("") });
}

function provinceFill(form: CompiledForm, result: ProvinceConsolidation, nameOf: (id: string) => string): FillState {
  const checked = new Set(result.answers.filter((a) => a.value === true).map((a) => a.field));
  const values = new Map<string, string>();
  for (const a of result.answers) if (a.value !== true) values.set(a.field, displayValue(a));
  for (const [id, value] of Object.entries(result.general)) values.set(`general:${id}`, value);
  const summaries = new Map(result.questions.map((q) => [q.code, q]));
  const conflictCount = (code: string) => result.conflicts.filter((c) => c.question === code).length;
  return {
    isChecked: (id) => checked.has(id),
    valueOf: (id) => values.get(id),
    noteAfter: (code) => {
      const summary = summaries.get(code);
      return summary && provenanceLine(form, summary, conflictCount(code), nameOf, result);
    },
  };
}

/** The line under a question: where its answer came from, or why it has none. */
function provenanceLine(
  form: CompiledForm,
  q: QuestionSummary,
  conflicts: number,
  nameOf: (id: string) => string,
  result: ProvinceConsolidation,
): string | undefined {
  const noted = conflicts > 0 ? ` · ข้อสังเกต ${conflicts} รายการ (ภาคผนวก ข)` : "";
  switch (q.status) {
    case "heading":
      return undefined;
    case "answered": {
      const files = q.evidence.length > 0 ? ` · หลักฐาน ${q.evidence.length} ไฟล์` : "";
      return `ที่มา: ${q.agencies.map(nameOf).join(", ")}${files}${noted}`;
    }
    case "unanswered": {
      const noOffice = q.answeredBy === "provincial_office" && !result.agencies.some((a) => a.respondent === "provincial_office");
      return `ที่มา: ${noOffice ? "ไม่มีแบบสำรวจของสำนักงานจังหวัด" : "ไม่มีคำตอบที่นับรวมได้"}${noted}`;
    }
    case "skipped":
    case "condition_unmet": {
      const by = form.field(q.by!);
      const label = by ? `“${describe(form, by)}” ในข้อ ${by.question}` : q.by!;
      const why = q.status === "skipped" ? `ข้ามตามคำตอบของจังหวัด ${label}` : `ถามเฉพาะเมื่อจังหวัดตอบ ${label}`;
      return `ที่มา: ${why}${noted}`;
    }
  }
}

function cover(result: ProvinceConsolidation): string {
  const counts = (["provincial_office", "statistics_office", "agency"] as const)
    .map((role) => [role, result.agencies.filter((a) => a.respondent === role).length] as const)
    .filter(([, n]) => n > 0)
    .map(([role, n]) => `${ROLE_TH[role]} ${n}`)
    .join(", ");
  return (
    paragraph(run(`ฉบับรวมระดับจังหวัด จังหวัด${result.province}`, { bold: true, size: 20 }), { align: "center", spaceAfter: 60 }) +
    paragraph(run(`รวมจากแบบสำรวจ ${result.agencies.length} หน่วยงาน (${counts}) ตามหลักเกณฑ์การรวมคำตอบในภาคผนวก ก`, { size: SIZE, color: MUTED }), {
      align: "center",
      spaceAfter: 240,
    })
  );
}

function heading(text: string): string {
  return paragraph(run(text, { bold: true, size: 18 }), { pageBreakBefore: true, keepNext: true, spaceAfter: 120 });
}

function small(text: string, style: { bold?: boolean; color?: string } = {}): string {
  return paragraph(run(text, { size: SIZE, ...style }));
}

/** A table with a shaded header row; `widths` are fractions of the text width, the last column takes the rest. */
function simpleTable(titles: string[], fractions: number[], rows: string[][]): string {
  const widths = fractions.map((f) => Math.round(TEXT_WIDTH * f));
  widths.push(TEXT_WIDTH - widths.reduce((a, b) => a + b, 0));
  const header: CellSpec[] = titles.map((t, i) => ({
    content: paragraph(run(t, { bold: true, size: SIZE }), { align: "center" }),
    width: widths[i]!,
    shade: HEADER_SHADE,
    vAlign: "center",
  }));
  const body = rows.map((cells) => cells.map((content, i): CellSpec => ({ content, width: widths[i]! })));
  return table(widths, [header, ...body], 1);
}

function agenciesSection(result: ProvinceConsolidation, nameOf: (id: string) => string): string {
  const rows = result.agencies.map((a, i) => [
    small(String(i + 1)),
    small(a.name),
    small(ROLE_TH[a.respondent]),
    small(a.source.file),
    small(String(a.evidenceFiles)),
  ]);
  const p = result.policy;
  const policyLines = [
    `ข้อที่ตอบได้คำตอบเดียวและตารางสถานะ: ${RULE_TEXT.th[p.single]}`,
    `ข้อที่ตอบได้หลายคำตอบ: ${RULE_TEXT.th[p.multiple]}`,
    `คำตอบที่แบบสำรวจกำหนดให้แนบหลักฐานแต่ไม่มีหลักฐานที่ใช้ได้: ${p.evidence.unsupported === "exclude" ? "ไม่นับรวม" : "นับรวม"} (แสดงในภาคผนวก ข)`,
    `จำนวน: ${RULE_TEXT.th[p.blanks.integer]} · ตัวเลขอื่น: ${RULE_TEXT.th[p.blanks.number]} · ร้อยละ: ${RULE_TEXT.th[p.blanks.percent]} · วันที่: ${RULE_TEXT.th[p.blanks.date]}`,
    `ข้อความและ URL: ${RULE_TEXT.th[p.blanks.text]} · รายการ (โครงการ บริการ ชุดข้อมูล): ${p.entries === "combine" ? "รวมรายการของทุกหน่วยงาน" : RULE_TEXT.th.provincial_office}`,
    `ข้อที่สำนักงานจังหวัดเป็นผู้ตอบ: ใช้แบบสำรวจของ${p.sources.provincial_office.map((r) => ROLE_TH[r]).join(", ")}`,
  ];
  const warnings = result.warnings.map((w) => small(`• ${w.agency ? `${nameOf(w.agency)}: ` : ""}${w.message}`, { color: "C00000" }));
  return (
    heading("ภาคผนวก ก หน่วยงานที่ส่งแบบสำรวจและหลักเกณฑ์การรวมคำตอบ") +
    simpleTable(["ที่", "หน่วยงาน", "ผู้ตอบ", "ไฟล์แบบสำรวจ", "ไฟล์หลักฐาน"], [0.06, 0.38, 0.16, 0.26], rows) +
    paragraph(run("หลักเกณฑ์การรวมคำตอบ", { bold: true }), { keepNext: true }) +
    policyLines.map((l) => small(`• ${l}`)).join("") +
    warnings.join("")
  );
}

function conflictsSection(result: ProvinceConsolidation, nameOf: (id: string) => string): string {
  const title = heading("ภาคผนวก ข ข้อขัดแย้งและคำตอบที่ไม่ได้นับรวม");
  if (result.conflicts.length === 0) return title + small("ไม่มี");
  const rows = result.conflicts.map((c) => [
    small(c.question),
    small(c.agencies.map(nameOf).join(", ")),
    small(c.message),
    small(c.taken ? "นับรวม" : "ไม่นับรวม"),
  ]);
  return title + simpleTable(["ข้อ", "หน่วยงาน", "รายละเอียด", "ผล"], [CODE, 0.28, 0.44], rows);
}

/**
 * Every province answer with the agencies and evidence files it came from, cited by their numbers in ภาคผนวก ก and
 * ง: with ~22 agencies, names and paths repeated per answer would fill a hundred pages.
 */
function provenanceSection(form: CompiledForm, result: ProvinceConsolidation): string {
  const title = heading("ภาคผนวก ค ที่มาของคำตอบ");
  if (result.answers.length === 0) return title + small("ไม่มีคำตอบ");
  const agencyNumbers = new Map(result.agencies.map((a, i) => [a.id, i + 1]));
  const fileNumbers = new Map(result.evidence.map((e, i) => [`${e.agency}\u0000${e.file}`, i + 1]));
  const legend = small("หน่วยงานระบุด้วยลำดับในภาคผนวก ก และไฟล์หลักฐานด้วยลำดับในภาคผนวก ง", { color: MUTED });
  const rows = result.answers.map((a) => {
    const cited = a.sources.flatMap((s) => s.evidence.flatMap((f) => fileNumbers.get(`${s.agency}\u0000${f}`) ?? []));
    const files = [...new Set(cited)].sort((x, y) => x - y);
    return [
      small(a.question),
      small(answerText(form, a)),
      small(a.sources.map((s) => agencyNumbers.get(s.agency)!).join(", ")),
      small(files.length > 0 ? files.join(", ") : "—", files.length > 0 ? {} : { color: MUTED }),
    ];
  });
  return title + legend + simpleTable(["ข้อ", "คำตอบของจังหวัด", "หน่วยงาน", "หลักฐาน"], [CODE, 0.52, 0.14], rows);
}

function overflowSection(form: CompiledForm, result: ProvinceConsolidation, nameOf: (id: string) => string): string {
  if (result.overflow.length === 0) return "";
  const rows = result.overflow.map((o) => [
    small(o.question),
    small(nameOf(o.agency)),
    small(o.fields.map((f) => `${describe(form, form.field(f.field)!)}: ${f.value === true ? "✓" : f.value}`).join(" · ")),
  ]);
  return heading("ภาคผนวก จ รายการที่เกินจำนวนช่องในแบบสำรวจ") + simpleTable(["ข้อ", "หน่วยงาน", "รายการ"], [CODE, 0.28], rows);
}

/** An answer in the provenance table: its label and a blank's value (both shortened), a cell's column in full. */
function answerText(form: CompiledForm, a: ConsolidatedAnswer): string {
  const field = form.field(a.field)!;
  const { label, column } = caption(form, field);
  const shown = `${clip(label, MAX_LABEL_CHARS)}${column === undefined ? "" : ` — ${column}`}`;
  return a.value === true ? shown : `${shown}: ${clip(displayValue(a), MAX_VALUE_CHARS)}`;
}

function displayValue(a: ConsolidatedAnswer): string {
  return a.kind === "date" && typeof a.value === "string" ? formatThaiDate(a.value) : String(a.value);
}

/** Inside one province's document its name adds nothing: "สำนักงานพาณิชย์จังหวัดเชียงใหม่" reads "สำนักงานพาณิชย์จังหวัด". */
function shortName(name: string, province: string): string {
  return province && name.endsWith(province) && name.length > province.length ? name.slice(0, -province.length) : name;
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
