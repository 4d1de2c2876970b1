/**
 * Renders the seed re-layout (seed-layout.ts) as WordprocessingML, filled in one of the styles offices use:
 *
 *   glyph   the box is replaced by a Unicode glyph (☒ ☑ ■ ⊠ ▣ ✓ ✔ ◉ ●); some unchecked boxes retyped as ☐ □ ○ ◯
 *   sym     the box is replaced by another symbol: w:sym Wingdings F0FE/F0FD, Wingdings 2 F052/F054 (circles:
 *           Wingdings F06C/F0A4, Wingdings 2 F098/F09E, or the square's symbol), or the private-use character
 *           as text in a Wingdings run
 *   legacy  every box is a legacy FORMCHECKBOX field (w:checked with/without val, or only w:default)
 *   typed   the box stays empty and a ✓ / ✔ / X / x / "/" is typed right next to it
 *   mixed   a different one of those (or a w14 checkbox content control) per question, plus Word's noise: runs
 *           split inside Thai words with proofErr/rsids/bookmarks, tracked changes (insertions count, deletions
 *           don't), one block in a text box (mc:AlternateContent, drawn twice: wps and VML fallback), underlined
 *           values instead of underscores, text typed in the middle of or after the underscores, zero-width
 *           spaces, sara am as ํ+า, tone marks typed before the vowel.
 * Empty boxes are what the DGA original has: Wingdings F0A8 (□) and Wingdings F0A1 (○) as w:sym.
 */
import type { AnswerSet } from "./answers.js";
import { BODY_FONT, escapeXml } from "./docx-package.js";
import type { Block, Cell, Inline, Para, Table } from "./layout.js";
import type { Rng } from "./prng.js";
import { clusterBoundaries, decomposeSaraAm, sprinkleZwsp, swapMarks, type Typed } from "./thai.js";

export type RelayoutStyle = "glyph" | "sym" | "legacy" | "typed" | "mixed";
type MarkMode = "glyph" | "sym" | "legacy" | "typed" | "sdt";
type BlankMode = "replace" | "underline" | "middle" | "after" | "sdt";

interface SymChar {
  font: string;
  char: string;
  /** As private-use text in a run of that font instead of a w:sym. */
  asText?: boolean;
}

const EMPTY_SQUARE: SymChar = { font: "Wingdings", char: "F0A8" };
const EMPTY_CIRCLE: SymChar = { font: "Wingdings", char: "F0A1" };

interface Profile {
  glyphSquare: string;
  glyphCircle: string;
  glyphFont: string;
  retypeSquare: string;
  retypeCircle: string;
  symSquare: SymChar;
  symCircle: SymChar;
  legacyChecked: string[];
  legacyUnchecked: string[];
  legacySeparate: boolean;
  typedMark: string;
  typedBefore: boolean;
  typedGap: string;
  blankWeights: [BlankMode, number][];
}

function makeProfile(rng: Rng, style: RelayoutStyle): Profile {
  const glyphSquare = rng.weighted([["☒", 3], ["☑", 2.5], ["■", 1.5], ["⊠", 1], ["▣", 1], ["✓", 0.5], ["✔", 0.5]] as const);
  const symSquare = rng.weighted<SymChar>([
    [{ font: "Wingdings", char: "F0FE" }, 3],
    [{ font: "Wingdings", char: "F0FD" }, 2],
    [{ font: "Wingdings 2", char: "F052" }, 2],
    [{ font: "Wingdings 2", char: "F054" }, 1.5],
    [{ font: "Wingdings", char: "F0FE", asText: true }, 1.5],
  ]);
  const mixed = style === "mixed";
  return {
    glyphSquare,
    glyphCircle: rng.weighted([["◉", 3], ["●", 2], [glyphSquare, 1]] as const),
    glyphFont: rng.pick(["Segoe UI Symbol", "MS Gothic", BODY_FONT, "Arial Unicode MS"]),
    retypeSquare: rng.pick(["☐", "□"]),
    retypeCircle: rng.pick(["○", "◯"]),
    symSquare,
    symCircle: rng.weighted<SymChar>([
      [{ font: "Wingdings", char: "F06C" }, 2],
      [{ font: "Wingdings 2", char: "F098" }, 1.5],
      [{ font: "Wingdings", char: "F0A4" }, 0.6],
      [{ font: "Wingdings 2", char: "F09E" }, 0.6],
      [symSquare, 1],
    ]),
    legacyChecked: rng.sample(["checked", "checked1", "checkedTrue", "default1"], rng.int(1, 3)),
    legacyUnchecked: rng.sample(["default0", "checked0", "default1checked0", "checkedFalse"], rng.int(1, 3)),
    legacySeparate: rng.chance(0.6),
    typedMark: rng.weighted([["✓", 3], ["✔", 1], ["X", 1.5], ["x", 0.7], ["/", 1]] as const),
    typedBefore: rng.chance(0.2),
    typedGap: rng.chance(0.7) ? "" : " ",
    blankWeights: mixed
      ? [["replace", 1], ["underline", 1], ["middle", 1], ["after", 1], ["sdt", 0.6]]
      : [["replace", 4], ["underline", 3.5], ["middle", 1], ["after", 1.2]],
  };
}

interface Ctx {
  style: RelayoutStyle;
  rng: Rng;
  answers: AnswerSet;
  profile: Profile;
  /** Current question code (mixed style picks a mark mode per question). */
  q: string;
  modes: Map<string, MarkMode>;
  retype: Map<string, boolean>;
  nextId: number;
  ffCount: number;
  rsids: string[];
  /** Mixed style: boxes whose mark arrives as a tracked change, and values with a tracked correction. */
  trackedBoxes: Set<string>;
  trackedValues: Set<string>;
  /** Runs inside text size (points) for tables. */
  size?: number;
}

export interface RelayoutResult {
  body: string;
  rsids: string[];
  /** What the sample contains, for the report. */
  notes: string[];
}

// ---------------------------------------------------------------------------------------------------------------
// Runs.

interface RunStyle {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  font?: string;
  color?: string;
  underline?: "single" | "dotted";
}

function rPr(s: RunStyle): string {
  const font = s.font ?? BODY_FONT;
  const half = s.size ? Math.round(s.size * 2) : undefined;
  return (
    "<w:rPr>" +
    `<w:rFonts w:ascii="${font}" w:hAnsi="${font}" w:eastAsia="${font}" w:cs="${font}"/>` +
    (s.bold ? "<w:b/><w:bCs/>" : "") +
    (s.italic ? "<w:i/><w:iCs/>" : "") +
    (s.color ? `<w:color w:val="${s.color}"/>` : "") +
    (half ? `<w:sz w:val="${half}"/><w:szCs w:val="${half}"/>` : "") +
    (s.underline ? `<w:u w:val="${s.underline}"/>` : "") +
    "</w:rPr>"
  );
}

function textBody(text: string, tag = "w:t"): string {
  return text
    .split("\t")
    .map((part, i) => (i > 0 ? "<w:tab/>" : "") + (part ? `<${tag} xml:space="preserve">${escapeXml(part)}</${tag}>` : ""))
    .join("");
}

function plainRun(text: string, s: RunStyle, rsid?: string): string {
  if (text === "") return "";
  return `<w:r${rsid ? ` w:rsidR="${rsid}"` : ""}>${rPr(s)}${textBody(text)}</w:r>`;
}

/** Text as Word leaves it after editing: in mixed documents split into several runs, sometimes mid-word. */
function runs(ctx: Ctx, text: string, s: RunStyle): string {
  if (text === "") return "";
  if (ctx.style !== "mixed" || text.length < 6 || !ctx.rng.chance(0.35)) return plainRun(text, s);
  const cuts = ctx.rng.sample(clusterBoundaries(text), ctx.rng.int(1, 3)).sort((a, b) => a - b);
  let out = "";
  let from = 0;
  for (const [k, cut] of [...cuts, text.length].entries()) {
    const piece = text.slice(from, cut);
    from = cut;
    const rsid = ctx.rng.pick(ctx.rsids);
    const proof = k === 0 && /[\u0e00-\u0e7f]/.test(piece) && ctx.rng.chance(0.4);
    if (proof) out += '<w:proofErr w:type="spellStart"/>';
    out += plainRun(piece, s, rsid);
    if (proof) out += '<w:proofErr w:type="spellEnd"/>';
    if (k < cuts.length && ctx.rng.chance(0.12)) {
      const id = ctx.nextId++;
      out += `<w:bookmarkStart w:id="${id}" w:name="_Hlk${160000000 + id * 7919}"/><w:bookmarkEnd w:id="${id}"/>`;
    }
  }
  return out;
}

function symRun(c: SymChar, s: RunStyle = {}): string {
  if (c.asText) return `<w:r>${rPr({ ...s, font: c.font })}<w:t>${String.fromCharCode(parseInt(c.char, 16))}</w:t></w:r>`;
  return `<w:r>${rPr(s)}<w:sym w:font="${c.font}" w:char="${c.char}"/></w:r>`;
}

function revision(ctx: Ctx, kind: "ins" | "del", inner: string): string {
  const id = ctx.nextId++;
  return `<w:${kind} w:id="${id}" w:author="${escapeXml(ctx.answers.general.first_name?.text ?? "ผู้ใช้")}" w:date="2024-06-19T09:${String(10 + (id % 50)).padStart(2, "0")}:00Z">${inner}</w:${kind}>`;
}

function deletedGlyphRun(glyph: string, font: string): string {
  return `<w:r>${rPr({ font })}<w:delText>${escapeXml(glyph)}</w:delText></w:r>`;
}

// ---------------------------------------------------------------------------------------------------------------
// Boxes.

function modeFor(ctx: Ctx): MarkMode {
  if (ctx.style !== "mixed") return ctx.style;
  let mode = ctx.modes.get(ctx.q);
  if (!mode) {
    mode = ctx.rng.weighted([["glyph", 1], ["sym", 1], ["legacy", 0.8], ["typed", 1], ["sdt", 0.8]] as const);
    ctx.modes.set(ctx.q, mode);
  }
  return mode;
}

function retyped(ctx: Ctx, p: number): boolean {
  let r = ctx.retype.get(ctx.q);
  if (r === undefined) {
    r = ctx.rng.chance(p);
    ctx.retype.set(ctx.q, r);
  }
  return r;
}

function legacyBox(ctx: Ctx, checked: boolean): string {
  const variant = ctx.rng.pick(checked ? ctx.profile.legacyChecked : ctx.profile.legacyUnchecked);
  const state: Record<string, string> = {
    checked: '<w:default w:val="0"/><w:checked/>',
    checked1: '<w:default w:val="0"/><w:checked w:val="1"/>',
    checkedTrue: '<w:default w:val="0"/><w:checked w:val="true"/>',
    default1: '<w:default w:val="1"/>',
    default0: '<w:default w:val="0"/>',
    checked0: '<w:default w:val="0"/><w:checked w:val="0"/>',
    default1checked0: '<w:default w:val="1"/><w:checked w:val="0"/>',
    checkedFalse: '<w:default w:val="0"/><w:checked w:val="false"/>',
  };
  const n = ++ctx.ffCount;
  const size = ctx.rng.chance(0.5) ? "<w:sizeAuto/>" : `<w:size w:val="${ctx.rng.pick([24, 28, 32])}"/>`;
  const sep = ctx.profile.legacySeparate ? `<w:r>${rPr({})}<w:fldChar w:fldCharType="separate"/></w:r>` : "";
  return (
    `<w:r>${rPr({})}<w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Check${n}"/><w:enabled/><w:calcOnExit w:val="0"/><w:checkBox>${size}${state[variant]}</w:checkBox></w:ffData></w:fldChar></w:r>` +
    `<w:r>${rPr({})}<w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r>${sep}` +
    `<w:r>${rPr({})}<w:fldChar w:fldCharType="end"/></w:r>`
  );
}

function sdtBox(ctx: Ctx, checked: boolean, shape: "square" | "circle"): string {
  const on = shape === "circle" ? "25C9" : "2612";
  const off = shape === "circle" ? "25CB" : "2610";
  const id = ctx.nextId++;
  return (
    `<w:sdt><w:sdtPr>${rPr({ font: "MS Gothic" })}<w:id w:val="${-1000000 + id * 7}"/><w14:checkbox><w14:checked w14:val="${checked ? "1" : "0"}"/>` +
    `<w14:checkedState w14:val="${on}" w14:font="MS Gothic"/><w14:uncheckedState w14:val="${off}" w14:font="MS Gothic"/></w14:checkbox></w:sdtPr>` +
    `<w:sdtContent><w:r>${rPr({ font: "MS Gothic" })}<w:t>${String.fromCharCode(parseInt(checked ? on : off, 16))}</w:t></w:r></w:sdtContent></w:sdt>`
  );
}

function emptyBox(shape: "square" | "circle"): string {
  return symRun(shape === "circle" ? EMPTY_CIRCLE : EMPTY_SQUARE);
}

/** The XML of one answer box in its state, in the sample's style. */
function box(ctx: Ctx, field: string | null, shape: "square" | "circle"): string {
  if (field === null) return emptyBox(shape);
  const checked = ctx.answers.checked.has(field);
  const p = ctx.profile;
  const mode = modeFor(ctx);
  if (ctx.trackedBoxes.has(field)) return trackedBox(ctx, checked, shape, mode);
  switch (mode) {
    case "glyph": {
      if (checked) {
        const glyph = ctx.rng.chance(0.08) ? ctx.rng.pick(["☒", "☑", "✓", "■"]) : shape === "circle" ? p.glyphCircle : p.glyphSquare;
        return plainRun(glyph, { font: p.glyphFont });
      }
      if (retyped(ctx, 0.3)) return plainRun(shape === "circle" ? p.retypeCircle : p.retypeSquare, { font: p.glyphFont });
      return emptyBox(shape);
    }
    case "sym": {
      if (checked) return symRun(shape === "circle" ? p.symCircle : p.symSquare);
      if (retyped(ctx, 0.25)) {
        return ctx.rng.chance(0.5)
          ? symRun({ ...(shape === "circle" ? EMPTY_CIRCLE : EMPTY_SQUARE), asText: true })
          : symRun(shape === "circle" ? { font: "Wingdings 2", char: "F099" } : { font: "Wingdings 2", char: "F0A3" });
      }
      return emptyBox(shape);
    }
    case "legacy":
      return legacyBox(ctx, checked);
    case "sdt":
      return sdtBox(ctx, checked, shape);
    case "typed": {
      if (!checked) return emptyBox(shape);
      const mark = ctx.rng.chance(0.12) ? ctx.rng.pick(["✓", "X", "/"]) : p.typedMark;
      const typed = plainRun(p.typedBefore ? `${mark}${p.typedGap}` : `${p.typedGap}${mark}`, { bold: mark !== "/" });
      return p.typedBefore ? typed + emptyBox(shape) : emptyBox(shape) + typed;
    }
  }
}

/**
 * A box changed under track changes: checked boxes got their mark as an insertion (the empty box deleted), and
 * some unchecked boxes carry a deleted mark (a tick the author took back).
 */
function trackedBox(ctx: Ctx, checked: boolean, shape: "square" | "circle", mode: MarkMode): string {
  const on = shape === "circle" ? "◉" : "☒";
  const off = shape === "circle" ? "○" : "☐";
  if (mode === "typed") {
    const mark = revision(ctx, checked ? "ins" : "del", checked ? plainRun("✓", {}) : `<w:r>${rPr({})}<w:delText>✓</w:delText></w:r>`);
    return emptyBox(shape) + mark;
  }
  if (checked) return revision(ctx, "del", deletedGlyphRun(off, "MS Gothic")) + revision(ctx, "ins", plainRun(on, { font: "MS Gothic" }));
  return revision(ctx, "del", deletedGlyphRun(on, "MS Gothic")) + revision(ctx, "ins", plainRun(off, { font: "MS Gothic" }));
}

// ---------------------------------------------------------------------------------------------------------------
// Blanks.

function valueOf(ctx: Ctx, field: string): Typed | undefined {
  if (field.startsWith("general:")) return ctx.answers.general[field.slice("general:".length)];
  return ctx.answers.values.get(field);
}

/** Noise a careful reader does not see: only in mixed documents and only in Thai free text. */
function noisy(ctx: Ctx, text: string): string {
  if (ctx.style !== "mixed" || !/[\u0e00-\u0e7f]{4}/.test(text) || /^https?:|@/.test(text)) return text;
  let out = text;
  if (ctx.rng.chance(0.3)) out = sprinkleZwsp(ctx.rng, out, ctx.rng.int(1, 3));
  if (ctx.rng.chance(0.3)) out = decomposeSaraAm(out);
  if (ctx.rng.chance(0.3)) out = swapMarks(out);
  return out;
}

const OLD_VALUES = ["-", "ไม่มีข้อมูล", "อยู่ระหว่างรวบรวม", "รอข้อมูลจากฝ่ายแผน"];

function blank(ctx: Ctx, field: string, printed: string): string {
  const value = valueOf(ctx, field);
  const size = ctx.size;
  const base: RunStyle = size ? { size } : {};
  if (!value || value.text === "") {
    if (printed === "") return "";
    if (/^\t+$/.test(printed)) return `<w:r>${rPr({ ...base, underline: "dotted" })}${textBody(printed)}</w:r>`;
    return plainRun(printed, base);
  }
  const text = noisy(ctx, value.text);
  let mode = ctx.rng.weighted(ctx.profile.blankWeights);
  if (printed === "" && (mode === "middle" || mode === "after")) mode = "replace";
  if (/^\t+$/.test(printed) && (mode === "middle" || mode === "after")) mode = "underline";
  let valueXml: string;
  if (ctx.trackedValues.has(field)) {
    valueXml = revision(ctx, "del", `<w:r>${rPr(base)}${textBody(ctx.rng.pick(OLD_VALUES), "w:delText")}</w:r>`) + revision(ctx, "ins", plainRun(text, base));
  } else if (mode === "sdt") {
    const id = ctx.nextId++;
    valueXml = `<w:sdt><w:sdtPr>${rPr(base)}<w:id w:val="${-2000000 + id * 13}"/><w:text/></w:sdtPr><w:sdtContent>${plainRun(text, base)}</w:sdtContent></w:sdt>`;
  } else if (mode === "underline") {
    valueXml = runs(ctx, ` ${text} `, { ...base, underline: ctx.rng.chance(0.7) ? "single" : "dotted" });
  } else {
    valueXml = runs(ctx, text, base);
  }
  switch (mode) {
    case "middle": {
      const half = Math.max(2, Math.floor(printed.length / 2));
      return plainRun(printed.slice(0, half), base) + plainRun(" ", base) + valueXml + plainRun(" ", base) + plainRun(printed.slice(0, half), base);
    }
    case "after":
      return plainRun(`${printed} `, base) + valueXml;
    case "replace":
      return plainRun(" ", base) + valueXml + plainRun(" ", base);
    default:
      return valueXml;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Paragraphs and tables.

function inlineXml(ctx: Ctx, i: Inline): string {
  const size = ctx.size;
  switch (i.t) {
    case "text":
      return runs(ctx, i.text, { ...(i.bold ? { bold: true } : {}), ...(i.italic ? { italic: true } : {}), ...(i.color ? { color: i.color } : {}), ...((i.size ?? size) ? { size: i.size ?? size } : {}) });
    case "box":
      return box(ctx, i.field, i.shape);
    case "blank":
      return blank(ctx, i.field, i.printed);
    case "br":
      return "<w:r><w:br/></w:r>";
    case "sym":
      return symRun({ font: i.font, char: i.char });
    case "bookmark": {
      const id = ctx.nextId++;
      return `<w:bookmarkStart w:id="${id}" w:name="${escapeXml(i.name)}"/><w:bookmarkEnd w:id="${id}"/>`;
    }
  }
}

function paraXml(ctx: Ctx, p: Para): string {
  if (p.q) ctx.q = p.q;
  const pPr =
    (p.keepNext ? "<w:keepNext/>" : "") +
    (p.pageBreak ? "<w:pageBreakBefore/>" : "") +
    (p.indent ? `<w:ind w:left="${p.indent}"/>` : "") +
    (p.align ? `<w:jc w:val="${p.align}"/>` : "");
  const rsid = ctx.style === "mixed" ? ` w:rsidR="${ctx.rng.pick(ctx.rsids)}" w:rsidRDefault="${ctx.rsids[0]}"` : "";
  return `<w:p${rsid}>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ""}${p.inl.map((i) => inlineXml(ctx, i)).join("")}</w:p>`;
}

function cellXml(ctx: Ctx, c: Cell): string {
  const tcPr =
    `<w:tcW w:w="${c.width}" w:type="dxa"/>` +
    (c.span && c.span > 1 ? `<w:gridSpan w:val="${c.span}"/>` : "") +
    (c.vMerge ? (c.vMerge === "restart" ? '<w:vMerge w:val="restart"/>' : "<w:vMerge/>") : "") +
    (c.shade ? `<w:shd w:val="clear" w:color="auto" w:fill="${c.shade}"/>` : "") +
    (c.vAlign ? `<w:vAlign w:val="${c.vAlign}"/>` : "");
  const paras = c.paras.length > 0 ? c.paras.map((p) => paraXml(ctx, p)).join("") : "<w:p/>";
  return `<w:tc><w:tcPr>${tcPr}</w:tcPr>${paras}</w:tc>`;
}

function tableXml(ctx: Ctx, t: Table): string {
  if (t.q) ctx.q = t.q;
  const saved = ctx.size;
  ctx.size = t.size;
  const grid = t.widths.map((w) => `<w:gridCol w:w="${w}"/>`).join("");
  const rows = t.rows
    .map((r) => `<w:tr>${r.header ? "<w:trPr><w:tblHeader/></w:trPr>" : ""}${r.cells.map((c) => cellXml(ctx, c)).join("")}</w:tr>`)
    .join("");
  ctx.size = saved;
  return `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>${grid}</w:tblGrid>${rows}</w:tbl>`;
}

/**
 * Paragraphs drawn inside a text box (an inline shape, as when a block is pasted from another file): DrawingML for
 * Word 2010+, the same content again as VML for older readers (mc:AlternateContent).
 */
function textBox(ctx: Ctx, paras: Para[]): string {
  const inner = paras.map((p) => paraXml(ctx, p)).join("");
  const fallback = inner.replace(/<w:bookmark(Start|End)[^>]*\/>/g, "");
  const lines = paras.reduce((n, p) => n + 1 + Math.floor(p.inl.reduce((k, i) => k + (i.t === "text" ? i.text.length : 14), 0) / 70), 0);
  const cx = 5760000;
  const cy = 200000 + lines * 330000;
  const id = ctx.nextId++;
  const pt = (emu: number) => `${(emu / 12700).toFixed(1)}pt`;
  return (
    `<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">` +
    `<wp:extent cx="${cx}" cy="${cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:docPr id="${id}" name="Text Box ${id}"/><wp:cNvGraphicFramePr/>` +
    `<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/>` +
    `<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln w="9525"><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln></wps:spPr>` +
    `<wps:txbx><w:txbxContent>${inner}</w:txbxContent></wps:txbx><wps:bodyPr rot="0" vert="horz" wrap="square" lIns="91440" tIns="45720" rIns="91440" bIns="45720" anchor="t" anchorCtr="0"><a:noAutofit/></wps:bodyPr></wps:wsp></a:graphicData></a:graphic></wp:inline></w:drawing></mc:Choice>` +
    `<mc:Fallback><w:pict><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>` +
    `<v:shape id="Text Box ${id}" o:spid="_x0000_s${1025 + id}" type="#_x0000_t202" style="width:${pt(cx)};height:${pt(cy)};mso-wrap-style:square;v-text-anchor:top" strokeweight=".75pt">` +
    `<v:textbox><w:txbxContent>${fallback}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`
  );
}

const TEXT_BOX_QUESTIONS = ["general", "P1.3", "P2.1.2", "P4.5.1", "P2.1.5.1", "P5.3.1"];

export function renderRelayout(blocks: Block[], style: RelayoutStyle, answers: AnswerSet, rng: Rng): RelayoutResult {
  const rsids = Array.from({ length: rng.int(4, 9) }, () => rng.int(0x00100000, 0x00ffffff).toString(16).toUpperCase().padStart(8, "0"));
  const ctx: Ctx = {
    style,
    rng: rng.fork("render"),
    answers,
    profile: makeProfile(rng.fork("profile"), style),
    q: "",
    modes: new Map(),
    retype: new Map(),
    nextId: 1,
    ffCount: 0,
    rsids,
    trackedBoxes: new Set(),
    trackedValues: new Set(),
  };
  const notes: string[] = [];
  let boxedQuestion: string | undefined;
  if (style === "mixed") {
    const pick = rng.fork("tracked");
    const boxes = blocksFields(blocks, "box");
    const checked = boxes.filter((f) => answers.checked.has(f));
    const unchecked = boxes.filter((f) => !answers.checked.has(f));
    for (const f of pick.sample(checked, pick.int(2, 4))) ctx.trackedBoxes.add(f);
    for (const f of pick.sample(unchecked, pick.int(1, 3))) ctx.trackedBoxes.add(f);
    const filled = blocksFields(blocks, "blank").filter((f) => answers.values.has(f) && !/url|count|date|percent|score|frequency/.test(f));
    for (const f of pick.sample(filled, pick.int(1, 3))) ctx.trackedValues.add(f);
    boxedQuestion = pick.pick(TEXT_BOX_QUESTIONS);
    notes.push(`tracked boxes: ${[...ctx.trackedBoxes].join(", ")}`, `tracked values: ${[...ctx.trackedValues].join(", ")}`, `text box: ${boxedQuestion}`);
  }
  const out: string[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const answerLine = (c: Block | undefined): c is Para => c?.kind === "p" && c.q === boxedQuestion && c.inl.some((x) => x.t === "box" || x.t === "blank");
    if (boxedQuestion && answerLine(b)) {
      // The question's answer lines (general block: its first fill-in lines) go into one text box.
      const group: Para[] = [];
      while (i < blocks.length && answerLine(blocks[i])) group.push(blocks[i++] as Para);
      i--;
      ctx.q = boxedQuestion;
      out.push(textBox(ctx, group));
      continue;
    }
    out.push(b.kind === "p" ? paraXml(ctx, b) : tableXml(ctx, b));
  }
  if (style === "mixed") notes.push(`mark modes: ${[...ctx.modes].map(([q, m]) => `${q}=${m}`).join(" ")}`);
  return { body: out.join(""), rsids, notes };
}

function blocksFields(blocks: Block[], kind: "box" | "blank"): string[] {
  const out: string[] = [];
  const visit = (p: Para) => {
    for (const i of p.inl) if (i.t === kind && i.field) out.push(i.field);
  };
  for (const b of blocks) {
    if (b.kind === "p") visit(b);
    else for (const r of b.rows) for (const c of r.cells) c.paras.forEach(visit);
  }
  return out;
}
