import type { Dimension } from "../checks/check-definition.js";
import { dimensions } from "../checks/check-definition.js";
import { type Outcome, overallOutcome } from "../checks/check-result.js";
import { isSuppressed, MIN_CELL_SIZE } from "../report/html.js";
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
    const atLeast = own.some((c) => isSuppressed(c.failing_count));
    return [{ dimension, score, atLeast, outcome: overallOutcome(own), checks: own.length, passed }];
  });
}

/** The failing share, or for a suppressed count its upper bound (minimum cell size over the rows). */
function publishableMetric(check: CheckView): number | null {
  if (!isSuppressed(check.failing_count) || check.row_count === 0) return check.metric;
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
 * The score per dimension for every run. A run whose results file is gone still counts:
 * its metrics in the run log are placed in dimensions by the checks of the other runs.
 */
export function trendOverRuns(runs: readonly RunView[]): TrendPoint[] {
  const dimensionOf = new Map<string, Dimension>();
  for (const run of runs) for (const check of run.checks ?? []) dimensionOf.set(check.id, check.dimension);
  return runs.flatMap((run) => {
    const checks = run.checks ?? checksFromMetrics(run.record.metrics, dimensionOf);
    return scoreDimensions(checks).flatMap((s) =>
      s.score === null
        ? []
        : [{ run: run.record.seq, at: run.record.at, dimension: s.dimension, score: s.score, atLeast: s.atLeast }],
    );
  });
}

function checksFromMetrics(metrics: Record<string, number | null>, dimensionOf: Map<string, Dimension>): CheckView[] {
  return Object.entries(metrics).flatMap(([id, metric]) => {
    const dimension = dimensionOf.get(id);
    if (!dimension) return [];
    const outcome: Outcome = "not_evaluated";
    return [
      {
        id,
        kind: "",
        dimension,
        table: "",
        description: "",
        outcome,
        metric,
        failing_count: 0,
        row_count: 0,
        threshold: {},
      },
    ];
  });
}
