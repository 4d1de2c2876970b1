/**
 * Cross-field number constraints, as data. They belong with the form definition, but the form schema has no place
 * for them yet, so they live here as one table of full field ids (docs/form-ids.md). A constraint whose fields are not
 * in the form being checked is skipped, so a new edition that keeps the ids keeps the checks; a test checks that
 * every field named here exists in pcio-2567.
 *
 * Single-field number rules need no table: the blank's `type` (integer → non-negative whole number, percent → 0–100)
 * and `maxOf` (a score not above its "คะแนนเต็ม") come from the form file itself.
 */

export type Constraint =
  /** value(field) ≤ value(atMost): a part cannot exceed its whole. */
  | { kind: "at_most"; field: string; atMost: string; note: string }
  /** value(field) > 0 when given (a sample size, a full score). */
  | { kind: "positive"; field: string; note: string }
  /**
   * The number of entries of `entries` with `key` filled equals min(value(count), the entries' max): "จำนวน 3 บริการ
   * โปรดระบุชื่อบริการไม่เกิน 5 บริการ" names 3 services; 7 services name 5.
   */
  | { kind: "entries_match_count"; count: string; entries: string; key: string; note: string };

export const CROSS_FIELD_CONSTRAINTS: readonly Constraint[] = [
  { kind: "at_most", field: "P4.1.1:total.count", atMost: "P4.1:total.count", note: "digital services ≤ all services taken from the parent department" },
  { kind: "at_most", field: "P4.2.1:total.count", atMost: "P4.2:total.count", note: "own digital services ≤ all own services" },
  { kind: "at_most", field: "P2.2.1.2:i3_1.machine_readable", atMost: "P2.2.1.2:i3_1.structured", note: "machine-readable structured data ≤ structured data" },
  { kind: "entries_match_count", count: "P4.2.1:total.count", entries: "P4.2.1:total.services", key: "name", note: "services named match the count (at most 5)" },
  { kind: "entries_match_count", count: "P2.2.2:yes.count", entries: "P2.2.2:yes.datasets", key: "name", note: "datasets named match the count (at most 5)" },
  { kind: "positive", field: "P4.2.2:yes.i1.known.count", note: "sample size > 0" },
  { kind: "positive", field: "P4.2.2:yes.i2.scale.full_score", note: "full score > 0" },
];

/** Field ids a constraint refers to (entries by their group id). */
export function constraintFields(c: Constraint): string[] {
  switch (c.kind) {
    case "at_most":
      return [c.field, c.atMost];
    case "positive":
      return [c.field];
    case "entries_match_count":
      return [c.count, c.entries];
  }
}
