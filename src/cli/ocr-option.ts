import { Option } from "commander";
import { isOcrChoice, type OcrChoice } from "../evidence/ocr-native.js";
import { UsageError } from "../errors.js";

/** `--ocr auto|native|js`, shared by the commands that OCR scans. */
export function ocrOption(): Option {
  return new Option("--ocr <engine>", "OCR engine: auto (native tesseract when installed, else tesseract.js), native or js").default("auto");
}

export function ocrChoice(value: string): OcrChoice {
  if (!isOcrChoice(value)) throw new UsageError(`--ocr ต้องเป็น auto, native หรือ js (ได้รับ ${value})`, `--ocr must be auto, native or js (got ${value})`);
  return value;
}
