import type { Dimension } from "./check-definition.js";

export const outcomes = ["passed", "warned", "failed", "not_evaluated"] as const;
export type Outcome = (typeof outcomes)[number];

/** What one check found. "The data failed" is a result like this, never an exception. */
export interface CheckResult {
  id: string;
  kind: string;
  dimension: Dimension;
  table: string;
  severity: "warn" | "fail";
  description: string;
  outcome: Outcome;
  /** Share of failing rows (0 to 1) for row checks; otherwise the kind's own measure. Null when not measured. */
  metric: number | null;
  failing_count: number;
  /** Rows (or groups) the check looked at. */
  row_count: number;
  threshold: Record<string, number>;
  /** A few failing rows by key, never by a text field. */
  sample: string[];
  reason?: string;
  /** The defect kind the check is meant to find, when the suite says so. */
  finds?: string;
  /** True for a check written as custom SQL. */
  custom?: boolean;
}

export interface SuiteResult {
  suite: string;
  engine: string;
  reference_date: string;
  outcome: Outcome;
  checks: CheckResult[];
}

/** The worst outcome wins: failed over warned over not evaluated over passed. */
export function overallOutcome(results: readonly CheckResult[]): Outcome {
  for (const outcome of ["failed", "warned", "not_evaluated"] as const) {
    if (results.some((r) => r.outcome === outcome)) return outcome;
  }
  return "passed";
}

/** The CLI exit code of an outcome: 0 passed, 1 a check failed, 2 warnings only. */
export function exitCodeOf(outcome: Outcome): 0 | 1 | 2 {
  return outcome === "failed" ? 1 : outcome === "passed" ? 0 : 2;
}
