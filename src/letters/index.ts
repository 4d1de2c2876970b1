/**
 * Fix letters: for every agency with something to fix, a Thai official memo (บันทึกข้อความ, TH SarabunPSK 16 pt,
 * .docx) listing question by question what is wrong and how to fix it, and a short plain-text version for e-mail
 * addressed to the contact the form gives. Built from the ledger only (batch.json), so the letter says exactly what
 * the report and the workbook say. Dates and document numbers are left as dotted lines for the secretariat to
 * fill: the same ledger always gives the same bytes.
 */
import type { BatchManifest } from "../bundle/schema.js";
import type { LedgerAgency, LedgerIssue } from "../ledger/index.js";
import { formatThaiDate } from "../render/answers-fill.js";
import { fillTemplate } from "../render/docx.js";
import { paragraph, run, table, type CellSpec } from "../render/ooxml.js";

export const LETTER_TEMPLATE = "letter-base.docx";

export interface Letter {
  agency: string;
  name: string;
  /** Output-relative file names: letters/<agency id>.docx and .txt. */
  docxPath: string;
  textPath: string;
  docx: Uint8Array;
  text: string;
  /** The question codes the letter lists (for checks), in order. */
  questions: string[];
}

export interface LetterContext {
  /** The form's title ("แบบสำรวจระดับความพร้อมรัฐบาลดิจิทัล …"). */
  formTitle: string;
  province: string;
}

/** One letter per agency that has received something and has an error or warning to fix; none for the others. */
export function buildLetters(manifest: BatchManifest, context: LetterContext): Letter[] {
  const letters: Letter[] = [];
  for (const agency of manifest.agencies) {
    const items = toFix(manifest.issues.filter((i) => i.agency === agency.id));
    if (agency.status === "not_received" || items.length === 0) continue;
    const groups = byQuestion(items);
    letters.push({
      agency: agency.id,
      name: agency.name,
      docxPath: `letters/${agency.id}.docx`,
      textPath: `letters/${agency.id}.txt`,
      docx: letterDocx(agency, groups, context),
      text: letterText(agency, groups, context),
      questions: groups.map((g) => g.question).filter(Boolean),
    });
  }
  return letters;
}

/** Errors are what must be fixed; warnings are worth checking. Notes (info) stay in the report. */
function toFix(issues: readonly LedgerIssue[]): LedgerIssue[] {
  return issues.filter((i) => i.severity !== "info");
}

interface QuestionGroup {
  /** Question code, or "" for the form or a file as a whole. */
  question: string;
  items: LedgerIssue[];
}

/** The form's and files' problems first, then question by question in the order the ledger lists them. */
function byQuestion(issues: readonly LedgerIssue[]): QuestionGroup[] {
  const groups = new Map<string, LedgerIssue[]>();
  for (const issue of issues) {
    const code = /^[GP]\d/u.test(issue.question) ? issue.question : "";
    groups.set(code, [...(groups.get(code) ?? []), issue]);
  }
  const order = (code: string) => (code === "" ? [] : code.split(/[ .]/u).map((part) => Number(part.replace(/^[GP]/u, "")) + (part.startsWith("G") ? 0 : 1000)));
  return [...groups]
    .sort((a, b) => compareCodes(order(a[0]), order(b[0])))
    .map(([question, items]) => ({ question, items }));
}

function compareCodes(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? -1) - (b[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

/** "ขอให้แก้ไขแบบสำรวจและหลักฐานประกอบ ประจำปี 2567": the form's year, without its whole long title. */
const SUBJECT = (formTitle: string) => `ขอให้แก้ไขแบบสำรวจและหลักฐานประกอบ${/ประจำปี\s*\S+/u.exec(formTitle)?.[0].replace(/^/u, " ") ?? ""}`;
const SENDER = (province: string) => `ฝ่ายเลขานุการคณะกรรมการผู้บริหารเทคโนโลยีสารสนเทศระดับสูงระดับจังหวัด (PCIO) จังหวัด${province}`;
const DOTS = "....................";

/** Messages start "ข้อ P1.1: …"; listed under their question, the code is said once. */
function withoutCode(message: string, code: string): string {
  return code && message.startsWith(`ข้อ ${code}: `) ? message.slice(`ข้อ ${code}: `.length) : message;
}

function questionLabel(code: string): string {
  return code ? `ข้อ ${code}` : "ไฟล์ที่ส่ง";
}

function received(agency: LedgerAgency): string {
  return agency.received ? ` (ได้รับล่าสุดเมื่อ ${formatThaiDate(agency.received)})` : "";
}

// --- .docx ------------------------------------------------------------------------------------------------------

const TAB_INDENT = 1418; // 2.5 cm: the first line of a paragraph in Thai official letters
const SIGNATURE_INDENT = 3402; // the signature block sits in the right half of the page

function letterDocx(agency: LedgerAgency, groups: readonly QuestionGroup[], context: LetterContext): Uint8Array {
  const p = (text: string, style: Parameters<typeof paragraph>[1] = {}, bold = false) => paragraph(run(text, { bold }), style);
  const labelled = (label: string, value: string) => paragraph(run(label, { bold: true, size: 20 }) + run(`  ${value}`), { spaceAfter: 0 });
  const errors = groups.reduce((n, g) => n + g.items.filter((i) => i.severity === "error").length, 0);
  const warnings = groups.reduce((n, g) => n + g.items.filter((i) => i.severity === "warning").length, 0);

  const header = [
    paragraph(run("บันทึกข้อความ", { bold: true, size: 29 }), { align: "center", spaceAfter: 120 }),
    labelled("ส่วนราชการ", `สำนักงานจังหวัด${context.province} (ฝ่ายเลขานุการคณะกรรมการ PCIO)`),
    paragraph(run("ที่", { bold: true, size: 20 }) + run(`  ${DOTS}${DOTS}\t\t`) + run("วันที่", { bold: true, size: 20 }) + run(`  ${DOTS}${DOTS}`), { spaceAfter: 0 }),
    labelled("เรื่อง", SUBJECT(context.formTitle)),
    paragraph("", { spaceAfter: 0 }),
    p(`เรียน  หัวหน้า${agency.name}`, { spaceAfter: 120 }),
  ];
  const intro = [
    paragraph(
      run(
        `ตามที่จังหวัด${context.province}ขอความร่วมมือ${agency.name}ตอบ${context.formTitle}พร้อมแนบหลักฐานและทำสัญลักษณ์ที่ใจความสำคัญ นั้น ` +
          `ฝ่ายเลขานุการได้ตรวจแบบสำรวจและหลักฐานที่ได้รับ${received(agency)} แล้ว พบ` +
          [errors ? `รายการที่ต้องแก้ไข ${errors} รายการ` : "", warnings ? `รายการที่ขอให้ตรวจสอบ ${warnings} รายการ` : ""].filter(Boolean).join(" และ") +
          " ดังนี้",
      ),
      { align: "both", spaceAfter: 120, firstLine: TAB_INDENT },
    ),
  ];
  const widths = [1750, 4050, 3200];
  const head: CellSpec[] = ["ข้อ", "สิ่งที่พบ", "วิธีแก้ไข"].map((t, i) => ({ content: paragraph(run(t, { bold: true }), { align: "center" }), width: widths[i]!, shade: "E8EEF7" }));
  const rows: CellSpec[][] = groups.flatMap((g) =>
    g.items.map((issue, k) => [
      { content: k === 0 ? paragraph(run(questionLabel(g.question), { bold: true })) : paragraph(""), width: widths[0]! },
      {
        content: paragraph(run(issue.severity === "error" ? "ต้องแก้ไข: " : "ขอให้ตรวจสอบ: ", { bold: true }) + run(withoutCode(issue.message, g.question))) + (issue.file && issue.source === "file" ? paragraph(run(`ไฟล์: ${issue.file}`, { size: 14 })) : ""),
        width: widths[1]!,
      },
      { content: paragraph(run(issue.hint || "-")), width: widths[2]! },
    ]),
  );
  const closing = [
    paragraph("", { spaceAfter: 0 }),
    paragraph(
      run(
        `จึงเรียนมาเพื่อโปรดพิจารณาแก้ไข และส่งแบบสำรวจ (.docx) พร้อมหลักฐานฉบับแก้ไขมายังฝ่ายเลขานุการภายในวันที่ ${DOTS} ` +
          "หากมีข้อสงสัยโปรดติดต่อฝ่ายเลขานุการ",
      ),
      { align: "both", firstLine: TAB_INDENT, spaceAfter: 480 },
    ),
    p(`(${DOTS}${DOTS})`, { align: "center", indent: SIGNATURE_INDENT }),
    p(`ตำแหน่ง ${DOTS}${DOTS}`, { align: "center", indent: SIGNATURE_INDENT }),
    p(SENDER(context.province), { align: "center", indent: SIGNATURE_INDENT, spaceAfter: 240 }),
    ...(agency.contact && (agency.contact.name || agency.contact.email)
      ? [p(`ผู้ประสานงานของหน่วยงาน: ${[agency.contact.name, agency.contact.email, agency.contact.phone].filter(Boolean).join(" · ")}`, { spaceAfter: 0 })]
      : []),
  ];
  const body = [...header, ...intro, table(widths, [head, ...rows], 1), ...closing].join("");
  return fillTemplate(LETTER_TEMPLATE, { body, title: `${SUBJECT(context.formTitle)} — ${agency.name}`, footer: agency.name });
}

// --- e-mail text ------------------------------------------------------------------------------------------------

function letterText(agency: LedgerAgency, groups: readonly QuestionGroup[], context: LetterContext): string {
  const lines: string[] = [];
  if (agency.contact?.email) lines.push(`ถึง: ${agency.contact.email}`);
  lines.push(`เรื่อง: ${SUBJECT(context.formTitle)} (${agency.name})`, "");
  lines.push(`เรียน ${agency.contact?.name ? `คุณ${agency.contact.name} ผู้ประสานงาน` : "ผู้ประสานงาน"}${agency.name}`, "");
  lines.push(`ฝ่ายเลขานุการได้ตรวจแบบสำรวจและหลักฐานของ${agency.name}${received(agency)} แล้ว ขอให้แก้ไขรายการต่อไปนี้:`, "");
  for (const g of groups) {
    lines.push(`${questionLabel(g.question)}`);
    for (const issue of g.items) {
      lines.push(`  - ${issue.severity === "error" ? "ต้องแก้ไข" : "ขอให้ตรวจสอบ"}: ${withoutCode(issue.message, g.question)}`);
      if (issue.hint) lines.push(`    วิธีแก้: ${issue.hint}`);
    }
  }
  lines.push("", "เมื่อแก้ไขแล้ว โปรดส่งแบบสำรวจ (.docx) พร้อมหลักฐานฉบับแก้ไขกลับมาทางอีเมลนี้", "", SENDER(context.province), "");
  return lines.join("\r\n");
}
