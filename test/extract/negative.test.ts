/**
 * Documents that are not the form must not be read as the form. The negative corpus: every real .docx that ships in
 * node_modules (other projects' test documents: lists, tables, footnotes, comments, text boxes, strict OOXML…),
 * Thai government documents of the kinds offices attach (orders, minutes, plans, notices, policies — from the
 * evidence generator's builders, several draws each), and documents made to look like the form without being it:
 * clauses numbered 1.1 … 7.1.10, the form's legend, its title alone. None may be accepted, none may crash.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DocxError } from "../../src/docx/errors.js";
import { readDocx } from "../../src/docx/read.js";
import { extractAnswers } from "../../src/extract/extract.js";
import { loadForm } from "../../src/form/load.js";
import { BUILDERS, makeCtx } from "../../scripts/evidence-samples/content.js";
import type { Block, Inline } from "../../scripts/evidence-samples/model.js";
import { Rng } from "../../scripts/evidence-samples/prng.js";
import { buildDocx, cell, p, r, row, table } from "../docx/build-docx.js";

const form = loadForm("pcio-2567");
const ROOT = path.join(import.meta.dirname, "..", "..");

function docxFilesUnder(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) docxFilesUnder(full, out);
    else if (/\.(docx|dotx|docm)$/i.test(name)) out.push(full);
  }
  return out;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const runs = (inl: Inline[]) => inl.map((i) => r(esc(i.text))).join("");

/** An evidence document of the generator as a Word body: paragraphs and tables, the way an office would type it. */
function wordBody(blocks: readonly Block[]): string {
  return blocks
    .map((b) => {
      if (b.t === "para") return p(runs(b.inl));
      if (b.t === "table") return table(row(...b.head.map((h) => cell(p(r(esc(h)))))), ...b.rows.map((cells) => row(...cells.map((c) => cell(p(runs(c)))))));
      return "";
    })
    .join("");
}

interface Verdict {
  name: string;
  accepted: boolean;
  answers: number;
  error?: string;
}

function judge(name: string, bytes: Uint8Array): Verdict {
  try {
    const { value } = readDocx(bytes, name);
    const doc = extractAnswers(form, value, { file: name, sha256: "0", bytes: bytes.length });
    return { name, accepted: !doc.warnings.some((w) => w.code === "not_this_form"), answers: doc.answers.length };
  } catch (error) {
    // Refusing a file with a typed reason is fine; anything else is a crash.
    if (error instanceof DocxError) return { name, accepted: false, answers: 0, error: error.code };
    throw error;
  }
}

const lookalikes: [string, string][] = [
  [
    "a contract numbered like the form (the POI bug65649.docx case, in Thai)",
    [
      p(r("สัญญาจ้างพัฒนาระบบสารสนเทศ")),
      ...["1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "3.1", "4.1", "4.2", "5.1", "5.2", "6.1", "6.2", "7.1", "7.1.1", "7.1.2"].map((n) =>
        p(r(`${n} ผู้รับจ้างตกลงจะดำเนินการตามขอบเขตงานที่กำหนดในข้อ ${n} ให้แล้วเสร็จภายในระยะเวลาที่กำหนดในสัญญานี้`)),
      ),
      p(r("☐ ยอมรับเงื่อนไข ☐ ไม่ยอมรับเงื่อนไข")),
    ].join(""),
  ],
  [
    "a cover letter naming the survey, with the form's legend",
    [
      p(r("ที่ ชม 0017.3/ว 1234")),
      p(r("เรื่อง ขอส่งแบบสำรวจระดับความพร้อมรัฐบาลดิจิทัลหน่วยงานภาครัฐของประเทศไทย คณะกรรมการผู้บริหารเทคโนโลยีสารสนเทศระดับสูงระดับจังหวัด ประจำปี 2567")),
      p(r("โดยใส่เครื่องหมาย ✓ ลงในช่อง □ หมายถึง ตอบได้มากกว่า 1 คำตอบ หรือ ○ หมายถึง ตอบได้คำตอบเดียว")),
      p(r("1. สำนักงานจังหวัดได้รวบรวมคำตอบจากหน่วยงานแล้ว 2. ขอให้ส่งภายในวันที่ 20 มิถุนายน 2567")),
    ].join(""),
  ],
  [
    "minutes that quote question codes in a table",
    [
      p(r("รายงานการประชุมคณะทำงาน ครั้งที่ 2/2567")),
      table(
        row(cell(p(r("ข้อ"))), cell(p(r("ผู้รับผิดชอบ")))),
        ...["G1", "G2", "P1.1", "P1.2", "P2.1", "P3.1", "P4.1", "P5.1", "P6.1", "P7.1"].map((c) => row(cell(p(r(`${c} ตอบโดยสำนักงานจังหวัด`))), cell(p(r("กลุ่มงานข้อมูลสารสนเทศ"))))),
      ),
    ].join(""),
  ],
];

describe("documents that are not the form", () => {
  it("real .docx test documents of other projects (node_modules): none is accepted, none crashes", () => {
    const files = docxFilesUnder(path.join(ROOT, "node_modules"));
    expect(files.length).toBeGreaterThanOrEqual(10);
    const verdicts = files.map((f) => judge(path.relative(ROOT, f), new Uint8Array(readFileSync(f))));
    expect(verdicts.filter((v) => v.accepted)).toEqual([]);
  });

  it("Thai government documents offices attach (orders, minutes, plans, notices, policies): none is accepted", () => {
    const verdicts: Verdict[] = [];
    for (const [kind, build] of Object.entries(BUILDERS)) {
      for (let draw = 0; draw < 3; draw++) {
        const doc = build(makeCtx(new Rng(`negative/${kind}/${draw}`), "tune"), `${kind}-${draw}`);
        verdicts.push(judge(`${kind}-${draw}.docx`, buildDocx(wordBody(doc.blocks))));
      }
    }
    expect(verdicts.length).toBe(Object.keys(BUILDERS).length * 3);
    expect(verdicts.filter((v) => v.accepted)).toEqual([]);
  });

  it.each(lookalikes)("%s: not accepted, and no answers taken", (name, body) => {
    expect(judge(`${name}.docx`, buildDocx(body))).toMatchObject({ accepted: false, answers: 0 });
  });

  it("the form itself, blank or re-laid out, is accepted", () => {
    expect(judge("blank.docx", new Uint8Array(readFileSync(path.join(ROOT, "samples", "pcio-2567-blank.docx")))).accepted).toBe(true);
    for (const style of ["glyph", "sym", "typed", "legacy", "lo", "mixed"]) {
      expect(judge(style, new Uint8Array(readFileSync(path.join(ROOT, "samples", "forms", "tune", `${style}-01.docx`)))).accepted).toBe(true);
    }
  });
});
