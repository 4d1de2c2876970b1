/** One core, several front ends: nothing outside src/cli imports from it (the server and the CLI sit on the core). */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const SRC = path.join(import.meta.dirname, "..", "src");

describe("dependency direction", () => {
  it("the core never imports from a front end", () => {
    const offenders = readdirSync(SRC, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile() && d.name.endsWith(".ts"))
      .map((d) => path.relative(SRC, path.join(d.parentPath, d.name)))
      .filter((rel) => !rel.startsWith(`cli${path.sep}`))
      .filter((rel) => /from\s+["'](?:\.\.?\/)+(?:[\w-]+\/)*cli\//u.test(readFileSync(path.join(SRC, rel), "utf8")));
    expect(offenders).toEqual([]);
  });
});
