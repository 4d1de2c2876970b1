/**
 * `samruat extract` on files that break: each gets exit 2 and one Thai (or English) line naming the file and the
 * reason — never a stack trace, never answers from a damaged copy.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import PizZip from "pizzip";
import { describe, expect, it } from "vitest";
import { cli } from "../helpers/cli.js";
import { buildCfb } from "../docx/build-docx.js";

const dir = mkdtempSync(path.join(os.tmpdir(), "samruat-extract-cli-"));
const sample = path.join(import.meta.dirname, "..", "..", "samples", "forms", "tune", "glyph-01.docx");

/** The sample with its document.xml cut off at `share` of its length. */
function truncated(share: number): string {
  const zip = new PizZip(readFileSync(sample));
  const xml = zip.file("word/document.xml")!.asText();
  zip.file("word/document.xml", xml.slice(0, Math.round(xml.length * share)));
  const file = path.join(dir, "ส่งครึ่งเดียว.docx");
  writeFileSync(file, zip.generate({ type: "nodebuffer" }));
  return file;
}

const noTrace = (text: string) => expect(text).not.toMatch(/\n\s+at |Error:/);

describe("samruat extract on files that break", () => {
  it("a missing file: exit 2, ไม่พบไฟล์", async () => {
    const r = await cli("extract", path.join(dir, "nothere.docx"));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("ไม่พบไฟล์");
    expect(r.stderr).toContain("nothere.docx");
    noTrace(r.stderr);
    expect((await cli("extract", path.join(dir, "nothere.docx"), "--lang", "en")).stderr).toContain("file not found");
  });

  it("a document that breaks off: exit 2 naming the file, the part and the last question read; no answers", async () => {
    const r = await cli("extract", truncated(0.35), "--format", "jsonl");
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("ส่งครึ่งเดียว.docx");
    expect(r.stderr).toContain("word/document.xml");
    expect(r.stderr).toMatch(/อ่านได้ถึงข้อ P\d/);
    expect(r.stderr.split("\n").filter(Boolean)).toHaveLength(1);
    noTrace(r.stderr);
  });

  it("a .doc LibreOffice cannot convert: exit 2 naming the file, not LibreOffice's temporary copy", async () => {
    const file = path.join(dir, "เสีย.doc");
    writeFileSync(file, buildCfb(["WordDocument", "1Table"]));
    const r = await cli("extract", file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("LibreOffice");
    expect(r.stderr).toContain("เสีย.doc");
    expect(r.stderr).not.toContain("samruat-convert");
    expect(r.stderr).not.toContain("input.doc");
    noTrace(r.stderr);
  });

  it("a password-protected .doc says so instead of trying LibreOffice", async () => {
    const file = path.join(dir, "ลับ.doc");
    writeFileSync(file, buildCfb(["WordDocument", "1Table"], 0x0100));
    const r = await cli("extract", file, "--lang", "en");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("password-protected");
  });

  it("3,000 nested tables: exit 2 with a message, not a stack overflow", async () => {
    const zip = new PizZip(readFileSync(sample));
    const cell = "<w:tbl><w:tr><w:tc>".repeat(3000) + "<w:p/>" + "</w:tc></w:tr></w:tbl>".repeat(3000);
    zip.file("word/document.xml", `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${cell}</w:body></w:document>`);
    const file = path.join(dir, "nested.docx");
    writeFileSync(file, zip.generate({ type: "nodebuffer" }));
    const r = await cli("extract", file, "--lang", "en");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("nested abnormally deep");
    noTrace(r.stderr);
  });
});
