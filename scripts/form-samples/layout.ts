/**
 * A tiny document model for the independent re-layout: paragraphs of inlines and tables of paragraphs. Boxes and
 * blanks carry the field id they stand for, so one layout can be filled in every style and the truth is exact.
 */
export type Inline =
  | { t: "text"; text: string; bold?: boolean; italic?: boolean; size?: number; color?: string }
  /** An answer box; `field` null for a box that is not an answer (the legend). */
  | { t: "box"; field: string | null; shape: "square" | "circle" }
  /** A place to type: `printed` is what the blank form shows there (underscores, dots, tabs, or nothing in a cell). */
  | { t: "blank"; field: string; printed: string }
  | { t: "br" }
  /** A symbol that is not an answer box (the ✓ in the legend). */
  | { t: "sym"; font: string; char: string }
  | { t: "bookmark"; name: string };

export interface Para {
  kind: "p";
  inl: Inline[];
  align?: "center" | "left";
  bold?: boolean;
  size?: number;
  pageBreak?: boolean;
  keepNext?: boolean;
  indent?: number;
  spaceAfter?: number;
  /** The question (or "general") this paragraph belongs to. */
  q?: string;
}

export interface Cell {
  paras: Para[];
  width: number;
  span?: number;
  shade?: string;
  vMerge?: "restart" | "continue";
  vAlign?: "top" | "center";
}

export interface Row {
  cells: Cell[];
  header?: boolean;
}

export interface Table {
  kind: "table";
  widths: number[];
  rows: Row[];
  /** Text size in points inside the table. */
  size?: number;
  q?: string;
}

export type Block = Para | Table;

export function para(inl: Inline[], props: Omit<Para, "kind" | "inl"> = {}): Para {
  return { kind: "p", inl, ...props };
}

export function txt(text: string, props: Omit<Extract<Inline, { t: "text" }>, "t" | "text"> = {}): Inline {
  return { t: "text", text, ...props };
}

/** Every field placed in a layout (boxes and blanks), to check a layout covers the whole form exactly once. */
export function placedFields(blocks: Block[]): string[] {
  const out: string[] = [];
  const visit = (p: Para) => {
    for (const i of p.inl) if ((i.t === "box" && i.field) || i.t === "blank") out.push(i.field!);
  };
  for (const b of blocks) {
    if (b.kind === "p") visit(b);
    else for (const r of b.rows) for (const c of r.cells) c.paras.forEach(visit);
  }
  return out;
}
