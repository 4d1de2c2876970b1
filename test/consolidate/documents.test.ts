/**
 * The two documents as a reader gets them: an agency's clean copy with its evidence appendix and the province's
 * consolidated copy, converted to PDF with LibreOffice and read back with pdftotext.
 */
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { AgencyBundle } from "../../src/bundle/schema.js";
import { consolidate, renderProvinceDocx, type ProvinceConsolidation } from "../../src/consolidate/index.js";
import { renderAgencyDocx } from "../../src/render/agency-copy.js";
import { docxAsPdfText } from "../helpers/pdf.js";
import { form } from "./fixtures.js";
import { sampleBundles } from "./samples.js";

let commerce: AgencyBundle;
let result: ProvinceConsolidation;
/** Each PDF's text as laid out (lines as printed) and raw (content order: a table cell's text stays together). */
let agency: { layout: string; raw: string };
let province: { layout: string; raw: string };

/** Table cells wrap their text over lines; compare without whitespace. */
const squeeze = (s: string) => s.replace(/\s+/g, "");

beforeAll(async () => {
  const bundles = await sampleBundles();
  commerce = bundles.find((b) => b.agency.id === "commerce")!;
  result = consolidate(form, bundles);
  const dir = mkdtempSync(path.join(os.tmpdir(), "samruat-documents-"));
  agency = await docxAsPdfText("commerce.docx", renderAgencyDocx(form, commerce), dir);
  province = await docxAsPdfText("province.docx", renderProvinceDocx(form, result), dir);
}, 300_000);

function printedCodes(text: string): string[] {
  return form.questions.map((q) => q.code).filter((code) => new RegExp(`(^|\\s)${code.replace(/\./g, "\\.")}\\s`, "m").test(text));
}

describe("agency clean copy (PDF)", () => {
  it("prints every question and then the evidence appendix with one row per file", () => {
    expect(printedCodes(agency.layout)).toEqual(form.questions.map((q) => q.code));
    const appendix = squeeze(agency.raw.slice(agency.raw.lastIndexOf("ภาคผนวก หลักฐานประกอบคำตอบ")));
    expect(appendix).toContain(squeeze(`จำนวน ${commerce.evidence.length} ไฟล์`));
    for (const e of commerce.evidence) {
      expect(appendix).toContain(squeeze(e.file));
      expect(appendix).toContain(e.sha256.slice(0, 8));
      // The marked key text names its agency and question in ASCII, which survives PDF text extraction intact.
      expect(appendix).toContain(`commerce/${e.questions[0]}เรื่อง`);
    }
  });
});

describe("province copy (PDF)", () => {
  it("prints the cover, every question code and a provenance line under each question", () => {
    expect(province.layout).toContain("ฉบับรวมระดับจังหวัด จังหวัดเชียงใหม่");
    expect(printedCodes(province.layout)).toEqual(form.questions.map((q) => q.code));
    const lines = province.layout.split("\n").filter((l) => l.includes("ที่มา:"));
    expect(lines.length).toBe(result.questions.filter((q) => q.status !== "heading").length);
    expect(province.layout).toMatch(/ที่มา: สำนักงานจังหวัด(\s|$)/m);
  });

  it("prints the appendices: agencies, conflicts, provenance, evidence", () => {
    const raw = squeeze(province.raw);
    for (const title of ["ภาคผนวก ก", "ภาคผนวก ข", "ภาคผนวก ค ที่มาของคำตอบ", "ภาคผนวก ง หลักฐานประกอบคำตอบ"]) {
      expect(raw).toContain(squeeze(title));
    }
    for (const a of result.agencies) expect(raw).toContain(squeeze(a.name));
    const evidence = raw.slice(raw.lastIndexOf(squeeze("ภาคผนวก ง หลักฐานประกอบคำตอบ")));
    for (const e of result.evidence) expect(evidence).toContain(squeeze(e.file));
  });
});
