import type { Dimension } from "./check-definition.js";

export const outcomes = ["passed", "warned", "failed", "not_evaluated"] as const;
export type Outcome = (typeof outcomes)[number];

/** What one check found. "The data failed" is a result like this, never an exception. */
export interface CheckResult {
  id: string;
  kind: string;
  dimension: Dimension;
  table: string;
  description: string;
  outcome: Outcome;
  /** Share of failing rows (0 to 1); null when the table is empty. */
  metric: number | null;
  failing_count: number;
  row_count: number;
  threshold: { max_failing?: number; max_failing_fraction?: number };
  reason?: string;
}

export interface SuiteResult {
  suite: string;
  outcome: Outcome;
  checks: CheckResult[];
}

/** The worst outcome wins: failed over warned over passed. */
export function overallOutcome(results: readonly CheckResult[]): Outcome {
  for (const outcome of ["failed", "warned", "not_evaluated"] as const) {
    if (results.some((r) => r.outcome === outcome)) return outcome;
  }
  return "passed";
}
