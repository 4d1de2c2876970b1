/**
 * report.html in a real browser (Debian's chromium through playwright-core), opened from file://: what a secretary
 * and an auditor see and do — agency and question views, crops that decode, the auditor's filter, decisions that
 * persist across a reload and export as a DecisionsFile — with no network request and no console error.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DecisionsFile } from "../../src/bundle/schema.js";
import { renderReport } from "../../src/report/index.js";
import { buildFixture, HOSTILE_FILE, HOSTILE_TEXT, type Fixture } from "./fixtures.js";

const CHROMIUM = "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`report browser tests skipped: ${CHROMIUM} is not installed (apt-get install chromium)`);

describe.skipIf(!hasChromium)("report.html in chromium", () => {
  let fixture: Fixture;
  let dir: string;
  let url: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const requests: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    fixture = await buildFixture();
    dir = mkdtempSync(path.join(os.tmpdir(), "samruat-report-"));
    const file = path.join(dir, "report.html");
    writeFileSync(file, renderReport(fixture.input));
    url = pathToFileURL(file).href;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
    context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1400, height: 1000 } });
    page = await context.newPage();
    page.on("request", (r) => requests.push(r.url()));
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") problems.push(`console.${m.type()}: ${m.text()}`);
    });
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    await page.goto(url);
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Waits until an image has really decoded (lazy images load once scrolled into view). */
  async function expectDecoded(img: ReturnType<Page["locator"]>): Promise<void> {
    await img.scrollIntoViewIfNeeded();
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => (el.complete ? el.naturalWidth : 0))).toBeGreaterThan(0);
  }

  it("lists the agencies and opens one: answers, issues with hints, marked evidence with its crop", async () => {
    const rows = page.locator("table.agencies tbody tr");
    await expect.poll(() => rows.count()).toBe(fixture.input.bundles.length);

    const commerce = fixture.input.bundles.find((b) => b.agency.id === "commerce")!;
    // Keyboard: focus the agency's link and press Enter.
    await page.getByRole("link", { name: commerce.agency.name }).first().focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("h2").textContent()).toBe(commerce.agency.name);

    const answer = commerce.answers.answers.find((a) => a.question === "G3" && typeof a.value === "string")!;
    const g3 = page.locator('article[data-question="G3"]');
    await expect.poll(() => g3.locator("ul.answers").textContent()).toContain(answer.value as string);

    const issues = (commerce.validation as { issues: { question: string; message: string; hint: string }[] }).issues;
    const issue = issues.find((i) => /^[GP]/.test(i.question))!;
    const issueItem = page.locator(`article[data-question="${issue.question}"] ul.issues li`).filter({ hasText: issue.message });
    expect(await issueItem.count()).toBeGreaterThan(0);
    expect(await issueItem.first().textContent()).toContain(issue.hint);

    // Hostile file name and OCR text are shown as text and run nothing.
    const hostile = page.locator(".evidence-file").filter({ hasText: HOSTILE_FILE });
    expect(await hostile.count()).toBe(1);
    expect(await hostile.locator("figcaption").first().textContent()).toContain(HOSTILE_TEXT);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    await expectDecoded(hostile.locator("figure.region img").first());

    // The region whose crop file is missing says so instead of showing a broken image.
    expect(await page.locator(".no-crop").count()).toBeGreaterThan(0);
    // Files the batch could not use are listed on the agency that sent them.
    await page.goto(`${url}#agency/provincial-office`);
    const other = page.locator("section.card details[open] table");
    await expect.poll(() => other.textContent()).toContain("รูปถ่าย.heic");
  });

  it("compares one question across agencies", async () => {
    await page.getByRole("link", { name: "รายข้อ" }).click();
    await page.getByLabel("เลือกข้อ").selectOption("G3");
    await expect.poll(() => page.evaluate(() => location.hash)).toBe("#question/G3");
    const rows = page.locator("table.by-question tbody tr");
    await expect.poll(() => rows.count()).toBe(fixture.input.bundles.length);
    for (const bundle of fixture.input.bundles) {
      const label = bundle.answers.answers.find((a) => a.question === "G3" && a.value === true)?.label;
      if (label) expect(await rows.filter({ hasText: bundle.agency.name }).locator("ul.answers").textContent()).toContain(label);
    }
    await expectDecoded(page.locator("table.by-question figure.region img").first());
    // Stepping with the keyboard: the view is rebuilt, focus stays on the same button.
    await page.getByRole("button", { name: "ข้อถัดไป →" }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => location.hash)).toBe("#question/G4");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("question-next");
  });

  it("filters audit items by verdict, records a decision, exports it and keeps it across a reload", async () => {
    await page.getByRole("link", { name: "ตรวจหลักฐาน" }).click();
    const visible = page.locator("table.audit tbody tr:not([hidden])");
    const total = fixture.input.bundles.reduce((n, b) => n + (b.audit?.length ?? 0), 0);
    await expect.poll(() => visible.count()).toBe(total);

    await page.getByLabel("ผลตรวจ").selectOption("weak");
    const weak = fixture.input.bundles.reduce((n, b) => n + (b.audit ?? []).filter((a) => a.verdict === "weak").length, 0);
    expect(weak).toBeGreaterThan(0);
    await expect.poll(() => visible.count()).toBe(weak);
    expect(new Set(await visible.evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.verdict)))).toEqual(new Set(["weak"]));
    await expect.poll(() => page.evaluate(() => location.hash)).toBe("#audit?verdict=weak");

    const row = visible.first();
    const field = await row.getAttribute("data-field");
    const agency = await row.getAttribute("data-agency");
    await row.getByLabel("ไม่ยอมรับ").check();
    await row.getByLabel("หมายเหตุ").fill("ข้อความที่ทำสัญลักษณ์ไม่ใช่คำสั่งแต่งตั้ง");
    await expectDecoded(row.locator(".crop img"));

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: /ส่งออกผลการตัดสิน/ }).click()]);
    expect(download.suggestedFilename()).toBe("samruat-decisions.json");
    const exported = DecisionsFile.parse(JSON.parse(readFileSync((await download.path())!, "utf8")));
    expect(exported.decisions).toContainEqual({
      agency,
      field,
      question: expect.any(String),
      decision: "reject",
      comment: "ข้อความที่ทำสัญลักษณ์ไม่ใช่คำสั่งแต่งตั้ง",
    });
    // The decision the batch handed in is kept.
    expect(exported.decisions).toContainEqual(fixture.input.decisions![0]);

    await page.reload();
    const again = page.locator(`table.audit tbody tr[data-field="${field}"][data-agency="${agency}"]`);
    await expect.poll(() => again.getByLabel("ไม่ยอมรับ").isChecked()).toBe(true);
    expect(await again.getByLabel("หมายเหตุ").inputValue()).toBe("ข้อความที่ทำสัญลักษณ์ไม่ใช่คำสั่งแต่งตั้ง");
    expect(await page.getByLabel("ผลตรวจ").inputValue()).toBe("weak");
    // The pre-filled decision shows as accepted.
    await page.getByLabel("ผลตรวจ").selectOption("");
    const prefilled = fixture.input.decisions![0]!;
    const prefilledRow = page.locator(`table.audit tbody tr[data-field="${prefilled.field}"][data-agency="${prefilled.agency}"]`);
    expect(await prefilledRow.getByLabel("ยอมรับ", { exact: true }).isChecked()).toBe(true);
  });

  it("shows the province tab", async () => {
    await page.getByRole("link", { name: "ภาพรวมจังหวัด" }).click();
    await expect.poll(() => page.locator('table.province tr[data-question="G1"]').count()).toBeGreaterThan(0);
    expect(await page.locator("h2").textContent()).toContain("เชียงใหม่");
  });

  it("asked for nothing but the file itself and data: URLs, and logged no errors", () => {
    expect(requests.some((u) => u.startsWith("file:"))).toBe(true);
    expect(requests.filter((u) => !u.startsWith("file:") && !u.startsWith("data:"))).toEqual([]);
    expect(problems).toEqual([]);
  });
});
