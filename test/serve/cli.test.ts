/** `samruat serve` and `samruat reviewer` from the command line: a real server on a free port, then stopped. */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { Workspace } from "../../src/serve/workspace.js";
import { cli, sink } from "../helpers/cli.js";

const dir = mkdtempSync(path.join(os.tmpdir(), "samruat-serve-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("samruat serve", () => {
  it("starts on 127.0.0.1, prints its address, answers, and stops on Ctrl+C", async () => {
    const out = sink();
    const err = sink();
    const running = main(["serve", "--port", "0", "--no-open", "--workspace", path.join(dir, "ws")], { stdout: out.stream, stderr: err.stream });
    let url = "";
    for (let i = 0; i < 100 && !url; i++) {
      await new Promise((r) => setTimeout(r, 50));
      url = out.text().trim();
    }
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/u);
    expect(err.text()).toContain("samruat พร้อมใช้งานที่");
    const res = await fetch(`${url}/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("รับไฟล์จากหน่วยงาน");
    process.emit("SIGINT");
    expect(await running).toBe(0);
  });

  it("refuses to serve other machines without reviewer accounts, then serves them once there is one", async () => {
    const ws = path.join(dir, "shared");
    const refused = await cli("serve", "--host", "0.0.0.0", "--port", "0", "--no-open", "--workspace", ws);
    expect(refused.code).toBe(64);
    expect(refused.stderr).toContain("samruat reviewer");
    process.env.SAMRUAT_PASSWORD = "รหัสผ่านยาวพอ";
    try {
      const added = await cli("reviewer", "สมชาย", "--workspace", ws);
      expect(added.code, added.stderr).toBe(0);
    } finally {
      delete process.env.SAMRUAT_PASSWORD;
    }
    const workspace = new Workspace(ws);
    expect(workspace.reviewerCount()).toBe(1);
    expect(workspace.login("สมชาย", "รหัสผ่านยาวพอ")).toBeTruthy();
    workspace.close();
  });
});
