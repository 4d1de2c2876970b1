/**
 * A filled .docx printed as an office's printer puts it on paper. Word prints a Wingdings box as a box; LibreOffice
 * on a machine without Microsoft's symbol fonts prints it as "¤" or a missing-glyph rectangle, which no reader of the
 * paper could take for a tick. So before printing, each symbol-font mark (w:sym) becomes the Unicode glyph that looks
 * like it, in DejaVu Sans — the paper then shows what Word would have printed. The text layer is not the point here:
 * the PDF is rasterised next (scan-pdf.ts).
 */
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import PizZip from "pizzip";
import { symbolFontOf, symbolMark } from "../../src/docx/marks.js";
import { sofficeConvert } from "../../src/util/soffice.js";

/** Boxes Word prints with an X in them (the rest of the checked boxes show a tick). */
const CROSSED = new Set(["Wingdings:253", "Wingdings:120", "Wingdings 2:84", "Wingdings 2:83"]);

function lookAlike(fontName: string, charHex: string): string | undefined {
  const font = symbolFontOf(fontName);
  const code = Number.parseInt(charHex, 16) & 0xff;
  const info = font && symbolMark(font, code);
  if (!font || !info) return undefined;
  if (info.shape === "box") return info.checked ? (CROSSED.has(`${font}:${code}`) ? "☒" : "☑") : "☐";
  if (info.shape === "circle") return info.checked ? "◉" : "○";
  return info.shape === "tick" ? "✓" : "✗";
}

const SYM_RUN = /<w:r>((?:<w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr>)?)<w:sym w:font="([^"]+)" w:char="([0-9A-Fa-f]+)"\/><\/w:r>/g;

/** The document part with every known symbol-font mark as its Unicode look-alike; unknown symbols stay. */
export function symbolsAsPrinted(documentXml: string): string {
  return documentXml.replace(SYM_RUN, (run, rPr: string, font: string, char: string) => {
    const glyph = lookAlike(font, char);
    if (!glyph) return run;
    const props = rPr.replace(/<w:rFonts [^>]*\/>/, "").replace(/^<w:rPr>|<\/w:rPr>$/g, "");
    return `<w:r><w:rPr><w:rFonts w:ascii="DejaVu Sans" w:hAnsi="DejaVu Sans" w:eastAsia="DejaVu Sans" w:cs="DejaVu Sans"/>${props}</w:rPr><w:t>${glyph}</w:t></w:r>`;
  });
}

/** Prints `docx` to `<outDir>/<name>` as it would look on paper; the source file is not touched. */
export async function printAsPaper(docx: string, outDir: string, name: string): Promise<string> {
  const zip = new PizZip(readFileSync(docx));
  const part = zip.file("word/document.xml");
  if (!part) throw new Error(`${docx}: no word/document.xml`);
  zip.file("word/document.xml", symbolsAsPrinted(part.asText()));
  const staging = mkdtempSync(path.join(os.tmpdir(), "samruat-paper-"));
  try {
    const copy = path.join(staging, path.basename(docx));
    writeFileSync(copy, zip.generate({ type: "nodebuffer", compression: "DEFLATE" }));
    const target = path.join(outDir, name);
    renameSync(await sofficeConvert(copy, "pdf", outDir), target);
    return target;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
