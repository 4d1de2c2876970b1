/**
 * The questionnaire as data. A form file (templates/forms/<id>.yaml) is validated by `FormFileSchema`;
 * `compileForm` (./compile.ts) then gives every item its full stable id.
 *
 * Id convention (docs/form-ids.md):
 *   question id   = printed code, e.g. "G1", "P2.1.1.1", "P7.1.3"
 *   field id      = "<question>:<local>[.<local>…]", local ids written in the file as [a-z0-9_]+
 *   matrix cell   = "<question>:<matrix>.<row>@<column>"
 *   entry field   = "<question>:<…entries>.<n>.<field>" with n = 1…max
 */
import { z } from "zod";

const localId = z
  .string()
  .regex(/^[a-z0-9_]+$/, "local ids are lowercase ascii letters, digits and _");

export const BlankType = z.enum([
  "text",
  "integer",
  "number",
  "percent",
  "url",
  "date",
  "email",
  "phone",
]);
export type BlankType = z.infer<typeof BlankType>;

/** Who fills a question, from the province's agenda (สำนักงานจังหวัด / ทุกหน่วยงาน / ทุกหน่วยงาน/สถิติจังหวัด). */
export const Respondent = z.enum(["provincial_office", "all_agencies", "all_agencies_statistics"]);
export type Respondent = z.infer<typeof Respondent>;

export const SelectMode = z.enum(["single", "multiple"]);
export type SelectMode = z.infer<typeof SelectMode>;

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "ISO date (CE): YYYY-MM-DD");

/** One phrase the evidence must show, or alternatives for it (any one of them will do). */
export const ExpectPhrase = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

/**
 * What the evidence of an answer must show (the audit, src/audit; docs/audit.md). Expectations add up from the
 * question down to the answered field: the question's, its groups', its options', the entries', the matrix row's and
 * column's, and the field's own. Phrases are compared Thai-aware and fuzzily (OCR'd scans have a few % errors).
 *
 * The topic decides whether the evidence is about the answer at all (not found: not supported): every level's `any`,
 * else `typed`, else the `all` entries. Everything else is a detail (not found: weak).
 */
export const ExpectSchema = z
  .object({
    /** What an auditor looks for, in words ("คำสั่งแต่งตั้ง … คณะกรรมการ PCIO"); levels are joined outer to inner. */
    describe: z.string().optional(),
    /** Words naming the kind of document, any one anywhere in its text ("คำสั่ง", "รายงานการประชุม"); inner wins. */
    document: z.array(z.string().min(1)).min(1).optional(),
    /** Phrases that must each be found; an entry may list alternatives (any one of them will do). */
    all: z.array(ExpectPhrase).min(1).optional(),
    /** At least one of these must be found: a topic. */
    any: z.array(z.string().min(1)).min(1).optional(),
    /** The document's date must fall in this period: a key of the form's `periods`, or ISO dates (CE); inner wins. */
    dateWithin: z.union([z.string(), z.object({ from: IsoDate, to: IsoDate })]).optional(),
    /** What was typed in this item's blanks (a system's name, "อื่น ๆ โปรดระบุ …", a project) must be found too. */
    typed: z.boolean().optional(),
  })
  .strict();
export type ExpectSource = z.infer<typeof ExpectSchema>;

/** A blank to type into: "โปรดระบุเหตุผล____", "จำนวน ____ บริการ", "URL ____". */
export const BlankSchema = z.object({
  kind: z.literal("blank"),
  id: localId,
  /** The printed words that introduce the blank, without underscores. */
  label: z.string(),
  type: BlankType,
  /** Printed words after the blank ("บริการ", "ครั้งต่อปี", "คน"). */
  suffix: z.string().optional(),
  /** For a score: the blank id (sibling) holding its maximum ("จากคะแนนเต็ม ____"). */
  maxOf: localId.optional(),
  /** The blank itself asks for evidence ("แนบเอกสารหลักฐาน______", "URL หรือแนบเอกสารหลักฐาน"). */
  evidence: z.boolean().optional(),
  optional: z.boolean().optional(),
  expect: ExpectSchema.optional(),
});
export type BlankSource = z.infer<typeof BlankSchema>;

export interface OptionSource {
  kind: "option";
  id: string;
  /** Printed label without the box glyph, with each blank written as "____". */
  label: string;
  /** Printed number or letter when the option has one ("1", "2.3", "A.1.1"). */
  number?: string | undefined;
  /** "(แนบเอกสารหลักฐาน)": a checked option needs evidence with the key text marked. */
  evidence?: boolean | undefined;
  /** Printed skip target: a question code ("G4", "P2.3") or a local item ("3.3"). */
  skipTo?: string | undefined;
  /** How the option's own children are chosen (nested options). Default single. */
  select?: SelectMode | undefined;
  /** Blanks, nested options, groups, entries that only apply when this option is checked. */
  children?: ItemSource[] | undefined;
  expect?: ExpectSource | undefined;
}

export interface GroupSource {
  kind: "group";
  id: string;
  label: string;
  /** Printed number of the group ("(3.3)"), a possible in-question skip target. */
  number?: string | undefined;
  select?: SelectMode | undefined;
  children: ItemSource[];
  expect?: ExpectSource | undefined;
}

export interface EntriesSource {
  kind: "entries";
  id: string;
  label: string;
  /** "ไม่เกิน 5 โครงการ": how many entries the printed form has room for. */
  max: number;
  /** Each entry's fields (blanks, or options for a per-entry choice). */
  fields: ItemSource[];
  evidence?: boolean | undefined;
  expect?: ExpectSource | undefined;
}

export interface NoteSource {
  kind: "note";
  id: string;
  text: string;
}

export const RowSchema = z.object({
  id: localId,
  label: z.string(),
  number: z.string().optional(),
  /** A heading row: printed, never marked (e.g. "1. นโยบายบริหารจัดการ…" above its bullet rows). */
  heading: z.boolean().optional(),
  /** Blanks printed in the row itself ("งานด้านอื่น ๆ ____ (โปรดระบุ)"); `column` ties a blank to one cell. */
  blanks: z.array(BlankSchema.extend({ column: localId.optional() })).optional(),
  expect: ExpectSchema.optional(),
});
export type RowSource = z.infer<typeof RowSchema>;

export const ColumnSchema = z.object({
  id: localId,
  label: z.string(),
  /** Columns in the same group are chosen among (one per group per row when the matrix is single). */
  group: localId.optional(),
  evidence: z.boolean().optional(),
  /** Every cell of this column carries a blank (P4.6's "URL ____", "โปรดระบุ ____"). */
  blank: BlankSchema.optional(),
  expect: ExpectSchema.optional(),
});
export type ColumnSource = z.infer<typeof ColumnSchema>;

export const MatrixSchema = z.object({
  kind: z.literal("matrix"),
  id: localId,
  label: z.string(),
  /** single: one mark per row (per column group when groups are given); multiple: any. */
  select: SelectMode,
  /** Columns that are a yes/no gate for the other columns (P4.6: channels only under "มี"). */
  columnGroups: z
    .array(z.object({ id: localId, label: z.string(), select: SelectMode }))
    .optional(),
  rows: z.array(RowSchema).min(1),
  columns: z.array(ColumnSchema).min(1),
});
export type MatrixSource = z.infer<typeof MatrixSchema>;

export type ItemSource =
  | OptionSource
  | z.infer<typeof BlankSchema>
  | GroupSource
  | EntriesSource
  | NoteSource
  | MatrixSource;

export const ItemSchema: z.ZodType<ItemSource> = z.lazy(() =>
  z.discriminatedUnion("kind", [OptionSchema, BlankSchema, GroupSchema, EntriesSchema, NoteSchema, MatrixSchema]),
);

const OptionSchema = z.object({
  kind: z.literal("option"),
  id: localId,
  label: z.string(),
  number: z.string().optional(),
  evidence: z.boolean().optional(),
  skipTo: z.string().optional(),
  select: SelectMode.optional(),
  get children() {
    return z.array(ItemSchema).optional();
  },
  expect: ExpectSchema.optional(),
});

const GroupSchema = z.object({
  kind: z.literal("group"),
  id: localId,
  label: z.string(),
  number: z.string().optional(),
  select: SelectMode.optional(),
  get children() {
    return z.array(ItemSchema);
  },
  expect: ExpectSchema.optional(),
});

const EntriesSchema = z.object({
  kind: z.literal("entries"),
  id: localId,
  label: z.string(),
  max: z.number().int().positive(),
  get fields() {
    return z.array(ItemSchema).min(1);
  },
  evidence: z.boolean().optional(),
  expect: ExpectSchema.optional(),
});

const NoteSchema = z.object({
  kind: z.literal("note"),
  id: localId,
  text: z.string(),
});

export const QuestionSchema = z.object({
  /** Printed code: "G1", "P1.1", "P2.1.1.1", "P7.1.3". */
  code: z.string().regex(/^(G\d+|P\d+(\.\d+)*)$/),
  /** Parent question code when printed nested (P2.1.1 under P2.1; P7.1.1 under P7.1). */
  parent: z.string().optional(),
  /** The question text as printed (without the notes). */
  text: z.string(),
  /** Sub-indicator code from the pillar table ("1.1", "4.1.1"); G questions are Digital Leadership (3.1). */
  indicator: z.string(),
  answeredBy: Respondent,
  /** A heading question: printed, answered only through its sub-questions (P2.1, P2.2.1, P4.5, P7.1). */
  heading: z.boolean().optional(),
  /** The question carries the note that evidence must be attached with its key text marked. */
  markKeyText: z.boolean().optional(),
  /** Only asked when this option (full id) is checked ("ถ้าตอบว่า “มี” ในข้อ P5.2"). */
  askedWhen: z.string().optional(),
  /** How the top-level options are chosen: ○ single, □ multiple. */
  select: SelectMode.optional(),
  notes: z.array(z.string()).optional(),
  examples: z.array(z.string()).optional(),
  /** What the evidence of any of this question's answers must show (refined by its items' own `expect`). */
  expect: ExpectSchema.optional(),
  items: z.array(ItemSchema),
});
export type QuestionSource = z.infer<typeof QuestionSchema>;

export const IndicatorSchema = z.object({
  code: z.string(),
  name: z.string(),
  objective: z.string().optional(),
  /** "*": the score comes from the parent department (กรมต้นสังกัด). */
  fromParentDepartment: z.boolean().optional(),
});

export const PillarSchema = z.object({
  number: z.number().int().min(1),
  titleTh: z.string(),
  titleEn: z.string(),
  /** Weight in percent (13/12/20/30/10/10/5 in 2567). */
  weight: z.number().positive(),
  indicators: z.array(IndicatorSchema).min(1),
});
export type PillarSource = z.infer<typeof PillarSchema>;

export const GeneralFieldSchema = z.object({
  id: localId,
  label: z.string(),
  type: BlankType,
  optional: z.boolean().optional(),
  /** A printed sub-heading right before this field's label: it ends the previous field's value when that is empty. */
  heading: z.string().optional(),
});

export const FormFileSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string(),
  /** Buddhist-era year of the edition. */
  yearBE: z.number().int(),
  /** The legend printed at the top: which glyph means several answers vs one. */
  legend: z.object({ multiple: z.string(), single: z.string(), text: z.string() }),
  evidenceNote: z.string(),
  /** The meeting period that G2 asks about, ISO dates (CE). */
  periods: z.record(z.string(), z.object({ from: z.string(), to: z.string(), label: z.string() })).optional(),
  respondents: z.record(Respondent, z.string()),
  general: z.object({ title: z.string(), fields: z.array(GeneralFieldSchema).min(1) }),
  pillars: z.array(PillarSchema).min(1),
  /** Part headings ("ส่วนที่ 1 …") by pillar number, as printed. */
  parts: z.array(z.object({ pillar: z.number().int(), title: z.string() })).optional(),
  questions: z.array(QuestionSchema).min(1),
});
export type FormFile = z.infer<typeof FormFileSchema>;
