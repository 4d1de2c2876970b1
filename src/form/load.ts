/** Reads a form definition (templates/forms/<id>.yaml), validates it and compiles it. */
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
  const parsed = FormFileSchema.safeParse(parseYaml(text));
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
