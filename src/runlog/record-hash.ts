import { createHash } from "node:crypto";

/**
 * SHA-256 over the record's canonical JSON (keys sorted, no whitespace), without its own
 * `hash`. Canonical, so a reader that re-serialises the record gets the same bytes.
 */
export function hashRecord(record: Record<string, unknown>): string {
  const { hash: _own, ...rest } = record;
  return createHash("sha256").update(canonicalJson(rest)).digest("hex");
}

/** JSON with object keys sorted at every level and undefined members left out. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}
