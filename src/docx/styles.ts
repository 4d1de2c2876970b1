/**
 * The little the reader needs from styles.xml: style names, numbering inherited from paragraph styles, and run
 * fonts inherited from styles (a Wingdings character style turns "þ" into a ticked box).
 */
import { SaxesParser } from "saxes";
import { NamespaceScopes, toInt } from "./ns.js";

export interface RunFonts {
  ascii?: string;
  hAnsi?: string;
  cs?: string;
  eastAsia?: string;
}

interface StyleDef {
  name?: string;
  basedOn?: string;
  numId?: number;
  level?: number;
  fonts?: RunFonts;
}

const FONT_SLOTS = ["ascii", "hAnsi", "cs", "eastAsia"] as const;
/** basedOn chains are short; the cap only stops cycles in a broken file. */
const MAX_CHAIN = 32;

export class Styles {
  /** Runs share a handful of style pairs; resolving each pair once keeps the per-run cost flat. */
  private readonly fontCache = new Map<string, RunFonts>();

  constructor(private readonly defs: ReadonlyMap<string, StyleDef> = new Map()) {}

  name(styleId: string): string | undefined {
    return this.defs.get(styleId)?.name;
  }

  numbering(styleId: string): { numId: number; level: number } | undefined {
    let numId: number | undefined;
    let level: number | undefined;
    for (const def of this.chain(styleId)) {
      numId ??= def.numId;
      level ??= def.level;
    }
    return numId === undefined ? undefined : { numId, level: level ?? 0 };
  }

  /** Fonts a run gets from its character style, then its paragraph style, slot by slot. */
  fonts(charStyleId: string | undefined, paraStyleId: string | undefined): RunFonts {
    const key = `${charStyleId ?? ""}\u0000${paraStyleId ?? ""}`;
    const cached = this.fontCache.get(key);
    if (cached) return cached;
    const out: RunFonts = {};
    this.fontCache.set(key, out);
    for (const id of [charStyleId, paraStyleId]) {
      if (id === undefined) continue;
      for (const def of this.chain(id)) {
        for (const slot of FONT_SLOTS) out[slot] ??= def.fonts?.[slot];
      }
    }
    return out;
  }

  private *chain(styleId: string): Generator<StyleDef> {
    let id: string | undefined = styleId;
    for (let depth = 0; id !== undefined && depth < MAX_CHAIN; depth++) {
      const def = this.defs.get(id);
      if (!def) return;
      yield def;
      id = def.basedOn;
    }
  }
}

export function parseStyles(xml: string): Styles {
  const defs = new Map<string, StyleDef>();
  const parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
  const ns = new NamespaceScopes();
  let depth = 0;
  let current: StyleDef | undefined;
  let inPPr = 0;
  let inRPr = 0;
  parser.on("opentag", (tag) => {
    ns.enter(tag.attributes, depth++);
    const name = ns.qualify(tag.name);
    const val = (): string | undefined => ns.attr(tag.attributes, "w:val");
    if (name === "w:style") {
      const id = ns.attr(tag.attributes, "w:styleId");
      current = {};
      if (id !== undefined && !defs.has(id)) defs.set(id, current);
      return;
    }
    if (!current) return;
    switch (name) {
      case "w:name":
        current.name = val();
        break;
      case "w:basedOn":
        current.basedOn = val();
        break;
      case "w:pPr":
        inPPr++;
        break;
      case "w:rPr":
        inRPr++;
        break;
      case "w:numId":
        if (inPPr) current.numId = toInt(val());
        break;
      case "w:ilvl":
        if (inPPr) current.level = toInt(val());
        break;
      case "w:rFonts":
        if (inRPr && !inPPr) {
          const fonts: RunFonts = {};
          for (const slot of FONT_SLOTS) {
            const font = ns.attr(tag.attributes, `w:${slot}`);
            if (font !== undefined) fonts[slot] = font;
          }
          current.fonts = fonts;
        }
        break;
    }
  });
  parser.on("closetag", (tag) => {
    const name = ns.qualify(tag.name);
    ns.leave(--depth);
    if (name === "w:style") current = undefined;
    else if (name === "w:pPr") inPPr--;
    else if (name === "w:rPr") inRPr--;
  });
  parser.write(xml).close();
  return new Styles(defs);
}
