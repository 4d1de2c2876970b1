import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { UsageError } from "../../errors.js";
import { say, type CliContext } from "../context.js";
import type { CommandModule } from "../main.js";

export interface ServeCliOptions {
  port: string;
  host: string;
  workspace: string;
  open: boolean;
}

/**
 * `samruat serve`: the secretariat's workbench in the browser, on this computer only (127.0.0.1). Data lives in the
 * workspace folder (default ./samruat-data). Runs until stopped (Ctrl+C).
 */
export const register: CommandModule["register"] = (program: Command, ctx) => {
  program
    .command("serve")
    .description("the workbench in the browser: receive files, see who owes what, audit / เปิดหน้าจอทำงานของฝ่ายเลขานุการในเบราว์เซอร์")
    .option("--port <n>", "port to listen on (0: any free port)", "8686")
    .option("--host <address>", "address to listen on; other than 127.0.0.1 (e.g. 0.0.0.0 on an office network) needs reviewer accounts", "127.0.0.1")
    .option("--workspace <dir>", "where received files, results and the database are kept", "samruat-data")
    .option("--no-open", "do not open the browser (scripts, tests)")
    .action(async (opts: ServeCliOptions) => {
      await runServe(opts, ctx());
    });
};

export async function runServe(opts: ServeCliOptions, c: CliContext): Promise<void> {
  const shared = !["127.0.0.1", "localhost", "::1"].includes(opts.host);
  const port = Number(opts.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port ไม่ถูกต้อง (${opts.port})`, `invalid --port (${opts.port})`);
  const [{ serve }, { Workspace }, { Runner }, { createApp }] = await Promise.all([
    import("@hono/node-server"),
    import("../../serve/workspace.js"),
    import("../../serve/runner.js"),
    import("../../serve/app.js"),
  ]);
  const workspace = new Workspace(path.resolve(opts.workspace));
  if (shared && workspace.reviewerCount() === 0) {
    workspace.close();
    // Reachable from other machines, every page needs a signed-in reviewer: there must be one first.
    throw new UsageError(
      `เปิดให้เครื่องอื่นเข้าใช้ (--host ${opts.host}) ได้เมื่อมีบัญชีผู้ตรวจแล้ว: samruat reviewer <ชื่อ> --workspace ${opts.workspace}`,
      `serving other machines (--host ${opts.host}) needs reviewer accounts first: samruat reviewer <name> --workspace ${opts.workspace}`,
    );
  }
  const runner = new Runner(workspace, c.lang);
  const app = createApp(workspace, runner, { accounts: shared });
  const server = serve({ fetch: app.fetch, port, hostname: opts.host });
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  }).catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`เปิดพอร์ต ${port} ไม่ได้ (${error.code ?? error.message}) — ลอง --port อื่น`, `cannot listen on port ${port} (${error.code ?? error.message}); try another --port`);
  });
  const address = server.address();
  const url = `http://${opts.host === "::1" ? "[::1]" : opts.host}:${typeof address === "object" && address ? address.port : port}`;
  c.stderr.write(`${say(c, `samruat พร้อมใช้งานที่ ${url} (ข้อมูลอยู่ใน ${workspace.dir}) — กด Ctrl+C เพื่อหยุด`, `samruat is ready at ${url} (data in ${workspace.dir}); Ctrl+C stops it`)}\n`);
  c.stdout.write(`${url}\n`);
  // What was received before a restart is shown again (the batch's cache makes this quick).
  if (readdirSync(workspace.inbox).length > 0) void runner.request();
  if (opts.open) openBrowser(url);
  await new Promise<void>((resolve) => {
    const stop = () => {
      server.close();
      workspace.close();
      resolve();
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}

/** The desktop's browser, where there is one; silently nothing where there is none. */
function openBrowser(url: string): void {
  const command = process.platform === "darwin" ? "open" : process.platform === "win32" ? "cmd" : "xdg-open";
  const args = process.platform === "win32" ? ["/c", "start", "", url] : [url];
  try {
    spawn(command, args, { stdio: "ignore", detached: true }).on("error", () => undefined).unref();
  } catch {
    // no browser here
  }
}
