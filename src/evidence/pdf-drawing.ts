/**
 * What a PDF page draws besides text: painted paths (table rules, underlines, boxes drawn as graphics, ticks) and
 * AcroForm widgets (check boxes and text fields with their state). Read from pdf.js's operator list and annotations;
 * coordinates in PDF points with a top-left origin, like the text items.
 */
import type { PDFPageProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { BBox } from "./schema.js";

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");
export type Matrix = [number, number, number, number, number, number];
type Point = [number, number];

export interface DrawnSubpath {
  points: Point[];
  closed: boolean;
  /** Has Bézier segments (circles and rounded shapes); points are then only the segments' ends. */
  curved: boolean;
}

export interface DrawnPath {
  paint: "stroke" | "fill";
  subpaths: DrawnSubpath[];
  /** Stroke width in points (after the transform). */
  lineWidth: number;
  bbox: BBox;
}

export interface FormWidget {
  kind: "checkbox" | "radio" | "text";
  bbox: BBox;
  checked?: boolean;
  value?: string;
  name: string;
}

export interface PageDrawing {
  paths: DrawnPath[];
  widgets: FormWidget[];
}

export function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

const apply = (m: Matrix, x: number, y: number): Point => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** Paths beyond this many on one page are not kept (a vector drawing, not a form): the reader warns. */
export const MAX_PATHS_PER_PAGE = 20_000;

export async function pageDrawing(lib: PdfJs, page: PDFPageProxy): Promise<PageDrawing> {
  const viewport = page.getViewport({ scale: 1 });
  const base = viewport.transform as Matrix;
  const ops = await page.getOperatorList({ annotationMode: lib.AnnotationMode.DISABLE });
  const { OPS } = lib;
  const strokeOps = new Set<number>([OPS.stroke, OPS.closeStroke]);
  const fillOps = new Set<number>([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  let lineWidth = 1;
  const stack: { ctm: Matrix; lineWidth: number }[] = [];
  const paths: DrawnPath[] = [];
  for (let i = 0; i < ops.fnArray.length && paths.length < MAX_PATHS_PER_PAGE; i++) {
    const fn = ops.fnArray[i]!;
    const args = ops.argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push({ ctm, lineWidth });
    else if (fn === OPS.restore) ({ ctm, lineWidth } = stack.pop() ?? { ctm, lineWidth });
    else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS.setLineWidth) lineWidth = args[0] as number;
    else if (fn === OPS.constructPath) {
      const [op, data] = args as [number, [Float32Array | number[] | null]];
      const paint = strokeOps.has(op) ? "stroke" : fillOps.has(op) ? "fill" : null;
      const raw = data?.[0];
      if (!paint || !raw) continue;
      const m = multiply(base, ctm);
      const subpaths = decodePath(raw, m);
      if (subpaths.length === 0) continue;
      const scale = Math.sqrt(Math.abs(m[0] * m[3] - m[1] * m[2]));
      paths.push({ paint, subpaths, lineWidth: Math.max(lineWidth, 0.1) * scale, bbox: boundsOf(subpaths.flatMap((s) => s.points)) });
    }
  }
  return { paths, widgets: await widgets(page, base) };
}

/** pdf.js 5's path encoding: an op code (moveTo 0, lineTo 1, curveTo 2, quadraticCurveTo 3, closePath 4) then its points. */
function decodePath(raw: ArrayLike<number>, m: Matrix): DrawnSubpath[] {
  const out: DrawnSubpath[] = [];
  let open = false;
  const to = (p: Point, curved: boolean) => {
    const current = out.at(-1);
    if (!open || !current) {
      out.push({ points: [p], closed: false, curved });
      open = true;
      return;
    }
    current.points.push(p);
    current.curved ||= curved;
  };
  for (let k = 0; k < raw.length; ) {
    const op = raw[k++]!;
    if (op === 0) {
      open = false;
      to(apply(m, raw[k]!, raw[k + 1]!), false);
      k += 2;
    } else if (op === 1) {
      to(apply(m, raw[k]!, raw[k + 1]!), false);
      k += 2;
    } else if (op === 2 || op === 3) {
      const n = op === 2 ? 6 : 4;
      to(apply(m, raw[k + n - 2]!, raw[k + n - 1]!), true);
      k += n;
    } else if (op === 4) {
      const current = out.at(-1);
      if (open && current) current.closed = true;
      open = false;
    } else break;
  }
  return out.filter((s) => s.points.length > 1);
}

function boundsOf(points: readonly Point[]): BBox {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of points) {
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x);
    y1 = Math.max(y1, y);
  }
  return [x0, y0, x1 - x0, y1 - y0];
}

interface WidgetAnnotation {
  subtype?: string;
  fieldType?: string;
  checkBox?: boolean;
  radioButton?: boolean;
  fieldValue?: unknown;
  exportValue?: string;
  buttonValue?: string;
  fieldName?: string;
  rect?: number[];
  hidden?: boolean;
}

/** AcroForm check boxes, radio buttons and text fields: a box is checked when its value is its own export value. */
async function widgets(page: PDFPageProxy, base: Matrix): Promise<FormWidget[]> {
  const out: FormWidget[] = [];
  for (const a of (await page.getAnnotations()) as WidgetAnnotation[]) {
    if (a.subtype !== "Widget" || !a.rect || a.hidden) continue;
    const [p, q] = [apply(base, a.rect[0]!, a.rect[1]!), apply(base, a.rect[2]!, a.rect[3]!)];
    const bbox: BBox = [Math.min(p[0], q[0]), Math.min(p[1], q[1]), Math.abs(q[0] - p[0]), Math.abs(q[1] - p[1])];
    const name = a.fieldName ?? "";
    const value = typeof a.fieldValue === "string" ? a.fieldValue : Array.isArray(a.fieldValue) ? a.fieldValue.join(", ") : "";
    if (a.fieldType === "Btn" && a.checkBox) out.push({ kind: "checkbox", bbox, name, checked: value !== "" && value !== "Off" && (!a.exportValue || value === a.exportValue) });
    else if (a.fieldType === "Btn" && a.radioButton) out.push({ kind: "radio", bbox, name, checked: value !== "" && value !== "Off" && value === a.buttonValue });
    else if (a.fieldType === "Tx" || a.fieldType === "Ch") out.push({ kind: "text", bbox, name, value });
  }
  return out;
}
