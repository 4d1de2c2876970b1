/** `samruat validate`: inputs (answers JSON, .docx through the extractor), formats, languages, exit codes. */
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { CliContext } from "../../src/cli/context.js";
import { runValidate } from "../../src/cli/commands/validate.js";
import { PACKAGE_ROOT } from "../../src/form/load.js";
import type { JsonReport } from "../../src/validate/report.js";
import { cli, sink } from "../helpers/cli.js";
import { change, cleanSpec, makeDoc } from "./helpers.js";

const dir = mkdtempSync(path.join(os.tmpdir(), "samruat-validate-cli-"));
function write(name: string, content: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
  return file;
}

const base = cleanSpec();
const cleanFile = write("clean.json", makeDoc(base));
const evidenceFile = write("evidence.json", base.evidence);
const broken = change(base, { uncheck: ["P1.3:no"], unset: ["P1.3:no.reason"], general: { email: "pcio@" } });
const brokenFile = write("broken.json", makeDoc(broken));
const warnOnly = write("warn.json", makeDoc(change(base, { set: { "G4:yes.i1.detail": "ขาดนโยบาย" } })));

describe("samruat validate", () => {
  it("exits 0 for a clean answers file; without an evidence list evidence is noted, not an error", async () => {
    const r = await cli("validate", cleanFile, "--evidence", evidenceFile);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("ผลการตรวจแบบสำรวจ: clean.json");
    expect(r.stdout).toContain("ไม่พบปัญหา");
    expect(r.stdout).toContain("ความครบถ้วน (ตอบแล้ว / ต้องตอบ)");
    expect(r.stdout).toMatch(/รวม\s+58 \/ 58\s+100%/);
    const noEvidence = await cli("validate", cleanFile);
    expect(noEvidence.code).toBe(0);
    expect(noEvidence.stdout).toContain("[evidence_not_checked]");
  });

  it("exits 1 with errors and groups them by part and question, Thai by default", async () => {
    const r = await cli("validate", brokenFile, "--evidence", evidenceFile);
    expect(r.code).toBe(1);
    const lines = r.stdout.split("\n");
    const general = lines.indexOf("ข้อมูลทั่วไป");
    const part1 = lines.findIndex((l) => l.startsWith("ส่วนที่ 1 แนวนโยบายและหลักปฏิบัติ"));
    expect(general).toBeGreaterThan(0);
    expect(part1).toBeGreaterThan(general);
    expect(lines[part1 + 1]).toBe("  ข้อ P1.3");
    expect(lines[part1 + 2]).toContain("✗ ข้อผิดพลาด [required_missing] ยังไม่ได้ตอบข้อ P1.3");
    expect(lines[part1 + 3]).toMatch(/^\s+วิธีแก้: /);
    expect(r.stdout).toContain("[email_invalid] “e-mail” — “pcio@” ไม่ใช่อีเมลที่ถูกต้อง");
    expect(r.stdout).toMatch(/1\. แนวนโยบายและหลักปฏิบัติ\s+6 \/ 7\s+86%\s+ยังไม่ตอบ: P1\.3/);
  });

  it("exits 0 when there are only warnings", async () => {
    const r = await cli("validate", warnOnly, "--evidence", evidenceFile, "--format", "json");
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.counts).toEqual({ error: 0, warning: 1, info: 0 });
  });

  it("--format json --lang en: issues with message, hint and the answer item", async () => {
    const r = await cli("validate", brokenFile, "--evidence", evidenceFile, "--format", "json", "--lang", "en");
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report).toMatchObject({ file: "broken.json", form: "pcio-2567", lang: "en", respondent: "provincial_office", respondentSource: "default" });
    expect(report.issues.map((i) => [i.code, i.severity, i.question, i.field])).toEqual([
      ["email_invalid", "error", "general", "general:email"],
      ["required_missing", "error", "P1.3", undefined],
    ]);
    expect(report.issues[1]!.message).toMatch(/^question P1\.3 is not answered/);
    expect(report.issues[1]!.hint).toBe("answer question P1.3: mark an option or fill in the blanks");
    expect(report.completeness.pillars[0]).toMatchObject({ pillar: 1, answered: 6, required: 7, missing: ["P1.3"] });
  });

  it("includes the answer item an issue is about", async () => {
    const file = write("number.json", makeDoc(change(base, { set: { "P4.1:total.count": "ห้า" } })));
    const r = await cli("validate", file, "--evidence", evidenceFile, "--format", "json");
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.issues).toHaveLength(1);
    expect(report.issues[0]).toMatchObject({
      code: "not_a_number",
      field: "P4.1:total.count",
      answer: { value: "ห้า" },
      message: "ข้อ P4.1: “มีจำนวนทั้งสิ้น” ต้องเป็นตัวเลข แต่กรอกว่า “ห้า”",
    });
  });

  it("--respondent agency, or the respondent read from the agency name", async () => {
    const agencyDoc = makeDoc(cleanSpec("agency"));
    const file = write("agency.json", agencyDoc);
    const asProvince = await cli("validate", file, "--respondent", "provincial_office", "--format", "json", "--evidence", evidenceFile);
    expect(asProvince.code).toBe(1);
    expect((JSON.parse(asProvince.stdout) as JsonReport).issues.some((i) => i.code === "required_missing" && i.question === "G1")).toBe(true);
    const asAgency = await cli("validate", file, "--respondent", "agency", "--format", "json", "--evidence", evidenceFile);
    expect(asAgency.code).toBe(0);
    const named = write("named.json", { ...agencyDoc, agency: "สำนักงานพาณิชย์จังหวัดเชียงใหม่" });
    const inferred = await cli("validate", named, "--format", "json", "--evidence", evidenceFile);
    expect(inferred.code).toBe(0);
    expect(JSON.parse(inferred.stdout)).toMatchObject({ respondent: "agency", respondentSource: "inferred" });
    const text = await cli("validate", named, "--evidence", evidenceFile);
    expect(text.stdout).toContain("ผู้ตอบ: หน่วยงาน (อ่านจากชื่อหน่วยงาน");
  });

  it("exits 2 for unreadable input: no file, not JSON, not an answers file, bad evidence list", async () => {
    const missing = await cli("validate", path.join(dir, "nope.json"));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("ไม่พบไฟล์");
    const notJson = await cli("validate", write("bad.json", "{ answers: ["), "--lang", "en");
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toContain("not valid JSON");
    const notAnswers = await cli("validate", write("other.json", { hello: "world" }));
    expect(notAnswers.code).toBe(2);
    expect(notAnswers.stderr).toContain("ไม่ใช่ไฟล์คำตอบของ samruat");
    const badEvidence = await cli("validate", cleanFile, "--evidence", write("ev.json", [{ file: "a.pdf" }]));
    expect(badEvidence.code).toBe(2);
    expect(badEvidence.stderr).toContain("รายการหลักฐานไม่ถูกต้อง");
    const noDocx = await cli("validate", path.join(dir, "missing.docx"));
    expect(noDocx.code).toBe(2);
  });

  it("exits 64 for a bad option value", async () => {
    expect((await cli("validate", cleanFile, "--format", "xml")).code).toBe(64);
    expect((await cli("validate", cleanFile, "--respondent", "governor")).code).toBe(64);
  });

  it("reads a .docx through the extractor", async () => {
    const calls: { file: string; options: { form?: string } }[] = [];
    const out = sink();
    let exit = 0;
    const ctx: CliContext = {
      lang: "th",
      stdout: out.stream,
      stderr: sink().stream,
      interactive: false,
      setExitCode: (c) => (exit = Math.max(exit, c)),
    };
    const extract = async (file: string, options: { form?: string }) => {
      calls.push({ file, options });
      return makeDoc(base);
    };
    await runValidate("filled.docx", { format: "json", evidence: evidenceFile }, ctx, { extract });
    expect(calls).toEqual([{ file: "filled.docx", options: { form: "pcio-2567" } }]);
    expect(exit).toBe(0);
    expect(JSON.parse(out.text())).toMatchObject({ file: "filled.docx", counts: { error: 0, warning: 0, info: 0 } });
    const notThisForm = async () => ({ ...makeDoc({}), warnings: [{ severity: "error" as const, code: "not_this_form", message: "x" }] });
    await expect(runValidate("letter.docx", { format: "text" }, ctx, { extract: notThisForm })).rejects.toMatchObject({ exitCode: 2 });
    const fails = async () => {
      throw new Error("zip: bad central directory");
    };
    await expect(runValidate("broken.docx", { format: "text" }, ctx, { extract: fails })).rejects.toMatchObject({
      exitCode: 2,
      messageEn: "cannot read the questionnaire (zip: bad central directory)",
    });
  });

  it("validates the blank questionnaire with the real extractor: nothing answered", async () => {
    const r = await cli("validate", path.join(PACKAGE_ROOT, "samples", "pcio-2567-blank.docx"), "--format", "json");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.completeness.answered).toBe(0);
    expect(new Set(report.issues.map((i) => i.code))).toEqual(new Set(["general_missing", "required_missing"]));
  });
});
