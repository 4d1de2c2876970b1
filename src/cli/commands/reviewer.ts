import type { Command } from "commander";
import path from "node:path";
import { createInterface } from "node:readline";
import { UsageError } from "../../errors.js";
import { say, type CliContext } from "../context.js";
import type { CommandModule } from "../main.js";

export interface ReviewerCliOptions {
  workspace: string;
}

/**
 * `samruat reviewer <name> --workspace <dir>`: adds a reviewer account to the workbench (or resets its password), for
 * `samruat serve --host` on an office network. The password is read from SAMRUAT_PASSWORD or the first line of stdin.
 */
export const register: CommandModule["register"] = (program: Command, ctx) => {
  program
    .command("reviewer")
    .description("add a reviewer account to the workbench / เพิ่มบัญชีผู้ตรวจ")
    .argument("<name>", "the reviewer's name as it appears beside their decisions")
    .option("--workspace <dir>", "the workbench's workspace folder", "samruat-data")
    .action(async (name: string, opts: ReviewerCliOptions) => {
      await runReviewer(name, opts, ctx());
    });
};

export async function runReviewer(name: string, opts: ReviewerCliOptions, c: CliContext): Promise<void> {
  const password = process.env.SAMRUAT_PASSWORD ?? (await firstLine());
  if (!password || password.length < 8) throw new UsageError("รหัสผ่านต้องยาวอย่างน้อย 8 ตัวอักษร", "the password must be at least 8 characters");
  const { Workspace } = await import("../../serve/workspace.js");
  const workspace = new Workspace(path.resolve(opts.workspace));
  try {
    workspace.setReviewer(name, password);
  } finally {
    workspace.close();
  }
  c.stderr.write(`${say(c, `เพิ่มบัญชีผู้ตรวจ ${name} แล้ว`, `reviewer ${name} added`)}\n`);
}

function firstLine(): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin });
    rl.once("line", (line) => (rl.close(), resolve(line)));
    rl.once("close", () => resolve(""));
  });
}
