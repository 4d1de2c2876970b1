/**
 * A minimal .docx package writer for the re-layout (independent of src/render): the parts Word itself writes for a
 * plain document, with fixed dates so the same body gives the same bytes.
 */
import PizZip from "pizzip";

export const FIXED_DATE = new Date("2024-06-20T02:00:00Z");
export const BODY_FONT = "TH SarabunPSK";

export const NS = [
  'xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas"',
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"',
  'xmlns:o="urn:schemas-microsoft-com:office:office"',
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"',
  'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"',
  'xmlns:v="urn:schemas-microsoft-com:vml"',
  'xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing"',
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"',
  'xmlns:w10="urn:schemas-microsoft-com:office:word"',
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"',
  'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"',
  'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"',
  'xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup"',
  'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"',
  'mc:Ignorable="w14 w15 wp14"',
].join(" ");

function fontsXml(font: string): string {
  return `<w:rFonts w:ascii="${font}" w:hAnsi="${font}" w:eastAsia="${font}" w:cs="${font}"/>`;
}

export interface PackageOptions {
  body: string;
  rsids: string[];
  author: string;
  title: string;
}

export function buildPackage(opts: PackageOptions): Uint8Array {
  const files: Record<string, string> = {
    "[Content_Types].xml":
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>',
    "_rels/.rels":
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    "docProps/core.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${escapeXml(opts.title)}</dc:title><dc:creator>DGA</dc:creator><cp:lastModifiedBy>${escapeXml(opts.author)}</cp:lastModifiedBy><cp:revision>7</cp:revision><dcterms:created xsi:type="dcterms:W3CDTF">2024-05-02T03:11:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2024-06-20T02:00:00Z</dcterms:modified></cp:coreProperties>`,
    "docProps/app.xml":
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Template>Normal.dotm</Template><TotalTime>38</TotalTime><Application>Microsoft Office Word</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><Company></Company><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0000</AppVersion></Properties>',
    "word/_rels/document.xml.rels":
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
    "word/settings.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:settings ${NS}><w:zoom w:percent="100"/><w:proofState w:spelling="clean" w:grammar="clean"/><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat><w:rsids>${opts.rsids.map((r, i) => (i === 0 ? `<w:rsidRoot w:val="${r}"/>` : "") + `<w:rsid w:val="${r}"/>`).join("")}</w:rsids><w:themeFontLang w:val="en-US" w:bidi="th-TH"/><w:decimalSymbol w:val="."/><w:listSeparator w:val=","/></w:settings>`,
    "word/fontTable.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts ${NS}>${[
      ["TH SarabunPSK", "020B0500040200020003", "00", "swiss"],
      ["Wingdings", "05000000000000000000", "02", "auto"],
      ["Wingdings 2", "05020102010507070707", "02", "roman"],
      ["Segoe UI Symbol", "020B0502040204020203", "00", "swiss"],
      ["MS Gothic", "020B0609070205080204", "80", "modern"],
    ]
      .map(([name, panose, charset, family]) => `<w:font w:name="${name}"><w:panose1 w:val="${panose}"/><w:charset w:val="${charset}"/><w:family w:val="${family}"/><w:pitch w:val="variable"/></w:font>`)
      .join("")}</w:fonts>`,
    "word/styles.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles ${NS}><w:docDefaults><w:rPrDefault><w:rPr>${fontsXml(BODY_FONT)}<w:sz w:val="32"/><w:szCs w:val="32"/><w:lang w:val="en-US" w:eastAsia="en-US" w:bidi="th-TH"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style><w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style><w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="39"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders></w:tblPr></w:style><w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="34"/><w:qFormat/><w:pPr><w:ind w:left="720"/><w:contextualSpacing/></w:pPr></w:style></w:styles>`,
    "word/document.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${NS}><w:body>${opts.body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1418" w:header="709" w:footer="709" w:gutter="0"/><w:cols w:space="708"/><w:docGrid w:linePitch="435"/></w:sectPr></w:body></w:document>`,
  };
  const zip = new PizZip();
  for (const [name, content] of Object.entries(files)) zip.file(name, content, { date: FIXED_DATE });
  for (const entry of Object.values(zip.files)) entry.date = FIXED_DATE;
  return zip.generate({ type: "uint8array", compression: "DEFLATE" });
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;"));
}

/** Re-zips a package with fixed entry dates (for files written by another program). */
export function normalizePackage(bytes: Uint8Array, edit?: (name: string, text: string) => string): Uint8Array {
  const zip = new PizZip(bytes);
  const out = new PizZip();
  for (const name of Object.keys(zip.files).sort()) {
    const entry = zip.files[name]!;
    if (entry.dir) continue;
    if (edit && /\.(xml|rels)$/.test(name)) out.file(name, edit(name, entry.asText()), { date: FIXED_DATE });
    else out.file(name, entry.asUint8Array(), { date: FIXED_DATE, binary: true });
  }
  for (const entry of Object.values(out.files)) entry.date = FIXED_DATE;
  return out.generate({ type: "uint8array", compression: "DEFLATE" });
}

/**
 * LibreOffice writes the current time and random identifiers (content-control ids, "__Fieldmark__n_<random>"
 * bookmark names) into the package; this pins them (to the given save time and editing minutes) so reruns give the
 * same bytes. Nothing else is touched. Use as `normalizePackage(bytes, pinLibreOffice(…))`.
 */
export function pinLibreOffice(modified: string, totalMinutes: number): (name: string, text: string) => string {
  return (name, text) => {
    if (name === "word/document.xml") {
      let n = 0;
      return text.replace(/<w:id w:val="-?\d+"\/>/g, () => `<w:id w:val="${1000 + n++}"/>`).replace(/(__Fieldmark__\d+)_\d+/g, "$1_0");
    }
    if (name === "docProps/core.xml") {
      return text
        .replace(/(<dcterms:created[^>]*>)[^<]*/, "$12024-05-02T03:11:00Z")
        .replace(/(<dcterms:modified[^>]*>)[^<]*/, `$1${modified}`);
    }
    if (name === "docProps/app.xml") return text.replace(/<TotalTime>\d+<\/TotalTime>/, `<TotalTime>${totalMinutes}</TotalTime>`);
    return text;
  };
}
