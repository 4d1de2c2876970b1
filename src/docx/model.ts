/**
 * The format-neutral document model the .docx reader produces (mammoth's reader → model idea).
 * It says what was on the page, in reading order, and nothing about OOXML. Every index is 0-based and counts in
 * document order over the whole file (nested tables and text boxes included), so a location such as
 * "table 3 > row 2 > cell 4 > paragraph 12" maps straight back to `tables[3].rows[2].cells[4]` and the paragraph
 * whose `index` is 12.
 */

export interface Message {
  severity: "warning" | "info";
  /** Stable snake_case code for callers and tests; the text is for people. */
  code: string;
  message: string;
  /** The same in Thai (src/docx/messages.ts). */
  messageTh?: string;
  location?: string;
  /** Where on a page (PDFs and scans): page number and box in points from the top left. */
  page?: number;
  box?: [number, number, number, number];
}

/** mammoth's Result: a value plus everything worth telling about how it was obtained. */
export interface Result<T> {
  value: T;
  messages: Message[];
}

export interface DocxDocument {
  blocks: Block[];
  /** The same messages readDocx returns next to the value. */
  warnings: Message[];
}

export type Block = Paragraph | Table;

export interface Paragraph {
  kind: "paragraph";
  index: number;
  /** Style name from styles.xml (falls back to the id when the style is not defined). */
  style?: string;
  styleId?: string;
  /** Direct numbering, else the paragraph style's; numId 0 (numbering switched off) is left out. */
  numbering?: { numId: number; level: number };
  /** Tag of the innermost block-level content control around the paragraph. */
  tag?: string;
  /** The enclosing block-level content control shows its placeholder prompt, not an answer. */
  placeholder?: true;
  /** The paragraph sits in a text box anchored in the paragraph just before it. */
  textBox?: true;
  /** Where a paragraph read from a PDF is printed: page (1-based) and box in points, top-left origin. */
  page?: number;
  box?: [number, number, number, number];
  inlines: Inline[];
}

export interface Table {
  kind: "table";
  index: number;
  rows: TableRow[];
}

export interface TableRow {
  index: number;
  cells: TableCell[];
}

export interface TableCell {
  /** Position in the row's list of cells. */
  index: number;
  /** First grid column the cell covers (after w:gridBefore and earlier spans); vMerge cells line up on it. */
  column: number;
  blocks: Block[];
  gridSpan?: number;
  vMerge?: "restart" | "continue";
}

export type Inline = Text | Mark | Tab | Break | ContentControlText;

export interface Text {
  kind: "text";
  text: string;
  /** Filled blanks are often underlined text. */
  underline?: boolean;
  /** Struck-out options can mean "not this one". */
  strike?: boolean;
  font?: string;
  highlight?: string;
  /** Run shading fill (hex), which people also use as a highlighter. */
  shading?: string;
  /** Hidden text (w:vanish) is not printed but may carry codes. */
  hidden?: boolean;
}

export type MarkShape = "box" | "circle" | "tick" | "cross";
/** drawn: a box or circle painted as graphics in a PDF (with a tick, cross or fill inside when checked); form_widget: a
 * PDF form (AcroForm) check box or radio button and its state; scan: a box or circle found on the image of a paper
 * copy, checked by the ink inside it. */
export type MarkSource = "glyph" | "sym" | "content_control" | "legacy_field" | "drawn" | "form_widget" | "scan";

export interface Mark {
  kind: "mark";
  checked: boolean;
  shape: MarkShape;
  source: MarkSource;
  /** What was in the file: the glyph, "Wingdings:F0FE", "w14:checked=1", "FORMCHECKBOX checked", or "□+✓". */
  raw: string;
  /** Tag of the content control the mark belongs to. */
  tag?: string;
  /** In a PDF: the mark's own box on the paragraph's page (points, top-left origin). */
  box?: [number, number, number, number];
}

export interface Tab {
  kind: "tab";
}

export interface Break {
  kind: "break";
  type: "line" | "page" | "column";
}

/** Text typed into a tagged content control or a legacy form field; tabs and breaks inside become \t and \n. */
export interface ContentControlText {
  kind: "control_text";
  text: string;
  tag: string;
  control: "text" | "rich_text" | "dropdown" | "combo_box" | "date" | "legacy_text" | "legacy_dropdown";
  /** The control still shows its placeholder prompt ("Click here to enter text"), i.e. nothing was entered. */
  placeholder?: true;
  /** w:date/@w:fullDate of a date picker. */
  date?: string;
}

/** One step of a paragraph's path through tables. */
export interface CellPath {
  table: number;
  row: number;
  cell: number;
}

export function formatLocation(path: readonly CellPath[], paragraph?: number): string {
  const parts = path.map((p) => `table ${p.table} > row ${p.row} > cell ${p.cell}`);
  if (paragraph !== undefined) parts.push(`paragraph ${paragraph}`);
  return parts.length > 0 ? parts.join(" > ") : "body";
}

/** Every paragraph in reading order with the table cells it sits in. */
export function* walkParagraphs(
  blocks: readonly Block[],
  path: readonly CellPath[] = [],
): Generator<{ paragraph: Paragraph; path: readonly CellPath[] }> {
  for (const block of blocks) {
    if (block.kind === "paragraph") {
      yield { paragraph: block, path };
      continue;
    }
    for (const row of block.rows) {
      for (const cell of row.cells) {
        yield* walkParagraphs(cell.blocks, [...path, { table: block.index, row: row.index, cell: cell.index }]);
      }
    }
  }
}

/** Plain text of a paragraph; marks show as ☑/☐ so their position stays visible. */
export function paragraphText(paragraph: Paragraph): string {
  const parts: string[] = [];
  for (const inline of paragraph.inlines) {
    switch (inline.kind) {
      case "text":
      case "control_text":
        parts.push(inline.text);
        break;
      case "mark":
        parts.push(inline.checked ? "☑" : "☐");
        break;
      case "tab":
        parts.push("\t");
        break;
      case "break":
        parts.push("\n");
        break;
    }
  }
  return parts.join("");
}
