import { describe, expect, it } from "vitest";
import { hasThaiDigits, normalizeEvidenceText, thaiDigitsToArabic } from "../../src/evidence/thai.js";

describe("normalizeEvidenceText (shared normalizeThai + PDF and OCR fixes)", () => {
  it("joins nikhahit + sara aa into sara am, also across a tone mark", () => {
    expect(normalizeEvidenceText("คํา")).toBe("คำ");
    expect(normalizeEvidenceText("น\u0E4D\u0E49\u0E32")).toBe("น้ำ");
  });

  it("drops the sara aa some PDF producers append to sara am", () => {
    expect(normalizeEvidenceText("คำาสั่ง")).toBe("คำสั่ง");
  });

  it("removes zero-width characters and maps Windows Thai PUA glyph variants", () => {
    expect(normalizeEvidenceText("แต่ง\u200Bตั้ง\uFEFF")).toBe("แต่งตั้ง");
    expect(normalizeEvidenceText("ที\uF70A")).toBe("ที่");
    expect(normalizeEvidenceText("\uF700าน")).toBe("ฐาน");
  });

  it("puts the upper vowel before the tone mark", () => {
    expect(normalizeEvidenceText("ท\u0E48\u0E35")).toBe("ที่");
  });

  it("drops marks that have no letter to sit on", () => {
    expect(normalizeEvidenceText("\u0E39สำนักงาน\n\u0E49ก")).toBe("สำนักงาน\nก");
  });

  it("collapses spaces but keeps line breaks", () => {
    expect(normalizeEvidenceText("  ก   ข \n  ค ")).toBe("ก ข\nค");
  });
});

describe("Thai digits", () => {
  it("are kept and also given as Arabic", () => {
    expect(hasThaiDigits("ที่ ๑๒๓/๒๕๖๗")).toBe(true);
    expect(thaiDigitsToArabic("ที่ ๑๒๓/๒๕๖๗")).toBe("ที่ 123/2567");
    expect(hasThaiDigits("123")).toBe(false);
  });
});
