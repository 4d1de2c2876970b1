/**
 * Same inbox, same bytes: the demo inbox through the whole batch twice, each into a fresh folder, with TMPDIR and HOME
 * pointing at empty folders (and the OCR data cache at its own folder, as a user may set it). Every output file must
 * be byte-identical, and TMPDIR and HOME must stay empty: no temp path leaks into a message, no LibreOffice profile
 * or OCR data is left behind. About a minute on two cores.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PACKAGE_ROOT } from "../../src/form/load.js";
import { cli } from "../helpers/cli.js";

const INBOX = path.join(PACKAGE_ROOT, "samples", "inbox");
const root = mkdtempSync(path.join(os.tmpdir(), "samruat-determinism-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Every file under `dir`, relative, sorted. */
function tree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)))
    .sort();
}

async function isolatedRun(name: string): Promise<{ out: string; temp: string; home: string; code: number; stderr: string }> {
  const dir = path.join(root, name);
  mkdirSync(dir);
  const [out, temp, home, cache] = ["out", "tmp", "home", "cache"].map((sub) => path.join(dir, sub)) as [string, string, string, string];
  const saved = { TMPDIR: process.env.TMPDIR, HOME: process.env.HOME, SAMRUAT_CACHE: process.env.SAMRUAT_CACHE, XDG_CACHE_HOME: process.env.XDG_CACHE_HOME };
  const made = { temp: mkdtempSync(`${temp}-`), home: mkdtempSync(`${home}-`), cache: mkdtempSync(`${cache}-`) };
  Object.assign(process.env, { TMPDIR: made.temp, HOME: made.home, SAMRUAT_CACHE: made.cache });
  delete process.env.XDG_CACHE_HOME;
  try {
    const r = await cli("batch", INBOX, "--out", out, "--allow-errors");
    return { out, temp: made.temp, home: made.home, code: r.code, stderr: r.stderr };
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

describe("samruat batch is deterministic and contained", () => {
  it("gives byte-identical outputs for the same inbox, leaving TMPDIR and HOME empty", async () => {
    const a = await isolatedRun("a");
    const b = await isolatedRun("b");
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    for (const run of [a, b]) {
      expect(tree(run.temp), "TMPDIR").toEqual([]);
      expect(tree(run.home), "HOME").toEqual([]);
    }
    const files = tree(a.out);
    expect(tree(b.out)).toEqual(files);
    for (const kind of ["batch.json", "rounds.json", "issues.csv", "summary.xlsx", "province.docx", "province.json", "report.html"]) expect(files).toContain(kind);
    expect(files.some((f) => f.startsWith("letters/") && f.endsWith(".docx"))).toBe(true);
    expect(files.some((f) => f.startsWith("answers/"))).toBe(true);
    const differing = files.filter((f) => !readFileSync(path.join(a.out, f)).equals(readFileSync(path.join(b.out, f))));
    expect(differing).toEqual([]);
    // No temp folder's name in any output.
    const leaks = files.filter((f) => /samruat-batch-|\/tmp\/|soffice-/u.test(readFileSync(path.join(a.out, f), "latin1")));
    expect(leaks).toEqual([]);
  }, 600_000);
});
