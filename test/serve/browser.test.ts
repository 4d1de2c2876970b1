/**
 * The workbench as the secretariat uses it, in Debian's chromium (playwright-core): the demo inbox uploaded through
 * the page as a folder, the board against the roster, two reviewers deciding at once in two browser sessions, the
 * province's answer following a decision, a fixed file moving its agency on, the letter and the workbook downloaded
 * (the letter opened with LibreOffice), and everything still there after a restart. A few minutes on two cores.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BatchManifest } from "../../src/bundle/schema.js";
import { PACKAGE_ROOT } from "../../src/form/load.js";
import { loadRosterFile, resolveRoster } from "../../src/ledger/index.js";
import { sofficeConvert } from "../../src/util/soffice.js";
import { startServer } from "../helpers/serve.js";

const INBOX = path.join(PACKAGE_ROOT, "samples", "inbox");
const WORKS = "สำนักงานโยธาธิการและผังเมืองจังหวัดเชียงใหม่";
const PROVINCIAL = "สำนักงานจังหวัดเชียงใหม่";
const COMMERCE = "สำนักงานพาณิชย์จังหวัดเชียงใหม่";
const dir = mkdtempSync(path.join(os.tmpdir(), "samruat-serve-browser-"));
const workspace = path.join(dir, "ws");
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;

beforeAll(async () => {
  server = await startServer(workspace);
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const manifest = () => BatchManifest.parse(JSON.parse(readFileSync(path.join(workspace, "out", "batch.json"), "utf8")));
const status = async () => Object.fromEntries(manifest().agencies.map((a) => [a.name, a.status]));

/**
 * Reloads the board until no run is going (the page itself reloads when a run ends; polling keeps the test simple).
 * A navigation the page's own reload cuts short (net::ERR_ABORTED) is tried again.
 */
async function settled(page: Page): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const loaded = await page.goto(server.url).then(
      () => true,
      (error: Error) => {
        if (!/ERR_ABORTED|interrupted by another navigation/u.test(error.message)) throw error;
        return false;
      },
    );
    if (loaded && (await page.locator("#progress").getAttribute("data-busy")) === "" && (await page.locator("table.board").count()) > 0) return;
    await page.waitForTimeout(500);
  }
  throw new Error("the run did not finish");
}

async function province(): Promise<Map<string, string>> {
  const json = JSON.parse(readFileSync(path.join(workspace, "out", "province.json"), "utf8")) as { questions: { code: string; status: string }[] };
  return new Map(json.questions.map((q) => [q.code, q.status]));
}

describe("the workbench in a browser", () => {
  it("takes the demo inbox as a folder through the page and shows the whole roster with statuses", { timeout: 600_000 }, async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.locator('input[name="folder"]').setInputFiles(INBOX);
    await page.locator('#upload-form button[type="submit"]').click();
    await page.waitForFunction(() => /ได้รับ \d+ ไฟล์/u.test(document.getElementById("progress")?.textContent ?? ""), null, { timeout: 120_000 });
    await settled(page);
    const roster = resolveRoster(loadRosterFile(), "เชียงใหม่");
    const names = await page.locator("table.board tbody th a").allTextContents();
    expect(names).toEqual(roster.agencies.map((a) => a.name));
    const s = await status();
    expect(s["สำนักงานแรงงานจังหวัดเชียงใหม่"]).toBe("must_fix");
    expect(s[WORKS]).toBe("must_fix");
    expect(Object.values(s).filter((x) => x === "not_received")).toEqual([]);
    await page.close();
  });

  it("records two reviewers' decisions made at once in two browser sessions, and the province's answer follows", { timeout: 300_000 }, async () => {
    expect((await province()).get("G2")).toBe("unanswered");
    const decide = async (reviewer: string, agency: string, question: string) => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${server.url}/agency/${encodeURIComponent(agency)}`);
      const form = page.locator("form.decide").filter({ has: page.locator(`input[name="question"][value="${question}"]`) }).first();
      await form.locator('input[name="comment"]').fill(`ตรวจแล้วโดย${reviewer}`);
      await form.locator('input[name="reviewer"]').fill(reviewer);
      await Promise.all([page.waitForURL(/\/agency\//u), form.locator('button[value="accept"]').click()]);
      return { context, page };
    };
    const [a, b] = await Promise.all([decide("สมชาย", PROVINCIAL, "G2"), decide("สมหญิง", COMMERCE, "P2.1.1")]);
    await settled(a.page);
    await a.page.goto(`${server.url}/agency/${encodeURIComponent(PROVINCIAL)}`);
    expect(await a.page.content()).toContain("ยอมรับ โดย สมชาย");
    await b.page.goto(`${server.url}/agency/${encodeURIComponent(COMMERCE)}`);
    expect(await b.page.content()).toContain("ยอมรับ โดย สมหญิง");
    expect((await province()).get("G2")).toBe("answered");
    expect((await status())[COMMERCE]).toBe("audited");
    await a.context.close();
    await b.context.close();
  });

  it("moves an agency on when it sends a fixed file", { timeout: 300_000 }, async () => {
    // โยธาธิการ sends its P7.1.8 screenshot again, as a PDF this time, in its folder as before.
    const fixed = path.join(dir, "inbox", WORKS);
    mkdirSync(fixed, { recursive: true });
    cpSync(path.join(INBOX, "สำนักงานทรัพยากรธรรมชาติและสิ่งแวดล้อมจังหวัดเชียงใหม่", "P7.1.8 แดชบอร์ดข้อมูลฝุ่น PM2.5.pdf"), path.join(fixed, "P7.1.8 ภาพหน้าจอแดชบอร์ด.pdf"));
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.locator('input[name="folder"]').setInputFiles(path.join(dir, "inbox"));
    await page.locator('#upload-form button[type="submit"]').click();
    await page.waitForFunction(() => /ได้รับ \d+ ไฟล์/u.test(document.getElementById("progress")?.textContent ?? ""), null, { timeout: 60_000 });
    await settled(page);
    expect(["complete", "audited"]).toContain((await status())[WORKS]);
    await page.close();
  });

  it("downloads the fix letter (which LibreOffice opens) and the workbook", { timeout: 300_000 }, async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${server.url}/agency/${encodeURIComponent("สำนักงานแรงงานจังหวัดเชียงใหม่")}`);
    const [letter] = await Promise.all([page.waitForEvent("download"), page.locator('a[href$=".docx"]').first().click()]);
    const letterFile = path.join(dir, "letter.docx");
    await letter.saveAs(letterFile);
    expect(readFileSync(letterFile).subarray(0, 2).toString("latin1")).toBe("PK");
    expect(readFileSync(await sofficeConvert(letterFile, "pdf", dir)).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    await page.goto(`${server.url}/exports`);
    const [workbook] = await Promise.all([page.waitForEvent("download"), page.locator('a[href="/exports/summary.xlsx"]').click()]);
    const bookFile = path.join(dir, "summary.xlsx");
    await workbook.saveAs(bookFile);
    expect(readFileSync(bookFile).equals(readFileSync(path.join(workspace, "out", "summary.xlsx")))).toBe(true);
    await context.close();
  });

  it("finds everything still there after a restart", { timeout: 300_000 }, async () => {
    const before = await status();
    await server.stop();
    server = await startServer(workspace);
    const page = await browser.newPage();
    await settled(page);
    expect(await status()).toEqual(before);
    await page.goto(`${server.url}/agency/${encodeURIComponent(PROVINCIAL)}`);
    expect(await page.content()).toContain("ยอมรับ โดย สมชาย");
    await page.close();
  });
});
