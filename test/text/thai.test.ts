import { describe, expect, it } from "vitest";
import { labelSimilarity, normalizeThai, parseThaiDate, parseThaiNumber, thaiDigitsToArabic } from "../../src/text/thai.js";

describe("normalizeThai", () => {
  it("joins nikhahit + sara aa into sara am, also around tone marks", () => {
    expect(normalizeThai("ดําเนินการ")).toBe("ดำเนินการ");
    expect(normalizeThai("น\u0e49\u0e4d\u0e32")).toBe("น้ำ"); // tone, nikhahit, sara aa
    expect(normalizeThai("น\u0e4d\u0e49\u0e32")).toBe("น้ำ"); // nikhahit, tone, sara aa
    expect(normalizeThai("น\u0e4d\u0e32\u0e49")).toBe("น้ำ"); // pair, then tone
    expect(normalizeThai("น\u0e33\u0e49")).toBe("น้ำ"); // sara am typed before the tone
    expect(normalizeThai("น้ำ")).toBe("น\u0e49\u0e33");
  });

  it("removes zero-width characters, BOM and soft hyphens; fixes เเ; collapses whitespace", () => {
    expect(normalizeThai("\ufeff  การ\u200bดำเนิน\u200c\u200d\u2060งาน\u00ad \t\n ต่อ  ")).toBe("การดำเนินงาน ต่อ");
    expect(normalizeThai("เเบบสอบถาม")).toBe("แบบสอบถาม");
    expect(normalizeThai("ก\u00a0\u00a0ข")).toBe("ก ข");
  });

  it("NFC, and collapseSpaces: false keeps whitespace", () => {
    expect(normalizeThai("e\u0301")).toBe("\u00e9");
    expect(normalizeThai(" ก\t\tข\u200b ", { collapseSpaces: false })).toBe(" ก\t\tข ");
  });
});

describe("numbers", () => {
  it("thaiDigitsToArabic", () => {
    expect(thaiDigitsToArabic("๐๑๒๓๔๕๖๗๘๙ ข้อ ๑.๒")).toBe("0123456789 ข้อ 1.2");
  });

  it("parseThaiNumber", () => {
    expect(parseThaiNumber("๑,๒๐๐")).toBe(1200);
    expect(parseThaiNumber(" 1,234,567.50 ")).toBe(1234567.5);
    expect(parseThaiNumber("๑,๒๐๐.-")).toBe(1200);
    expect(parseThaiNumber("-๓")).toBe(-3);
    expect(parseThaiNumber("0")).toBe(0);
    expect(parseThaiNumber("1,2")).toBeNull();
    expect(parseThaiNumber("12,34")).toBeNull();
    expect(parseThaiNumber("สิบ")).toBeNull();
    expect(parseThaiNumber("")).toBeNull();
    expect(parseThaiNumber("12 คน")).toBeNull();
  });
});

describe("parseThaiDate", () => {
  it.each([
    ["12 มิ.ย. 2566", "2023-06-12"],
    ["๑๒ มิถุนายน ๒๕๖๖", "2023-06-12"],
    ["12/06/66", "2023-06-12"],
    ["12/6/2566", "2023-06-12"],
    ["1-1-2567", "2024-01-01"],
    ["๓๑ ธ.ค. ๖๖", "2023-12-31"],
    ["5 มิ.ย.66", "2023-06-05"],
    ["วันที่ 12 เดือน มิถุนายน พ.ศ. 2566", "2023-06-12"],
    ["วันจันทร์ที่ 12 มิถุนายน พ.ศ.2566", "2023-06-12"],
    ["12 กรกฏาคม 2566", "2023-07-12"],
    ["29 ก.พ. 2567", "2024-02-29"],
    ["12 มิถุนายน ค.ศ. 2023", "2023-06-12"],
    ["2023-06-12", "2023-06-12"],
  ])("%s → %s", (input, iso) => {
    expect(parseThaiDate(input)).toBe(iso);
  });

  it.each(["29 ก.พ. 2566", "31 เม.ย. 2566", "12 ฟฟ 2566", "12/13/66", "ข้อความ", "2566", "12 มิถุนายน 2566 และ 13", "0/06/66", "12/06/1500"])(
    "%s → null",
    (input) => {
      expect(parseThaiDate(input)).toBeNull();
    },
  );
});

describe("labelSimilarity", () => {
  it("1 for labels equal after normalisation, ignoring spaces, punctuation, underscores and dots", () => {
    expect(labelSimilarity("มี (โปรดระบุ).....", "มี โปรดระบุ ____")).toBe(1);
    expect(labelSimilarity("ดําเนินการแล้ว", "ดำเนินการ แล้ว")).toBe(1);
    expect(labelSimilarity("ข้อ ๑", "ข้อ 1")).toBe(1);
  });

  it("Dice coefficient of bigrams otherwise", () => {
    // "abcd" vs "abce": bigrams ab bc cd / ab bc ce → 2·2 / 6
    expect(labelSimilarity("abcd", "abce")).toBeCloseTo(4 / 6, 10);
    expect(labelSimilarity("ไม่มี", "มี")).toBeCloseTo((2 * 1) / (4 + 1), 10);
    expect(labelSimilarity("ใช่", "ไม่ใช่")).toBeGreaterThan(0);
    expect(labelSimilarity("ใช่", "ไม่ใช่")).toBeLessThan(0.8);
    expect(labelSimilarity("ก", "ข")).toBe(0);
    expect(labelSimilarity("", "ก")).toBe(0);
    expect(labelSimilarity("...", "__")).toBe(1);
  });
});
