/**
 * summary.xlsx for the secretariat: first every agency of the roster with its status, then the overview per agency,
 * every answer side by side, issues (file problems, validation, audit: the same list as issues.csv), evidence, the
 * audit of every answer that needs evidence (with the auditor's decisions read back) and the files that were not
 * used. Thai headers in TH SarabunPSK, frozen header rows (and label columns), auto filters; printed landscape on A4,
 * one page wide, the header row on every page. Same inputs, same bytes (fixed dates in the properties and the zip).
 */
import ExcelJS from "exceljs";
import PizZip from "pizzip";
import { normalizeZipDates } from "../render/docx.js";
import { STATUS_TEXT } from "../ledger/index.js";
import type { Round } from "../ledger/rounds.js";
import type { BatchManifest } from "../bundle/schema.js";
import { formatThaiDate } from "../render/answers-fill.js";
import type { CompiledForm } from "../form/compile.js";
import { DECISION_TH, FOUND_IN_TH, IDENTIFIED_BY_TH, KIND_TH, LINKED_BY_TH, RESPONDENT_TH, SEVERITY_TH, SHEETS, STATUS_TH, VERDICT_TH } from "./messages.js";
import { ISSUE_COLUMNS, ISSUE_HEADERS, type AgencyResult, type AuditRow, type IssueRow } from "./tables.js";

/** Fixed document dates: a rerun writes the same workbook properties. */
const WORKBOOK_DATE = new Date(Date.UTC(2024, 0, 1));
const FONT = { name: "TH SarabunPSK", size: 14 };
/** Excel refuses cell text longer than this. */
const MAX_CELL = 32_000;

type Cell = string | number | null;
interface Column {
  header: string;
  width: number;
  /** Excel number format, e.g. "0%". */
  format?: string;
}

export async function renderWorkbook(
  form: CompiledForm,
  results: readonly AgencyResult[],
  manifest: BatchManifest,
  issues: readonly IssueRow[],
  audit: readonly AuditRow[],
  round: Round,
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = wb.lastModifiedBy = "samruat";
  wb.created = wb.modified = WORKBOOK_DATE;

  const st = SHEETS.status;
  addSheet(
    wb,
    st.name,
    [
      { header: st.agency, width: 46 },
      { header: st.status, width: 14 },
      { header: st.received, width: 16 },
      { header: st.files, width: 10 },
      { header: st.completeness, width: 16, format: "0%" },
      { header: st.errors, width: 11 },
      { header: st.warnings, width: 10 },
      { header: st.audit, width: 14 },
      { header: st.contact, width: 26 },
      { header: st.email, width: 30 },
      { header: st.phone, width: 16 },
      { header: st.expected, width: 16 },
    ],
    manifest.agencies.map((a) => [
      a.name,
      STATUS_TEXT[a.status].th,
      a.received ? formatThaiDate(a.received) : null,
      a.files,
      share(a.completeness.held, a.completeness.required),
      a.counts.error,
      a.counts.warning,
      a.audit.total ? `${a.audit.supported + a.audit.accepted + a.audit.rejected}/${a.audit.total}` : null,
      a.contact?.name ?? null,
      a.contact?.email ?? null,
      a.contact?.phone ?? null,
      a.expected ? st.yes : st.no,
    ]),
    1,
  );

  const byId = new Map(results.map((r) => [r.bundle.agency.id, r]));
  const o = SHEETS.overview;
  const pillars = form.file.pillars.map((p) => p.number);
  addSheet(
    wb,
    o.name,
    [
      { header: o.agency, width: 42 },
      { header: o.id, width: 30 },
      { header: o.file, width: 40 },
      { header: o.identifiedBy, width: 18 },
      { header: o.respondent, width: 18 },
      { header: o.completeness, width: 14, format: "0%" },
      ...pillars.map((n) => ({ header: o.pillar(n), width: 11, format: "0%" })),
      { header: o.errors, width: 10 },
      { header: o.warnings, width: 10 },
      { header: o.evidence, width: 10 },
      { header: o.superseded, width: 40 },
    ],
    manifest.agencies.map((ag) => {
      const result = byId.get(ag.id);
      const report = result?.report;
      return [
        ag.name,
        ag.id,
        ag.form ?? null,
        ag.identifiedBy ? IDENTIFIED_BY_TH[ag.identifiedBy] : null,
        RESPONDENT_TH[ag.respondent],
        share(ag.completeness.held, ag.completeness.required),
        ...pillars.map((n) => {
          const p = report?.completeness.pillars.find((x) => x.pillar === n);
          return p ? share(p.answered, p.required) : null;
        }),
        ag.counts.error,
        ag.counts.warning,
        result?.bundle.evidence.length ?? null,
        (result?.bundle.superseded ?? []).map((s) => s.file).join("\n"),
      ];
    }),
    1,
  );

  const a = SHEETS.answers;
  const answers = results.map(({ bundle }) => new Map(bundle.answers.answers.map((item) => [item.field, item.value])));
  addSheet(
    wb,
    a.name,
    [{ header: a.question, width: 10 }, { header: a.field, width: 28 }, { header: a.label, width: 60 }, ...results.map(({ bundle }) => ({ header: bundle.agency.name, width: 18 }))],
    form.fields.map((f) => [
      f.question,
      f.id,
      f.columnLabel ? `${f.label} — ${f.columnLabel}` : f.label,
      ...answers.map((byField) => {
        const value = byField.get(f.id);
        return value === undefined ? null : value === true ? "✓" : value;
      }),
    ]),
    3,
  );

  const issueWidths: Record<(typeof ISSUE_COLUMNS)[number], number> = { agency: 36, status: 12, question: 10, field: 22, severity: 11, kind: 12, name: 26, code: 22, message: 70, hint: 50, file: 36 };
  addSheet(
    wb,
    SHEETS.issues.name,
    ISSUE_COLUMNS.map((c) => ({ header: ISSUE_HEADERS.th[c], width: issueWidths[c] })),
    issues.map((r) => ISSUE_COLUMNS.map((c) => r[c])),
    1,
  );

  const e = SHEETS.evidence;
  addSheet(
    wb,
    e.name,
    [
      { header: e.agency, width: 36 },
      { header: e.file, width: 44 },
      { header: e.questions, width: 14 },
      { header: e.linkedBy, width: 18 },
      { header: e.pages, width: 10 },
      { header: e.markedPages, width: 14 },
      { header: e.markedText, width: 80 },
      { header: e.problem, width: 40 },
    ],
    results.flatMap(({ bundle }) =>
      bundle.evidence.map((ev) => [
        bundle.agency.name,
        ev.file,
        ev.questions.join(" "),
        LINKED_BY_TH[ev.linkedBy],
        ev.pages.length,
        ev.pages.filter((p) => p.regions.length).map((p) => p.number).join(", "),
        ev.pages.flatMap((p) => p.regions.map((r) => r.text.replace(/\s+/gu, " ").trim())).filter(Boolean).join(" | "),
        ev.error?.messageTh ?? "",
      ]),
    ),
    2,
  );

  const au = SHEETS.audit;
  addSheet(
    wb,
    au.name,
    [
      { header: au.agency, width: 36 },
      { header: au.question, width: 10 },
      { header: au.field, width: 24 },
      { header: au.label, width: 50 },
      { header: au.verdict, width: 24 },
      { header: au.score, width: 10, format: "0%" },
      { header: au.expectation, width: 50 },
      { header: au.snippet, width: 60 },
      { header: au.file, width: 44 },
      { header: au.page, width: 7 },
      { header: au.foundIn, width: 18 },
      { header: au.reasons, width: 80 },
      { header: au.decision, width: 16 },
      { header: au.comment, width: 40 },
    ],
    audit.map(({ agency, item, decision }) => [
      agency.name,
      item.question,
      item.field,
      item.label,
      VERDICT_TH[item.verdict],
      item.score,
      item.expectation,
      item.evidence?.snippet ?? "",
      item.evidence?.file ?? "",
      item.evidence?.page ?? null,
      item.evidence ? FOUND_IN_TH[item.evidence.in] : "",
      // "matched" restates the snippet, file, page and place columns.
      item.reasons.filter((r) => r.code !== "matched").map((r) => r.message).join("\n"),
      decision ? DECISION_TH[decision.decision] : "",
      decision?.comment ?? "",
    ]),
    2,
  );

  const f = SHEETS.files;
  const names = new Map(manifest.agencies.map((ag) => [ag.id, ag.name]));
  addSheet(
    wb,
    f.name,
    [
      { header: f.file, width: 56 },
      { header: f.kind, width: 12 },
      { header: f.status, width: 16 },
      { header: f.agency, width: 36 },
      { header: f.reason, width: 90 },
    ],
    manifest.files
      .filter((file) => file.status !== "used")
      .map((file) => [file.path, KIND_TH[file.kind], STATUS_TH[file.status], file.agency ? (names.get(file.agency) ?? file.agency) : "", file.reason?.message ?? ""]),
    1,
  );

  const r = SHEETS.round;
  addSheet(
    wb,
    r.name(round.number),
    [
      { header: r.agency, width: 40 },
      { header: r.status, width: 26 },
      { header: r.what, width: 14 },
      { header: r.question, width: 12 },
      { header: r.detail, width: 90 },
    ],
    round.changes.flatMap((c) => {
      const status = c.statusBefore && c.statusBefore !== c.statusAfter ? `${STATUS_TEXT[c.statusBefore].th} → ${STATUS_TEXT[c.statusAfter].th}` : STATUS_TEXT[c.statusAfter].th;
      const row = (what: string, question: string, detail: string): Cell[] => [c.name, status, what, question, detail];
      return [
        ...c.arrived.map((f) => row(r.arrived, "", f.modified ? `${f.path} (${formatThaiDate(f.modified)})` : f.path)),
        ...c.fixed.map((i) => row(r.fixed, i.question, i.message)),
        ...c.added.map((i) => row(r.added, i.question, i.message)),
        ...c.answers.map((a) => row(r.answer, a.field.split(":")[0]!, `${a.field}: ${a.before ?? r.none} → ${a.after ?? r.none}`)),
      ];
    }),
    1,
  );

  // exceljs stamps every zip entry with the time of writing.
  const zip = new PizZip(new Uint8Array(await wb.xlsx.writeBuffer()));
  normalizeZipDates(zip);
  return zip.generate({ type: "uint8array", compression: "DEFLATE" });
}

function addSheet(wb: ExcelJS.Workbook, name: string, columns: readonly Column[], rows: readonly Cell[][], frozenColumns: number): void {
  const ws = wb.addWorksheet(name, {
    views: [{ state: "frozen", xSplit: frozenColumns, ySplit: 1 }],
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:1", margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 } },
  });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width, style: { font: FONT, alignment: { vertical: "top", wrapText: true }, ...(c.format ? { numFmt: c.format } : {}) } }));
  ws.addRows(rows.map((row) => row.map(cellValue)));
  const header = ws.getRow(1);
  header.font = { ...FONT, bold: true };
  header.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8EEF7" } };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
}

/** Empty text as a blank cell (so filters offer "(Blanks)"), and no text longer than Excel takes. */
function cellValue(cell: Cell): Cell {
  return typeof cell === "string" ? cell.slice(0, MAX_CELL) || null : cell;
}

/** answered / required as a fraction for a "0%" cell; empty when nothing is required. */
function share(answered: number, required: number): number | null {
  return required === 0 ? null : answered / required;
}
