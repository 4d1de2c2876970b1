/** LibreOffice headless conversion (legacy .doc → .docx, .docx → .pdf). Optional at run time: callers check `findSoffice`. */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export function findSoffice(): string | undefined {
  const candidates = [process.env.SOFFICE, "/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice", "/usr/local/bin/soffice"];
  return candidates.find((c): c is string => Boolean(c) && existsSync(c!));
}

/**
 * Converts `file` to `format` ("pdf", "docx") into `outDir`; returns the output path.
 * Each call gets its own LibreOffice profile so parallel conversions do not fight over the profile lock.
 */
export async function sofficeConvert(file: string, format: string, outDir: string, timeoutMs = 180_000): Promise<string> {
  const soffice = findSoffice();
  if (!soffice) throw new Error("LibreOffice (soffice) is not installed");
  const profile = await mkdtemp(path.join(os.tmpdir(), "samruat-lo-"));
  try {
    await run(
      soffice,
      [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", format, "--outdir", outDir, file],
      { timeout: timeoutMs },
    );
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
  const base = path.basename(file, path.extname(file));
  const produced = (await readdir(outDir)).find((f) => f === `${base}.${format}`);
  if (!produced) throw new Error(`LibreOffice produced no ${format} for ${file}`);
  return path.join(outDir, produced);
}
