/**
 * Just enough of the OLE compound file format (MS-CFB) to list stream names and find a stream's first sector: an
 * encrypted .docx is a compound file holding "EncryptedPackage", a Word 97–2003 .doc one holding "WordDocument".
 */

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;

const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;
/** Caps on chains so a crafted file cannot make us loop or allocate without bound. */
const MAX_SECTORS = 1 << 20;

export function isCfb(bytes: Uint8Array): boolean {
  return bytes.byteLength >= CFB_MAGIC.length && CFB_MAGIC.every((b, i) => bytes[i] === b);
}

interface CfbEntry {
  name: string;
  /** First sector of the stream (in the FAT, or the mini FAT for streams under 4 KiB). */
  start: number;
  size: number;
}

interface Cfb {
  entries: CfbEntry[];
  /** Byte offset of a sector of the main FAT, when it lies inside the file. */
  offsetOf(sector: number): number | undefined;
}

/** The directory of a compound file, or undefined when the structure is too damaged to walk. */
function readCfb(bytes: Uint8Array): Cfb | undefined {
  if (bytes.byteLength < 512) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shift = view.getUint16(30, true);
  if (shift !== 9 && shift !== 12) return undefined;
  const sectorSize = 1 << shift;
  const sectorCount = Math.floor(bytes.byteLength / sectorSize) - 1;
  const offsetOf = (sector: number): number | undefined =>
    sector < sectorCount ? (sector + 1) * sectorSize : undefined;

  // The FAT's own sectors: 109 listed in the header, the rest in the DIFAT chain.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const s = view.getUint32(76 + i * 4, true);
    if (s !== FREE && s !== END_OF_CHAIN) fatSectors.push(s);
  }
  let difat = view.getUint32(68, true);
  for (let guard = 0; difat !== END_OF_CHAIN && difat !== FREE; guard++) {
    const at = offsetOf(difat);
    if (at === undefined || guard > MAX_SECTORS) return undefined;
    const perSector = sectorSize / 4 - 1;
    for (let i = 0; i < perSector; i++) {
      const s = view.getUint32(at + i * 4, true);
      if (s !== FREE && s !== END_OF_CHAIN) fatSectors.push(s);
    }
    difat = view.getUint32(at + perSector * 4, true);
  }
  const fat: number[] = [];
  for (const s of fatSectors) {
    const at = offsetOf(s);
    if (at === undefined) return undefined;
    for (let i = 0; i < sectorSize / 4; i++) fat.push(view.getUint32(at + i * 4, true));
  }

  const entries: CfbEntry[] = [];
  const seen = new Set<number>();
  for (let sector = view.getUint32(48, true); sector !== END_OF_CHAIN; sector = fat[sector] ?? END_OF_CHAIN) {
    const at = offsetOf(sector);
    if (at === undefined || seen.has(sector)) return undefined;
    seen.add(sector);
    for (let e = at; e < at + sectorSize; e += 128) {
      const type = view.getUint8(e + 66);
      const nameBytes = view.getUint16(e + 64, true);
      if (type === 0 || nameBytes < 2 || nameBytes > 64) continue;
      let name = "";
      for (let c = 0; c < nameBytes - 2; c += 2) name += String.fromCharCode(view.getUint16(e + c, true));
      entries.push({ name, start: view.getUint32(e + 116, true), size: view.getUint32(e + 120, true) });
    }
  }
  return { entries, offsetOf };
}

/** Names of all directory entries, or undefined when the structure is too damaged to walk. */
export function cfbEntryNames(bytes: Uint8Array): string[] | undefined {
  return readCfb(bytes)?.entries.map((e) => e.name);
}

/**
 * Whether a Word 97–2003 document is password-protected: the File Information Block at the start of its
 * WordDocument stream has fEncrypted (bit 0x0100 of the flags at offset 0x0A) set ([MS-DOC] 2.5.2).
 */
export function legacyDocEncrypted(bytes: Uint8Array): boolean {
  const cfb = readCfb(bytes);
  const stream = cfb?.entries.find((e) => e.name === "WordDocument");
  // WordDocument is always larger than the 4 KiB mini-stream cutoff, so its first sector is in the main FAT.
  const at = stream && stream.size >= 4096 ? cfb!.offsetOf(stream.start) : undefined;
  if (at === undefined || at + 12 > bytes.byteLength) return false;
  const flags = bytes[at + 0x0a]! | (bytes[at + 0x0b]! << 8);
  return (flags & 0x0100) !== 0;
}

/** Fallback for damaged compound files: the directory stores names as UTF-16LE, so look for the bytes. */
export function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const needle = Buffer.from(text, "utf16le");
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle);
}
