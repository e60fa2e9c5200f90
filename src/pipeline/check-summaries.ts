import type { SuiteResult } from "../checks/check-result.js";
import type { CheckSummary } from "../runlog/run-record-schema.js";

/**
 * What the run log keeps of each check, for the tool's own evidence (the margins, the group
 * comparison): dimension, outcome, what its counts count, and the share of rows that failed.
 */
export function checkSummaries(result: SuiteResult): CheckSummary[] {
  return result.checks.map((check) => ({
    id: check.id,
    dimension: check.dimension,
    outcome: check.outcome,
    counted: check.counted,
    share_of_rows: check.counted === "rows" && check.row_count > 0 ? check.failing_count / check.row_count : null,
  }));
}
