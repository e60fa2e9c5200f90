import type { CheckSummary } from "../runlog/run-record-schema.js";

/**
 * An error margin the experiment states in advance (`evaluatie.marges`, from datakwaliteit@1.2.0):
 * the largest share of failing rows still acceptable, for every check (`alle`), a quality
 * dimension, or one check by its id.
 */
export interface Margin {
  appliesTo: string;
  /** 0 to 1. */
  maxShare: number;
}

/** The margins in an experiment's `evaluatie.marges` table (percentages there, shares here). */
export function statedMargins(evaluatie: Record<string, unknown>): Margin[] {
  const rows = evaluatie.marges;
  if (!Array.isArray(rows)) return [];
  return rows.flatMap((row: unknown) => {
    if (row === null || typeof row !== "object") return [];
    const { geldt_voor, max_afwijkend } = row as Record<string, unknown>;
    if (typeof geldt_voor !== "string" || typeof max_afwijkend !== "number") return [];
    return [{ appliesTo: geldt_voor.trim(), maxShare: max_afwijkend / 100 }];
  });
}

/** The margin that applies to a check: its own, else its dimension's, else the one for `alle`. */
export function marginFor(
  check: Pick<CheckSummary, "id" | "dimension">,
  margins: readonly Margin[],
): Margin | undefined {
  return (
    margins.find((m) => m.appliesTo === check.id) ??
    margins.find((m) => m.appliesTo === check.dimension) ??
    margins.find((m) => m.appliesTo === "alle")
  );
}

/** One check of a run held against the margins stated in advance. */
export interface CheckAgainstMargin {
  check: CheckSummary;
  margin?: Margin;
  /** Null when the check could not be evaluated. */
  within: boolean | null;
}

/**
 * Every check of a run against the margins stated in advance: a check that counts rows is
 * within when its failing share is at most the margin that applies to it; any other check
 * (or one without a margin) when it passed its own threshold in the suite.
 * @example checksAgainstMargins(run.checks ?? [], statedMargins(om.experiment.evaluatie))
 */
export function checksAgainstMargins(
  checks: readonly CheckSummary[],
  margins: readonly Margin[],
): CheckAgainstMargin[] {
  return checks.map((check) => {
    const margin = marginFor(check, margins);
    if (check.outcome === "not_evaluated") return { check, ...(margin && { margin }), within: null };
    const within =
      margin !== undefined && check.share_of_rows !== null
        ? check.share_of_rows <= margin.maxShare
        : check.outcome === "passed";
    return { check, ...(margin && { margin }), within };
  });
}
