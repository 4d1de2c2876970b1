/**
 * A questionnaire returned as a PDF with a text layer (Word's or LibreOffice's "Save as PDF") → the same document
 * model the .docx reader makes, so the one extractor anchors on the printed codes and labels as it does for .docx.
 * Each page's text and drawing become paragraphs and tables (`layout.ts`); a table running over a page break is one.
 */
import type { Block, DocxDocument, Message, Result } from "../docx/model.js";
import { openPdf } from "../evidence/pdf.js";
import { joinContinuedTables, pageBlocks, type Counters } from "./layout.js";

/** The questionnaire prints on about 60–100 pages; a PDF several times longer is some other document. */
export const MAX_FORM_PAGES = 400;

export async function readPdfForm(bytes: Uint8Array): Promise<Result<DocxDocument>> {
  // pdf.js wants a plain Uint8Array, not a Node Buffer.
  const doc = await openPdf(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const pages: Block[][] = [];
  const messages: Message[] = [];
  const counters: Counters = { paragraph: 0, table: 0 };
  if (doc.numPages > MAX_FORM_PAGES) {
    await doc.close();
    const message = `${doc.numPages} pages: far longer than the questionnaire, not read as a form`;
    return { value: { blocks: [], warnings: [{ severity: "warning", code: "pdf_too_long_for_form", message }] }, messages: [{ severity: "warning", code: "pdf_too_long_for_form", message }] };
  }
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const { content, drawing } = await doc.formPage(n);
      pages.push(pageBlocks(content.items, drawing, n, counters));
    }
  } finally {
    await doc.close();
  }
  const blocks = joinContinuedTables(pages);
  if (blocks.length === 0) messages.push({ severity: "warning", code: "pdf_no_text", message: "the PDF has no text layer (a scan?): nothing could be read" });
  else {
    messages.push({
      severity: "warning",
      code: "read_from_pdf",
      message: "answers read from a PDF, not the .docx: check the answers against the PDF's pages, or ask for the .docx",
    });
  }
  return { value: { blocks, warnings: messages }, messages };
}
