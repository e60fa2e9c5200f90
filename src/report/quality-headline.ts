import { type Dimension, dimensions } from "../checks/check-definition.js";
import { type Outcome, overallOutcome } from "../checks/check-result.js";
import type { CheckResultRead } from "../checks/check-results-format.js";
import { publishableMetric, unitWords } from "../checks/metric-unit.js";

/** What a headline needs of a check; results of every format have it. */
export type HeadlineCheck = Pick<
  CheckResultRead,
  "id" | "dimension" | "outcome" | "metric" | "unit" | "counted" | "failing_count" | "description" | "finding"
>;

/** Where one quality dimension stands: how many checks are within their margin, and the worst one. */
export interface DimensionSummary<C extends HeadlineCheck = HeadlineCheck> {
  dimension: Dimension;
  outcome: Outcome;
  checks: number;
  /** Checks within their allowed margin (passed). */
  within: number;
  /** Checks outside their margin (failed or warned). */
  outside: number;
  notEvaluated: number;
  /** The check furthest outside its margin, when one is. */
  worst?: C;
  /** In words, small counts suppressed: "3 van 5 controles binnen de marge; het slechtst: bij 62,0% ...". */
  headline: string;
}

const outsideRank: Partial<Record<Outcome, number>> = { failed: 0, warned: 1 };

/**
 * The checks outside their margin, the worst first: failed before warned, and among those the
 * largest share of failing rows first (only shares compare across checks); checks of other
 * units follow in suite order.
 */
export function worstFirst<C extends HeadlineCheck>(checks: readonly C[]): C[] {
  const share = (c: C) => (unitWords[c.unit].comparable && c.metric !== null ? c.metric : -1);
  return checks
    .filter((c) => outsideRank[c.outcome] !== undefined)
    .map((check, order) => ({ check, order }))
    .sort(
      (a, b) =>
        (outsideRank[a.check.outcome] ?? 0) - (outsideRank[b.check.outcome] ?? 0) ||
        share(b.check) - share(a.check) ||
        a.order - b.order,
    )
    .map(({ check }) => check);
}

/** The check furthest outside its margin, if any (see `worstFirst`). */
export function worstCheck<C extends HeadlineCheck>(checks: readonly C[]): C | undefined {
  return worstFirst(checks)[0];
}

/**
 * What a check found, in words, small counts suppressed. Results written before findings were
 * recorded fall back on the check's own description and its measurement.
 * @example findingText(check) // "bij 62,0% van de rijen in zaken ontbreekt afdoening"
 */
export function findingText(check: HeadlineCheck): string {
  if (check.finding) return check.finding;
  return `„${check.description.replace(/\.$/, "")}” klopt niet (gemeten: ${publishableMetric(check)})`;
}

/** "3 van 5 controles binnen de marge, 1 niet beoordeeld; het slechtst: ..." */
export function headlineOf(summary: Omit<DimensionSummary, "headline" | "dimension" | "outcome">): string {
  const checks = summary.checks === 1 ? "controle" : "controles";
  const counted = `${summary.within} van ${summary.checks} ${checks} binnen de marge`;
  const unjudged = summary.notEvaluated > 0 ? `, ${summary.notEvaluated} niet beoordeeld` : "";
  const worst = summary.worst ? `; het slechtst: ${findingText(summary.worst)}` : "";
  return `${counted}${unjudged}${worst}`;
}

/**
 * The headline of every quality dimension that has checks, in the NORA order. It never
 * averages metrics: it counts checks within their margin and names the worst one in words.
 * @example summarizeDimensions(run.result.checks)[0].headline
 */
export function summarizeDimensions<C extends HeadlineCheck>(checks: readonly C[]): DimensionSummary<C>[] {
  return dimensions.flatMap((dimension) => {
    const own = checks.filter((c) => c.dimension === dimension);
    if (own.length === 0) return [];
    const worst = worstCheck(own);
    const counts = {
      checks: own.length,
      within: own.filter((c) => c.outcome === "passed").length,
      outside: own.filter((c) => c.outcome === "failed" || c.outcome === "warned").length,
      notEvaluated: own.filter((c) => c.outcome === "not_evaluated").length,
      ...(worst && { worst }),
    };
    return [{ dimension, outcome: overallOutcome(own), ...counts, headline: headlineOf(counts) }];
  });
}
