/**
 * A scanned page as the scanner stored it: one JPEG drawn upright over the whole page and nothing else. Decoding that
 * JPEG natively and scaling it is five times faster than having pdf.js paint the page (260 → 50 ms a page at 150 dpi
 * on the field scans), and a 75-page paper copy is mostly that. Anything else — another filter, a colour space the
 * canvas cannot draw, a mask, a rotation, more on the page — returns null and the page is rendered as usual.
 */
import { createCanvas, loadImage } from "@napi-rs/canvas";
import type { PDFDocument } from "pdf-lib";
import type { RgbaImage } from "./raster.js";

const NUMBER = "(-?[\\d.]+)";
const UPRIGHT_CM = new RegExp(`${NUMBER}\\s+0\\s+0\\s+${NUMBER}\\s+${NUMBER}\\s+${NUMBER}\\s+cm`, "gu");
/** "q 612 0 0 792 0 0 cm /Im0 Do Q" (a writer may chain several cm): one image, upright, nothing painted besides. */
const ONE_IMAGE = new RegExp(`^\\s*q\\s+((?:${UPRIGHT_CM.source}\\s+)+)\\/([^\\s/]+)\\s+Do\\s+Q\\s*$`, "u");

/** Where the chained upright matrices put the image's unit square: x0, y0, width, height in page space. */
function placement(matrices: string): [number, number, number, number] {
  let [a, d, e, f] = [1, 1, 0, 0];
  // Each cm is applied before the ones already in force: the last one written acts on the image first.
  for (const m of [...matrices.matchAll(UPRIGHT_CM)].reverse()) {
    const [ma, md, me, mf] = m.slice(1, 5).map(Number) as [number, number, number, number];
    [a, d, e, f] = [ma * a, md * d, ma * e + me, md * f + mf];
  }
  return [e, f, a, d];
}

/** The page's own JPEG when it is all the page shows, rendered at `dpi`; null when the page must be painted. */
export async function scanImageOf(pdf: PDFDocument, index: number, dpi: number): Promise<RgbaImage | null> {
  const { PDFArray, PDFDict, PDFName, PDFNumber, PDFRawStream, decodePDFRawStream } = await import("pdf-lib");
  const page = pdf.getPage(index);
  if (page.getRotation().angle % 360 !== 0) return null;
  const contents = page.node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray().map((r) => pdf.context.lookup(r)) : [contents];
  let program = "";
  for (const s of streams) {
    if (!(s instanceof PDFRawStream)) return null;
    program += new TextDecoder("latin1").decode(decodePDFRawStream(s).decode());
  }
  const placed = ONE_IMAGE.exec(program);
  if (!placed) return null;
  const [e, f, a, d] = placement(placed[1]!);
  const { x, y, width, height } = page.getMediaBox();
  const near = (u: number, v: number) => Math.abs(u - v) <= 0.01 * Math.max(width, height);
  if (!near(e, x) || !near(f, y) || !near(a, width) || !near(d, height)) return null;
  const image = page.node.Resources()?.lookup(PDFName.of("XObject"), PDFDict)?.lookup(PDFName.of(placed.at(-1)!));
  if (!(image instanceof PDFRawStream)) return null;
  const dict = image.dict;
  const name = (key: string) => dict.lookup(PDFName.of(key));
  const filter = name("Filter");
  const colours = name("ColorSpace");
  const bits = name("BitsPerComponent");
  if (filter !== PDFName.of("DCTDecode") || !(bits instanceof PDFNumber) || bits.asNumber() !== 8) return null;
  if (colours !== PDFName.of("DeviceRGB") && colours !== PDFName.of("DeviceGray")) return null;
  if (name("SMask") || name("Mask") || name("Decode") || name("ImageMask")) return null;
  let picture;
  try {
    picture = await loadImage(Buffer.from(image.contents));
  } catch {
    return null;
  }
  // The size pdf.js would render the page at.
  const w = Math.round((width * dpi) / 72);
  const h = Math.round((height * dpi) / 72);
  const canvas = createCanvas(w, h);
  const g = canvas.getContext("2d");
  g.fillStyle = "#ffffff";
  g.fillRect(0, 0, w, h);
  g.drawImage(picture, 0, 0, w, h);
  return { width: w, height: h, data: g.getImageData(0, 0, w, h).data };
}
