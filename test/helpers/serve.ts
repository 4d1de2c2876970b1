/** `samruat serve` in its own process (through tsx, from the sources), for tests that need a real server. */
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { PACKAGE_ROOT } from "../../src/form/load.js";

export async function startServer(workspace: string): Promise<{ child: ChildProcess; url: string; stop(): Promise<void> }> {
  const code = `import("./src/cli/main.ts").then((m) => m.main(["serve", "--port", "0", "--no-open", "--workspace", ${JSON.stringify(workspace)}]))`;
  const child = spawn(process.execPath, ["--import", "tsx", "-e", code], { cwd: PACKAGE_ROOT, stdio: ["ignore", "pipe", "pipe"] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const found = /http:\/\/127\.0\.0\.1:\d+/u.exec(out)?.[0];
      if (found) resolve(found);
    });
    child.once("exit", (exit) => reject(new Error(`server exited (${exit})`)));
  });
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await exited;
  };
  return { child, url, stop };
}

/** Every file under `dir`, relative to it. */
export function filesUnder(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? filesUnder(path.join(dir, d.name), base) : [path.relative(base, path.join(dir, d.name))]));
}

/** Posts a whole folder to a running workbench as its page does (each file with its path) and waits for the run. */
export async function uploadFolder(url: string, dir: string): Promise<void> {
  const form = new FormData();
  for (const rel of filesUnder(dir)) {
    form.append("files", new File([readFileSync(path.join(dir, rel))], path.basename(rel)));
    form.append("paths", rel);
  }
  const res = await fetch(`${url}/upload`, { method: "POST", body: form, headers: { Origin: url, Accept: "application/json" } });
  if (!res.ok) throw new Error(`upload: ${res.status} ${await res.text()}`);
  // The board says busy until the run has finished.
  while (!(await (await fetch(`${url}/`)).text()).includes('data-busy=""')) await new Promise((r) => setTimeout(r, 100));
}
