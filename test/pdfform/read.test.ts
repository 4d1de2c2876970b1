/**
 * Forms returned as PDF with a text layer (LibreOffice's "Save as PDF" of filled sample forms, converted here): the
 * same ticks as the .docx — matrices (tables rebuilt from the drawn rules) included — each with its page and box.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DocxError } from "../../src/docx/errors.js";
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
  it("reports exactly what the .docx has ticked, matrices included, each with its page and box", () => {
    for (const { docx, pdf } of pairs) {
      expect([...checked(pdf)].sort()).toEqual([...checked(docx)].sort());
      for (const a of pdf.answers.filter((x) => x.value === true)) {
        expect(a.location.page).toBeGreaterThan(0);
        expect(a.location.box).toHaveLength(4);
      }
    }
  });

  it("says, in Thai and English, that it read a PDF and what it may miss", () => {
    for (const { pdf } of pairs) {
      const warning = pdf.warnings.find((w) => w.code === "read_from_pdf");
      expect(warning?.messageTh).toMatch(/อ่านจากไฟล์ PDF/);
      expect(warning?.message).toMatch(/read from a PDF/);
    }
  });

  it("refuses a damaged PDF with the file's name and the reason, in Thai and English", async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "samruat-broken-")), "แบบสำรวจ.pdf");
    writeFileSync(file, readFileSync(path.join(PACKAGE_ROOT, "samples", "forms-pdf", "heldout", "glyph-01.pdf")).subarray(0, 3000));
    const refused = await extractFile(file).then(() => null, (error: unknown) => error);
    expect(refused).toBeInstanceOf(DocxError);
    expect(refused).toMatchObject({ code: "unreadable_form_copy", messageTh: expect.stringMatching(/แบบสำรวจ\.pdf.*PDF เสียหาย/), messageEn: expect.stringMatching(/damaged/) });
  });

  it("is still refused as the form when it is some other PDF", async () => {
    const other = await extractFile(path.join(PACKAGE_ROOT, "samples", "inbox", "สำนักงานสถิติจังหวัดเชียงใหม่", "P2.2.3.1 ชุดข้อมูล Sharable Data.pdf"));
    expect(other.warnings.map((w) => w.code)).toContain("not_this_form");
    expect(other.answers).toEqual([]);
  });
});
