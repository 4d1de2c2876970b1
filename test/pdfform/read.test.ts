/**
 * Forms returned as PDF with a text layer (LibreOffice's "Save as PDF" of filled sample forms): the answers read are
 * the .docx's own (nothing reported that was not ticked), most one-answer and several-answer questions come through,
 * and the reader says what it may miss. Tables of boxes and vector-drawn boxes are issue 16's open part.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnswerDocument } from "../../src/extract/answers.js";
import { extractFile } from "../../src/extract/extract.js";
import { PACKAGE_ROOT } from "../../src/form/load.js";
import { sofficeConvert } from "../../src/util/soffice.js";

const SAMPLES = ["tune/glyph-01.docx", "tune/cc-02.docx"].map((s) => path.join(PACKAGE_ROOT, "samples", "forms", s));
const dir = mkdtempSync(path.join(os.tmpdir(), "samruat-pdfform-"));
const pairs: { docx: AnswerDocument; pdf: AnswerDocument }[] = [];
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  for (const sample of SAMPLES) {
    const pdf = await sofficeConvert(sample, "pdf", dir);
    pairs.push({ docx: await extractFile(sample), pdf: await extractFile(pdf) });
  }
}, 180_000);

const checked = (doc: AnswerDocument) => new Set(doc.answers.filter((a) => a.value === true).map((a) => a.field));

describe("a form saved as PDF", () => {
  it("reports only what the .docx has ticked, and most of it", () => {
    for (const { docx, pdf } of pairs) {
      const want = checked(docx);
      const got = checked(pdf);
      expect([...got].filter((f) => !want.has(f))).toEqual([]);
      // Options outside tables of boxes come through; matrix cells are the open part.
      const outsideMatrices = [...want].filter((f) => !docx.answers.find((a) => a.field === f && a.kind === "matrix"));
      const found = outsideMatrices.filter((f) => got.has(f)).length;
      expect(found / outsideMatrices.length).toBeGreaterThanOrEqual(0.9);
    }
  });

  it("says that it read a PDF and what it may miss", () => {
    for (const { pdf } of pairs) expect(pdf.warnings.map((w) => w.code)).toContain("read_from_pdf");
  });

  it("is still refused as the form when it is some other PDF", async () => {
    const other = await extractFile(path.join(PACKAGE_ROOT, "samples", "inbox", "สำนักงานสถิติจังหวัดเชียงใหม่", "P2.2.3.1 ชุดข้อมูล Sharable Data.pdf"));
    expect(other.warnings.map((w) => w.code)).toContain("not_this_form");
    expect(other.answers).toEqual([]);
  });
});
