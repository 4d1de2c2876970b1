/**
 * The one table of what counts as a checkbox mark: Unicode glyphs and symbol-font characters (w:sym, or a
 * private-use U+F0xx / low-byte character typed in a Wingdings/Symbol run). Symbol codes follow the
 * dingbat-to-unicode table mammoth uses; a code not listed here is reported as unknown_symbol, never guessed.
 */
import type { Inline, Mark, MarkShape } from "./model.js";

export interface MarkInfo {
  checked: boolean;
  shape: MarkShape;
}

export type SymbolFont = "Wingdings" | "Wingdings 2" | "Wingdings 3" | "Webdings" | "Symbol";

interface MarkRow extends MarkInfo {
  glyphs: string;
  symbols: Partial<Record<SymbolFont, readonly number[]>>;
}

const MARK_TABLE: readonly MarkRow[] = [
  {
    checked: false,
    shape: "box",
    glyphs: "☐□◻◽⬜▢❏❐❑❒🞎🞏🞐🞑🞒🞓",
    symbols: { Wingdings: [0xa8, 0x6f, 0x70, 0x71, 0x72], "Wingdings 2": [0xa3, 0xa4, 0xa5, 0xa6], Webdings: [0x63] },
  },
  {
    // Ticked, crossed and filled boxes alike: the box was marked.
    checked: true,
    shape: "box",
    glyphs: "☑☒■▣◼◾⬛⊠⊡⌧⛝❎✅🗹🗷🗵⮽🞔🞕",
    symbols: {
      Wingdings: [0xfe, 0xfd, 0x78, 0x6e],
      "Wingdings 2": [0x52, 0x51, 0x53, 0x54, 0xa1, 0xa2, 0xa7, 0xa8, 0xa9],
      Webdings: [0x67],
    },
  },
  {
    checked: false,
    shape: "circle",
    glyphs: "○◯⚪❍⭘🞅🞆🞇🞈🞉🔾",
    symbols: { Wingdings: [0xa1, 0xa2, 0xa3, 0x6d], "Wingdings 2": [0x99, 0x9a, 0x9b, 0x9c] },
  },
  {
    checked: true,
    shape: "circle",
    glyphs: "◉●⦿⊙⊗⚫🞊",
    symbols: { Wingdings: [0xa4, 0x6c], "Wingdings 2": [0x98, 0x9d, 0x9e], Symbol: [0xc4] },
  },
  {
    checked: true,
    shape: "tick",
    // √ (square root) is what many Thai forms use as a tick.
    glyphs: "✓✔🗸√",
    symbols: { Wingdings: [0xfc], "Wingdings 2": [0x50], Webdings: [0x61], Symbol: [0xd6] },
  },
  {
    checked: true,
    shape: "cross",
    glyphs: "✗✘✕✖❌⨯🗴🗶",
    symbols: { Wingdings: [0xfb], "Wingdings 2": [0x4f] },
  },
];

const GLYPHS = new Map<string, MarkInfo>();
const SYMBOLS = new Map<string, MarkInfo>();
for (const row of MARK_TABLE) {
  const info: MarkInfo = { checked: row.checked, shape: row.shape };
  for (const glyph of row.glyphs) GLYPHS.set(glyph, info);
  for (const [font, codes] of Object.entries(row.symbols)) {
    for (const code of codes) SYMBOLS.set(`${font}:${code}`, info);
  }
}

const escapeClass = (ch: string): string => `\\u{${ch.codePointAt(0)!.toString(16)}}`;
/** Any mark glyph, with an optional emoji/text variation selector that belongs to it. */
export const MARK_GLYPH_RE = new RegExp(`[${[...GLYPHS.keys()].map(escapeClass).join("")}][\\uFE0E\\uFE0F]?`, "gu");

export function glyphMark(glyph: string): MarkInfo | undefined {
  return GLYPHS.get(glyph);
}

const SYMBOL_FONTS: ReadonlyMap<string, SymbolFont> = new Map(
  (["Wingdings", "Wingdings 2", "Wingdings 3", "Webdings", "Symbol"] as const).map((f) => [f.toLowerCase(), f]),
);

/** Every run asks; a document has only a handful of font names. */
const symbolFontMemo = new Map<string, SymbolFont | undefined>();

export function symbolFontOf(fontName: string | undefined): SymbolFont | undefined {
  if (fontName === undefined) return undefined;
  if (symbolFontMemo.has(fontName)) return symbolFontMemo.get(fontName);
  const font = SYMBOL_FONTS.get(fontName.trim().toLowerCase());
  if (symbolFontMemo.size < 1000) symbolFontMemo.set(fontName, font);
  return font;
}

/** code: the character code as the font sees it (0x20–0xFF; U+F0xx private-use codes are reduced to it). */
export function symbolMark(font: SymbolFont, code: number): MarkInfo | undefined {
  return SYMBOLS.get(`${font}:${code}`);
}

/**
 * A symbol-font code printed where the font's name is lost (LibreOffice prints Wingdings and Wingdings 2 alike
 * through OpenSymbol, keeping the U+F0xx code): the first symbol font, most used first, with a mark at that code.
 */
export function printedSymbolMark(code: number): { font: SymbolFont; info: MarkInfo } | undefined {
  for (const font of ["Wingdings", "Wingdings 2", "Webdings", "Symbol"] as const) {
    const info = symbolMark(font, code);
    if (info) return { font, info };
  }
  return undefined;
}

/** "Wingdings:F0FE": the form used in Mark.raw and warnings for symbol-font characters. */
export function symbolRaw(font: SymbolFont, code: number): string {
  return `${font}:F0${code.toString(16).toUpperCase().padStart(2, "0")}`;
}

const isEmptyTarget = (i: Inline | undefined): i is Mark =>
  i?.kind === "mark" && !i.checked && (i.shape === "box" || i.shape === "circle");
const isTickOrCross = (i: Inline | undefined): i is Mark =>
  i?.kind === "mark" && i.checked && (i.shape === "tick" || i.shape === "cross");
const isSpaces = (i: Inline | undefined): boolean => i?.kind === "text" && /^[ \u00a0]+$/.test(i.text);
/**
 * A typed X or tick right after a box: "☐ X", "□x ใช่", "☐v มี" (a "v" typed for a tick, or OCR's reading of a ✓) —
 * but not the start of a Latin word ("☐ Xerox", "☐ VPN") or of an option's code ("☐ A.1.1" as OCR may read it:
 * "/.1.1", "V.1").
 */
const TYPED_X = /^[ \u00a0]*([Xx×/vV✓✔√])(?![A-Za-z0-9/.,])/;
/** The same typed just before the box: "X ☐ มี", "/ □ เคย" (a lone letter or slash, not the end of a word). */
const TYPED_X_BEFORE = /(?:^|[ \u00a0\t])([Xx×/vV✓✔√])[ \u00a0]*$/;

function merged(first: Mark, second: Mark | string, box: Mark): Mark {
  const secondRaw = typeof second === "string" ? second : second.raw;
  const mark: Mark = { kind: "mark", checked: true, shape: box.shape, source: box.source, raw: `${first.raw}+${secondRaw}` };
  if (box.tag !== undefined) mark.tag = box.tag;
  if (box.box !== undefined) mark.box = box.box;
  return mark;
}

/**
 * Pairs an empty box or circle with a tick or cross typed right next to it ("□✓", "✓□", "☐ X", spaces allowed
 * between, nothing else) into one checked mark whose raw keeps both, e.g. "□+✓". A tick after the box wins over
 * one before it. The reader leaves this to the caller because a lone ✓ can also be the answer itself.
 */
export function resolveAdjacentMarks(inlines: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  for (let i = 0; i < inlines.length; i++) {
    const cur = inlines[i]!;
    if (!isEmptyTarget(cur)) {
      out.push(cur);
      continue;
    }
    const next = inlines[i + 1];
    if (isTickOrCross(next)) {
      out.push(merged(cur, next, cur));
      i += 1;
      continue;
    }
    const afterSpaces = inlines[i + 2];
    if (isSpaces(next) && isTickOrCross(afterSpaces)) {
      out.push(merged(cur, afterSpaces, cur));
      i += 2;
      continue;
    }
    if (next?.kind === "text") {
      const x = TYPED_X.exec(next.text);
      if (x) {
        out.push(merged(cur, x[1]!, cur));
        const rest = next.text.slice(x[0].length);
        if (rest !== "") out.push({ ...next, text: rest });
        i += 1;
        continue;
      }
    }
    // Tick before the box: it is still the last thing in `out` unless something consumed it.
    const prev = out[out.length - 1];
    const before = prev?.kind === "text" ? TYPED_X_BEFORE.exec(prev.text) : null;
    if (prev?.kind === "text" && before) {
      const rest = prev.text.slice(0, before.index + before[0].length - before[0].trimStart().length);
      if (rest === "") out.pop();
      else out[out.length - 1] = { ...prev, text: rest };
      out.push(merged(cur, before[1]!, cur));
      continue;
    }
    if (isTickOrCross(prev)) {
      out[out.length - 1] = merged(prev, cur, cur);
      continue;
    }
    if (isSpaces(prev) && isTickOrCross(out[out.length - 2])) {
      out.length -= 1;
      out[out.length - 1] = merged(out[out.length - 1] as Mark, cur, cur);
      continue;
    }
    out.push(cur);
  }
  return out.map((inline, i) => (isTickOrCross(inline) && namesTheMark(out[i - 1]) ? { kind: "text", text: inline.raw } : inline));
}

/**
 * A tick that an instruction shows rather than makes: "ทำเครื่องหมาย ✓ ลงในช่อง", "ใส่เครื่องหมาย √ หน้าข้อ".
 * It follows the word for "mark" (or "sign"), as text in the same paragraph.
 */
const MARK_WORD = /(?:เครื่องหมาย|สัญลักษณ์|mark)\s*["'“”‘’(]?\s*$/iu;
function namesTheMark(before: Inline | undefined): boolean {
  return before?.kind === "text" && MARK_WORD.test(before.text);
}
