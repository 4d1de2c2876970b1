// docs/workbench-board.png and docs/workbench-agency.png: the workbench on the demo inbox, in Debian's chromium.
// Rerun after changing the workbench's pages: npx tsx scripts/workbench-screenshots.ts
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import { PACKAGE_ROOT } from "../src/form/load.js";
import { startServer, uploadFolder } from "../test/helpers/serve.js";

const INBOX = path.join(PACKAGE_ROOT, "samples", "inbox");

const tmp = await mkdtemp(path.join(os.tmpdir(), "samruat-shots-"));
const server = await startServer(path.join(tmp, "ws"));
try {
  await uploadFolder(server.url, INBOX);
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(server.url);
  await page.screenshot({ path: path.join(PACKAGE_ROOT, "docs", "workbench-board.png") });
  await page.goto(`${server.url}/agency/${encodeURIComponent("สำนักงานจังหวัดเชียงใหม่")}`);
  await page.screenshot({ path: path.join(PACKAGE_ROOT, "docs", "workbench-agency.png") });
  await browser.close();
  console.log("wrote docs/workbench-board.png, docs/workbench-agency.png");
} finally {
  await server.stop();
  await rm(tmp, { recursive: true, force: true });
}
