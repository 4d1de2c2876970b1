import { readFile } from "node:fs/promises";
import type { z } from "zod";
import { EXIT, SamruatError } from "../errors.js";

/**
 * A JSON file the user points at, checked against its schema. Unreadable or of another shape → a SamruatError with
 * `code`, naming the file and the first mismatch, exit 2.
 */
export async function readJsonFile<T extends z.ZodTypeAny>(file: string, schema: T, code: string, what: { th: string; en: string }): Promise<z.infer<T>> {
  const fail = (th: string, en: string) => new SamruatError(code, th, en, EXIT.unreadable, file);
  let json: unknown;
  try {
    json = JSON.parse((await readFile(file, "utf8")).replace(/^\uFEFF/u, ""));
  } catch (error) {
    throw fail(`อ่าน${what.th}ไม่ได้ (${(error as Error).message})`, `cannot read the ${what.en} (${(error as Error).message})`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first ? `${first.path.join(".") || "(root)"}: ${first.message}` : "";
    throw fail(`${what.th}ไม่ถูกรูปแบบ (${where})`, `not a ${what.en} (${where})`);
  }
  return parsed.data;
}
