import type { Dimension } from "../checks/check-definition.js";
import { dimensions } from "../checks/check-definition.js";
import { type Outcome, overallOutcome } from "../checks/check-result.js";
import { countsRows } from "../checks/counts-rows.js";
import { isNearlyAll, isSuppressed, MIN_CELL_SIZE } from "../report/html.js";
import type { CheckView, RunView } from "./lab-view.js";

/** The data-quality score of one dimension: the average share of rows in order over its checks. */
export interface DimensionScore {
  dimension: Dimension;
  /** 0 to 1; null when no check of this dimension could be measured. */
  score: number | null;
  /**
   * True when a check had a suppressed count (below the minimum cell size): the score is
   * then a lower bound, so that it cannot give that count away.
   */
  atLeast: boolean;
  outcome: Outcome;
  checks: number;
  passed: number;
}

/**
 * The scorecard of one run: one entry per dimension that has checks, in the NORA order.
 * @example scoreDimensions(run.checks) // [{ dimension: "compleetheid", score: 0.99, ... }]
 */
export function scoreDimensions(checks: readonly CheckView[]): DimensionScore[] {
  return dimensions.flatMap((dimension) => {
    const own = checks.filter((c) => c.dimension === dimension);
    if (own.length === 0) return [];
    const measured = own.map(publishableMetric).filter((m): m is number => m !== null);
    const score = measured.length === 0 ? null : 1 - measured.reduce((a, b) => a + b, 0) / measured.length;
    const passed = own.filter((c) => c.outcome === "passed").length;
    const atLeast = own.some((c) => countsRows(c) && isSuppressed(c.failing_count, c.row_count));
    return [{ dimension, score, atLeast, outcome: overallOutcome(own), checks: own.length, passed }];
  });
}

export { countsRows } from "../checks/counts-rows.js";

/** The share of rows that failed; null for whole-table checks and when no row was looked at. */
export function failingShareOf(check: CheckView): number | null {
  if (!countsRows(check) || check.row_count === 0) return null;
  return check.failing_count / check.row_count;
}

/**
 * The failing share, or for a suppressed count an upper bound that gives nothing away: the
 * minimum cell size over the rows for a few failing rows, all rows when only a few passed.
 */
function publishableMetric(check: CheckView): number | null {
  const share = failingShareOf(check);
  if (share === null || !isSuppressed(check.failing_count, check.row_count)) return share;
  if (isNearlyAll(check.failing_count, check.row_count)) return 1;
  return Math.min(1, MIN_CELL_SIZE / check.row_count);
}

export interface TrendPoint {
  run: number;
  at: string;
  dimension: Dimension;
  score: number;
  atLeast: boolean;
}

/**
 * The score per dimension for every run whose results are still there. The run log keeps
 * only each check's own measure, which for some kinds is not a share of rows.
 */
export function trendOverRuns(runs: readonly RunView[]): TrendPoint[] {
  return runs.flatMap((run) => {
    const checks = run.checks ?? [];
    return scoreDimensions(checks).flatMap((s) =>
      s.score === null
        ? []
        : [{ run: run.number, at: run.record.at, dimension: s.dimension, score: s.score, atLeast: s.atLeast }],
    );
  });
}
