import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { readFileSync } from "node:fs";
const data = new Uint8Array(readFileSync(process.argv[2]!));
const doc = await getDocument({ data, standardFontDataUrl: "node_modules/pdfjs-dist/standard_fonts/", cMapUrl: "node_modules/pdfjs-dist/cmaps/" }).promise;
const p = await doc.getPage(1);
const tc = await p.getTextContent();
for (const it of tc.items) { if ("str" in it) console.log(JSON.stringify(it.str), it.transform.map((v: number) => +v.toFixed(2)), it.width.toFixed(2), it.height, it.fontName, it.hasEOL); }
