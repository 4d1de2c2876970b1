/**
 * `samruat batch` end to end on a small inbox built here: forms identified three ways, a resubmission, a zip with a
 * ../ entry, a zip bomb, a corrupt .docx, evidence linked by name, folder and embedding, unlinked evidence, NFD
 * names; then the outputs (bundles, manifest, CSV, workbook), a cached rerun, and the exit codes. Digital PDFs only:
 * no OCR of scans.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createCanvas } from "@napi-rs/canvas";
import { beforeAll, describe, expect, it } from "vitest";
import { VERDICT_TH } from "../../src/batch/messages.js";
import { runBatch } from "../../src/batch/run.js";
import { AgencyBundle, BatchManifest, DECISIONS_SCHEMA, type ManifestFile } from "../../src/bundle/schema.js";
import { PACKAGE_ROOT } from "../../src/form/load.js";
import { buildDocx, p, r, zip } from "../docx/build-docx.js";
import { cli } from "../helpers/cli.js";
import { rowValues, summaryWorkbook, textOutputs } from "../helpers/outputs.js";

const FORMS = path.join(PACKAGE_ROOT, "samples", "forms", "tune");
const EVIDENCE = path.join(PACKAGE_ROOT, "samples", "evidence", "tune");
const BLANK = path.join(PACKAGE_ROOT, "samples", "pcio-2567-blank.docx");
const read = (file: string) => new Uint8Array(readFileSync(file));

function png(width: number, height: number): Uint8Array {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = "#888888";
  ctx.fillRect(20, 20, width - 40, 10);
  return new Uint8Array(canvas.toBuffer("image/png"));
}

/** A form with a logo before its first question, an indicator table row ("7.1 …", not a question) and a screenshot pasted under P1.1. */
function formWithPictures(): Uint8Array {
  const drawing = (id: string) =>
    `<w:p><w:r><w:drawing><wp:inline><a:graphic><a:graphicData><pic:pic><pic:blipFill><a:blip r:embed="${id}"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`;
  const rels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdLogo" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.png"/><Relationship Id="rIdShot" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image2.png"/></Relationships>`;
  return buildDocx(
    [
      drawing("rIdLogo"),
      p(r("แบบสำรวจระดับความพร้อมรัฐบาลดิจิทัล")),
      p(r("7.1 Digital Technology Practices")),
      p(r("P1.1 จังหวัดของท่าน มีการจัดทำนโยบาย/ยุทธศาสตร์/แผนปฏิบัติการ/มาตรการของจังหวัดที่สอดคล้องกับแผนพัฒนารัฐบาลดิจิทัล")),
      // The office's part of the form: its answer, with the screenshot pasted under it as evidence.
      p(r("☐ อยู่ระหว่างการจัดทำ")),
      p(r("☑ ดำเนินการจัดทำแล้วเสร็จ (ตอบได้มากกว่า 1 คำตอบ) (แนบเอกสารหลักฐาน)")),
      drawing("rIdShot"),
    ].join(""),
    { files: { "word/_rels/document.xml.rels": rels, "word/media/image1.png": png(120, 60), "word/media/image2.png": png(400, 300) } },
  );
}

function buildInbox(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "samruat-batch-inbox-"));
  const put = (rel: string, data: Uint8Array | string) => {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), data);
  };
  // Commerce: a folder with two copies of its form (the date in the name decides) and two evidence files.
  put("สำนักงานพาณิชย์/แบบสำรวจ_2567-06-20.docx", read(path.join(FORMS, "cc-02.docx")));
  put("สำนักงานพาณิชย์/แบบสำรวจ_2567-06-15.docx", read(path.join(FORMS, "lo-06.docx")));
  put("สำนักงานพาณิชย์/P1.2_นโยบาย.pdf", read(path.join(EVIDENCE, "t34-digital-security-policy.pdf")));
  put("สำนักงานพาณิชย์/รายงานเพิ่มเติม.pdf", read(path.join(EVIDENCE, "t35-digital-data-governance-order.pdf")));
  // The provincial office: loose files at the top, its evidence carrying its name.
  put("สนจ.docx", read(path.join(FORMS, "sym-01.docx")));
  put("สำนักงานจังหวัด_G2_รายงานการประชุม.pdf", read(path.join(EVIDENCE, "t38-digital-pdpa-notice.pdf")));
  // Education: a zip with its form, evidence in a question folder, and an entry that tries to escape.
  put(
    "ศึกษาธิการ.zip",
    zip({
      "แบบสำรวจ ศธจ.docx": read(path.join(FORMS, "cc-05.docx")),
      "หลักฐาน/P2.3/รายงาน.pdf": read(path.join(EVIDENCE, "t37-digital-digital-plan-short.pdf")),
      "../../escape.pdf": "%PDF-1.4",
    }),
  );
  put("bomb.zip", zip({ "zeros.pdf": new Uint8Array(4 * 1024 * 1024) }));
  put("broken.docx", read(path.join(FORMS, "glyph-03.docx")).subarray(0, 3000));
  // Forms whose general block names nobody: the folder, the file name.
  put("สำนักงานเกษตร/แบบสำรวจ.docx", read(BLANK));
  put("แบบสำรวจ_สำนักงานแรงงาน.docx", read(BLANK));
  put("Office-Cafe\u0301/form.docx", read(BLANK));
  put("สำนักงานคลัง_แบบสำรวจ.docx", formWithPictures());
  put("notes.txt", "ไม่ใช่หลักฐาน");
  put(".DS_Store", "x");
  return dir;
}

const inbox = buildInbox();
const out = mkdtempSync(path.join(os.tmpdir(), "samruat-batch-out-"));
let first: Awaited<ReturnType<typeof cli>>;
let firstMs = 0;
let manifest: BatchManifest & { totals: Record<string, unknown> };
const fileOf = (p: string): ManifestFile => manifest.files.find((f) => f.path === p)!;

beforeAll(async () => {
  const started = performance.now();
  first = await cli("batch", inbox, "--no-roster", "--out", out, "--format", "json");
  firstMs = performance.now() - started;
  manifest = JSON.parse(first.stdout);
});

describe("samruat batch", () => {
  it("exits 1 while validation errors remain and prints the manifest with totals", () => {
    expect(first.code, first.stderr).toBe(1);
    expect(BatchManifest.parse(manifest)).toBeTruthy();
    // Seven forms read, and the agency whose only form is broken still has its row.
    expect(manifest.totals).toMatchObject({ agencies: 8, forms: { used: 7, superseded: 1, failed: 1 } });
    const broken = manifest.agencies.find((a) => !a.form)!;
    expect(broken).toMatchObject({ status: "must_fix", counts: { error: 1 } });
    expect(manifest.issues.find((i) => i.agency === broken.id)).toMatchObject({ code: "corrupt_zip", file: "broken.docx", source: "file" });
    expect(first.stderr).toMatch(/samruat batch: หน่วยงาน \d+ แห่ง: ยังไม่ส่ง 0 · ต้องแก้ไข \d+ · ครบถ้วน \d+ · ผ่านการตรวจ \d+/u);
    expect(first.stderr).toMatch(/ยังมีข้อผิดพลาด \d+ รายการ และคำเตือน \d+ รายการ \(ดู issues\.csv\) — ใช้ --allow-errors/u);
  });

  it("identifies agencies by their general block, folder or file name", () => {
    const agencies = Object.fromEntries(manifest.agencies.filter((a) => a.form).map((a) => [a.id, [a.identifiedBy, a.respondent, a.form]]));
    expect(agencies).toEqual({
      สำนักงานจังหวัดเชียงใหม่: ["general", "provincial_office", "สนจ.docx"],
      สำนักงานพาณิชย์จังหวัดเชียงใหม่: ["general", "agency", "สำนักงานพาณิชย์/แบบสำรวจ_2567-06-20.docx"],
      สำนักงานศึกษาธิการจังหวัดเชียงใหม่: ["general", "agency", "ศึกษาธิการ.zip/แบบสำรวจ ศธจ.docx"],
      สำนักงานเกษตร: ["folder", "agency", "สำนักงานเกษตร/แบบสำรวจ.docx"],
      "Office-Caf\u00e9": ["folder", "agency", "Office-Caf\u00e9/form.docx"],
      สำนักงานแรงงาน: ["file_name", "agency", "แบบสำรวจ_สำนักงานแรงงาน.docx"],
      สำนักงานคลัง: ["file_name", "agency", "สำนักงานคลัง_แบบสำรวจ.docx"],
    });
    expect(manifest.agencies[0]!.id).toBe("สำนักงานจังหวัดเชียงใหม่");
  });

  it("lists every file with what became of it, bad files with their reason", () => {
    expect(fileOf("สำนักงานพาณิชย์/แบบสำรวจ_2567-06-15.docx")).toMatchObject({ status: "superseded", reason: { code: "superseded" } });
    expect(fileOf("สำนักงานพาณิชย์/แบบสำรวจ_2567-06-15.docx").reason!.message).toContain("แบบสำรวจ_2567-06-20.docx");
    expect(fileOf("broken.docx")).toMatchObject({ kind: "form", status: "failed", reason: { code: "corrupt_zip" } });
    expect(fileOf("bomb.zip")).toMatchObject({ kind: "archive", status: "failed", reason: { code: "zip_bomb" } });
    expect(fileOf("ศึกษาธิการ.zip")).toMatchObject({ kind: "archive", status: "used", agency: "สำนักงานศึกษาธิการจังหวัดเชียงใหม่" });
    expect(fileOf("ศึกษาธิการ.zip/../../escape.pdf")).toMatchObject({ status: "failed", reason: { code: "unsafe_zip_entry" } });
    expect(fileOf("notes.txt")).toMatchObject({ status: "ignored", reason: { code: "unsupported_file" } });
    expect(fileOf(".DS_Store")).toMatchObject({ status: "ignored", reason: { code: "system_file" } });
    for (const f of manifest.files.filter((x) => x.status !== "used")) {
      expect(f.reason?.message, f.path).toMatch(/[\u0e00-\u0e7f]/u);
      expect(f.reason?.messageEn, f.path).toMatch(/[a-z]/u);
    }
    expect(manifest.files.map((f) => f.path)).toEqual([...manifest.files.map((f) => f.path)].sort());
  });

  it("links evidence by file name, folder and embedding, and lists what links to nothing", () => {
    expect(fileOf("สำนักงานพาณิชย์/P1.2_นโยบาย.pdf")).toMatchObject({ status: "used", agency: "สำนักงานพาณิชย์จังหวัดเชียงใหม่", questions: ["P1.2"] });
    expect(fileOf("สำนักงานจังหวัด_G2_รายงานการประชุม.pdf")).toMatchObject({ status: "used", agency: "สำนักงานจังหวัดเชียงใหม่", questions: ["G2"] });
    expect(fileOf("ศึกษาธิการ.zip/หลักฐาน/P2.3/รายงาน.pdf")).toMatchObject({ status: "used", questions: ["P2.3"] });
    expect(fileOf("สำนักงานพาณิชย์/รายงานเพิ่มเติม.pdf")).toMatchObject({ status: "unlinked", reason: { code: "no_question_code" } });
    expect(fileOf("สำนักงานคลัง_แบบสำรวจ.docx#word/media/image2.png")).toMatchObject({ status: "used", agency: "สำนักงานคลัง", questions: ["P1.1"] });
    expect(fileOf("สำนักงานคลัง_แบบสำรวจ.docx#word/media/image1.png")).toMatchObject({ status: "unlinked", reason: { code: "embedded_before_questions" } });

    const education = bundleOf("สำนักงานศึกษาธิการจังหวัดเชียงใหม่");
    expect(education.evidence.map((e) => [e.file, e.linkedBy, e.type])).toEqual([["ศึกษาธิการ.zip/หลักฐาน/P2.3/รายงาน.pdf", "folder", "pdf"]]);
    const treasury = bundleOf("สำนักงานคลัง");
    expect(treasury.evidence[0]).toMatchObject({ linkedBy: "embedded", type: "png", marked: false });
  });

  it("writes a valid bundle per agency, with crops of the marked regions", () => {
    expect(readdirSync(path.join(out, "answers")).sort()).toEqual(manifest.agencies.filter((a) => a.form).map((a) => `${a.id}.json`).sort());
    const commerce = bundleOf("สำนักงานพาณิชย์จังหวัดเชียงใหม่");
    expect(commerce.source.file).toBe("สำนักงานพาณิชย์/แบบสำรวจ_2567-06-20.docx");
    expect(commerce.answers.source.file).toBe(commerce.source.file);
    expect(commerce.superseded).toEqual([{ file: "สำนักงานพาณิชย์/แบบสำรวจ_2567-06-15.docx", sha256: expect.stringMatching(/^[0-9a-f]{64}$/u) }]);
    expect(commerce.validation).toMatchObject({ respondent: "agency", respondentSource: "inferred" });
    const [policy] = commerce.evidence;
    expect(policy).toMatchObject({ file: "สำนักงานพาณิชย์/P1.2_นโยบาย.pdf", questions: ["P1.2"], linkedBy: "file_name", marked: true });
    const regions = policy!.pages.flatMap((pg) => pg.regions);
    expect(regions.length).toBeGreaterThan(0);
    for (const region of regions) {
      expect(region.crop).toMatch(/^crops\/[0-9a-f]{16}-p\d+-\d+\.png$/u);
      const bytes = readFileSync(path.join(out, region.crop!));
      expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
      expect(bytes.readUInt32BE(16)).toBeLessThanOrEqual(900);
    }
    expect(commerce.audit).toBeDefined();
  });

  it("writes issues.csv as UTF-8 with BOM and RFC 4180 quoting", () => {
    const csv = readFileSync(path.join(out, "issues.csv"), "utf8");
    expect(csv.startsWith("\uFEFFหน่วยงาน,สถานะหน่วยงาน,ข้อ,รายการ,ระดับ,ประเภท,ปัญหา,รหัสปัญหา,รายละเอียด,วิธีแก้,ไฟล์\r\n")).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows.every((row) => row.length === 11)).toBe(true);
    const [agency, , , , severity, , name, code, message, , file] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(rows.some((row) => row[code] === "corrupt_zip" && row[name] === "ไฟล์เสียหาย")).toBe(true);
    expect(rows.some((row) => row[agency] === "สำนักงานแรงงาน" && row[code] === "required_missing" && /ยังไม่ได้ตอบ/u.test(row[message]!))).toBe(true);
    expect(rows.some((row) => row[file] === "broken.docx" && row[severity] === "ข้อผิดพลาด" && row[code] === "corrupt_zip")).toBe(true);
    expect(rows.some((row) => row[file] === "สำนักงานพาณิชย์/รายงานเพิ่มเติม.pdf" && row[severity] === "คำเตือน")).toBe(true);
    expect(csv).toMatch(/"[^"]*(?:""|,)[^"]*"/u);
  });

  it("writes summary.xlsx with Thai sheets, frozen headers, filters and TH SarabunPSK", async () => {
    const wb = await summaryWorkbook(out);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(["สถานะหน่วยงาน", "ภาพรวม", "คำตอบ", "ปัญหา", "หลักฐาน", "ตรวจหลักฐาน", "ไฟล์ที่ไม่ได้ใช้", "รอบที่ 1 เปลี่ยนอะไร"]);
    for (const ws of wb.worksheets) {
      expect(ws.views[0], ws.name).toMatchObject({ state: "frozen", ySplit: 1 });
      expect(ws.autoFilter, ws.name).toBeTruthy();
      expect(ws.getRow(1).getCell(1).font?.name, ws.name).toBe("TH SarabunPSK");
      // Printed for people: landscape A4, one page wide, the header row on every page.
      expect(ws.pageSetup, ws.name).toMatchObject({ orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:1" });
    }
    const overview = wb.getWorksheet("ภาพรวม")!;
    expect(overview.getRow(1).getCell(1).value).toBe("หน่วยงาน");
    expect(overview.getRow(2).getCell(1).value).toBe("สำนักงานจังหวัดเชียงใหม่");
    expect(overview.rowCount).toBe(9);
    const answers = wb.getWorksheet("คำตอบ")!;
    expect(answers.getRow(1).getCell(4).value).toBe("สำนักงานจังหวัดเชียงใหม่");
    expect(wb.created.toISOString()).toBe("2024-01-01T00:00:00.000Z");
  });

  it("lists every audited answer on the audit sheet, with its verdict in Thai", async () => {
    const audit = (await summaryWorkbook(out)).getWorksheet("ตรวจหลักฐาน")!;
    const header = rowValues(audit, 1);
    expect(header).toEqual(["หน่วยงาน", "ข้อ", "ช่องคำตอบ", "คำตอบ", "ผลตรวจ", "คะแนน (%)", "สิ่งที่ตรวจหา", "ข้อความที่พบ", "ไฟล์หลักฐาน", "หน้า", "พบใน", "เหตุผล", "การตัดสินของผู้ตรวจ", "หมายเหตุผู้ตรวจ"]);
    const items = manifest.agencies.filter((a) => a.form).flatMap((a) => bundleOf(a.id).audit!.map((item) => ({ agency: a.name, item })));
    expect(items.length).toBeGreaterThan(0);
    expect(audit.rowCount).toBe(items.length + 1);
    const { agency, item } = items[0]!;
    expect(rowValues(audit, 2)).toEqual([agency, item.question, item.field, item.label, VERDICT_TH[item.verdict], item.score, item.expectation, null, null, null, null, expect.any(String), null, null]);
    expect(audit.views[0]).toMatchObject({ state: "frozen", xSplit: 2, ySplit: 1 });
  });

  it("writes the province consolidation and the report", () => {
    for (const name of ["batch.json", "province.json", "province.docx", "report.html"]) expect(statSync(path.join(out, name)).size, name).toBeGreaterThan(0);
  });

  it("reruns from the cache to byte-identical JSON and CSV", async () => {
    const before = textOutputs(out);
    const started = performance.now();
    const rerun = await runBatch({ inbox, out, lang: "th", roster: false });
    const rerunMs = performance.now() - started;
    expect(textOutputs(out)).toEqual(before);
    const stage = (name: string) => rerun.timings.find((t) => t.stage === name)!;
    // Failures are not cached (a .doc may convert once LibreOffice is installed): broken.docx is tried again. The
    // PDF named for no question is read as a possible form too (and found not to be one: cached).
    expect(stage("extract")).toMatchObject({ items: 10, cached: 9 });
    expect(stage("evidence")).toMatchObject({ items: 4, cached: 4 });
    expect(stage("crops").items).toBe(0);
    expect(rerunMs).toBeLessThan(firstMs / 2);
  });

  it("exits 0 with --allow-errors, and 2 when the inbox cannot be read", async () => {
    const allowed = await cli("batch", inbox, "--no-roster", "--out", out, "--allow-errors");
    expect(allowed.code).toBe(0);
    expect(allowed.stderr).toContain("ยังมีข้อผิดพลาด");
    expect(allowed.stderr).not.toContain("--allow-errors");
    const missing = await cli("batch", path.join(inbox, "missing"), "--out", out, "--lang", "en");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("the inbox folder does not exist");
    expect((await cli("batch", path.join(inbox, "notes.txt"), "--out", out)).code).toBe(2);
    expect((await cli("batch", inbox, "--no-roster", "--out", out, "--format", "xml")).code).toBe(64);
  });

  it("passes the auditor's decisions to the report and the audit sheet, counts them, and refuses a file that is not one", async () => {
    const decisions = path.join(inbox, "..", `${path.basename(inbox)}-decisions.json`);
    // P2.2.3.1 is audited (a URL instead of a file); commerce's form leaves P1.2 unanswered, so a decision on it is stale.
    const decision = { agency: "สำนักงานพาณิชย์จังหวัดเชียงใหม่", field: "P2.2.3.1:yes", question: "P2.2.3.1", decision: "accept", comment: "ตรวจแล้ว-หลักฐานครบ" };
    const stale = { ...decision, field: "P1.2:status.r1@done", question: "P1.2", decision: "reject", comment: "" };
    writeFileSync(decisions, JSON.stringify({ schema: DECISIONS_SCHEMA, decisions: [decision, stale] }));
    const decided = await cli("batch", inbox, "--no-roster", "--out", out, "--decisions", decisions, "--format", "json");
    expect(decided.code).toBe(1);
    expect(JSON.parse(decided.stdout).totals.decisions).toEqual({ accept: 1, reject: 0, unmatched: 1 });
    expect(decided.stderr).toContain("ผลการตัดสินของผู้ตรวจ: ยอมรับ 1 · ไม่ยอมรับ 0 · ไม่ตรงกับคำตอบที่ตรวจ 1");
    expect(readFileSync(path.join(out, "report.html"), "utf8")).toContain("ตรวจแล้ว-หลักฐานครบ");
    const audit = (await summaryWorkbook(out)).getWorksheet("ตรวจหลักฐาน")!;
    const rows = Array.from({ length: audit.rowCount - 1 }, (_, i) => rowValues(audit, i + 2));
    expect(rows.filter((row) => row[12] !== null)).toEqual([expect.arrayContaining([decision.agency, decision.field, "ยอมรับ", decision.comment])]);
    writeFileSync(decisions, JSON.stringify({ decisions: "none" }));
    const refused = await cli("batch", inbox, "--no-roster", "--out", out, "--decisions", decisions);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("ไฟล์ผลการตัดสินไม่ถูกรูปแบบ");
  });

  it("--no-cache reads every file again", async () => {
    const small = mkdtempSync(path.join(os.tmpdir(), "samruat-batch-small-"));
    copyFileSync(path.join(FORMS, "cc-03.docx"), path.join(small, "สถิติ.docx"));
    const smallOut = path.join(small, "out");
    await runBatch({ inbox: small, out: smallOut, lang: "en" });
    const cached = await runBatch({ inbox: small, out: smallOut, lang: "en" });
    const fresh = await runBatch({ inbox: small, out: smallOut, lang: "en", cache: false });
    expect(cached.timings.find((t) => t.stage === "extract")).toMatchObject({ items: 1, cached: 1 });
    expect(fresh.timings.find((t) => t.stage === "extract")).toMatchObject({ items: 1, cached: 0 });
    // The output folder inside the inbox is not read as input.
    expect(fresh.manifest.files.map((f) => f.path)).toEqual(["สถิติ.docx"]);
  });
});

function bundleOf(id: string): AgencyBundle {
  return AgencyBundle.parse(JSON.parse(readFileSync(path.join(out, "answers", `${id}.json`), "utf8")));
}

/** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(field), (field = "");
    else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      (row = []), (field = ""), i++;
    } else field += c;
  }
  return rows.slice(1);
}
