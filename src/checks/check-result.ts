import type { CheckResult } from "./check-results-format.js";

export const outcomes = ["passed", "warned", "failed", "not_evaluated"] as const;
export type Outcome = (typeof outcomes)[number];

export type { CheckResult, SuiteResult } from "./check-results-format.js";

/** The worst outcome wins: failed over warned over not evaluated over passed. */
export function overallOutcome(results: ReadonlyArray<Pick<CheckResult, "outcome">>): Outcome {
  for (const outcome of ["failed", "warned", "not_evaluated"] as const) {
    if (results.some((r) => r.outcome === outcome)) return outcome;
  }
  return "passed";
}

/** The CLI exit code of an outcome: 0 passed, 1 a check failed, 2 warnings only. */
export function exitCodeOf(outcome: Outcome): 0 | 1 | 2 {
  return outcome === "failed" ? 1 : outcome === "passed" ? 0 : 2;
}
