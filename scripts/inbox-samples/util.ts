/** Small helpers shared by the inbox generator and its check. */
import { createHash } from "node:crypto";

export const sha256 = (b: Uint8Array): string => createHash("sha256").update(b).digest("hex");

/** A typed value that reads as a URL (the validator accepts a URL in an evidence place instead of a file). */
export function looksLikeUrlValue(v: string): boolean {
  return /^(https?:\/\/|www\.)\S+\.\S+/iu.test(v.trim());
}

/** Sara am typed as nikhahit + sara aa (U+0E4D U+0E32), as some Thai keyboards and PDF copies produce. */
export function decomposeSaraAm(s: string): string {
  return s.replace(/\u0E33/gu, "\u0E4D\u0E32");
}
