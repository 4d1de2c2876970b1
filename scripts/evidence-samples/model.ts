// Document model shared by the raster renderer and the HTML → PDF (digital) renderer, and the ground-truth types.

export type Rgb = readonly [number, number, number];
/** tune-strong / heldout-strong: hard-pressed highlighter (opacity up to 0.95, strokes wider than the line, rough
 * edges, double passes), the kind of marks offices really make. */
export type Split = "tune" | "heldout" | "large" | "tune-strong" | "heldout-strong";
export type HighlightColor = "yellow" | "green" | "pink" | "orange" | "blue";
export const HIGHLIGHT_COLORS: readonly HighlightColor[] = ["yellow", "green", "pink", "orange", "blue"];
export type FontFamily = "Laksaman" | "Garuda" | "Loma";

export interface Inline {
  text: string;
  bold?: boolean;
  /** A phrase an officer would plausibly mark; marks are chosen among these (per page) after layout. */
  key?: boolean;
}

export type Align = "left" | "center" | "right";

export interface ParaBlock {
  t: "para";
  inl: Inline[];
  align?: Align;
  /** first-line indent, mm */
  indent?: number;
  /** left indent of the whole paragraph, mm (continuation lines of numbered items hang here) */
  left?: number;
  /** font size in pt (default: the document's body size) */
  size?: number;
  /** space before, mm */
  before?: number;
  /** keep this paragraph on the same page as the next block */
  keepNext?: boolean;
}

export interface TableBlock {
  t: "table";
  head: string[];
  /** relative column widths */
  widths: number[];
  rows: Inline[][][];
  /** header shading (light colour, a distractor) */
  shade: Rgb | null;
  /** optional shading of every other body row */
  band?: Rgb | null;
  borderless?: boolean;
  size?: number;
  before?: number;
}

export interface SealSpec {
  ring: string;
  center: string;
}

export interface SignBlock {
  t: "sign";
  /** lines under the signature: "(นายสมชาย ใจดี)", position lines */
  lines: string[];
  /** prefix printed left of the signature line, e.g. "(ลงชื่อ)" or "" */
  label?: string;
  seal: SealSpec | null;
  /** horizontal centre of the block as a fraction of the text width */
  cx?: number;
  before?: number;
}

export type Block =
  | { t: "emblem" }
  | { t: "logo"; align: Align; variant: number; caption?: string }
  | ParaBlock
  | TableBlock
  | SignBlock
  | { t: "space"; mm: number }
  | { t: "pagebreak" };

export interface Doc {
  id: string;
  type: string;
  title: string;
  font: FontFamily;
  /** body size, pt */
  size: number;
  /** line height as a multiple of the font size */
  leading: number;
  blocks: Block[];
  /** page header from page 2 on ("- ๒ -") */
  pageNumbers: "thai" | "arabic" | "none";
}

// ---------- ground truth ----------

export type Kind = "scan" | "photo" | "digital";
export type DistractorKind = "seal" | "signature" | "logo" | "shading" | "tint";
export type BBox = [number, number, number, number];

export interface MarkedPart {
  text: string;
  bbox: BBox;
  textBbox: BBox;
}

export interface Marked {
  text: string;
  color: HighlightColor;
  /** union of the highlighter ink (raster) or of the annotation quads (digital) */
  bbox: BBox;
  /** union of the marked text's line boxes */
  textBbox: BBox;
  /** one entry per text line the mark spans */
  parts: MarkedPart[];
  /** how the mark is made */
  style: "highlighter" | "digital-highlighter" | "annotation-highlight" | "annotation-underline" | "text-background";
  /** nominal ink colour before blending/scan effects, and its opacity */
  ink: { rgb: Rgb; opacity: number };
}

export interface Distractor {
  kind: DistractorKind;
  bbox: BBox;
  note?: string;
}

export interface TruthPage {
  page: number;
  width: number;
  height: number;
  unit: "px" | "pt";
  marked: Marked[];
  distractors: Distractor[];
  /** measured mean colour of highlighter pixels (not text) in the delivered image, per stroke — raster only */
  measured?: { color: HighlightColor; rgb: Rgb; n: number }[];
  /** measured paper colour next to the text — raster only */
  paperRgb?: Rgb;
  /** degradation parameters used for this page — raster only */
  effects?: Record<string, number | string | boolean>;
}

export interface Truth {
  file: string;
  kind: Kind;
  variant: string;
  split: Split;
  docType: string;
  title: string;
  font: FontFamily;
  dpi?: number;
  /** image-only PDFs: PDF page size in pt; truth is in px of the embedded page image */
  pdfPageSize?: [number, number];
  /** digital PDFs: are the marked phrases found in `pdftotext` output of their page (after NFC + ำ normalisation)? */
  textLayer?: { checked: number; found: number; missing: string[] };
  pages: TruthPage[];
}
