/** A generated .docx as a reader gets it: converted to PDF with LibreOffice and read back with pdftotext. */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { sofficeConvert } from "../../src/util/soffice.js";

/** The PDF's text as laid out (lines as printed) and raw (content order: a table cell's text stays together). */
export async function docxAsPdfText(name: string, docx: Uint8Array, dir: string): Promise<{ layout: string; raw: string; pdf: string }> {
  const file = path.join(dir, name);
  writeFileSync(file, docx);
  const pdf = await sofficeConvert(file, "pdf", dir);
  const text = (mode: string) => execFileSync("pdftotext", [mode, pdf, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return { layout: text("-layout"), raw: text("-raw"), pdf };
}
