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
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) {
    let out = "[";
    for (let i = 0; i < value.length; i++) out += (i > 0 ? "," : "") + canonicalJson(value[i]);
    return `${out}]`;
  }
  const object = value as Record<string, unknown>;
  // Plain loops and one sort: verifying 100,000 records spends most of its time here.
  const keys = Object.keys(object).sort();
  let out = "{";
  for (const key of keys) {
    const member = object[key];
    if (member === undefined) continue;
    out += `${out.length > 1 ? "," : ""}${JSON.stringify(key)}:${canonicalJson(member)}`;
  }
  return `${out}}`;
}
