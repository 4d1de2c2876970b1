/**
 * `npm run bench:serve` — the workbench against the CLI, in one run on this machine:
 *
 * - upload-to-result for the demo inbox: the inbox posted to a running `samruat serve` (a separate process, cold
 *   workspace) until its run has finished, against `samruat batch` on the same inbox into a cold folder, both from
 *   the sources through tsx; reported as ms and the ratio (the issue asks ≤ 1.2×);
 * - the status board with 400 agencies (a national-scale roster): the page's HTML built on the server, and the time
 *   chromium takes to load and lay it out.
 */
import { statSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { chromium } from "playwright-core";
import { BatchManifest, MANIFEST_SCHEMA } from "../src/bundle/schema.js";
import { PACKAGE_ROOT } from "../src/form/load.js";
import { boardPage, STYLE } from "../src/serve/pages.js";
import { filesUnder as files, startServer, uploadFolder } from "../test/helpers/serve.js";

const run = promisify(execFile);
const INBOX = path.join(PACKAGE_ROOT, "samples", "inbox");

async function cliBatch(out: string): Promise<number> {
  const started = performance.now();
  const code = `import("./src/cli/main.ts").then(async (m) => process.exit(await m.main(["batch", ${JSON.stringify(INBOX)}, "--out", ${JSON.stringify(out)}, "--allow-errors"])))`;
  await run(process.execPath, ["--import", "tsx", "-e", code], { cwd: PACKAGE_ROOT, maxBuffer: 64 * 1024 * 1024 });
  return performance.now() - started;
}

async function serveUpload(workspace: string): Promise<number> {
  const server = await startServer(workspace);
  try {
    const started = performance.now();
    await uploadFolder(server.url, INBOX);
    return performance.now() - started;
  } finally {
    await server.stop();
  }
}

function nationalManifest(n: number): BatchManifest {
  const statuses = ["not_received", "must_fix", "complete", "audited"] as const;
  const agencies = Array.from({ length: n }, (_, i) => ({
    id: `agency-${i}`,
    name: `สำนักงานทดสอบที่ ${i + 1} จังหวัดตัวอย่าง`,
    respondent: "agency" as const,
    expected: true,
    status: statuses[i % 4]!,
    received: "2024-06-20",
    files: 3,
    counts: { error: i % 3, warning: i % 2, info: 0 },
    completeness: { held: 30, required: 31 },
    audit: { total: 4, supported: 2, accepted: 1, rejected: 0, open: 1 },
  }));
  return BatchManifest.parse({ schema: MANIFEST_SCHEMA, form: "pcio-2567", province: "ตัวอย่าง", agencies, issues: [], files: [], summary: { statuses: { not_received: n / 4, must_fix: n / 4, complete: n / 4, audited: n / 4 }, issues: { error: 0, warning: 0, info: 0 } } });
}

async function boardRender(n: number): Promise<{ htmlMs: number; browserMs: number; bytes: number }> {
  const manifest = nationalManifest(n);
  let started = performance.now();
  const html = boardPage(manifest, { busy: false, error: null, received: n * 3 }).replace('<link rel="stylesheet" href="/style.css">', `<style>${STYLE}</style>`).replace('<script src="/app.js" defer></script>', "");
  const htmlMs = performance.now() - started;
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
  try {
    const page = await browser.newPage();
    await page.setContent("<p>warm-up</p>");
    started = performance.now();
    await page.setContent(html, { waitUntil: "load" });
    await page.evaluate(() => document.body.getBoundingClientRect().height);
    return { htmlMs, browserMs: performance.now() - started, bytes: Buffer.byteLength(html) };
  } finally {
    await browser.close();
  }
}

const tmp = await mkdtemp(path.join(os.tmpdir(), "samruat-bench-serve-"));
try {
  const cliMs = await cliBatch(path.join(tmp, "cli-out"));
  const serveMs = await serveUpload(path.join(tmp, "ws"));
  const inboxBytes = files(INBOX).reduce((n, f) => n + statSync(path.join(INBOX, f)).size, 0);
  console.log(`demo inbox (${files(INBOX).length} files, ${(inboxBytes / 1e6).toFixed(1)} MB), cold, 2 cores:`);
  console.log(`  samruat batch (CLI)                 ${(cliMs / 1000).toFixed(1)} s`);
  console.log(`  samruat serve: upload → results     ${(serveMs / 1000).toFixed(1)} s`);
  console.log(`  ratio serve / CLI                   ${(serveMs / cliMs).toFixed(2)}×  (target ≤ 1.2×)`);
  const board = await boardRender(400);
  console.log(`status board, 400 agencies: HTML ${board.htmlMs.toFixed(1)} ms (${(board.bytes / 1024).toFixed(0)} KB), chromium load + layout ${board.browserMs.toFixed(0)} ms (target < 1000 ms)`);
} finally {
  await rm(tmp, { recursive: true, force: true });
}
