import { maskPersonalData } from "../personal-data/mask-personal-data.js";

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value)
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
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

/** The share of failing rows, unless their count is suppressed: then the share would give the count away. */
export function formatFailingShare(failingCount: number, share: number | null, minCellSize = MIN_CELL_SIZE): string {
  return isSuppressed(failingCount, minCellSize) ? "klein aandeel" : formatShare(share);
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
