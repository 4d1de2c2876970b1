/**
 * The workbench's workspace folder: `inbox/` (every file received, under its sanitised relative name), `out/` (what
 * the batch writes, as the CLI would) and `samruat.db`, an SQLite database (better-sqlite3) with versioned
 * migrations for what only the workbench knows: the files received and when, and the auditors' decisions with who
 * made them and when. Decisions are written in transactions, so reviewers working at once never lose each other's,
 * and a committed decision survives a killed server (WAL journal).
 */
import { createHash, randomBytes, scryptSync, timingSafeEqual } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import Database from "better-sqlite3";
import { DECISIONS_SCHEMA, type Decision, type DecisionsFile } from "../bundle/schema.js";
import { writeFileAtomic } from "../util/fs.js";

/** Each migration once, in order; `user_version` says how many ran. Never edit one that shipped: add the next. */
const MIGRATIONS: string[] = [
  `CREATE TABLE received (
     path TEXT PRIMARY KEY,
     sha256 TEXT NOT NULL,
     bytes INTEGER NOT NULL,
     received_at TEXT NOT NULL
   );
   CREATE TABLE decisions (
     agency TEXT NOT NULL,
     field TEXT NOT NULL,
     question TEXT NOT NULL,
     decision TEXT NOT NULL CHECK (decision IN ('accept', 'reject')),
     comment TEXT NOT NULL DEFAULT '',
     reviewer TEXT NOT NULL,
     decided_at TEXT NOT NULL,
     PRIMARY KEY (agency, field)
   );`,
  // Reviewer accounts, for a workbench shared on an office network (--host other than this computer).
  `CREATE TABLE reviewers (
     name TEXT PRIMARY KEY,
     password_hash TEXT NOT NULL,
     created_at TEXT NOT NULL
   );
   CREATE TABLE sessions (
     token_hash TEXT PRIMARY KEY,
     reviewer TEXT NOT NULL REFERENCES reviewers(name) ON DELETE CASCADE,
     expires_at TEXT NOT NULL
   );`,
];

/** Sessions last a working day. */
const SESSION_MS = 12 * 3600_000;

export interface StoredDecision extends Decision {
  reviewer: string;
  decidedAt: string;
}

export interface ReceivedFile {
  path: string;
  sha256: string;
  bytes: number;
  receivedAt: string;
}

/** Upload limits: what one request may bring. */
export const LIMITS = { files: 500, bytes: 200 * 1024 * 1024 } as const;

export class Workspace {
  readonly inbox: string;
  readonly out: string;
  private readonly db: Database.Database;

  constructor(
    readonly dir: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.inbox = path.join(dir, "inbox");
    this.out = path.join(dir, "out");
    mkdirSync(this.inbox, { recursive: true });
    mkdirSync(this.out, { recursive: true });
    // Uploads a killed server left half-written are not files anyone sent.
    rmSync(this.incoming, { recursive: true, force: true });
    mkdirSync(this.incoming, { recursive: true });
    this.db = new Database(path.join(dir, "samruat.db"));
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("busy_timeout = 5000");
    this.db.pragma("foreign_keys = ON");
    this.migrate();
  }

  private migrate(): void {
    const done = this.db.pragma("user_version", { simple: true }) as number;
    for (const [i, sql] of MIGRATIONS.entries()) {
      if (i < done) continue;
      this.db.transaction(() => {
        this.db.exec(sql);
        this.db.pragma(`user_version = ${i + 1}`);
      })();
    }
  }

  get schemaVersion(): number {
    return this.db.pragma("user_version", { simple: true }) as number;
  }

  /**
   * Saves an uploaded file under the inbox and records it. Nothing received is ever overwritten: the same bytes
   * under the same name again are the file already there; other bytes under a name already used are kept as
   * "name (2).ext", "(3)"…, which the batch reads as a later copy of the same agency's file.
   */
  async receive(name: string, bytes: Uint8Array): Promise<ReceivedFile> {
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    return this.place(name, sha256, bytes.length, (target) => writeFileAtomic(target, bytes));
  }

  /** The same for a file already streamed to disk (under `incoming`), moved into the inbox or removed. */
  async adopt(name: string, temp: string, sha256: string, bytes: number): Promise<ReceivedFile> {
    try {
      return await this.place(name, sha256, bytes, async (target) => {
        await mkdir(path.dirname(target), { recursive: true });
        await rename(temp, target);
      });
    } finally {
      await rm(temp, { force: true });
    }
  }

  /** A private folder inside the workspace for uploads in progress (same disk as the inbox: moves are renames). */
  get incoming(): string {
    return path.join(this.dir, ".incoming");
  }

  private async place(name: string, sha256: string, bytes: number, write: (target: string) => Promise<void>): Promise<ReceivedFile> {
    const wanted = safeRelativePath(name);
    if (!wanted) throw new Error(`unusable file name: ${name}`);
    const known = this.db.prepare("SELECT path, sha256, bytes, received_at AS receivedAt FROM received WHERE path = ?");
    let rel = wanted;
    for (let n = 2; ; n++) {
      const existing = known.get(rel) as ReceivedFile | undefined;
      if (!existing) break;
      if (existing.sha256 === sha256) return existing;
      rel = numbered(wanted, n);
    }
    await write(path.join(this.inbox, ...rel.split("/")));
    const file = { path: rel, sha256, bytes, receivedAt: this.now().toISOString() };
    this.db.prepare("INSERT INTO received (path, sha256, bytes, received_at) VALUES (@path, @sha256, @bytes, @receivedAt)").run(file);
    return file;
  }

  received(): ReceivedFile[] {
    return this.db.prepare("SELECT path, sha256, bytes, received_at AS receivedAt FROM received ORDER BY path").all() as ReceivedFile[];
  }

  /** Records (or replaces) one reviewer's decision on one answer. */
  decide(decision: Decision, reviewer: string): StoredDecision {
    const stored: StoredDecision = { ...decision, comment: decision.comment ?? "", reviewer, decidedAt: this.now().toISOString() };
    this.db
      .prepare(
        `INSERT INTO decisions (agency, field, question, decision, comment, reviewer, decided_at)
         VALUES (@agency, @field, @question, @decision, @comment, @reviewer, @decidedAt)
         ON CONFLICT(agency, field) DO UPDATE SET question = @question, decision = @decision, comment = @comment, reviewer = @reviewer, decided_at = @decidedAt`,
      )
      .run(stored);
    return stored;
  }

  /** Several decisions at once (an imported file): all or none. */
  importDecisions(file: DecisionsFile, reviewer: string): number {
    this.db.transaction(() => file.decisions.forEach((d) => this.decide(d, reviewer)))();
    return file.decisions.length;
  }

  decisions(): StoredDecision[] {
    return this.db
      .prepare("SELECT agency, field, question, decision, comment, reviewer, decided_at AS decidedAt FROM decisions ORDER BY agency, field")
      .all() as StoredDecision[];
  }

  /** The decisions as the CLI reads them (`batch --decisions`, report.html's export). */
  decisionsFile(): DecisionsFile {
    return { schema: DECISIONS_SCHEMA, decisions: this.decisions().map(({ agency, field, question, decision, comment }) => ({ agency, field, question, decision, comment })) };
  }

  /** Adds or resets a reviewer's account. The password is kept only as a salted scrypt hash (Node's crypto). */
  setReviewer(name: string, password: string): void {
    if (!name.trim() || password.length < 8) throw new Error("a reviewer needs a name and a password of at least 8 characters");
    this.db
      .prepare("INSERT INTO reviewers (name, password_hash, created_at) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET password_hash = excluded.password_hash")
      .run(name.trim(), hashPassword(password), this.now().toISOString());
  }

  reviewerCount(): number {
    return (this.db.prepare("SELECT count(*) AS n FROM reviewers").get() as { n: number }).n;
  }

  /** A new session for a reviewer whose password matches: the token to put in the cookie, or undefined. */
  login(name: string, password: string): string | undefined {
    const row = this.db.prepare("SELECT password_hash AS hash FROM reviewers WHERE name = ?").get(name.trim()) as { hash: string } | undefined;
    // Hash anyway when the name is unknown: the answer takes as long either way.
    const ok = verifyPassword(password, row?.hash ?? hashPassword("not a reviewer"));
    if (!row || !ok) return undefined;
    const token = randomBytes(32).toString("base64url");
    const expires = new Date(this.now().getTime() + SESSION_MS).toISOString();
    this.db.prepare("INSERT INTO sessions (token_hash, reviewer, expires_at) VALUES (?, ?, ?)").run(sha256(token), name.trim(), expires);
    return token;
  }

  /** The reviewer a session token belongs to, while it has not expired. */
  sessionReviewer(token: string | undefined): string | undefined {
    if (!token) return undefined;
    const row = this.db.prepare("SELECT reviewer, expires_at AS expires FROM sessions WHERE token_hash = ?").get(sha256(token)) as { reviewer: string; expires: string } | undefined;
    return row && row.expires > this.now().toISOString() ? row.reviewer : undefined;
  }

  logout(token: string): void {
    this.db.prepare("DELETE FROM sessions WHERE token_hash = ?").run(sha256(token));
  }

  close(): void {
    this.db.close();
  }
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** "scrypt$N$r$p$salt$key" (base64url): the parameters travel with the hash so they can be raised later. */
function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize("NFC"), salt, 32, { N: 16384, r: 8, p: 1 });
  return ["scrypt", 16384, 8, 1, salt.toString("base64url"), key.toString("base64url")].join("$");
}

function verifyPassword(password: string, stored: string): boolean {
  const [scheme, n, r, p, salt, key] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !key) return false;
  const expected = Buffer.from(key, "base64url");
  const actual = scryptSync(password.normalize("NFC"), Buffer.from(salt, "base64url"), expected.length, { N: Number(n), r: Number(r), p: Number(p) });
  return timingSafeEqual(actual, expected);
}

/** "a/แบบสำรวจ.docx", 2 → "a/แบบสำรวจ (2).docx". */
function numbered(rel: string, n: number): string {
  const slash = rel.lastIndexOf("/");
  const dot = rel.lastIndexOf(".");
  return dot > slash + 1 ? `${rel.slice(0, dot)} (${n})${rel.slice(dot)}` : `${rel} (${n})`;
}

/**
 * A name from the browser ("แรงงาน/P3.1 รายงาน.pdf", or a bare file name) as a path inside the inbox: NFC, "/"
 * separators, no "..", ".", empty or hidden-system segments, no characters Windows or Unix forbid. Undefined when
 * nothing usable is left.
 */
export function safeRelativePath(name: string): string | undefined {
  const segments = name
    .normalize("NFC")
    .replaceAll("\\", "/")
    .split("/")
    .map((s) => s.replace(/[\u0000-\u001f\u007f<>:"|?*]/gu, "").trim())
    .filter((s) => s !== "" && s !== "." && s !== "..")
    .map((s) => [...s].slice(0, 120).join(""));
  return segments.length ? segments.join("/") : undefined;
}
