/**
 * word/document.xml → the document model, in one streaming pass with saxes (no DOM). Every element pushes a
 * "mode" that says how its children are read (normal content, skipped, drawing internals, or one of the property
 * blocks); text is gathered in arrays and joined once per inline, so split runs cost nothing extra.
 */
import { readerWarning } from "./messages.js";
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { docxError } from "./errors.js";
import { MARK_GLYPH_RE, glyphMark, symbolFontOf, symbolMark, symbolRaw, type MarkInfo, type SymbolFont } from "./marks.js";
import type {
  Block,
  CellPath,
  ContentControlText,
  DocxDocument,
  Inline,
  Mark,
  MarkSource,
  Message,
  Paragraph,
  Result,
  Table,
  TableCell,
  TableRow,
  Text,
} from "./model.js";
import { formatLocation } from "./model.js";
import { NS_PREFIX, NamespaceScopes, onOff, toInt } from "./ns.js";
import { openDocx, type ZipLimits } from "./open.js";
import { Styles, parseStyles, type RunFonts } from "./styles.js";

export interface ReadOptions {
  limits?: Partial<ZipLimits>;
}

/**
 * Reads a .docx into the model. Throws DocxError only when nothing usable is left (see open.ts for the container
 * errors); everything else — unknown elements and symbols, damaged styles, XML that breaks off midway — comes back
 * as messages next to what could be read.
 */
export function readDocx(bytes: Uint8Array, fileName: string, options: ReadOptions = {}): Result<DocxDocument> {
  const pkg = openDocx(bytes, fileName, options.limits);
  const messages: Message[] = [...pkg.warnings];

  let styles = new Styles();
  try {
    const stylesPart = pkg.related(pkg.mainPart, "styles");
    if (stylesPart !== undefined && pkg.has(stylesPart)) styles = parseStyles(pkg.readText(stylesPart));
  } catch (error) {
    messages.push(readerWarning("styles_unreadable", { detail: (error as Error).message }));
  }

  const reader = new BodyReader(styles, messages);
  let failure: ReturnType<BodyReader["read"]>;
  try {
    failure = reader.read(pkg.readText(pkg.mainPart));
  } catch (error) {
    if (error instanceof TooDeepError) throw docxError.tooDeep(fileName, MAX_TABLE_DEPTH);
    throw error;
  }
  if (failure !== undefined) {
    if (reader.blocks.length === 0) throw docxError.malformedXml(fileName, pkg.mainPart, failure.message);
    // A damaged document is an error, not a quiet partial answer; what was read goes along to say how far it got.
    throw docxError.damaged(fileName, pkg.mainPart, failure.message, { blocks: reader.blocks, warnings: messages });
  }
  return { value: { blocks: reader.blocks, warnings: messages }, messages };
}

/** Tables inside tables inside tables…: deeper than this is not a form someone filled in. */
export const MAX_TABLE_DEPTH = 32;

class TooDeepError extends Error {}

/** How the children of an element are read. */
const enum Mode {
  Normal,
  Skip,
  /** Inside w:drawing / w:pict: only w:txbxContent matters, the rest is shape geometry. */
  Graphic,
  PPr,
  RPr,
  TcPr,
  TrPr,
  SdtPr,
  FfData,
}

/** Read past silently: formatting, bookkeeping and markers that carry no page content. */
const IGNORED = new Set([
  "w:proofErr",
  "w:bookmarkStart",
  "w:bookmarkEnd",
  "w:lastRenderedPageBreak",
  "w:sectPr",
  "w:tblPr",
  "w:tblGrid",
  "w:tblPrEx",
  "w:permStart",
  "w:permEnd",
  "w:commentRangeStart",
  "w:commentRangeEnd",
  "w:commentReference",
  "w:footnoteReference",
  "w:endnoteReference",
  "w:annotationRef",
  "w:footnoteRef",
  "w:endnoteRef",
  "w:separator",
  "w:continuationSeparator",
  "w:moveFromRangeStart",
  "w:moveFromRangeEnd",
  "w:moveToRangeStart",
  "w:moveToRangeEnd",
  "w:customXmlInsRangeStart",
  "w:customXmlInsRangeEnd",
  "w:customXmlDelRangeStart",
  "w:customXmlDelRangeEnd",
  "w:customXmlMoveFromRangeStart",
  "w:customXmlMoveFromRangeEnd",
  "w:customXmlMoveToRangeStart",
  "w:customXmlMoveToRangeEnd",
  "w:softHyphen",
  "w:sdtEndPr",
  "w:smartTagPr",
  "w:customXmlPr",
  "w:background",
  "w:pgNum",
  "w:contentPart",
  // Field codes: Word shows the field's result, never its instructions.
  "w:instrText",
  "w:delInstrText",
  // Deleted and moved-away text is not on the page.
  "w:del",
  "w:delText",
  "w:moveFrom",
]);

/** Containers whose content is read as if they were not there. */
const TRANSPARENT = new Set([
  "w:document",
  "w:body",
  "w:hyperlink",
  "w:ins",
  "w:moveTo",
  "w:smartTag",
  "w:customXml",
  "w:dir",
  "w:bdo",
  "w:fldSimple",
]);

/** MCE Requires prefixes we can honour: every namespace the reader knows. */
const UNDERSTOOD = new Set(NS_PREFIX.keys());

/** Symbol-font characters that are plain text in the Symbol font (digits and ASCII punctuation map to themselves). */
const SYMBOL_FONT_PLAIN = /^[0-9 !#%&()+,./:;<=>?[\]_{|}]$/;

const MAX_SYMBOL_WARNINGS = 100;

const SYMBOL_PRIVATE_USE = /[\uf000-\uf0ff]/;

interface RunState {
  fonts?: RunFonts;
  rStyle?: string;
  underline?: boolean;
  strike?: boolean;
  hidden?: boolean;
  highlight?: string;
  shading?: string;
  /** Filled on first use, after w:rPr has been read. */
  resolved?: { key: string; font?: string; symbolFont?: SymbolFont };
}

interface Control {
  tag: string;
  control: ContentControlText["control"];
  placeholder: boolean;
  date?: string;
}

interface ParaState {
  p: Paragraph;
  container: Block[];
  /** Text-box blocks anchored in this paragraph; they follow it in reading order. */
  deferred: Block[];
  numId?: number;
  level?: number;
  run: RunState;
  controls: Control[];
  parts: string[];
  partsRun: RunState | undefined;
  partsKey: string | undefined;
  partsControl: Control | undefined;
}

interface TableState {
  table: Table;
  row: TableRow | undefined;
  cell: TableCell | undefined;
  column: number;
}

interface SdtState {
  tag?: string;
  alias?: string;
  placeholder: boolean;
  control: Control["control"];
  date?: string;
  checkbox: boolean;
  checkedRaw?: string;
  stateGlyph?: { font?: string; code?: string };
  pushedControl?: ParaState;
  pushedBlock?: boolean;
  suppressing?: boolean;
}

interface FieldState {
  /** Counted in hiddenDepth: still in its instructions, or a checkbox/dropdown whose result is not text. */
  hidden: boolean;
  kind: "other" | "checkbox" | "dropdown" | "text";
  ff?: FormFieldData;
  control?: { ps: ParaState; control: Control };
}

interface FormFieldData {
  name?: string;
  section?: "checkBox" | "ddList" | "textInput";
  checkBox: boolean;
  textInput: boolean;
  ddList: boolean;
  /** null: the element was there without w:val, which means "on". */
  checked?: string | null;
  checkDefault?: string | null;
  ddEntries: string[];
  ddResult?: string;
  ddDefault?: string;
}

class XmlSyntaxError extends Error {}

const GRAPHIC_INTEREST = /(?:txbxContent|AlternateContent|Choice|Fallback)$/;

/** Name recorded for elements inside a skipped subtree, which are never looked at (not even their namespaces). */
const UNSEEN = "\u0000";

const enum Ctx {
  Block,
  Inline,
}

class BodyReader {
  readonly blocks: Block[] = [];
  private readonly containers: Block[][] = [this.blocks];
  private readonly ctx: Ctx[] = [Ctx.Block];
  private readonly paras: ParaState[] = [];
  private readonly tables: TableState[] = [];
  private readonly fields: FieldState[] = [];
  private readonly sdts: SdtState[] = [];
  private readonly blockControls: SdtState[] = [];
  private readonly acChosen: boolean[] = [];
  private readonly modes: Mode[] = [];
  private readonly names: string[] = [];
  private pendingBlockMarks: Mark[] = [];
  private ff: FormFieldData | undefined;
  /** Fields whose text is not shown (instructions, checkbox results). */
  private hiddenDepth = 0;
  private suppressMarks = 0;
  private textBoxDepth = 0;
  private inText = false;
  private paraCount = 0;
  private tableCount = 0;
  private symbolWarnings = 0;
  /** U+F0xx characters met in runs whose font is not a symbol font, counted for one message per document. */
  private readonly textFontSymbols = { count: 0, fonts: new Set<string>() };
  private readonly unknown = new Map<string, { count: number; location: string }>();
  private readonly ns = new NamespaceScopes();

  constructor(
    private readonly styles: Styles,
    private readonly messages: Message[],
  ) {}

  /** Returns the parse failure, if any; what was read before it stays in `blocks`. */
  read(xml: string): { message: string; location: string } | undefined {
    const parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
    parser.on("opentag", (tag) => this.open(tag));
    parser.on("closetag", () => this.close());
    parser.on("text", (text) => {
      if (this.inText) this.text(text);
    });
    parser.on("cdata", (text) => {
      if (this.inText) this.text(text);
    });
    // Stop at the first well-formedness error instead of letting saxes guess its way through the rest.
    parser.on("error", (error) => {
      throw new XmlSyntaxError(error.message);
    });
    let failure: { message: string; location: string } | undefined;
    try {
      parser.write(xml).close();
    } catch (error) {
      if (!(error instanceof XmlSyntaxError)) throw error;
      failure = { message: error.message, location: this.location() };
      while (this.paras.length > 0) this.closeParagraph();
    }
    this.reportUnknown();
    return failure;
  }

  // ── element dispatch ──────────────────────────────────────────────────────────────────────────────────────

  private open(tag: SaxesTagPlain): void {
    const depth = this.modes.length;
    const parent = depth > 0 ? this.modes[depth - 1]! : Mode.Normal;
    // Nothing in a skipped subtree is looked at, not even its namespace declarations.
    if (parent === Mode.Skip) {
      this.modes.push(Mode.Skip);
      this.names.push(UNSEEN);
      return;
    }
    this.ns.enter(tag.attributes, depth);
    // Drawing internals are many elements and never content: only text boxes and MCE branches get a name.
    if (parent === Mode.Graphic && !GRAPHIC_INTEREST.test(tag.name)) {
      this.modes.push(Mode.Graphic);
      this.names.push("");
      return;
    }
    const name = this.ns.qualify(tag.name);
    let mode: Mode;
    switch (parent) {
      case Mode.Normal:
        mode = this.openNormal(name, tag);
        break;
      case Mode.Graphic:
        if (name === "w:txbxContent") {
          mode = this.openNormal(name, tag);
        } else if (name === "mc:AlternateContent") {
          this.acChosen.push(false);
          mode = Mode.Graphic;
        } else if (name === "mc:Choice" || name === "mc:Fallback") {
          // The same one-branch rule as in text, or a grouped text box would be read twice.
          mode = this.openAlternative(name, tag) === Mode.Skip ? Mode.Skip : Mode.Graphic;
        } else {
          mode = Mode.Graphic;
        }
        break;
      case Mode.PPr:
        mode = this.openPPr(name, tag);
        break;
      case Mode.RPr:
        mode = this.openRPr(name, tag);
        break;
      case Mode.TcPr:
        mode = this.openTcPr(name, tag);
        break;
      case Mode.TrPr:
        if (name === "w:gridBefore") {
          const t = this.tables[this.tables.length - 1];
          if (t) t.column = toInt(this.attr(tag, "w:val")) ?? 0;
        }
        mode = Mode.Skip;
        break;
      case Mode.SdtPr:
        mode = this.openSdtPr(name, tag);
        break;
      case Mode.FfData:
        mode = this.openFfData(name, tag);
        break;
    }
    this.modes.push(mode);
    this.names.push(name);
  }

  private close(): void {
    const mode = this.modes.pop();
    const name = this.names.pop()!;
    const depth = this.modes.length;
    if (name === UNSEEN) return;
    this.ns.leave(depth);
    if (mode === Mode.Skip || name === "") return;
    const parent = depth > 0 ? this.modes[depth - 1]! : Mode.Normal;
    if (parent === Mode.FfData) {
      if (this.ff && (name === "w:checkBox" || name === "w:ddList" || name === "w:textInput")) this.ff.section = undefined;
      return;
    }
    if (parent !== Mode.Normal && parent !== Mode.Graphic) return;
    switch (name) {
      case "w:p":
        this.closeParagraph();
        break;
      case "w:t":
        this.inText = false;
        break;
      case "w:tc": {
        const t = this.tables[this.tables.length - 1];
        if (t?.cell) t.column += t.cell.gridSpan ?? 1;
        this.containers.pop();
        this.ctx.pop();
        break;
      }
      case "w:tbl":
        this.tables.pop();
        break;
      case "w:txbxContent":
        this.containers.pop();
        this.ctx.pop();
        this.textBoxDepth--;
        break;
      case "w:fldChar":
        this.closeFldChar();
        break;
      case "w:sdtContent": {
        const sdt = this.sdts[this.sdts.length - 1];
        if (sdt?.suppressing) this.suppressMarks--;
        break;
      }
      case "w:sdt":
        this.closeSdt();
        break;
      case "mc:AlternateContent":
        this.acChosen.pop();
        break;
    }
  }

  private openNormal(name: string, tag: SaxesTagPlain): Mode {
    switch (name) {
      case "w:p":
        this.openParagraph();
        return Mode.Normal;
      case "w:r": {
        const ps = this.inlinePara();
        if (ps) ps.run = {};
        return Mode.Normal;
      }
      case "w:pPr":
        return this.inlinePara() ? Mode.PPr : Mode.Skip;
      case "w:rPr":
        return this.inlinePara() && this.names[this.names.length - 1] === "w:r" ? Mode.RPr : Mode.Skip;
      case "w:t":
        this.inText = this.inlinePara() !== undefined;
        return Mode.Normal;
      case "w:tab":
      case "w:ptab":
        this.emitInline({ kind: "tab" }, "\t");
        return Mode.Skip;
      case "w:br": {
        const type = this.attr(tag, "w:type");
        this.emitInline({ kind: "break", type: type === "page" || type === "column" ? type : "line" }, "\n");
        return Mode.Skip;
      }
      case "w:cr":
        this.emitInline({ kind: "break", type: "line" }, "\n");
        return Mode.Skip;
      case "w:noBreakHyphen":
        this.text("-");
        return Mode.Skip;
      case "w:sym":
        this.sym(this.attr(tag, "w:font"), this.attr(tag, "w:char"));
        return Mode.Skip;
      case "w16se:symEx": {
        // Word 2016 emoji/symbol run (inside mc:Choice): the code point is an attribute, not text.
        const code = Number.parseInt(this.attr(tag, "w16se:char") ?? "", 16);
        if (Number.isFinite(code) && code > 0 && code <= 0x10ffff) this.text(String.fromCodePoint(code));
        return Mode.Skip;
      }
      case "w:fldChar":
        return this.openFldChar(this.attr(tag, "w:fldCharType"));
      case "w:tbl":
        // Everything after the reader walks tables recursively; no real form nests tables more than a few deep.
        if (this.tables.length >= MAX_TABLE_DEPTH) throw new TooDeepError();
        this.openTable();
        return Mode.Normal;
      case "w:tr":
        this.openRow();
        return Mode.Normal;
      case "w:tc":
        this.openCell();
        return Mode.Normal;
      case "w:trPr":
        return Mode.TrPr;
      case "w:tcPr":
        return Mode.TcPr;
      case "w:sdt":
        this.sdts.push({ placeholder: false, control: "rich_text", checkbox: false });
        return Mode.Normal;
      case "w:sdtPr":
        return this.sdts.length > 0 ? Mode.SdtPr : Mode.Skip;
      case "w:sdtContent":
        this.openSdtContent();
        return Mode.Normal;
      case "w:txbxContent": {
        const ps = this.inlinePara();
        this.containers.push(ps ? ps.deferred : this.containers[this.containers.length - 1]!);
        this.ctx.push(Ctx.Block);
        this.textBoxDepth++;
        return Mode.Normal;
      }
      case "w:drawing":
      case "w:pict":
      case "w:object":
        return Mode.Graphic;
      case "mc:AlternateContent":
        this.acChosen.push(false);
        return Mode.Normal;
      case "mc:Choice":
      case "mc:Fallback":
        return this.openAlternative(name, tag);
    }
    if (TRANSPARENT.has(name)) return Mode.Normal;
    if (IGNORED.has(name)) return Mode.Skip;
    this.noteUnknown(name);
    return Mode.Normal;
  }

  // ── paragraphs, runs and text ────────────────────────────────────────────────────────────────────────────

  /** The paragraph inline content currently goes to, if the innermost container is a paragraph. */
  private inlinePara(): ParaState | undefined {
    return this.ctx[this.ctx.length - 1] === Ctx.Inline ? this.paras[this.paras.length - 1] : undefined;
  }

  private openParagraph(): void {
    const p: Paragraph = { kind: "paragraph", index: this.paraCount++, inlines: [] };
    if (this.textBoxDepth > 0) p.textBox = true;
    const block = this.blockControls[this.blockControls.length - 1];
    if (block) {
      const tag = block.tag ?? block.alias;
      if (tag !== undefined) p.tag = tag;
      if (block.placeholder) p.placeholder = true;
    }
    if (this.pendingBlockMarks.length > 0) {
      p.inlines.push(...this.pendingBlockMarks);
      this.pendingBlockMarks = [];
    }
    this.paras.push({
      p,
      container: this.containers[this.containers.length - 1]!,
      deferred: [],
      run: {},
      controls: [],
      parts: [],
      partsRun: undefined,
      partsKey: undefined,
      partsControl: undefined,
    });
    this.ctx.push(Ctx.Inline);
  }

  private closeParagraph(): void {
    const ps = this.paras.pop();
    if (!ps) return;
    this.ctx.pop();
    this.flush(ps);
    const { p } = ps;
    if (p.styleId !== undefined) p.style = this.styles.name(p.styleId) ?? p.styleId;
    const inherited = p.styleId !== undefined ? this.styles.numbering(p.styleId) : undefined;
    const numId = ps.numId ?? inherited?.numId;
    if (numId !== undefined && numId !== 0) p.numbering = { numId, level: ps.level ?? inherited?.level ?? 0 };
    ps.container.push(p, ...ps.deferred);
  }

  private openPPr(name: string, tag: SaxesTagPlain): Mode {
    const ps = this.paras[this.paras.length - 1]!;
    switch (name) {
      case "w:pStyle": {
        const id = this.attr(tag, "w:val");
        if (id !== undefined) ps.p.styleId = id;
        return Mode.Skip;
      }
      case "w:numPr":
        return Mode.PPr;
      case "w:ilvl":
        ps.level = toInt(this.attr(tag, "w:val"));
        return Mode.Skip;
      case "w:numId":
        ps.numId = toInt(this.attr(tag, "w:val"));
        return Mode.Skip;
      default:
        // Includes w:pPrChange (the old, rejected properties) and the paragraph mark's w:rPr.
        return Mode.Skip;
    }
  }

  private openRPr(name: string, tag: SaxesTagPlain): Mode {
    const run = this.inlinePara()?.run;
    if (!run) return Mode.Skip;
    const val = this.attr(tag, "w:val");
    switch (name) {
      case "w:rFonts": {
        const fonts: RunFonts = {};
        for (const slot of ["ascii", "hAnsi", "cs", "eastAsia"] as const) {
          const font = this.attr(tag, `w:${slot}`);
          if (font !== undefined) fonts[slot] = font;
        }
        run.fonts = fonts;
        break;
      }
      case "w:rStyle":
        run.rStyle = val;
        break;
      case "w:u":
        run.underline = val !== "none";
        break;
      case "w:strike":
      case "w:dstrike":
        run.strike = onOff(val);
        break;
      case "w:vanish":
        run.hidden = onOff(val);
        break;
      case "w:highlight":
        run.highlight = val === "none" ? undefined : val;
        break;
      case "w:shd": {
        const fill = this.attr(tag, "w:fill");
        run.shading = fill === undefined || fill.toLowerCase() === "auto" ? undefined : fill;
        break;
      }
    }
    // Children of these (and w:rPrChange, the old formatting) carry nothing we read.
    return Mode.Skip;
  }

  private resolveRun(ps: ParaState): NonNullable<RunState["resolved"]> {
    const run = ps.run;
    if (run.resolved) return run.resolved;
    const inherited = this.styles.fonts(run.rStyle, ps.p.styleId);
    const direct = run.fonts;
    const slot = (s: keyof RunFonts): string | undefined => direct?.[s] ?? inherited[s];
    const font = slot("ascii") ?? slot("hAnsi") ?? slot("cs") ?? slot("eastAsia");
    // Characters below U+0100 and U+F0xx take the ascii/hAnsi font; Thai text in the cs font is never remapped.
    const symbolFont = symbolFontOf(slot("ascii")) ?? symbolFontOf(slot("hAnsi")) ?? symbolFontOf(slot("eastAsia"));
    const key = `${run.underline ? 1 : 0}${run.strike ? 1 : 0}${run.hidden ? 1 : 0}\u0000${font ?? ""}\u0000${
      run.highlight ?? ""
    }\u0000${run.shading ?? ""}`;
    run.resolved = { key, font, symbolFont };
    return run.resolved;
  }

  private text(text: string): void {
    const ps = this.inlinePara();
    if (!ps || this.hiddenDepth > 0 || text === "") return;
    const { symbolFont, font } = this.resolveRun(ps);
    if (symbolFont !== undefined) {
      this.symbolText(ps, text, symbolFont);
      return;
    }
    // Symbol-font code points in a text font (a copy whose Wingdings was lost, or a theme font we cannot see): the
    // ones that are Wingdings boxes and ticks are read as such, the rest kept as text; one message for the document.
    if (SYMBOL_PRIVATE_USE.test(text)) {
      let plainFrom = 0;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c < 0xf000 || c > 0xf0ff) continue;
        this.textFontSymbols.count++;
        this.textFontSymbols.fonts.add(font ?? "(unknown)");
        const info = symbolMark("Wingdings", c - 0xf000);
        if (!info) continue;
        if (i > plainFrom) this.plainText(ps, text.slice(plainFrom, i));
        this.mark(ps, info, "glyph", symbolRaw("Wingdings", c - 0xf000));
        plainFrom = i + 1;
      }
      if (plainFrom < text.length) this.plainText(ps, text.slice(plainFrom));
      return;
    }
    this.plainText(ps, text);
  }

  /** Text with glyph marks (☐ ☒ ○ ◉ …) found in it; the rest appended as it is. */
  private plainText(ps: ParaState, text: string): void {
    MARK_GLYPH_RE.lastIndex = 0;
    let match = MARK_GLYPH_RE.exec(text);
    if (match === null) {
      this.append(ps, text);
      return;
    }
    let last = 0;
    while (match !== null) {
      if (match.index > last) this.append(ps, text.slice(last, match.index));
      const glyph = match[0];
      this.mark(ps, glyphMark(String.fromCodePoint(glyph.codePointAt(0)!))!, "glyph", glyph);
      last = match.index + glyph.length;
      match = MARK_GLYPH_RE.exec(text);
    }
    if (last < text.length) this.append(ps, text.slice(last));
  }

  /** Text in a Wingdings/Symbol run: each low-byte or U+F0xx character is a picture chosen by the font. */
  private symbolText(ps: ParaState, text: string, font: SymbolFont): void {
    let plainFrom = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const code = c >= 0xf000 && c <= 0xf0ff ? c - 0xf000 : c <= 0xff ? c : -1;
      if (code < 0 || code === 0x20 || code === 0xa0 || (font === "Symbol" && SYMBOL_FONT_PLAIN.test(text[i]!))) {
        continue;
      }
      if (i > plainFrom) this.plainInSymbolRun(ps, text.slice(plainFrom, i));
      plainFrom = i + 1;
      const info = symbolMark(font, code);
      if (info) this.mark(ps, info, "glyph", symbolRaw(font, code));
      else this.unknownSymbol(ps, text[i]!, symbolRaw(font, code));
    }
    if (plainFrom < text.length) this.plainInSymbolRun(ps, text.slice(plainFrom));
  }

  /** Characters the symbol font does not remap (e.g. ☐ falls back to another font) may still be glyph marks. */
  private plainInSymbolRun(ps: ParaState, text: string): void {
    MARK_GLYPH_RE.lastIndex = 0;
    if (!MARK_GLYPH_RE.test(text)) {
      this.append(ps, text);
      return;
    }
    for (const ch of text) {
      const info = glyphMark(ch);
      if (info) this.mark(ps, info, "glyph", ch);
      else this.append(ps, ch);
    }
  }

  private sym(font: string | undefined, char: string | undefined): void {
    const ps = this.inlinePara();
    if (!ps || this.hiddenDepth > 0) return;
    const value = Number.parseInt(char ?? "", 16);
    if (!Number.isFinite(value) || value <= 0 || value > 0x10ffff) {
      this.unknownSymbol(ps, "", `${font ?? "?"}:${char ?? "?"}`);
      return;
    }
    const symbolFont = symbolFontOf(font);
    if (symbolFont !== undefined && (value <= 0xff || (value >= 0xf000 && value <= 0xf0ff))) {
      const code = value & 0xff;
      const info = symbolMark(symbolFont, code);
      if (info) this.mark(ps, info, "sym", symbolRaw(symbolFont, code));
      else this.unknownSymbol(ps, String.fromCharCode(0xf000 | code), symbolRaw(symbolFont, code), symbolFont);
      return;
    }
    // A w:sym in a Unicode font (Segoe UI Symbol, MS Gothic) names the character itself.
    const ch = String.fromCodePoint(value);
    const raw = `${font ?? "?"}:${value.toString(16).toUpperCase().padStart(4, "0")}`;
    const info = glyphMark(ch);
    if (info) this.mark(ps, info, "sym", raw);
    else if (value >= 0xe000 && value <= 0xf8ff) this.unknownSymbol(ps, ch, raw, font);
    else this.append(ps, ch);
  }

  private unknownSymbol(ps: ParaState, ch: string, raw: string, font?: string): void {
    if (ch !== "") {
      if (font === undefined) {
        this.append(ps, ch);
      } else {
        // Keep the symbol's own font on the text so the caller can tell what it was.
        this.flush(ps);
        const text: Text = { kind: "text", text: ch, font };
        ps.p.inlines.push(text);
      }
    }
    this.symbolWarnings++;
    if (this.symbolWarnings <= MAX_SYMBOL_WARNINGS) {
      this.messages.push(readerWarning("unknown_symbol", { symbol: raw }, this.location()));
    }
  }

  /** Adds text to the paragraph's open text inline, or starts a new one when the formatting or control differs. */
  private append(ps: ParaState, text: string): void {
    const control = this.activeControl(ps);
    if (control !== undefined) {
      if (ps.partsControl !== control) {
        this.flush(ps);
        ps.partsControl = control;
      }
    } else {
      const { key } = this.resolveRun(ps);
      if (ps.partsControl !== undefined || ps.partsKey !== key) {
        this.flush(ps);
        ps.partsKey = key;
        ps.partsRun = ps.run;
      }
    }
    ps.parts.push(text);
  }

  private flush(ps: ParaState): void {
    if (ps.parts.length > 0) {
      const text = ps.parts.length === 1 ? ps.parts[0]! : ps.parts.join("");
      const control = ps.partsControl;
      if (control !== undefined) {
        const inline: ContentControlText = { kind: "control_text", text, tag: control.tag, control: control.control };
        if (control.placeholder) inline.placeholder = true;
        if (control.date !== undefined) inline.date = control.date;
        ps.p.inlines.push(inline);
      } else {
        const run = ps.partsRun!;
        const inline: Text = { kind: "text", text };
        if (run.underline) inline.underline = true;
        if (run.strike) inline.strike = true;
        if (run.resolved?.font !== undefined) inline.font = run.resolved.font;
        if (run.highlight !== undefined) inline.highlight = run.highlight;
        if (run.shading !== undefined) inline.shading = run.shading;
        if (run.hidden) inline.hidden = true;
        ps.p.inlines.push(inline);
      }
      ps.parts = [];
    }
    ps.partsKey = undefined;
    ps.partsRun = undefined;
    ps.partsControl = undefined;
  }

  private activeControl(ps: ParaState): Control | undefined {
    return ps.controls[ps.controls.length - 1];
  }

  /** Tabs and breaks; inside a content control they stay part of its text. */
  private emitInline(inline: Inline, asText: string): void {
    const ps = this.inlinePara();
    if (!ps || this.hiddenDepth > 0) return;
    if (this.activeControl(ps) !== undefined) {
      this.append(ps, asText);
      return;
    }
    this.flush(ps);
    ps.p.inlines.push(inline);
  }

  private mark(ps: ParaState, info: MarkInfo, source: MarkSource, raw: string): void {
    if (this.suppressMarks > 0) return;
    this.flush(ps);
    const mark: Mark = { kind: "mark", checked: info.checked, shape: info.shape, source, raw };
    const tag = this.activeControl(ps)?.tag;
    if (tag !== undefined && tag !== "") mark.tag = tag;
    ps.p.inlines.push(mark);
  }

  /** A mark decided by structure (content control, form field) rather than by a glyph. */
  private structuralMark(mark: Mark): void {
    const ps = this.inlinePara();
    if (ps) {
      this.flush(ps);
      ps.p.inlines.push(mark);
    } else {
      this.pendingBlockMarks.push(mark);
    }
  }

  // ── tables ───────────────────────────────────────────────────────────────────────────────────────────────

  private openTable(): void {
    const table: Table = { kind: "table", index: this.tableCount++, rows: [] };
    this.containers[this.containers.length - 1]!.push(table);
    this.tables.push({ table, row: undefined, cell: undefined, column: 0 });
  }

  private openRow(): void {
    const t = this.tables[this.tables.length - 1];
    if (!t) return;
    t.row = { index: t.table.rows.length, cells: [] };
    t.cell = undefined;
    t.column = 0;
    t.table.rows.push(t.row);
  }

  private openCell(): void {
    const t = this.tables[this.tables.length - 1];
    // A stray w:tc still needs a container so its paragraphs are not lost.
    if (!t?.row) {
      this.containers.push(this.containers[this.containers.length - 1]!);
      this.ctx.push(Ctx.Block);
      return;
    }
    t.cell = { index: t.row.cells.length, column: t.column, blocks: [] };
    t.row.cells.push(t.cell);
    this.containers.push(t.cell.blocks);
    this.ctx.push(Ctx.Block);
  }

  private openTcPr(name: string, tag: SaxesTagPlain): Mode {
    const cell = this.tables[this.tables.length - 1]?.cell;
    if (!cell) return Mode.Skip;
    const val = this.attr(tag, "w:val");
    if (name === "w:gridSpan") {
      const span = toInt(val);
      if (span !== undefined && span > 0) cell.gridSpan = span;
    } else if (name === "w:vMerge") {
      cell.vMerge = val === "restart" ? "restart" : "continue";
    }
    return Mode.Skip;
  }

  // ── content controls ─────────────────────────────────────────────────────────────────────────────────────

  private openSdtPr(name: string, tag: SaxesTagPlain): Mode {
    const sdt = this.sdts[this.sdts.length - 1]!;
    const val = this.attr(tag, "w:val");
    switch (name) {
      case "w:tag":
        sdt.tag = val;
        break;
      case "w:alias":
        sdt.alias = val;
        break;
      case "w:showingPlcHdr":
        sdt.placeholder = onOff(val);
        break;
      case "w:text":
        sdt.control = "text";
        break;
      case "w:richText":
        sdt.control = "rich_text";
        break;
      case "w:dropDownList":
        sdt.control = "dropdown";
        break;
      case "w:comboBox":
        sdt.control = "combo_box";
        break;
      case "w:date": {
        sdt.control = "date";
        const full = this.attr(tag, "w:fullDate");
        if (full !== undefined) sdt.date = full;
        return Mode.Skip;
      }
      case "w14:checkbox":
        sdt.checkbox = true;
        return Mode.SdtPr;
      case "w14:checked":
        sdt.checkedRaw = this.attr(tag, "w14:val") ?? "1";
        break;
      case "w14:uncheckedState":
      case "w14:checkedState":
        // The unchecked picture tells the shape (☐ or ○); the checked one is the fallback.
        if (name === "w14:uncheckedState" || sdt.stateGlyph === undefined) {
          sdt.stateGlyph = { font: this.attr(tag, "w14:font"), code: this.attr(tag, "w14:val") };
        }
        break;
    }
    return Mode.Skip;
  }

  private openSdtContent(): void {
    const sdt = this.sdts[this.sdts.length - 1];
    if (!sdt) return;
    const ps = this.inlinePara();
    if (sdt.checkbox) {
      const raw = sdt.checkedRaw ?? "0";
      const mark: Mark = {
        kind: "mark",
        checked: onOff(raw),
        shape: checkboxShape(sdt.stateGlyph),
        source: "content_control",
        raw: `w14:checked=${raw}`,
      };
      if (sdt.tag !== undefined) mark.tag = sdt.tag;
      this.structuralMark(mark);
      // The glyph Word draws inside the control is the same answer again.
      sdt.suppressing = true;
      this.suppressMarks++;
      return;
    }
    const control: Control = { tag: sdt.tag ?? sdt.alias ?? "", control: sdt.control, placeholder: sdt.placeholder };
    if (sdt.date !== undefined) control.date = sdt.date;
    if (ps) {
      ps.controls.push(control);
      sdt.pushedControl = ps;
    } else if (sdt.tag !== undefined || sdt.alias !== undefined || sdt.placeholder) {
      this.blockControls.push(sdt);
      sdt.pushedBlock = true;
    }
  }

  private closeSdt(): void {
    const sdt = this.sdts.pop();
    if (!sdt) return;
    if (sdt.pushedControl) sdt.pushedControl.controls.pop();
    if (sdt.pushedBlock) this.blockControls.pop();
  }

  // ── legacy form fields ───────────────────────────────────────────────────────────────────────────────────

  private openFldChar(type: string | undefined): Mode {
    if (type === "begin") {
      this.fields.push({ hidden: true, kind: "other" });
      this.hiddenDepth++;
      return Mode.FfData;
    }
    const field = this.fields[this.fields.length - 1];
    if (!field) return Mode.Skip;
    if (type === "separate" && field.hidden && field.kind !== "checkbox" && field.kind !== "dropdown") {
      field.hidden = false;
      this.hiddenDepth--;
      const ps = this.inlinePara();
      if (field.kind === "text" && ps) {
        const control: Control = { tag: field.ff?.name ?? "", control: "legacy_text", placeholder: false };
        ps.controls.push(control);
        field.control = { ps, control };
      }
    } else if (type === "end") {
      this.fields.pop();
      if (field.hidden) this.hiddenDepth--;
      if (field.control) {
        const { ps, control } = field.control;
        if (ps.controls[ps.controls.length - 1] === control) ps.controls.pop();
      }
    }
    return Mode.Skip;
  }

  private openFfData(name: string, tag: SaxesTagPlain): Mode {
    const val = this.attr(tag, "w:val");
    if (name === "w:ffData") {
      this.ff = { checkBox: false, textInput: false, ddList: false, ddEntries: [] };
      return Mode.FfData;
    }
    const ff = this.ff;
    if (!ff) return Mode.Skip;
    switch (name) {
      case "w:name":
        ff.name = val;
        break;
      case "w:checkBox":
        ff.checkBox = true;
        ff.section = "checkBox";
        return Mode.FfData;
      case "w:ddList":
        ff.ddList = true;
        ff.section = "ddList";
        return Mode.FfData;
      case "w:textInput":
        ff.textInput = true;
        ff.section = "textInput";
        return Mode.FfData;
      case "w:checked":
        if (ff.section === "checkBox") ff.checked = val ?? null;
        break;
      case "w:default":
        if (ff.section === "checkBox") ff.checkDefault = val ?? null;
        else if (ff.section === "ddList") ff.ddDefault = val;
        break;
      case "w:result":
        if (ff.section === "ddList") ff.ddResult = val;
        break;
      case "w:listEntry":
        if (ff.section === "ddList") ff.ddEntries.push(val ?? "");
        break;
    }
    return Mode.Skip;
  }

  /** At the end of a field's begin marker its ffData is complete: a checkbox or dropdown is known now. */
  private closeFldChar(): void {
    const field = this.fields[this.fields.length - 1];
    const ff = this.ff;
    this.ff = undefined;
    if (!field || !ff || field.ff) return;
    field.ff = ff;
    const tag = ff.name !== undefined && ff.name !== "" ? ff.name : undefined;
    if (ff.checkBox) {
      field.kind = "checkbox";
      const on = ff.checked !== undefined ? onOff(ff.checked ?? undefined) : ff.checkDefault !== undefined && onOff(ff.checkDefault ?? undefined);
      const mark: Mark = {
        kind: "mark",
        checked: on,
        shape: "box",
        source: "legacy_field",
        raw: `FORMCHECKBOX ${on ? "checked" : "unchecked"}`,
      };
      if (tag !== undefined) mark.tag = tag;
      this.structuralMark(mark);
    } else if (ff.ddList) {
      field.kind = "dropdown";
      const ps = this.inlinePara();
      if (ps) {
        const index = toInt(ff.ddResult ?? ff.ddDefault) ?? 0;
        this.flush(ps);
        ps.p.inlines.push({
          kind: "control_text",
          text: ff.ddEntries[index] ?? "",
          tag: ff.name ?? "",
          control: "legacy_dropdown",
        });
      }
    } else if (ff.textInput) {
      field.kind = "text";
    }
  }

  // ── markup compatibility ─────────────────────────────────────────────────────────────────────────────────

  /** The first mc:Choice whose required namespaces we know, else mc:Fallback; never both (they duplicate). */
  private openAlternative(name: string, tag: SaxesTagPlain): Mode {
    const i = this.acChosen.length - 1;
    if (i < 0 || this.acChosen[i]) return Mode.Skip;
    if (name === "mc:Choice") {
      const requires = (tag.attributes.Requires ?? "").split(/\s+/).filter(Boolean);
      const ok = requires.every((prefix) => {
        const uri = this.ns.resolve(prefix);
        return uri !== undefined && UNDERSTOOD.has(uri);
      });
      if (!ok) return Mode.Skip;
    }
    this.acChosen[i] = true;
    return Mode.Normal;
  }

  private attr(tag: SaxesTagPlain, qname: string): string | undefined {
    return this.ns.attr(tag.attributes, qname);
  }

  // ── messages ─────────────────────────────────────────────────────────────────────────────────────────────

  private location(): string {
    const path: CellPath[] = [];
    for (const t of this.tables) {
      if (t.row && t.cell) path.push({ table: t.table.index, row: t.row.index, cell: t.cell.index });
    }
    return formatLocation(path, this.paras[this.paras.length - 1]?.p.index);
  }

  private noteUnknown(name: string): void {
    const seen = this.unknown.get(name);
    if (seen) seen.count++;
    else this.unknown.set(name, { count: 1, location: this.location() });
  }

  private reportUnknown(): void {
    for (const [name, { count, location }] of this.unknown) {
      this.messages.push(readerWarning("unknown_element", { name, count }, location));
    }
    const { count, fonts } = this.textFontSymbols;
    if (count > 0) {
      this.messages.push(readerWarning("symbol_in_text_font", { count, fonts: [...fonts].join(", ") }));
    }
    if (this.symbolWarnings > MAX_SYMBOL_WARNINGS) {
      this.messages.push(readerWarning("more_unknown_symbols", { count: this.symbolWarnings - MAX_SYMBOL_WARNINGS }));
    }
  }
}

function checkboxShape(state: SdtState["stateGlyph"]): "box" | "circle" {
  const code = Number.parseInt(state?.code ?? "", 16);
  if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff) return "box";
  const symbolFont = symbolFontOf(state?.font);
  const info =
    symbolFont !== undefined && (code <= 0xff || (code >= 0xf000 && code <= 0xf0ff))
      ? symbolMark(symbolFont, code & 0xff)
      : glyphMark(String.fromCodePoint(code));
  return info?.shape === "circle" ? "circle" : "box";
}
