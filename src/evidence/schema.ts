/**
 * The evidence reader's output, as a zod schema: the CLI prints exactly this, and `evidenceJsonSchema()` publishes it.
 * Coordinates are top-left based; `unit` says whether a page is measured in PDF points or image pixels.
 */
import { z } from "zod";

/** [x, y, width, height] in the page's unit, origin top-left. */
export const BBoxSchema = z.tuple([z.number(), z.number(), z.number(), z.number()]);

export const WarningCodeSchema = z.enum([
  "page-unreadable",
  "low-confidence",
  "nothing-marked",
  "sparse-text-layer",
  "region-unreadable",
  "skipped-embedded-image",
  "time-budget",
]);

export const WarningSchema = z.object({
  code: WarningCodeSchema,
  message: z.string(),
  messageTh: z.string(),
});

export const ErrorCodeSchema = z.enum([
  "empty-file",
  "unsupported-type",
  "encrypted-pdf",
  "broken-pdf",
  "broken-image",
  "image-too-large",
  "too-many-pages",
  "read-failed",
]);

export const FileErrorSchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  messageTh: z.string(),
});

export const ColorNameSchema = z.enum(["yellow", "green", "pink", "orange", "blue", "other"]);

export const WordSchema = z.object({
  text: z.string(),
  bbox: BBoxSchema,
  /** 0–1; text-layer words are 1. */
  confidence: z.number().min(0).max(1),
});

export const RegionSchema = z.object({
  bbox: BBoxSchema,
  color: ColorNameSchema,
  /** The colour as #rrggbb: the annotation colour, or the ink's tint on white paper for highlighter strokes. */
  rgb: z.string().regex(/^#[0-9a-f]{6}$/),
  text: z.string(),
  /** `text` with Thai digits given as Arabic digits; present only when `text` has Thai digits. */
  textArabic: z.string().optional(),
  confidence: z.number().min(0).max(1),
  source: z.enum(["annotation", "highlighter"]),
  /** Annotation subtype for annotation regions (Highlight, Underline, Squiggly, StrikeOut). */
  annotation: z.string().optional(),
  /**
   * Present when the marked text could not be read reliably (`text` is then empty): the best reading, not to be
   * taken as the key text, and the page's words on the lines around the mark, for a person to check.
   */
  unreadable: z.object({ guess: z.string(), nearby: z.string() }).optional(),
});

export const PageSchema = z.object({
  number: z.number().int().min(1),
  source: z.enum(["text-layer", "ocr"]),
  width: z.number(),
  height: z.number(),
  unit: z.enum(["pt", "px"]),
  /** Resolution OCR and highlight detection ran at (rendered PDFs: the render dpi; images: estimated). */
  dpi: z.number().optional(),
  text: z.string(),
  textArabic: z.string().optional(),
  /** Mean OCR confidence of the page (0–1); 1 for text-layer pages. */
  confidence: z.number().min(0).max(1),
  words: z.array(WordSchema),
  regions: z.array(RegionSchema),
  warnings: z.array(WarningSchema),
});

export const FileTypeSchema = z.enum(["pdf", "png", "jpeg", "tiff", "docx", "unknown"]);

export const EvidenceFileSchema = z.object({
  name: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().min(0),
  type: FileTypeSchema,
  pages: z.array(PageSchema),
  /** File-level warnings (e.g. nothing marked anywhere in the file). */
  warnings: z.array(WarningSchema),
  /** Set when the file could not be read at all; `pages` is then empty. */
  error: FileErrorSchema.optional(),
});

export const EvidenceReportSchema = z.object({
  files: z.array(EvidenceFileSchema),
});

export type BBox = z.infer<typeof BBoxSchema>;
export type WarningCode = z.infer<typeof WarningCodeSchema>;
export type EvidenceWarning = z.infer<typeof WarningSchema>;
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;
export type FileError = z.infer<typeof FileErrorSchema>;
export type ColorName = z.infer<typeof ColorNameSchema>;
export type EvidenceWord = z.infer<typeof WordSchema>;
export type EvidenceRegion = z.infer<typeof RegionSchema>;
export type EvidencePage = z.infer<typeof PageSchema>;
export type FileType = z.infer<typeof FileTypeSchema>;
export type EvidenceFile = z.infer<typeof EvidenceFileSchema>;
export type EvidenceReport = z.infer<typeof EvidenceReportSchema>;

export function evidenceJsonSchema(): unknown {
  return z.toJSONSchema(EvidenceReportSchema);
}
