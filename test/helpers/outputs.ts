/** Reading a batch's output folder back in tests: its text outputs by name, and summary.xlsx. */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";

/** The JSON and CSV a batch writes (the manifest, the issues, the province, every agency bundle), by relative path. */
export function textOutputs(dir: string): Record<string, string> {
  const files = ["batch.json", "issues.csv", "province.json", ...readdirSync(path.join(dir, "answers")).map((f) => `answers/${f}`)];
  return Object.fromEntries(files.map((f) => [f, readFileSync(path.join(dir, f), "utf8")]));
}

export async function summaryWorkbook(dir: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(path.join(dir, "summary.xlsx")) as unknown as ArrayBuffer);
  return wb;
}

/** A row's cell values from the first column to the sheet's last (empty cells as null). */
export function rowValues(ws: ExcelJS.Worksheet, row: number): ExcelJS.CellValue[] {
  return Array.from({ length: ws.columnCount }, (_, i) => ws.getRow(row).getCell(i + 1).value);
}
