/**
 * The commands' per-agency input: an agency bundle (`out/answers/<agency>.json` from the batch), or a plain answer
 * document from `samruat extract`, which carries no evidence information.
 */
import path from "node:path";
import type { z } from "zod";
import { AgencyBundle, BUNDLE_SCHEMA } from "../bundle/schema.js";
import { unreadableInput } from "../errors.js";
import { readJsonFile } from "../util/json-file.js";
import { AnswerDocument } from "../extract/answers.js";
import { inferRespondent } from "../validate/respondent.js";

export type AgencyInput = { kind: "bundle"; bundle: AgencyBundle } | { kind: "answers"; answers: AnswerDocument };

export async function readAgencyInput(file: string): Promise<AgencyInput> {
  const json = await readJsonFile(file);
  if (typeof json === "object" && json !== null && (json as { schema?: unknown }).schema === BUNDLE_SCHEMA) {
    const bundle = AgencyBundle.safeParse(json);
    if (bundle.success) return { kind: "bundle", bundle: bundle.data };
    const where = issuePaths(bundle.error);
    throw unreadableInput(file, `ชุดข้อมูลหน่วยงานไม่ตรงตามรูปแบบ (${where})`, `the agency bundle does not match its schema (${where})`);
  }
  const answers = AnswerDocument.safeParse(json);
  if (answers.success) return { kind: "answers", answers: answers.data };
  const where = issuePaths(answers.error);
  throw unreadableInput(file, `ไม่ใช่ไฟล์คำตอบหรือชุดข้อมูลหน่วยงานของ samruat (${where})`, `neither a samruat answers file nor an agency bundle (${where})`);
}

function issuePaths(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => i.path.join(".") || "(root)")
    .join(", ");
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
