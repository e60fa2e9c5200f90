import type { CheckResult, SuiteResult } from "../checks/check-result.js";
import { countsRows } from "../checks/counts-rows.js";
import { maskPersonalData } from "../personal-data/mask-personal-data.js";
import { isNearlyAll, MIN_CELL_SIZE } from "./html.js";

/** A count as it may be published: the number, or what may be said instead ("< 5", "> 995"). */
export type PublishedCount = number | string;

/** One check's result as written to a file others read. */
export type PublishedCheck = Omit<CheckResult, "failing_count" | "row_count"> & {
  failing_count: PublishedCount;
  row_count: PublishedCount;
};

/** A suite's results as written to a file others read. */
export type PublishedResults = Omit<SuiteResult, "checks"> & { min_cell_size: number; checks: PublishedCheck[] };

const below = `< ${MIN_CELL_SIZE}`;

/**
 * The results as files for others may hold them: failing-row keys masked, and for a count of
 * rows below the minimum cell size (or one that leaves fewer than that over) the bound instead
 * of the count, no share that would give it away, and no keys that would count it.
 * @example await writeFile("resultaten.json", JSON.stringify(publishResults(result)));
 */
export function publishResults(result: SuiteResult): PublishedResults {
  return { ...result, min_cell_size: MIN_CELL_SIZE, checks: result.checks.map(publishCheck) };
}

function publishCheck(check: CheckResult): PublishedCheck {
  const sample = check.sample.map(maskPersonalData);
  if (!countsRows(check)) return { ...check, sample };
  const { failing_count: failing, row_count: rows } = check;
  const fewRows = isSmall(rows);
  const fewFailing = isSmall(failing) || (fewRows && failing > 0);
  const nearlyAll = !fewRows && isNearlyAll(failing, rows);
  if (!fewRows && !fewFailing && !nearlyAll) return { ...check, sample };
  return {
    ...check,
    row_count: fewRows ? below : rows,
    failing_count: fewFailing ? below : nearlyAll ? `> ${rows - MIN_CELL_SIZE}` : failing,
    metric: failing === 0 ? check.metric : null,
    sample: fewFailing ? [] : sample,
  };
}

function isSmall(count: number): boolean {
  return count > 0 && count < MIN_CELL_SIZE;
}
