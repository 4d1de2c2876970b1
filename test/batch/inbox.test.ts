/** The inbox as files: folders, NFC names, .zip archives opened in memory with the .docx package's safety checks. */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readInbox } from "../../src/batch/inbox.js";
import { SamruatError } from "../../src/errors.js";
import { zip } from "../docx/build-docx.js";

function inboxWith(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "samruat-inbox-"));
  for (const [name, data] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), data);
  }
  return dir;
}

/** Replaces an ASCII placeholder name inside a zip's headers with other bytes of the same length. */
function renameRaw(bytes: Uint8Array, placeholder: string, raw: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes);
  const needle = Buffer.from(placeholder, "latin1");
  for (let i = 0; i <= out.length - needle.length; i++) {
    if (Buffer.from(out.subarray(i, i + needle.length)).equals(needle)) out.set(raw, i);
  }
  return out;
}

describe("readInbox", () => {
  it("lists files NFC, in code-point order, with archive entries as <archive>.zip/<entry>", async () => {
    const dir = inboxWith({
      "b/Cafe\u0301.pdf": "%PDF-1.4",
      "a.txt": "x",
      "pack.zip": zip({ "P1.1_แผน.pdf": "%PDF-1.4", "inner/ข้อ.docx": "PK" }),
    });
    const inbox = await readInbox(dir);
    expect(inbox.files.map((f) => f.path)).toEqual(["a.txt", "b/Caf\u00e9.pdf", "pack.zip/P1.1_แผน.pdf", "pack.zip/inner/ข้อ.docx"]);
    expect(inbox.records).toEqual([expect.objectContaining({ path: "pack.zip", kind: "archive", status: "used" })]);
    const entry = inbox.files.find((f) => f.path === "pack.zip/P1.1_แผน.pdf")!;
    expect(new TextDecoder().decode(await entry.read())).toBe("%PDF-1.4");
    expect(entry.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("refuses a ../ entry with its reason and opens the rest of the archive", async () => {
    const dir = inboxWith({ "evil.zip": zip({ "../../escape.pdf": "%PDF-1.4", "ok/P2.3.pdf": "%PDF-1.4" }) });
    const inbox = await readInbox(dir);
    expect(inbox.files.map((f) => f.path)).toEqual(["evil.zip/ok/P2.3.pdf"]);
    const refused = inbox.records.find((r) => r.path === "evil.zip/../../escape.pdf");
    expect(refused).toMatchObject({ status: "failed", reason: { code: "unsafe_zip_entry" } });
    expect(refused!.reason!.message).toContain("ชี้ออกนอก");
  });

  it("refuses a zip bomb before inflating it, and a damaged archive, while other files go on", async () => {
    const bomb = zip({ "zeros.pdf": new Uint8Array(4 * 1024 * 1024) });
    const dir = inboxWith({ "bomb.zip": bomb, "broken.zip": "PK\u0003\u0004 not really", "P1.1.pdf": "%PDF-1.4" });
    const inbox = await readInbox(dir);
    expect(inbox.files.map((f) => f.path)).toEqual(["P1.1.pdf"]);
    expect(inbox.records.find((r) => r.path === "bomb.zip")).toMatchObject({ kind: "archive", status: "failed", reason: { code: "zip_bomb" } });
    expect(inbox.records.find((r) => r.path === "broken.zip")).toMatchObject({ status: "failed", reason: { code: "corrupt_zip" } });
  });

  it("reads Thai entry names that Windows wrote in CP874 without the UTF-8 flag", async () => {
    const cp874 = new Uint8Array([0xca, 0xb6, 0xd4, 0xb5, 0xd4]); // สถิติ
    const dir = inboxWith({ "win.zip": renameRaw(zip({ "QQQQQ/P2.2.pdf": "%PDF-1.4" }), "QQQQQ", cp874) });
    expect((await readInbox(dir)).files.map((f) => f.path)).toEqual(["win.zip/สถิติ/P2.2.pdf"]);
  });

  it("opens nested archives", async () => {
    const dir = inboxWith({ "outer.zip": zip({ "inner.zip": zip({ "G2.pdf": "%PDF-1.4" }) }) });
    const inbox = await readInbox(dir);
    expect(inbox.files.map((f) => f.path)).toEqual(["outer.zip/inner.zip/G2.pdf"]);
    expect(inbox.records.map((r) => [r.path, r.status])).toEqual([
      ["outer.zip", "used"],
      ["outer.zip/inner.zip", "used"],
    ]);
  });

  it("fails with exit code 2 when the inbox is missing or not a folder", async () => {
    const dir = inboxWith({ "file.txt": "x" });
    await expect(readInbox(path.join(dir, "missing"))).rejects.toMatchObject({ code: "inbox_missing", exitCode: 2 });
    await expect(readInbox(path.join(dir, "file.txt"))).rejects.toBeInstanceOf(SamruatError);
  });
});
