/**
 * readDocx vs mammoth.extractRawText on the same bytes: `npx tsx bench/docx-read.bench.ts [file.docx ...]`.
 * Without arguments it builds three Word-like questionnaires (Thai text in split runs with full run properties,
 * tables of checkboxes in every encoding, content controls, text boxes). Target: readDocx ≤ 2× mammoth.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import mammoth from "mammoth";
import { readDocx } from "../src/docx/read.js";
import { buildDocx, cell, row, table } from "../test/docx/build-docx.js";

const RPR = `<w:rPr><w:rFonts w:ascii="TH SarabunPSK" w:hAnsi="TH SarabunPSK" w:cs="TH SarabunPSK"/><w:sz w:val="32"/><w:szCs w:val="32"/><w:lang w:bidi="th-TH"/></w:rPr>`;
const PPR = `<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="thaiDistribute"/><w:rPr><w:rFonts w:ascii="TH SarabunPSK" w:hAnsi="TH SarabunPSK" w:cs="TH SarabunPSK"/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr></w:pPr>`;
const WORDS = ["หน่วยงาน", "ดำเนิน", "การ", "พัฒนา", "ระบบ", "ดิจิทัล", "ข้อมูล", "บริการ", "ประชาชน", "ภาครัฐ"];

let rsid = 0x00a10000;
const run = (text: string): string =>
  `<w:r w:rsidR="${(rsid++).toString(16).toUpperCase().padStart(8, "0")}">${RPR}<w:t xml:space="preserve">${text}</w:t></w:r>`;
/** A paragraph the way Word saves one: words split over runs, spell-check markers between them. */
function paragraph(i: number): string {
  const runs: string[] = [];
  for (let w = 0; w < 8; w++) {
    runs.push(run(WORDS[(i + w) % WORDS.length]!));
    if (w % 3 === 1) runs.push(`<w:proofErr w:type="spellStart"/>`);
    if (w % 3 === 2) runs.push(`<w:proofErr w:type="spellEnd"/>`);
  }
  return `<w:p w:rsidR="00AB12CD" w:rsidRDefault="00AB12CD">${PPR}${runs.join("")}</w:p>`;
}

const MARKS = [
  run("☐ ใช่"),
  run("☑ ไม่ใช่"),
  `<w:r>${RPR}<w:sym w:font="Wingdings" w:char="F0FE"/></w:r>${run(" มี")}`,
  `<w:sdt><w:sdtPr><w:tag w:val="q.opt"/><w14:checkbox><w14:checked w14:val="1"/><w14:checkedState w14:val="2612" w14:font="MS Gothic"/><w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:t>☒</w:t></w:r></w:sdtContent></w:sdt>${run(" ไม่มี")}`,
  `<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Check1"/><w:checkBox><w:sizeAuto/><w:default w:val="0"/></w:checkBox></w:ffData></w:fldChar></w:r><w:r><w:instrText> FORMCHECKBOX </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>${run(" อื่น ๆ")}`,
];

function questionnaire(paragraphs: number, tables: number, rowsPerTable: number): Uint8Array {
  const body: string[] = [];
  const every = Math.max(1, Math.floor(paragraphs / Math.max(1, tables)));
  for (let i = 0, t = 0; i < paragraphs; i++) {
    body.push(paragraph(i));
    if (i % every === every - 1 && t < tables) {
      t++;
      const rows: string[] = [];
      for (let r = 0; r < rowsPerTable; r++) {
        rows.push(
          row(
            cell(paragraph(r)),
            ...MARKS.map((m) => cell(`<w:p>${PPR}${m}</w:p>`)),
            cell(`<w:p>${PPR}${run("ระบุ ")}<w:r><w:rPr><w:u w:val="single"/></w:rPr><w:t>${"๑๒๓๔".repeat(3)}</w:t></w:r></w:p>`),
          ),
        );
      }
      body.push(table(...rows));
    }
    if (i % 200 === 100) {
      body.push(
        `<w:p>${run("กล่อง")}<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData uri="x"><wps:wsp><wps:txbx><w:txbxContent>${paragraph(i)}</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>${paragraph(i)}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`,
      );
    }
  }
  return buildDocx(body.join(""));
}

/** Median ms of each, measured in alternation so that load from other processes hits both alike. */
async function compare(a: () => unknown, b: () => unknown, minMs = 3000, minRounds = 7): Promise<[number, number]> {
  for (let i = 0; i < 2; i++) {
    await a(); // warm up the JIT
    await b();
  }
  const ta: number[] = [];
  const tb: number[] = [];
  const start = performance.now();
  while (ta.length < minRounds || performance.now() - start < minMs) {
    let t0 = performance.now();
    await a();
    ta.push(performance.now() - t0);
    t0 = performance.now();
    await b();
    tb.push(performance.now() - t0);
  }
  const median = (xs: number[]): number => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  return [median(ta), median(tb)];
}

async function main(): Promise<void> {
  const files: { name: string; bytes: Uint8Array }[] = [];
  for (const file of process.argv.slice(2)) files.push({ name: path.basename(file), bytes: await readFile(file) });
  if (files.length === 0) {
    files.push({ name: "small (60 p, 2 tables × 10 rows)", bytes: questionnaire(60, 2, 10) });
    files.push({ name: "medium (1 500 p, 10 tables × 30 rows)", bytes: questionnaire(1500, 10, 30) });
    files.push({ name: "large (10 000 p, 40 tables × 50 rows)", bytes: questionnaire(10_000, 40, 50) });
  }
  console.log("file | size KiB | readDocx ms | mammoth.extractRawText ms | ratio");
  for (const { name, bytes } of files) {
    const buffer = Buffer.from(bytes);
    const [ours, theirs] = await compare(
      () => readDocx(bytes, name),
      () => mammoth.extractRawText({ buffer }),
    );
    console.log(
      `${name} | ${(bytes.length / 1024).toFixed(0)} | ${ours.toFixed(2)} | ${theirs.toFixed(2)} | ${(ours / theirs).toFixed(2)}`,
    );
  }
}

await main();
