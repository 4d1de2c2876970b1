/** `samruat serve` in its own process (through tsx, from the sources), for tests that need a real server. */
import { spawn, type ChildProcess } from "node:child_process";
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
