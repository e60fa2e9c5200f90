import { maskPersonalData } from "../personal-data/mask-personal-data.js";

const entities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for HTML element content and attribute values, in one pass. */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (char) => entities[char] ?? char);
}

/** Minimum cell size: counts below it are shown as "< 5" in anything for business owners. */
export const MIN_CELL_SIZE = 5;

/**
 * A count as anyone but the data scientist may see it: a small count as "< 5", and a count
 * whose complement in `total` is small (997 of 1,000 gives away 3) as "> 995".
 * @example formatCount(3) // "< 5"; formatCount(997, 1000) // "> 995"
 */
export function formatCount(count: number, total?: number, minCellSize = MIN_CELL_SIZE): string {
  if (isSmall(count, minCellSize)) return `< ${minCellSize}`;
  if (total !== undefined && isSmall(total - count, minCellSize))
    return `> ${(total - minCellSize).toLocaleString("nl-NL")}`;
  return count.toLocaleString("nl-NL");
}

/**
 * True when a count must not be shown: between 1 and the minimum cell size, or so close to
 * `total` that the difference is.
 */
export function isSuppressed(count: number, total?: number, minCellSize = MIN_CELL_SIZE): boolean {
  return isSmall(count, minCellSize) || (total !== undefined && isSmall(total - count, minCellSize));
}

/** True when the count of rows left over (`total` minus `count`) is small and must not be given away. */
export function isNearlyAll(count: number, total: number, minCellSize = MIN_CELL_SIZE): boolean {
  return !isSmall(count, minCellSize) && isSmall(total - count, minCellSize);
}

function isSmall(count: number, minCellSize: number): boolean {
  return count > 0 && count < minCellSize;
}

/**
 * The share of failing rows, unless it would give a suppressed count away: "klein aandeel"
 * for a small count, "vrijwel alle rijen" when only a few rows are left over.
 */
export function formatFailingShare(
  failingCount: number,
  share: number | null,
  total?: number,
  minCellSize = MIN_CELL_SIZE,
): string {
  if (isSmall(failingCount, minCellSize)) return "klein aandeel";
  if (total !== undefined && isSmall(total - failingCount, minCellSize)) return "vrijwel alle rijen";
  return formatShare(share);
}

/** A share (0 to 1) as a Dutch percentage with one decimal. */
export function formatShare(share: number | null): string {
  if (share === null) return "niet te bepalen";
  return `${(share * 100).toLocaleString("nl-NL", { maximumFractionDigits: 1, minimumFractionDigits: 1 })}%`;
}

/**
 * Text a person wrote (a justification, an answer, a name) as safe HTML: personal data
 * masked first, then escaped, so a `<script>` shows as text.
 */
export function userText(value: unknown): string {
  return escapeHtml(maskPersonalData(String(value)));
}
