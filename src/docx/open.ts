/**
 * Opening a .docx safely: recognise what the bytes really are (empty, OLE .doc or encrypted package, .odt, not a
 * ZIP at all), refuse zip bombs from the declared sizes before inflating anything, drop entries whose names
 * escape the package, and find the main document part. Parts are inflated lazily, one at a time.
 */
import { readerWarning } from "./messages.js";
import { SaxesParser } from "saxes";
import { cfbEntryNames, containsUtf16, isCfb, legacyDocEncrypted } from "./cfb.js";
import { DocxError, docxError } from "./errors.js";
import type { Message } from "./model.js";
import { hasZipTrailer, inflateEntry, readCentralDirectory, ZipFormatError, type ZipEntry } from "./zip.js";

export interface ZipLimits {
  maxEntries: number;
  /** Sum of the declared uncompressed sizes of all entries. */
  maxTotalSize: number;
  maxEntrySize: number;
  /** Uncompressed / compressed, checked only for entries larger than ratioGraceSize (tiny parts compress wildly). */
  maxRatio: number;
  ratioGraceSize: number;
}

/**
 * Generous for real forms (scanned images make big but barely compressible parts; XML compresses 5–30×) and far
 * below what hurts a 2-core/24 GB machine. Apache POI refuses ratios above 100×; we allow 200× past 1 MiB.
 */
export const DEFAULT_LIMITS: ZipLimits = {
  maxEntries: 10_000,
  maxTotalSize: 1024 * 1024 * 1024,
  maxEntrySize: 256 * 1024 * 1024,
  maxRatio: 200,
  ratioGraceSize: 1024 * 1024,
};

export interface DocxPackage {
  fileName: string;
  /** The main document part, normally word/document.xml. */
  mainPart: string;
  partNames(): string[];
  has(part: string): boolean;
  /** Inflates a part; throws DocxError corrupt_zip when it is damaged. */
  read(part: string): Uint8Array;
  readText(part: string): string;
  /** Target part of the first relationship of `part` whose type ends with "/" + typeName (e.g. "styles"). */
  related(part: string, typeName: string): string | undefined;
  warnings: Message[];
}

const MAIN_DOCUMENT = "word/document.xml";

export function openDocx(bytes: Uint8Array, fileName: string, limits: Partial<ZipLimits> = {}): DocxPackage {
  const limit: ZipLimits = { ...DEFAULT_LIMITS, ...limits };
  if (bytes.byteLength === 0) throw docxError.empty(fileName);
  if (isCfb(bytes)) throw oleError(bytes, fileName);
  if (!hasZipTrailer(bytes)) {
    // A truncated download still starts with a local header; anything else was never a ZIP.
    if (bytes[0] === 0x50 && bytes[1] === 0x4b) throw docxError.corrupt(fileName, "end of the ZIP directory is missing");
    throw docxError.notZip(fileName, sniff(bytes));
  }

  let entries: ZipEntry[];
  try {
    entries = readCentralDirectory(bytes);
  } catch (error) {
    if (error instanceof ZipFormatError) throw docxError.corrupt(fileName, error.message);
    throw error;
  }

  const warnings: Message[] = [];
  const byName = new Map<string, ZipEntry>();
  for (const entry of entries) {
    if (entry.name.endsWith("/")) continue;
    if (isUnsafeName(entry.name)) {
      warnings.push(readerWarning("unsafe_zip_entry", { entry: entry.name }));
      continue;
    }
    // A ZIP tool's password (ZipCrypto/AES) encrypts the parts themselves: nothing in the package can be read.
    if (entry.flags & 1) throw docxError.encrypted(fileName);
    // OPC part names compare case-insensitively; a second entry with the same name is a parser-confusion trick.
    const key = entry.name.toLowerCase();
    if (byName.has(key)) {
      warnings.push(readerWarning("duplicate_zip_entry", { entry: entry.name }));
      continue;
    }
    byName.set(key, entry);
  }
  checkBomb([...byName.values()], limit, fileName);

  const read = (part: string): Uint8Array => {
    const entry = byName.get(part.toLowerCase());
    if (!entry) throw docxError.corrupt(fileName, `${part} is missing`);
    try {
      return inflateEntry(bytes, entry);
    } catch (error) {
      if (error instanceof ZipFormatError) throw docxError.corrupt(fileName, error.message);
      throw error;
    }
  };
  const readText = (part: string): string => decodeXml(read(part));
  const has = (part: string): boolean => byName.has(part.toLowerCase());

  const mimetype = byName.get("mimetype");
  if (mimetype && mimetype.size < 256) {
    const type = readText("mimetype").trim();
    if (type.startsWith("application/vnd.oasis.opendocument")) throw docxError.odt(fileName, type);
  }

  const relsCache = new Map<string, Relationship[]>();
  const related = (part: string, typeName: string): string | undefined => {
    let rels = relsCache.get(part);
    if (!rels) {
      const slash = part.lastIndexOf("/");
      const relsPart = `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
      try {
        rels = has(relsPart) ? parseRelationships(readText(relsPart), part.slice(0, slash + 1)) : [];
      } catch (error) {
        if (error instanceof DocxError) throw error;
        throw docxError.corrupt(fileName, `${relsPart} is not well-formed XML`);
      }
      relsCache.set(part, rels);
    }
    return rels.find((r) => r.type.endsWith(`/${typeName}`))?.target;
  };

  let mainPart = MAIN_DOCUMENT;
  try {
    const target = related("", "officeDocument");
    if (target && has(target)) mainPart = target;
  } catch (error) {
    if (!(error instanceof DocxError)) throw error;
    warnings.push(readerWarning("unreadable_relationships", { detail: error.messageEn, main: MAIN_DOCUMENT }));
  }
  if (!has(mainPart)) {
    const looksLike = has("xl/workbook.xml")
      ? { th: "Excel (.xlsx)", en: "an Excel workbook (.xlsx)" }
      : has("ppt/presentation.xml")
        ? { th: "PowerPoint (.pptx)", en: "a PowerPoint presentation (.pptx)" }
        : undefined;
    throw docxError.missingDocument(fileName, looksLike);
  }

  return {
    fileName,
    mainPart,
    partNames: () => [...byName.values()].map((e) => e.name),
    has,
    read,
    readText,
    related,
    warnings,
  };
}

/**
 * A compound file is either an encrypted Office 2007+ document (EncryptionInfo + EncryptedPackage streams), or a
 * Word 97–2003 .doc, itself encrypted when its File Information Block says so — LibreOffice cannot open either.
 */
function oleError(bytes: Uint8Array, fileName: string): DocxError {
  const names = cfbEntryNames(bytes);
  const hasStream = (name: string): boolean => (names ? names.includes(name) : containsUtf16(bytes, name));
  if (hasStream("EncryptedPackage") || hasStream("EncryptionInfo") || legacyDocEncrypted(bytes)) return docxError.encrypted(fileName);
  return docxError.legacyDoc(fileName, hasStream("WordDocument"));
}

export function checkBomb(entries: readonly ZipEntry[], limit: ZipLimits, fileName: string): void {
  if (entries.length > limit.maxEntries) {
    throw docxError.bomb(fileName, `${entries.length} entries, limit ${limit.maxEntries}`);
  }
  let total = 0;
  for (const e of entries) {
    total += e.size;
    if (e.size > limit.maxEntrySize) {
      throw docxError.bomb(fileName, `${e.name} declares ${e.size} bytes, limit ${limit.maxEntrySize}`);
    }
    if (e.size > limit.ratioGraceSize && e.size > e.compressedSize * limit.maxRatio) {
      const ratio = e.compressedSize === 0 ? "∞" : Math.round(e.size / e.compressedSize).toString();
      throw docxError.bomb(fileName, `${e.name} expands ${ratio}×, limit ${limit.maxRatio}×`);
    }
  }
  if (total > limit.maxTotalSize) {
    throw docxError.bomb(fileName, `entries declare ${total} bytes in total, limit ${limit.maxTotalSize}`);
  }
}

export function isUnsafeName(name: string): boolean {
  if (name.startsWith("/") || name.startsWith("\\") || /^[A-Za-z]:/.test(name) || name.includes("\0")) return true;
  return name.split(/[\\/]/).some((segment) => segment === "..");
}

/** What a file that is not a .docx seems to be, in both languages. */
function sniff(bytes: Uint8Array): { th: string; en: string } | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 512))
    .toString("latin1")
    .replace(/^\xef\xbb\xbf/, "")
    .trimStart()
    .toLowerCase();
  if (head.startsWith("%pdf")) return { th: "PDF", en: "a PDF" };
  if (head.startsWith("{\\rtf")) return { th: "RTF", en: "an RTF document" };
  if (head.includes("w:worddocument")) return { th: "Word 2003 XML", en: "a Word 2003 XML document" };
  if (head.startsWith("<") || head.startsWith("mime-version")) return { th: "หน้าเว็บ (HTML/MHT)", en: "a web page (HTML/MHT)" };
  return undefined;
}

function decodeXml(data: Uint8Array): string {
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder("utf-16le").decode(data);
  if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder("utf-16be").decode(data);
  // Buffer's UTF-8 decoder is the fastest in Node; it keeps a BOM, which XML parsers must not see as text.
  const text = Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString("utf8");
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

interface Relationship {
  type: string;
  target: string;
}

/** External targets (hyperlinks) are kept out: they are not parts. */
function parseRelationships(xml: string, baseFolder: string): Relationship[] {
  const rels: Relationship[] = [];
  const parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
  parser.on("opentag", (tag) => {
    if (tag.name !== "Relationship" && !tag.name.endsWith(":Relationship")) return;
    const a = tag.attributes;
    if (a.TargetMode === "External" || a.Type === undefined || a.Target === undefined) return;
    rels.push({ type: a.Type, target: resolvePartName(baseFolder, a.Target) });
  });
  parser.write(xml).close();
  return rels;
}

function resolvePartName(baseFolder: string, target: string): string {
  const segments = target.startsWith("/") ? [] : baseFolder.split("/").filter(Boolean);
  for (const segment of target.split("/")) {
    if (segment === "..") segments.pop();
    else if (segment !== "" && segment !== ".") segments.push(segment);
  }
  return segments.join("/");
}
