/**
 * The workbench's HTTP app (Hono: small, typed, standard Request/Response, so the same app runs under Node's server
 * and in tests through app.request()). Routes: the status board, an agency's page with its audit, uploads, the
 * auditors' decisions, live progress (server-sent events), the full report and the exports — the same files the CLI
 * writes, from the same core.
 *
 * Safe by default: state-changing requests must come from the page itself (Origin or Referer of this host: no
 * cross-site form posts), every page is served with a Content-Security-Policy that allows no other origin, names of
 * uploaded files are sanitised, nothing is written outside the workspace.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Hono, type Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { streamSSE } from "hono/streaming";
import PizZip from "pizzip";
import { AgencyBundle, Decision, DecisionsFile, type BundleEvidence } from "../bundle/schema.js";
import { readInbox } from "../batch/inbox.js";
import { renderPageWithRegions } from "../evidence/crop.js";
import { normalizeZipDates } from "../render/docx.js";
import { agencyPage, APP_JS, boardPage, evidencePage, exportsPage, loginPage, messagePage, STYLE } from "./pages.js";
import type { Runner } from "./runner.js";
import { receiveUpload, UploadError } from "./upload.js";
import type { Workspace } from "./workspace.js";

const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
/** report.html carries its own CSP (hashes of its inline script and style) in a meta tag. */
const REPORT_CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";
const EXPORTS = ["summary.xlsx", "issues.csv", "province.docx", "province.json", "report.html"] as const;
const TYPES: Record<string, string> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
  html: "text/html; charset=utf-8",
  txt: "text/plain; charset=utf-8",
  zip: "application/zip",
};

export interface AppOptions {
  /** Reviewers must sign in (a workbench shared on a network); decisions are made in their name. */
  accounts?: boolean;
  /** What one upload may bring (default LIMITS). */
  limits?: { files: number; bytes: number };
}

const SESSION_COOKIE = "samruat_session";
const OPEN_PATHS = new Set(["/login", "/style.css", "/app.js"]);

export function createApp(workspace: Workspace, runner: Runner, options: AppOptions = {}): Hono<{ Variables: { reviewer: string | undefined } }> {
  const app = new Hono<{ Variables: { reviewer: string | undefined } }>();

  app.use("*", async (c, next) => {
    if (c.req.method !== "GET" && c.req.method !== "HEAD" && !sameOrigin(c)) {
      return c.text("คำขอนี้ต้องมาจากหน้าของ samruat เอง / this request must come from samruat's own page", 403);
    }
    const reviewer = workspace.sessionReviewer(getCookie(c, SESSION_COOKIE));
    c.set("reviewer", reviewer);
    if (options.accounts && !reviewer && !OPEN_PATHS.has(c.req.path)) {
      return c.req.method === "GET" ? c.redirect("/login", 303) : c.text("ต้องเข้าสู่ระบบก่อน / sign in first", 401);
    }
    await next();
    c.header("X-Content-Type-Options", "nosniff");
    c.header("Referrer-Policy", "same-origin");
    if (!c.res.headers.has("Content-Security-Policy")) c.header("Content-Security-Policy", CSP);
  });

  app.get("/login", (c) => c.html(loginPage(false)));
  app.post("/login", async (c) => {
    const form = await c.req.parseBody();
    const token = workspace.login(String(form.name ?? ""), String(form.password ?? ""));
    if (!token) return c.html(loginPage(true), 401);
    setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: "Strict", path: "/", maxAge: 12 * 3600 });
    return c.redirect("/", 303);
  });
  app.post("/logout", (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (token) workspace.logout(token);
    deleteCookie(c, SESSION_COOKIE, { path: "/" });
    return c.redirect(options.accounts ? "/login" : "/", 303);
  });

  app.get("/style.css", (c) => c.body(STYLE, 200, { "Content-Type": "text/css; charset=utf-8" }));
  app.get("/app.js", (c) => c.body(APP_JS, 200, { "Content-Type": "text/javascript; charset=utf-8" }));

  app.get("/", (c) => c.html(boardPage(runner.manifest(), { busy: runner.busy, error: runner.lastError, received: workspace.received().length })));

  app.get("/agency/:id", (c) => {
    const manifest = runner.manifest();
    const agency = manifest?.agencies.find((a) => a.id === c.req.param("id"));
    if (!manifest || !agency) return c.html(messagePage("ไม่พบหน่วยงาน", "ไม่พบหน่วยงานนี้ในผลการตรวจล่าสุด"), 404);
    const bundle = readBundle(workspace, agency.id);
    const letter = existsSync(path.join(workspace.out, "letters", `${agency.id}.docx`));
    return c.html(agencyPage(manifest, agency, bundle, workspace.decisions(), letter, c.get("reviewer")));
  });

  app.post("/upload", async (c) => {
    // The page's drag and drop asks for JSON; the plain form gets a page back.
    const wantsJson = (c.req.header("Accept") ?? "").includes("json");
    let received;
    try {
      received = await receiveUpload(c.req.raw, workspace, options.limits);
    } catch (error) {
      const status = error instanceof UploadError ? error.status : 400;
      const message = error instanceof UploadError ? error.message : "การส่งไฟล์ถูกตัดกลางทาง ลองส่งอีกครั้ง / the upload broke off; send it again";
      return wantsJson ? c.json({ ok: false, message }, status) : c.html(messagePage("ส่งไฟล์ไม่สำเร็จ", message), status);
    }
    void runner.request();
    const message = `ได้รับ ${received.length} ไฟล์ กำลังประมวลผล… / received ${received.length} files, processing…`;
    return wantsJson ? c.json({ ok: true, message }) : c.redirect("/", 303);
  });

  app.post("/decisions", async (c) => {
    const form = await c.req.parseBody();
    const parsed = Decision.safeParse({ agency: form.agency, field: form.field, question: form.question, decision: form.decision, comment: form.comment ?? "" });
    // Signed in, the decision is the reviewer's own; otherwise the name typed on the page.
    const reviewer = c.get("reviewer") ?? String(form.reviewer ?? "").trim();
    if (!parsed.success || !reviewer) return c.html(messagePage("บันทึกไม่สำเร็จ", "ต้องระบุชื่อผู้ตรวจ และเลือกยอมรับหรือไม่ยอมรับ"), 400);
    workspace.decide(parsed.data, reviewer.slice(0, 100));
    void runner.request();
    return c.redirect(`/agency/${encodeURIComponent(parsed.data.agency)}`, 303);
  });

  app.post("/decisions/import", async (c) => {
    const form = await c.req.parseBody();
    const file = form.file instanceof File ? form.file : undefined;
    const reviewer = c.get("reviewer") ?? String(form.reviewer ?? "").trim();
    let parsed;
    try {
      parsed = file ? DecisionsFile.safeParse(JSON.parse((await file.text()).replace(/^\uFEFF/u, ""))) : undefined;
    } catch {
      parsed = undefined;
    }
    if (!parsed?.success || !reviewer) return c.html(messagePage("นำเข้าไม่สำเร็จ", "ไฟล์ไม่ใช่ผลการตัดสิน (samruat.decisions/1) หรือไม่ได้ระบุชื่อผู้นำเข้า"), 400);
    const n = workspace.importDecisions(parsed.data, reviewer.slice(0, 100));
    void runner.request();
    return c.html(messagePage("นำเข้าแล้ว", `นำเข้าผลการตัดสิน ${n} รายการ`));
  });

  app.get("/events", (c) =>
    streamSSE(c, async (stream) => {
      const done = new Promise<void>((resolve) => {
        const stop = runner.listen((event) => {
          void stream.writeSSE({ data: JSON.stringify(event) });
          if (event.type === "done") (stop(), resolve());
        });
        stream.onAbort(() => (stop(), resolve()));
      });
      if (!runner.busy) await stream.writeSSE({ data: JSON.stringify({ type: "idle" }) });
      await done;
    }),
  );

  app.get("/report", (c) => {
    const file = path.join(workspace.out, "report.html");
    if (!existsSync(file)) return c.html(messagePage("ยังไม่มีรายงาน", "ส่งไฟล์ที่ได้รับจากหน่วยงานก่อน"), 404);
    return c.body(readFileSync(file), 200, { "Content-Type": TYPES.html!, "Content-Security-Policy": REPORT_CSP });
  });

  app.get("/exports", (c) => c.html(exportsPage([...EXPORTS.filter((f) => existsSync(path.join(workspace.out, f))), ...(lettersIn(workspace).length ? ["letters.zip"] : []), "decisions.json"])));

  app.get("/exports/:name", (c) => {
    const name = c.req.param("name");
    if (name === "decisions.json") return download(c, name, `${JSON.stringify(workspace.decisionsFile(), null, 2)}\n`);
    if (name === "letters.zip") return download(c, name, lettersZip(workspace));
    if (!(EXPORTS as readonly string[]).includes(name) || !existsSync(path.join(workspace.out, name))) return c.notFound();
    return download(c, name, readFileSync(path.join(workspace.out, name)));
  });

  app.get("/evidence/:sha/:page{[0-9]+}", (c) => {
    const found = findEvidence(workspace, c.req.param("sha"));
    const page = Number(c.req.param("page"));
    const shown = found?.evidence.pages.find((p) => p.number === page);
    if (!found || !shown) return c.html(messagePage("ไม่พบหลักฐาน", "ไม่พบหน้านี้ของไฟล์หลักฐาน"), 404);
    return c.html(evidencePage(found.agency, found.evidence, shown));
  });

  app.get("/evidence/:sha/:image{[0-9]+\\.png}", async (c) => {
    const found = findEvidence(workspace, c.req.param("sha"));
    const page = Number.parseInt(c.req.param("image"), 10);
    const shown = found?.evidence.pages.find((p) => p.number === page);
    const bytes = found && shown ? await originalBytes(workspace, found.evidence.file) : undefined;
    const png = bytes && shown ? await renderPageWithRegions(bytes, found!.evidence.type, page, shown.regions).catch(() => undefined) : undefined;
    if (!png) return c.notFound();
    return c.body(png as Uint8Array<ArrayBuffer>, 200, { "Content-Type": "image/png", "Cache-Control": "private, max-age=3600" });
  });

  app.get("/files/:sha", async (c) => {
    const found = findEvidence(workspace, c.req.param("sha"));
    const bytes = found ? await originalBytes(workspace, found.evidence.file) : undefined;
    if (!found || !bytes) return c.notFound();
    const name = found.evidence.file.split("/").pop()!;
    const type = { pdf: "application/pdf", png: "image/png", jpeg: "image/jpeg", tiff: "image/tiff" }[found.evidence.type as string] ?? "application/octet-stream";
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, { "Content-Type": type, "Content-Disposition": `inline; filename*=UTF-8''${encodeURIComponent(name)}`, "Content-Security-Policy": "default-src 'none'; img-src 'self'; object-src 'self'; plugin-types application/pdf; sandbox" });
  });

  app.get("/letters/:name", (c) => {
    const name = c.req.param("name");
    if (!lettersIn(workspace).includes(name)) return c.notFound();
    return download(c, name, readFileSync(path.join(workspace.out, "letters", name)));
  });

  return app;
}

/** Origin (or, without it, Referer) must name this server: a form on another site cannot post here. */
function sameOrigin(c: Context<{ Variables: { reviewer: string | undefined } }>): boolean {
  const host = c.req.header("Host");
  const from = c.req.header("Origin") ?? c.req.header("Referer");
  if (!host || !from) return false;
  try {
    return new URL(from).host === host;
  } catch {
    return false;
  }
}

function download(c: Context, name: string, body: string | Uint8Array): Response {
  const ext = name.split(".").pop() ?? "";
  const bytes = typeof body === "string" ? new TextEncoder().encode(body) : body;
  return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
    "Content-Type": TYPES[ext] ?? "application/octet-stream",
    "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
  });
}

function readBundle(workspace: Workspace, id: string): AgencyBundle | undefined {
  const file = path.join(workspace.out, "answers", `${id}.json`);
  if (!existsSync(file)) return undefined;
  const parsed = AgencyBundle.safeParse(JSON.parse(readFileSync(file, "utf8")));
  return parsed.success ? parsed.data : undefined;
}

/** An evidence file of the latest run by its sha256 (or the first 16 hex digits of it), with its agency. */
function findEvidence(workspace: Workspace, sha: string): { agency: string; evidence: BundleEvidence } | undefined {
  if (!/^[0-9a-f]{16,64}$/u.test(sha)) return undefined;
  const dir = path.join(workspace.out, "answers");
  for (const name of existsSync(dir) ? readdirSync(dir).sort() : []) {
    const bundle = readBundle(workspace, name.replace(/\.json$/u, ""));
    const evidence = bundle?.evidence.find((e) => e.sha256.startsWith(sha));
    if (bundle && evidence) return { agency: bundle.agency.name, evidence };
  }
  return undefined;
}

/** The bytes of a received file by its inbox path, inside a .zip too (read as the batch reads it). */
async function originalBytes(workspace: Workspace, file: string): Promise<Uint8Array | undefined> {
  if (file.includes("#")) return undefined;
  const inbox = await readInbox(workspace.inbox, [workspace.out]).catch(() => undefined);
  return inbox?.files.find((f) => f.path === file)?.read().catch(() => undefined);
}

function lettersIn(workspace: Workspace): string[] {
  const dir = path.join(workspace.out, "letters");
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}

/** Every letter in one .zip, with fixed dates: the same letters give the same bytes. */
function lettersZip(workspace: Workspace): Uint8Array {
  const zip = new PizZip();
  for (const name of lettersIn(workspace)) zip.file(name, readFileSync(path.join(workspace.out, "letters", name)));
  normalizeZipDates(zip);
  return zip.generate({ type: "uint8array", compression: "DEFLATE" });
}
