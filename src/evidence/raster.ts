/**
 * Pure raster helpers shared by highlight detection, OCR preparation and the image loaders.
 * Everything works on plain typed arrays so the stages stay testable without a canvas.
 */

export interface RgbaImage {
  width: number;
  height: number;
  /** RGBA, 4 bytes per pixel, row-major (the layout of canvas ImageData). */
  data: Uint8ClampedArray | Uint8Array;
}

export interface GrayImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** A binary mask on a grid (1 = set). */
export interface Mask {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Binary PGM: tesseract's Leptonica reads it natively and encoding costs nothing, unlike PNG. */
export function encodePgm(img: GrayImage): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${img.width} ${img.height}\n255\n`);
  const out = new Uint8Array(header.length + img.data.length);
  out.set(header, 0);
  out.set(img.data, header.length);
  return out;
}

/** Luminance of an RGBA image (Rec. 601 weights). */
export function toGray(img: RgbaImage): GrayImage {
  const n = img.width * img.height;
  const out = new Uint8Array(n);
  const d = img.data;
  for (let i = 0, j = 0; i < n; i++, j += 4) out[i] = (77 * d[j]! + 150 * d[j + 1]! + 29 * d[j + 2]!) >> 8;
  return { width: img.width, height: img.height, data: out };
}

/** One pass of a separable box operation on a binary mask: dilation (any set in window) or erosion (all set). */
function boxPass(src: Mask, radius: number, horizontal: boolean, erode: boolean): Mask {
  // A window of one cell leaves the mask as it is.
  if (radius <= 0) return { width: src.width, height: src.height, data: src.data.slice() };
  return horizontal ? rowPass(src, radius, erode) : columnPass(src, radius, erode);
}

/**
 * boxPass along the rows, run by run: each run of set cells grows by the radius (dilation) or shrinks by it except
 * at the grid's edge (erosion). Masks are mostly empty, and the runs are found with indexOf.
 */
function rowPass(src: Mask, radius: number, erode: boolean): Mask {
  const { width: w, height: h, data } = src;
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    // A view of the row: indexOf on the whole mask would search on past the row's end.
    const row = data.subarray(y * w, (y + 1) * w);
    const line = out.subarray(y * w, (y + 1) * w);
    for (let i = row.indexOf(1); i !== -1; ) {
      let j = row.indexOf(0, i);
      if (j === -1) j = w;
      if (erode) {
        const from = i === 0 ? i : i + radius;
        const to = j === w ? j : j - radius;
        if (to > from) line.fill(1, from, to);
      } else line.fill(1, Math.max(0, i - radius), Math.min(w, j + radius));
      i = j < w ? row.indexOf(1, j) : -1;
    }
  }
  return { width: w, height: h, data: out };
}

/**
 * boxPass down the columns, done row by row with a running count per column: walking a column touches one byte per
 * row of a page-sized mask, and that cost 10× more than the same pass along the rows. Rows without a set cell are
 * told apart first (indexOf): they add nothing to the counts, and an output row whose window holds none but them
 * (dilation) or any of them (erosion) stays empty without being looked at — most rows of a marker mask.
 */
function columnPass(src: Mask, radius: number, erode: boolean): Mask {
  const { width: w, height: h, data } = src;
  const out = new Uint8Array(w * h);
  const window = 2 * radius + 1;
  const count = new Int32Array(w);
  const filled = new Uint8Array(h);
  for (let y = 0; y < h; y++) filled[y] = data.subarray(y * w, (y + 1) * w).indexOf(1) === -1 ? 0 : 1;
  // Rows of the grid in the window that have set cells, and that have none.
  let withSet = 0;
  let empty = 0;
  const addRow = (y: number, sign: number) => {
    if (y < 0 || y >= h) {
      // Erosion treats the grid's outside as set.
      if (erode) for (let x = 0; x < w; x++) count[x]! += sign;
      return;
    }
    if (!filled[y]) {
      empty += sign;
      return;
    }
    withSet += sign;
    const row = y * w;
    for (let x = 0; x < w; x++) count[x]! += sign * data[row + x]!;
  };
  for (let y = -radius; y <= radius; y++) addRow(y, 1);
  for (let y = 0; y < h; y++) {
    const row = y * w;
    if (erode ? empty === 0 : withSet > 0) {
      if (erode) for (let x = 0; x < w; x++) out[row + x] = count[x] === window ? 1 : 0;
      else for (let x = 0; x < w; x++) out[row + x] = count[x]! > 0 ? 1 : 0;
    }
    addRow(y + radius + 1, 1);
    addRow(y - radius, -1);
  }
  return { width: w, height: h, data: out };
}

export function dilate(m: Mask, rx: number, ry: number): Mask {
  return boxPass(boxPass(m, rx, true, false), ry, false, false);
}

export function erode(m: Mask, rx: number, ry: number): Mask {
  return boxPass(boxPass(m, rx, true, true), ry, false, true);
}

/** Closing fills holes (the dark letters inside a stroke) and bridges small gaps. */
export function close(m: Mask, rx: number, ry: number): Mask {
  return erode(dilate(m, rx, ry), rx, ry);
}

/** Opening removes anything thinner than the window (pen strokes, JPEG speckle, anti-aliased fringes). */
export function open(m: Mask, rx: number, ry: number): Mask {
  if (ry <= 0 && rx > 0) return openAlong(m, rx, true);
  if (rx <= 0 && ry > 0) return openAlong(m, ry, false);
  return dilate(erode(m, rx, ry), rx, ry);
}

/**
 * Opening by a straight segment along rows or columns, in one pass: it keeps exactly the runs of set cells at least
 * as long as the segment (2r + 1), the runs at one edge of the grid at least r + 1 long and a run from edge to edge
 * whole (erosion counts the outside as set). Scans look for rules and box sides this way on every page.
 */
function openAlong(m: Mask, radius: number, horizontal: boolean): Mask {
  const { width: w, height: h, data } = m;
  const out = new Uint8Array(w * h);
  const [lines, len, step, lineStep] = horizontal ? [h, w, 1, w] : [w, h, w, 1];
  const window = 2 * radius + 1;
  for (let l = 0; l < lines; l++) {
    const base = l * lineStep;
    let start = -1;
    for (let i = 0; i <= len; i++) {
      const set = i < len && data[base + i * step] === 1;
      if (set && start < 0) start = i;
      else if (!set && start >= 0) {
        const edges = (start === 0 ? 1 : 0) + (i === len ? 1 : 0);
        const long = edges === 2 || i - start >= (edges === 1 ? radius + 1 : window);
        if (long) for (let k = start; k < i; k++) out[base + k * step] = 1;
        start = -1;
      }
    }
  }
  return { width: w, height: h, data: out };
}

export interface Components {
  count: number;
  /** Cell indices of each component, in scan order; components in the order their first cell is met. */
  members: Int32Array[];
}

/**
 * 8-connected components, labelled run by run: a run of set cells in a row joins every run of the row above that it
 * touches (diagonals included). A page is mostly paper, so this visits the ink, not the millions of cells.
 */
export function connectedComponents(m: Mask): Components {
  const { width: w, height: h, data } = m;
  const starts: number[] = [];
  const ends: number[] = [];
  const rows: number[] = [];
  const runLabel: number[] = [];
  const parent: number[] = [0];
  const find = (x: number): number => {
    while (parent[x]! !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  let [above, aboveEnd] = [0, 0];
  for (let y = 0; y < h; y++) {
    const row = data.subarray(y * w, (y + 1) * w);
    const first = starts.length;
    let p = above;
    for (let i = row.indexOf(1); i !== -1; ) {
      let j = row.indexOf(0, i);
      if (j === -1) j = w;
      // A run [s, e) above touches [i, j) when s <= j and e >= i; runs ending before i touch no later run either.
      while (p < aboveEnd && ends[p]! < i) p++;
      let label = 0;
      for (let q = p; q < aboveEnd && starts[q]! <= j; q++) {
        const root = find(runLabel[q]!);
        if (!label) label = root;
        else if (root !== label) {
          const [keep, drop] = root < label ? [root, label] : [label, root];
          parent[drop] = keep;
          label = keep;
        }
      }
      if (!label) {
        label = parent.length;
        parent.push(label);
      }
      starts.push(i);
      ends.push(j);
      rows.push(y);
      runLabel.push(label);
      i = j < w ? row.indexOf(1, j) : -1;
    }
    [above, aboveEnd] = [first, starts.length];
  }
  // Roots are the smallest label of their component: numbering them in label order keeps first-met order.
  const index = new Int32Array(parent.length).fill(-1);
  let count = 0;
  for (let l = 1; l < parent.length; l++) if (find(l) === l) index[l] = count++;
  const sizes = new Int32Array(count);
  const componentOf = runLabel.map((l) => index[find(l)]!);
  for (let r = 0; r < starts.length; r++) sizes[componentOf[r]!]! += ends[r]! - starts[r]!;
  const members = Array.from(sizes, (n) => new Int32Array(n));
  const fill = new Int32Array(count);
  for (let r = 0; r < starts.length; r++) {
    const c = componentOf[r]!;
    const base = rows[r]! * w;
    for (let x = starts[r]!; x < ends[r]!; x++) members[c]![fill[c]!++] = base + x;
  }
  return { count, members };
}

/**
 * Samples a rotated rectangle out of a grey image with bilinear interpolation: the rectangle is centred on (cx, cy),
 * its x axis at `angle` radians, `width`×`height` source pixels, scaled by `scale`. Outside the image reads as white.
 */
export function sampleRotated(
  src: GrayImage,
  cx: number,
  cy: number,
  angle: number,
  width: number,
  height: number,
  scale = 1,
): GrayImage {
  const ow = Math.max(1, Math.round(width * scale));
  const oh = Math.max(1, Math.round(height * scale));
  const out = new Uint8Array(ow * oh);
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const { width: sw, height: sh, data } = src;
  const px = (x: number, y: number) => (x < 0 || y < 0 || x >= sw || y >= sh ? 255 : data[y * sw + x]!);
  // Along an output row the source point moves by a fixed step: x = x1 + ox * dx, y = y1 + ox * dy.
  const [dx, dy] = [cos / scale, sin / scale];
  const u0 = 0.5 / scale - width / 2;
  for (let oy = 0; oy < oh; oy++) {
    const v = (oy + 0.5) / scale - height / 2;
    const x1 = cx + u0 * cos - v * sin - 0.5;
    const y1 = cy + u0 * sin + v * cos - 0.5;
    const row = oy * ow;
    for (let ox = 0; ox < ow; ox++) {
      const x = x1 + ox * dx;
      const y = y1 + ox * dy;
      const x0 = Math.floor(x);
      const y0 = Math.floor(y);
      const fx = x - x0;
      const fy = y - y0;
      let top: number;
      let bottom: number;
      if (x0 >= 0 && y0 >= 0 && x0 + 1 < sw && y0 + 1 < sh) {
        // Inside the source (nearly every pixel): no edge checks.
        const i = y0 * sw + x0;
        top = data[i]! + (data[i + 1]! - data[i]!) * fx;
        bottom = data[i + sw]! + (data[i + sw + 1]! - data[i + sw]!) * fx;
      } else {
        top = px(x0, y0) + (px(x0 + 1, y0) - px(x0, y0)) * fx;
        bottom = px(x0, y0 + 1) + (px(x0 + 1, y0 + 1) - px(x0, y0 + 1)) * fx;
      }
      out[row + ox] = (top + (bottom - top) * fy + 0.5) | 0;
    }
  }
  return { width: ow, height: oh, data: out };
}

export interface Deskewed {
  image: GrayImage;
  /** A box of the straightened image → the same-sized box at the matching place of the source. */
  toSource(box: [number, number, number, number]): [number, number, number, number];
}

/**
 * Straightens text lines tilted by `angle` (radians, positive = clockwise) by shifting each column up or down: for the
 * few degrees a scan or photo is off, a vertical shear levels the lines as well as a rotation does (letters lean by
 * the same few degrees, which OCR does not mind) at a fraction of the cost, one interpolation per pixel along y.
 */
export function deskew(src: GrayImage, angle: number): Deskewed {
  const { width, height, data } = src;
  const t = Math.tan(angle);
  const cx = width / 2;
  const out = new Uint8Array(width * height).fill(255);
  const whole = new Int32Array(width);
  const frac = new Float32Array(width);
  for (let x = 0; x < width; x++) {
    const shift = (x - cx) * t;
    whole[x] = Math.floor(shift);
    frac[x] = shift - whole[x]!;
  }
  // Row by row, so that reads and writes run along memory.
  for (let y = 0; y < height; y++) {
    for (let x = 0, o = y * width; x < width; x++, o++) {
      const sy = y + whole[x]!;
      if (sy < 0 || sy + 1 >= height) continue;
      const f = frac[x]!;
      const i = sy * width + x;
      out[o] = (data[i]! + (data[i + width]! - data[i]!) * f + 0.5) | 0;
    }
  }
  return {
    image: { width, height, data: out },
    toSource: ([x, y, w, h]) => [x, y + (x + w / 2 - cx) * t, w, h],
  };
}

/**
 * Images stacked one under another on a white ground, `gap` white rows round each: one OCR request for many small
 * regions (a native tesseract call costs its start-up each time). Each image's top row in the stack.
 */
export function stackImages(images: readonly GrayImage[], gap: number, background = 255): { image: GrayImage; tops: number[] } {
  const width = Math.max(1, ...images.map((c) => c.width));
  const tops: number[] = [];
  let height = gap;
  for (const c of images) {
    tops.push(height);
    height += c.height + gap;
  }
  const data = new Uint8Array(width * height).fill(background);
  images.forEach((c, k) => {
    for (let y = 0; y < c.height; y++) data.set(c.data.subarray(y * c.width, (y + 1) * c.width), (tops[k]! + y) * width);
  });
  return { image: { width, height, data }, tops };
}
