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

/** A conversion that failed; `reason` says why in words that name no path. */
export class SofficeError extends Error {
  constructor(readonly reason: string) {
    super(`LibreOffice: ${reason}`);
    this.name = "SofficeError";
  }
}

/**
 * Converts `file` to `format` ("pdf", "docx") into `outDir`; returns the output path.
 * Each call gets its own LibreOffice profile and HOME in a temporary folder that is removed afterwards, so parallel
 * conversions do not fight over the profile lock and nothing is left in the user's home.
 */
export async function sofficeConvert(file: string, format: string, outDir: string, timeoutMs = 180_000): Promise<string> {
  const soffice = findSoffice();
  if (!soffice) throw new SofficeError("LibreOffice (soffice) is not installed");
  const home = await mkdtemp(path.join(os.tmpdir(), "samruat-lo-"));
  try {
    await run(
      soffice,
      [`-env:UserInstallation=file://${home}/profile`, "--headless", "--norestore", "--convert-to", format, "--outdir", outDir, file],
      { timeout: timeoutMs, env: { ...process.env, HOME: home, TMPDIR: home } },
    );
  } catch (error) {
    const e = error as { killed?: boolean; code?: number | string };
    throw new SofficeError(e.killed ? `no answer within ${Math.round(timeoutMs / 1000)} s` : `exit code ${e.code ?? "?"}`);
  } finally {
    await rm(home, { recursive: true, force: true });
  }
  const base = path.basename(file, path.extname(file));
  const produced = (await readdir(outDir)).find((f) => f === `${base}.${format}`);
  if (!produced) throw new SofficeError(`no ${format} was produced (the file may be damaged or password-protected)`);
  return path.join(outDir, produced);
}
