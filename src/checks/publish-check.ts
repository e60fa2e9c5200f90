import { z } from "zod";
import { maskPersonalData } from "../personal-data/mask-personal-data.js";
import { isNearlyAll, isSuppressed, MIN_CELL_SIZE } from "../report/html.js";
import type { CheckResult } from "./check-results-format.js";

/**
 * A count as a file for others may hold it: the number, or what a reader may know instead, "< 5"
 * for a count below the minimum cell size and "> 995" for one that leaves fewer than five over.
 */
export const publishedCountSchema = z.union([z.number().int().min(0), z.string().regex(/^[<>] [0-9]+$/)]);
export type PublishedCount = z.infer<typeof publishedCountSchema>;

/** A check result as a file for others holds it. */
export type PublishedCheck = Omit<CheckResult, "failing_count" | "row_count"> & {
  failing_count: PublishedCount;
  row_count: PublishedCount;
};

const below = `< ${MIN_CELL_SIZE}`;

/**
 * A check result as others may read it: failing keys masked, and where rows are counted, no
 * count of one to four rows, nor one that leaves one to four over, nor the share or the keys
 * that would give such a count away. Groups (which are not people) are left as they are.
 * @example publishCheck({ ...result, failing_count: 3, row_count: 1000 }).failing_count // "< 5"
 */
export function publishCheck(check: CheckResult): PublishedCheck {
  const sample = check.sample.map(maskPersonalData);
  if (check.counted !== "rows") return { ...check, sample };
  const { failing_count: failing, row_count: rows } = check;
  const fewRows = isSuppressed(rows);
  const fewFailing = isSuppressed(failing) || (fewRows && failing > 0);
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

/**
 * The counts a reader works with for a published check: a bound stands in as a number inside
 * it (1 for "< 5", all rows but one for "> 995"), and a share left out as the share of those.
 * Everything shown goes through the same suppression, so the bound shows, never the stand-in.
 */
export function standInCounts(check: Pick<PublishedCheck, "failing_count" | "row_count" | "metric" | "unit">): {
  failing_count: number;
  row_count: number;
  metric: number | null;
} {
  const rows = typeof check.row_count === "number" ? check.row_count : MIN_CELL_SIZE - 1;
  if (typeof check.failing_count === "number" && typeof check.row_count === "number") {
    return { failing_count: check.failing_count, row_count: rows, metric: check.metric };
  }
  const failing =
    typeof check.failing_count === "number" ? check.failing_count : check.failing_count.startsWith(">") ? rows - 1 : 1;
  const metric = check.metric ?? (check.unit === "share" && rows > 0 ? failing / rows : null);
  return { failing_count: failing, row_count: rows, metric };
}
