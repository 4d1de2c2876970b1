/** Rounds: history across runs of the batch on a growing inbox, and what changed since the round before. */
import { describe, expect, it } from "vitest";
import { BatchManifest, MANIFEST_SCHEMA, type AgencyBundle, type ManifestFile } from "../../src/bundle/schema.js";
import type { LedgerAgency, LedgerIssue } from "../../src/ledger/index.js";
import { nextRounds, parseRounds } from "../../src/ledger/rounds.js";

const A = "สำนักงานพาณิชย์จังหวัดเชียงใหม่";
const B = "สำนักงานคลังจังหวัดเชียงใหม่";

const agency = (id: string, status: LedgerAgency["status"]): LedgerAgency => ({
  id,
  name: id,
  respondent: "agency",
  expected: true,
  status,
  files: 1,
  counts: { error: status === "must_fix" ? 1 : 0, warning: 0, info: 0 },
  completeness: { held: 1, required: 1 },
  audit: { total: 0, supported: 0, accepted: 0, rejected: 0, open: 0 },
});
const file = (path: string, sha: string, agencyId: string, modified = "2024-06-18"): ManifestFile => ({ path, sha256: sha.repeat(64), kind: "form", status: "used", agency: agencyId, modified });
const issue = (agencyId: string, code: string, question: string): LedgerIssue => ({
  agency: agencyId,
  question,
  field: "",
  file: "f.docx",
  severity: "error",
  code,
  source: "validation",
  message: `ข้อ ${question}: ${code}`,
  messageEn: code,
  hint: "",
  hintEn: "",
});
const manifest = (agencies: LedgerAgency[], files: ManifestFile[], issues: LedgerIssue[]) =>
  BatchManifest.parse({ schema: MANIFEST_SCHEMA, form: "pcio-2567", province: "เชียงใหม่", agencies, issues, files, summary: { statuses: { not_received: 0, must_fix: 0, complete: 0, audited: 0 }, issues: { error: issues.length, warning: 0, info: 0 } } });
const bundle = (id: string, answers: Record<string, true | string>) =>
  ({ agency: { id }, answers: { answers: Object.entries(answers).map(([field, value]) => ({ field, value })) } }) as unknown as AgencyBundle;

describe("nextRounds", () => {
  const round1 = manifest([agency(A, "must_fix"), agency(B, "not_received")], [file("a.docx", "1", A)], [issue(A, "specify_missing", "P5.3.1")]);
  const first = nextRounds(undefined, round1, [bundle(A, { "P5.3.1:yes": true })]);

  it("starts with round 1, no changes, dated by its newest file", () => {
    expect(first.rounds.map((r) => [r.number, r.received, r.changes.length])).toEqual([[1, "2024-06-18", 0]]);
    expect(first.rounds[0]!.agencies.find((a) => a.id === A)).toMatchObject({ status: "must_fix", answers: { "P5.3.1:yes": "✓" }, issues: [{ code: "specify_missing" }] });
  });

  it("redoes the round for the same inbox instead of adding one", () => {
    const again = nextRounds(parseRounds(JSON.stringify(first)), round1, [bundle(A, { "P5.3.1:yes": true })]);
    expect(again.rounds.length).toBe(1);
    expect(again).toEqual(first);
  });

  it("adds a round for new files: what arrived, answers changed, issues fixed and new, status before and after", () => {
    const round2 = manifest(
      [agency(A, "complete"), agency(B, "must_fix")],
      [file("a.docx", "1", A), file("a_แก้ไข.docx", "2", A, "2024-06-21"), file("b.docx", "3", B, "2024-06-22")],
      [issue(B, "choice_missing", "G1")],
    );
    const second = nextRounds(first, round2, [bundle(A, { "P5.3.1:yes": true, "P5.3.1:yes.specify": "VPN" }), bundle(B, { "G1:yes": true })]);
    expect(second.rounds.map((r) => r.number)).toEqual([1, 2]);
    const [a, b] = second.rounds[1]!.changes;
    expect(a).toMatchObject({ id: A, statusBefore: "must_fix", statusAfter: "complete", arrived: [{ path: "a_แก้ไข.docx", modified: "2024-06-21" }], added: [] });
    expect(a!.fixed.map((i) => i.code)).toEqual(["specify_missing"]);
    expect(a!.answers).toEqual([{ field: "P5.3.1:yes.specify", before: null, after: "VPN" }]);
    expect(b).toMatchObject({ id: B, statusBefore: "not_received", statusAfter: "must_fix", fixed: [], added: [{ code: "choice_missing", question: "G1" }] });
    expect(second.rounds[1]!.received).toBe("2024-06-22");
  });

  it("starts a fresh history when rounds.json is not one", () => {
    expect(parseRounds("{not json")).toBeUndefined();
    expect(parseRounds(JSON.stringify({ schema: "x" }))).toBeUndefined();
    expect(parseRounds(undefined)).toBeUndefined();
  });
});
