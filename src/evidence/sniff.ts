/** What a file is, from its first bytes (shared by the evidence reader, the form reader and the batch). */
import type { FileType } from "./schema.js";

export type Sniffed = { type: Exclude<FileType, "unknown"> } | { type: "unknown"; what: string };

/** File type from magic bytes; the extension is never trusted (renamed files are common in e-mailed evidence). */
export function sniffType(bytes: Uint8Array): Sniffed {
  const head = (n: number) => String.fromCharCode(...bytes.subarray(0, n));
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return { type: "png" };
  if (starts(0xff, 0xd8, 0xff)) return { type: "jpeg" };
  if (starts(0x49, 0x49, 0x2a, 0x00) || starts(0x4d, 0x4d, 0x00, 0x2a)) return { type: "tiff" };
  // PDF allows junk before the header within the first KiB.
  if (new TextDecoder("latin1").decode(bytes.subarray(0, 1024)).includes("%PDF-")) return { type: "pdf" };
  if (starts(0x50, 0x4b, 0x03, 0x04)) {
    return new TextDecoder("latin1").decode(bytes).includes("word/document.xml")
      ? { type: "docx" }
      : { type: "unknown", what: "ZIP" };
  }
  if (head(4) === "GIF8") return { type: "unknown", what: "GIF" };
  if (head(2) === "BM") return { type: "unknown", what: "BMP" };
  if (head(4) === "RIFF" && String.fromCharCode(...bytes.subarray(8, 12)) === "WEBP") return { type: "unknown", what: "WebP" };
  if (String.fromCharCode(...bytes.subarray(4, 8)) === "ftyp") return { type: "unknown", what: "HEIC/MP4" };
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) return { type: "unknown", what: "DOC/XLS (OLE)" };
  return { type: "unknown", what: "" };
}
