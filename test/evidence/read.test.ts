import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { readEvidence } from "../../src/evidence/read.js";
import { sniffType } from "../../src/evidence/sniff.js";
import { EvidenceReportSchema, evidenceJsonSchema } from "../../src/evidence/schema.js";
import { docxWith, encryptedPdf, pngOf, StubOcr, thaiPdf, tiffOf } from "./fixtures.js";
import { synthPage } from "./synth.js";

let dir: string;
let scanPng: Uint8Array;
let scanImage: Awaited<ReturnType<typeof synthPage>>["image"];
let digitalPdf: Uint8Array;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "samruat-evidence-"));
  const { image } = await synthPage({
    width: 1240, height: 500, dpi: 150, noise: 4,
    lines: [{ text: "รายงานการประชุม ครั้งที่ ๑/๒๕๖๗", mark: { phrase: "ครั้งที่ ๑/๒๕๖๗", ink: "rgb(255,245,120)" } }],
  });
  scanPng = await pngOf(image);
  scanImage = image;
  const { doc, font } = await thaiPdf();
  doc.addPage([595, 842]).drawText("แผนปฏิบัติการดิจิทัลของจังหวัด ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ เพื่อการบริการประชาชน", { x: 50, y: 780, size: 14, font });
  digitalPdf = await doc.save();
});

describe("sniffType", () => {
  it("trusts bytes, not extensions", () => {
    expect(sniffType(scanPng).type).toBe("png");
    expect(sniffType(digitalPdf).type).toBe("pdf");
    expect(sniffType(new TextEncoder().encode("GIF89a....."))).toEqual({ type: "unknown", what: "GIF" });
    expect(sniffType(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]))).toEqual({ type: "unknown", what: "DOC/XLS (OLE)" });
  });
});

describe("readEvidence", () => {
  it("reports each bad file with a Thai and English message and goes on with the others", async () => {
    const ocr = new StubOcr("ครั้งที่ ๑/๒๕๖๗");
    const renamed = path.join(dir, "scan.pdf");
    await writeFile(renamed, scanPng);
    const { value } = await readEvidence(
      [
        { name: "empty.pdf", bytes: new Uint8Array() },
        { name: "locked.pdf", bytes: await encryptedPdf() },
        { name: "broken.pdf", bytes: new TextEncoder().encode("%PDF-1.4\nnot really") },
        { name: "photo.gif", bytes: new TextEncoder().encode("GIF89a.......") },
        path.join(dir, "missing.png"),
        renamed,
      ],
      { engine: ocr },
    );
    expect(() => EvidenceReportSchema.parse(value)).not.toThrow();
    expect(value.files.map((f) => f.error?.code ?? "ok")).toEqual([
      "empty-file",
      "encrypted-pdf",
      "broken-pdf",
      "unsupported-type",
      "read-failed",
      "ok",
    ]);
    for (const f of value.files.slice(0, 5)) {
      expect(f.error!.messageTh).toMatch(/[\u0E00-\u0E7F]/);
      expect(f.error!.message).toMatch(/[a-z]/);
    }
    const scan = value.files[5]!;
    expect(scan.type).toBe("png");
    expect(scan.pages[0]!.regions.map((r) => [r.color, r.text, r.textArabic])).toEqual([["yellow", "ครั้งที่ ๑/๒๕๖๗", "ครั้งที่ 1/2567"]]);
    expect(ocr.terminated).toBe(false);
  });

  it("reports a TIFF page it cannot decode as unreadable and reads the other pages", async () => {
    const { image } = await synthPage({ width: 300, height: 200, dpi: 150, lines: [{ text: "ทดสอบ" }] });
    const { value } = await readEvidence([{ name: "scan.tif", bytes: tiffOf([image, image], [1, 32773]) }], { engine: new StubOcr() });
    const [file] = value.files;
    expect(file!.error).toBeUndefined();
    expect(file!.pages.map((p) => [p.number, p.warnings.map((w) => w.code)])).toEqual([
      [1, []],
      [2, ["page-unreadable"]],
    ]);
    expect(file!.pages[1]!.warnings[0]!.message).toContain("PackBits");
  });

  it("reads the images of a returned .docx in document order and says what it skipped", async () => {
    const ocr = new StubOcr();
    const { value } = await readEvidence([{ name: "returned.docx", bytes: docxWith([scanPng, scanPng]) }], { engine: ocr });
    const [file] = value.files;
    expect(file!.type).toBe("docx");
    expect(file!.pages.map((p) => [p.number, p.source, p.unit])).toEqual([
      [1, "ocr", "px"],
      [2, "ocr", "px"],
    ]);
    expect(file!.warnings.map((w) => [w.code, w.message.includes("logo.emf")])).toEqual([["skipped-embedded-image", true]]);
  });

  it("warns when nothing is marked, and reports progress page by page", async () => {
    const seen: string[] = [];
    const { value, messages } = await readEvidence([{ name: "plan.pdf", bytes: digitalPdf }], {
      engine: new StubOcr(),
      onProgress: (p) => seen.push(`${p.pagesDone}/${p.pagesTotal}`),
    });
    expect(value.files[0]!.pages[0]!.source).toBe("text-layer");
    expect(value.files[0]!.warnings.map((w) => w.code)).toEqual(["nothing-marked"]);
    expect(messages.map((m) => m.code)).toEqual(["nothing-marked"]);
    expect(seen).toEqual(["1/1"]);
  });

  it("refuses a 10,000-page PDF at once, naming the page count, and reads the next file", { timeout: 60_000 }, async () => {
    const { doc } = await thaiPdf();
    for (let i = 0; i < 10_000; i++) doc.addPage([200, 200]);
    const huge = await doc.save();
    const started = Date.now();
    const { value } = await readEvidence(
      [
        { name: "ทั้งเล่ม.pdf", bytes: huge },
        { name: "plan.pdf", bytes: digitalPdf },
      ],
      { engine: new StubOcr() },
    );
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(value.files[0]!.error).toMatchObject({ code: "too-many-pages" });
    expect(value.files[0]!.error!.message).toContain("10000 > 300");
    expect(value.files[0]!.error!.messageTh).toContain("หน้ามากเกินไป");
    expect(value.files[1]!.error).toBeUndefined();
    expect(value.files[1]!.pages).toHaveLength(1);
  });

  it("leaves pages unread once a file's time budget is spent, and says so", async () => {
    const { value } = await readEvidence([{ name: "scan.tif", bytes: tiffOf([scanImage, scanImage], [1, 1]) }], { engine: new StubOcr(), fileBudgetMs: -1 });
    expect(value.files[0]!.pages).toEqual([]);
    expect(value.files[0]!.warnings.map((w) => [w.code, w.message.includes("0/2")])).toEqual([["time-budget", true]]);
  });

  it("publishes a JSON Schema of its output", () => {
    const schema = evidenceJsonSchema() as { properties: { files: { items: { properties: Record<string, unknown> } } } };
    expect(Object.keys(schema.properties.files.items.properties)).toEqual(
      expect.arrayContaining(["name", "sha256", "type", "pages", "warnings", "error"]),
    );
  });
});

describe("samruat evidence", () => {
  async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let out = "";
    let err = "";
    stdout.on("data", (d) => (out += d));
    stderr.on("data", (d) => (err += d));
    const code = await main(args, { stdout, stderr });
    return { code, out, err };
  }

  it("prints JSON lines on stdout, errors on stderr, and exits 2 when a file is unreadable", async () => {
    const good = path.join(dir, "plan.pdf");
    const empty = path.join(dir, "empty.png");
    await writeFile(good, digitalPdf);
    await writeFile(empty, new Uint8Array());
    const { code, out, err } = await run(["evidence", good, empty, "--format", "jsonl", "--lang", "en"]);
    expect(code).toBe(2);
    const lines = out.trim().split("\n").map((l) => JSON.parse(l) as { name: string; error?: { code: string } });
    expect(lines.map((l) => [path.basename(l.name), l.error?.code])).toEqual([
      ["plan.pdf", undefined],
      ["empty.png", "empty-file"],
    ]);
    expect(err).toContain("empty.png: the file is empty");
    expect(err).not.toContain("pages");
  });

  it("exits 1 when there are only warnings, and rejects unknown formats", async () => {
    const good = path.join(dir, "plan.pdf");
    await writeFile(good, digitalPdf);
    const ok = await run(["evidence", good]);
    expect(ok.code).toBe(1);
    expect(JSON.parse(ok.out).files[0].warnings[0].code).toBe("nothing-marked");
    expect((await run(["evidence", good, "--format", "xml"])).code).toBe(64);
  });
});
