import type { Dimension } from "../checks/check-definition.js";
import { type DimensionSummary, summarizeDimensions } from "../report/quality-headline.js";
import type { CheckView, RunView } from "./lab-view.js";

/**
 * Where one quality dimension stands: how many checks are within their margin, and the worst
 * one in words. It is never an average of metrics: those differ in unit and say nothing together.
 */
export type DimensionScore = DimensionSummary<CheckView>;

/**
 * The scorecard of one run: one entry per dimension that has checks, in the NORA order.
 * @example scoreDimensions(run.checks)[0].headline // "3 van 5 controles binnen de marge; het slechtst: ..."
 */
export function scoreDimensions(checks: readonly CheckView[]): DimensionScore[] {
  return summarizeDimensions(checks);
}

export interface TrendPoint {
  run: number;
  at: string;
  dimension: Dimension;
  /** Checks of this dimension within their margin, and all its checks that could be judged. */
  within: number;
  judged: number;
  /** within / judged, 0 to 1. */
  share: number;
}

/** Per run whose results are still there, the share of each dimension's judged checks within their margin. */
export function trendOverRuns(runs: readonly RunView[]): TrendPoint[] {
  return runs.flatMap((run) =>
    scoreDimensions(run.checks ?? []).flatMap((s) => {
      const judged = s.checks - s.notEvaluated;
      if (judged === 0) return [];
      return [
        {
          run: run.number,
          at: run.record.at,
          dimension: s.dimension,
          within: s.within,
          judged,
          share: s.within / judged,
        },
      ];
    }),
  );
}
