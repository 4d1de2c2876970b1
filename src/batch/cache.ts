/**
 * Content-hash cache under `<out>/.cache`: what was read from a file (its answers, its evidence pages) is kept under
 * sha256(file hash + tool version + the options that change the result), so a rerun skips unchanged files and a
 * new version or other options never see stale results. `--no-cache` neither reads nor trusts it (but refreshes it).
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { PACKAGE_ROOT } from "../form/load.js";
import { writeFileAtomic } from "../util/fs.js";

/** Bumped when what the batch stores in the cache changes shape. */
const CACHE_FORMAT = 2;

const TOOL_VERSION = `${(JSON.parse(readFileSync(path.join(PACKAGE_ROOT, "package.json"), "utf8")) as { version: string }).version}/${CACHE_FORMAT}`;

export interface Cache {
  get<T>(kind: string, fileSha256: string, options: unknown): Promise<T | undefined>;
  put(kind: string, fileSha256: string, options: unknown, value: unknown): Promise<void>;
  hits: number;
  misses: number;
}

export function openCache(outDir: string, enabled: boolean): Cache {
  const dir = path.join(outDir, ".cache");
  const file = (kind: string, sha: string, options: unknown) =>
    path.join(dir, kind, `${createHash("sha256").update(`${sha}\n${TOOL_VERSION}\n${JSON.stringify(options)}`).digest("hex")}.json`);
  const cache: Cache = {
    hits: 0,
    misses: 0,
    async get<T>(kind: string, sha: string, options: unknown): Promise<T | undefined> {
      if (enabled) {
        try {
          const value = JSON.parse(await readFile(file(kind, sha, options), "utf8")) as T;
          cache.hits++;
          return value;
        } catch {
          // not cached yet (or unreadable): the file is read again
        }
      }
      cache.misses++;
      return undefined;
    },
    async put(kind, sha, options, value) {
      await writeFileAtomic(file(kind, sha, options), JSON.stringify(value));
    },
  };
  return cache;
}
