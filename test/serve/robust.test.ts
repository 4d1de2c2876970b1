/**
 * The workbench as a separate process: a decision that was answered survives kill -9, and a client that drops the
 * connection in the middle of an upload leaves the server answering and nothing half-received in the inbox.
 */
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Workspace } from "../../src/serve/workspace.js";
import { startServer as start } from "../helpers/serve.js";

async function startServer(workspace: string): Promise<{ child: ChildProcess; url: string }> {
  const server = await start(workspace);
  children.push(server.child);
  return server;
}

const dir = mkdtempSync(path.join(os.tmpdir(), "samruat-serve-robust-"));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

describe("samruat serve, as a process", () => {
  it("keeps a committed decision through kill -9", { timeout: 60_000 }, async () => {
    const ws = path.join(dir, "kill");
    const { child, url } = await startServer(ws);
    const res = await fetch(`${url}/decisions`, {
      method: "POST",
      redirect: "manual",
      headers: { Origin: url, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ agency: "สำนักงานคลังจังหวัดเชียงใหม่", field: "P6.2.2:yes", question: "P6.2.2", decision: "accept", comment: "", reviewer: "สมหญิง" }),
    });
    expect(res.status).toBe(303);
    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));
    const workspace = new Workspace(ws);
    expect(workspace.decisions()).toMatchObject([{ agency: "สำนักงานคลังจังหวัดเชียงใหม่", reviewer: "สมหญิง", decision: "accept" }]);
    workspace.close();
  });

  it("goes on answering when a client drops the connection in the middle of an upload", { timeout: 60_000 }, async () => {
    const ws = path.join(dir, "drop");
    const { url } = await startServer(ws);
    const { port } = new URL(url);
    await new Promise<void>((resolve) => {
      const req = http.request({ host: "127.0.0.1", port, method: "POST", path: "/upload", headers: { Origin: url, "Content-Type": "multipart/form-data; boundary=xyz", "Content-Length": "1000000" } });
      req.on("error", () => resolve());
      req.write('--xyz\r\nContent-Disposition: form-data; name="files"; filename="P1.1.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7 partial');
      setTimeout(() => {
        req.destroy();
        resolve();
      }, 300);
    });
    const board = await fetch(`${url}/`);
    expect(board.status).toBe(200);
    expect(readdirSync(path.join(ws, "inbox"))).toEqual([]);
  });
});
