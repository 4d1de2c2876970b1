import { createCanvas } from "@napi-rs/canvas";
import { describe, expect, it } from "vitest";
import { DEFAULT_IMAGE_LIMITS, loadRaster } from "../../src/evidence/image.js";
import { tiffOf } from "./fixtures.js";

function page(width: number, height: number, corner = "#ff0000"): ReturnType<ReturnType<typeof createCanvas>["getContext"]> {
  const ctx = createCanvas(width, height).getContext("2d");
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = corner;
  ctx.fillRect(0, 0, Math.round(width / 4), Math.round(height / 4));
  return ctx;
}

/** Inserts an EXIF APP1 segment with the given orientation right after the JPEG SOI marker. */
function withExifOrientation(jpeg: Uint8Array, orientation: number): Uint8Array {
  const tiff = [0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0];
  const body = [0x45, 0x78, 0x69, 0x66, 0, 0, ...tiff];
  const len = body.length + 2;
  return new Uint8Array([0xff, 0xd8, 0xff, 0xe1, len >> 8, len & 255, ...body, ...jpeg.subarray(2)]);
}

const red = (img: { width: number; data: Uint8ClampedArray | Uint8Array }, x: number, y: number) => {
  const j = (y * img.width + x) * 4;
  return img.data[j]! > 200 && img.data[j + 1]! < 80;
};

describe("loadRaster", () => {
  it("estimates the resolution of an A4 image without usable metadata", async () => {
    const png = new Uint8Array(await page(1240, 1754).canvas.encode("png"));
    const [p] = await loadRaster(png, "png");
    expect(p!.image.width).toBe(1240);
    expect(p!.dpi).toBeCloseTo(1754 / 11.69, 0);
  });

  it("shows phone photos upright (EXIF orientation)", async () => {
    const jpeg = new Uint8Array(await page(400, 200).canvas.encode("jpeg", 90));
    const [p] = await loadRaster(withExifOrientation(jpeg, 6), "jpeg");
    expect([p!.image.width, p!.image.height]).toEqual([200, 400]);
    // Rotated 90° clockwise: the red top-left quarter is now top-right.
    expect(red(p!.image, 190, 10)).toBe(true);
    expect(red(p!.image, 10, 10)).toBe(false);
  });

  it("reads every page of a TIFF with its resolution", async () => {
    const a = page(60, 40).getImageData(0, 0, 60, 40);
    const b = page(30, 50, "#0000ff").getImageData(0, 0, 30, 50);
    const pages = await loadRaster(tiffOf([{ width: 60, height: 40, data: a.data }, { width: 30, height: 50, data: b.data }]), "tiff");
    expect(pages.map((p) => [p.image.width, p.image.height, p.dpi])).toEqual([
      [60, 40, 300],
      [30, 50, 300],
    ]);
    expect(red(pages[0]!.image, 2, 2)).toBe(true);
    expect(pages[1]!.image.data[2]).toBe(255);
  });

  it("downscales images far finer than OCR needs", async () => {
    const png = new Uint8Array(await page(1170, 1654).canvas.encode("png"));
    const [p] = await loadRaster(png, "png", { ...DEFAULT_IMAGE_LIMITS, maxDpi: 100, targetDpi: 70 });
    expect(p!.dpi).toBeCloseTo(70, 5);
    expect(p!.image.height).toBe(Math.round(1654 * (70 / (1654 / 11.69))));
  });

  it("refuses a huge image from its header, before decoding", async () => {
    const png = new Uint8Array(await page(10, 10).canvas.encode("png"));
    const view = new DataView(png.buffer);
    view.setUint32(16, 30_000);
    view.setUint32(20, 30_000);
    await expect(loadRaster(png, "png")).rejects.toMatchObject({ code: "image-too-large" });
  });

  it("reports damaged images", async () => {
    const png = new Uint8Array(await page(50, 50).canvas.encode("png"));
    await expect(loadRaster(png.subarray(0, 60), "png")).rejects.toMatchObject({ code: "broken-image" });
    await expect(loadRaster(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0]), "jpeg")).rejects.toMatchObject({ code: "broken-image" });
    await expect(loadRaster(new Uint8Array([0x49, 0x49, 0x2a, 0, 0xff, 0xff, 0, 0]), "tiff")).rejects.toMatchObject({ code: "broken-image" });
  });
});
