/**
 * The extraction score: blank values are scored both ways, so that a value read where the truth has none (printed
 * words taken for an empty blank) or a different value lowers precision, while recall only sees the truth's values.
 */
import { describe, expect, it } from "vitest";
import type { AnswerDocument, AnswerItem } from "../../src/extract/answers.js";
import { emptyScore, finish, formatTable, scoreOne, type Truth } from "../../src/extract/score.js";

const answer = (field: string, value: AnswerItem["value"]): AnswerItem =>
  ({ field, question: field.split(":")[0]!, kind: value === true ? "choice" : "text", label: "", value, location: {}, recognizedBy: "text" }) as AnswerItem;

const read = (general: Record<string, string>, answers: AnswerItem[]): AnswerDocument => ({
  form: "pcio-2567",
  source: { file: "x.docx", sha256: "0", bytes: 0 },
  general,
  method: "anchored",
  questionsFound: [],
  answers,
  warnings: [],
});

const truth: Truth = {
  file: "x.docx",
  style: "glyph",
  split: "tune",
  checked: ["P2.2.1.2:i3.yes"],
  values: { "P2.2.1.2:i3_1.url": "https://opendata.chiangmai.go.th", "P2.2.1.2:i3_1.structured": 38, "G1:no.reason": "ขาดงบประมาณ" },
  general: { province: "เชียงใหม่" },
  lo_repeated: ["G1:no.reason"],
};

describe("blank-value precision", () => {
  it("counts a value read for an empty blank, and a wrong value, against precision", () => {
    const score = emptyScore("glyph");
    scoreOne(
      truth,
      read({ province: "เชียงใหม่", email: "ชื่อผู้ประสานงาน" }, [
        answer("P2.2.1.2:i3.yes", true),
        answer("P2.2.1.2:i1.url", "2. จังหวัดขอใช้บริการจากระบบสมาชิกของ data.go.th"),
        answer("P2.2.1.2:i3_1.url", "https://opendata.chiangmai.go.th"),
        answer("P2.2.1.2:i3_1.structured", 83),
        answer("G1:no.reason", "ขาดงบประมาณ ขาดงบประมาณ"),
      ]),
      score,
    );
    const s = finish(score);
    // Read: three values (one for an empty blank, one right, one wrong) and two general fields (one not in the truth).
    expect([s.valuesRead, s.valuesReadRight]).toEqual([5, 2]);
    expect(s.valuePrecision).toBeCloseTo(2 / 5);
    expect([s.valuesExpected, s.valuesFound, s.valueRecall]).toEqual([3, 2, 2 / 3]);
    // LibreOffice's repeats are scored apart, for precision too.
    expect([s.repeatedExpected, s.repeatedFound]).toEqual([1, 0]);
    expect(s.misses).toContain(`x.docx: value P2.2.1.2:i1.url expected nothing got "2. จังหวัดขอใช้บริการจากระบบสมาชิกของ data.go.th"`);
    expect(s.misses).toContain(`x.docx: general email expected nothing got "ชื่อผู้ประสานงาน"`);
    expect([s.precision, s.recall]).toEqual([1, 1]);
  });

  it("is 100% when nothing was read, and is printed next to recall", () => {
    const s = finish(emptyScore("cc"));
    expect(s.valuePrecision).toBe(1);
    const table = formatTable([finish({ ...emptyScore("lo"), valuesRead: 4, valuesReadRight: 3 })]);
    expect(table).toMatch(/recall precision/);
    expect(table).toMatch(/^lo .* 75\.00% /m);
  });
});
