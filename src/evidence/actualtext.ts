/**
 * /ActualText of marked-content sequences, in content-stream order. Producers that reorder Thai glyphs for display
 * (LibreOffice does for clusters such as ตั้ง) wrap them in `/Span <</ActualText (…)>> BDC … EMC` with the real
 * text; pdf.js reads the glyphs instead and its strings then carry misplaced or wrong marks. pdf.js does report each
 * BDC as a marked-content item, so the n-th BDC here pairs with its n-th one.
 */

/** One entry per BDC operator: its ActualText, or null when it has none. */
export function bdcActualTexts(content: Uint8Array): (string | null)[] {
  const out: (string | null)[] = [];
  const lexer = new Lexer(content);
  // Only the operand just before BDC (its property dictionary) is ever needed; the others are skipped unread.
  let last: Token | null = null;
  for (let token = lexer.next(); token !== undefined; token = lexer.next()) {
    if (typeof token !== "string") {
      last = token;
      continue;
    }
    if (token === "BDC") {
      const actual = last instanceof Map ? last.get("ActualText") : undefined;
      out.push(actual instanceof Uint8Array ? decodeTextString(actual) : null);
    } else if (token === "ID") {
      lexer.skipInlineImage();
    }
    last = null;
  }
  return out;
}

type Value = number | string | Uint8Array | Value[] | Map<string, Value> | { name: string };
/** An operator's name, a dictionary operand, or OTHER for an operand that was skipped. */
type Token = string | Map<string, Value> | typeof OTHER;
const OTHER = 0;

// Byte classes: content streams are megabytes on long forms, so the lexer looks bytes up in a table.
const WHITE = 1;
const DELIM = 2;
const CLASS = new Uint8Array(256);
for (const c of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) CLASS[c] = WHITE;
for (const c of [0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]) CLASS[c] = DELIM;
const ESCAPES: Record<number, number> = { 0x6e: 10, 0x72: 13, 0x74: 9, 0x62: 8, 0x66: 12 };

class Lexer {
  private i = 0;
  constructor(private readonly b: Uint8Array) {}

  /** The next operator or operand; strings, arrays, names and numbers outside dictionaries are skipped, not built. */
  next(): Token | undefined {
    this.skipSpace();
    const b = this.b;
    if (this.i >= b.length) return undefined;
    const c = b[this.i]!;
    if (c === 0x3c && b[this.i + 1] === 0x3c) return this.dict();
    if (c === 0x28 || c === 0x3c || c === 0x5b || c === 0x2f) {
      this.skipValue();
      return OTHER;
    }
    if (CLASS[c] === DELIM) {
      this.i++;
      return OTHER;
    }
    const start = this.i;
    this.skipWord();
    // Numbers start with a digit, a sign or a point; anything else is an operator.
    return (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e ? OTHER : String.fromCharCode(...this.b.subarray(start, this.i));
  }

  /** After the ID operator: binary image data up to whitespace + EI + whitespace. */
  skipInlineImage(): void {
    const b = this.b;
    for (this.i++; this.i + 2 < b.length; this.i++) {
      if (CLASS[b[this.i]!] === WHITE && b[this.i + 1] === 0x45 && b[this.i + 2] === 0x49 && (this.i + 3 >= b.length || CLASS[b[this.i + 3]!] === WHITE)) {
        this.i += 3;
        return;
      }
    }
    this.i = b.length;
  }

  private skipSpace(): void {
    const b = this.b;
    while (this.i < b.length) {
      const c = b[this.i]!;
      if (CLASS[c] === WHITE) this.i++;
      else if (c === 0x25) while (this.i < b.length && b[this.i] !== 0x0a && b[this.i] !== 0x0d) this.i++;
      else return;
    }
  }

  private skipWord(): void {
    const b = this.b;
    const start = this.i;
    while (this.i < b.length && CLASS[b[this.i]!] === 0) this.i++;
    if (this.i === start) this.i++;
  }

  private skipValue(): void {
    const b = this.b;
    const c = b[this.i]!;
    if (c === 0x28) this.literal(false);
    else if (c === 0x3c && b[this.i + 1] === 0x3c) this.dict();
    else if (c === 0x3c) {
      while (this.i < b.length && b[this.i] !== 0x3e) this.i++;
      this.i++;
    } else if (c === 0x5b) {
      this.i++;
      for (;;) {
        this.skipSpace();
        if (this.i >= b.length) return;
        if (b[this.i] === 0x5d) break;
        this.skipValue();
      }
      this.i++;
    } else {
      if (c === 0x2f || CLASS[c] === DELIM) this.i++;
      this.skipWord();
    }
  }

  private value(): Value | undefined {
    this.skipSpace();
    const b = this.b;
    if (this.i >= b.length) return undefined;
    const c = b[this.i]!;
    if (c === 0x28) return this.literal(true);
    if (c === 0x3c && b[this.i + 1] === 0x3c) return this.dict();
    if (c === 0x3c) return this.hex();
    if (c === 0x5b) {
      this.i++;
      const items: Value[] = [];
      for (;;) {
        this.skipSpace();
        if (this.i >= b.length || b[this.i] === 0x5d) break;
        const v = this.value();
        if (v !== undefined) items.push(v);
      }
      this.i++;
      return items;
    }
    if (c === 0x2f) {
      this.i++;
      return { name: this.word() };
    }
    if (CLASS[c] === DELIM) {
      this.i++;
      return this.value();
    }
    const word = this.word();
    const n = Number(word);
    return Number.isFinite(n) ? n : word;
  }

  private word(): string {
    const start = this.i;
    this.skipWord();
    return String.fromCharCode(...this.b.subarray(start, this.i));
  }

  /** A literal string from its "(", unescaped when kept (nested parentheses balance, "\)" does not close). */
  private literal(keep: boolean): Uint8Array {
    const b = this.b;
    const out: number[] = [];
    let depth = 1;
    for (this.i++; this.i < b.length; this.i++) {
      const c = b[this.i]!;
      if (c === 0x5c) {
        const e = b[++this.i]!;
        if (!keep) continue;
        if (ESCAPES[e] !== undefined) out.push(ESCAPES[e]);
        else if (e >= 0x30 && e <= 0x37) {
          let octal = e - 0x30;
          for (let k = 0; k < 2 && b[this.i + 1]! >= 0x30 && b[this.i + 1]! <= 0x37; k++) octal = octal * 8 + (b[++this.i]! - 0x30);
          out.push(octal & 0xff);
        } else if (e !== 0x0a && e !== 0x0d) out.push(e);
        continue;
      }
      if (c === 0x28) depth++;
      if (c === 0x29 && --depth === 0) {
        this.i++;
        break;
      }
      if (keep) out.push(c);
    }
    return Uint8Array.from(out);
  }

  private hex(): Uint8Array {
    const b = this.b;
    const out: number[] = [];
    let high = -1;
    for (this.i++; this.i < b.length && b[this.i] !== 0x3e; this.i++) {
      const d = hexDigit(b[this.i]!);
      if (d < 0) continue;
      if (high < 0) high = d;
      else {
        out.push(high * 16 + d);
        high = -1;
      }
    }
    if (high >= 0) out.push(high * 16);
    this.i++;
    return Uint8Array.from(out);
  }

  private dict(): Map<string, Value> {
    const b = this.b;
    const map = new Map<string, Value>();
    this.i += 2;
    for (;;) {
      this.skipSpace();
      if (this.i >= b.length) break;
      if (b[this.i] === 0x3e && b[this.i + 1] === 0x3e) {
        this.i += 2;
        break;
      }
      const key = this.value();
      const value = this.value();
      if (key && typeof key === "object" && "name" in key && value !== undefined) map.set(key.name, value);
    }
    return map;
  }
}

function hexDigit(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

/** PDF text strings: UTF-16BE with a BOM, UTF-8 with a BOM (PDF 2.0), else PDFDocEncoding (Latin-1 for text). */
export function decodeTextString(bytes: Uint8Array): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    let s = "";
    for (let k = 2; k + 1 < bytes.length; k += 2) s += String.fromCharCode((bytes[k]! << 8) | bytes[k + 1]!);
    return s;
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder().decode(bytes.subarray(3));
  return String.fromCharCode(...bytes);
}
