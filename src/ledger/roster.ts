/**
 * The roster: the agencies a province expects to answer (templates/rosters/<id>.json). Names carry a `{province}`
 * placeholder, filled with the province the returned forms name (or `--province`). Every output lists every agency of
 * the roster, whether it sent anything or not.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { SamruatError, EXIT } from "../errors.js";
import { PACKAGE_ROOT } from "../form/load.js";
import { RespondentRole } from "../validate/types.js";
import { agencyCore, agencyId, agencyNamedBy } from "../batch/names.js";

export const ROSTER_SCHEMA = "samruat.roster/1";
export const DEFAULT_ROSTER_ID = "pcio-2567";
export const ROSTERS_DIR = path.join(PACKAGE_ROOT, "templates", "rosters");

export const RosterFile = z.object({
  schema: z.literal(ROSTER_SCHEMA),
  id: z.string().min(1),
  title: z.string(),
  titleEn: z.string().optional(),
  source: z.string().optional(),
  agencies: z
    .array(
      z.object({
        /** Full name; `{province}` is replaced by the province's name ("สำนักงานพาณิชย์จังหวัด{province}"). */
        name: z.string().min(1),
        respondent: RespondentRole,
        /** Short names people write in folders and file names ("พมจ.", "สสจ."). */
        aliases: z.array(z.string()).default([]),
      }),
    )
    .min(1),
});
export type RosterFile = z.infer<typeof RosterFile>;

export interface RosterAgency {
  /** The same stable id the batch gives an agency of this name (`answers/<id>.json`). */
  id: string;
  name: string;
  respondent: RespondentRole;
  aliases: string[];
}

export interface Roster {
  id: string;
  title: string;
  province: string;
  agencies: RosterAgency[];
}

export function availableRosters(dir = ROSTERS_DIR): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".json")).map((f) => f.slice(0, -5)).sort() : [];
}

/** A roster by id (templates/rosters) or by path to a .json file of the same shape. */
export function loadRosterFile(idOrPath: string = DEFAULT_ROSTER_ID): RosterFile {
  const file = idOrPath.endsWith(".json") ? idOrPath : path.join(ROSTERS_DIR, `${idOrPath}.json`);
  const fail = (th: string, en: string) => new SamruatError("unreadable_roster", th, en, EXIT.unreadable, file);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8").replace(/^\uFEFF/u, ""));
  } catch (error) {
    const known = availableRosters().join(", ");
    throw fail(`อ่านรายชื่อหน่วยงานไม่ได้ (${(error as Error).message}) — ที่มีให้เลือก: ${known}`, `cannot read the roster (${(error as Error).message}); available: ${known}`);
  }
  const parsed = RosterFile.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first ? `${first.path.join(".") || "(root)"}: ${first.message}` : "";
    throw fail(`ไฟล์รายชื่อหน่วยงานไม่ถูกรูปแบบ (${where})`, `not a roster file (${where})`);
  }
  return parsed.data;
}

/** The roster with the province filled in ("เชียงใหม่"; an empty province leaves "จังหวัด" without a name). */
export function resolveRoster(file: RosterFile, province: string): Roster {
  const fill = (name: string) => name.replaceAll("{province}", province).trim();
  return {
    id: file.id,
    title: file.title,
    province,
    agencies: file.agencies.map((a) => {
      const name = fill(a.name);
      return { id: agencyId(name), name, respondent: a.respondent, aliases: a.aliases.map(fill) };
    }),
  };
}

/** The roster agency a name (a full name, a folder, "สนง.พาณิชย์", an alias) refers to, if exactly one. */
export function rosterAgencyNamed(roster: Roster, label: string): RosterAgency | undefined {
  const byName = agencyNamedBy(label, roster.agencies.map((a) => ({ core: agencyCore(a.name, roster.province), value: a })), roster.province);
  if (byName) return byName;
  const compactLabel = label.replace(/\s+/gu, "");
  const byAlias = roster.agencies.filter((a) => a.aliases.some((alias) => alias.length >= 3 && compactLabel.includes(alias.replace(/\s+/gu, ""))));
  return byAlias.length === 1 ? byAlias[0] : undefined;
}
