/** How a field reads to people: an option's label, or a cell's row and its column (with the column's group). */
import type { CompiledForm, FieldDef } from "../form/compile.js";
import type { ItemSource, MatrixSource } from "../form/schema.js";

const BLANK_MARK = /_{2,}/g;

export interface Caption {
  /** The option, blank or row label, with the printed blanks as "…". */
  label: string;
  /** For cells: the column, prefixed by its group when the matrix groups its columns (P2.1.3, P3.1). */
  column?: string;
}

export function caption(form: CompiledForm, field: FieldDef): Caption {
  const label = field.label.replace(BLANK_MARK, "…");
  if (field.kind !== "cell" || !field.cell) return { label };
  const { matrix, group } = field.cell;
  const groupLabel = group && findMatrix(form.question(field.question)?.source.items ?? [], matrix)?.columnGroups?.find((g) => g.id === group)?.label;
  return { label, column: groupLabel ? `${groupLabel}: ${field.columnLabel}` : field.columnLabel! };
}

/** "label" or "row — column", as messages quote a field. */
export function describe(form: CompiledForm, field: FieldDef): string {
  const { label, column } = caption(form, field);
  return column === undefined ? label : `${label} — ${column}`;
}

function findMatrix(items: ItemSource[], id: string): MatrixSource | undefined {
  for (const item of items) {
    if (item.kind === "matrix" && item.id === id) return item;
    const inner = item.kind === "option" ? item.children : item.kind === "group" ? item.children : item.kind === "entries" ? item.fields : undefined;
    const found = inner && findMatrix(inner, id);
    if (found) return found;
  }
  return undefined;
}
