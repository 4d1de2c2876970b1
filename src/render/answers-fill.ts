/** A FillState from an answer document: what the clean copy shows is exactly what was extracted. */
import type { AnswerDocument } from "../extract/answers.js";
import type { FillState } from "./questionnaire.js";

const THAI_MONTHS = ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."];

/** ISO date → "30 ก.ย. 2567": how dates are written on Thai official forms (Buddhist era). */
export function formatThaiDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])} ${THAI_MONTHS[Number(m[2]) - 1]} ${Number(m[1]) + 543}`;
}

export function fillFromAnswers(doc: AnswerDocument): FillState {
  const checked = new Set(doc.answers.filter((a) => a.value === true).map((a) => a.field));
  const values = new Map<string, string>();
  for (const a of doc.answers) {
    if (a.value === true) continue;
    values.set(a.field, a.kind === "date" && typeof a.value === "string" ? formatThaiDate(a.value) : String(a.value));
  }
  for (const [id, value] of Object.entries(doc.general)) values.set(`general:${id}`, value);
  return { isChecked: (id) => checked.has(id), valueOf: (id) => values.get(id) };
}
