/** What every command gets: language, output streams, and whether a human is watching (TTY). */
import type { Lang } from "../i18n/index.js";

export type { Lang } from "../i18n/index.js";

export interface CliContext {
  lang: Lang;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** Progress bars and colours only on a terminal; pipes stay quiet. */
  interactive: boolean;
  /** Commands report their outcome here (the highest code wins): 0 ok, 1 problems found, 2 unreadable. */
  setExitCode(code: number): void;
}

export function say(ctx: CliContext, th: string, en: string): string {
  return ctx.lang === "en" ? en : th;
}
