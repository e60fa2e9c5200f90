import { createHash } from "node:crypto";

/**
 * SHA-256 over the record's canonical JSON (keys sorted, no whitespace), without its own
 * `hash`. Canonical, so a reader that re-serialises the record gets the same bytes.
 */
export function hashRecord(record: Record<string, unknown>): string {
  const { hash: _own, ...rest } = record;
  return createHash("sha256").update(canonicalJson(rest)).digest("hex");
}

/** Quoted keys with their colon, reused: records share a few dozen keys. Bounded, since keys come from data too. */
const quotedKeys = new Map<string, string>();

function quotedKey(key: string): string {
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) {
    quoted = `${JSON.stringify(key)}:`;
    if (quotedKeys.size < 4096) quotedKeys.set(key, quoted);
  }
  return quoted;
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
  // Plain loops, one sort and reused keys: verifying 100,000 records spends most of its time here.
  const keys = Object.keys(object).sort();
  let out = "{";
  let separator = "";
  for (const key of keys) {
    const member = object[key];
    if (member === undefined) continue;
    out += separator + quotedKey(key) + (typeof member === "string" ? JSON.stringify(member) : canonicalJson(member));
    separator = ",";
  }
  return `${out}}`;
}
