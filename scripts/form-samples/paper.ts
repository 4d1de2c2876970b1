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

const RUN_PROPS = "(?:<w:rPr>(?:(?!<\\/w:rPr>).)*<\\/w:rPr>)?";
/** A symbol as Word stores it from Insert › Symbol: a w:sym naming its font and code. */
const SYM_RUN = `<w:r>(?<symProps>${RUN_PROPS})<w:sym w:font="(?<symFont>[^"]+)" w:char="(?<symChar>[0-9A-Fa-f]+)"\\/><\\/w:r>`;
/** A symbol typed as text in a symbol font: its codes in the private-use block U+F020–U+F0FF. */
const SYMBOL_TEXT_RUN = `<w:r>(?<textProps>${RUN_PROPS})<w:t(?: [^>]*)?>(?<codes>[\\uF020-\\uF0FF]+)<\\/w:t><\\/w:r>`;
const TEXT = `(?<open><w:t(?: [^>]*)?>)(?<text>[^<]*)(?<close><\\/w:t>)`;
const PRINTED = new RegExp(`${SYM_RUN}|${SYMBOL_TEXT_RUN}|${TEXT}`, "gu");
/** Glyphs that can only be a checked box or circle (■ and ● are bullets as often). */
const CHECKED_GLYPH = /[☑☒▣⊠◉]/gu;

/** A run of `glyphs` in DejaVu Sans with the rest of the run's properties (size, colour). */
function lookAlikeRun(props: string, glyphs: string): string {
  const rest = props.replace(/<w:rFonts [^>]*\/>/, "").replace(/^<w:rPr>|<\/w:rPr>$/g, "");
  return `<w:r><w:rPr><w:rFonts w:ascii="DejaVu Sans" w:hAnsi="DejaVu Sans" w:eastAsia="DejaVu Sans" w:cs="DejaVu Sans"/>${rest}</w:rPr><w:t>${glyphs}</w:t></w:r>`;
}

/**
 * The document part with every known symbol-font mark (w:sym, or its code typed in the font) as its Unicode
 * look-alike (unknown symbols stay), and the checked marks `pen` picks, symbol or Unicode glyph, printed empty for the
 * pen.
 */
export function symbolsAsPrinted(documentXml: string, pen: Pen = () => false): string {
  return documentXml.replace(PRINTED, (whole: string, ...args: unknown[]) => {
    const g = args.at(-1) as Record<string, string | undefined>;
    if (g.symFont !== undefined) {
      const glyph = lookAlike(g.symFont, g.symChar!, pen);
      return glyph ? lookAlikeRun(g.symProps!, glyph) : whole;
    }
    if (g.codes !== undefined) {
      const font = /<w:rFonts [^>]*w:ascii="([^"]+)"/.exec(g.textProps!)?.[1];
      const glyphs = font ? [...g.codes].map((c) => lookAlike(font, c.codePointAt(0)!.toString(16), pen)) : [];
      return glyphs.length && glyphs.every(Boolean) ? lookAlikeRun(g.textProps!, glyphs.join("")) : whole;
    }
    const marked = g.text!.replace(PEN_GLYPH, (c) => PLAIN[c]!).replace(CHECKED_GLYPH, (c) => (pen() ? (c === "◉" ? FOR_THE_PEN.circle : FOR_THE_PEN.box) : c));
    return `${g.open}${marked}${g.close}`;
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
