import type { CheckResult } from "./check-result.js";

/** Margins that judge a table or its groups as a whole (row count, group disparity, drift), not row by row. */
const wholeTableMargins = ["min", "max", "max_ratio", "min_group_size", "max_change", "window"];

/**
 * Whether a check counts failing rows (most kinds) rather than judging the table or its
 * groups as a whole; only row counts are shares of rows and subject to small-cell suppression.
 */
export function countsRows(check: Pick<CheckResult, "threshold">): boolean {
  return !wholeTableMargins.some((key) => key in check.threshold);
}
