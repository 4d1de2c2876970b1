/** Mask morphology: the one-pass openings along rows and columns agree with erosion then dilation. */
import { describe, expect, it } from "vitest";
import { dilate, erode, open, type Mask } from "../../src/evidence/raster.js";

function randomMask(seed: number): Mask {
  let s = seed;
  const next = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const width = 5 + Math.floor(next() * 40);
  const height = 5 + Math.floor(next() * 30);
  return { width, height, data: Uint8Array.from({ length: width * height }, () => (next() < 0.6 ? 1 : 0)) };
}

describe("open", () => {
  it("along rows or columns keeps exactly what erosion then dilation keeps, edges included", () => {
    for (let seed = 1; seed <= 200; seed++) {
      const m = randomMask(seed);
      const r = 1 + (seed % 6);
      for (const [rx, ry] of [[r, 0], [0, r]] as const) {
        expect(Array.from(open(m, rx, ry).data), `seed ${seed}, ${rx}×${ry}`).toEqual(Array.from(dilate(erode(m, rx, ry), rx, ry).data));
      }
    }
  });

  it("keeps a rule and removes letter strokes shorter than the segment", () => {
    const width = 30;
    const data = new Uint8Array(width * 3);
    data.fill(1, 2, 25); // a rule of 23 cells on row 0
    data.fill(1, width + 4, width + 9); // a stroke of 5 on row 1
    const opened = open({ width, height: 3, data }, 5, 0).data;
    expect(Array.from(opened.subarray(0, width)).filter(Boolean)).toHaveLength(23);
    expect(Array.from(opened.subarray(width, 2 * width)).filter(Boolean)).toHaveLength(0);
  });
});

describe("dilate and erode", () => {
  /** The definition: a cell of the result is set when any (dilation) or every (erosion) cell of its window is; outside
   * the grid counts as unset for dilation and set for erosion. */
  function naive(m: Mask, rx: number, ry: number, erode: boolean): number[] {
    const out: number[] = [];
    for (let y = 0; y < m.height; y++) {
      for (let x = 0; x < m.width; x++) {
        let any = false;
        let all = true;
        for (let dy = -ry; dy <= ry; dy++) {
          for (let dx = -rx; dx <= rx; dx++) {
            const [xx, yy] = [x + dx, y + dy];
            const inside = xx >= 0 && yy >= 0 && xx < m.width && yy < m.height;
            const v = inside ? m.data[yy * m.width + xx] === 1 : erode;
            any ||= v;
            all &&= v;
          }
        }
        out.push((erode ? all : any) ? 1 : 0);
      }
    }
    return out;
  }

  it("set exactly the cells their definition sets, at the edges too", () => {
    for (let seed = 1; seed <= 120; seed++) {
      const m = randomMask(seed);
      const [rx, ry] = [seed % 4, (seed >> 2) % 3];
      expect(Array.from(dilate(m, rx, ry).data), `dilate seed ${seed}`).toEqual(naive(m, rx, ry, false));
      expect(Array.from(erode(m, rx, ry).data), `erode seed ${seed}`).toEqual(naive(m, rx, ry, true));
    }
  });
});
