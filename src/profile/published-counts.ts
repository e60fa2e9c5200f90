import { MIN_CELL_SIZE } from "../report/html.js";

/** A value with how many rows hold it; null where that count may not be shown. */
export interface ValueCount {
  value: string;
  count: number | null;
}

function isSmall(count: number): boolean {
  return count > 0 && count < MIN_CELL_SIZE;
}

/**
 * A count of rows out of `total` when it may be shown: not below the minimum cell size (unless
 * `smallIsFine`, for counts that are not of rows), and not so close to `total` that the rest is.
 */
export function publishedTotal(
  count: number,
  total: number,
  options: { smallIsFine?: boolean } = {},
): number | undefined {
  if (!options.smallIsFine && isSmall(count)) return undefined;
  if (isSmall(total - count)) return undefined;
  return count;
}

/** `count` out of `total` as a share, or null when that would give a suppressed count away. */
export function publishedShare(count: number, total: number): number | null {
  if (total === 0 || isSmall(total) || publishedTotal(count, total) === undefined) return null;
  return count / total;
}

/**
 * Parts of a whole (values or shapes, each already in at least five rows) with their counts,
 * unless the rows left out add up to a small count, or the whole itself may not be shown:
 * then the counts of all parts are left out, since subtracting them would give it away.
 */
export function publishedParts(
  parts: ReadonlyArray<{ value: string; count: number }>,
  whole: number,
  wholeIsShown: boolean,
): ValueCount[] {
  const rest = whole - parts.reduce((sum, p) => sum + p.count, 0);
  const countsShown = wholeIsShown && !isSmall(rest);
  return parts.map((p) => ({ value: p.value, count: countsShown ? p.count : null }));
}
