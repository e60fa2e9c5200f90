import type { SuiteOutcome } from "../checks/run-suite.js";
import type { CheckSummary } from "../runlog/run-record-schema.js";

/** Measures that count failing rows; their failing count over the rows looked at is a share of rows. */
const countsRows = new Set(["rows", "keys"]);

/**
 * What the run log keeps of each check, for the tool's own evidence (the margins, the group
 * comparison): dimension, outcome, how it measured, and the share of rows that failed.
 */
export function checkSummaries(outcome: Pick<SuiteOutcome, "result" | "measures">): CheckSummary[] {
  return outcome.result.checks.map((check) => {
    const measure = outcome.measures[check.id] ?? "none";
    const share = countsRows.has(measure) && check.row_count > 0 ? check.failing_count / check.row_count : null;
    return { id: check.id, dimension: check.dimension, outcome: check.outcome, measure, share_of_rows: share };
  });
}
