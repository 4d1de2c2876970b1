/**
 * Who filled a copy, read from the agency named in its general-information block, for when the secretariat does
 * not say (`--respondent`). "สำนักงานจังหวัด…" is the provincial office; "สำนักงานสถิติ…" the provincial statistics
 * office; any other office ("สำนักงานพาณิชย์จังหวัด…", "ที่ทำการปกครองจังหวัด…") an agency. Undefined when no
 * office is named (a bare address): the caller keeps its default.
 */
import type { AnswerDocument } from "../extract/answers.js";
import { normalizeThai } from "../text/thai.js";
import type { RespondentRole } from "./types.js";

const OFFICE = /^(สำนักงาน|สำนัก|ที่ทำการ|ศูนย์|สถานี|แขวง|กอง|ด่าน|โครงการ|การ)/u;

export function inferRespondent(doc: Pick<AnswerDocument, "agency" | "general">): RespondentRole | undefined {
  const name = normalizeThai(doc.agency ?? doc.general?.office_location ?? "").replace(/\s+/gu, "");
  if (name === "") return undefined;
  if (name.startsWith("สำนักงานจังหวัด")) return "provincial_office";
  if (name.startsWith("สำนักงานสถิติ")) return "statistics_office";
  return OFFICE.test(name) ? "agency" : undefined;
}
