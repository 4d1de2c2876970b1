/**
 * A small, defensive ZIP reader. Declared sizes come from the central directory and are checked against the
 * limits before anything is inflated; inflating is capped at the declared size and the CRC is verified, so an
 * archive that lies about its sizes cannot expand past what was approved.
 */
import { crc32, inflateRawSync } from "node:zlib";

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

/** Thrown for structural damage; the caller turns it into a DocxError naming the file. */
export class ZipFormatError extends Error {}

const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const MAX_COMMENT = 0xffff;

const utf8 = new TextDecoder("utf-8");

function u64(view: DataView, at: number): number {
  const value = view.getBigUint64(at, true);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipFormatError("64-bit size out of range");
  return Number(value);
}

function findEocd(view: DataView): number {
  const last = view.byteLength - 22;
  const stop = Math.max(0, last - MAX_COMMENT);
  for (let at = last; at >= stop; at--) {
    if (view.getUint32(at, true) === SIG_EOCD) return at;
  }
  return -1;
}

/** True when the bytes contain an end-of-central-directory record, i.e. they at least claim to be a ZIP. */
export function hasZipTrailer(bytes: Uint8Array): boolean {
  return bytes.byteLength >= 22 && findEocd(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)) >= 0;
}

export function readCentralDirectory(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = bytes.byteLength >= 22 ? findEocd(view) : -1;
  if (eocd < 0) throw new ZipFormatError("end of central directory not found (truncated file?)");
  if (view.getUint16(eocd + 4, true) !== 0 || view.getUint16(eocd + 6, true) !== 0) {
    throw new ZipFormatError("multi-part archives are not supported");
  }
  let count = view.getUint16(eocd + 10, true);
  let cdSize = view.getUint32(eocd + 12, true);
  let cdOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || view.getUint32(locator, true) !== SIG_ZIP64_LOCATOR) {
      throw new ZipFormatError("ZIP64 locator missing");
    }
    const z64 = u64(view, locator + 8);
    if (z64 + 56 > bytes.byteLength || view.getUint32(z64, true) !== SIG_ZIP64_EOCD) {
      throw new ZipFormatError("ZIP64 end record missing");
    }
    count = u64(view, z64 + 32);
    cdSize = u64(view, z64 + 40);
    cdOffset = u64(view, z64 + 48);
  }
  if (cdOffset + cdSize > bytes.byteLength) throw new ZipFormatError("central directory lies outside the file");
  // 46 bytes is the smallest central record; a count that cannot fit is a lie, not a reason to loop.
  if (count * 46 > cdSize) throw new ZipFormatError("central directory is shorter than its entry count");

  const entries: ZipEntry[] = [];
  let at = cdOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > cdOffset + cdSize || view.getUint32(at, true) !== SIG_CENTRAL) {
      throw new ZipFormatError(`central directory entry ${i} is damaged`);
    }
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const crc = view.getUint32(at + 16, true);
    let compressedSize = view.getUint32(at + 20, true);
    let size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    let localHeaderOffset = view.getUint32(at + 42, true);
    const nameStart = at + 46;
    const extraStart = nameStart + nameLength;
    const next = extraStart + extraLength + commentLength;
    if (next > cdOffset + cdSize) throw new ZipFormatError(`central directory entry ${i} is damaged`);
    const name = utf8.decode(bytes.subarray(nameStart, extraStart));

    if (size === 0xffffffff || compressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
      // ZIP64 extra field: only the fields whose 32-bit slot is saturated are present, in this order.
      for (let e = extraStart; e + 4 <= extraStart + extraLength; ) {
        const id = view.getUint16(e, true);
        const len = view.getUint16(e + 2, true);
        if (id === 0x0001) {
          const fieldsEnd = e + 4 + len;
          let f = e + 4;
          const take = (): number => {
            if (f + 8 > fieldsEnd) throw new ZipFormatError(`ZIP64 field of ${name} is damaged`);
            f += 8;
            return u64(view, f - 8);
          };
          if (size === 0xffffffff) size = take();
          if (compressedSize === 0xffffffff) compressedSize = take();
          if (localHeaderOffset === 0xffffffff) localHeaderOffset = take();
        }
        e += 4 + len;
      }
    }
    entries.push({ name, method, flags, crc, compressedSize, size, localHeaderOffset });
    at = next;
  }
  return entries;
}

/** Inflates one entry whose declared sizes the caller has already approved. */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const local = entry.localHeaderOffset;
  if (local + 30 > bytes.byteLength || view.getUint32(local, true) !== SIG_LOCAL) {
    throw new ZipFormatError(`local header of ${entry.name} is damaged`);
  }
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.byteLength) throw new ZipFormatError(`${entry.name} runs past the end of the file`);
  const data = bytes.subarray(start, end);

  let out: Uint8Array;
  if (entry.method === 0) {
    out = data;
  } else if (entry.method === 8) {
    try {
      // +1 so that "more than declared" is detectable instead of silently truncated.
      out = inflateRawSync(data, { maxOutputLength: entry.size + 1 });
    } catch (error) {
      throw new ZipFormatError(`${entry.name} cannot be decompressed (${(error as Error).message})`);
    }
  } else {
    throw new ZipFormatError(`${entry.name} uses unsupported compression method ${entry.method}`);
  }
  if (out.byteLength !== entry.size) {
    throw new ZipFormatError(`${entry.name} is ${out.byteLength} bytes, the directory says ${entry.size}`);
  }
  if (crc32(out) !== entry.crc) throw new ZipFormatError(`${entry.name} fails its CRC check`);
  return out;
}
