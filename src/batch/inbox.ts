/**
 * The inbox as files: every regular file under the folder, and every entry of every .zip (nested ones too, to a
 * limit), opened in memory with the same safety checks as .docx packages (src/docx/open.ts: names that escape the
 * archive, encrypted entries, declared sizes and ratios before anything is inflated; src/docx/zip.ts caps inflation
 * at the declared size and checks CRCs). Nothing is extracted to disk and the inbox is never modified.
 */
import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { ManifestFile } from "../bundle/schema.js";
import { EXIT, SamruatError } from "../errors.js";
import { DocxError, docxError } from "../docx/errors.js";
import { checkBomb, DEFAULT_LIMITS, isUnsafeName } from "../docx/open.js";
import { hasZipTrailer, inflateEntry, readCentralDirectory, ZipFormatError, type ZipEntry } from "../docx/zip.js";
import { reason, reasonFrom } from "./messages.js";
import { extension } from "./names.js";

export interface InboxFile {
  /** Inbox-relative, NFC, "/" separators; inside an archive "<archive>.zip/<entry>". */
  path: string;
  size: number;
  /** The file's modification time, or the entry's DOS time inside an archive (read as UTC). */
  mtimeMs: number;
  sha256: string;
  /** Where the file is on disk; unset inside archives. */
  diskPath?: string;
  read(): Promise<Uint8Array>;
}

export interface Inbox {
  files: InboxFile[];
  /** Archives (used or failed), entries refused inside them, links and unreadable files. */
  records: ManifestFile[];
}

/** A zip inside a zip inside a zip is opened; deeper nesting is refused (each level multiplies the work). */
const MAX_ARCHIVE_DEPTH = 3;
/** What all archives of one inbox may expand to together: each passes the per-archive limits, nested ones add up. */
const ARCHIVE_BUDGET = 2 * DEFAULT_LIMITS.maxTotalSize;

export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Reads the inbox folder; `skip` holds absolute paths not to enter (the output folder when it sits in the inbox). */
export async function readInbox(root: string, skip: readonly string[] = []): Promise<Inbox> {
  const info = await stat(root).catch(() => null);
  if (!info) throw new SamruatError("inbox_missing", "ไม่พบโฟลเดอร์กล่องรับไฟล์", "the inbox folder does not exist", EXIT.unreadable, root);
  if (!info.isDirectory()) {
    throw new SamruatError("inbox_not_dir", "กล่องรับไฟล์ต้องเป็นโฟลเดอร์", "the inbox must be a folder", EXIT.unreadable, root);
  }
  const inbox: Inbox = { files: [], records: [] };
  const skipped = new Set(skip.map((s) => path.resolve(s)));
  await walk(path.resolve(root), "", inbox, skipped, { left: ARCHIVE_BUDGET });
  return inbox;
}

/** Bytes the inbox's archives may still expand to. */
interface Budget {
  left: number;
}

async function walk(dir: string, rel: string, inbox: Inbox, skip: Set<string>, budget: Budget): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if (rel === "") throw new SamruatError("inbox_unreadable", "เปิดโฟลเดอร์กล่องรับไฟล์ไม่ได้", "cannot open the inbox folder", EXIT.unreadable, dir);
    inbox.records.push({ path: rel, kind: "other", status: "failed", reason: reason("read_failed", { detail: errorCode(error) }) });
    return;
  }
  // Names are compared and written NFC (macOS hands out NFD); sorted so every run sees the same order.
  const named = entries.map((e) => ({ e, name: e.name.normalize("NFC") })).sort((a, b) => compare(a.name, b.name));
  for (const { e, name } of named) {
    const abs = path.join(dir, e.name);
    const relPath = rel ? `${rel}/${name}` : name;
    if (skip.has(abs)) continue;
    if (e.isSymbolicLink()) {
      inbox.records.push({ path: relPath, kind: "other", status: "ignored", reason: reason("symlink") });
    } else if (e.isDirectory()) {
      await walk(abs, relPath, inbox, skip, budget);
    } else if (e.isFile()) {
      await addDiskFile(abs, relPath, inbox, budget);
    }
  }
}

async function addDiskFile(abs: string, relPath: string, inbox: Inbox, budget: Budget): Promise<void> {
  let bytes: Uint8Array;
  let mtimeMs: number;
  try {
    [bytes, mtimeMs] = await Promise.all([readFile(abs), stat(abs).then((s) => Math.round(s.mtimeMs))]);
  } catch (error) {
    inbox.records.push({ path: relPath, kind: "other", status: "failed", reason: reason("read_failed", { detail: errorCode(error) }) });
    return;
  }
  if (extension(relPath) === "zip") {
    addArchive(bytes, relPath, 1, inbox, budget);
    return;
  }
  inbox.files.push({ path: relPath, size: bytes.length, mtimeMs, sha256: sha256(bytes), diskPath: abs, read: async () => plain(await readFile(abs)) });
}

function addArchive(bytes: Uint8Array, archivePath: string, depth: number, inbox: Inbox, budget: Budget): void {
  const record: ManifestFile = { path: archivePath, sha256: sha256(bytes), kind: "archive", status: "used" };
  inbox.records.push(record);
  if (depth > MAX_ARCHIVE_DEPTH) {
    Object.assign(record, { status: "failed", reason: reason("archive_too_deep") });
    return;
  }
  const refuse = (error: DocxError) => Object.assign(record, { status: "failed", reason: reasonFrom(error.code, error.messageTh, error.messageEn) });

  let entries: ZipEntry[];
  try {
    if (!hasZipTrailer(bytes)) throw new ZipFormatError("end of the ZIP directory is missing");
    entries = readCentralDirectory(bytes);
  } catch (error) {
    if (!(error instanceof ZipFormatError)) throw error;
    refuse(docxError.corrupt(archivePath, error.message));
    return;
  }

  const accepted: { entry: ZipEntry; path: string }[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    if (entry.name.endsWith("/")) continue;
    const name = entryName(bytes, entry);
    const entryPath = `${archivePath}/${name}`;
    const refused = isUnsafeName(name) ? "unsafe_zip_entry" : entry.flags & 1 ? "encrypted_zip_entry" : seen.has(name) ? "duplicate_zip_entry" : undefined;
    if (refused) {
      inbox.records.push({ path: entryPath, kind: "other", status: "failed", reason: reason(refused) });
      continue;
    }
    seen.add(name);
    accepted.push({ entry, path: entryPath });
  }
  try {
    checkBomb(accepted.map((a) => a.entry), DEFAULT_LIMITS, archivePath);
    const size = accepted.reduce((n, a) => n + a.entry.size, 0);
    if (size > budget.left) throw docxError.bomb(archivePath, `the inbox's archives would expand past ${ARCHIVE_BUDGET} bytes`);
    budget.left -= size;
  } catch (error) {
    if (!(error instanceof DocxError)) throw error;
    refuse(error);
    return;
  }

  for (const { entry, path: entryPath } of accepted.sort((a, b) => compare(a.path, b.path))) {
    let data: Uint8Array;
    try {
      data = inflateEntry(bytes, entry);
    } catch (error) {
      if (!(error instanceof ZipFormatError)) throw error;
      const damaged = docxError.corrupt(entryPath, error.message);
      inbox.records.push({ path: entryPath, kind: "other", status: "failed", reason: reasonFrom(damaged.code, damaged.messageTh, damaged.messageEn) });
      continue;
    }
    if (extension(entryPath) === "zip") {
      addArchive(data, entryPath, depth + 1, inbox, budget);
      continue;
    }
    inbox.files.push({
      path: entryPath,
      size: data.length,
      mtimeMs: dosTime(bytes, entry),
      sha256: sha256(data),
      // Inflated again on demand: an inbox of scans should not sit in memory twice.
      read: async () => plain(inflateEntry(bytes, entry)),
    });
  }
}

/**
 * Entry names are UTF-8 when flag bit 11 says so; Windows' built-in "compressed folder" writes Thai names in the
 * OEM code page (CP874/TIS-620) without the flag, which the UTF-8 decoder turns into U+FFFD — re-read those bytes
 * from the local header as windows-874.
 */
function entryName(bytes: Uint8Array, entry: ZipEntry): string {
  let name = entry.name;
  if (name.includes("\uFFFD") && !(entry.flags & 0x800)) {
    const at = entry.localHeaderOffset;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (at + 30 <= bytes.byteLength) {
      const length = view.getUint16(at + 26, true);
      name = new TextDecoder("windows-874").decode(bytes.subarray(at + 30, Math.min(bytes.byteLength, at + 30 + length)));
    }
  }
  return name.replaceAll("\\", "/").normalize("NFC");
}

/** The DOS date and time of an entry (its local header), as if UTC: only compared with other times. */
function dosTime(bytes: Uint8Array, entry: ZipEntry): number {
  const at = entry.localHeaderOffset;
  if (at + 14 > bytes.byteLength) return 0;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const time = view.getUint16(at + 10, true);
  const date = view.getUint16(at + 12, true);
  const ms = Date.UTC(1980 + (date >> 9), ((date >> 5) & 15) - 1, date & 31, time >> 11, (time >> 5) & 63, (time & 31) * 2);
  return Number.isFinite(ms) ? ms : 0;
}

/**
 * A plain Uint8Array copy: pdf.js refuses Buffers and may detach what it is given, which must never be the archive
 * a stored entry is a view of.
 */
function plain(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(bytes);
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}

/** Code-point order: the same on every machine, unlike localeCompare. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
