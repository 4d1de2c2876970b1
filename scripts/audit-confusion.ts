// Confusion table of the evidence audit on a labelled split of samples/audit (rows: the verdict an auditor gives by
// construction; columns: the audit's), with the disagreements listed. Tune on `tune`; report `heldout` only when done.
//
//   npx tsx scripts/audit-confusion.ts [tune|heldout]
import { auditSplit, confusionTable, disagreements } from "./audit-samples/pairs.js";

const split = process.argv[2] ?? "tune";
if (split !== "tune" && split !== "heldout") {
  console.error("usage: npx tsx scripts/audit-confusion.ts [tune|heldout]");
  process.exit(64);
}
const results = auditSplit(split);
console.log(`evidence audit on samples/audit/${split} (${results.length} labelled pairs)\n`);
console.log(confusionTable(results));
const wrong = disagreements(results);
if (wrong.length > 0) console.log(`\n${wrong.join("\n")}`);
