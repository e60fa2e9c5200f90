import type { Judgement } from "./check-definition.js";
import type { CheckResult, Outcome } from "./check-result.js";
import type { Check } from "./suite-schema.js";

/** What a measure found, before the threshold is applied. */
export interface Measured {
  failing: number;
  inScope: number;
  sample: string[];
  /** For measures that are not a count of failing rows. */
  judgement?: Judgement;
  /** Overrides the failing share as the metric (group disparity's largest ratio). */
  metric?: number | null;
  threshold?: Record<string, number>;
}

/** The count thresholds of a check; with none given, no failing row is allowed. */
export function countThreshold(check: Check): Record<string, number> {
  const threshold: Record<string, number> = {};
  if (check.max_failing !== undefined) threshold.max_failing = check.max_failing;
  if (check.max_failing_fraction !== undefined) threshold.max_failing_fraction = check.max_failing_fraction;
  if (Object.keys(threshold).length === 0) threshold.max_failing = 0;
  return threshold;
}

/** Applies the threshold and severity: passed, warned, failed, or not evaluated with a reason. */
export function judgeCheck(
  check: Check,
  measured: Measured,
): Pick<CheckResult, "outcome" | "metric" | "failing_count" | "row_count" | "threshold" | "sample" | "reason"> {
  const base = { failing_count: measured.failing, row_count: measured.inScope, sample: measured.sample };
  const threshold = { ...countThreshold(check), ...measured.threshold };
  const failedOutcome: Outcome = check.severity === "warn" ? "warned" : "failed";
  if (measured.judgement) {
    // A kind that judges its own value has only its own margins; a count of failing rows does not apply.
    const { judgement, threshold: own = {} } = measured;
    if (judgement.notEvaluated) {
      return { ...base, threshold: own, metric: null, outcome: "not_evaluated", reason: judgement.notEvaluated };
    }
    return { ...base, threshold: own, metric: judgement.metric, outcome: judgement.failing ? failedOutcome : "passed" };
  }
  if (measured.inScope === 0) {
    return {
      ...base,
      threshold,
      metric: null,
      outcome: "not_evaluated",
      reason: "Er zijn geen rijen om te controleren: de tabel is leeg of het filter laat niets over.",
    };
  }
  if (measured.failing > measured.inScope) {
    return {
      ...base,
      threshold,
      metric: null,
      outcome: "not_evaluated",
      reason: `De controle telde ${measured.failing} afwijkende rijen, meer dan de ${measured.inScope} rijen die zij bekeek. Een eigen SQL-query geeft dan rijen dubbel of van buiten het filter terug.`,
    };
  }
  const share = measured.failing / measured.inScope;
  const withinCount = threshold.max_failing === undefined || measured.failing <= threshold.max_failing;
  const withinShare = threshold.max_failing_fraction === undefined || share <= threshold.max_failing_fraction;
  return {
    ...base,
    threshold,
    metric: measured.metric === undefined ? share : measured.metric,
    outcome: withinCount && withinShare ? "passed" : failedOutcome,
  };
}
