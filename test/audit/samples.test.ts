/**
 * The audit on the tune split of samples/audit (labelled answer/evidence pairs made by scripts/audit-samples/), one
 * test per pair grouped by the rule that gives its verdict, plus what an audit item carries and the CLI.
 * Regenerate the samples with `npx tsx scripts/audit-samples/generate.ts`.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { auditAgency, auditExitCode } from "../../src/audit/index.js";
import { AuditItem, type AgencyBundle, type Verdict } from "../../src/bundle/schema.js";
import { main } from "../../src/cli/main.js";
import { loadForm } from "../../src/form/load.js";
import { auditSplit, bundleFor, loadLabels } from "../../scripts/audit-samples/pairs.js";

const form = loadForm();
const results = auditSplit("tune", form);
const byId = new Map(results.map((r) => [r.pair.id, r]));

const RULES: Record<Verdict, string> = {
  supported: "the document the answer calls for, key text marked, in the date window",
  weak: "right topic, one shortcoming (marks elsewhere, other kind of document, no readable date, URL only)",
  not_supported: "about something else, outside the date window, or two shortcomings",
  not_marked: "the right document with nothing marked",
  evidence_missing: "nothing attached to the question",
  unreadable: "a broken file or a blank page",
};

describe("audit verdicts on samples/audit/tune", () => {
  for (const [verdict, rule] of Object.entries(RULES) as [Verdict, string][]) {
    const pairs = results.filter((r) => r.pair.expected === verdict);
    describe(`${verdict}: ${rule}`, () => {
      it("has labelled pairs", () => expect(pairs.length).toBeGreaterThan(0));
      for (const r of pairs) {
        it(`${r.pair.id} ${r.pair.field} — ${r.pair.why}`, () => {
          expect(r.actual, r.item?.reasons.map((x) => x.messageEn).join(" | ")).toBe(verdict);
        });
      }
    });
  }
});

describe("an audit item", () => {
  it("is a valid AuditItem with both languages in every reason", () => {
    for (const r of results) {
      if (!r.item) continue;
      expect(AuditItem.safeParse(r.item).success, r.pair.id).toBe(true);
      for (const reason of r.item.reasons) {
        expect(reason.message, `${r.pair.id} ${reason.code}`).not.toMatch(/\{\w+\}/);
        expect(reason.messageEn, `${r.pair.id} ${reason.code}`).not.toMatch(/\{\w+\}/);
      }
    }
  });

  it("points at the marked region that supports it: file, page, snippet and box", () => {
    const item = byId.get("t01")!.item!;
    expect(item.evidence).toMatchObject({ file: "files/pcio-order.pdf", page: 1, in: "marked" });
    expect(item.evidence!.snippet.replace(/\s/gu, "")).toMatch(/แต่งตั้งคณะกรรมการผู้บริหารเทคโนโลยีสารสนเทศ/u);
    expect(item.evidence!.bbox).toHaveLength(4);
    expect(item.expectation).toMatch(/คำสั่งแต่งตั้ง/u);
    expect(item.score).toBe(1);
  });

  it("shows the page text where the key text was found unmarked, and says so", () => {
    const item = byId.get("t02")!.item!;
    expect(item.evidence?.in).toBe("page");
    expect(item.reasons.map((r) => r.code)).toContain("marked_elsewhere");
    expect(item.score).toBeLessThan(1);
  });

  it("names the date and the window for G2", () => {
    expect(byId.get("t10")!.item!.reasons.find((r) => r.code === "date_within")?.message).toMatch(/14 มีนาคม|๑๔ มีนาคม/u);
    expect(byId.get("t11")!.item!.reasons.find((r) => r.code === "date_outside")?.messageEn).toMatch(/outside 12 มิ.ย. 66 – 11 มิ.ย. 67/u);
  });

  it("keeps the crop path of the region it shows", () => {
    const pair = loadLabels("tune").pairs.find((p) => p.id === "t01")!;
    const bundle = bundleFor(form, "tune", pair);
    for (const page of bundle.evidence[0]!.pages) page.regions.forEach((r, i) => (r.crop = `crops/x-p${page.number}-${i}.png`));
    expect(auditAgency(form, bundle)[0]!.evidence?.crop).toMatch(/^crops\/x-p1-\d\.png$/);
  });

  it("skips answers that call for no evidence, and P4.3 (no evidence mark) when nothing is attached", () => {
    const pair = loadLabels("tune").pairs.find((p) => p.id === "t38")!;
    const bundle = bundleFor(form, "tune", pair);
    expect(auditAgency(form, bundle).map((i) => i.field)).toEqual(["P4.3:yes.policy"]);
    expect(auditAgency(form, { ...bundle, evidence: [] })).toEqual([]);
  });
});

describe("samruat audit", () => {
  const run = async (bundle: AgencyBundle | string, ...args: string[]) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "samruat-audit-"));
    const file = path.join(dir, "agency.json");
    writeFileSync(file, typeof bundle === "string" ? bundle : JSON.stringify(bundle));
    let stdout = "";
    let stderr = "";
    const code = await main(["audit", file, ...args], {
      stdout: { write: (s: string) => ((stdout += s), true) } as NodeJS.WritableStream,
      stderr: { write: (s: string) => ((stderr += s), true) } as NodeJS.WritableStream,
    });
    return { code, stdout, stderr };
  };
  const bundleOf = (id: string) => bundleFor(form, "tune", loadLabels("tune").pairs.find((p) => p.id === id)!);

  it("prints JSON and exits 0 when the evidence supports the answers", async () => {
    const { code, stdout } = await run(bundleOf("t01"), "--format", "json");
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.counts.supported).toBe(1);
    expect(json.items[0].verdict).toBe("supported");
  });

  it("exits 1 for evidence not supporting or not marked, in Thai or English text", async () => {
    const th = await run(bundleOf("t05"));
    expect(th.code).toBe(1);
    expect(th.stdout).toMatch(/หลักฐานไม่สนับสนุนคำตอบ/u);
    const en = await run(bundleOf("t03"), "--lang", "en");
    expect(en.code).toBe(1);
    expect(en.stdout).toMatch(/key text not marked/);
  });

  it("exits 1 for unreadable evidence (the office must resend it) and 2 for a file that is not a bundle", async () => {
    expect((await run(bundleOf("t09"))).code).toBe(1);
    const bad = await run("{\"schema\": \"nope\"}");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/agency bundle|ไฟล์คำตอบรายหน่วยงาน/u);
  });

  it("agrees with auditExitCode", () => {
    expect(auditExitCode(auditAgency(form, bundleOf("t02")))).toBe(0);
    expect(auditExitCode(auditAgency(form, bundleOf("t08")))).toBe(1);
  });
});
