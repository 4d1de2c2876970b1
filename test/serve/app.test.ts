/**
 * The workbench through its HTTP app (app.request, no port): receiving files, the status board over the roster,
 * an agency's page, decisions stored with the reviewer and taking effect in the ledger and the exports, refused
 * cross-site posts, and a workspace that keeps its decisions across a restart.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BatchManifest, DECISIONS_SCHEMA } from "../../src/bundle/schema.js";
import { PACKAGE_ROOT } from "../../src/form/load.js";
import { createApp } from "../../src/serve/app.js";
import { Runner } from "../../src/serve/runner.js";
import { safeRelativePath, Workspace } from "../../src/serve/workspace.js";
import { cli } from "../helpers/cli.js";

const INBOX = path.join(PACKAGE_ROOT, "samples", "inbox");
const ORIGIN = "http://127.0.0.1:8686";
const LAND = "สำนักงานที่ดินจังหวัดเชียงใหม่";
const dir = mkdtempSync(path.join(os.tmpdir(), "samruat-serve-"));
let workspace: Workspace;
let runner: Runner;
let app: ReturnType<typeof createApp>;
afterAll(() => {
  workspace.close();
  rmSync(dir, { recursive: true, force: true });
});

const post = (url: string, body: BodyInit, headers: Record<string, string> = {}) =>
  app.request(url, { method: "POST", body, headers: { Host: "127.0.0.1:8686", Origin: ORIGIN, Accept: "application/json", ...headers } });
const get = (url: string) => app.request(url, { headers: { Host: "127.0.0.1:8686" } });
const manifest = () => BatchManifest.parse(JSON.parse(readFileSync(path.join(workspace.out, "batch.json"), "utf8")));

function uploadForm(files: [string, string][]): FormData {
  const form = new FormData();
  for (const [rel, relInBrowser] of files) {
    form.append("files", new File([readFileSync(path.join(INBOX, rel))], path.basename(rel)));
    form.append("paths", relInBrowser);
  }
  return form;
}

beforeAll(() => {
  workspace = new Workspace(dir);
  runner = new Runner(workspace, "th");
  app = createApp(workspace, runner);
});

describe("samruat serve", () => {
  it("shows an empty board with the upload form, behind a strict Content-Security-Policy", async () => {
    const res = await get("/");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Security-Policy")).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).toContain('action="/upload"');
    expect(html).toContain("ยังไม่มีผลการตรวจ");
    expect(workspace.schemaVersion).toBe(2);
  });

  it("refuses a post from another site (no or foreign Origin)", async () => {
    const form = uploadForm([["แบบสำรวจ_สำนักงานที่ดินจังหวัดเชียงใหม่.docx", "x.docx"]]);
    expect((await post("/upload", form, { Origin: "https://evil.example" })).status).toBe(403);
    const bare = await app.request("/upload", { method: "POST", body: form, headers: { Host: "127.0.0.1:8686" } });
    expect(bare.status).toBe(403);
    expect(workspace.received()).toEqual([]);
  });

  it("receives files with their folders (names sanitised), runs the batch and lists the whole roster", async () => {
    const res = await post(
      "/upload",
      uploadForm([
        ["แบบสำรวจ_สำนักงานที่ดินจังหวัดเชียงใหม่.docx", "แบบสำรวจ_สำนักงานที่ดินจังหวัดเชียงใหม่.docx"],
        ["สำนักงานที่ดินจังหวัดเชียงใหม่_P5.3.1_การปฏิบัติงานนอกสำนักงาน.jpg", "สำนักงานที่ดินจังหวัดเชียงใหม่_P5.3.1_การปฏิบัติงานนอกสำนักงาน.jpg"],
        ["สำนักงานสถิติจังหวัดเชียงใหม่/P2.2.3.1 ชุดข้อมูล Sharable Data.pdf", "../../สำนักงานสถิติจังหวัดเชียงใหม่/P2.2.3.1 ชุดข้อมูล Sharable Data.pdf"],
      ]),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true });
    await runner.request();
    expect(workspace.received().map((f) => f.path)).toEqual([
      "สำนักงานสถิติจังหวัดเชียงใหม่/P2.2.3.1 ชุดข้อมูล Sharable Data.pdf",
      "สำนักงานที่ดินจังหวัดเชียงใหม่_P5.3.1_การปฏิบัติงานนอกสำนักงาน.jpg",
      "แบบสำรวจ_สำนักงานที่ดินจังหวัดเชียงใหม่.docx",
    ].sort());
    const m = manifest();
    expect(m.agencies.length).toBe(22);
    const status = Object.fromEntries(m.agencies.map((a) => [a.name, a.status]));
    expect(status[LAND]).toBe("must_fix");
    // Evidence arrived, the form not yet: the statistics office owes its form.
    expect(status["สำนักงานสถิติจังหวัดเชียงใหม่"]).toBe("must_fix");
    expect(m.issues.find((i) => i.agency === "สำนักงานสถิติจังหวัดเชียงใหม่")?.code).toBe("form_not_received");
    const board = await (await get("/")).text();
    expect(board).toContain("หน่วยงานตามรายชื่อ 22 แห่ง");
    expect(board).toContain(`href="/agency/${encodeURIComponent(LAND)}"`);
  });

  it("shows an agency's problems, its audit with a form per answer, its letter and its contact", async () => {
    const html = await (await get(`/agency/${encodeURIComponent(LAND)}`)).text();
    expect(html).toContain("สิ่งที่ต้องแก้ไข (1)");
    expect(html).toContain('name="field" value="P5.3.1:yes.remote_access"');
    expect(html).toContain(`/letters/${encodeURIComponent(LAND)}.docx`);
    expect(html).toContain("mailto:");
    expect((await get("/agency/nobody")).status).toBe(404);
  });

  it("shows an evidence page at full resolution with its marks outlined, and the original file", async () => {
    const bundle = JSON.parse(readFileSync(path.join(workspace.out, "answers", `${LAND}.json`), "utf8")) as { evidence: { sha256: string; file: string }[] };
    const sha = bundle.evidence[0]!.sha256.slice(0, 16);
    const html = await (await get(`/evidence/${sha}/1`)).text();
    expect(html).toContain(`src="/evidence/${sha}/1.png"`);
    expect(html).toContain(`href="/files/${sha}"`);
    const png = await get(`/evidence/${sha}/1.png`);
    expect(png.status).toBe(200);
    expect(png.headers.get("Content-Type")).toBe("image/png");
    const bytes = Buffer.from(await png.arrayBuffer());
    expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(bytes.readUInt32BE(16)).toBeGreaterThan(900);
    const original = await get(`/files/${sha}`);
    expect(Buffer.from(await original.arrayBuffer()).equals(readFileSync(path.join(INBOX, bundle.evidence[0]!.file)))).toBe(true);
    expect((await get("/evidence/zzzz/1")).status).toBe(404);
    expect((await get(`/evidence/${sha}/9`)).status).toBe(404);
  });

  it("stores a decision with its reviewer and time, and it takes effect: status, ledger, exports", async () => {
    const form = new URLSearchParams({ agency: LAND, field: "P5.3.1:yes.remote_access", question: "P5.3.1", decision: "accept", comment: "ตรวจกับต้นฉบับแล้ว", reviewer: "สมชาย" });
    const res = await post("/decisions", form, { "Content-Type": "application/x-www-form-urlencoded" });
    expect(res.status).toBe(303);
    await runner.request();
    const [stored] = workspace.decisions();
    expect(stored).toMatchObject({ agency: LAND, decision: "accept", reviewer: "สมชาย", comment: "ตรวจกับต้นฉบับแล้ว" });
    expect(stored!.decidedAt).toMatch(/^\d{4}-\d\d-\d\dT/u);
    const land = manifest().agencies.find((a) => a.name === LAND)!;
    expect(land.audit).toMatchObject({ accepted: 1, open: 0 });
    expect(land.status).toBe("audited");
    const exported = JSON.parse(await (await get("/exports/decisions.json")).text());
    expect(exported).toEqual({ schema: DECISIONS_SCHEMA, decisions: [{ agency: LAND, field: "P5.3.1:yes.remote_access", question: "P5.3.1", decision: "accept", comment: "ตรวจกับต้นฉบับแล้ว" }] });
    expect(await (await get(`/agency/${encodeURIComponent(LAND)}`)).text()).toContain("ยอมรับ โดย สมชาย");
    // A decision without a reviewer's name is refused.
    const anonymous = new URLSearchParams({ agency: LAND, field: "P5.3.1:yes.remote_access", question: "P5.3.1", decision: "reject" });
    expect((await post("/decisions", anonymous, { "Content-Type": "application/x-www-form-urlencoded" })).status).toBe(400);
  });

  it("exports the same bytes the CLI writes for the same inbox and decisions", { timeout: 120_000 }, async () => {
    const decisions = path.join(dir, "decisions.json");
    writeFileSync(decisions, await (await get("/exports/decisions.json")).text());
    const cliOut = path.join(dir, "cli-out");
    const r = await cli("batch", workspace.inbox, "--out", cliOut, "--decisions", decisions, "--allow-errors");
    expect(r.code, r.stderr).toBe(0);
    for (const name of ["summary.xlsx", "issues.csv", "province.docx", "province.json", "report.html"]) {
      const served = Buffer.from(await (await get(`/exports/${name}`)).arrayBuffer());
      expect(served.equals(readFileSync(path.join(cliOut, name))), name).toBe(true);
    }
  });

  it("serves the same files the batch wrote as exports, and the report with its own CSP", async () => {
    for (const name of ["summary.xlsx", "issues.csv", "province.docx", "province.json"]) {
      const res = await get(`/exports/${name}`);
      expect(res.status, name).toBe(200);
      expect(Buffer.from(await res.arrayBuffer()).equals(readFileSync(path.join(workspace.out, name))), name).toBe(true);
    }
    const zip = await get("/exports/letters.zip");
    expect(zip.headers.get("Content-Type")).toBe("application/zip");
    expect((await get("/exports/../../samruat.db")).status).toBe(404);
    const report = await get("/report");
    expect(report.headers.get("Content-Security-Policy")).toContain("script-src 'unsafe-inline'");
  });

  it("never overwrites a received file: the same bytes again are the same file, new bytes under the name are a later copy", async () => {
    const before = workspace.received().length;
    const same = await workspace.receive("แบบสำรวจ_สำนักงานที่ดินจังหวัดเชียงใหม่.docx", readFileSync(path.join(INBOX, "แบบสำรวจ_สำนักงานที่ดินจังหวัดเชียงใหม่.docx")));
    expect(same.path).toBe("แบบสำรวจ_สำนักงานที่ดินจังหวัดเชียงใหม่.docx");
    const again = await workspace.receive("แบบสำรวจ_สำนักงานที่ดินจังหวัดเชียงใหม่.docx", new TextEncoder().encode("ฉบับแก้ไข"));
    expect(again.path).toBe("แบบสำรวจ_สำนักงานที่ดินจังหวัดเชียงใหม่ (2).docx");
    expect(workspace.received().length).toBe(before + 1);
    expect(readFileSync(path.join(workspace.inbox, again.path), "utf8")).toBe("ฉบับแก้ไข");
  });

  it("loses no reviewer's decision when two write at once through two connections", () => {
    const other = new Workspace(dir);
    workspace.decide({ agency: "สำนักงานคลังจังหวัดเชียงใหม่", field: "P6.2.2:yes", question: "P6.2.2", decision: "accept", comment: "" }, "สมชาย");
    other.decide({ agency: "สำนักงานคลังจังหวัดเชียงใหม่", field: "P6.2.1:iso", question: "P6.2.1", decision: "reject", comment: "" }, "สมหญิง");
    other.close();
    expect(workspace.decisions().filter((d) => d.agency === "สำนักงานคลังจังหวัดเชียงใหม่").map((d) => d.reviewer).sort()).toEqual(["สมชาย", "สมหญิง"]);
  });

  it("keeps decisions across a restart (a new Workspace on the same folder)", () => {
    const again = new Workspace(dir);
    expect(again.decisions().map((d) => d.reviewer).sort()).toEqual(["สมชาย", "สมชาย", "สมหญิง"]);
    expect(again.schemaVersion).toBe(2);
    again.close();
  });
});

describe("upload limits", () => {
  it("refuses an upload over the size or count limit with a clear message, keeping nothing of it", async () => {
    const small = mkdtempSync(path.join(os.tmpdir(), "samruat-serve-limits-"));
    const ws = new Workspace(small);
    const limited = createApp(ws, new Runner(ws, "th"), { limits: { files: 2, bytes: 50_000 } });
    const send = (form: FormData) => limited.request("/upload", { method: "POST", body: form, headers: { Host: "127.0.0.1:8686", Origin: ORIGIN, Accept: "application/json" } });
    try {
      const big = await send(uploadForm([["สำนักงานสถิติจังหวัดเชียงใหม่/P2.2.3.1 ชุดข้อมูล Sharable Data.pdf", "a.pdf"]]));
      expect(big.status).toBe(413);
      expect((await big.json()).message).toMatch(/ไม่เกิน|ใหญ่เกิน/u);
      const form = new FormData();
      for (const n of [1, 2, 3]) form.append("files", new File([`x${n}`], `f${n}.pdf`));
      const many = await send(form);
      expect(many.status).toBe(413);
      expect((await many.json()).message).toContain("ไม่เกิน 2 ไฟล์");
      expect(ws.received()).toEqual([]);
      expect(readdirSync(ws.inbox)).toEqual([]);
      expect(readdirSync(ws.incoming)).toEqual([]);
    } finally {
      ws.close();
      rmSync(small, { recursive: true, force: true });
    }
  });
});

describe("safeRelativePath", () => {
  it("keeps Thai names and folders, drops .., empty and forbidden parts", () => {
    expect(safeRelativePath("../../สำนักงาน/./P1.1: แผน?.pdf")).toBe("สำนักงาน/P1.1 แผน.pdf");
    expect(safeRelativePath("C:\\Users\\a\\..\\หลักฐาน.pdf")).toBe("C/Users/a/หลักฐาน.pdf");
    expect(safeRelativePath("/../..")).toBeUndefined();
  });
});

describe("samruat serve with reviewer accounts (a workbench shared on a network)", () => {
  const shared = mkdtempSync(path.join(os.tmpdir(), "samruat-serve-shared-"));
  let ws: Workspace;
  let sharedApp: ReturnType<typeof createApp>;
  beforeAll(() => {
    ws = new Workspace(shared);
    ws.setReviewer("วิไลวรรณ", "รหัสผ่านยาวพอ");
    sharedApp = createApp(ws, new Runner(ws, "th"), { accounts: true });
  });
  afterAll(() => {
    ws.close();
    rmSync(shared, { recursive: true, force: true });
  });
  const req = (url: string, init: RequestInit = {}) =>
    sharedApp.request(url, { ...init, headers: { Host: "10.0.0.5:8686", Origin: "http://10.0.0.5:8686", ...(init.headers as Record<string, string>) } });
  const login = (password: string) =>
    req("/login", { method: "POST", body: new URLSearchParams({ name: "วิไลวรรณ", password }), headers: { "Content-Type": "application/x-www-form-urlencoded" } });

  it("sends every page to the sign-in page, and refuses posts, until a reviewer signs in", async () => {
    const board = await req("/");
    expect(board.status).toBe(303);
    expect(board.headers.get("Location")).toBe("/login");
    expect((await req("/exports/decisions.json")).status).toBe(303);
    expect((await req("/decisions", { method: "POST", body: new URLSearchParams({ agency: "x" }) })).status).toBe(401);
    expect((await req("/login")).status).toBe(200);
  });

  it("refuses a wrong password; a right one gives an HttpOnly, SameSite=Strict session in whose name decisions are made", async () => {
    expect((await login("ผิด-ผิด-ผิด")).status).toBe(401);
    const ok = await login("รหัสผ่านยาวพอ");
    expect(ok.status).toBe(303);
    const cookie = ok.headers.get("Set-Cookie")!;
    expect(cookie).toMatch(/samruat_session=[\w-]+;/u);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Strict");
    const session = cookie.split(";")[0]!;
    expect((await req("/", { headers: { Cookie: session } })).status).toBe(200);
    const decided = await req("/decisions", {
      method: "POST",
      body: new URLSearchParams({ agency: LAND, field: "P5.3.1:yes.remote_access", question: "P5.3.1", decision: "reject", comment: "ไม่ตรง", reviewer: "คนอื่น" }),
      headers: { Cookie: session, "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(decided.status).toBe(303);
    expect(ws.decisions().map((d) => d.reviewer)).toEqual(["วิไลวรรณ"]);
    // Signed out, the session no longer opens pages.
    await req("/logout", { method: "POST", headers: { Cookie: session } });
    expect((await req("/", { headers: { Cookie: session } })).status).toBe(303);
  });

  it("keeps passwords only as salted hashes", () => {
    const db = readFileSync(path.join(shared, "samruat.db"));
    expect(db.includes(Buffer.from("รหัสผ่านยาวพอ"))).toBe(false);
  });
});

