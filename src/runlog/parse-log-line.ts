import { type LogRecord, logRecordSchema } from "./log-record-schema.js";
import { hashRecord } from "./record-hash.js";
import { GENESIS_HASH } from "./run-record-schema.js";

/** A line of a log read as a record: the record when it is one, and why not when it is not valid. */
export interface ParsedLine {
  record?: LogRecord;
  /** Dutch: why the line is not a valid sealed record. */
  invalid?: string;
}

/** A record's place in the chain: what the next record must follow. */
export interface ChainPoint {
  seq: number;
  hash: string;
}

/**
 * Reads one line as a record. With `checkHash`, a record whose content does not match its
 * stored hash comes back with `invalid` set (and the record, so a finding can name it).
 */
export function parseLogLine(text: string, checkHash: boolean): ParsedLine {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { invalid: "de regel is geen geldige JSON" };
  }
  const parsed = logRecordSchema.safeParse(value);
  if (!parsed.success) return { invalid: "de regel is geen geldig record" };
  if (checkHash && hashRecord(value as Record<string, unknown>) !== parsed.data.hash) {
    return { record: parsed.data, invalid: "de inhoud past niet bij de opgeslagen hash" };
  }
  return { record: parsed.data };
}

/** Whether `record` is the one that follows `previous` (or starts the log when there is none). */
export function followsOn(record: LogRecord, previous: ChainPoint | undefined): boolean {
  return record.prev_hash === (previous?.hash ?? GENESIS_HASH) && record.seq === (previous?.seq ?? 0) + 1;
}

/**
 * Whether the bytes after the last newline are a whole record whose newline is missing (an
 * editor or a tool dropped it), rather than a write cut off by a crash: such a record is
 * complete, sealed and chained on, so it is kept and only its newline is added.
 */
export function isCompleteRecord(text: string, previous: ChainPoint | undefined): LogRecord | undefined {
  const { record, invalid } = parseLogLine(text, true);
  return record && !invalid && followsOn(record, previous) ? record : undefined;
}
