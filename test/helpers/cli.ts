/** Running the CLI in-process for tests: `cli(...argv)` gives the exit code and what went to stdout and stderr. */
import { main } from "../../src/cli/main.js";

/** A writable stream that keeps what is written (not a TTY, so no progress line). */
export function sink() {
  let text = "";
  const stream = { write: (s: string) => ((text += s), true) } as unknown as NodeJS.WritableStream;
  return { stream, text: () => text };
}

export async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = sink();
  const err = sink();
  const code = await main(argv, { stdout: out.stream, stderr: err.stream });
  return { code, stdout: out.text(), stderr: err.text() };
}
