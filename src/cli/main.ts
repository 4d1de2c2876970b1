/**
 * The samruat CLI: a thin command table; each command module is imported only when it runs.
 * One top-level catch maps typed errors to exit codes; machine output goes to stdout, human logs to stderr.
 */
import { Command, CommanderError } from "commander";
import { FormDefinitionError } from "../form/compile.js";
import type { CliContext, Lang } from "./context.js";
import { EXIT, SamruatError } from "../errors.js";

export interface CommandModule {
  register(program: Command, ctx: () => CliContext): void;
}

/** name → lazy module. Registering is cheap; the heavy imports happen inside each action. */
const COMMANDS: Record<string, () => Promise<CommandModule>> = {
  template: () => import("./commands/template.js"),
  schema: () => import("./commands/schema.js"),
  form: () => import("./commands/form.js"),
  evidence: () => import("./commands/evidence.js"),
  extract: () => import("./commands/extract.js"),
  render: () => import("./commands/render.js"),
  validate: () => import("./commands/validate.js"),
  audit: () => import("./commands/audit.js"),
  consolidate: () => import("./commands/consolidate.js"),
  batch: () => import("./commands/batch.js"),
  letters: () => import("./commands/letters.js"),
  serve: () => import("./commands/serve.js"),
  reviewer: () => import("./commands/reviewer.js"),
};

export async function main(argv: string[], io: Partial<Pick<CliContext, "stdout" | "stderr">> = {}): Promise<number> {
  const stdout = io.stdout ?? process.stdout;
  const stderr = io.stderr ?? process.stderr;
  let lang: Lang = argv.includes("--lang") && argv[argv.indexOf("--lang") + 1] === "en" ? "en" : "th";
  if (process.env.SAMRUAT_LANG === "en" && !argv.includes("--lang")) lang = "en";
  let exitCode: number = EXIT.ok;
  const ctx = (): CliContext => ({
    lang,
    stdout,
    stderr,
    interactive: Boolean((stderr as NodeJS.WriteStream).isTTY),
    setExitCode: (code) => {
      exitCode = Math.max(exitCode, code);
    },
  });

  const program = new Command("samruat")
    .description("สำรวจ — extract, check and submit the PCIO Digital Government Readiness survey")
    .option("--lang <lang>", "message language: th (default) or en")
    .exitOverride()
    .configureOutput({ writeOut: (s) => stdout.write(s), writeErr: (s) => stderr.write(s) });

  const wanted = argv.find((a) => !a.startsWith("-"));
  const names = wanted && wanted in COMMANDS ? [wanted] : Object.keys(COMMANDS);
  for (const name of names) (await COMMANDS[name]!()).register(program, ctx);

  try {
    await program.parseAsync(argv, { from: "user" });
    return exitCode;
  } catch (error) {
    return report(error, ctx());
  }
}

function report(error: unknown, ctx: CliContext): number {
  if (error instanceof CommanderError) {
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (error instanceof SamruatError) {
    const where = error.file ? `${error.file}: ` : "";
    ctx.stderr.write(`samruat: ${where}${ctx.lang === "en" ? error.messageEn : error.messageTh}\n`);
    return error.exitCode;
  }
  if (error instanceof FormDefinitionError) {
    ctx.stderr.write(`samruat: ${error.message}\n`);
    return EXIT.unreadable;
  }
  ctx.stderr.write(`samruat: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return 70;
}
