/**
 * Where OCR language data lives on disk. The data ships in the @tesseract.js-data packages as .traineddata.gz, one
 * folder per language, while tesseract.js wants all languages of "tha+eng" in one folder and native tesseract wants
 * them uncompressed. Both are staged once into a cache folder: `SAMRUAT_CACHE` (or `$XDG_CACHE_HOME/samruat`,
 * `~/.cache/samruat`), or the folder a caller names (the batch uses `<out>/.cache`). Files are written atomically, so
 * concurrent runs never see half a file; nothing goes to the shared temp folder.
 */
import { copyFile, mkdir, rename, stat, writeFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";

/** The npm data: LSTM integer models (the "best" networks, integerised). */
export const TESSDATA_FLAVOUR = "4.0.0_best_int";

export function defaultCacheDir(): string {
  const env = process.env;
  return env.SAMRUAT_CACHE ?? path.join(env.XDG_CACHE_HOME ?? path.join(os.homedir(), ".cache"), "samruat");
}

function packaged(lang: string): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`)), TESSDATA_FLAVOUR, `${lang}.traineddata.gz`);
}

/**
 * A folder holding `<lang>.traineddata.gz` (gzip, for tesseract.js) or `<lang>.traineddata` (for native tesseract)
 * for every language, under `cacheDir`.
 */
export async function stageTessdata(langs: string[], options: { gzip: boolean; cacheDir?: string }): Promise<string> {
  const target = path.join(options.cacheDir ?? defaultCacheDir(), "tessdata", TESSDATA_FLAVOUR);
  await mkdir(target, { recursive: true });
  for (const lang of langs) {
    const source = packaged(lang);
    const dest = path.join(target, `${lang}.traineddata${options.gzip ? ".gz" : ""}`);
    const tmp = `${dest}.${process.pid}.tmp`;
    if (options.gzip) {
      const [src, have] = await Promise.all([stat(source), stat(dest).catch(() => null)]);
      if (have?.size === src.size) continue;
      await copyFile(source, tmp);
    } else {
      if (await stat(dest).catch(() => null)) continue;
      await writeFile(tmp, gunzipSync(readFileSync(source)));
    }
    await rename(tmp, dest);
  }
  return target;
}
