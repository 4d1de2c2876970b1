/**
 * Mask morphology: the one-pass openings along rows and columns agree with erosion then dilation; components labelled
 * run by run agree with a flood fill; rotation by stepping along rows agrees with sampling each pixel on its own.
 */
import { describe, expect, it } from "vitest";
import { connectedComponents, dilate, erode, open, sampleRotated, type GrayImage, type Mask } from "../../src/evidence/raster.js";

/** A random mask; with `emptyRows`, that share of its rows holds nothing (a marker mask is mostly empty rows). */
function randomMask(seed: number, emptyRows = 0): Mask {
  let s = seed;
  const next = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const width = 5 + Math.floor(next() * 40);
  const height = 5 + Math.floor(next() * 30);
  const data = Uint8Array.from({ length: width * height }, () => (next() < 0.6 ? 1 : 0));
  for (let y = 0; y < height; y++) if (next() < emptyRows) data.fill(0, y * width, (y + 1) * width);
  return { width, height, data };
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

  it("do so where rows are empty, as most rows of a marker mask are", () => {
    for (let seed = 1; seed <= 120; seed++) {
      const m = randomMask(seed, 0.3 + (seed % 5) / 10);
      const [rx, ry] = [seed % 3, 1 + (seed % 4)];
      expect(Array.from(dilate(m, rx, ry).data), `dilate seed ${seed}`).toEqual(naive(m, rx, ry, false));
      expect(Array.from(erode(m, rx, ry).data), `erode seed ${seed}`).toEqual(naive(m, rx, ry, true));
    }
  });
});

/** 8-connected components by flood fill from each unvisited set cell in scan order: the definition. */
function floodComponents({ width, height, data }: Mask): number[][] {
  const seen = new Uint8Array(width * height);
  const out: number[][] = [];
  for (let start = 0; start < data.length; start++) {
    if (!data[start] || seen[start]) continue;
    const cells: number[] = [];
    const stack = [start];
    seen[start] = 1;
    while (stack.length) {
      const i = stack.pop()!;
      cells.push(i);
      const [x, y] = [i % width, Math.floor(i / width)];
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const [nx, ny] = [x + dx, y + dy];
          const n = ny * width + nx;
          if (nx >= 0 && ny >= 0 && nx < width && ny < height && data[n] && !seen[n]) {
            seen[n] = 1;
            stack.push(n);
          }
        }
      }
    }
    out.push(cells.sort((a, b) => a - b));
  }
  return out;
}

describe("connectedComponents", () => {
  it("finds the components a flood fill finds, in the same order, each cell listed in scan order", () => {
    for (let seed = 1; seed <= 300; seed++) {
      const m = randomMask(seed);
      // Sparser masks too: diagonal joins and U shapes that meet only further down.
      if (seed % 2) m.data.forEach((v, i) => (m.data[i] = v && (i * 7919) % 3 === 0 ? 1 : 0));
      const { count, members } = connectedComponents(m);
      const expected = floodComponents(m);
      expect(count, `seed ${seed}`).toBe(expected.length);
      expect(members.map((c) => Array.from(c)), `seed ${seed}`).toEqual(expected);
    }
  });
});

describe("sampleRotated", () => {
  it("gives what bilinear sampling of each output pixel on its own gives, edges outside read as white", () => {
    for (let seed = 1; seed <= 40; seed++) {
      let s = seed;
      const next = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
      const src: GrayImage = { width: 20 + Math.floor(next() * 30), height: 20 + Math.floor(next() * 30), data: new Uint8Array(0) };
      src.data = Uint8Array.from({ length: src.width * src.height }, () => Math.floor(next() * 256));
      const [cx, cy, angle, scale] = [next() * src.width, next() * src.height, (next() - 0.5) * 0.2, 0.5 + next()];
      const [width, height] = [10 + Math.floor(next() * 30), 10 + Math.floor(next() * 30)];
      const got = sampleRotated(src, cx, cy, angle, width, height, scale);
      const at = (x: number, y: number) => (x < 0 || y < 0 || x >= src.width || y >= src.height ? 255 : src.data[y * src.width + x]!);
      for (let oy = 0; oy < got.height; oy++) {
        for (let ox = 0; ox < got.width; ox++) {
          const [u, v] = [(ox + 0.5) / scale - width / 2, (oy + 0.5) / scale - height / 2];
          const x = cx + u * Math.cos(angle) - v * Math.sin(angle) - 0.5;
          const y = cy + u * Math.sin(angle) + v * Math.cos(angle) - 0.5;
          const [x0, y0] = [Math.floor(x), Math.floor(y)];
          const [fx, fy] = [x - x0, y - y0];
          const top = at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx;
          const bottom = at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx;
          const want = Math.round(top * (1 - fy) + bottom * fy);
          expect(Math.abs(got.data[oy * got.width + ox]! - want), `seed ${seed} at ${ox},${oy}`).toBeLessThanOrEqual(1);
        }
      }
    }
  });
});
