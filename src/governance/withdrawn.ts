import type { Correction } from "../runlog/governance-schema.js";
import type { LogRecord } from "../runlog/log-record-schema.js";

/**
 * The records withdrawn by a correction, by id, with the correction that withdrew each. A
 * correction that is itself withdrawn (a correction of a correction) withdraws nothing.
 * @example withdrawnRecords(records).has(review.id) // true once someone corrected the review
 */
export function withdrawnRecords(records: readonly LogRecord[]): Map<string, Correction> {
  const corrections = records.filter((r): r is Correction => r.type === "correction");
  const memo = new Map<string, Correction | undefined>();
  const by = (id: string): Correction | undefined => {
    if (memo.has(id)) return memo.get(id);
    // Corrections only refer to earlier records, so this recursion always ends.
    memo.set(id, undefined);
    const found = corrections.filter((c) => c.refers_to.id === id && by(c.id) === undefined).at(-1);
    memo.set(id, found);
    return found;
  };
  const withdrawn = new Map<string, Correction>();
  for (const record of records) {
    const correction = by(record.id);
    if (correction) withdrawn.set(record.id, correction);
  }
  return withdrawn;
}
