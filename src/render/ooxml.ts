/**
 * Small WordprocessingML builders. Everything Thai is set with the complex-script font and size too
 * (w:cs, w:szCs): Word lays Thai out with those, and without them Thai falls back to another font and size.
 */
export const BODY_FONT = "TH SarabunPSK";
/** Box and circle glyphs need a font that has them; Word uses MS Gothic for its own checkboxes. */
export const SYMBOL_FONT = "MS Gothic";
export const BODY_HALF_POINTS = 32; // 16 pt, the official size

export interface RunStyle {
  bold?: boolean;
  italic?: boolean;
  underline?: "single" | "dotted";
  /** Size in points. */
  size?: number;
  font?: string;
  color?: string;
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;"));
}

export function runProps(style: RunStyle = {}): string {
  const font = style.font ?? BODY_FONT;
  const half = style.size ? Math.round(style.size * 2) : undefined;
  return (
    "<w:rPr>" +
    `<w:rFonts w:ascii="${font}" w:hAnsi="${font}" w:eastAsia="${font}" w:cs="${font}"/>` +
    (style.bold ? "<w:b/><w:bCs/>" : "") +
    (style.italic ? "<w:i/><w:iCs/>" : "") +
    (style.color ? `<w:color w:val="${style.color}"/>` : "") +
    (half ? `<w:sz w:val="${half}"/><w:szCs w:val="${half}"/>` : "") +
    (style.underline ? `<w:u w:val="${style.underline}"/>` : "") +
    "</w:rPr>"
  );
}

/** A run of text; tabs in the text become w:tab. */
export function run(text: string, style: RunStyle = {}): string {
  if (text === "") return "";
  const parts = text.split("\t");
  const body = parts
    .map((part, i) => (i > 0 ? "<w:tab/>" : "") + (part ? `<w:t xml:space="preserve">${escapeXml(part)}</w:t>` : ""))
    .join("");
  return `<w:r>${runProps(style)}${body}</w:r>`;
}

export interface ParagraphStyle {
  /** Left indent in twips (1/20 pt). */
  indent?: number;
  /** Hanging indent in twips, so wrapped lines align after the box. */
  hanging?: number;
  /** First-line indent in twips (the paragraph opening of Thai official letters). */
  firstLine?: number;
  align?: "left" | "center" | "right" | "both";
  spaceAfter?: number;
  keepNext?: boolean;
  style?: string;
  pageBreakBefore?: boolean;
}

export function paragraph(content: string, p: ParagraphStyle = {}): string {
  const props =
    (p.style ? `<w:pStyle w:val="${p.style}"/>` : "") +
    (p.keepNext ? "<w:keepNext/>" : "") +
    (p.pageBreakBefore ? "<w:pageBreakBefore/>" : "") +
    (p.spaceAfter !== undefined ? `<w:spacing w:after="${p.spaceAfter}"/>` : "") +
    (p.indent || p.hanging || p.firstLine
      ? `<w:ind w:left="${p.indent ?? 0}"${p.hanging ? ` w:hanging="${p.hanging}"` : p.firstLine ? ` w:firstLine="${p.firstLine}"` : ""}/>`
      : "") +
    (p.align ? `<w:jc w:val="${p.align}"/>` : "");
  return `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ""}${content}</w:p>`;
}

/** Content control ids must be unique within the document; a counter per document keeps output deterministic. */
export class IdCounter {
  private next = 1000;
  take(): number {
    return this.next++;
  }
}

export const GLYPHS = {
  multiple: { unchecked: "☐", checked: "☒" },
  single: { unchecked: "○", checked: "◉" },
} as const;

/** A clickable Word checkbox (w14:checkbox content control) tagged with the option id. */
export function checkbox(ids: IdCounter, tag: string, mode: "single" | "multiple", checked: boolean, alias?: string): string {
  const glyphs = GLYPHS[mode];
  const hex = (c: string) => c.codePointAt(0)!.toString(16).toUpperCase();
  return (
    "<w:sdt><w:sdtPr>" +
    runProps({ font: SYMBOL_FONT }) +
    (alias ? `<w:alias w:val="${escapeXml(alias.slice(0, 200))}"/>` : "") +
    `<w:tag w:val="${escapeXml(tag)}"/><w:id w:val="${ids.take()}"/>` +
    "<w14:checkbox>" +
    `<w14:checked w14:val="${checked ? 1 : 0}"/>` +
    `<w14:checkedState w14:val="${hex(glyphs.checked)}" w14:font="${SYMBOL_FONT}"/>` +
    `<w14:uncheckedState w14:val="${hex(glyphs.unchecked)}" w14:font="${SYMBOL_FONT}"/>` +
    "</w14:checkbox></w:sdtPr><w:sdtContent>" +
    run(checked ? glyphs.checked : glyphs.unchecked, { font: SYMBOL_FONT }) +
    "</w:sdtContent></w:sdt>"
  );
}

export const BLANK_PLACEHOLDER = "________________";

/**
 * A blank: a tagged plain-text content control. Empty, it shows the printed underscores as placeholder text
 * (Word replaces them on the first keystroke); filled, the typed value is underlined like writing on the line.
 */
export function textControl(ids: IdCounter, tag: string, value: string | undefined, alias?: string): string {
  const filled = value !== undefined && value !== "";
  return (
    "<w:sdt><w:sdtPr>" +
    runProps({ underline: "dotted" }) +
    (alias ? `<w:alias w:val="${escapeXml(alias.slice(0, 200))}"/>` : "") +
    `<w:tag w:val="${escapeXml(tag)}"/><w:id w:val="${ids.take()}"/>` +
    (filled ? "" : "<w:showingPlcHdr/>") +
    "<w:text/></w:sdtPr><w:sdtContent>" +
    (filled ? run(` ${value} `, { underline: "dotted" }) : run(BLANK_PLACEHOLDER)) +
    "</w:sdtContent></w:sdt>"
  );
}

export interface CellSpec {
  content: string;
  width: number;
  span?: number;
  shade?: string;
  vAlign?: "top" | "center";
}

/** A table with fixed column widths (twips) and single borders; first `headerRows` rows repeat on each page. */
export function table(widths: number[], rows: CellSpec[][], headerRows = 0): string {
  const border = '<w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    + '<w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    + '<w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    + '<w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    + '<w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    + '<w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/>';
  const total = widths.reduce((a, b) => a + b, 0);
  const grid = widths.map((w) => `<w:gridCol w:w="${w}"/>`).join("");
  const body = rows
    .map((cells, r) => {
      const trPr = r < headerRows ? "<w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>" : "<w:trPr><w:cantSplit/></w:trPr>";
      return (
        `<w:tr>${trPr}` +
        cells
          .map((c) => {
            const tcPr =
              `<w:tcW w:w="${c.width}" w:type="dxa"/>` +
              (c.span && c.span > 1 ? `<w:gridSpan w:val="${c.span}"/>` : "") +
              (c.shade ? `<w:shd w:val="clear" w:color="auto" w:fill="${c.shade}"/>` : "") +
              `<w:vAlign w:val="${c.vAlign ?? "top"}"/>`;
            // A cell must end with a paragraph.
            const content = c.content.endsWith("</w:p>") ? c.content : `${c.content}${paragraph("")}`;
            return `<w:tc><w:tcPr>${tcPr}</w:tcPr>${content}</w:tc>`;
          })
          .join("") +
        "</w:tr>"
      );
    })
    .join("");
  return (
    `<w:tbl><w:tblPr><w:tblW w:w="${total}" w:type="dxa"/><w:tblBorders>${border}</w:tblBorders>` +
    '<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar>' +
    `</w:tblPr><w:tblGrid>${grid}</w:tblGrid>${body}</w:tbl>`
  );
}
