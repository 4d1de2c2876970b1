/** The progress line: drawn on a terminal only, throttled, with an ETA from the pace so far. */
import { describe, expect, it } from "vitest";
import { etaSeconds, progressLine } from "../../src/cli/progress.js";

function terminal() {
  const writes: string[] = [];
  const stderr = { columns: 60, write: (s: string) => (writes.push(s), true) } as unknown as NodeJS.WritableStream;
  return { stderr, writes };
}

describe("progressLine", () => {
  it("rewrites one line with stage, counts, pages, ETA and file, and clears it", () => {
    const { stderr, writes } = terminal();
    let now = 0;
    const line = progressLine({ stderr, lang: "th" }, true, () => now);
    line.update({ stage: "อ่านหลักฐาน", done: 0, total: 4, pages: 0, file: "a.pdf" });
    now = 30_000;
    line.update({ stage: "อ่านหลักฐาน", done: 1, total: 4, pages: 3, file: "b.pdf" });
    line.clear();
    expect(writes[1]).toBe("\r\x1b[Kอ่านหลักฐาน 1/4 · หน้า 3 · ETA 1m30s · b.pdf");
    expect(writes.at(-1)).toBe("\r\x1b[K");
    expect(writes.every((w) => [...w].length <= 63)).toBe(true);
  });

  it("draws at most ten times a second, and nothing when not on a terminal", () => {
    const { stderr, writes } = terminal();
    const line = progressLine({ stderr, lang: "en" }, true, () => 0);
    for (let i = 0; i < 50; i++) line.update({ stage: "extract", done: i, total: 100 });
    expect(writes).toHaveLength(1);
    const quiet = terminal();
    const off = progressLine({ stderr: quiet.stderr, lang: "en" }, false);
    off.update({ stage: "extract", done: 1, total: 2 });
    off.clear();
    expect(quiet.writes).toEqual([]);
  });

  it("estimates the time left from the items done", () => {
    expect(etaSeconds(10_000, 0, 5)).toBeUndefined();
    expect(etaSeconds(10_000, 2, 6)).toBe(20);
    expect(etaSeconds(10_000, 6, 6)).toBeUndefined();
  });
});
