// Choosing which phrases on a laid-out page get marked, and geometry helpers for the ground truth.
import { rangeBoxes, type Layout, type LaidPage } from "./layout.js";
import { HIGHLIGHT_COLORS, type BBox, type HighlightColor } from "./model.js";
import type { Rng } from "./prng.js";
import type { Pt } from "./draw.js";

export interface MarkPlan {
  container: number;
  a: number;
  b: number;
  text: string;
  color: HighlightColor;
  fromKey: boolean;
}

const LETTERS = /[\u0E01-\u0E2E\u0E40-\u0E44A-Za-z]/g;

/** Brackets and quotes inside a span must pair up (nobody marks "GIS) เพื่อ…"). */
export function balanced(t: string): boolean {
  const count = (re: RegExp) => (t.match(re) ?? []).length;
  return count(/\(/g) === count(/\)/g) && count(/“/g) === count(/”/g);
}

function trimRange(text: string, a: number, b: number, punct = false): [number, number] {
  const edge = punct ? /[\s()“”"',:;]/ : /\s/;
  while (a < b && edge.test(text[a] ?? "")) a++;
  while (b > a && edge.test(text[b - 1] ?? "")) b--;
  return [a, b];
}

/** Number of characters of [a,b) that are laid out on this page. */
function coverage(page: LaidPage, container: number, a: number, b: number): number {
  let n = 0;
  for (const l of page.lines) {
    if (l.container !== container) continue;
    n += Math.max(0, Math.min(b, l.end) - Math.max(a, l.start));
  }
  return n;
}

function nonSpaceLen(s: string): number {
  return s.replace(/\s/g, "").length;
}

export function pickColorScheme(rng: Rng, n: number): HighlightColor[] {
  const weights = [0.42, 0.2, 0.16, 0.12, 0.1]; // yellow dominates in real offices
  if (rng.chance(0.6)) {
    const c = rng.weighted(HIGHLIGHT_COLORS, weights);
    return Array.from({ length: n }, () => c);
  }
  return Array.from({ length: n }, () => rng.weighted(HIGHLIGHT_COLORS, weights));
}

/** Choose 1–4 marks on the page: mostly the document's key phrases, sometimes arbitrary word spans. */
export function chooseMarks(layout: Layout, page: LaidPage, rng: Rng, want?: number, firstColor?: HighlightColor): MarkPlan[] {
  const n = want ?? rng.weighted([1, 2, 3, 4], [0.3, 0.34, 0.22, 0.14]);
  const colors = pickColorScheme(rng, n);
  if (firstColor) colors[0] = firstColor;
  const containersOnPage = new Set(page.lines.map((l) => l.container));
  const keys: { container: number; a: number; b: number }[] = [];
  for (const cid of containersOnPage) {
    const c = layout.containers[cid];
    if (!c) continue;
    for (const [ka, kb] of c.keys) {
      const [a, b] = trimRange(c.text, ka, kb);
      if (b <= a) continue;
      if (coverage(page, cid, a, b) < nonSpaceLen(c.text.slice(a, b))) continue; // continues on another page
      keys.push({ container: cid, a, b });
    }
  }
  const chosen: MarkPlan[] = [];
  const overlaps = (cid: number, a: number, b: number) =>
    chosen.some((m) => {
      // the same wording twice on one page would make the truth ambiguous
      const c = layout.containers[cid];
      if (c && c.text.slice(a, b).trim() === m.text.trim()) return true;
      if (m.container === cid && a < m.b + 2 && b > m.a - 2) return true;
      // never two marks on the same text line
      const la = page.lines.filter((l) => l.container === cid && l.start < b && l.end > a).map((l) => l.baseline);
      const lb = page.lines.filter((l) => l.container === m.container && l.start < m.b && l.end > m.a).map((l) => l.baseline);
      return la.some((y) => lb.includes(y));
    });
  const pool = rng.shuffle(keys);
  let guard = 0;
  while (chosen.length < n && guard++ < 200) {
    const color = colors[chosen.length] ?? "yellow";
    const useKey = pool.length > 0 && rng.chance(0.75);
    if (useKey) {
      const k = pool.shift();
      if (!k || overlaps(k.container, k.a, k.b)) continue;
      const c = layout.containers[k.container];
      if (!c) continue;
      chosen.push({ ...k, text: c.text.slice(k.a, k.b), color, fromKey: true });
      continue;
    }
    const span = randomSpan(layout, page, rng);
    if (!span || overlaps(span.container, span.a, span.b)) continue;
    chosen.push({ ...span, color, fromKey: false });
  }
  return chosen;
}

function randomSpan(layout: Layout, page: LaidPage, rng: Rng): Omit<MarkPlan, "color" | "fromKey"> | null {
  const lines = page.lines.filter((l) => l.breaks.length >= 4);
  if (lines.length === 0) return null;
  const li = rng.int(0, lines.length - 1);
  const line = lines[li];
  if (!line) return null;
  const c = layout.containers[line.container];
  if (!c) return null;
  // prefer whole space-delimited chunks (people mark phrases, and ICU word breaks can split compounds)
  const options: [number, number][] = [];
  for (let s = 0; s < line.chunks.length; s++) {
    for (let k = 1; k <= 3 && s + k <= line.chunks.length; k++) {
      const a = line.chunks[s]?.[0] ?? 0;
      const b = line.chunks[s + k - 1]?.[1] ?? 0;
      const t = c.text.slice(a, b);
      if ((t.match(LETTERS) ?? []).length >= 8 && b - a <= 48 && balanced(t)) options.push([a, b]);
    }
  }
  if (options.length > 0 && rng.chance(0.8)) {
    const [a1, b1] = rng.pick(options);
    const [a, b] = trimRange(c.text, a1, b1, true);
    return { container: line.container, a, b, text: c.text.slice(a, b) };
  }
  const i = rng.int(0, Math.max(0, line.breaks.length - 3));
  const a0 = line.breaks[i] ?? line.start;
  let b0: number;
  const next = lines[li + 1];
  if (rng.chance(0.22) && next && next.container === line.container && next.start >= line.end) {
    // run on into the next line (a two-line mark)
    const j = rng.int(1, Math.max(1, Math.min(next.breaks.length - 1, 5)));
    b0 = next.breaks[j] ?? next.end;
  } else {
    const len = rng.int(2, 7);
    b0 = line.breaks[Math.min(line.breaks.length - 1, i + len)] ?? line.end;
  }
  const [a, b] = trimRange(c.text, a0, b0, true);
  const text = c.text.slice(a, b);
  if ((text.match(LETTERS) ?? []).length < 8 || !balanced(text)) return null;
  return { container: line.container, a, b, text };
}

export function planBoxes(page: LaidPage, m: MarkPlan) {
  return rangeBoxes(page, m.container, m.a, m.b);
}

// ---------- geometry ----------

export function aabb(points: Pt[], W: number, H: number): BBox {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const [x, y] of points) {
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x);
    y1 = Math.max(y1, y);
  }
  x0 = Math.max(0, Math.min(W, x0));
  x1 = Math.max(0, Math.min(W, x1));
  y0 = Math.max(0, Math.min(H, y0));
  y1 = Math.max(0, Math.min(H, y1));
  return [round1(x0), round1(y0), round1(x1 - x0), round1(y1 - y0)];
}

export function round1(v: number): number {
  return Math.round(v * 10) / 10;
}

export function rectPoints([x, y, w, h]: readonly number[]): Pt[] {
  const X = x ?? 0;
  const Y = y ?? 0;
  const Wd = w ?? 0;
  const Ht = h ?? 0;
  return [
    [X, Y],
    [X + Wd, Y],
    [X + Wd, Y + Ht],
    [X, Y + Ht],
  ];
}

export function circlePoints(cx: number, cy: number, r: number, n = 48): Pt[] {
  return Array.from({ length: n }, (_, i): Pt => [cx + r * Math.cos((i / n) * 2 * Math.PI), cy + r * Math.sin((i / n) * 2 * Math.PI)]);
}

export function pointInPoly([x, y]: Pt, poly: Pt[]): boolean {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i] as Pt;
    const [xj, yj] = poly[j] as Pt;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Thai letters a written syllable can begin with (consonants), and the vowels written before their consonant. */
const THAI_CONSONANT = /[\u0E01-\u0E2E]/;
const LEADING_VOWEL = /[\u0E40-\u0E44]/;

/**
 * Strokes that start or end inside a word, as a hurried marker does: about half the marks move their start one to
 * three syllable starts (a consonant not preceded by its leading vowel) into the text, or their end as far back; the
 * truth is what the moved stroke covers. A mark keeps at least 8 letters, and 3 on every line it runs over.
 */
export function cutIntoWords(layout: Layout, page: LaidPage, plans: MarkPlan[], rng: Rng): MarkPlan[] {
  return plans.map((m) => {
    if (!rng.chance(0.5)) return m;
    const c = layout.containers[m.container];
    if (!c) return m;
    const starts: number[] = [];
    for (let i = m.a + 1; i < m.b; i++) {
      if (THAI_CONSONANT.test(c.text[i] ?? "") && !LEADING_VOWEL.test(c.text[i - 1] ?? "") && !/\s/.test(c.text[i - 1] ?? "")) starts.push(i);
    }
    const fromStart = rng.chance(0.6);
    const k = rng.int(1, 3);
    const cut = fromStart ? starts[k - 1] : starts[starts.length - k];
    if (cut === undefined) return m;
    const [a, b] = fromStart ? [cut, m.b] : [m.a, cut];
    const text = c.text.slice(a, b);
    if ((text.match(LETTERS) ?? []).length < 8 || !balanced(text) || /^\s|\s$/.test(text)) return m;
    // Nobody marks one letter at the end of a line: every line the mark touches keeps a few letters of it.
    const parts = page.lines.filter((l) => l.container === m.container && l.start < b && l.end > a).map((l) => c.text.slice(Math.max(a, l.start), Math.min(b, l.end)));
    if (parts.some((part) => (part.match(LETTERS) ?? []).length < 3)) return m;
    return { ...m, a, b, text };
  });
}
