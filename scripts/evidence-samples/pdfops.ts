// A minimal PDF content-stream interpreter: enough to find filled rectangles (with their fill colour) and placed
// images in LibreOffice's PDF output, in page coordinates (PDF user space, bottom-left origin).
import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream, type PDFPage } from "pdf-lib";
import { multiply } from "../../src/evidence/pdf-drawing.js";

export interface FillRect {
  rgb: [number, number, number]; // 0–255
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface PlacedImage {
  x: number;
  y: number;
  w: number;
  h: number;
}

type M = [number, number, number, number, number, number];

/** `a` then `b` (PDF's row-vector order): the adapter's product with its operands the other way round. */
const mul = (a: M, b: M): M => multiply(b, a);

function tx(m: M, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

function aabbOf(m: M, x: number, y: number, w: number, h: number): { x: number; y: number; w: number; h: number } {
  const pts = [tx(m, x, y), tx(m, x + w, y), tx(m, x, y + h), tx(m, x + w, y + h)];
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  const x0 = Math.min(...xs);
  const y0 = Math.min(...ys);
  return { x: x0, y: y0, w: Math.max(...xs) - x0, h: Math.max(...ys) - y0 };
}

function pageContent(page: PDFPage): string {
  const contents = page.node.Contents();
  const streams: PDFRawStream[] = [];
  if (contents instanceof PDFArray) {
    for (let i = 0; i < contents.size(); i++) {
      const s = contents.lookup(i);
      if (s instanceof PDFRawStream) streams.push(s);
    }
  } else if (contents instanceof PDFRawStream) {
    streams.push(contents);
  }
  return streams.map((s) => Buffer.from(decodePDFRawStream(s).decode()).toString("latin1")).join("\n");
}

/** Tokens: numbers, names, operators; strings, hex strings and arrays are skipped as opaque operands. */
function* tokens(src: string): Generator<string> {
  let i = 0;
  const n = src.length;
  while (i < n) {
    const c = src[i] as string;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === "%") {
      while (i < n && src[i] !== "\n" && src[i] !== "\r") i++;
      continue;
    }
    if (c === "(") {
      let depth = 0;
      while (i < n) {
        const ch = src[i];
        if (ch === "\\") i += 2;
        else {
          if (ch === "(") depth++;
          else if (ch === ")") depth--;
          i++;
          if (depth === 0) break;
        }
      }
      yield "(str)";
      continue;
    }
    if (c === "<" && src[i + 1] === "<") {
      i += 2;
      yield "<<";
      continue;
    }
    if (c === ">" && src[i + 1] === ">") {
      i += 2;
      yield ">>";
      continue;
    }
    if (c === "<") {
      while (i < n && src[i] !== ">") i++;
      i++;
      yield "(hex)";
      continue;
    }
    if (c === "[" || c === "]" || c === "{" || c === "}") {
      i++;
      yield c;
      continue;
    }
    let j = i;
    if (c === "/") j++;
    while (j < n && !/[\s()<>[\]{}/%]/.test(src[j] as string)) j++;
    yield src.slice(i, j);
    i = j;
  }
}

export function scanPage(page: PDFPage): { fills: FillRect[]; images: PlacedImage[] } {
  const src = pageContent(page);
  const fills: FillRect[] = [];
  const images: PlacedImage[] = [];
  interface GS {
    ctm: M;
    fill: [number, number, number];
  }
  let gs: GS = { ctm: [1, 0, 0, 1, 0, 0], fill: [0, 0, 0] };
  const stack: GS[] = [];
  let ops: string[] = [];
  let path: { x: number; y: number; w: number; h: number }[] = [];
  let inArray = 0;
  for (const t of tokens(src)) {
    if (t === "[") {
      inArray++;
      continue;
    }
    if (t === "]") {
      inArray--;
      ops.push("(arr)");
      continue;
    }
    if (inArray > 0) continue;
    if (/^[-+.\d]/.test(t) || t.startsWith("/") || t.startsWith("(") || t === "<<" || t === ">>") {
      ops.push(t);
      continue;
    }
    const num = (k: number) => Number(ops[ops.length - k]);
    switch (t) {
      case "q":
        stack.push({ ctm: [...gs.ctm] as M, fill: [...gs.fill] as [number, number, number] });
        break;
      case "Q":
        gs = stack.pop() ?? gs;
        break;
      case "cm":
        gs.ctm = mul([num(6), num(5), num(4), num(3), num(2), num(1)], gs.ctm);
        break;
      case "rg":
        gs.fill = [Math.round(num(3) * 255), Math.round(num(2) * 255), Math.round(num(1) * 255)];
        break;
      case "g":
        gs.fill = [Math.round(num(1) * 255), Math.round(num(1) * 255), Math.round(num(1) * 255)];
        break;
      case "re":
        path.push(aabbOf(gs.ctm, num(4), num(3), num(2), num(1)));
        break;
      case "f":
      case "f*":
      case "F":
      case "B":
      case "B*":
        for (const r of path) fills.push({ rgb: [...gs.fill] as [number, number, number], ...r });
        path = [];
        break;
      case "n":
      case "S":
      case "s":
      case "b":
      case "b*":
        path = [];
        break;
      case "Do":
        images.push(aabbOf(gs.ctm, 0, 0, 1, 1));
        break;
      default:
        break;
    }
    ops = [];
  }
  return { fills, images };
}

export async function scanPdf(bytes: Uint8Array): Promise<{ pages: { fills: FillRect[]; images: PlacedImage[]; width: number; height: number }[] }> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  return {
    pages: doc.getPages().map((p) => {
      const { width, height } = p.getSize();
      return { ...scanPage(p), width, height };
    }),
  };
}
