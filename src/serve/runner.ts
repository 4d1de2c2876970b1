/**
 * Runs the batch over the workspace, one run at a time: a request while a run is going (more files, a decision)
 * asks for one more run after it, never two at once. Listeners hear the progress (for server-sent events) and the
 * end of each run. The same runBatch as the CLI, with the workspace's decisions; its cache makes reruns quick.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { runBatch } from "../batch/run.js";
import { STAGES, type StageName } from "../batch/messages.js";
import { BatchManifest } from "../bundle/schema.js";
import type { Lang } from "../i18n/index.js";
import type { ProgressState } from "../progress.js";
import type { Workspace } from "./workspace.js";

export type RunEvent =
  | { type: "progress"; stage: string; done: number; total: number; pages?: number; file?: string }
  | { type: "done"; ok: true; ms: number }
  | { type: "done"; ok: false; message: string };

export class Runner {
  private running: Promise<void> | null = null;
  private again = false;
  private readonly listeners = new Set<(e: RunEvent) => void>();
  lastError: string | null = null;

  constructor(
    private readonly workspace: Workspace,
    private readonly lang: Lang,
  ) {}

  get busy(): boolean {
    return this.running !== null;
  }

  listen(fn: (e: RunEvent) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Starts a run, or asks for one more after the current one. Resolves when the workspace is up to date. */
  request(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.loop().finally(() => (this.running = null));
    return this.running;
  }

  /** The current state of the workspace's batch output, when a run has finished once. */
  manifest(): BatchManifest | undefined {
    const file = path.join(this.workspace.out, "batch.json");
    if (!existsSync(file)) return undefined;
    const parsed = BatchManifest.safeParse(JSON.parse(readFileSync(file, "utf8")));
    return parsed.success ? parsed.data : undefined;
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      await this.runOnce();
    } while (this.again);
  }

  private async runOnce(): Promise<void> {
    const started = performance.now();
    const emit = (e: RunEvent) => this.listeners.forEach((fn) => fn(e));
    try {
      await runBatch({
        inbox: this.workspace.inbox,
        out: this.workspace.out,
        lang: this.lang,
        decisions: this.workspace.decisionsFile(),
        onProgress: (p: ProgressState<StageName>) => emit({ type: "progress", ...p, stage: STAGES[p.stage][this.lang] }),
      });
      this.lastError = null;
      emit({ type: "done", ok: true, ms: Math.round(performance.now() - started) });
    } catch (error) {
      // An inbox the batch cannot read at all: said on the board; the server goes on.
      this.lastError = error instanceof Error ? error.message : String(error);
      emit({ type: "done", ok: false, message: this.lastError });
    }
  }
}
