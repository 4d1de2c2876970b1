/**
 * The evidence appendix at the end of a clean copy: one row per evidence file — the questions it is for, the file,
 * its pages, its sha256 (short to read, whole to verify), and the marked key text per page.
 */
import type { BundleEvidence } from "../bundle/schema.js";
import type { CompiledForm } from "../form/compile.js";
import { type CellSpec, paragraph, run, table } from "./ooxml.js";
import { TEXT_WIDTH } from "./questionnaire.js";

export interface AppendixFile {
  /** The agency's display name, for appendices that gather several agencies' files (the province's). */
  agency?: string;
  file: string;
  sha256: string;
  questions: string[];
  pages: number;
  /** Marked key text per page that has marks. */
  marked: { page: number; texts: string[] }[];
  /** Why the file could not be read (Thai). */
  error?: string;
}

const SIZE = 14;
const HASH_SIZE = 8;
const SHORT_HASH = 8;
/** The appendix indexes the evidence; a marked passage longer than this is cut (the file itself has it whole). */
const MAX_REGION_CHARS = 300;
const HEADER_SHADE = "D9E2F3";
const GROUP_SHADE = "F2F2F2";
const MUTED = "595959";

export function appendixFile(e: BundleEvidence): AppendixFile {
  return {
    file: e.file,
    sha256: e.sha256,
    questions: e.questions,
    pages: e.pages.length,
    marked: e.pages
      .filter((p) => p.regions.length > 0)
      .map((p) => ({ page: p.number, texts: p.regions.map((r) => r.text.trim()).filter((t) => t !== "") })),
    ...(e.error ? { error: e.error.messageTh } : {}),
  };
}

/** Files in the order of the first question they are for, then by file name: how an agency's appendix lists them. */
export function byQuestion(form: CompiledForm, files: AppendixFile[]): AppendixFile[] {
  const order = new Map(form.questions.map((q, i) => [q.code, i]));
  const first = (f: AppendixFile) => Math.min(...f.questions.map((c) => order.get(c) ?? Infinity));
  return [...files].sort((a, b) => first(a) - first(b) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

interface Column {
  title: string;
  width: number;
  content(f: AppendixFile, n: number): string;
}

/**
 * The appendix as WordprocessingML: a heading on a new page and the table (or a line saying nothing is attached).
 * Files are printed in the order given and numbered from 1, so other tables can cite them by number; files that
 * name their agency (the province's appendix) sit under a full-width row per agency.
 */
export function renderEvidenceAppendix(files: AppendixFile[], title = "ภาคผนวก หลักฐานประกอบคำตอบ"): string {
  const heading = paragraph(run(title, { bold: true, size: 18 }), { pageBreakBefore: true, keepNext: true, spaceAfter: 120 });
  if (files.length === 0) return heading + paragraph(run("ไม่มีไฟล์หลักฐานแนบ"));
  const text = (s: string, align?: "center") => paragraph(run(s, { size: SIZE }), align ? { align } : {});
  const fixed: Column[] = [
    { title: "ที่", width: 600, content: (_, n) => text(String(n), "center") },
    // Wide enough for the longest code on one line ("P2.1.4.1", "P7.1.10").
    { title: "ข้อ", width: 1300, content: (f) => text(f.questions.join(", ")) },
    { title: "ไฟล์", width: 1700, content: (f) => text(f.file) },
    { title: "หน้า", width: 700, content: (f) => text(f.error ? "—" : String(f.pages), "center") },
    { title: "SHA-256", width: 1500, content: (f) => hashCell(f.sha256) },
  ];
  const used = fixed.reduce((sum, c) => sum + c.width, 0);
  const columns = [...fixed, { title: "ข้อความสำคัญที่ทำเครื่องหมาย (รายหน้า)", width: TEXT_WIDTH - used, content: keyTextCell }];
  const header: CellSpec[] = columns.map((c) => ({
    content: paragraph(run(c.title, { bold: true, size: SIZE }), { align: "center" }),
    width: c.width,
    shade: HEADER_SHADE,
    vAlign: "center",
  }));
  const rows = files.flatMap((f, i): CellSpec[][] => {
    const row = columns.map((c): CellSpec => ({ content: c.content(f, i + 1), width: c.width }));
    const startsGroup = f.agency !== undefined && f.agency !== files[i - 1]?.agency;
    if (!startsGroup) return [row];
    const group: CellSpec = { content: paragraph(run(f.agency!, { bold: true, size: SIZE })), width: TEXT_WIDTH, span: columns.length, shade: GROUP_SHADE };
    return [[group], row];
  });
  const count = paragraph(run(`จำนวน ${files.length} ไฟล์`, { size: SIZE, color: MUTED }), { spaceAfter: 120 });
  return heading + count + table(columns.map((c) => c.width), [header, ...rows], 1);
}

/** The first characters to compare by eye, then the whole digest in small type so a printout can be verified. */
function hashCell(sha256: string): string {
  return (
    paragraph(run(sha256.slice(0, SHORT_HASH), { size: SIZE })) +
    paragraph(run(sha256, { size: HASH_SIZE, color: MUTED }))
  );
}

function keyTextCell(f: AppendixFile): string {
  if (f.error) return paragraph(run(`อ่านไฟล์ไม่ได้: ${f.error}`, { size: SIZE, italic: true }));
  const pages = f.marked.filter((p) => p.texts.length > 0);
  if (pages.length === 0) return paragraph(run("ไม่พบการทำเครื่องหมายใจความสำคัญ", { size: SIZE, italic: true, color: MUTED }));
  return pages
    .map((p) => paragraph(run(`หน้า ${p.page}: `, { size: SIZE, bold: true }) + run(p.texts.map(clip).join(" / "), { size: SIZE })))
    .join("");
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, " ");
  return flat.length > MAX_REGION_CHARS ? `${flat.slice(0, MAX_REGION_CHARS)}…` : flat;
}
