/** The message tables: one per language, every code with a message and a hint, placeholders filled from data. */
import { describe, expect, it } from "vitest";
import { MESSAGES, fill, formatIssue } from "../../src/i18n/index.js";
import { ISSUE_CODES } from "../../src/validate/types.js";

describe("message tables", () => {
  it("have a message and a fix hint for every issue code in Thai and English, and nothing else", () => {
    for (const lang of ["th", "en"] as const) {
      expect(Object.keys(MESSAGES[lang].issues).sort()).toEqual([...ISSUE_CODES].sort());
      for (const code of ISSUE_CODES) {
        expect(MESSAGES[lang].issues[code].message.length, `${lang} ${code}`).toBeGreaterThan(10);
        expect(MESSAGES[lang].issues[code].hint.length, `${lang} ${code}`).toBeGreaterThan(5);
      }
    }
  });

  it("use the same placeholders in both languages", () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const code of ISSUE_CODES) {
      const th = MESSAGES.th.issues[code];
      const en = MESSAGES.en.issues[code];
      expect(new Set(names(th.message + th.hint)), code).toEqual(new Set(names(en.message + en.hint)));
    }
  });

  it("fill placeholders, join lists, shorten long labels, drop [optional] parts without a value, name roles", () => {
    const t = MESSAGES.th;
    expect(fill("a {x}[ (b {y})] c", { x: 1 }, t)).toBe("a 1 c");
    expect(fill("a {x}[ (b {y})] c", { x: 1, y: "z" }, t)).toBe("a 1 (b z) c");
    expect(fill("{list}", { list: ["P1.1", "P1.2"] }, t)).toBe("P1.1, P1.2");
    expect(fill("{label}", { label: "ก".repeat(200) }, t)).toHaveLength(90);
    expect(fill("{respondent}", { respondent: "agency" }, t)).toBe("หน่วยงาน");
    const issue = { code: "not_asked_answered" as const, severity: "info" as const, question: "G1", data: { answeredBy: "provincial_office", respondent: "agency" } };
    expect(formatIssue(issue).message).toBe("ข้อ G1 เป็นข้อที่สำนักงานจังหวัดตอบ (หน่วยงานไม่ต้องตอบข้อนี้)");
    expect(formatIssue(issue, "en").message).toBe("question G1 is answered by the provincial office; an agency is not asked it");
  });
});
