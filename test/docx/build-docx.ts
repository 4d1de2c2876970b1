/** Builds small .docx (and not-quite-.docx) files in memory so every reader case has its own exact fixture. */
import PizZip from "pizzip";
import { DocxError } from "../../src/docx/errors.js";

export const NAMESPACES = [
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"',
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"',
  'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"',
  'xmlns:w16se="http://schemas.microsoft.com/office/word/2015/wordml/symex"',
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"',
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"',
  'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"',
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"',
  'xmlns:v="urn:schemas-microsoft-com:vml"',
  'xmlns:o="urn:schemas-microsoft-com:office:office"',
  'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"',
  'mc:Ignorable="w14 w16se"',
].join(" ");

export function documentXml(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${NAMESPACES}><w:body>${body}<w:sectPr/></w:body></w:document>`;
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;
const DOCUMENT_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;

export function stylesXml(styles: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${styles}</w:styles>`;
}

export interface BuildOptions {
  /** w:style elements for word/styles.xml. */
  styles?: string;
  /** Extra or replacement entries, by name. */
  files?: Record<string, string | Uint8Array>;
  /** Standard entries to leave out. */
  omit?: string[];
}

export function buildDocx(body: string, options: BuildOptions = {}): Uint8Array {
  const files: Record<string, string | Uint8Array> = {
    "[Content_Types].xml": CONTENT_TYPES,
    "_rels/.rels": ROOT_RELS,
    "word/_rels/document.xml.rels": DOCUMENT_RELS,
    "word/document.xml": documentXml(body),
    "word/styles.xml": stylesXml(options.styles ?? ""),
    ...options.files,
  };
  for (const name of options.omit ?? []) delete files[name];
  return zip(files);
}

export function zip(files: Record<string, string | Uint8Array>, compression: "STORE" | "DEFLATE" = "DEFLATE"): Uint8Array {
  const z = new PizZip();
  for (const [name, data] of Object.entries(files)) z.file(name, data);
  return z.generate({ type: "uint8array", compression });
}

// ── terse WordprocessingML for tests ──────────────────────────────────────────────────────────────────────

export const p = (...content: string[]): string => `<w:p>${content.join("")}</w:p>`;
export const pStyled = (pPr: string, ...content: string[]): string => `<w:p><w:pPr>${pPr}</w:pPr>${content.join("")}</w:p>`;
export const r = (text: string, rPr = ""): string =>
  `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ""}<w:t xml:space="preserve">${text}</w:t></w:r>`;
export const font = (name: string): string => `<w:rFonts w:ascii="${name}" w:hAnsi="${name}"/>`;
export const sym = (fontName: string, char: string): string => `<w:r><w:sym w:font="${fontName}" w:char="${char}"/></w:r>`;
export const cell = (...blocks: string[]): string => `<w:tc>${blocks.join("")}</w:tc>`;
export const row = (...cells: string[]): string => `<w:tr>${cells.join("")}</w:tr>`;
export const table = (...rows: string[]): string => `<w:tbl><w:tblPr/><w:tblGrid/>${rows.join("")}</w:tbl>`;

// ── OLE compound files (legacy .doc, encrypted .docx) ─────────────────────────────────────────────────────

/** A minimal valid compound file (v3, 512-byte sectors): header, one FAT sector, one directory sector. */
/**
 * A minimal compound file with the given stream names. With `fibFlags`, the WordDocument stream gets a first sector
 * whose File Information Block carries those flags (0x0100: encrypted).
 */
export function buildCfb(streamNames: readonly string[], fibFlags?: number): Uint8Array {
  const names = ["Root Entry", ...streamNames];
  if (names.length > 4) throw new Error("one directory sector holds four entries");
  const out = new Uint8Array(512 * (fibFlags === undefined ? 3 : 4));
  const view = new DataView(out.buffer);
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  view.setUint16(24, 0x3e, true);
  view.setUint16(26, 3, true);
  view.setUint16(28, 0xfffe, true);
  view.setUint16(30, 9, true);
  view.setUint16(32, 6, true);
  view.setUint32(44, 1, true); // FAT sectors
  view.setUint32(48, 1, true); // first directory sector
  view.setUint32(56, 4096, true);
  view.setUint32(60, 0xfffffffe, true);
  view.setUint32(68, 0xfffffffe, true);
  for (let i = 0; i < 109; i++) view.setUint32(76 + i * 4, i === 0 ? 0 : 0xffffffff, true);
  const fat = 512;
  for (let i = 0; i < 128; i++) view.setUint32(fat + i * 4, 0xffffffff, true);
  view.setUint32(fat, 0xfffffffd, true); // sector 0 is the FAT
  view.setUint32(fat + 4, 0xfffffffe, true); // sector 1, the directory, ends its chain
  const dir = 1024;
  names.forEach((name, i) => {
    const e = dir + i * 128;
    for (let c = 0; c < name.length; c++) view.setUint16(e + c * 2, name.charCodeAt(c), true);
    view.setUint16(e + 64, (name.length + 1) * 2, true);
    out[e + 66] = i === 0 ? 5 : 2;
    view.setUint32(e + 68, 0xffffffff, true);
    view.setUint32(e + 72, 0xffffffff, true);
    view.setUint32(e + 76, 0xffffffff, true);
    view.setUint32(e + 116, 0xfffffffe, true);
    if (name === "WordDocument" && fibFlags !== undefined) {
      view.setUint32(e + 116, 2, true); // sector 2, right after the directory
      view.setUint32(e + 120, 4096, true);
    }
  });
  if (fibFlags !== undefined) {
    view.setUint32(fat + 8, 0xfffffffe, true);
    view.setUint16(1536, 0xa5ec, true); // wIdent of a Word binary file
    view.setUint16(1536 + 0x0a, fibFlags, true);
  }
  return out;
}

/** The DocxError `fn` throws (anything else is rethrown; nothing thrown fails the test). */
export function docxErrorOf(fn: () => unknown): DocxError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DocxError) return error;
    throw error;
  }
  throw new Error("expected a DocxError");
}
