/**
 * One self-rewriting progress line on a terminal's stderr: stage, items done/total, pages, ETA and the current file.
 * Redrawn at most ten times a second; silent when stderr is not a TTY (the caller passes `enabled`).
 */
import type { ProgressState } from "../progress.js";
import type { CliContext } from "./context.js";

export type { ProgressState } from "../progress.js";

export interface ProgressLine {
  update(state: ProgressState): void;
  /** Erases the line (before other output, and at the end). */
  clear(): void;
}

const REDRAW_MS = 100;

export function progressLine(ctx: Pick<CliContext, "stderr" | "lang">, enabled: boolean, now: () => number = Date.now): ProgressLine {
  if (!enabled) return { update: () => undefined, clear: () => undefined };
  let shown = false;
  let drawnAt = 0;
  let stage = "";
  let stageStarted = now();
  const pagesWord = ctx.lang === "en" ? "pages" : "หน้า";
  return {
    update(state) {
      const t = now();
      if (state.stage !== stage) {
        stage = state.stage;
        stageStarted = t;
      } else if (t - drawnAt < REDRAW_MS && state.done < state.total) return;
      drawnAt = t;
      const parts = [`${state.stage} ${state.done}/${state.total}`];
      if (state.pages !== undefined) parts.push(`${pagesWord} ${state.pages}`);
      const eta = etaSeconds(t - stageStarted, state.done, state.total);
      if (eta !== undefined) parts.push(`ETA ${Math.floor(eta / 60)}m${String(eta % 60).padStart(2, "0")}s`);
      if (state.file) parts.push(state.file);
      const width = (ctx.stderr as NodeJS.WriteStream).columns || 100;
      ctx.stderr.write(`\r\x1b[K${[...parts.join(" · ")].slice(0, Math.max(20, width - 1)).join("")}`);
      shown = true;
    },
    clear() {
      if (shown) ctx.stderr.write("\r\x1b[K");
      shown = false;
    },
  };
}

/** Remaining seconds at the pace so far; undefined until one item is done. */
export function etaSeconds(elapsedMs: number, done: number, total: number): number | undefined {
  if (done === 0 || done >= total) return undefined;
  return Math.round(((elapsedMs / done) * (total - done)) / 1000);
}
