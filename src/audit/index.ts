/**
 * The evidence audit (issue #8): does each answer's evidence — linked, marked, and saying what the form expects of
 * that answer — support it? See docs/audit.md.
 */
export { auditAgency } from "./audit.js";
export { expectationFor, type Expectation, type Requirement } from "./expectation.js";
export { auditPoints, type AuditPoint } from "./points.js";
export { auditExitCode, auditJson, formatAuditText, verdictCounts, AUDIT_SCHEMA } from "./report.js";
