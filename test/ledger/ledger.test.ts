/**
 * The ledger: one status, one list of issues and one count per agency of the roster, from files, validation and the
 * audit (with the auditors' decisions). Bundles are real extractions (test/report/fixtures.ts) with their validation
 * and audit replaced where a case needs it.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { AgencyBundle, AuditItem, ManifestFile } from "../../src/bundle/schema.js";
import { ErrorCodeSchema } from "../../src/evidence/schema.js";
import { buildLedger, decidedBundles, ISSUE_NAMES, loadRosterFile, resolveRoster, type Roster } from "../../src/ledger/index.js";
import { ISSUE_CODES } from "../../src/validate/types.js";
import { rosterAgencyNamed } from "../../src/ledger/roster.js";
import { buildFixture, TEST_AGENCIES } from "../report/fixtures.js";

let base: AgencyBundle;
beforeAll(async () => {
  base = (await buildFixture([TEST_AGENCIES[1]!])).input.bundles[0]!;
});

const roster = (): Roster => resolveRoster(loadRosterFile(), "เชียงใหม่");
const COMMERCE = "สำนักงานพาณิชย์จังหวัดเชียงใหม่";
const LABOUR = "สำนักงานแรงงานจังหวัดเชียงใหม่";

const item = (field: string, verdict: AuditItem["verdict"], question = field.split(":")[0]!): AuditItem => ({
  question,
  field,
  label: `คำตอบ ${field}`,
  verdict,
  score: verdict === "supported" ? 0.9 : 0.1,
  expectation: "คำสั่งแต่งตั้งคณะกรรมการ",
  reasons: [{ code: "phrase_missing", message: "ไม่พบคำว่า แต่งตั้ง", messageEn: "no แต่งตั้ง" }],
});

/** The commerce bundle answering P1.1 and P2.1.1 with no validation issue, and the given audit items. */
function clean(audit: AuditItem[], issues: unknown[] = []): AgencyBundle {
  const validation = {
    counts: { error: 0, warning: 0, info: 0 },
    completeness: { pillars: [], answered: 2, required: 2, answeredQuestions: ["P1.1", "P2.1.1"] },
    issues,
  };
  return { ...base, agency: { ...base.agency, id: COMMERCE, name: COMMERCE }, validation, audit, evidence: [] };
}

const used = (path: string, agency: string, kind: ManifestFile["kind"] = "form"): ManifestFile => ({ path, sha256: "a".repeat(64), kind, status: "used", agency, modified: "2024-06-20" });

describe("buildLedger", () => {
  it("lists every roster agency once, in roster order, the silent ones as not received, others after it", () => {
    const stranger = { ...clean([]), agency: { ...base.agency, id: "ศูนย์ดิจิทัล", name: "ศูนย์ดิจิทัล" } };
    const ledger = buildLedger({ roster: roster(), files: [used("a.docx", COMMERCE), used("b.docx", "ศูนย์ดิจิทัล")], bundles: [clean([]), stranger] });
    expect(ledger.agencies.length).toBe(23);
    expect(ledger.agencies.slice(0, 22).map((a) => a.name)).toEqual(roster().agencies.map((a) => a.name));
    expect(ledger.agencies[22]).toMatchObject({ name: "ศูนย์ดิจิทัล", expected: false });
    expect(ledger.agencies.find((a) => a.id === LABOUR)).toMatchObject({ status: "not_received", files: 0, counts: { error: 0 } });
    expect(ledger.summary.statuses.not_received).toBe(21);
  });

  it("an agency whose only form is broken must fix it; one that sent only evidence owes its form", () => {
    const broken: ManifestFile = { path: "แรงงาน/แบบสำรวจ.docx", kind: "form", status: "failed", agency: LABOUR, reason: { code: "corrupt_zip", message: "ไฟล์เสียหาย", messageEn: "damaged" } };
    const evidenceOnly: ManifestFile = { ...used("ยุติธรรม/P6.2.2.pdf", "สำนักงานยุติธรรมจังหวัดเชียงใหม่", "evidence"), status: "ignored", reason: { code: "form_missing", message: "ยังไม่ได้รับแบบสำรวจ", messageEn: "no form" } };
    const ledger = buildLedger({ roster: roster(), files: [broken, evidenceOnly], bundles: [] });
    const labour = ledger.agencies.find((a) => a.id === LABOUR)!;
    expect(labour).toMatchObject({ status: "must_fix", counts: { error: 1, warning: 0 }, completeness: { held: 0, required: 0 } });
    expect(ledger.issues.filter((i) => i.agency === LABOUR)).toMatchObject([{ code: "corrupt_zip", source: "file", severity: "error", file: broken.path, hint: expect.stringContaining("Word") }]);
    const justice = ledger.agencies.find((a) => a.name === "สำนักงานยุติธรรมจังหวัดเชียงใหม่")!;
    expect(justice.status).toBe("must_fix");
    expect(ledger.issues.filter((i) => i.agency === justice.id).map((i) => i.code)).toEqual(["form_not_received"]);
  });

  it("complete while an audit verdict is open; audited once every verdict is supported or accepted", () => {
    const bundle = clean([item("P1.1:done", "supported"), item("P2.1.1:yes", "not_supported")]);
    const files = [used("a.docx", COMMERCE)];
    const open = buildLedger({ roster: roster(), files, bundles: [bundle] });
    const commerce = () => open.agencies.find((a) => a.id === COMMERCE)!;
    expect(commerce()).toMatchObject({ status: "complete", counts: { error: 0, warning: 1 }, audit: { total: 2, supported: 1, open: 1 }, completeness: { held: 2, required: 2 } });
    expect(open.issues.find((i) => i.agency === COMMERCE)).toMatchObject({ code: "audit_not_supported", source: "audit", question: "P2.1.1", field: "P2.1.1:yes" });
    expect(open.issues[0]!.message).toContain("ไม่พบคำว่า แต่งตั้ง");
    expect(open.issues[0]!.hint).toContain("คำสั่งแต่งตั้งคณะกรรมการ");

    const accepted = buildLedger({ roster: roster(), files, bundles: [bundle], decisions: [{ agency: COMMERCE, field: "P2.1.1:yes", question: "P2.1.1", decision: "accept", comment: "" }] });
    expect(accepted.agencies.find((a) => a.id === COMMERCE)).toMatchObject({ status: "audited", counts: { error: 0, warning: 0 }, audit: { accepted: 1, open: 0 } });
  });

  it("an auditor's rejection is an error with the comment, and the answer no longer counts as complete", () => {
    const bundle = clean([item("P1.1:done", "supported"), item("P2.1.1:yes", "supported")]);
    const ledger = buildLedger({
      roster: roster(),
      files: [used("a.docx", COMMERCE)],
      bundles: [bundle],
      decisions: [{ agency: COMMERCE, field: "P1.1:done", question: "P1.1", decision: "reject", comment: "คำสั่งหมดอายุแล้ว" }],
    });
    const commerce = ledger.agencies.find((a) => a.id === COMMERCE)!;
    expect(commerce).toMatchObject({ status: "must_fix", counts: { error: 1 }, completeness: { held: 1, required: 2 }, audit: { rejected: 1, supported: 1, open: 0 } });
    expect(ledger.issues.find((i) => i.agency === COMMERCE)).toMatchObject({ code: "audit_rejected", severity: "error", message: expect.stringContaining("คำสั่งหมดอายุแล้ว") });
  });

  it("an auditor's acceptance closes the answer's unmarked-evidence error: the evidence holds, however it is marked", () => {
    const unmarked = { code: "evidence_not_marked", severity: "error", question: "P1.1", field: "P1.1:done", data: { question: "P1.1", file: "P1.1.pdf" } };
    const bundle = clean([item("P1.1:done", "not_marked"), item("P2.1.1:yes", "supported")], [unmarked]);
    const files = [used("a.docx", COMMERCE)];
    const before = buildLedger({ roster: roster(), files, bundles: [bundle] });
    expect(before.agencies.find((a) => a.id === COMMERCE)).toMatchObject({ status: "must_fix", counts: { error: 1 } });
    const after = buildLedger({ roster: roster(), files, bundles: [bundle], decisions: [{ agency: COMMERCE, field: "P1.1:done", question: "P1.1", decision: "accept", comment: "" }] });
    expect(after.agencies.find((a) => a.id === COMMERCE)).toMatchObject({ status: "audited", counts: { error: 0 }, completeness: { held: 2 } });
  });

  it("counts an answer as held only without an error on its question (missing evidence, an unreadable file)", () => {
    const missing = { code: "evidence_missing", severity: "error", question: "P2.1.1", field: "P2.1.1:yes", data: { question: "P2.1.1", label: "มี", count: 1 } };
    const bundle = clean([item("P1.1:done", "supported"), item("P2.1.1:yes", "evidence_missing")], [missing]);
    const locked: ManifestFile = { ...used("P1.1.pdf", COMMERCE, "evidence"), status: "failed", questions: ["P1.1"], reason: { code: "encrypted-pdf", message: "PDF มีรหัสผ่าน", messageEn: "locked" } };
    const ledger = buildLedger({ roster: roster(), files: [used("a.docx", COMMERCE), locked], bundles: [bundle] });
    const commerce = ledger.agencies.find((a) => a.id === COMMERCE)!;
    expect(commerce).toMatchObject({ status: "must_fix", completeness: { held: 0, required: 2 }, counts: { error: 2 } });
    // The evidence_missing verdict is the validation issue already: one issue, not two.
    expect(ledger.issues.filter((i) => i.agency === COMMERCE).map((i) => i.code).sort()).toEqual(["encrypted-pdf", "evidence_missing"]);
  });

  it("lists files of no agency last, and its totals are the sum of its issues", () => {
    const stray: ManifestFile = { path: "ไม่ทราบ.pdf", sha256: "b".repeat(64), kind: "evidence", status: "unlinked", reason: { code: "agency_unknown", message: "ไม่ทราบหน่วยงาน", messageEn: "no agency" } };
    const ledger = buildLedger({ roster: roster(), files: [used("a.docx", COMMERCE), stray], bundles: [clean([item("P1.1:done", "weak")])] });
    expect(ledger.issues.at(-1)).toMatchObject({ agency: "", code: "agency_unknown", severity: "warning" });
    expect(ledger.summary.issues).toEqual({ error: 0, warning: 1, info: 1 });
    expect(ledger.agencies.reduce((n, a) => n + a.counts.info, 0)).toBe(1);
  });
});

describe("decidedBundles", () => {
  it("gives the province an accepted answer as supported and a rejected one as not supported, leaving the rest", () => {
    const bundle = clean([item("P1.1:done", "not_supported"), item("P2.1.1:yes", "supported"), item("P3.1:x", "weak")]);
    const [decided] = decidedBundles(
      [bundle],
      [
        { agency: COMMERCE, field: "P1.1:done", question: "P1.1", decision: "accept", comment: "" },
        { agency: COMMERCE, field: "P2.1.1:yes", question: "P2.1.1", decision: "reject", comment: "" },
      ],
    );
    expect(decided!.audit!.map((i) => i.verdict)).toEqual(["supported", "not_supported", "weak"]);
    expect(bundle.audit!.map((i) => i.verdict)).toEqual(["not_supported", "supported", "weak"]);
  });
});

describe("issue names", () => {
  it("names every validation, evidence-file and audit issue in Thai and English", () => {
    const codes = [...ISSUE_CODES, ...ErrorCodeSchema.options, "corrupt_zip", "encrypted_docx", "damaged_xml", "form_not_received", "no_question_code", "agency_unknown", "audit_not_supported", "audit_weak", "audit_unreadable", "audit_rejected"];
    for (const code of codes) {
      expect(ISSUE_NAMES[code]?.th, code).toMatch(/[\u0e00-\u0e7f]/u);
      expect(ISSUE_NAMES[code]?.en, code).toMatch(/[a-z]/u);
    }
  });
});

describe("the roster", () => {
  it("fills in the province and finds an agency by its full name, a folder's short name or an alias", () => {
    const r = roster();
    expect(r.agencies.length).toBe(22);
    expect(r.agencies[0]).toMatchObject({ name: "สำนักงานจังหวัดเชียงใหม่", respondent: "provincial_office", id: "สำนักงานจังหวัดเชียงใหม่" });
    expect(rosterAgencyNamed(r, "สำนักงานพาณิชย์จังหวัดเชียงใหม่")?.name).toBe(COMMERCE);
    expect(rosterAgencyNamed(r, "สนง.พาณิชย์")?.name).toBe(COMMERCE);
    expect(rosterAgencyNamed(r, "แบบสำรวจ พมจ. 2567")?.name).toBe("สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดเชียงใหม่");
    expect(rosterAgencyNamed(r, "รายงานการประชุม")).toBeUndefined();
  });

  it("refuses a roster file that is not one, naming the file", () => {
    expect(() => loadRosterFile("no-such-roster")).toThrow(expect.objectContaining({ code: "unreadable_roster", messageTh: expect.stringMatching(/^อ่านรายชื่อหน่วยงานไม่ได้.*pcio-2567/u) }));
  });
});
