/**
 * Evidence pasted into the form itself: pictures in the document body (word/media/…), each tied to the question
 * whose printed code precedes it. The docx reader's model does not keep drawings, so the body XML is scanned once
 * in document order: a paragraph that starts with a code of the form followed by that question's own words opens
 * the question (so the indicator table's "1.1 Digital Policy" and option numbers such as "2.1" inside P6.2.1 do not);
 * a picture belongs to the question open at that point. Pictures before the first question (a logo) belong to none.
 */
import path from "node:path";
import type { CompiledForm } from "../form/compile.js";
import { openDocx } from "../docx/open.js";
import { sniffType } from "../evidence/sniff.js";
import { labelSimilarity } from "../text/thai.js";
import { normalizeName } from "./names.js";

export interface EmbeddedImage {
  /** The media part, e.g. "word/media/image3.png". */
  part: string;
  bytes: Uint8Array;
  /** The question code printed before the picture; undefined before the first question. */
  question?: string;
  /** Whether OCR can read it (PNG, JPEG, TIFF; not EMF/WMF/SVG). */
  readable: boolean;
}

/** A code at the start of a paragraph, as printed: "P1.1", "G2.", "· P2.1.4.1", "7.1.1" (P7.1's items lack the P). */
const CODE_AT_START = /^[\s\u00B7\u2022\-–*]*(P?\d+(?:\.\d+)+|G\d+)\.?(?=[\s\u0E00-\u0E7F(]|$)/u;
/** Question lines repeat the question's words (similarity ≥ 0.7 on the samples); table rows and options score < 0.2. */
const QUESTION_LINE = 0.5;
const TOKEN = /<w:p[\s>]|<\/w:p>|<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|\br:(?:embed|id)="([^"]+)"/gu;

export function embeddedImages(bytes: Uint8Array, fileName: string, form: CompiledForm): EmbeddedImage[] {
  const pkg = openDocx(bytes, fileName);
  const relsPart = `${path.posix.dirname(pkg.mainPart)}/_rels/${path.posix.basename(pkg.mainPart)}.rels`;
  if (!pkg.has(relsPart)) return [];
  const media = new Map<string, string>();
  for (const m of pkg.readText(relsPart).matchAll(/<Relationship\b[^>]*>/gu)) {
    const id = /\bId="([^"]+)"/u.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/u.exec(m[0])?.[1];
    if (!id || !target || /TargetMode="External"/u.test(m[0])) continue;
    const part = path.posix.normalize(path.posix.join(path.posix.dirname(pkg.mainPart), target));
    if (part.startsWith("word/media/")) media.set(id, part);
  }
  if (media.size === 0) return [];

  const images: EmbeddedImage[] = [];
  const seen = new Set<string>();
  let current: string | undefined;
  let paragraph = "";
  const codeOf = (text: string): string | undefined => {
    const normalized = normalizeName(text);
    const m = CODE_AT_START.exec(normalized);
    if (!m) return undefined;
    const question = form.question(/^[PG]/u.test(m[1]!) ? m[1]! : `P${m[1]}`);
    const words = normalized.slice(m[0].length, m[0].length + 60);
    return question && labelSimilarity(question.source.text.slice(0, 60), words) >= QUESTION_LINE ? question.code : undefined;
  };
  for (const m of pkg.readText(pkg.mainPart).matchAll(TOKEN)) {
    if (m[0].startsWith("<w:p")) paragraph = "";
    else if (m[0] === "</w:p>") current = codeOf(paragraph) ?? current;
    else if (m[1] !== undefined) paragraph += m[1];
    else {
      const part = media.get(m[2]!);
      if (!part || seen.has(part) || !pkg.has(part)) continue;
      seen.add(part);
      const data = pkg.read(part);
      const type = sniffType(data).type;
      // A picture in the question's own paragraph, after its code, belongs to that question.
      const question = codeOf(paragraph) ?? current;
      images.push({ part, bytes: data, ...(question ? { question } : {}), readable: type === "png" || type === "jpeg" || type === "tiff" });
    }
  }
  return images;
}
