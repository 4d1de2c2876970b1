import { describe, expect, it } from "vitest";
import { EXIT, SamruatError } from "../../src/errors.js";
import { DocxError, type DocxErrorCode } from "../../src/docx/errors.js";
import { openDocx } from "../../src/docx/open.js";
import { readDocx } from "../../src/docx/read.js";
import { buildCfb, buildDocx, docxErrorOf, p, r, zip } from "./build-docx.js";

const FILE = "แบบสำรวจ-ทดสอบ.docx";

function expectCode(bytes: Uint8Array, code: DocxErrorCode): DocxError {
  const error = docxErrorOf(() => readDocx(bytes, FILE));
  expect(error.code).toBe(code);
  expect(error.file).toBe(FILE);
  expect(error.messageTh).toContain(FILE);
  expect(error.messageEn).toContain(FILE);
  return error;
}

/** Offset of the central-directory record of `name` (signature PK\1\2). */
function centralRecord(bytes: Uint8Array, name: string): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const wanted = Buffer.from(name);
  for (let at = 0; at + 46 < bytes.length; at++) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const len = view.getUint16(at + 28, true);
    if (len === wanted.length && Buffer.from(bytes.subarray(at + 46, at + 46 + len)).equals(wanted)) return at;
  }
  throw new Error(`no central record for ${name}`);
}

describe("openDocx: what the bytes really are", () => {
  it("reads a minimal valid package", () => {
    const pkg = openDocx(buildDocx(p(r("ทดสอบ"))), FILE);
    expect(pkg.mainPart).toBe("word/document.xml");
    expect(pkg.warnings).toEqual([]);
    expect(pkg.related("word/document.xml", "styles")).toBe("word/styles.xml");
  });

  it("errors are SamruatErrors with exit code 'unreadable'", () => {
    const error = expectCode(new Uint8Array(0), "empty_file");
    expect(error).toBeInstanceOf(SamruatError);
    expect(error.exitCode).toBe(EXIT.unreadable);
    expect(error.messageEn).toBe(`"${FILE}" is empty (0 bytes)`);
  });

  it("not a zip: plain text, and a PDF named as such", () => {
    expectCode(new TextEncoder().encode("hello, this is not a zip file"), "not_zip");
    const pdf = expectCode(new TextEncoder().encode("%PDF-1.7\n%âãÏÓ\n1 0 obj"), "not_zip");
    expect(pdf.messageEn).toContain("it looks like a PDF");
  });

  it("corrupt zip: truncated, damaged directory, damaged data, lying sizes", () => {
    const good = buildDocx(p(r("ข้อความ")));
    expectCode(good.subarray(0, good.length - 30), "corrupt_zip");

    const badDirectory = good.slice();
    new DataView(badDirectory.buffer).setUint32(centralRecord(good, "word/document.xml"), 0x12345678, true);
    expectCode(badDirectory, "corrupt_zip");

    // Flip bytes in the middle of document.xml's compressed data: inflate error or CRC mismatch, never garbage.
    const badData = good.slice();
    const view = new DataView(badData.buffer);
    const local = view.getUint32(centralRecord(good, "word/document.xml") + 42, true);
    const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    for (let i = 10; i < 20; i++) badData[dataStart + i] = badData[dataStart + i]! ^ 0xff;
    expect(expectCode(badData, "corrupt_zip").messageEn).toContain("word/document.xml");

    // The directory claims 100 bytes; inflating stops right past that and the entry is refused.
    const lying = good.slice();
    new DataView(lying.buffer).setUint32(centralRecord(good, "word/document.xml") + 24, 100, true);
    expect(expectCode(lying, "corrupt_zip").messageEn).toContain("word/document.xml");
  });

  it("encrypted OOXML (OLE with EncryptedPackage)", () => {
    const error = expectCode(buildCfb(["EncryptionInfo", "EncryptedPackage", "\u0006DataSpaces"]), "encrypted_docx");
    expect(error.messageEn).toContain("password-protected");
  });

  it("legacy .doc (OLE without EncryptedPackage)", () => {
    const error = expectCode(buildCfb(["WordDocument", "1Table", "\u0005SummaryInformation"]), "legacy_doc");
    expect(error.messageEn).toContain("Word 97–2003 (.doc)");
    expect(error.messageTh).toContain("soffice --headless --convert-to docx");
  });

  it("a password-protected Word 97–2003 .doc (fEncrypted in its File Information Block)", () => {
    expect(expectCode(buildCfb(["WordDocument", "1Table"], 0x0100), "encrypted_docx").messageTh).toContain("รหัสผ่าน");
    expectCode(buildCfb(["WordDocument", "1Table"], 0x0000), "legacy_doc");
  });

  it("a .docx zipped with a password (ZipCrypto): password-protected, not 'word/document.xml is missing'", () => {
    const bytes = buildDocx(p(r("ลับ")));
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const at = centralRecord(bytes, "word/document.xml");
    view.setUint16(at + 8, view.getUint16(at + 8, true) | 1, true);
    expect(expectCode(bytes, "encrypted_docx").messageEn).toContain("password-protected");
  });

  it("legacy detection survives a damaged compound-file directory", () => {
    const cfb = buildCfb(["EncryptedPackage"]);
    new DataView(cfb.buffer).setUint16(30, 7, true); // impossible sector size: fall back to a byte search
    expectCode(cfb, "encrypted_docx");
  });

  it(".odt is recognised by its mimetype entry", () => {
    const odt = zip(
      { mimetype: "application/vnd.oasis.opendocument.text", "content.xml": "<office:document-content/>" },
      "STORE",
    );
    expect(expectCode(odt, "odt_not_docx").messageEn).toContain("application/vnd.oasis.opendocument.text");
  });

  it("a zip without word/document.xml", () => {
    expectCode(zip({ "readme.txt": "hello" }), "missing_document_xml");
    const xlsx = expectCode(zip({ "xl/workbook.xml": "<workbook/>" }), "missing_document_xml");
    expect(xlsx.messageEn).toContain("Excel");
  });

  it("entries with ../ or absolute paths are dropped with a warning", () => {
    const bytes = buildDocx(p(r("ok")), {
      files: { "../../evil.xml": "x", "/etc/passwd": "y", "word/..\\..\\win.xml": "z", "C:/boot.ini": "w" },
    });
    const { value, messages } = readDocx(bytes, FILE);
    expect(value.blocks).toHaveLength(1);
    const unsafe = messages.filter((m) => m.code === "unsafe_zip_entry").map((m) => m.message);
    expect(unsafe).toEqual([
      'ZIP entry "../../evil.xml" points outside the package and was ignored',
      'ZIP entry "/etc/passwd" points outside the package and was ignored',
      'ZIP entry "word/..\\..\\win.xml" points outside the package and was ignored',
      'ZIP entry "C:/boot.ini" points outside the package and was ignored',
    ]);
    expect(openDocx(bytes, FILE).partNames()).not.toContain("../../evil.xml");
  });

  it("a second entry with the same (case-insensitive) name is ignored", () => {
    const bytes = buildDocx(p(r("first")), { files: { "WORD/DOCUMENT.XML": "<not-read/>" } });
    const { value, messages } = readDocx(bytes, FILE);
    expect(messages.map((m) => m.code)).toEqual(["duplicate_zip_entry"]);
    expect(value.blocks).toHaveLength(1);
  });

  it("zip bomb by compression ratio is refused before inflating", () => {
    const bomb = buildDocx(p(r("x")), { files: { "word/media/zeros.bin": new Uint8Array(8 * 1024 * 1024) } });
    expect(bomb.length).toBeLessThan(100_000);
    const error = expectCode(bomb, "zip_bomb");
    expect(error.messageEn).toMatch(/word\/media\/zeros\.bin expands \d+×, limit 200×/);
  });

  it("zip bomb by declared entry size and by total size", () => {
    const bytes = buildDocx(p(r("x")), { files: { "word/media/a.bin": new Uint8Array(3000) } });
    expect(docxErrorOf(() => openDocx(bytes, FILE, { maxEntrySize: 2000 })).messageEn).toContain(
      "word/media/a.bin declares 3000 bytes, limit 2000",
    );
    expect(docxErrorOf(() => openDocx(bytes, FILE, { maxTotalSize: 3500 })).code).toBe("zip_bomb");
    expect(docxErrorOf(() => openDocx(bytes, FILE, { maxEntries: 3 })).messageEn).toContain("6 entries, limit 3");
  });

  it("follows _rels/.rels to a main part that is not word/document.xml", () => {
    const bytes = buildDocx("", {
      omit: ["word/document.xml"],
      files: {
        "_rels/.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/main.xml"/></Relationships>`,
        "word/main.xml": `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>main</w:t></w:r></w:p></w:body></w:document>`,
      },
    });
    expect(openDocx(bytes, FILE).mainPart).toBe("word/main.xml");
    expect(readDocx(bytes, FILE).value.blocks).toEqual([
      { kind: "paragraph", index: 0, inlines: [{ kind: "text", text: "main" }] },
    ]);
  });
});
