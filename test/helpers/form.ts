/** Form-file fixtures shared by the form and audit tests. */
import type { FormFile } from "../../src/form/schema.js";

/** A copy of a form file with every `expect:` block removed: an edition that says nothing about its evidence. */
export function withoutExpectations(file: FormFile): FormFile {
  const copy = structuredClone(file);
  const strip = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(strip);
    else if (value && typeof value === "object") {
      delete (value as { expect?: unknown }).expect;
      Object.values(value).forEach(strip);
    }
  };
  strip(copy.questions);
  return copy;
}
