/**
 * A questionnaire returned as a PDF with a text layer (Word's or LibreOffice's "Save as PDF") → the same document
 * model the .docx reader makes, so the one extractor anchors on the printed codes and labels as it does for .docx.
 * Each printed line becomes a paragraph (pdf.js text items on one baseline, left to right; a gap wider than a space
 * becomes a tab, none at all joins — Thai lines come out of PDFs split between letters); box, circle and tick glyphs
 * (☐☒□■○◉✓, and Wingdings' private-use codes printed through a symbol font) become marks.
 *
 * Not here yet: boxes drawn as vector graphics (legacy form fields print that way), AcroForm check boxes, scans.
 */
import { glyphMark, MARK_GLYPH_RE, resolveAdjacentMarks, symbolMark, symbolRaw } from "../docx/marks.js";
import type { DocxDocument, Inline, Message, Paragraph, Result } from "../docx/model.js";
import { openPdf, type TextItem } from "../evidence/pdf.js";

export async function readPdfForm(bytes: Uint8Array): Promise<Result<DocxDocument>> {
  // pdf.js wants a plain Uint8Array, not a Node Buffer.
  const doc = await openPdf(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const blocks: Paragraph[] = [];
  const messages: Message[] = [];
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.page(n);
      for (const line of lines(page.items)) {
        const inlines = resolveAdjacentMarks(toInlines(line));
        if (inlines.length) blocks.push({ kind: "paragraph", index: blocks.length, inlines });
      }
    }
  } finally {
    await doc.close();
  }
  if (blocks.length === 0) messages.push({ severity: "warning", code: "pdf_no_text", message: "the PDF has no text layer (a scan?): nothing could be read" });
  else {
    messages.push({
      severity: "warning",
      code: "read_from_pdf",
      message: "answers read from the PDF's text layer: boxes in tables and boxes drawn as graphics (legacy form fields) may be missed — check them against the PDF, or ask for the .docx",
    });
  }
  return { value: { blocks, warnings: messages }, messages };
}

/** Items on one baseline (centres within half a line height), top to bottom, each line left to right. */
function lines(items: readonly TextItem[]): TextItem[][] {
  const sorted = items.filter((i) => i.str !== "").sort((a, b) => a.bbox[1] + a.bbox[3] / 2 - (b.bbox[1] + b.bbox[3] / 2) || a.bbox[0] - b.bbox[0]);
  const out: TextItem[][] = [];
  for (const item of sorted) {
    const centre = item.bbox[1] + item.bbox[3] / 2;
    const last = out.at(-1);
    const ref = last?.[0];
    if (ref && Math.abs(ref.bbox[1] + ref.bbox[3] / 2 - centre) < 0.5 * Math.max(ref.bbox[3], item.bbox[3])) last!.push(item);
    else out.push([item]);
  }
  return out.map((l) => l.sort((a, b) => a.bbox[0] - b.bbox[0]));
}

/** The line's text with the gaps between items as spaces or tabs, and mark glyphs as marks. */
function toInlines(line: readonly TextItem[]): Inline[] {
  let text = "";
  for (const [i, item] of line.entries()) {
    const prev = line[i - 1];
    if (prev) {
      const gap = item.bbox[0] - (prev.bbox[0] + prev.bbox[2]);
      const em = Math.max(prev.bbox[3], item.bbox[3]);
      if (gap > 1.2 * em) text += "\t";
      else if (gap > 0.15 * em && !/\s$/u.test(text) && !/^\s/u.test(item.str)) text += " ";
    }
    text += item.str;
  }
  const inlines: Inline[] = [];
  const pushText = (t: string) => {
    for (const [k, part] of t.split("\t").entries()) {
      if (k > 0) inlines.push({ kind: "tab" });
      if (part) inlines.push({ kind: "text", text: part });
    }
  };
  let from = 0;
  for (const m of text.matchAll(new RegExp(`${MARK_GLYPH_RE.source}|[\\uF020-\\uF0FF]`, "gu"))) {
    const glyph = m[0];
    const code = glyph.codePointAt(0)!;
    const pua = code >= 0xf020 && code <= 0xf0ff;
    const info = pua ? symbolMark("Wingdings", code - 0xf000) : glyphMark(glyph[0]!);
    if (!info) continue;
    pushText(text.slice(from, m.index));
    inlines.push({ kind: "mark", checked: info.checked, shape: info.shape, source: pua ? "sym" : "glyph", raw: pua ? symbolRaw("Wingdings", code - 0xf000) : glyph });
    from = m.index! + glyph.length;
  }
  pushText(text.slice(from));
  return inlines;
}
