import type { CheckResultRead } from "../checks/check-results-format.js";
import { countedWords } from "../checks/metric-unit.js";
import { formatCount, formatCountOf, MIN_CELL_SIZE } from "./html.js";

/**
 * "12 van 5.000 rijen", "1 van 11 groepen", or "–" for a check that counts nothing (drift);
 * counts below `minCellSize` as "< 5", and "> 995 van 1.000 rijen" where only a few rows are
 * left over (0 shows every count, for the data scientist's own view).
 */
export function failingText(
  check: Pick<CheckResultRead, "counted" | "failing_count" | "row_count">,
  minCellSize = MIN_CELL_SIZE,
): string {
  if (check.counted === "nothing") return "–";
  const count = (n: number) => formatCount(n, minCellSize);
  // Of rows, also a count that leaves fewer than five over: "997 van 1.000" would give away 3.
  const failing =
    check.counted === "rows"
      ? formatCountOf(check.failing_count, check.row_count, minCellSize)
      : count(check.failing_count);
  return `${failing} van ${count(check.row_count)} ${countedWords[check.counted].many}`;
}
