/** Stages return their value plus the warnings they raised (the mammoth convention), instead of throwing or logging. */
import type { EvidenceWarning } from "./schema.js";

export interface Result<T> {
  value: T;
  messages: EvidenceWarning[];
}

export function ok<T>(value: T, messages: EvidenceWarning[] = []): Result<T> {
  return { value, messages };
}
