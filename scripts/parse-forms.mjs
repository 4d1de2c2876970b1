// Part of `npm run build`: parses each shipped form definition (templates/forms/*.yaml) once, into dist/forms/<id>.json
// with the digest of its text, so that loadForm() need not run the YAML parser on every start (see src/form/load.ts).
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { availableForms, FORMS_DIR, PARSED_FORMS_DIR, parsedFormFile, sourceDigest } from "../dist/form/load.js";

mkdirSync(PARSED_FORMS_DIR, { recursive: true });
for (const id of availableForms()) {
  const file = path.join(FORMS_DIR, `${id}.yaml`);
  const text = readFileSync(file, "utf8");
  const target = parsedFormFile(file);
  writeFileSync(`${target}.part`, JSON.stringify({ source_sha256: sourceDigest(text), definition: parse(text) }));
  renameSync(`${target}.part`, target);
}
