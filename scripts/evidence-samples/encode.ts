// Deterministic image/file encoders: PNG (adaptive filters + zlib level 9), baseline TIFF (RGB, Deflate,
// horizontal predictor, multi-page) and image-only PDFs of JPEG pages.
import { deflateSync } from "node:zlib";
import { PDFDocument } from "pdf-lib";

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = (CRC_TABLE[(c ^ (buf[i] ?? 0)) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "ascii");
  Buffer.from(data.buffer, data.byteOffset, data.length).copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** RGBA pixels → RGB PNG with per-row adaptive filtering and a pHYs chunk for the dpi. */
export function encodePng(rgba: Uint8ClampedArray | Uint8Array, W: number, H: number, dpi: number): Buffer {
  const stride = W * 3;
  const raw = Buffer.alloc((stride + 1) * H);
  let prev = new Uint8Array(stride);
  const cur = new Uint8Array(stride);
  const cand = [new Uint8Array(stride), new Uint8Array(stride), new Uint8Array(stride), new Uint8Array(stride), new Uint8Array(stride)];
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const i = (y * W + x) * 4;
      cur[x * 3] = rgba[i] ?? 0;
      cur[x * 3 + 1] = rgba[i + 1] ?? 0;
      cur[x * 3 + 2] = rgba[i + 2] ?? 0;
    }
    let best = 0;
    let bestScore = Infinity;
    for (let f = 0; f < 5; f++) {
      const out = cand[f] as Uint8Array;
      let score = 0;
      for (let i = 0; i < stride; i++) {
        const a = i >= 3 ? (cur[i - 3] ?? 0) : 0;
        const b = prev[i] ?? 0;
        const c = i >= 3 ? (prev[i - 3] ?? 0) : 0;
        const v = cur[i] ?? 0;
        let r: number;
        if (f === 0) r = v;
        else if (f === 1) r = v - a;
        else if (f === 2) r = v - b;
        else if (f === 3) r = v - ((a + b) >> 1);
        else {
          const p = a + b - c;
          const pa = Math.abs(p - a);
          const pb = Math.abs(p - b);
          const pc = Math.abs(p - c);
          r = v - (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
        }
        r &= 0xff;
        out[i] = r;
        score += r < 128 ? r : 256 - r;
      }
      if (score < bestScore) {
        bestScore = score;
        best = f;
      }
    }
    raw[y * (stride + 1)] = best;
    Buffer.from((cand[best] as Uint8Array).buffer).copy(raw, y * (stride + 1) + 1);
    prev = Uint8Array.from(cur);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(W, 0);
  ihdr.writeUInt32BE(H, 4);
  ihdr[8] = 8;
  ihdr[9] = 2; // RGB
  const phys = Buffer.alloc(9);
  const ppm = Math.round(dpi / 0.0254);
  phys.writeUInt32BE(ppm, 0);
  phys.writeUInt32BE(ppm, 4);
  phys[8] = 1;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("pHYs", phys),
    chunk("IDAT", deflateSync(raw, { level: 9, memLevel: 9 })),
    chunk("IEND", new Uint8Array(0)),
  ]);
}

/**
 * An 8-bit palette PNG, as some scanner apps and "reduce file size" tools save: the 256 most used colours of a 5-bit
 * per channel histogram, every pixel mapped to the nearest. Returns the file and the pixels as quantised (the truth is
 * measured on what the file holds).
 */
export function encodePalettePng(rgba: Uint8ClampedArray | Uint8Array, W: number, H: number, dpi: number): { png: Buffer; rgba: Uint8ClampedArray } {
  const bin = (i: number) => ((rgba[i]! >> 3) << 10) | ((rgba[i + 1]! >> 3) << 5) | (rgba[i + 2]! >> 3);
  const counts = new Uint32Array(1 << 15);
  for (let i = 0; i < W * H * 4; i += 4) counts[bin(i)]!++;
  const bins = [...counts.keys()].filter((b) => counts[b]! > 0).sort((a, b) => counts[b]! - counts[a]! || a - b).slice(0, 256);
  const palette = bins.map((b) => [((b >> 10) << 3) | 4, (((b >> 5) & 31) << 3) | 4, ((b & 31) << 3) | 4] as const);
  const nearest = new Int16Array(1 << 15).fill(-1);
  const indexOf = (b: number) => {
    if (nearest[b]! >= 0) return nearest[b]!;
    const [r, g, bl] = [((b >> 10) << 3) | 4, (((b >> 5) & 31) << 3) | 4, ((b & 31) << 3) | 4];
    let best = 0;
    let bestD = Infinity;
    palette.forEach(([pr, pg, pb], k) => {
      const d = (pr - r) ** 2 + (pg - g) ** 2 + (pb - bl) ** 2;
      if (d < bestD) (bestD = d), (best = k);
    });
    return (nearest[b] = best);
  };
  const raw = Buffer.alloc((W + 1) * H);
  const out = new Uint8ClampedArray(W * H * 4);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const i = (y * W + x) * 4;
      const k = indexOf(bin(i));
      raw[y * (W + 1) + 1 + x] = k;
      const c = palette[k]!;
      out.set([c[0], c[1], c[2], 255], i);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(W, 0);
  ihdr.writeUInt32BE(H, 4);
  ihdr[8] = 8;
  ihdr[9] = 3; // indexed colour
  const phys = Buffer.alloc(9);
  const ppm = Math.round(dpi / 0.0254);
  phys.writeUInt32BE(ppm, 0);
  phys.writeUInt32BE(ppm, 4);
  phys[8] = 1;
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("PLTE", Buffer.from(palette.flatMap((c) => [...c]))),
    chunk("pHYs", phys),
    chunk("IDAT", deflateSync(raw, { level: 9, memLevel: 9 })),
    chunk("IEND", new Uint8Array(0)),
  ]);
  return { png, rgba: out };
}

export interface TiffPage {
  rgba: Uint8ClampedArray | Uint8Array;
  W: number;
  H: number;
  dpi: number;
}

/** Baseline TIFF: RGB 8-bit, Deflate (zlib) with horizontal differencing predictor, one IFD per page. */
export function encodeTiff(pages: TiffPage[]): Buffer {
  const chunks: Buffer[] = [];
  let offset = 8;
  const header = Buffer.alloc(8);
  header.write("II", 0, "ascii");
  header.writeUInt16LE(42, 2);
  chunks.push(header);
  const push = (b: Buffer): number => {
    const at = offset;
    chunks.push(b);
    offset += b.length;
    if (offset % 2 === 1) {
      chunks.push(Buffer.alloc(1));
      offset += 1;
    }
    return at;
  };
  const ifdOffsets: number[] = [];
  const nextPointers: number[] = [];
  for (const pg of pages) {
    const { W, H } = pg;
    const rows = 64;
    const stripOffsets: number[] = [];
    const stripCounts: number[] = [];
    for (let y0 = 0; y0 < H; y0 += rows) {
      const n = Math.min(rows, H - y0);
      const raw = Buffer.alloc(W * 3 * n);
      for (let y = 0; y < n; y++) {
        let pr = 0;
        let pgr = 0;
        let pb = 0;
        for (let x = 0; x < W; x++) {
          const i = ((y0 + y) * W + x) * 4;
          const r = pg.rgba[i] ?? 0;
          const g = pg.rgba[i + 1] ?? 0;
          const b = pg.rgba[i + 2] ?? 0;
          const o = (y * W + x) * 3;
          raw[o] = (r - pr) & 0xff;
          raw[o + 1] = (g - pgr) & 0xff;
          raw[o + 2] = (b - pb) & 0xff;
          pr = r;
          pgr = g;
          pb = b;
        }
      }
      const z = deflateSync(raw, { level: 9 });
      stripOffsets.push(push(z));
      stripCounts.push(z.length);
    }
    const longs = (vals: number[]) => {
      const b = Buffer.alloc(vals.length * 4);
      vals.forEach((v, i) => b.writeUInt32LE(v, i * 4));
      return b;
    };
    const bpsAt = push(Buffer.from([8, 0, 8, 0, 8, 0]));
    const offAt = stripOffsets.length > 1 ? push(longs(stripOffsets)) : stripOffsets[0] ?? 0;
    const cntAt = stripCounts.length > 1 ? push(longs(stripCounts)) : stripCounts[0] ?? 0;
    const resAt = push(longs([pg.dpi, 1]));
    const SHORT = 3;
    const LONG = 4;
    const RATIONAL = 5;
    const entries: [number, number, number, number][] = [
      [256, LONG, 1, W],
      [257, LONG, 1, H],
      [258, SHORT, 3, bpsAt],
      [259, SHORT, 1, 8],
      [262, SHORT, 1, 2],
      [273, LONG, stripOffsets.length, offAt],
      [277, SHORT, 1, 3],
      [278, LONG, 1, rows],
      [279, LONG, stripCounts.length, cntAt],
      [282, RATIONAL, 1, resAt],
      [283, RATIONAL, 1, resAt],
      [284, SHORT, 1, 1],
      [296, SHORT, 1, 2],
      [317, SHORT, 1, 2],
    ];
    const ifd = Buffer.alloc(2 + entries.length * 12 + 4);
    ifd.writeUInt16LE(entries.length, 0);
    entries.forEach(([tag, type, count, value], i) => {
      const o = 2 + i * 12;
      ifd.writeUInt16LE(tag, o);
      ifd.writeUInt16LE(type, o + 2);
      ifd.writeUInt32LE(count, o + 4);
      if (type === SHORT && count === 1) ifd.writeUInt16LE(value, o + 8);
      else ifd.writeUInt32LE(value, o + 8);
    });
    const at = push(ifd);
    ifdOffsets.push(at);
    nextPointers.push(at + 2 + entries.length * 12);
  }
  const out = Buffer.concat(chunks);
  out.writeUInt32LE(ifdOffsets[0] ?? 0, 4);
  for (let i = 0; i < nextPointers.length; i++) out.writeUInt32LE(ifdOffsets[i + 1] ?? 0, nextPointers[i] ?? 0);
  return out;
}

export interface JpegPage {
  jpeg: Uint8Array;
  W: number;
  H: number;
  dpi: number;
}

/** Image-only PDF, one JPEG per page, page size from the scan resolution; fixed metadata (deterministic). */
export async function encodeScanPdf(pages: JpegPage[], meta: { title: string; producer: string; creator: string; date: Date }): Promise<Uint8Array> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  for (const p of pages) {
    const img = await pdf.embedJpg(p.jpeg);
    const w = (p.W * 72) / p.dpi;
    const h = (p.H * 72) / p.dpi;
    const page = pdf.addPage([w, h]);
    page.drawImage(img, { x: 0, y: 0, width: w, height: h });
  }
  pdf.setTitle(meta.title);
  pdf.setProducer(meta.producer);
  pdf.setCreator(meta.creator);
  pdf.setCreationDate(meta.date);
  pdf.setModificationDate(meta.date);
  return pdf.save({ useObjectStreams: false });
}
