/** The plan, without reading any document: agencies, the newest copy, evidence attribution and linking. */
import { describe, expect, it } from "vitest";
import type { Inbox, InboxFile } from "../../src/batch/inbox.js";
import { reason } from "../../src/batch/messages.js";
import { buildPlan, classifyFiles, type FormOutcome, type PlanOptions } from "../../src/batch/plan.js";
import { loadRosterFile } from "../../src/ledger/index.js";
import type { AnswerDocument } from "../../src/extract/answers.js";
import { loadForm } from "../../src/form/load.js";

const form = loadForm("pcio-2567");

/** Each file gets its own hash: the plan dedupes evidence by content. */
let n = 0;
function file(path: string, mtimeMs = 0): InboxFile {
  return { path, size: 1, mtimeMs, sha256: (n++).toString(16).padStart(64, "0"), read: async () => new Uint8Array() };
}

function doc(officeLocation?: string): AnswerDocument {
  const general: Record<string, string> = officeLocation ? { province: "เชียงใหม่", office_location: officeLocation } : {};
  return {
    form: "pcio-2567",
    source: { file: "", sha256: "", bytes: 0 },
    general,
    ...(officeLocation ? { agency: officeLocation } : {}),
    method: "anchored",
    questionsFound: [],
    answers: [],
    warnings: [],
  };
}

function plan(files: InboxFile[], outcomes: Record<string, FormOutcome>, options: PlanOptions = {}) {
  const inbox: Inbox = { files, records: [] };
  const classified = classifyFiles(files, form);
  // PDFs and pictures without a question code are read as forms first; these are not the questionnaire.
  const read = new Map(Object.entries(outcomes));
  for (const f of classified.forms) if (/\.(pdf|jpe?g|png|tiff?)$/.test(f.path) && !read.has(f.path)) read.set(f.path, { kind: "not_form" });
  return buildPlan(form, inbox, classified, read, options);
}

const form_ = (office?: string): FormOutcome => ({ kind: "form", doc: doc(office), embedded: [] });
const COMMERCE = "สำนักงานพาณิชย์จังหวัดเชียงใหม่ ศาลากลางจังหวัดเชียงใหม่";
const PROVINCIAL = "สำนักงานจังหวัดเชียงใหม่ ศาลากลางจังหวัดเชียงใหม่";

describe("buildPlan", () => {
  it("identifies agencies by general block, folder and file name, and short names join full ones", () => {
    const files = ["a/x.docx", "เกษตร/แบบสำรวจ.docx", "แบบสำรวจ_สำนักงานแรงงาน.docx", "พาณิชย์/แบบสำรวจ (แก้ไข).docx"].map((p) => file(p));
    const result = plan(files, {
      "a/x.docx": form_(COMMERCE),
      "เกษตร/แบบสำรวจ.docx": form_(),
      "แบบสำรวจ_สำนักงานแรงงาน.docx": form_("ถนนโชตนา ตำบลช้างเผือก"),
      "พาณิชย์/แบบสำรวจ (แก้ไข).docx": form_(),
    });
    expect(result.agencies.map((a) => [a.ref.id, a.ref.identifiedBy, a.ref.respondent])).toEqual([
      ["สำนักงานพาณิชย์จังหวัดเชียงใหม่", "folder", "agency"],
      ["สำนักงานแรงงาน", "file_name", "agency"],
      ["เกษตร", "folder", "agency"],
    ]);
    // The copy in the "พาณิชย์" folder names the same agency as the general block; its "(แก้ไข)" makes it newer.
    const superseded = result.files.find((f) => f.path === "a/x.docx")!;
    expect(superseded).toMatchObject({ status: "superseded", agency: "สำนักงานพาณิชย์จังหวัดเชียงใหม่", reason: { code: "superseded" } });
    expect(superseded.reason!.messageEn).toContain("revision marker");
  });

  it("reads a PDF as the form, prefers the .docx it was saved from, and takes an unreadable PDF as evidence", () => {
    const files = [
      file("พาณิชย์/แบบสำรวจ.pdf", 9),
      file("พาณิชย์/แบบสำรวจ.docx", 1),
      file("เกษตร/แบบสำรวจ.pdf"),
      file("เกษตร/สแกน.pdf"),
      file("เกษตร/P5.1 ระบบ.png", 1),
      file("เกษตร/P5.1 ระบบ.pdf", 9),
    ];
    const result = plan(files, {
      "พาณิชย์/แบบสำรวจ.pdf": form_(COMMERCE),
      "พาณิชย์/แบบสำรวจ.docx": form_(COMMERCE),
      "เกษตร/แบบสำรวจ.pdf": form_(),
      "เกษตร/สแกน.pdf": { kind: "failed", reason: { code: "broken-pdf", message: "x", messageEn: "x" } as never },
    });
    expect(result.agencies.map((a) => [a.ref.id, a.form.path])).toEqual([
      ["สำนักงานพาณิชย์จังหวัดเชียงใหม่", "พาณิชย์/แบบสำรวจ.docx"],
      ["เกษตร", "เกษตร/แบบสำรวจ.pdf"],
    ]);
    // Saved later, but the same document: the .docx is read exactly.
    expect(result.files.find((f) => f.path === "พาณิชย์/แบบสำรวจ.pdf")!.reason!.messageEn).toContain("the Word file of the same document");
    // Not failed as a form: it goes on to the evidence stage (named for no question, so it links to nothing).
    expect(result.files.find((f) => f.path === "เกษตร/สแกน.pdf")).toMatchObject({ kind: "evidence", status: "unlinked", reason: { code: "no_question_code" } });
    // Evidence sent again as a PDF: the later copy wins, whatever its type (the Word-over-PDF rule is for forms).
    expect(result.files.find((f) => f.path === "เกษตร/P5.1 ระบบ.png")).toMatchObject({ status: "superseded" });
    expect(result.files.find((f) => f.path === "เกษตร/P5.1 ระบบ.pdf")).toMatchObject({ status: "used" });
  });

  it("reads a scanned or photographed copy as the form, and a picture that is not the questionnaire as evidence", () => {
    const files = [file("ที่ดิน/แบบสำรวจ สแกน.jpg", 2), file("ที่ดิน/IMG_0412.jpg", 3), file("ที่ดิน/P5.3.1 ภาพ.png", 4)];
    const classified = classifyFiles(files, form);
    // A picture named for a question is evidence without being read as a form.
    expect(classified.forms.map((f) => f.path)).toEqual(["ที่ดิน/แบบสำรวจ สแกน.jpg", "ที่ดิน/IMG_0412.jpg"]);
    const result = plan(files, { "ที่ดิน/แบบสำรวจ สแกน.jpg": form_() });
    expect(result.agencies.map((a) => [a.ref.id, a.form.path])).toEqual([["ที่ดิน", "ที่ดิน/แบบสำรวจ สแกน.jpg"]]);
    expect(result.files.find((f) => f.path === "ที่ดิน/IMG_0412.jpg")).toMatchObject({ kind: "evidence", reason: { code: "no_question_code" } });
    expect(result.files.find((f) => f.path === "ที่ดิน/P5.3.1 ภาพ.png")).toMatchObject({ kind: "evidence", status: "used" });
  });

  it("takes the later date in the name, else the later modification time", () => {
    const byDate = plan([file("f_2567-06-20.docx", 1), file("f_2567-06-15.docx", 9)], {
      "f_2567-06-20.docx": form_(COMMERCE),
      "f_2567-06-15.docx": form_(COMMERCE),
    });
    expect(byDate.agencies[0]!.form.path).toBe("f_2567-06-20.docx");
    const byTime = plan([file("a.docx", 2), file("b.docx", 1)], { "a.docx": form_(COMMERCE), "b.docx": form_(COMMERCE) });
    expect(byTime.agencies[0]!.form.path).toBe("a.docx");
    expect(byTime.files.find((f) => f.path === "b.docx")!.reason!.messageEn).toContain("modification time");
  });

  it("attributes evidence to the agency of its folder, or the one its name names among several", () => {
    const files = [
      "พาณิชย์/form.docx",
      "พาณิชย์/P1.2_นโยบาย.pdf",
      "พาณิชย์/หลักฐาน/P2.3/scan.jpg",
      "พาณิชย์/อื่น ๆ.pdf",
      "สนจ.docx",
      "สำนักงานจังหวัด_G2_รายงาน.pdf",
      "รายงาน P1.1.pdf",
      "พาณิชย์/P4.7 ช่องทาง.pdf",
      "พาณิชย์/copy-of-P1.2.pdf",
    ].map((p) => file(p));
    files[8]!.sha256 = files[1]!.sha256; // the same bytes twice
    const result = plan(files, { "พาณิชย์/form.docx": form_(COMMERCE), "สนจ.docx": form_(PROVINCIAL) });
    const status = Object.fromEntries(result.files.map((f) => [f.path, [f.status, f.agency, f.questions?.join(" "), f.reason?.code]]));
    expect(status).toMatchObject({
      "พาณิชย์/P1.2_นโยบาย.pdf": ["used", "สำนักงานพาณิชย์จังหวัดเชียงใหม่", "P1.2", undefined],
      "พาณิชย์/copy-of-P1.2.pdf": ["ignored", "สำนักงานพาณิชย์จังหวัดเชียงใหม่", "P1.2", "duplicate_evidence"],
      "พาณิชย์/หลักฐาน/P2.3/scan.jpg": ["used", "สำนักงานพาณิชย์จังหวัดเชียงใหม่", "P2.3", undefined],
      "พาณิชย์/อื่น ๆ.pdf": ["unlinked", "สำนักงานพาณิชย์จังหวัดเชียงใหม่", undefined, "no_question_code"],
      "พาณิชย์/P4.7 ช่องทาง.pdf": ["unlinked", "สำนักงานพาณิชย์จังหวัดเชียงใหม่", undefined, "unknown_question_code"],
      "สำนักงานจังหวัด_G2_รายงาน.pdf": ["used", "สำนักงานจังหวัดเชียงใหม่", "G2", undefined],
      "รายงาน P1.1.pdf": ["unlinked", undefined, undefined, "agency_unknown"],
    });
    const commerce = result.agencies.find((a) => a.ref.id === "สำนักงานพาณิชย์จังหวัดเชียงใหม่")!;
    expect(commerce.evidence.map((e) => [e.path, e.linkedBy])).toEqual([
      ["พาณิชย์/P1.2_นโยบาย.pdf", "file_name"],
      ["พาณิชย์/หลักฐาน/P2.3/scan.jpg", "folder"],
    ]);
    expect(commerce.misnamedEvidence).toEqual([{ question: "P4.7", file: "พาณิชย์/P4.7 ช่องทาง.pdf" }]);
  });

  it("keeps whose a failed form was, and holds its evidence back", () => {
    const files = ["สำนักงานแรงงาน/form.docx", "สำนักงานแรงงาน/P3.1.pdf", "สนจ.docx"].map((p) => file(p));
    const failed: FormOutcome = { kind: "failed", reason: reason("read_failed", { detail: "test" }) };
    const result = plan(files, { "สำนักงานแรงงาน/form.docx": failed, "สนจ.docx": form_(PROVINCIAL) });
    expect(result.agencies).toHaveLength(1);
    expect(result.files.find((f) => f.path === "สำนักงานแรงงาน/form.docx")).toMatchObject({ status: "failed", agency: "สำนักงานแรงงาน" });
    expect(result.files.find((f) => f.path === "สำนักงานแรงงาน/P3.1.pdf")).toMatchObject({ status: "ignored", agency: "สำนักงานแรงงาน", reason: { code: "form_failed" } });
  });

  it("treats a Word file that is not the form as evidence when its name gives a question", () => {
    const files = ["สนจ.docx", "P5.1 ระบบ.docx", "บันทึก.docx"].map((p) => file(p));
    const result = plan(files, { "สนจ.docx": form_(PROVINCIAL), "บันทึก.docx": { kind: "not_form" } });
    expect(result.files.map((f) => [f.path, f.kind, f.status, f.reason?.code])).toEqual([
      ["P5.1 ระบบ.docx", "evidence", "used", undefined],
      ["บันทึก.docx", "evidence", "unlinked", "not_this_form"],
      ["สนจ.docx", "form", "used", undefined],
    ]);
  });

  it("with a roster: short folder and file names take the roster's full name, and evidence of an agency with no form is its", () => {
    const files = ["a/x.docx", "เกษตร/แบบสำรวจ.docx", "แบบสำรวจ_สำนักงานแรงงาน.docx", "พมจ._P4.4_โครงการ.pdf", "broken/สสจ. แบบสำรวจ.docx"].map((p) => file(p));
    const result = plan(
      files,
      {
        "a/x.docx": form_(PROVINCIAL),
        "เกษตร/แบบสำรวจ.docx": form_(),
        "แบบสำรวจ_สำนักงานแรงงาน.docx": form_(),
        "broken/สสจ. แบบสำรวจ.docx": { kind: "failed", reason: reason("read_failed", { detail: "x" }) },
      },
      { roster: loadRosterFile() },
    );
    expect(result.province).toBe("เชียงใหม่");
    expect(result.roster?.agencies.length).toBe(22);
    expect(result.agencies.map((a) => a.ref.id)).toEqual(["สำนักงานจังหวัดเชียงใหม่", "สำนักงานเกษตรจังหวัดเชียงใหม่", "สำนักงานแรงงานจังหวัดเชียงใหม่"]);
    expect(result.files.find((f) => f.path === "broken/สสจ. แบบสำรวจ.docx")).toMatchObject({ status: "failed", agency: "สำนักงานสาธารณสุขจังหวัดเชียงใหม่" });
    expect(result.files.find((f) => f.path === "พมจ._P4.4_โครงการ.pdf")).toMatchObject({
      status: "ignored",
      agency: "สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดเชียงใหม่",
      questions: ["P4.4"],
      reason: { code: "form_missing" },
    });
  });

  it("takes the province given over the one the forms name", () => {
    const result = plan([file("x.docx")], { "x.docx": form_(PROVINCIAL) }, { roster: loadRosterFile(), province: "ลำพูน" });
    expect(result.roster?.agencies[0]!.name).toBe("สำนักงานจังหวัดลำพูน");
  });

  it("with a roster: evidence in a folder named for an agency with no form yet is that agency's, not the top level's", () => {
    const files = ["แบบสำรวจ_ที่ดิน.docx", "สำนักงานสถิติจังหวัดเชียงใหม่/P2.2.3.1 ชุดข้อมูล.pdf", "หลักฐาน/P5.3.1 VPN.pdf"].map((p) => file(p));
    const result = plan(files, { "แบบสำรวจ_ที่ดิน.docx": form_("สำนักงานที่ดินจังหวัดเชียงใหม่ ศาลากลาง") }, { roster: loadRosterFile() });
    expect(result.files.find((f) => f.path.startsWith("สำนักงานสถิติ"))).toMatchObject({ agency: "สำนักงานสถิติจังหวัดเชียงใหม่", status: "ignored", reason: { code: "form_missing" } });
    // A folder that names no agency still goes with the form above it.
    expect(result.files.find((f) => f.path.startsWith("หลักฐาน/"))).toMatchObject({ agency: "สำนักงานที่ดินจังหวัดเชียงใหม่", status: "used" });
  });

  it("an evidence file sent again (a revision marker, another extension) replaces the earlier copy", () => {
    const files = [file("ที่ดิน/แบบสำรวจ.docx"), file("ที่ดิน/P5.3.1 ระบบ VPN.png", 1), file("ที่ดิน/P5.3.1 ระบบ VPN (2).pdf", 2), file("ที่ดิน/P5.3.1 คู่มือ.pdf", 1)];
    const result = plan(files, { "ที่ดิน/แบบสำรวจ.docx": form_("สำนักงานที่ดินจังหวัดเชียงใหม่ ศาลากลาง") });
    expect(result.files.find((f) => f.path === "ที่ดิน/P5.3.1 ระบบ VPN.png")).toMatchObject({ status: "superseded", reason: { code: "superseded" } });
    expect(result.files.find((f) => f.path === "ที่ดิน/P5.3.1 ระบบ VPN (2).pdf")).toMatchObject({ status: "used" });
    // Another document for the same question is evidence too.
    expect(result.files.find((f) => f.path === "ที่ดิน/P5.3.1 คู่มือ.pdf")).toMatchObject({ status: "used" });
    expect(result.agencies[0]!.evidence.map((e) => e.path).sort()).toEqual(["ที่ดิน/P5.3.1 คู่มือ.pdf", "ที่ดิน/P5.3.1 ระบบ VPN (2).pdf"]);
  });
});
