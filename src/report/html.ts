import { maskPersonalData } from "../personal-data/mask-personal-data.js";

const entities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for HTML element content and attribute values, in one pass. */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (char) => entities[char] ?? char);
}

/** Minimum cell size: counts below it are shown as "< 5" in anything for business owners. */
export const MIN_CELL_SIZE = 5;

/** A count as a business owner may see it: small counts suppressed, large ones grouped. */
export function formatCount(count: number, minCellSize = MIN_CELL_SIZE): string {
  if (count > 0 && count < minCellSize) return `< ${minCellSize}`;
  return count.toLocaleString("nl-NL");
}

/** True when a count must not be shown to business owners (between 1 and the minimum cell size). */
export function isSuppressed(count: number, minCellSize = MIN_CELL_SIZE): boolean {
  return count > 0 && count < minCellSize;
}

/**
 * A count out of `total` as anyone but the data scientist may see it: a small count as "< 5",
 * and one that leaves a small count over (997 of 1,000 gives away 3) as "> 995".
 * @example formatCountOf(997, 1000) // "> 995"
 */
export function formatCountOf(count: number, total: number, minCellSize = MIN_CELL_SIZE): string {
  if (isNearlyAll(count, total, minCellSize)) return `> ${(total - minCellSize).toLocaleString("nl-NL")}`;
  return formatCount(count, minCellSize);
}

/** True when a count out of `total` must not be shown: it is small, or what is left over is. */
export function isSuppressedOf(count: number, total: number, minCellSize = MIN_CELL_SIZE): boolean {
  return isSuppressed(count, minCellSize) || isNearlyAll(count, total, minCellSize);
}

/** True when a count is not small but leaves a small count over in `total`, which it would give away. */
export function isNearlyAll(count: number, total: number, minCellSize = MIN_CELL_SIZE): boolean {
  return !isSuppressed(count, minCellSize) && isSuppressed(total - count, minCellSize);
}

/**
 * The share of failing rows, unless it would give a suppressed count away: "een klein deel" for
 * a small count and, given the rows looked at, "het overgrote deel" when only a few are left over.
 */
export function formatFailingShare(
  failingCount: number,
  share: number | null,
  minCellSize = MIN_CELL_SIZE,
  total?: number,
): string {
  if (isSuppressed(failingCount, minCellSize)) return "een klein deel";
  if (total !== undefined && isNearlyAll(failingCount, total, minCellSize)) return "het overgrote deel";
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
