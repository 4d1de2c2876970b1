/** How a field reads to people: an option's label, or a cell's row and its column (with the column's group). */
import type { CompiledForm, FieldDef } from "../form/compile.js";
import type { ItemSource, MatrixSource } from "../form/schema.js";
import type { Lang } from "../i18n/index.js";
import type { BlankRule, MergePolicy } from "./policy.js";

type RuleId = BlankRule | MergePolicy["single"] | MergePolicy["multiple"];

/** The merge rules in words (the province document, the report's province tab): never the policy's ids. */
export const RULE_TEXT: Record<Lang, Record<RuleId, string>> = {
  th: {
    most_advanced: "ระดับที่ก้าวหน้าที่สุดที่มีหลักฐาน",
    majority: "คำตอบของหน่วยงานส่วนใหญ่",
    any: "ทำเครื่องหมายเมื่อมีหน่วยงานใดตอบ (พร้อมหลักฐานเมื่อแบบสำรวจกำหนด)",
    provincial_office: "ตามแบบสำรวจของสำนักงานจังหวัด",
    sum: "รวมยอด",
    max: "ค่าสูงสุด",
    min: "ค่าต่ำสุด",
    mean: "ค่าเฉลี่ย",
    latest: "วันที่ล่าสุด",
    earliest: "วันที่เร็วที่สุด",
    combine: "รวมข้อความพร้อมชื่อหน่วยงาน",
  },
  en: {
    most_advanced: "the most advanced level with evidence",
    majority: "the answer of most agencies",
    any: "ticked when any agency ticked it (with evidence where the form asks for it)",
    provincial_office: "as the provincial office's form",
    sum: "sum",
    max: "highest value",
    min: "lowest value",
    mean: "average",
    latest: "latest date",
    earliest: "earliest date",
    combine: "texts combined with the agencies' names",
  },
};

/** A rule id in words; an id the table does not know is shown as is. */
export function ruleText(rule: string, lang: Lang): string {
  return (RULE_TEXT[lang] as Record<string, string>)[rule] ?? rule;
}

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
