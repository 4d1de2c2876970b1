/**
 * Uploads streamed to disk (busboy, the multipart parser behind multer: a well-kept streaming parser, where the
 * standard formData() holds everything in memory): each file goes to the workspace's `.incoming/` folder while its
 * sha256 is computed, and only a complete upload is moved into the inbox. Limits on count and size end the upload
 * with a clear message; a client that goes away leaves nothing behind.
 */
import { randomBytes, createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import Busboy from "busboy";
import type { ReceivedFile, Workspace } from "./workspace.js";
import { LIMITS } from "./workspace.js";

export class UploadError extends Error {
  constructor(
    readonly status: 400 | 413,
    message: string,
  ) {
    super(message);
  }
}

interface Incoming {
  name: string;
  temp: string;
  sha256: string;
  bytes: number;
}

/** Receives every file of a multipart request into the workspace; `paths` fields (in file order) give folders. */
export async function receiveUpload(request: Request, workspace: Workspace, limits: { files: number; bytes: number } = LIMITS): Promise<ReceivedFile[]> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.startsWith("multipart/form-data") || !request.body) throw new UploadError(400, "ไม่พบไฟล์ในคำขอ / no file in the request");
  const incoming: Incoming[] = [];
  const paths: string[] = [];
  const writes: Promise<void>[] = [];
  let total = 0;
  let refused: UploadError | undefined;
  const parser = Busboy({ headers: { "content-type": type }, limits: { files: limits.files, fileSize: limits.bytes, fields: limits.files + 10, fieldSize: 4096 } });
  parser.on("field", (name, value) => {
    if (name === "paths") paths.push(value);
  });
  parser.on("file", (_field, stream, info) => {
    const temp = path.join(workspace.incoming, randomBytes(12).toString("hex"));
    const hash = createHash("sha256");
    const entry: Incoming = { name: info.filename ?? "", temp, sha256: "", bytes: 0 };
    incoming.push(entry);
    stream.on("data", (chunk: Buffer) => {
      hash.update(chunk);
      entry.bytes += chunk.length;
      total += chunk.length;
      if (total > limits.bytes && !refused) {
        refused = new UploadError(413, `ส่งได้ครั้งละไม่เกิน ${limits.bytes / 1024 / 1024} MB / at most ${limits.bytes / 1024 / 1024} MB at once`);
        stream.destroy();
      }
    });
    stream.on("limit", () => (refused ??= new UploadError(413, `ไฟล์ใหญ่เกิน ${limits.bytes / 1024 / 1024} MB / a file is larger than ${limits.bytes / 1024 / 1024} MB`)));
    writes.push(
      pipeline(stream, createWriteStream(temp)).then(
        () => void (entry.sha256 = hash.digest("hex")),
        () => undefined,
      ),
    );
  });
  parser.on("filesLimit", () => (refused ??= new UploadError(413, `ส่งได้ครั้งละไม่เกิน ${limits.files} ไฟล์ / at most ${limits.files} files at once`)));
  try {
    await pipeline(Readable.fromWeb(request.body as import("node:stream/web").ReadableStream), parser);
    await Promise.all(writes);
    if (refused) throw refused;
    if (incoming.length === 0) throw new UploadError(400, "ไม่พบไฟล์ในคำขอ / no file in the request");
    const received: ReceivedFile[] = [];
    for (const [i, file] of incoming.entries()) received.push(await workspace.adopt(paths[i] || file.name, file.temp, file.sha256, file.bytes));
    return received;
  } finally {
    // Whatever was not moved into the inbox (a refused or broken upload) goes.
    await Promise.allSettled(writes);
    await Promise.all(incoming.map((f) => rm(f.temp, { force: true })));
  }
}
