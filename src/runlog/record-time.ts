/**
 * How far a record's time may lie before the one before it, or after now. Appends wait for the
 * log's lock after they took their time, so parallel runs land a moment out of order; and
 * machines' clocks differ a little.
 */
export const CLOCK_TOLERANCE_MS = 5 * 60_000;

/**
 * When a record was written: a finished run's end (its `at` is when it started), else its `at`.
 * Undefined for a run recorded without its end (older logs): its start says nothing about order.
 */
export function writtenAt(record: { type: string; at: string; ended_at?: string }): string | undefined {
  return record.type === "run" ? record.ended_at : record.at;
}
