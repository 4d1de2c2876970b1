/**
 * Text normalisation for evidence: the shared Thai normaliser (src/text/thai.ts — NFC, zero-width characters, sara am
 * written as nikhahit + sara aa) plus what PDF text layers and OCR of marked regions add on top.
 */
import { normalizeThai, thaiDigitsToArabic } from "../text/thai.js";

export { thaiDigitsToArabic };

/**
 * Thai fonts from the Windows era (TH SarabunPSK, Angsana…) map positional glyph variants of marks to the private-use
 * area U+F700–U+F71A, and PDF text layers then hand those code points back instead of the real letters.
 */
const THAI_PUA: Record<string, string> = {
  "\uF700": "\u0E10", "\uF701": "\u0E34", "\uF702": "\u0E35", "\uF703": "\u0E36", "\uF704": "\u0E37",
  "\uF705": "\u0E48", "\uF706": "\u0E49", "\uF707": "\u0E4A", "\uF708": "\u0E4B", "\uF709": "\u0E4C",
  "\uF70A": "\u0E48", "\uF70B": "\u0E49", "\uF70C": "\u0E4A", "\uF70D": "\u0E4B", "\uF70E": "\u0E4C",
  "\uF70F": "\u0E0D", "\uF710": "\u0E31", "\uF711": "\u0E4D", "\uF712": "\u0E47", "\uF713": "\u0E48",
  "\uF714": "\u0E49", "\uF715": "\u0E4A", "\uF716": "\u0E4B", "\uF717": "\u0E4C", "\uF718": "\u0E38",
  "\uF719": "\u0E39", "\uF71A": "\u0E3A",
};
const PUA_RE = /[\uF700-\uF71A]/g;

const TONE = "\u0E48-\u0E4B";
const UPPER_VOWEL = "\u0E31\u0E34-\u0E37\u0E47";

export function normalizeEvidenceText(input: string): string {
  const fixed = input
    .replace(PUA_RE, (ch) => THAI_PUA[ch] ?? ch)
    // Some PDF producers map the sara am glyph to "ำา"; sara aa never legitimately follows sara am.
    .replace(/\u0E33\u0E32/g, "\u0E33")
    // Tone mark typed before the upper vowel it sits on: the canonical order is vowel then tone.
    .replace(new RegExp(`([${TONE}])([${UPPER_VOWEL}])`, "g"), "$2$1");
  return (
    normalizeThai(fixed, { collapseSpaces: false })
      // Lines matter in evidence text (they locate the marked passage): collapse spaces, keep line breaks.
      .replace(/[ \t\u00A0]+/g, " ")
      .replace(/ *\n */g, "\n")
      .trim()
      // A mark with no letter to sit on (a cut at the edge of a marked box, OCR debris) is not text.
      .replace(/(^|\n)\p{M}+/gu, "$1")
  );
}

export function hasThaiDigits(text: string): boolean {
  return /[\u0E50-\u0E59]/.test(text);
}
