/** renderReport as a string: escaping, determinism, inlined crops, and reading loose inputs defensively. */
import { ruleText } from "../../src/consolidate/labels.js";
import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { ReportData } from "../../src/report/index.js";
import { escapeHtml, renderReport } from "../../src/report/index.js";
import { provinceView } from "../../src/report/province.js";
import { buildFixture, form, HOSTILE_FILE, HOSTILE_TEXT, MISSING_CROP, type Fixture } from "./fixtures.js";

let fixture: Fixture;
let html: string;
beforeAll(async () => {
  fixture = await buildFixture();
  html = renderReport(fixture.input);
});

/** The JSON data block, parsed back as the page does. */
function dataOf(page: string): ReportData {
  const match = /<script type="application\/json" id="report-data">([\s\S]*?)<\/script>/.exec(page);
  expect(match).not.toBeNull();
  return JSON.parse(match![1]!) as ReportData;
}

describe("renderReport", () => {
  it("keeps untrusted text out of the markup: only our two script elements, hostile text only as JSON data", () => {
    expect(html.match(/<script/gi)).toHaveLength(2);
    expect(html.match(/<\/script/gi)).toHaveLength(2);
    expect(html).not.toContain(HOSTILE_TEXT);
    expect(html).not.toContain(HOSTILE_FILE);
    expect(html).not.toContain("<img");
    const data = dataOf(html);
    const commerce = data.agencies.find((a) => a.id === "commerce")!;
    expect(commerce.evidence.map((e) => e.file)).toContain(`commerce/${HOSTILE_FILE}`);
    const regions = commerce.evidence.flatMap((e) => e.pages.flatMap((p) => p.regions.map((r) => r.text)));
    expect(regions).toContain(HOSTILE_TEXT);
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;");
  });

  it("is deterministic: the same input gives the same string", () => {
    expect(renderReport(fixture.input)).toBe(html);
    expect(html).not.toMatch(/20\d\d-\d\d-\d\dT/);
  });

  it("pins the content security policy to the page's own style and script", () => {
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1]!;
    const hash = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
    expect(csp).toContain(`style-src ${hash(style)}`);
    expect(csp).toContain(`script-src ${hash(script)}`);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("img-src data:");
  });

  it("inlines each crop once as a data: PNG URI; a missing crop is left out", () => {
    const data = dataOf(html);
    const distinct = new Set([...fixture.crops.values()].map((bytes) => Buffer.from(bytes).toString("hex")));
    expect(data.crops.length).toBe(distinct.size);
    expect(new Set(data.crops).size).toBe(data.crops.length);
    for (const uri of data.crops) expect(uri).toMatch(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/);
    const decoded = new Set(data.crops.map((uri) => Buffer.from(uri.split(",")[1]!, "base64").toString("hex")));
    for (const bytes of fixture.crops.values()) expect(decoded.has(Buffer.from(bytes).toString("hex"))).toBe(true);

    const commerce = fixture.input.bundles.find((b) => b.agency.id === "commerce")!;
    const missingAt = commerce.evidence.findIndex((e) => e.pages.some((p) => p.regions.some((r) => r.crop === MISSING_CROP)));
    expect(missingAt).toBeGreaterThanOrEqual(0);
    const view = data.agencies.find((a) => a.id === "commerce")!.evidence[missingAt]!;
    expect(view.pages[0]!.regions[0]!.crop).toBeUndefined();

    // Audit evidence pointing at a region's crop shares the region's image.
    const audited = data.agencies.flatMap((a) => a.audit).filter((a) => a.evidence?.crop !== undefined);
    expect(audited.length).toBeGreaterThan(0);
  });

  it("treats bytes that are not a PNG as a missing crop", () => {
    const data = dataOf(renderReport({ ...fixture.input, readCrop: () => new TextEncoder().encode("<svg onload=alert(1)>") }));
    expect(data.crops).toEqual([]);
  });

  it("carries every audit verdict, decisions, and the agency's failed / superseded / unlinked files", () => {
    const data = dataOf(html);
    const verdicts = new Set(data.agencies.flatMap((a) => a.audit.map((x) => x.verdict)));
    expect([...verdicts].sort()).toEqual(["evidence_missing", "not_marked", "not_supported", "supported", "unreadable", "weak"]);
    expect(data.decisions).toEqual(fixture.input.decisions);
    const office = data.agencies[0]!;
    expect(office.otherFiles.map((f) => f.status).sort()).toEqual(["failed", "superseded", "unlinked"]);
    expect(data.unassignedFiles.map((f) => f.status)).toEqual(["failed"]);
    expect(office.notAsked).toEqual([]);
    expect(data.agencies[1]!.notAsked).toContain("G1");
  });

  it("words the page and the issues in English with lang en, whatever language the batch validated in", () => {
    const page = renderReport({ ...fixture.input, lang: "en" });
    expect(page).toContain('<html lang="en"');
    const data = dataOf(page);
    expect(data.ui.tabs.audit).toBe("Evidence audit");
    const issues = data.agencies.flatMap((a) => a.issues);
    expect(issues.length).toBeGreaterThan(0);
    const missing = issues.find((i) => i.code === "evidence_missing")!;
    expect(missing.message).toMatch(/^question \S+: no evidence attached for /);
    expect(missing.hint).toMatch(/^attach the evidence/);
  });

  it("takes issues and counts from the manifest's ledger even when a bundle's validation is missing or malformed", () => {
    const bundles = fixture.input.bundles.map((b, i) => (i === 0 ? { ...b, validation: { issues: "nope", counts: 3 } } : b));
    const data = dataOf(renderReport({ ...fixture.input, bundles, decisions: undefined, province: undefined }));
    const listed = fixture.input.manifest.issues.filter((i) => i.agency === data.agencies[0]!.id);
    expect(listed.length).toBeGreaterThan(0);
    expect(data.agencies[0]!.issues.map((i) => i.code)).toEqual(listed.flatMap((i) => (i.question ? i.question.split(" ") : [""]).map(() => i.code)));
    expect(data.agencies[0]!.counts).toEqual(fixture.input.manifest.agencies[0]!.counts);
    expect(data.decisions).toEqual([]);
    expect(data.province).toBeUndefined();
  });
});

describe("province tab data", () => {
  it("shows each merged answer with the agencies and evidence files it came from", () => {
    const province = fixture.input.province!;
    const view = provinceView(province, form);
    expect(view.title).toBe(province.province);
    const answered = province.answers[0]!;
    const question = view.questions.find((q) => q.code === answered.question)!;
    expect(question.group).toBe(answered.question.startsWith("G") ? "G" : answered.question.split(".")[0]);
    const shown = question.answers[0]!;
    // The rule in words, never the policy's id.
    expect(shown.rule).toBe(ruleText(answered.rule, "th"));
    expect(shown.rule).not.toMatch(/^[a-z_]+$/u);
    const names = new Map(province.agencies.map((a) => [a.id, a.name]));
    expect(shown.provenance.map((p) => p.split(" (")[0])).toEqual(answered.sources.map((s) => names.get(s.agency)));
    expect(view.questions.map((q) => q.code)).toEqual(province.questions.filter((q) => q.status !== "heading").map((q) => q.code));
  });
});
