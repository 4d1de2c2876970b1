/**
 * Paper copies of filled forms, as a scanner or a phone makes them: each page of a form saved as PDF is printed to
 * an image at 150–300 dpi, turned by up to ±2°, blurred a little, given paper tone and speckle, saved as JPEG
 * (quality 55–90), and the pages are put back together as an image-only PDF. Seeded per file: same input, same bytes.
 *
 *   npx tsx scripts/form-samples/scan-pdf.ts <out dir> <form.pdf|form.docx>... [--dpi 150] [--pages 1-20] [--typed]
 *
 * A .docx is printed first as it would come out of an office's printer (paper.ts), half its checked marks left empty
 * and then ticked, crossed, scribbled or ringed by hand on the page (--typed: all printed).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createCanvas, ImageData } from "@napi-rs/canvas";
import { PDFDocument } from "pdf-lib";
import { openPdf } from "../../src/evidence/pdf.js";
import { FOR_THE_PEN, printAsPaper } from "./paper.js";
import { Rng } from "./prng.js";

export interface ScanLook {
  dpi: number;
  /** Degrees, clockwise. */
  angle: number;
  blur: number;
  quality: number;
}

/** One page image (RGBA at `dpi`) → a JPEG as it comes off a scanner. */
export function scanPage(rgba: { width: number; height: number; data: Uint8ClampedArray | Uint8Array }, look: ScanLook, rng: Rng): Uint8Array {
  const src = createCanvas(rgba.width, rgba.height);
  src.getContext("2d").putImageData(new ImageData(new Uint8ClampedArray(rgba.data), rgba.width, rgba.height), 0, 0);
  const out = createCanvas(rgba.width, rgba.height);
  const g = out.getContext("2d");
  g.fillStyle = `rgb(${rng.int(236, 250)},${rng.int(234, 248)},${rng.int(226, 242)})`;
  g.fillRect(0, 0, rgba.width, rgba.height);
  g.translate(rgba.width / 2, rgba.height / 2);
  g.rotate((look.angle * Math.PI) / 180);
  g.translate(-rgba.width / 2, -rgba.height / 2);
  if (look.blur > 0) g.filter = `blur(${look.blur}px)`;
  g.globalCompositeOperation = "multiply";
  g.drawImage(src, 0, 0);
  g.setTransform(1, 0, 0, 1, 0, 0);
  g.filter = "none";
  g.globalCompositeOperation = "source-over";
  // Speckle: dust and toner dots.
  for (let k = 0; k < (rgba.width * rgba.height) / 4000; k++) {
    g.fillStyle = `rgba(40,40,40,${0.2 + 0.5 * rng.next()})`;
    g.fillRect(rng.int(0, rgba.width), rng.int(0, rgba.height), 1 + rng.int(0, 1), 1 + rng.int(0, 1));
  }
  return out.encodeSync("jpeg", look.quality);
}

/**
 * Marks made with a pen on the printed page where paper.ts left a checked box or circle empty: a tick, a cross or a
 * scribble over a box (often running past its sides), a ring drawn round a circle — wobbly, in blue or black ink.
 * Boxes are in points from the top left.
 */
export function drawHandMarks(rgba: { width: number; height: number; data: Uint8ClampedArray | Uint8Array }, dpi: number, marks: readonly { box: [number, number, number, number]; circle: boolean }[], rng: Rng): Uint8ClampedArray {
  const canvas = createCanvas(rgba.width, rgba.height);
  const g = canvas.getContext("2d");
  g.putImageData(new ImageData(new Uint8ClampedArray(rgba.data), rgba.width, rgba.height), 0, 0);
  const px = dpi / 72;
  for (const { box, circle } of marks) {
    const [x, y, w, h] = box.map((v) => v * px) as [number, number, number, number];
    const side = Math.min(w, h);
    const [cx, cy] = [x + w / 2, y + h / 2];
    const wobble = () => (rng.next() - 0.5) * 0.15 * side;
    g.strokeStyle = rng.pick(["rgb(25,35,120)", "rgb(30,30,30)", "rgb(20,60,160)"]);
    g.lineWidth = (0.8 + rng.next() * 1.2) * px;
    g.lineCap = "round";
    g.lineJoin = "round";
    g.beginPath();
    const kind = circle ? "ring" : rng.pick(["tick", "tick", "cross", "scribble"]);
    if (kind === "ring") {
      g.ellipse(cx + wobble(), cy + wobble(), side * (0.9 + rng.next() * 0.4), side * (0.8 + rng.next() * 0.3), rng.next() * 0.5, 0, 2 * Math.PI * (0.92 + rng.next() * 0.1));
    } else if (kind === "tick") {
      const reach = 0.3 + rng.next() * 0.5; // the long arm often runs out of the box
      g.moveTo(cx - 0.35 * side + wobble(), cy + wobble());
      g.quadraticCurveTo(cx - 0.15 * side, cy + 0.25 * side, cx - 0.05 * side + wobble(), cy + 0.35 * side + wobble());
      g.quadraticCurveTo(cx + 0.1 * side, cy - 0.1 * side, cx + (0.35 + reach) * side + wobble(), cy - (0.45 + reach) * side + wobble());
    } else if (kind === "cross") {
      g.moveTo(cx - 0.35 * side + wobble(), cy - 0.35 * side + wobble());
      g.lineTo(cx + 0.35 * side + wobble(), cy + 0.35 * side + wobble());
      g.moveTo(cx + 0.35 * side + wobble(), cy - 0.35 * side + wobble());
      g.lineTo(cx - 0.35 * side + wobble(), cy + 0.35 * side + wobble());
    } else {
      g.moveTo(cx - 0.3 * side, cy - 0.3 * side);
      for (let k = 0; k < 6; k++) g.lineTo(cx + (k % 2 ? 0.3 : -0.3) * side + wobble(), cy + (-0.3 + (k + 1) * 0.1) * side + wobble());
    }
    g.stroke();
  }
  return g.getImageData(0, 0, rgba.width, rgba.height).data;
}

/** Where paper.ts left checked marks for the pen on a printed page: its □ and ◯ glyphs. */
function penMarks(items: readonly { str: string; bbox: [number, number, number, number] }[]): { box: [number, number, number, number]; circle: boolean }[] {
  const out: { box: [number, number, number, number]; circle: boolean }[] = [];
  for (const item of items) {
    const chars = [...item.str];
    chars.forEach((c, k) => {
      if (c !== FOR_THE_PEN.box && c !== FOR_THE_PEN.circle) return;
      const [x, y, w, h] = item.bbox;
      // The glyph's share of its item (the pen's glyphs come in runs of their own, so usually the whole item).
      const each = w / chars.length;
      const side = Math.min(h * 0.8, each > 0 && chars.length > 1 ? each : w);
      out.push({ box: [x + k * each + (each - side) / 2, y + (h - side) / 2, side, side], circle: c === FOR_THE_PEN.circle });
    });
  }
  return out;
}

export async function scanFile(file: string, outDir: string, dpiWanted: number | undefined, pages: [number, number] | undefined): Promise<string> {
  const rng = new Rng(`samruat/forms/scan/${path.basename(file)}`);
  const look: ScanLook = { dpi: dpiWanted ?? rng.pick([150, 200, 300]), angle: (rng.next() * 4 - 2) * 0.999, blur: rng.pick([0, 0.4, 0.7]), quality: rng.int(55, 90) };
  const doc = await openPdf(new Uint8Array(readFileSync(file)));
  const out = await PDFDocument.create();
  out.setCreationDate(new Date("2024-06-19T08:30:00Z"));
  out.setModificationDate(new Date("2024-06-19T08:30:00Z"));
  out.setProducer("samruat scan-pdf");
  out.setCreator("samruat scan-pdf");
  const [from, to] = pages ?? [1, doc.numPages];
  for (let n = from; n <= Math.min(to, doc.numPages); n++) {
    const printed = await doc.render(n, look.dpi);
    const pen = penMarks((await doc.page(n)).items);
    const image = pen.length ? { ...printed, data: drawHandMarks(printed, look.dpi, pen, rng) } : printed;
    // Each page lies a little differently on the glass.
    const jpeg = scanPage(image, { ...look, angle: look.angle + (rng.next() - 0.5) * 0.4 }, rng);
    const embedded = await out.embedJpg(jpeg);
    const page = out.addPage([(image.width * 72) / look.dpi, (image.height * 72) / look.dpi]);
    page.drawImage(embedded, { x: 0, y: 0, width: page.getWidth(), height: page.getHeight() });
  }
  await doc.close();
  mkdirSync(outDir, { recursive: true });
  const target = path.join(outDir, `${path.basename(file, ".pdf")}.scan.pdf`);
  writeFileSync(target, await out.save({ useObjectStreams: false }));
  process.stderr.write(`${target}: ${look.dpi} dpi, ${look.angle.toFixed(2)}°, blur ${look.blur}, JPEG ${look.quality}\n`);
  return target;
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const at = args.indexOf(name);
    if (at < 0) return undefined;
    const [value] = args.splice(at, 2).slice(1);
    return value;
  };
  const dpi = option("--dpi");
  const typedAt = args.indexOf("--typed");
  const handMarks = typedAt < 0;
  if (typedAt >= 0) args.splice(typedAt, 1);
  const range = option("--pages")?.split("-").map(Number) as [number, number] | undefined;
  const [outDir, ...files] = args;
  if (!outDir || files.length === 0) throw new Error("usage: scan-pdf.ts <out dir> <form.pdf|form.docx>... [--dpi 150] [--pages 1-20] [--typed]");
  const printing = mkdtempSync(path.join(os.tmpdir(), "samruat-print-"));
  try {
    for (const f of files) {
      // "form.docx" → "form.docx.pdf", as the PDF saved from it is usually named: the scan's look is seeded by it.
      // Half the checked marks of a .docx are left for the pen and drawn by hand (--typed: none).
      const pens = new Rng(`samruat/forms/pen/${path.basename(f)}`);
      const pen = handMarks ? () => pens.next() < 0.5 : () => false;
      const pdf = f.endsWith(".docx") ? await printAsPaper(f, printing, `${path.basename(f)}.pdf`, pen) : f;
      await scanFile(pdf, outDir, dpi ? Number(dpi) : undefined, range);
    }
  } finally {
    rmSync(printing, { recursive: true, force: true });
  }
}
