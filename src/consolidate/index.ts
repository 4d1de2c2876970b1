/**
 * Province consolidation, the library face: the batch and the report call these; `samruat consolidate` is a thin
 * command over them. Merge policy: templates/consolidation/default.yaml, explained in docs/consolidation.md.
 */
export { consolidate } from "./merge.js";
export { renderProvinceDocx } from "./render.js";
export { checkPolicy, DEFAULT_POLICY_FILE, loadPolicy, type MergePolicy, MergePolicySchema } from "./policy.js";
export {
  type Conflict,
  type ConsolidatedAnswer,
  PROVINCE_SCHEMA,
  type ProvinceConsolidation,
  ProvinceConsolidationSchema,
  type QuestionSummary,
} from "./schema.js";
export { bundleFromAnswers, readAgencyInput, type AgencyInput } from "./inputs.js";
