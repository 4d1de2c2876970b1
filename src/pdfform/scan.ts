/**
 * A paper copy of the questionnaire, scanned or photographed (an image-only PDF) → the same document blocks as a
 * PDF with a text layer, so the one extractor anchors on the printed codes and labels. Per page: straighten (skew by
 * projection profiles), read the words with OCR, find table rules and the boxes and circles of the choices in the
 * image (optical mark recognition: a box is checked by the ink inside it — tick, cross, fill or scribble), and hand
 * words, rules and marks to the same layout as a text-layer page. A mark whose ink is neither clearly there nor
 * clearly absent is read as it looks and reported with its page and box: never a silent guess.
 */
import { readerWarning } from "../docx/messages.js";
import type { Mark } from "../docx/model.js";
import { estimateSkew } from "../evidence/highlight.js";
import { wordOfSymbols, type OcrEngine, type OcrLine, type OcrResult, type OcrWord } from "../evidence/ocr.js";
import type { DrawnPath } from "../evidence/pdf-drawing.js";
import { union, type TextItem } from "../evidence/pdf.js";
import { connectedComponents, open, sampleRotated, stackImages, type GrayImage, type Mask } from "../evidence/raster.js";
import type { Block, Message } from "../docx/model.js";
import { pageBlocks, type Counters, type FoundMark } from "./layout.js";

type Box = [number, number, number, number];

/** Ink darker than this is print or pen (0–255). */
const DARK = 180;
/** Side of a choice's box or circle in points (the form prints them at 10–16 pt; legacy fields at up to 26 pt). */
const SIDE = { min: 8, max: 32 };
/** Smallest circle of a choice, in points: as small as round letters of headings, which the letter tests below keep out. */
const CIRCLE_MIN = 8;
/**
 * Ink inside a box, as a length in units of the box's inner width (pixels darker than INNER_DARK over the width): a
 * thin cross is about 2.8, a tick 1.5, a filled box its width, an empty box 0, a speck of dust a few tenths. Above
 * CHECKED it is marked, below EMPTY it is not, between it is unsure.
 */
const INK = { empty: 0.3, checked: 0.8 };
/** Inside a box, fainter strokes count (a thin pen tick, a grey cross printed by a form field). */
const INNER_DARK = 190;
/** A rule is a straight line at least this long (points): longer than any box side. */
const RULE_MIN = 36;
/** Skews under this (radians) are left alone. */
const STRAIGHT = 0.1 * (Math.PI / 180);
/** Of 32 points round a circle, those that must be inked for a ring (a few lost to a scan's breaks). */
const RING_HITS = 28;

export interface ScannedPage {
  blocks: Block[];
  messages: Message[];
}

/** One page image (gray, at `dpi`) → blocks, from the OCR of the straightened page. Indices count from 0 per page. */
export async function readScannedFormPage(gray: GrayImage, dpi: number, engine: OcrEngine, page: number): Promise<ScannedPage> {
  const dark = darkMask(gray);
  const skew = estimateSkew(dark.data, gray.width, gray.height);
  // Turned, not sheared: a table's vertical rules must stand straight to be found as rules.
  const straight = Math.abs(skew) < STRAIGHT;
  const image = straight ? gray : sampleRotated(gray, gray.width / 2, gray.height / 2, skew, gray.width, gray.height);
  const ink = straight ? dark : darkMask(image);
  // OCR reads the page without its underlines: a value typed on a blank's line touches it, and OCR then misreads the
  // letters or reads the line itself as letters. The layout still has the lines (from `ink`).
  const rules = ruleSegments(ink, dpi);
  const text = withoutUnderlines(image, ink, rules, dpi);
  const ocr = await engine.recognize({ image: text, mode: "page", dpi });
  const missed = unreadLines(ink, ocr, dpi);
  const read = missed.length ? await readAgain(engine, text, missed, dpi, ocr) : ocr;
  return layoutScannedPage(image, dpi, read, page, { paragraph: 0, table: 0 }, ink, rules);
}

/**
 * The page with its underlines (horizontal rules no upright rule meets: a table's rules stay, OCR finds its cells by
 * them) turned to paper where nothing else is inked: in each column of an underline, the dark run through it is
 * cleared when it is no taller than a rule, and left where a letter's stroke crosses it.
 */
export function withoutUnderlines(image: GrayImage, dark: Mask, rules: readonly Rule[], dpi: number): GrayImage {
  const near = Math.max(2, Math.round((2 * dpi) / 72));
  const upright = rules.filter((r) => !r.horizontal);
  const meets = (h: Rule) => upright.some((v) => v.at >= h.from - near && v.at <= h.to + near && v.from <= h.at + near && v.to >= h.at - near);
  const across = rules.filter((r) => r.horizontal && !meets(r));
  if (!across.length) return image;
  const data = new Uint8Array(image.data);
  const { width, height } = dark;
  // A printed rule is at most 2.5 pt thick with a scan's blur; a letter standing on it makes a taller run.
  const thickest = Math.max(3, Math.round((2.5 * dpi) / 72));
  for (const r of across) {
    for (let x = Math.max(0, r.from); x <= Math.min(width - 1, r.to); x++) {
      // The rule's rows end at `at`; its dark run in this column, up and down from there.
      let y = r.at;
      while (y > r.at - thickest && !dark.data[y * width + x]) y--;
      if (!dark.data[y * width + x]) continue;
      let [top, bottom] = [y, y];
      while (top > 0 && dark.data[(top - 1) * width + x]) top--;
      while (bottom < height - 1 && dark.data[(bottom + 1) * width + x]) bottom++;
      if (bottom - top + 1 > thickest) continue;
      // A pixel of blur either side goes too.
      for (let yy = Math.max(0, top - 1); yy <= Math.min(height - 1, bottom + 1); yy++) data[yy * width + x] = 255;
    }
  }
  return { width: image.width, height: image.height, data };
}

/**
 * Letters' ink that no OCR word covers, in runs along a line long enough to be words: text tesseract's page layout
 * left out (a line of typed names between two headings, taken for a picture). The boxes of such runs, with a margin,
 * to be read again; marks, rules, dust and a pen's tick are no such runs.
 */
export function unreadLines(dark: Mask, ocr: OcrResult, dpi: number): Box[] {
  const px = dpi / 72;
  const covered = new Uint8Array(dark.width * dark.height);
  for (const line of ocr.lines) {
    for (const w of line.words) {
      const pad = Math.round(0.3 * w.bbox[3]);
      const [x0, x1] = [Math.max(0, w.bbox[0] - pad), Math.min(dark.width, w.bbox[0] + w.bbox[2] + pad)];
      for (let y = Math.max(0, w.bbox[1] - pad); y < Math.min(dark.height, w.bbox[1] + w.bbox[3] + pad); y++) covered.fill(1, y * dark.width + x0, y * dark.width + x1);
    }
  }
  // Letters of 10–20 pt print: a stroke at least 2.5 pt high, no letter taller than 14 pt or wider than 20 pt.
  const letters = piecesOf(dark)
    .map((p) => p.bbox)
    .filter(([x, y, w, h]) => h >= 2.5 * px && h <= 14 * px && w <= 20 * px && !covered[Math.round(y + h / 2) * dark.width + Math.round(x + w / 2)])
    .sort((a, b) => a[0] - b[0]);
  const runs: { box: Box; count: number }[] = [];
  for (const l of letters) {
    const [x, y, w, h] = l;
    // The run this letter continues: on its line (most of the letter within the run's rows), less than a wide
    // space after the run's last letter.
    const run = runs.find(({ box: [rx, ry, rw, rh] }) => x - (rx + rw) < 1.2 * Math.max(rh, h) && x >= rx && Math.min(y + h, ry + rh) - Math.max(y, ry) >= 0.5 * Math.min(h, rh));
    if (!run) {
      runs.push({ box: l, count: 1 });
      continue;
    }
    run.box = union([run.box, l]);
    run.count++;
  }
  return runs
    .filter(({ box: [, , w, h], count }) => count >= 5 && w >= 4 * h && h <= 20 * px)
    .map(({ box: [x, y, w, h] }) => {
      const pad = Math.round(0.4 * h);
      const [x0, y0] = [Math.max(0, x - pad), Math.max(0, y - pad)];
      return [x0, y0, Math.min(dark.width, x + w + pad) - x0, Math.min(dark.height, y + h + pad) - y0] as Box;
    });
}

const piecesByMask = new WeakMap<Mask, { members: Int32Array; bbox: Box }[]>();

/** A page's pieces of ink (8-connected) with their bounds: found once, for the unread-ink search and the marks. */
function piecesOf(dark: Mask): { members: Int32Array; bbox: Box }[] {
  let found = piecesByMask.get(dark);
  if (!found) {
    found = connectedComponents(dark).members.map((members) => ({ members, bbox: bounds(members, dark.width) }));
    piecesByMask.set(dark, found);
  }
  return found;
}

/** The page's OCR with the lines `boxes` hold, read again as blocks of their own (all in one request). */
async function readAgain(engine: OcrEngine, image: GrayImage, boxes: readonly Box[], dpi: number, ocr: OcrResult): Promise<OcrResult> {
  const crops = boxes.map(([x, y, w, h]): GrayImage => {
    const data = new Uint8Array(w * h);
    for (let r = 0; r < h; r++) data.set(image.data.subarray((y + r) * image.width + x, (y + r) * image.width + x + w), r * w);
    return { width: w, height: h, data };
  });
  const { image: stack, tops } = stackImages(crops, Math.round(0.3 * dpi));
  const result = await engine.recognize({ image: stack, mode: "block", dpi });
  const lines = result.lines.flatMap((line) => {
    const middle = line.bbox[1] + line.bbox[3] / 2;
    const k = tops.findIndex((top, n) => middle >= top && middle < top + crops[n]!.height);
    if (k < 0) return [];
    const shift = (b: Box): Box => [b[0] + boxes[k]![0], b[1] - tops[k]! + boxes[k]![1], b[2], b[3]];
    const moved = (w: OcrWord): OcrWord => ({ ...w, bbox: shift(w.bbox) });
    return [{ ...line, bbox: shift(line.bbox), words: line.words.map(moved), symbols: line.symbols.map(moved) }];
  });
  return lines.length ? { ...ocr, text: [ocr.text, ...lines.map((l) => l.text)].join("\n"), lines: [...ocr.lines, ...lines] } : ocr;
}

/** The pure part: a straightened page image and its OCR → blocks and the marks it was unsure of. */
export function layoutScannedPage(image: GrayImage, dpi: number, ocr: OcrResult, page: number, counters: Counters, dark = darkMask(image), rules = ruleSegments(dark, dpi)): ScannedPage {
  const pt = 72 / dpi;
  const words = ocr.lines.flatMap((l) => l.words).filter((w) => w.text.trim());
  const shapes = outermost(findMarks(image, dark, dpi));
  // Ticks are judged by the words as they read without the boxes and circles OCR ran into them ("ovi" for "○ ✔ มี").
  const choiceBoxes = shapes.filter((s) => s.shape !== "tick").map((s) => s.bbox);
  const clearWords = ocr.lines.flatMap((l) => clearOfMarks(l, choiceBoxes)).filter((w) => w.text.trim());
  const marks = wrappedTicks(typedAfter(notLetters(shapes, words, clearWords, dark), dark), dark);
  const messages: Message[] = [];
  for (const m of marks.filter((x) => x.unsure)) {
    const box = m.bbox.map((v) => Math.round(v * pt)) as Box;
    messages.push(readerWarning("mark_uncertain", { page, shape: m.shape, box: box.join(","), ink: m.ink, checked: m.checked }, { page, box }));
  }
  const markBoxes = marks.flatMap((m) => (m.tick ? [m.bbox, m.tick] : [m.bbox]));
  const handwritten = handwrittenBlanks(dark, rules, words, markBoxes, dpi);
  for (const band of handwritten) {
    const box = band.map((v) => Math.round(v * pt)) as Box;
    messages.push(readerWarning("handwriting_not_read", { page, box: box.join(",") }, { page, box }));
  }
  const items: TextItem[] = [];
  for (const line of ocr.lines) {
    let first = true;
    let previous = "";
    for (const w of clearOfMarks(line, markBoxes)) {
      // The box glyphs themselves come out of OCR as "[]", "O", "0" or "口": the mark stands for them.
      if (!w.text.trim() || markBoxes.some((b) => overlap(w.bbox, b) > 0.4 * w.bbox[2] * w.bbox[3])) continue;
      // Handwriting is not read as text: OCR's guess at it would be a wrong answer.
      if (handwritten.some((b) => overlap(w.bbox, b) > 0.5 * w.bbox[2] * w.bbox[3])) continue;
      // Rules and dust read as "|", ":" or "." (a printed blank's underscores stay: they are the form's), and specks
      // OCR reports as a word with a box of a pixel or two ("4:", "7" after a value): no letter is that small.
      if (/^[\s'"`|‘’“”.,:;~\-–—]+$/u.test(w.text) || isStackedMarks(w.bbox, words) || Math.max(w.bbox[2], w.bbox[3]) * pt < SPECK) continue;
      // A speck read as a sign ahead of a line's first word ("© P2.2.1.3") would hide the question's code.
      if (first && /^[\p{S}\p{P}]$/u.test(w.text.trim()) && !MARK_GLYPH.test(w.text.trim())) continue;
      items.push({ str: first ? printedCode(w.text) : apartScripts(previous, w.text), bbox: w.bbox.map((v) => v * pt) as Box });
      previous = w.text;
      first = false;
    }
  }
  const found: FoundMark[] = marks.map((m) => {
    const bbox = m.bbox.map((v) => v * pt) as Box;
    const mark: Mark = { kind: "mark", checked: m.checked, shape: m.shape, source: "scan", raw: `scan ${m.shape}, ${m.ringed ? "ringed by hand" : `ink ${m.ink.toFixed(2)}`}`, box: bbox };
    return { bbox, mark };
  });
  const paths = rules.map((s) => rulePath(s, pt));
  return { blocks: pageBlocks(items, { paths, widgets: [] }, page, counters, found), messages };
}

/**
 * A word OCR made of another word's vowels and tone marks written above it, apart ("เม", "๑" over "ที่ตั้งหน่วยงาน",
 * "al" over "ไม่มี"): under half that word's height, over most of its own width, its middle at most half its own
 * height above that word's top.
 */
function isStackedMarks([x, y, w, h]: Box, words: readonly OcrWord[]): boolean {
  return words.some(({ bbox: [wx, wy, ww, wh] }) => h < 0.5 * wh && Math.min(x + w, wx + ww) - Math.max(x, wx) > 0.5 * w && y + h / 2 >= wy - h / 2 && y + h / 2 <= wy + wh);
}

/** Largest side of a speck OCR reads as a word, in points: a full stop at 16 pt is about 2 pt across. */
const SPECK = 2.5;

/** An entry's number in a table's first column. */
const NUMBERING = /^[0-9๐-๙]{1,2}\.$/u;
/** What OCR makes of a choice's box or circle when it runs it into the words. */
const MARK_GLYPH = /^[๐oO0○◯□☐口\[\]]$/u;

/**
 * A line's words without the characters OCR made of a box it ran into: "☐มี" printed tight comes out as one word
 * "กมี" or "[7มี", and the box's glyph would stay in the option's words. A character lying over a found mark is
 * the mark's; the word keeps the rest (and their extent).
 */
function clearOfMarks(line: OcrLine, markBoxes: readonly Box[]): OcrWord[] {
  const touched = line.words.map((w) => markBoxes.some((b) => overlap(w.bbox, b) > 0));
  if (!touched.some(Boolean)) return line.words;
  const wordOf = wordOfSymbols(line);
  if (!wordOf) return line.words;
  // Half of the smaller of the two under the other (a glyph over the box, or one made of the box and a pen's tick),
  // or a glyph standing mostly within the box's width beside the box's height (a slice of box and tick).
  const within = (c: Box, b: Box) =>
    overlap(c, b) >= 0.5 * Math.min(c[2] * c[3], b[2] * b[3]) ||
    (overlap([c[0], 0, c[2], 1], [b[0], 0, b[2], 1]) >= 0.5 * c[2] && overlap([0, c[1], 1, c[3]], [0, b[1], 1, b[3]]) >= 0.5 * b[3]);
  return line.words.map((word, n) => {
    if (!touched[n]) return word;
    const own = line.symbols.filter((_, k) => wordOf[k] === n);
    // A glyph OCR makes of a box or circle, touching the mark, is the mark's, with what OCR read of the mark before
    // it; the letters after it are the words', even when their boxes are drawn over the mark (Thai symbols' boxes are
    // often off by a letter: "๐ไม่มี" with ไ's box over the circle).
    const glyphs = own.flatMap((c, k) => {
      const box = MARK_GLYPH.test(c.text) ? markBoxes.find((b) => overlap(c.bbox, b) > 0) : undefined;
      return box ? [{ k, box }] : [];
    });
    const explained = (c: OcrWord, k: number) => glyphs.some((g) => k <= g.k && overlap(c.bbox, g.box) > 0);
    const unexplained = markBoxes.filter((b) => !glyphs.some((g) => g.box === b));
    const kept = own.filter((c, k) => !explained(c, k) && !unexplained.some((b) => within(c.bbox, b)));
    if (kept.length === own.length) return word;
    if (kept.length === 0) return { ...word, text: "" };
    // The words start after the mark they ran into.
    const [x, y, w, h] = union(kept.map((c) => c.bbox));
    const start = Math.max(x, ...markBoxes.filter((b) => overlap(b, [x, y, w, h]) > 0 && b[0] <= x).map((b) => b[0] + b[2]));
    return { text: kept.map((c) => c.text).join(""), bbox: [start, y, Math.max(1, x + w - start), h], confidence: word.confidence };
  });
}

/** Below this OCR confidence a word over a blank is not typed print. */
const TYPED_CONFIDENCE = 0.6;
/** Ink over a blank not covered by typed words, as a share of the blank's line: more than specks of dust. */
const HANDWRITING_INK = 0.02;
/** A line of the form's print (16 pt with Thai marks above and below), in points: the band above a blank. */
const LINE = 18;

/**
 * Blanks (a horizontal rule: an underlined space, a cell's bottom rule) with ink above them that OCR did not read as
 * typed words with confidence: written by hand. Their bands (pixels) are reported for a person to read, never guessed.
 */
function handwrittenBlanks(dark: Mask, rules: readonly Rule[], words: readonly OcrWord[], markBoxes: readonly Box[], dpi: number): Box[] {
  const line = (LINE * dpi) / 72;
  const covered = [...words.filter((w) => w.confidence >= TYPED_CONFIDENCE).map((w) => w.bbox), ...markBoxes];
  const out: Box[] = [];
  for (const r of rules.filter((x) => x.horizontal)) {
    // Up to just above the rule (its blurred edge is not ink over it).
    const [x0, x1] = [r.from, r.to];
    const [y0, y1] = [Math.max(0, Math.round(r.at - line)), Math.round(r.at - 0.2 * line)];
    if (y1 - y0 < 4) continue;
    const near = covered.filter((b) => overlap(b, [x0 - 2, y0 - 2, x1 - x0 + 5, y1 - y0 + 4]) > 0);
    let ink = 0;
    for (let x = x0; x <= x1; x++) {
      let column = 0;
      for (let y = y0; y < y1; y++) {
        if (!dark.data[y * dark.width + x]) continue;
        if (near.some((b) => x >= b[0] - 2 && x < b[0] + b[2] + 2 && y >= b[1] - 2 && y < b[1] + b[3] + 2)) continue;
        column++;
      }
      // A cell's vertical rule crosses the whole band: it is the table's, not writing.
      if (column < 0.9 * (y1 - y0)) ink += column;
    }
    if (ink > HANDWRITING_INK * (x1 - x0 + 1) * (y1 - y0)) out.push([x0, y0, x1 - x0 + 1, y1 - y0]);
  }
  return out;
}

/**
 * OCR's usual misreadings of the form's printed question codes at the start of a line: "61." for "G1." (the codes
 * G1–G4), "l", "I" or "|" for 1 and "O" for 0 in "P2.l.3"; leading quote marks and bars are dropped before.
 */
export function printedCode(word: string): string {
  const m = /^[\s'"`|‘’“”]*([G6P])([0-9lIO|]{1,2}(?:\.[0-9lIO|]{1,2}){0,3}\.?)$/u.exec(word);
  if (!m) return word;
  if (m[1] === "6" && !/^[1-4]\.$/u.test(m[2]!)) return word;
  return `${m[1] === "6" ? "G" : m[1]}${m[2]!.replace(/[lI|]/gu, "1").replace(/O/gu, "0")}`;
}

/**
 * Thai and Latin words typed side by side have a space between them ("ใช้ ChatGPT ช่วย"), which OCR of a 150 dpi
 * copy often loses, running them into one word or into words with no gap: the space is put back where the script
 * changes, inside `word` and between the word before it on the line and `word`.
 */
function apartScripts(before: string, word: string): string {
  const SCRIPT_CHANGE = /(?<=[\u0e01-\u0e4e])(?=[A-Za-z])|(?<=[A-Za-z])(?=[\u0e01-\u0e2e\u0e40-\u0e44])/gu;
  return `${before.slice(-1)}${word}`.replace(SCRIPT_CHANGE, " ").slice(before ? 1 : 0);
}

function darkMask(gray: GrayImage): Mask {
  const data = new Uint8Array(gray.width * gray.height);
  for (let i = 0; i < data.length; i++) data[i] = gray.data[i]! < DARK ? 1 : 0;
  return { width: gray.width, height: gray.height, data };
}

// ---------------------------------------------------------------------------------------------------------------
// Boxes and circles.

interface FoundShape {
  bbox: Box;
  shape: "box" | "circle" | "tick";
  ink: number;
  /** Share of the middle (a third of the width across) that is inked. */
  centre: number;
  checked: boolean;
  unsure: boolean;
  /** Answered by a pen's ring round it (the box is the ring's). */
  ringed?: boolean;
  /** Answered by a tick typed after it: the tick's box. */
  tick?: Box;
}

/**
 * Boxes: the straight pieces of the print (a horizontal and a vertical opening keep lines longer than most letter
 * strokes) that close into a square of a choice's size, its four sides present even when a tick runs over them.
 * Circles: round rings of that size in the ink itself. Checked by the ink inside, away from the outline.
 */
function findMarks(gray: GrayImage, dark: Mask, dpi: number): FoundShape[] {
  const px = dpi / 72;
  const [minSide, maxSide] = [SIDE.min * px, SIDE.max * px];
  const piece = Math.max(2, Math.round(0.3 * minSide));
  const maxReach = 0.3 * minSide;
  const h = open(dark, piece, 0);
  const v = open(dark, 0, piece);
  const lines: Mask = { width: dark.width, height: dark.height, data: new Uint8Array(dark.data.length) };
  // Plain loops: a callback per pixel costs more than the openings themselves.
  for (let i = 0; i < lines.data.length; i++) lines.data[i] = h.data[i]! | v.data[i]!;
  // Table rules run through the boxes printed against them (a box at the top of its cell): shapes are cut apart from
  // the rules first, and their sides looked for with the rules back in.
  // Vertical rules only when longer than a few boxes: boxes one under another share their sides.
  const rh = open(dark, Math.round((RULE_MIN * px) / 2), 0);
  const rv = open(dark, 0, Math.round(2 * SIDE.max * px));
  const shapesOnly: Mask = { width: dark.width, height: dark.height, data: new Uint8Array(dark.data.length) };
  for (let i = 0; i < lines.data.length; i++) shapesOnly.data[i] = lines.data[i]! & ~(rh.data[i]! | rv.data[i]!) & 1;
  let out: FoundShape[] = [];
  const taken: Box[] = [];
  // Square, or up to twice as tall as wide (symbol fonts standing in for Wingdings print a taller box), sides drawn.
  const isBox = (b: Box | undefined): b is Box => {
    if (!b) return false;
    const [, , w, hh] = b;
    return w >= minSide && hh >= minSide && w <= maxSide && hh <= maxSide && hh <= 2 * w && w <= 1.3 * hh && hasFourSides(lines, b);
  };
  // A shape runs into the next letter of its words — a mark typed right after it ("○X ไม่มี") is no such letter.
  const touchesWords = (b: Box) => touchesNextLetter(dark, b, maxReach) && !typedMarkAfter(dark, b);
  const consider = (piece: Box): void => {
    // A tick drawn by hand runs out of its box: the box is looked for inside the larger shape — also when box and
    // stroke together still pass for a box (a taller one) but run into the words beside it.
    const inner = () => (piece[2] <= 3 * maxSide && piece[3] <= 3 * maxSide ? squareIn(lines, piece, minSide, maxSide) : undefined);
    let bbox = isBox(piece) ? piece : inner();
    if (!isBox(bbox)) return;
    // A typed mark before the box, and the space after it that a choice's box has ("(D" of "(Digital" is no "/□").
    // Ink running on out of a box found inside a larger shape is the pen's stroke, when there is ink inside too.
    const typedBefore = (b: Box) => typedMarkBefore(dark, b) && !touchesNextLetter(dark, b, maxReach, [1]);
    let typed = typedBefore(bbox);
    let touches = !typed && touchesWords(bbox);
    if (touches && bbox === piece) {
      const within = inner();
      // The square inside must leave out some of the shape: otherwise the shape is the box, and it runs into a letter.
      if (!isBox(within) || (within[2] > piece[2] - 3 && within[3] > piece[3] - 3)) return;
      bbox = within;
      typed = typedBefore(bbox);
      touches = !typed && touchesWords(bbox);
    }
    const box = judge(gray, bbox, "box");
    if (touches && !box.checked) return;
    taken.push(bbox);
    out.push(typed ? { ...box, checked: true, unsure: false } : box);
  };
  const sides: Box[] = [];
  for (const members of connectedComponents(shapesOnly).members) {
    for (const piece of splitStacked(lines, bounds(members, dark.width), minSide, maxSide)) {
      const found = out.length;
      consider(piece);
      // An upright stroke (a checked box's side carries some of its cross) of a box's height.
      if (out.length === found && piece[2] <= 0.7 * minSide && piece[3] >= 0.8 * minSide && piece[3] <= maxSide) sides.push(piece);
    }
  }
  // Boxes stacked row under row in a table column: their sides join into one long upright rule, cut by the rows'.
  for (const members of connectedComponents(rv).members) {
    const [x, y, w, hh] = bounds(members, dark.width);
    if (w > 0.7 * minSide) continue;
    const mid = x + (w >> 1);
    const crossed = (yy: number) => rh.data[yy * dark.width + mid] === 1;
    for (let top = y, yy = y; yy <= y + hh; yy++) {
      if (yy < y + hh && !crossed(yy)) continue;
      if (yy - top >= 0.8 * minSide && yy - top <= maxSide) sides.push([x, top, w, yy - top]);
      top = yy + 1;
    }
  }
  // A box as tall as its table row: its top and bottom sides are the row's rules, taken away with them, and an
  // upright side is left — the other one too, or it runs on into the next row's box as one long rule. A column of
  // line ink as tall as the side, a box's width away, is looked for as its other side.
  const fullColumn = (x: number, y: number, h: number) => {
    let n = 0;
    for (let k = 0; k < h; k++) n += lines.data[(y + k) * lines.width + x]!;
    return n >= 0.9 * h;
  };
  // The share of a shape's top or bottom edge (the better of the two) with a row's rule within `t` rows of it.
  const ruleAlongEnds = ([x, y, w, hh]: Box, t: number) =>
    Math.max(
      ...[y, y + hh - 1].map((at) => {
        let n = 0;
        for (let k = 0; k < w; k++) {
          let any = 0;
          for (let d = -t; d <= t && !any; d++) any = rh.data[(at + d) * dark.width + x + k] ?? 0;
          n += any;
        }
        return n / w;
      }),
    );
  // A side meets a row's rule at its top or bottom end; letters' stems (most of the strokes here) do not.
  const meetsRule = (side: Box) => ruleAlongEnds(side, 3) > 0;
  // The box's top or bottom runs along the rule (a letter with a straight stem and a bowl, "D", stays a letter).
  const onRowRules = (box: Box) => ruleAlongEnds(box, Math.max(1, Math.round(0.12 * Math.min(box[2], box[3])))) >= 0.8;
  // A table's first column as narrow as a box ("ที่" over "1.", "2."): its row's rules start at its left side. A box
  // of a choice column has the row's other cells before it; OCR of the numbers alone misses them too often.
  const opensRow = ([x, y, , hh]: Box) => {
    const reach = Math.min(x, Math.ceil(minSide));
    return reach < 2 || ruleAlongEnds([x - reach, y, reach - 1, hh], 3) === 0;
  };
  for (const side of sides) {
    if (!meetsRule(side) || taken.some((t) => overlap(t, side) > 0)) continue;
    const [sx, sy, sw, sh] = side;
    for (const dir of [1, -1]) {
      let partner: Box | undefined;
      for (let d = Math.ceil(minSide) - 1; d <= maxSide; d++) {
        const x = dir > 0 ? sx + d : sx + sw - 1 - d;
        if (x < 0 || x >= lines.width) break;
        if (!fullColumn(x, sy, sh)) continue;
        // Both sides in their whole thickness.
        const thick = (from: number, step: number) => {
          let at = from;
          while (at + step >= 0 && at + step < lines.width && fullColumn(at + step, sy, sh)) at += step;
          return at;
        };
        const [left, right] = dir > 0 ? [thick(sx, -1), thick(x, 1)] : [thick(x, -1), thick(sx + sw - 1, 1)];
        partner = [left, sy, right - left + 1, sh];
        break;
      }
      if (isBox(partner) && onRowRules(partner) && !opensRow(partner)) {
        consider(partner);
        break;
      }
    }
  }
  const parts = piecesOf(dark);
  for (const { bbox } of parts) {
    const [x, y, w, hh] = bbox;
    // Circles a little larger than boxes, and truly round: round letters of ordinary print stay out.
    if (w < CIRCLE_MIN * px || hh < CIRCLE_MIN * px || w > maxSide || hh > maxSide || Math.abs(w - hh) > 0.12 * Math.max(w, hh)) continue;
    if (taken.some((t) => overlap(t, bbox) > 0.3 * w * hh)) continue;
    if (ringHits(dark, x + w / 2, y + hh / 2, (w + hh) / 4) < RING_HITS) continue;
    if (touchesWords(bbox)) continue;
    taken.push(bbox);
    out.push(judge(gray, bbox, "circle"));
  }
  out = ringedByHand(gray, out, parts, dark, rh, rv);
  taken.push(...out.filter((s) => s.ringed).map((s) => s.bbox));
  // A tick printed in place of a box ("□ ไม่มี ✓ มี": the box's glyph replaced by ✓ when the answer was typed), or
  // typed between a choice's empty box or circle and its words ("○ ✔ มี"): a tick-shaped glyph of about the choices'
  // size standing apart from the words, on a line with choices, or opening its line on a page of boxes (options one
  // per line).
  const boxes = out.filter((s) => s.shape === "box").map((s) => s.bbox);
  const choices = out.filter((s) => s.shape === "box" || (s.shape === "circle" && !s.ringed)).map((s) => s.bbox);
  const usual = boxes.map((b) => b[3]).sort((a, b) => a - b)[boxes.length >> 1];
  for (const { members, bbox } of parts) {
    const [x, y, w, hh] = bbox;
    const onLine = (b: Box) => Math.abs(b[1] + b[3] / 2 - (y + hh / 2)) < 0.6 * b[3];
    const side = choices.find(onLine)?.[3] ?? (usual !== undefined && opensLine(dark, bbox, 4 * usual) ? usual : undefined);
    if (side === undefined || hh < 0.4 * side || hh > 1.3 * side || w < 0.4 * side || w > 1.3 * side) continue;
    if (taken.some((t) => overlap(t, bbox) > 0)) continue;
    // Typed just before a box, a tick is that box's answer (typedMarkBefore), not a mark of its own.
    if (boxes.some((b) => Math.abs(b[1] + b[3] / 2 - (y + hh / 2)) < 0.6 * b[3] && b[0] - (bbox[0] + w) >= 0 && b[0] - (bbox[0] + w) < b[2])) continue;
    if (isTick(members, bbox, dark.width) && !touchesNextLetter(dark, bbox, maxReach)) out.push({ bbox, shape: "tick", ink: INK.checked, centre: 0, checked: true, unsure: false });
  }
  return out;
}

/**
 * A tick typed before a box that Word wrapped to the end of the line above ("☐ ไม่มี ✓" over "☐ มี" in a narrow
 * table cell): a tick with nothing after it on its line, over an empty box that opens the next line, left of the
 * tick. It answers that box.
 */
function wrappedTicks(shapes: FoundShape[], dark: Mask): FoundShape[] {
  const answers = new Map<FoundShape, FoundShape>();
  for (const tick of shapes) {
    if (tick.shape !== "tick" || !endsLine(dark, tick.bbox, 1)) continue;
    const middle = tick.bbox[1] + tick.bbox[3] / 2;
    const below = shapes
      .filter((b) => b.shape === "box" && !b.checked && !answers.has(b) && b.bbox[0] < tick.bbox[0])
      .filter((b) => b.bbox[1] + b.bbox[3] / 2 - middle > 0.8 * b.bbox[3] && b.bbox[1] + b.bbox[3] / 2 - middle < 2.5 * b.bbox[3])
      .sort((a, b) => a.bbox[1] - b.bbox[1])[0];
    if (below && endsLine(dark, below.bbox, -1)) answers.set(below, tick);
  }
  const wrapped = new Set(answers.values());
  return shapes
    .filter((s) => !wrapped.has(s))
    .map((s) => {
      const tick = answers.get(s);
      return tick ? { ...s, tick: tick.bbox, ink: INK.checked, checked: true, unsure: false } : s;
    });
}

/** Nothing but paper (or a table's rule) for two of its widths on `side` of a shape: it ends (or opens) its line. */
function endsLine(dark: Mask, box: Box, side: -1 | 1): boolean {
  const { column, ruleAt } = columnsBeside(dark, box, side);
  for (let d = 3; d <= 2 * box[2] && !ruleAt(d); d++) if (column(d) === "ink") return false;
  return true;
}

/**
 * A mark typed between a choice's empty box or circle and its words ("○ ✔ มี", "○X ไม่มี", "☐ / มี") answers that
 * choice; the glyph's own shape, if it was found as a tick, is no mark of its own.
 */
function typedAfter(shapes: FoundShape[], dark: Mask): FoundShape[] {
  const glyphs: Box[] = [];
  const out = shapes.map((s) => {
    if (s.checked || s.ringed || s.shape === "tick") return s;
    const glyph = typedMarkAfter(dark, s.bbox);
    if (!glyph) return s;
    glyphs.push(glyph);
    return { ...s, tick: glyph, ink: INK.checked, checked: true, unsure: false };
  });
  return out.filter((s) => s.shape !== "tick" || !glyphs.some((g) => overlap(g, s.bbox) > 0));
}

/**
 * A single choice answered by a pen's ring round its ○ rather than a mark inside. The ring is looked for round each
 * empty circle in the ink that is neither the print's rules nor another mark. Where the ring touches the circle the
 * two are one shape, no circle: a circle of the page's usual size is looked for inside such shapes, and kept only with
 * a ring round it. A ringed circle's box becomes the ring's, so the characters OCR made of the ring ("(๐)", "©)")
 * are the mark's.
 */
function ringedByHand(gray: GrayImage, shapes: FoundShape[], parts: readonly { bbox: Box }[], dark: Mask, rh: Mask, rv: Mask): FoundShape[] {
  const circles = shapes.filter((s) => s.shape === "circle");
  if (!circles.length) return shapes;
  const diameters = circles.map((s) => (s.bbox[2] + s.bbox[3]) / 2).sort((a, b) => a - b);
  const usual = Math.round(diameters[diameters.length >> 1]!);
  const r = usual / 2;
  const hidden: FoundShape[] = [];
  for (const { bbox } of parts) {
    const [x, y, w, h] = bbox;
    // A ring clear of its circle holds the circle whole: it is looked for round that circle below.
    if (w < 1.3 * usual || h < 1.3 * usual || w > 4 * usual || h > 4 * usual || shapes.some((s) => boxWithin(s.bbox, bbox))) continue;
    const near = shapes.filter((s) => overlap(s.bbox, bbox) > 0);
    let best: { cx: number; cy: number; hits: number } | undefined;
    for (let cy = y + r; cy <= y + h - r; cy++) {
      for (let cx = x + r; cx <= x + w - r; cx++) {
        if (near.some((s) => overlap(s.bbox, [cx - 1, cy - 1, 2, 2]) > 0)) continue;
        const hits = ringHits(dark, cx, cy, r);
        if (hits >= RING_HITS && (!best || hits > best.hits)) best = { cx, cy, hits };
      }
    }
    if (!best) continue;
    const circle = judge(gray, [Math.round(best.cx - r), Math.round(best.cy - r), usual, usual], "circle");
    // Empty or filled, as printed: a round letter run into others has strokes across its middle.
    if (circle.centre <= 0.15 || circle.centre >= 0.85) hidden.push(circle);
  }
  const all = [...shapes, ...hidden];
  const ringed = (s: FoundShape): FoundShape | undefined => {
    // The pen's ink: not the table's rules (a ring may run across one), nor a mark's own ink — boxes and ticks to
    // their boxes, circles to their discs (a ring run into a circle stays by it).
    const [sx, sy, sw, sh] = s.bbox;
    const reach = 2 * Math.max(sw, sh);
    const others = all.filter((o) => overlap(o.bbox, [sx - reach, sy - reach, sw + 2 * reach, sh + 2 * reach]) > 0);
    const pen = (px: number, py: number) => {
      const i = py * dark.width + px;
      if (!dark.data[i] || rh.data[i] || rv.data[i]) return false;
      return !others.some(({ shape, bbox: [x, y, w, h] }) => {
        if (px < x - 1 || py < y - 1 || px > x + w || py > y + h) return false;
        return shape !== "circle" || (px - x - w / 2) ** 2 + (py - y - h / 2) ** 2 <= ((w + h) / 4 + 1) ** 2;
      });
    };
    const ring = ringAround(pen, dark, s.bbox);
    return ring && { ...s, bbox: ring, checked: true, unsure: false, ringed: true };
  };
  return [
    ...shapes.map((s) => (s.shape === "circle" && !s.checked && ringed(s)) || s),
    ...hidden.flatMap((s) => ringed(s) ?? []),
  ];
}

/**
 * The box of a pen's ring round a choice's shape: ink in most directions from its centre between a little outside
 * its outline (`pen` leaves out the marks' own ink) and three radii out — above and below it too, where print
 * beside a choice has none — most of it one smooth stroke round the shape: letters round a round letter are many
 * short pieces at their own distances. A faint pen breaks up in the scan, so the stroke is followed from direction
 * to direction by its distance from the centre, over a few directions without ink.
 */
function ringAround(pen: (x: number, y: number) => boolean, page: Mask, [x, y, w, h]: Box): Box | undefined {
  const [cx, cy, r] = [x + w / 2, y + h / 2, (w + h) / 4];
  const n = 48;
  const at: (readonly [number, number, number] | undefined)[] = [];
  for (let k = 0; k < n; k++) {
    const a = (k / n) * 2 * Math.PI;
    at.push(undefined);
    for (let d = r + 2; d <= 3 * r; d++) {
      const [px, py] = [Math.round(cx + d * Math.cos(a)), Math.round(cy + d * Math.sin(a))];
      if (px >= 0 && py >= 0 && px < page.width && py < page.height && pen(px, py)) {
        at[k] = [d, px, py];
        break;
      }
    }
  }
  // The share of directions above (-1) or below (1) the centre with ink.
  const inked = (side: -1 | 1) => {
    const ks = Array.from({ length: n }, (_, k) => k).filter((k) => side * Math.sin((k / n) * 2 * Math.PI) > 0.7);
    return ks.filter((k) => at[k]).length / ks.length;
  };
  if (at.filter(Boolean).length < 0.7 * n || inked(-1) < 0.6 || inked(1) < 0.6) return undefined;
  // The longest run of directions whose ink lies at about the same distance as the last inked one, round the circle.
  const step = Math.max(1.5, 0.2 * r);
  let best: number[] = [];
  for (let start = 0; start < n; start++) {
    if (!at[start]) continue;
    const run = [start];
    for (let k = start + 1, last = start; k < start + n && k - last <= 3; k++) {
      const here = at[k % n];
      if (here && Math.abs(here[0] - at[last % n]![0]) <= step * (k - last)) run.push(k % n), (last = k);
    }
    if (run.length > best.length) best = run;
    if (best.length === at.filter(Boolean).length) break;
  }
  if (best.length < 0.6 * n) return undefined;
  const points = best.map((k) => at[k]!);
  const [x0, y0] = [Math.min(x, ...points.map((p) => p[1])), Math.min(y, ...points.map((p) => p[2]))];
  const [x1, y1] = [Math.max(x + w, ...points.map((p) => p[1] + 1)), Math.max(y + h, ...points.map((p) => p[2] + 1))];
  return [x0, y0, x1 - x0, y1 - y0];
}

/** No ink but dust for `reach` pixels before the shape on its line: it is the first thing on the line. */
function opensLine(dark: Mask, [x, y, , h]: Box, reach: number): boolean {
  let ink = 0;
  for (let yy = y; yy < y + h; yy++) {
    const row = yy * dark.width;
    for (let xx = Math.max(0, Math.round(x - reach)); xx < x - 1; xx++) ink += dark.data[row + xx]!;
  }
  return ink <= h;
}

/**
 * A tick's shape: thin strokes (little of its box inked, a little more for a heavy ✔), the lowest ink (the point of
 * the V) left of the middle, and the highest ink on the right (the long arm), which still leans right further down.
 */
function isTick(members: Int32Array, [x, y, w, h]: Box, width: number): boolean {
  // A heavy tick (✔) inks more of its box, and is about as wide as it is tall.
  if (members.length > (w >= 0.8 * h ? 0.45 : 0.35) * w * h) return false;
  let [low, lowN, high, highN, upper, upperN] = [0, 0, 0, 0, 0, 0];
  for (const i of members) {
    const rx = ((i % width) - x) / w;
    const ry = (((i / width) | 0) - y) / h;
    if (ry >= 0.8) {
      low += rx;
      lowN++;
    } else if (ry < 0.2) {
      high += rx;
      highN++;
    } else if (ry < 0.5) {
      upper += rx;
      upperN++;
    }
  }
  // Below its top the long arm still leans right; a letter's stem ("โ", "ไ") stands on the left.
  return lowN > 0 && highN > 0 && low / lowN >= 0.1 && low / lowN <= 0.6 && high / highN > 0.6 && (upperN === 0 || upper / upperN > 0.5);
}

/** A box printed with a box inside (▣) or a ring round a disc (◉) is one mark: the outer one. */
function outermost(shapes: FoundShape[]): FoundShape[] {
  const inside = (a: Box, b: Box) => a !== b && boxWithin(a, b, 1);
  const kept = shapes.filter((s) => !shapes.some((o) => o !== s && inside(s.bbox, o.bbox)));
  // The inner shape's ink belongs to the outer one.
  return kept.map((s) => (shapes.some((o) => o !== s && inside(o.bbox, s.bbox)) ? { ...s, ink: Math.max(s.ink, INK.checked), checked: true, unsure: false } : s));
}

/**
 * Round letters of large print ("o", "e", "a" in a heading) pass for circles: a circle in the middle or at the end of
 * a word OCR read, or with ink across part of its middle (a letter's inner stroke), is a letter.
 */
function notLetters(shapes: FoundShape[], words: readonly OcrWord[], clearWords: readonly OcrWord[], dark: Mask): FoundShape[] {
  return shapes.filter((s) => {
    // A tick inside a word OCR read with confidence is one of its letters (โ of "โปรด", ี่ of "ที่") — unless it opens
    // the word and a space of paper follows it: OCR ran the answer's ✔ and the option's words together ("vd" for
    // "✔ มี").
    if (s.shape === "tick") {
      const apart = spaceAfter(dark, s.bbox);
      return !clearWords.some((word) => {
        const opens = word.bbox[0]! > s.bbox[0] - 0.3 * s.bbox[2];
        return word.confidence >= 0.8 && /\p{L}{2}/u.test(word.text) && overlap(word.bbox, s.bbox) > 0.5 * s.bbox[2] * s.bbox[3] && !(opens && apart);
      });
    }
    // A table's numbering cell ("1.", "2." under "ที่") is boxed by its row's rules: a box holding a number OCR read
    // with confidence is that cell, not a choice (a pen's tick is no digit and a dot).
    if (s.shape === "box") return !words.some((word) => NUMBERING.test(word.text) && word.confidence >= 0.8 && overlap(word.bbox, s.bbox) > 0.6 * word.bbox[2] * word.bbox[3]);
    if (s.shape !== "circle" || s.ringed) return true;
    // A letter's inner stroke ("e", "a") crosses part of the middle; a choice's circle is empty there, or full —
    // and no letter is a full disc ("el" OCR made of "● มี" is no word).
    if (s.centre > 0.15 && s.centre < 0.85) return false;
    if (s.centre >= 0.85) return true;
    const [x, , w] = s.bbox;
    return !words.some((word) => {
      const [wx = 0, , ww = 0] = word.bbox;
      const within = overlap(word.bbox, s.bbox) > 0.5 * s.bbox[2] * s.bbox[3];
      // OCR read the circle itself as the word's first character ("๐ไม่มี"), its box drawn a little to the left.
      const opensWord = /^[๐oO0○◯]/u.test(word.text) && wx > x - w;
      // Dust OCR ran into the circle (".@" for "·◉") is no word.
      const letters = [...word.text].filter((c) => /\p{L}/u.test(c)).length;
      return within && wx < x - 0.3 * w && !opensWord && letters >= 2 && wx + ww > x;
    });
  });
}

/** No ink for 0.4 of the shape's height after it on its line: a space, not the next letter of a word. */
function spaceAfter(dark: Mask, [x, y, w, h]: Box): boolean {
  const reach = Math.round(0.4 * h);
  for (let xx = x + w; xx < Math.min(dark.width, x + w + reach); xx++) {
    for (let yy = y; yy < y + h; yy++) if (dark.data[yy * dark.width + xx]) return false;
  }
  return true;
}

function bounds(members: Int32Array, width: number): Box {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const i of members) {
    const x = i % width;
    const y = (i / width) | 0;
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x);
    y1 = Math.max(y1, y);
  }
  return [x0, y0, x1 - x0 + 1, y1 - y0 + 1];
}

/**
 * Boxes printed one under another with no gap (large legacy fields line by line) touch and make one tall shape: it
 * is cut at the rows a straight line crosses from side to side, and each piece is a box of its own.
 */
function splitStacked(lines: Mask, bbox: Box, minSide: number, maxSide: number): Box[] {
  const [x, y, w, h] = bbox;
  if (w < minSide || w > maxSide || h < 1.5 * w || h > 12 * maxSide) return [bbox];
  const cuts: number[] = [];
  for (let yy = y; yy < y + h; yy++) {
    let run = 0;
    for (let xx = x; xx < x + w; xx++) run += lines.data[yy * lines.width + xx]!;
    if (run >= 0.8 * w && (cuts.length === 0 || yy - cuts.at(-1)! > 2)) cuts.push(yy);
    else if (run >= 0.8 * w) cuts[cuts.length - 1] = yy;
  }
  const pieces: Box[] = [];
  for (let k = 0; k + 1 < cuts.length; k++) pieces.push([x, cuts[k]!, w, cuts[k + 1]! - cuts[k]! + 1]);
  return pieces.length ? pieces : [bbox];
}

/**
 * The box within a shape that a pen stroke made larger: the two rows and the two columns with the longest straight
 * runs, a box's side apart.
 */
function squareIn(lines: Mask, [x, y, w, h]: Box, minSide: number, maxSide: number): Box | undefined {
  const longest = (from: number, step: number, count: number) => {
    let [best, run] = [0, 0];
    for (let k = 0, i = from; k < count; k++, i += step) {
      run = lines.data[i] ? run + 1 : 0;
      if (run > best) best = run;
    }
    return best;
  };
  const rows = Array.from({ length: h }, (_, k) => ({ at: y + k, run: longest((y + k) * lines.width + x, 1, w) }));
  const cols = Array.from({ length: w }, (_, k) => ({ at: x + k, run: longest(y * lines.width + x + k, lines.width, h) }));
  const pair = (runs: { at: number; run: number }[]) => {
    const sorted = [...runs].sort((a, b) => b.run - a.run);
    const first = sorted[0];
    if (!first || first.run < 0.7 * minSide) return undefined;
    const second = sorted.find((l) => Math.abs(l.at - first.at) >= minSide && Math.abs(l.at - first.at) <= maxSide && l.run >= 0.7 * first.run);
    return second && ([Math.min(first.at, second.at), Math.max(first.at, second.at)] as const);
  };
  const across = pair(rows);
  const down = pair(cols);
  if (!across || !down) return undefined;
  return [down[0], across[0], down[1] - down[0] + 1, across[1] - across[0] + 1];
}

/** Each side of the square is covered by straight ink along most of its length. */
function hasFourSides(lines: Mask, [x, y, w, h]: Box): boolean {
  const t = Math.max(1, Math.round(0.12 * Math.min(w, h)));
  const covered = (horizontal: boolean, at: number): number => {
    const len = horizontal ? w : h;
    let hit = 0;
    for (let k = 0; k < len; k++) {
      let any = false;
      for (let d = -t; d <= t && !any; d++) {
        const [cx, cy] = horizontal ? [x + k, at + d] : [at + d, y + k];
        if (cx >= 0 && cy >= 0 && cx < lines.width && cy < lines.height && lines.data[cy * lines.width + cx]) any = true;
      }
      if (any) hit++;
    }
    return hit / len;
  };
  return covered(true, y) > 0.8 && covered(true, y + h - 1) > 0.8 && covered(false, x) > 0.8 && covered(false, x + w - 1) > 0.8;
}

/**
 * Ink right before or after the shape, within a fifth of its width: a letter inside a word ("Office", "Practices"),
 * not a choice's box or circle, which print with a space on either side. A cell's rule beside a box at the start of
 * its cell is no letter: its ink runs on well above and below the shape (scanned rules are too broken and too grey
 * to be taken out whole beforehand).
 */
function touchesNextLetter(dark: Mask, [x, y, w, h]: Box, maxReach: number, sides: readonly (1 | -1)[] = [1, -1]): boolean {
  // A fifth of the box, but no further than a space of print: the words after a large box are not touching it.
  const reach = Math.max(2, Math.round(Math.min(0.2 * w, maxReach)));
  // Specks of dust are a pixel or two; a letter's stroke runs down a good part of the line.
  const need = Math.max(3, Math.round(0.25 * h));
  const inkNear = (xx: number, yy: number) => {
    for (let dx = -1; dx <= 1; dx++) {
      const cx = xx + dx;
      if (cx >= 0 && cx < dark.width && yy >= 0 && yy < dark.height && dark.data[yy * dark.width + cx]) return true;
    }
    return false;
  };
  // Unbroken for half the shape's height above it and below it (a line of text has gaps between its lines).
  const rule = (xx: number) => {
    let hit = 0;
    let rows = 0;
    for (const [from, to] of [[y - 0.5 * h, y], [y + h, y + 1.5 * h]] as const) {
      for (let yy = Math.round(from); yy < to; yy++, rows++) if (inkNear(xx, yy)) hit++;
    }
    return hit >= 0.9 * rows;
  };
  const [from, to] = [Math.round(y + 0.2 * h), y + 0.8 * h];
  for (const side of sides) {
    let count = 0;
    // Columns inked all along next to the side are more of the side (a thick or blurred line), not a letter.
    let ownSide = true;
    for (let d = 1; d <= reach; d++) {
      const xx = side > 0 ? x + w - 1 + d : x - d;
      if (xx < 0 || xx >= dark.width || rule(xx)) continue;
      let column = 0;
      for (let yy = from; yy < to; yy++) column += dark.data[yy * dark.width + xx]!;
      ownSide &&= column >= 0.9 * (to - from);
      if (!ownSide) count += column;
    }
    if (count >= need) return true;
  }
  return false;
}

/**
 * A tick, slash or cross typed just before an empty box ("✓□", "/□": how some offices answer in Word): one glyph no
 * wider than the box, with a space (or the cell's rule) before the glyph. A letter of a word has more letters before
 * it. Up to 0.6 of a box before it, any such glyph; up to a box's width ("✓ □" with a space typed), one of a mark's
 * shape. Typed after a box, a mark is read by typedMarkAfter.
 */
function typedMarkBefore(dark: Mask, box: Box): boolean {
  const glyph = glyphBeside(dark, box, -1, box[2], Math.max(3, Math.round(0.3 * box[2])));
  return glyph !== undefined && (glyph.gap <= 0.6 * box[2] || markShaped(glyph, dark.width));
}

/**
 * A tick, cross or slash typed right after an empty box or circle, before its words ("○X ไม่มี", "☐ ✓ มี"): one
 * glyph of a mark's shape less than the choice's width after it, a space after the glyph. Its box, or undefined.
 */
function typedMarkAfter(dark: Mask, box: Box): Box | undefined {
  const glyph = glyphBeside(dark, box, 1, box[2], 0);
  return glyph && markShaped(glyph, dark.width) ? glyph.box : undefined;
}

interface Glyph {
  box: Box;
  /** Columns from the box's side to the glyph's first ink. */
  gap: number;
  /** Its ink, as indices into the page. */
  members: Int32Array;
  /** Pieces of ink of some size: one for a typed mark (two where the scan broke a stroke), more for "A.1". */
  strokes: number;
}

/** A glyph's ink is a tick, a cross or a slash, of one stroke or two. */
function markShaped({ box, members, strokes }: Glyph, width: number): boolean {
  return strokes <= 2 && (isTick(members, box, width) || isCrossOrSlash(members, box, width));
}

/**
 * The one glyph standing beside a box on `side` (-1 before, 1 after), at most `maxGap` from it, with `clear` columns
 * of paper (or a table's rule) beyond it: its box, or undefined. The glyph is no wider than 1.3 boxes and half a box
 * high at least; a break inside it is allowed (a thin stroke the scan broke).
 */
function glyphBeside(dark: Mask, [x, y, w, h]: Box, side: -1 | 1, maxGap: number, clear: number): Glyph | undefined {
  const { column, ruleAt, top, bottom, ruled } = columnsBeside(dark, [x, y, w, h], side);
  // At most `maxGap` between the glyph and the box; the box's own blurred edge is no glyph.
  let d = 1;
  while (d <= 2 && column(d) === "ink") d++;
  while (d <= maxGap && column(d) === "blank") d++;
  if (d > maxGap || column(d) === "rule") return undefined;
  const start = d;
  const gapInside = Math.max(2, Math.round(0.15 * w));
  let blank = 0;
  for (; blank <= gapInside && d - start <= 2 * w; d++) blank = column(d) === "ink" ? 0 : blank + 1;
  const width = d - start - blank;
  if (width < 0.2 * w || width > 1.3 * w) return undefined;
  const x0 = side < 0 ? x - start - width + 1 : x + w - 1 + start;
  // The glyph's ink: the pieces in its columns that reach into the middle of the box's line (a letter of the line
  // above or below reaching into the columns is not the glyph's).
  const window: Mask = { width, height: bottom - top, data: new Uint8Array(width * (bottom - top)) };
  for (let yy = top; yy < bottom; yy++) {
    if (ruled.has(yy)) continue;
    for (let k = 0; k < width; k++) window.data[(yy - top) * width + k] = dark.data[yy * dark.width + x0 + k]!;
  }
  const [middleFrom, middleTo] = [y + 0.2 * h - top, y + 0.8 * h - top];
  const pieces = connectedComponents(window).members.filter((m) => m.some((i) => Math.floor(i / width) >= middleFrom && Math.floor(i / width) < middleTo));
  const members = Int32Array.from(pieces.flatMap((m) => Array.from(m, (i) => (top + Math.floor(i / width)) * dark.width + x0 + (i % width))));
  if (members.length === 0) return undefined;
  const glyph = bounds(members, dark.width);
  // A glyph stands at least half a box high, with the ink of a stroke that long; specks of dust side by side do not.
  if (glyph[3] < 0.5 * h || members.length < 0.8 * h) return undefined;
  for (let k = 0; k < clear && !ruleAt(d + k); k++) if (column(d + k) === "ink") return undefined;
  // Strokes are the pieces of some size; dots and dust are not.
  const largest = Math.max(...pieces.map((m) => m.length));
  return { box: glyph, gap: start, members, strokes: pieces.filter((m) => m.length >= 0.15 * largest).length };
}

/**
 * The columns beside a box on `side`, d = 1, 2, … away from it: "ink" (a glyph's, within the box's line), "rule" (a
 * table's upright rule, running on far above and below) or "blank". Rows a short table row's rules run along just
 * above and below the box are left out.
 */
function columnsBeside(dark: Mask, [x, y, w, h]: Box, side: -1 | 1) {
  const [top, bottom] = [Math.max(0, Math.round(y - 0.3 * h)), Math.min(dark.height, Math.round(y + 1.3 * h))];
  // A short table row's rules run just above and below its box: their rows are not a glyph beside the box.
  const [left, right] = side < 0 ? [x, Math.min(dark.width, x + 4 * w)] : [Math.max(0, x - 3 * w), x + w];
  const ruled = new Set<number>();
  for (let yy = top; yy < bottom && right - left >= w; yy++) {
    let on = 0;
    for (let xx = left; xx < right; xx++) on += dark.data[yy * dark.width + xx]!;
    if (on >= 0.9 * (right - left)) ruled.add(yy);
  }
  const column = (d: number): "ink" | "rule" | "blank" => {
    const xx = side < 0 ? x - d : x + w - 1 + d;
    if (xx < 0 || xx >= dark.width) return "blank";
    let ink = 0;
    let run = 0;
    let longest = 0;
    let all = 0;
    const [from, to] = [Math.max(0, Math.round(y - 0.8 * h)), Math.min(dark.height, Math.round(y + 1.8 * h))];
    for (let yy = from; yy < to; yy++) {
      const on = dark.data[yy * dark.width + xx]!;
      if (on && yy >= top && yy < bottom && !ruled.has(yy)) ink++;
      run = on ? run + 1 : 0;
      longest = Math.max(longest, run);
      all += on;
    }
    // A table's rule runs on from far above to far below (a faint one with breaks); a typed glyph stays within its
    // line.
    if (longest >= 2.2 * h || all >= 0.85 * (to - from)) return "rule";
    // A lone dark pixel is dust.
    return ink >= 2 ? "ink" : "blank";
  };
  // A rule's own blurred edge is part of it.
  const ruleAt = (d: number) => {
    const c = column(d);
    return c === "rule" || (c === "ink" && [1, 2].some((e) => column(d + e) === "rule"));
  };
  return { column, ruleAt, top, bottom, ruled };
}

/**
 * A cross (X, x) or a slash (/): its ink lies along its box's diagonals — both of them from end to end, or the rising
 * one alone on a glyph at least a third as wide as tall (a letter's upright stem is no slash). Round and upright
 * strokes of letters lie off them.
 */
function isCrossOrSlash(members: Int32Array, [x, y, w, h]: Box, width: number): boolean {
  if (w < 0.3 * h || w > 1.6 * h || members.length === 0) return false;
  const near = 0.2;
  const bands = [new Set<number>(), new Set<number>()];
  let on = 0;
  for (const i of members) {
    const rx = ((i % width) - x + 0.5) / w;
    const ry = (((i / width) | 0) - y + 0.5) / h;
    const band = Math.min(4, Math.floor(ry * 5));
    const falling = Math.abs(rx - ry) < near;
    const rising = Math.abs(rx + ry - 1) < near;
    if (falling) bands[0]!.add(band);
    if (rising) bands[1]!.add(band);
    if (falling || rising) on++;
  }
  if (on < 0.85 * members.length) return false;
  const along = (k: number) => bands[k]!.size >= 4;
  return (along(0) && along(1)) || (along(1) && w <= 1.1 * h);
}

/** Of 32 points round a circle of radius r, those with ink at or a little inside it (a ring or a disc). */
function ringHits(dark: Mask, cx: number, cy: number, r: number): number {
  let hit = 0;
  for (let k = 0; k < 32; k++) {
    const a = (k / 32) * 2 * Math.PI;
    let any = false;
    for (let d = 0.7; d <= 1.05 && !any; d += 0.05) {
      const x = Math.round(cx + d * r * Math.cos(a));
      const y = Math.round(cy + d * r * Math.sin(a));
      if (x >= 0 && y >= 0 && x < dark.width && y < dark.height && dark.data[y * dark.width + x]) any = true;
    }
    if (any) hit++;
    // Enough points missed: no ring here.
    if (k + 1 - hit > 32 - RING_HITS) return hit;
  }
  return hit;
}

/** The ink inside the outline (a margin of a fifth of the side left out), and what it says. */
function judge(gray: GrayImage, bbox: Box, shape: "box" | "circle"): FoundShape {
  const [x, y, w, h] = bbox;
  const m = Math.max(2, Math.round(0.22 * Math.min(w, h)));
  const inner = Math.max(1, Math.min(w, h) - 2 * m);
  let inked = 0;
  for (let yy = y + m; yy < y + h - m; yy++) {
    for (let xx = x + m; xx < x + w - m; xx++) {
      if (shape === "circle" && (xx - x - w / 2) ** 2 + (yy - y - h / 2) ** 2 > (Math.min(w, h) / 2 - m) ** 2) continue;
      if (gray.data[yy * gray.width + xx]! < INNER_DARK) inked++;
    }
  }
  const ink = inked / inner;
  let middle = 0;
  let middleInked = 0;
  const r = Math.min(w, h) / 6;
  for (let yy = Math.round(y + h / 2 - r); yy <= y + h / 2 + r; yy++) {
    for (let xx = Math.round(x + w / 2 - r); xx <= x + w / 2 + r; xx++) {
      middle++;
      if (gray.data[yy * gray.width + xx]! < INNER_DARK) middleInked++;
    }
  }
  return { bbox, shape, ink, centre: middle ? middleInked / middle : 0, checked: ink >= (INK.empty + INK.checked) / 2, unsure: ink > INK.empty && ink < INK.checked };
}

// ---------------------------------------------------------------------------------------------------------------
// Table rules.

export interface Rule {
  horizontal: boolean;
  at: number;
  from: number;
  to: number;
}

/** Straight dark runs longer than any box side, rows (and columns) next to each other joined into one rule. */
export function ruleSegments(dark: Mask, dpi: number): Rule[] {
  const min = Math.round((RULE_MIN * dpi) / 72);
  const gap = Math.max(1, Math.round(dpi / 100));
  const { width, height, data } = dark;
  // Dark runs (gaps of up to `gap` bridged) at least `min` long, as [line, from, to]; both passes go along memory.
  const across: [number, number, number][] = [];
  for (let y = 0; y < height; y++) {
    const row = data.subarray(y * width, (y + 1) * width);
    let [start, last] = [-1, -1];
    for (let i = row.indexOf(1); i !== -1; ) {
      let j = row.indexOf(0, i);
      if (j === -1) j = width;
      if (start >= 0 && i - last - 1 > gap) {
        if (last - start + 1 >= min) across.push([y, start, last]);
        start = -1;
      }
      if (start < 0) start = i;
      last = j - 1;
      i = j < width ? row.indexOf(1, j) : -1;
    }
    if (start >= 0 && last - start + 1 >= min) across.push([y, start, last]);
  }
  const down: [number, number, number][] = [];
  const start = new Int32Array(width).fill(-1);
  const last = new Int32Array(width).fill(-1);
  for (let y = 0; y <= height; y++) {
    for (let x = 0, i = y * width; x < width; x++, i++) {
      if (y < height && data[i]) {
        if (start[x]! < 0) start[x] = y;
        last[x] = y;
      } else if (start[x]! >= 0 && (y === height || y - last[x]! > gap)) {
        if (last[x]! - start[x]! + 1 >= min) down.push([x, start[x]!, last[x]!]);
        start[x] = -1;
      }
    }
  }
  down.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return [...joinRuns(across, true), ...joinRuns(down, false)];
}

/** Runs on neighbouring lines that mostly overlap are one rule (a rule is a few pixels thick). */
function joinRuns(runs: readonly [number, number, number][], horizontal: boolean): Rule[] {
  const growing: Rule[] = [];
  for (const [o, from, to] of runs) {
    const same = growing.find((r) => o - r.at <= 2 && Math.min(r.to, to) - Math.max(r.from, from) > 0.8 * Math.min(r.to - r.from, to - from));
    if (same) {
      same.at = o;
      same.from = Math.min(same.from, from);
      same.to = Math.max(same.to, to);
    } else growing.push({ horizontal, at: o, from, to });
  }
  return growing;
}

function rulePath(r: Rule, pt: number): DrawnPath {
  const [x0, y0, x1, y1] = r.horizontal ? [r.from, r.at, r.to, r.at] : [r.at, r.from, r.at, r.to];
  const points: [number, number][] = [
    [x0 * pt, y0 * pt],
    [x1 * pt, y1 * pt],
  ];
  return { paint: "stroke", lineWidth: pt, subpaths: [{ points, closed: false, curved: false }], bbox: [x0 * pt, y0 * pt, (x1 - x0) * pt, (y1 - y0) * pt] };
}

/** Box `a` lies within box `b`, give or take `slack` pixels. */
function boxWithin(a: Box, b: Box, slack = 0): boolean {
  return a[0] >= b[0] - slack && a[1] >= b[1] - slack && a[0] + a[2] <= b[0] + b[2] + slack && a[1] + a[3] <= b[1] + b[3] + slack;
}

function overlap(a: readonly number[], b: readonly number[]): number {
  const w = Math.min(a[0]! + a[2]!, b[0]! + b[2]!) - Math.max(a[0]!, b[0]!);
  const h = Math.min(a[1]! + a[3]!, b[1]! + b[3]!) - Math.max(a[1]!, b[1]!);
  return w > 0 && h > 0 ? w * h : 0;
}
