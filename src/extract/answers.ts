/**
 * The answer document: what one filled copy of the form says, with where and how each answer was found.
 * Validated by zod; exported as JSON Schema (templates/answers.schema.json) for scripts that consume it.
 */
import { z } from "zod";

export const Recognition = z.enum([
  "content_control",
  "legacy_field",
  "sym",
  "glyph",
  "drawn",
  "form_widget",
  "scan",
  "typed_mark",
  "text",
  "underline",
]);
export type Recognition = z.infer<typeof Recognition>;

export const Location = z.object({
  paragraph: z.number().int().optional(),
  table: z.number().int().optional(),
  row: z.number().int().optional(),
  cell: z.number().int().optional(),
  /** Forms read from a PDF: the page (1-based) and the box of the mark or line, in points from the top left. */
  page: z.number().int().optional(),
  box: z.tuple([z.number(), z.number(), z.number(), z.number()]).optional(),
});
export type Location = z.infer<typeof Location>;

export const AnswerKind = z.enum(["choice", "matrix", "text", "number", "url", "date"]);
export type AnswerKind = z.infer<typeof AnswerKind>;

export const AnswerItem = z.object({
  /** Full field id from the form definition. */
  field: z.string(),
  question: z.string(),
  kind: AnswerKind,
  /** Printed label (option label without glyphs/underscores; a matrix row label; the words before a blank). */
  label: z.string(),
  /** The printed label of a matrix column, for matrix answers. */
  column: z.string().optional(),
  /** true for a checked choice; the typed value for blanks (numbers as numbers, dates ISO). */
  value: z.union([z.literal(true), z.string(), z.number()]),
  /** What was typed, before number/date normalisation, when it differs. */
  raw: z.string().optional(),
  location: Location,
  recognizedBy: Recognition,
});
export type AnswerItem = z.infer<typeof AnswerItem>;

export const Message = z.object({
  severity: z.enum(["error", "warning", "info"]),
  code: z.string(),
  message: z.string(),
  messageTh: z.string().optional(),
  question: z.string().optional(),
  field: z.string().optional(),
  location: Location.optional(),
});
export type Message = z.infer<typeof Message>;

export const GeneralInfo = z.record(z.string(), z.string());

export const AnswerDocument = z.object({
  form: z.string(),
  source: z.object({ file: z.string(), sha256: z.string(), bytes: z.number().int() }),
  /** The general-information block (province, office location, coordinator, phones, e-mail). */
  general: GeneralInfo,
  /** The agency as identified from the general-information block. */
  agency: z.string().optional(),
  /** Which path read the answers: our own tagged template, or anchoring on printed codes and labels. */
  method: z.enum(["tagged", "anchored", "mixed"]),
  /** Question codes found printed in the document. */
  questionsFound: z.array(z.string()),
  answers: z.array(AnswerItem),
  warnings: z.array(Message),
});
export type AnswerDocument = z.infer<typeof AnswerDocument>;
