/** Fills a .docx template from templates/docx with docxtemplater; output bytes depend only on the inputs. */
import Docxtemplater from "docxtemplater";
import PizZip from "pizzip";
import { readFileSync } from "node:fs";
import path from "node:path";
import { PACKAGE_ROOT } from "../form/load.js";

export const TEMPLATES_DIR = path.join(PACKAGE_ROOT, "templates", "docx");

/** Zip entries carry a modification time; a fixed one keeps the same inputs giving the same bytes. */
const FIXED_ZIP_DATE = new Date("2024-01-01T00:00:00Z");

export function normalizeZipDates(zip: PizZip): void {
  for (const entry of Object.values(zip.files)) entry.date = FIXED_ZIP_DATE;
}

export interface TemplateData {
  /** Raw WordprocessingML for the body (the `{@body}` tag). */
  body: string;
  title: string;
  footer: string;
}

export function fillTemplate(templateName: string, data: TemplateData): Uint8Array {
  const zip = new PizZip(readFileSync(path.join(TEMPLATES_DIR, templateName)));
  const doc = new Docxtemplater(zip, { paragraphLoop: true, linebreaks: true });
  doc.render(data);
  const out = doc.getZip();
  normalizeZipDates(out);
  return out.generate({ type: "uint8array", compression: "DEFLATE" });
}
