import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import PizZip from "pizzip";
import { describe, expect, it } from "vitest";
import { loadForm } from "../../src/form/load.js";
import { renderQuestionnaireDocx } from "../../src/render/template.js";
import { sofficeConvert } from "../../src/util/soffice.js";

const form = loadForm("pcio-2567");
const docx = renderQuestionnaireDocx(form);
const documentXml = new PizZip(docx).file("word/document.xml")!.asText();

describe("blank questionnaire", () => {
  it("is deterministic: the same form gives the same bytes", () => {
    expect(Buffer.from(renderQuestionnaireDocx(form)).equals(Buffer.from(docx))).toBe(true);
  });

  it("has one tagged control per field and per general-information field", () => {
    const tags = [...documentXml.matchAll(/<w:tag w:val="([^"]+)"\/>/g)].map((m) => m[1]!.replace(/&amp;/g, "&"));
    const expected = [
      ...form.file.general.fields.map((f) => `general:${f.id}`),
      ...form.fields.map((f) => f.id),
    ];
    expect(new Set(tags).size).toBe(tags.length);
    expect(tags.sort()).toEqual(expected.sort());
  });

  it("makes every option and cell a Word checkbox, ○ for one answer and ☐ for several", () => {
    const boxes = [...documentXml.matchAll(/<w:tag w:val="([^"]+)"\/><w:id w:val="\d+"\/><w14:checkbox><w14:checked w14:val="0"\/><w14:checkedState w14:val="([0-9A-F]+)"/g)];
    const choices = form.fields.filter((f) => f.kind === "option" || f.kind === "cell");
    expect(boxes.length).toBe(choices.length);
    for (const [, tag, checkedState] of boxes) {
      const field = form.field(tag!)!;
      expect(checkedState).toBe(field.select === "multiple" ? "2612" : "25C9");
    }
  });

  it("sets Thai complex-script font and size, A4 page", () => {
    const styles = new PizZip(docx).file("word/styles.xml")!.asText();
    expect(styles).toContain('w:cs="TH SarabunPSK"');
    expect(styles).toContain('<w:szCs w:val="32"/>');
    expect(documentXml).toContain('<w:pgSz w:w="11906" w:h="16838"/>');
  });

  it("opens in LibreOffice and prints every question code", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "samruat-template-"));
    const file = path.join(dir, "pcio-2567.docx");
    writeFileSync(file, docx);
    const pdf = await sofficeConvert(file, "pdf", dir);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))![1]);
    expect(pages).toBeGreaterThan(30);
    expect(pages).toBeLessThan(120);
    const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
    const missing = form.questions.map((q) => q.code).filter((code) => !new RegExp(`(^|\\s)${code.replace(/\./g, "\\.")}\\s`, "m").test(text));
    expect(missing).toEqual([]);
    expect(text).toContain("ข้อมูลทั่วไปเกี่ยวกับจังหวัด");
  });
});

describe("shipped copies of the blank questionnaire", () => {
  it("templates/pcio-2567.docx and samples/pcio-2567-blank.docx are what the generator writes today", () => {
    const root = path.resolve(import.meta.dirname, "../..");
    for (const shipped of ["templates/pcio-2567.docx", "samples/pcio-2567-blank.docx"]) {
      const bytes = readFileSync(path.join(root, shipped));
      expect(Buffer.from(docx).equals(bytes), `${shipped} is stale: run npm run build:template`).toBe(true);
    }
  });
});
