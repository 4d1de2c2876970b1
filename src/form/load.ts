/** Reads a form definition (templates/forms/<id>.yaml), validates it and compiles it. */
import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { compileForm, FormDefinitionError, type CompiledForm } from "./compile.js";
import { FormFileSchema } from "./schema.js";

export const DEFAULT_FORM_ID = "pcio-2567";

/** src/form and dist/form are both two levels below the package root. */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const FORMS_DIR = path.join(PACKAGE_ROOT, "templates", "forms");
/** Form definitions parsed at build time (`npm run build`): the YAML parser alone took ~0.2 s of every cold run. */
export const PARSED_FORMS_DIR = path.join(PACKAGE_ROOT, "dist", "forms");

/** What the build writes for one definition: the parsed YAML and the digest of the text it was parsed from. */
export interface ParsedForm {
  source_sha256: string;
  definition: unknown;
}

export function sourceDigest(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

export function parsedFormFile(yamlFile: string): string {
  return path.join(PARSED_FORMS_DIR, `${path.basename(yamlFile, ".yaml")}.json`);
}

/** The build's parse of this exact text if there is one (a definition edited since is parsed again), else the YAML. */
function parseDefinition(file: string, text: string): unknown {
  try {
    const parsed = JSON.parse(readFileSync(parsedFormFile(file), "utf8")) as ParsedForm;
    if (parsed.source_sha256 === sourceDigest(text)) return parsed.definition;
  } catch {
    // Not built, or not one of the shipped forms: parse the YAML.
  }
  return parseYaml(text);
}

export function availableForms(dir = FORMS_DIR): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".yaml"))
    .map((name) => name.slice(0, -".yaml".length))
    .sort();
}

const cache = new Map<string, CompiledForm>();

/** Loads a form by id (or by path to a .yaml file). Compiled forms are cached per process. */
export function loadForm(idOrPath: string = DEFAULT_FORM_ID): CompiledForm {
  const file = idOrPath.endsWith(".yaml") ? path.resolve(idOrPath) : path.join(FORMS_DIR, `${idOrPath}.yaml`);
  const cached = cache.get(file);
  if (cached) return cached;
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new FormDefinitionError(idOrPath, [
      `no form definition at ${file}; available: ${availableForms().join(", ") || "none"}`,
    ]);
  }
  const parsed = FormFileSchema.safeParse(parseDefinition(file, text));
  if (!parsed.success) {
    throw new FormDefinitionError(
      idOrPath,
      parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`),
    );
  }
  const form = compileForm(parsed.data);
  cache.set(file, form);
  return form;
}
