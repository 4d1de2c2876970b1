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
  const operands: Value[] = [];
  for (let token = lexer.next(); token !== undefined; token = lexer.next()) {
    if (token.kind !== "op") {
      operands.push(token.value);
      continue;
    }
    if (token.value === "BDC") {
      const props = operands[operands.length - 1];
      const actual = props instanceof Map ? props.get("ActualText") : undefined;
      out.push(actual instanceof Uint8Array ? decodeTextString(actual) : null);
    } else if (token.value === "ID") {
      lexer.skipInlineImage();
    }
    operands.length = 0;
  }
  return out;
}

type Value = number | string | Uint8Array | Value[] | Map<string, Value> | { name: string };
type Token = { kind: "value"; value: Value } | { kind: "op"; value: string };

const WHITE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIM = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);

class Lexer {
  private i = 0;
  constructor(private readonly b: Uint8Array) {}

  next(): Token | undefined {
    const value = this.value();
    if (value === undefined) return undefined;
    return typeof value === "object" && value !== null && "op" in value ? { kind: "op", value: value.op } : { kind: "value", value: value as Value };
  }

  /** After the ID operator: binary image data up to whitespace + EI + whitespace. */
  skipInlineImage(): void {
    const b = this.b;
    for (this.i++; this.i + 2 < b.length; this.i++) {
      if (WHITE.has(b[this.i]!) && b[this.i + 1] === 0x45 && b[this.i + 2] === 0x49 && (this.i + 3 >= b.length || WHITE.has(b[this.i + 3]!))) {
        this.i += 3;
        return;
      }
    }
    this.i = b.length;
  }

  private skipSpace(): void {
    const b = this.b;
    while (this.i < b.length) {
      if (WHITE.has(b[this.i]!)) this.i++;
      else if (b[this.i] === 0x25) while (this.i < b.length && b[this.i] !== 0x0a && b[this.i] !== 0x0d) this.i++;
      else return;
    }
  }

  private value(): Value | { op: string } | undefined {
    this.skipSpace();
    const b = this.b;
    if (this.i >= b.length) return undefined;
    const c = b[this.i]!;
    if (c === 0x28) return this.literal();
    if (c === 0x3c && b[this.i + 1] === 0x3c) return this.dict();
    if (c === 0x3c) return this.hex();
    if (c === 0x5b) {
      this.i++;
      const items: Value[] = [];
      for (;;) {
        this.skipSpace();
        if (this.i >= b.length || b[this.i] === 0x5d) break;
        const v = this.value();
        if (v === undefined || (typeof v === "object" && "op" in v)) continue;
        items.push(v as Value);
      }
      this.i++;
      return items;
    }
    if (c === 0x2f) {
      this.i++;
      return { name: this.word() };
    }
    if (c === 0x3e || c === 0x5d || c === 0x29 || c === 0x7b || c === 0x7d) {
      this.i++;
      return this.value();
    }
    const word = this.word();
    const n = Number(word);
    return word !== "" && Number.isFinite(n) ? n : { op: word };
  }

  private word(): string {
    const b = this.b;
    const start = this.i;
    while (this.i < b.length && !WHITE.has(b[this.i]!) && !DELIM.has(b[this.i]!)) this.i++;
    if (this.i === start) this.i++;
    return String.fromCharCode(...b.subarray(start, this.i));
  }

  private literal(): Uint8Array {
    const b = this.b;
    const out: number[] = [];
    let depth = 1;
    for (this.i++; this.i < b.length; this.i++) {
      const c = b[this.i]!;
      if (c === 0x5c) {
        const e = b[++this.i]!;
        const simple: Record<number, number> = { 0x6e: 10, 0x72: 13, 0x74: 9, 0x62: 8, 0x66: 12 };
        if (simple[e] !== undefined) out.push(simple[e]);
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
      out.push(c);
    }
    return Uint8Array.from(out);
  }

  private hex(): Uint8Array {
    const b = this.b;
    let digits = "";
    for (this.i++; this.i < b.length && b[this.i] !== 0x3e; this.i++) {
      if (!WHITE.has(b[this.i]!)) digits += String.fromCharCode(b[this.i]!);
    }
    this.i++;
    if (digits.length % 2) digits += "0";
    return Uint8Array.from(digits.match(/../g) ?? [], (h) => parseInt(h, 16));
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
      if (key && typeof key === "object" && "name" in key && value !== undefined && !(typeof value === "object" && "op" in value)) {
        map.set(key.name, value as Value);
      }
    }
    return map;
  }
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
