/**
 * The commands' per-agency input: an agency bundle (`out/answers/<agency>.json` from the batch), or a plain answer
 * document from `samruat extract`, which carries no evidence information.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { z } from "zod";
import { AgencyBundle, BUNDLE_SCHEMA } from "../bundle/schema.js";
import { EXIT, SamruatError } from "../cli/errors.js";
import { AnswerDocument } from "../extract/answers.js";
import { inferRespondent } from "../validate/respondent.js";

export type AgencyInput = { kind: "bundle"; bundle: AgencyBundle } | { kind: "answers"; answers: AnswerDocument };

export async function readAgencyInput(file: string): Promise<AgencyInput> {
  const json = await readJson(file);
  if (typeof json === "object" && json !== null && (json as { schema?: unknown }).schema === BUNDLE_SCHEMA) {
    const bundle = AgencyBundle.safeParse(json);
    if (bundle.success) return { kind: "bundle", bundle: bundle.data };
    const where = issuePaths(bundle.error);
    throw unreadable(file, `ชุดข้อมูลหน่วยงานไม่ตรงตามรูปแบบ (${where})`, `the agency bundle does not match its schema (${where})`);
  }
  const answers = AnswerDocument.safeParse(json);
  if (answers.success) return { kind: "answers", answers: answers.data };
  const where = issuePaths(answers.error);
  throw unreadable(file, `ไม่ใช่ไฟล์คำตอบหรือชุดข้อมูลหน่วยงานของ samruat (${where})`, `neither a samruat answers file nor an agency bundle (${where})`);
}

function issuePaths(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => i.path.join(".") || "(root)")
    .join(", ");
}

async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
    throw unreadable(file, missing ? "ไม่พบไฟล์" : "เปิดไฟล์ไม่ได้", missing ? "no such file" : "cannot open the file");
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw unreadable(file, `ไม่ใช่ JSON ที่ถูกต้อง (${(error as Error).message})`, `not valid JSON (${(error as Error).message})`);
  }
}

function unreadable(file: string, th: string, en: string): SamruatError {
  return new SamruatError("unreadable", th, en, EXIT.unreadable, file);
}

/** "สำนักงานพาณิชย์จังหวัดเชียงใหม่ ศาลากลางจังหวัดเชียงใหม่ ถนน…": the office's name is what comes before the address. */
const ADDRESS_START = /\s+(?=ศาลากลาง|ศูนย์ราชการ|ถนน|ถ\.|ตำบล|ต\.|อำเภอ|อ\.|เลขที่|ชั้น|อาคาร|หมู่|\d)/u;

/**
 * A plain answer document as a bundle without evidence: the agency is the one its general block names (else the
 * file name), its role inferred from that name; the id is the file name, unique among the inputs.
 */
export function bundleFromAnswers(doc: AnswerDocument, file: string): AgencyBundle {
  const base = path.basename(file, path.extname(file)).normalize("NFC");
  const named = doc.agency?.split(ADDRESS_START)[0]?.trim();
  return {
    schema: BUNDLE_SCHEMA,
    form: doc.form,
    agency: {
      id: base.replace(/[^\p{L}\p{M}\p{N}._-]+/gu, "-"),
      name: named || base,
      identifiedBy: named ? "general" : "file_name",
      respondent: inferRespondent(doc) ?? "agency",
    },
    source: doc.source,
    superseded: [],
    answers: doc,
    evidence: [],
    validation: {},
  };
}
