/**
 * Sanity check of the demo inbox against its truth file, through the CLI (dist must be built):
 *
 *   npx tsx scripts/inbox-samples/check.ts            # extract + validate every form, read every evidence file
 *   npx tsx scripts/inbox-samples/check.ts --no-ocr   # skip the raster evidence (OCR)
 *   npx tsx scripts/inbox-samples/check.ts --batch    # also run `samruat batch` when the command exists
 *
 * For each form: does it extract (exit code), is the agency named where the truth says, how many of the generated
 * marks/values come back; validation with the truth's evidence list: are the planted issue codes reported, and
 * which other errors/warnings appear. For each evidence file: is it read, and is the marked text found.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import PizZip from "pizzip";
import { PACKAGE_ROOT } from "../../src/form/load.js";

const INBOX = path.join(PACKAGE_ROOT, "samples", "inbox");
const BIN = path.join(PACKAGE_ROOT, "bin", "samruat.js");

interface TruthFile {
  agencies: {
    key: string;
    name: string;
    respondent: string;
    identifiedBy: string;
    forms: { file: string; status: string; generalHasAgencyName: boolean; answers: { checked: string[]; values: Record<string, string | number> } }[];
    evidence: { file: string; questions: string[]; marked: boolean | null; readable: boolean; markedText: { page: number; text: string }[] }[];
    expected: { validation: { code: string; question: string }[] };
  }[];
  files: { path: string; onDisk: string | null; kind: string }[];
}

const norm = (s: string) =>
  s
    .normalize("NFC")
    .replace(/\u0E4D\u0E32/gu, "\u0E33")
    .replace(/[๐-๙]/gu, (c) => String(c.charCodeAt(0) - 0x0e50))
    .replace(/[\s\u200b]+/gu, "");

function run(args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

/** Character-bigram Dice similarity of two normalised strings. */
function dice(a: string, b: string): number {
  const grams = (s: string) => {
    const m = new Map<string, number>();
    for (let i = 0; i < s.length - 1; i++) m.set(s.slice(i, i + 2), (m.get(s.slice(i, i + 2)) ?? 0) + 1);
    return m;
  };
  const A = grams(a);
  const B = grams(b);
  let inter = 0;
  for (const [g, n] of A) inter += Math.min(n, B.get(g) ?? 0);
  const total = Math.max(1, a.length - 1 + b.length - 1);
  return (2 * inter) / total;
}

async function main(): Promise<void> {
  const noOcr = process.argv.includes("--no-ocr");
  const truth = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, "samples", "inbox-truth.json"), "utf8")) as TruthFile;
  const work = mkdtempSync(path.join(tmpdir(), "samruat-inbox-check-"));
  const onDisk = new Map<string, string>();
  for (const f of truth.files) if (f.onDisk) onDisk.set(f.path, path.join(INBOX, f.onDisk));
  // unpack the zip(s)
  for (const f of truth.files.filter((x) => x.kind === "archive")) {
    const zip = new PizZip(readFileSync(path.join(INBOX, f.onDisk!)));
    for (const [name, entry] of Object.entries(zip.files)) {
      if (entry.dir) continue;
      const abs = path.join(work, f.path, name);
      mkdirSync(path.dirname(abs), { recursive: true });
      writeFileSync(abs, entry.asUint8Array());
      onDisk.set(`${f.path.replace(/\.zip$/u, "")}.zip/${name}`, abs);
      onDisk.set(`${f.path}/${name}`, abs);
    }
  }
  const where = (rel: string) => onDisk.get(rel) ?? onDisk.get(rel.replace(/^([^/]+)\.zip\//u, "$1.zip/")) ?? path.join(INBOX, rel);

  let problems = 0;
  const say = (ok: boolean, msg: string) => {
    if (!ok) problems++;
    console.log(`${ok ? "  ok " : "  !! "}${msg}`);
  };

  console.log("== forms (extract + validate)");
  for (const a of truth.agencies) {
    console.log(`${a.name} [${a.respondent}, identified by ${a.identifiedBy}]`);
    for (const f of a.forms) {
      const file = where(f.file);
      const t0 = performance.now();
      const ex = run(["extract", file, "--format", "json"]);
      const ms = performance.now() - t0;
      if (f.status === "failed") {
        say(ex.code === 2, `${f.file}: unreadable as planned (exit ${ex.code})`);
        continue;
      }
      if (ex.code === 2) {
        say(false, `${f.file}: extract failed (exit 2): ${ex.err.trim().slice(0, 200)}`);
        continue;
      }
      const doc = JSON.parse(ex.out) as { agency?: string; answers: { field: string; kind: string; value: unknown }[] };
      const hasName = norm(doc.agency ?? "").includes(norm(a.name));
      say(hasName === f.generalHasAgencyName, `${f.file}: agency ${hasName ? "named" : "not named"} in the general block (${f.generalHasAgencyName ? "expected" : "as planned"}), exit ${ex.code}, ${ms.toFixed(0)} ms`);
      const got = new Set(doc.answers.filter((x) => x.value === true).map((x) => x.field));
      const want = new Set(f.answers.checked);
      const missed = [...want].filter((x) => !got.has(x));
      const extra = [...got].filter((x) => !want.has(x));
      const values = Object.entries(f.answers.values);
      const texts = new Map(doc.answers.filter((x) => typeof x.value === "string" || typeof x.value === "number").map((x) => [x.field, String(x.value)]));
      const valueMiss = values.filter(([k, v]) => !texts.has(k) || !norm(texts.get(k)!).includes(norm(String(v)).slice(0, 12)));
      say(missed.length === 0 && extra.length === 0, `  marks ${want.size - missed.length}/${want.size}${missed.length ? ` missed ${missed.slice(0, 4).join(" ")}` : ""}${extra.length ? ` extra ${extra.slice(0, 4).join(" ")}` : ""}; values ${values.length - valueMiss.length}/${values.length}${valueMiss.length ? ` (off: ${valueMiss.slice(0, 3).map(([k]) => k).join(" ")})` : ""}`);
      if (f.status !== "used") continue;
      // validate with the evidence list of the truth
      const list = a.evidence.flatMap((e) => e.questions.map((q) => ({ question: q, file: e.file, ...(e.marked === null ? {} : { marked: e.marked }) })));
      const evFile = path.join(work, `${a.key}.evidence.json`);
      writeFileSync(evFile, JSON.stringify(list));
      const v = run(["validate", file, "--format", "json", "--evidence", evFile, "--respondent", a.respondent]);
      let issues: { code: string; severity: string; question: string }[] = [];
      try {
        issues = (JSON.parse(v.out) as { issues: typeof issues }).issues;
      } catch {
        say(false, `  validate: no JSON (exit ${v.code}) ${v.err.slice(0, 200)}`);
        continue;
      }
      for (const e of a.expected.validation) {
        say(issues.some((i) => i.code === e.code && i.question === e.question), `  planted ${e.code} on ${e.question}`);
      }
      const others = issues.filter((i) => i.severity !== "info" && !a.expected.validation.some((e) => e.code === i.code && e.question === i.question));
      if (others.length > 0) console.log(`  ·· other issues: ${others.map((i) => `${i.severity[0]}:${i.code}@${i.question}`).join(", ")}`);
    }
  }

  console.log("== evidence (marked text)");
  const evs = truth.agencies.flatMap((a) => a.evidence.map((e) => ({ a, e })));
  const raster = (f: string) => /\.(jpe?g|png|tiff?)$/iu.test(f) || /หลักฐานข้อ P3\.1\.pdf$/u.test(f);
  const todo = evs.filter(({ e }) => !e.file.includes("#") && !(noOcr && raster(e.file)));
  for (const { e } of evs.filter((x) => x.e.file.includes("#"))) {
    const [form, media] = e.file.split("#");
    const r = run(["evidence", where(form!), "--format", "json"]);
    let got = "";
    try {
      const j = JSON.parse(r.out) as { files: { pages: { regions: { text: string }[] }[]; error?: { code: string } }[] };
      got = j.files.map((f) => (f.error ? `error ${f.error.code}` : `${f.pages.length} page(s), ${f.pages.flatMap((p) => p.regions).length} region(s)`)).join("; ");
    } catch {
      got = `exit ${r.code}`;
    }
    console.log(`  ·· embedded ${media} in ${form}: evidence on the .docx gives ${got} (marked ${e.markedText.map((m) => m.text).join(" | ")})`);
  }
  const t0 = performance.now();
  const r = run(["evidence", ...todo.map(({ e }) => where(e.file)), "--format", "json"]);
  const secs = (performance.now() - t0) / 1000;
  const parsed = JSON.parse(r.out) as { files: { name?: string; file?: string; error?: { code: string }; pages: { source: string; regions: { text: string }[] }[] }[] };
  console.log(`  read ${parsed.files.length} files in ${secs.toFixed(1)} s (exit ${r.code})`);
  parsed.files.forEach((pf, i) => {
    const { e } = todo[i]!;
    if (!e.readable) {
      say(Boolean(pf.error), `${e.file}: unreadable as planned (${pf.error?.code ?? "read!"})`);
      return;
    }
    if (pf.error) {
      say(false, `${e.file}: error ${pf.error.code}`);
      return;
    }
    const single = pf.pages.flatMap((p) => p.regions.map((x) => norm(x.text)));
    // a phrase marked over two lines may come back as two regions
    const regions = [...single, ...pf.pages.flatMap((p) => p.regions.slice(1).map((x, i) => norm(p.regions[i]!.text + x.text)))];
    const src = [...new Set(pf.pages.map((p) => p.source))].join("+");
    if (!e.marked) {
      say(single.length === 0, `${e.file}: no marks planned, ${regions.length} region(s) read [${src}]`);
      return;
    }
    const found = e.markedText.map((m) => {
      const t = norm(m.text);
      return Math.max(0, ...regions.map((g) => (g.includes(t) || t.includes(g) ? 1 : dice(g, t))));
    });
    const ok = found.every((s) => s >= 0.8);
    say(ok, `${e.file}: ${found.filter((s) => s >= 0.8).length}/${found.length} marked phrases read (best ${found.map((s) => s.toFixed(2)).join(" ")}) [${src}]`);
  });

  if (process.argv.includes("--batch")) {
    const help = run(["batch", "--help"]);
    if (help.code !== 0 || !/batch/u.test(help.out.split("\n")[0] ?? "")) console.log("== batch: command not available yet");
    else {
      const out = path.join(work, "batch-out");
      const t1 = performance.now();
      const b = run(["batch", INBOX, "--out", out]);
      console.log(`== batch: exit ${b.code} in ${((performance.now() - t1) / 1000).toFixed(0)} s`);
      try {
        compareBatch(truth as unknown as BatchTruth, out, say);
      } catch (err) {
        say(false, `batch output not comparable: ${(err as Error).message}`);
      }
    }
  }
  rmSync(work, { recursive: true, force: true });
  console.log(problems === 0 ? "all checks passed" : `${problems} check(s) failed`);
  process.exitCode = problems === 0 ? 0 : 1;
}

interface BatchTruth {
  agencies: {
    name: string;
    respondent: string;
    identifiedBy: string;
    hasBundle: boolean;
    expected: { validation: { code: string; question: string }[]; audit: { field: string; verdict: string; acceptable?: string[] }[] };
  }[];
  files: { path: string; kind: string; status: string; agency: string; questions?: string[] }[];
}

/** The batch's manifest (batch.json) and bundles (answers/<id>.json) against the truth. */
function compareBatch(truth: BatchTruth, out: string, say: (ok: boolean, msg: string) => void): void {
  const nfc = (s: string) => s.normalize("NFC").replace(/\u0E4D\u0E32/gu, "\u0E33");
  const manifest = JSON.parse(readFileSync(path.join(out, "batch.json"), "utf8")) as {
    agencies: { id: string; name: string; identifiedBy: string; respondent: string }[];
    files: { path: string; kind: string; status: string; agency?: string; questions?: string[]; reason?: { code: string } }[];
  };
  const byPath = new Map(manifest.files.map((f) => [nfc(f.path), f]));
  let same = 0;
  for (const f of truth.files) {
    const g = byPath.get(nfc(f.path));
    const ok =
      g !== undefined &&
      g.status === f.status &&
      (f.kind === "archive" || g.kind === f.kind) &&
      (!f.questions || (g.questions ?? []).join() === f.questions.join()) &&
      (!f.agency || nfc(g.agency ?? "") === nfc(f.agency));
    if (ok) same++;
    else say(false, `manifest ${f.path}: want ${f.kind}/${f.status} ${f.agency} [${f.questions ?? ""}], got ${g ? `${g.kind}/${g.status} ${g.agency ?? "-"} [${g.questions ?? ""}] ${g.reason?.code ?? ""}` : "nothing"}`);
  }
  say(same === truth.files.length, `manifest: ${same}/${truth.files.length} files as expected`);
  for (const a of truth.agencies) {
    const g = manifest.agencies.find((x) => nfc(x.name) === nfc(a.name));
    if (!a.hasBundle) {
      say(!g, `${a.name}: no bundle (unreadable form)`);
      continue;
    }
    if (!g) {
      say(false, `${a.name}: missing from the batch's agencies`);
      continue;
    }
    say(g.identifiedBy === a.identifiedBy && g.respondent === a.respondent, `${a.name}: identified by ${g.identifiedBy} (${a.identifiedBy}), ${g.respondent}`);
    const bundle = JSON.parse(readFileSync(path.join(out, "answers", `${g.id}.json`), "utf8")) as {
      validation: { issues?: { code: string; question: string; severity: string }[] };
      audit?: { field: string; verdict: string; reasons: { code: string }[] }[];
    };
    const issues = bundle.validation.issues ?? [];
    for (const e of a.expected.validation) say(issues.some((i) => i.code === e.code && i.question === e.question), `  planted ${e.code} on ${e.question}`);
    const others = issues.filter((i) => i.severity !== "info" && !a.expected.validation.some((e) => e.code === i.code && e.question === i.question));
    if (others.length > 0) console.log(`  ·· other issues: ${others.map((i) => `${i.severity[0]}:${i.code}@${i.question}`).join(", ")}`);
    for (const e of a.expected.audit) {
      const v = bundle.audit?.find((x) => x.field === e.field);
      const ok = v !== undefined && (v.verdict === e.verdict || (e.acceptable ?? []).includes(v.verdict));
      say(ok, `  audit ${e.field}: ${e.verdict}${ok ? "" : `, got ${v ? `${v.verdict} (${v.reasons.map((r) => r.code).join(", ")})` : "nothing"}`}`);
    }
    const extra = (bundle.audit ?? []).filter((x) => !a.expected.audit.some((e) => e.field === x.field));
    if (extra.length > 0) console.log(`  ·· audited beyond the truth: ${extra.map((x) => `${x.field}=${x.verdict}`).join(", ")}`);
  }
}

await main();
