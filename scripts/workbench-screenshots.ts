// docs/workbench-board.png and docs/workbench-agency.png: the workbench on the demo inbox, in Debian's chromium.
// Rerun after changing the workbench's pages: npx tsx scripts/workbench-screenshots.ts
import { readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import { PACKAGE_ROOT } from "../src/form/load.js";
import { startServer } from "../test/helpers/serve.js";

const INBOX = path.join(PACKAGE_ROOT, "samples", "inbox");
const files = (dir: string, base = dir): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(path.join(dir, d.name), base) : [path.relative(base, path.join(dir, d.name))]));

const tmp = await mkdtemp(path.join(os.tmpdir(), "samruat-shots-"));
const server = await startServer(path.join(tmp, "ws"));
try {
  const form = new FormData();
  for (const rel of files(INBOX)) {
    form.append("files", new File([readFileSync(path.join(INBOX, rel))], path.basename(rel)));
    form.append("paths", rel);
  }
  await fetch(`${server.url}/upload`, { method: "POST", body: form, headers: { Origin: server.url, Accept: "application/json" } });
  while (!(await (await fetch(`${server.url}/`)).text()).includes('data-busy=""')) await new Promise((r) => setTimeout(r, 200));
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
