/** Reading a JSON input (answers, bundles, evidence lists, decisions): a missing file or bad JSON is a named, typed error. */
import { readFile } from "node:fs/promises";
import { unreadableInput } from "../errors.js";

export async function readJsonFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
    throw unreadableInput(file, missing ? "ไม่พบไฟล์" : "เปิดไฟล์ไม่ได้", missing ? "no such file" : "cannot open the file");
  }
  try {
    // Windows editors (Notepad) save JSON with a byte-order mark.
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw unreadableInput(file, `ไม่ใช่ JSON ที่ถูกต้อง (${(error as Error).message})`, `not valid JSON (${(error as Error).message})`);
  }
}
