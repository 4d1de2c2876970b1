/**
 * A filled .docx printed as an office's printer puts it on paper. Word prints a Wingdings box as a box; LibreOffice
 * on a machine without Microsoft's symbol fonts prints it as "¤" or a missing-glyph rectangle, which no reader of the
 * paper could take for a tick. So before printing, each symbol-font mark (w:sym) becomes the Unicode glyph that looks
 * like it, in DejaVu Sans — the paper then shows what Word would have printed. The text layer is not the point here:
 * the PDF is rasterised next (scan-pdf.ts), where marks left for the pen are drawn by hand.
 */
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import PizZip from "pizzip";
import { symbolFontOf, symbolMark } from "../../src/docx/marks.js";
import { sofficeConvert } from "../../src/util/soffice.js";

/** Boxes Word prints with an X in them (the rest of the checked boxes show a tick). */
const CROSSED = new Set(["Wingdings:253", "Wingdings:120", "Wingdings 2:84", "Wingdings 2:83"]);

/**
 * A checked box or circle printed empty, for the pen: the office printed the form and ticked it by hand (scan-pdf.ts
 * draws the tick where it finds these glyphs). A form's own unchecked glyphs of the same look (relayout.ts retypes
 * some unchecked circles as ◯) are printed as their plain look-alikes, or they would get a pen's mark too.
 */
export const FOR_THE_PEN = { box: "▢", circle: "◯" } as const;
const PLAIN: Record<string, string> = { [FOR_THE_PEN.box]: "☐", [FOR_THE_PEN.circle]: "○" };
const PEN_GLYPH = new RegExp(`[${Object.keys(PLAIN).join("")}]`, "gu");

/** Whether this checked mark is left for the pen (every call one mark, in document order). */
export type Pen = () => boolean;

function lookAlike(fontName: string, charHex: string, pen: Pen): string | undefined {
  const font = symbolFontOf(fontName);
  const code = Number.parseInt(charHex, 16) & 0xff;
  const info = font && symbolMark(font, code);
  if (!font || !info) return undefined;
  if (info.checked && (info.shape === "box" || info.shape === "circle") && pen()) return FOR_THE_PEN[info.shape];
  if (info.shape === "box") return info.checked ? (CROSSED.has(`${font}:${code}`) ? "☒" : "☑") : "☐";
  if (info.shape === "circle") return info.checked ? "◉" : "○";
  return info.shape === "tick" ? "✓" : "✗";
}

const SYM_RUN = /<w:r>((?:<w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr>)?)<w:sym w:font="([^"]+)" w:char="([0-9A-Fa-f]+)"\/><\/w:r>/g;
const TEXT = /(<w:t(?: [^>]*)?>)([^<]*)(<\/w:t>)/g;
/** Glyphs that can only be a checked box or circle (■ and ● are bullets as often). */
const CHECKED_GLYPH = /[☑☒▣⊠◉]/gu;

/**
 * The document part with every known symbol-font mark as its Unicode look-alike (unknown symbols stay), and the
 * checked marks `pen` picks, symbol or Unicode glyph, printed empty for the pen.
 */
export function symbolsAsPrinted(documentXml: string, pen: Pen = () => false): string {
  return documentXml.replace(new RegExp(`${SYM_RUN.source}|${TEXT.source}`, "g"), (whole, rPr?: string, font?: string, char?: string, open?: string, text?: string, close?: string) => {
    if (font !== undefined && char !== undefined) {
      const glyph = lookAlike(font, char, pen);
      if (!glyph) return whole;
      const props = (rPr ?? "").replace(/<w:rFonts [^>]*\/>/, "").replace(/^<w:rPr>|<\/w:rPr>$/g, "");
      return `<w:r><w:rPr><w:rFonts w:ascii="DejaVu Sans" w:hAnsi="DejaVu Sans" w:eastAsia="DejaVu Sans" w:cs="DejaVu Sans"/>${props}</w:rPr><w:t>${glyph}</w:t></w:r>`;
    }
    const marked = text!.replace(PEN_GLYPH, (g) => PLAIN[g]!).replace(CHECKED_GLYPH, (g) => (pen() ? (g === "◉" ? FOR_THE_PEN.circle : FOR_THE_PEN.box) : g));
    return `${open}${marked}${close}`;
  });
}

/** Prints `docx` to `<outDir>/<name>` as it would look on paper; the source file is not touched. */
export async function printAsPaper(docx: string, outDir: string, name: string, pen?: Pen): Promise<string> {
  const zip = new PizZip(readFileSync(docx));
  const part = zip.file("word/document.xml");
  if (!part) throw new Error(`${docx}: no word/document.xml`);
  zip.file("word/document.xml", symbolsAsPrinted(part.asText(), pen));
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
