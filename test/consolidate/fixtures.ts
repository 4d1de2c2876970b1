/** Small in-memory agency bundles for the consolidation tests: answers by field id, evidence files by question. */
import { createHash } from "node:crypto";
import { BUNDLE_SCHEMA, type AgencyBundle, type AuditItem, type BundleEvidence } from "../../src/bundle/schema.js";
import type { AnswerDocument, AnswerItem } from "../../src/extract/answers.js";
import type { CompiledForm } from "../../src/form/compile.js";
import { loadForm } from "../../src/form/load.js";

export const form: CompiledForm = loadForm("pcio-2567");

export type Role = AgencyBundle["agency"]["respondent"];

export function sha(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** An answer document saying exactly `answers` (true = checked; strings and numbers typed into blanks). */
export function answerDocument(name: string, answers: Record<string, true | string | number>, general: Record<string, string> = {}): AnswerDocument {
  const items = Object.entries(answers).map(([field, value]): AnswerItem => {
    const def = form.field(field);
    if (!def) throw new Error(`fixture names unknown field ${field}`);
    const kind =
      def.kind === "option" ? "choice"
      : def.kind === "cell" ? "matrix"
      : def.blankType === "integer" || def.blankType === "number" || def.blankType === "percent" ? "number"
      : def.blankType === "url" ? "url"
      : def.blankType === "date" ? "date"
      : "text";
    return {
      field,
      question: def.question,
      kind,
      label: def.label,
      ...(def.columnLabel ? { column: def.columnLabel } : {}),
      value,
      location: {},
      recognizedBy: "content_control",
    };
  });
  return {
    form: form.file.id,
    source: { file: `${name}.docx`, sha256: sha(name), bytes: 1000 },
    general: { province: "เชียงใหม่", ...general },
    agency: name,
    method: "tagged",
    questionsFound: [...new Set(items.map((i) => i.question))],
    answers: items,
    warnings: [],
  };
}

export interface EvidenceSpec {
  file: string;
  questions: string[];
  /** Marked text per page (one page per entry; an empty list is a page without marks). */
  marks?: string[][];
  unreadable?: boolean;
}

export function evidence(spec: EvidenceSpec): BundleEvidence {
  const pages = (spec.marks ?? [["ข้อความสำคัญ"]]).map((texts, i) => ({
    number: i + 1,
    source: "text-layer" as const,
    width: 595,
    height: 842,
    unit: "pt" as const,
    text: texts.join(" "),
    confidence: 1,
    regions: texts.map((text) => ({
      bbox: [50, 100, 200, 20] as [number, number, number, number],
      color: "yellow" as const,
      rgb: "#ffff00",
      text,
      confidence: 1,
      source: "annotation" as const,
      annotation: "Highlight",
    })),
    warnings: [],
  }));
  return {
    file: spec.file,
    sha256: sha(spec.file),
    size: 2048,
    type: "pdf",
    questions: [...spec.questions].sort(),
    linkedBy: "file_name",
    pages: spec.unreadable ? [] : pages,
    marked: !spec.unreadable && pages.some((p) => p.regions.length > 0),
    warnings: [],
    ...(spec.unreadable ? { error: { code: "broken-pdf" as const, message: "broken PDF", messageTh: "ไฟล์ PDF เสียหาย" } } : {}),
  };
}

export function bundle(
  id: string,
  role: Role,
  answers: Record<string, true | string | number>,
  files: EvidenceSpec[] = [],
  audit?: Pick<AuditItem, "field" | "question" | "verdict">[],
): AgencyBundle {
  return bundleOf(id, role, answerDocument(agencyName(id), answers), files, audit);
}

/** A bundle around an answer document (e.g. one extracted from a sample form). */
export function bundleOf(
  id: string,
  role: Role,
  doc: AnswerDocument,
  files: EvidenceSpec[] = [],
  audit?: Pick<AuditItem, "field" | "question" | "verdict">[],
): AgencyBundle {
  return {
    schema: BUNDLE_SCHEMA,
    form: form.file.id,
    agency: { id, name: agencyName(id), identifiedBy: "general", respondent: role },
    source: { file: `${id}.docx`, sha256: doc.source.sha256, bytes: doc.source.bytes },
    superseded: [],
    answers: doc,
    evidence: files.map(evidence),
    validation: {},
    ...(audit
      ? { audit: audit.map((a) => ({ ...a, label: a.field, score: a.verdict === "supported" ? 1 : 0, expectation: "", reasons: [] })) }
      : {}),
  };
}

export function agencyName(id: string): string {
  return NAMES[id] ?? `สำนักงาน${id}จังหวัดเชียงใหม่`;
}

const NAMES: Record<string, string> = {
  office: "สำนักงานจังหวัดเชียงใหม่",
  stat: "สำนักงานสถิติจังหวัดเชียงใหม่",
  commerce: "สำนักงานพาณิชย์จังหวัดเชียงใหม่",
  energy: "สำนักงานพลังงานจังหวัดเชียงใหม่",
  education: "สำนักงานศึกษาธิการจังหวัดเชียงใหม่",
  labour: "สำนักงานแรงงานจังหวัดเชียงใหม่",
};
