import { createHash, randomUUID } from "node:crypto";
import { constants } from "node:fs";
import { type FileHandle, open, readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { LivingLabError } from "../errors/problem.js";
import { readLogLines } from "./log-lines.js";
import { type LogLockOptions, withLogLock } from "./log-lock.js";
import { type LogRecord, logRecordSchema, type NewLogRecord } from "./log-record-schema.js";
import { maskFreeText } from "./mask-free-text.js";
import { type ChainPoint, isCompleteRecord, parseLogLine } from "./parse-log-line.js";
import { hashRecord, signedBytes } from "./record-hash.js";
import { CLOCK_TOLERANCE_MS, writtenAt } from "./record-time.js";
import { GENESIS_HASH, RUN_LOG_SCHEMA_VERSION, type RunRecord } from "./run-record-schema.js";

export const RUN_LOG_FILE = "runlog.jsonl";

/** A fresh run id, so outputs can name their run before it is appended. */
export function newRunId(): string {
  return randomUUID();
}

/** The path of an experiment's run log. */
export function runLogPath(experimentDir: string): string {
  return join(experimentDir, RUN_LOG_FILE);
}

/** Beside the log: the last record's place and hash, so records cut off the end are noticed. */
export function headPath(file: string): string {
  return `${file}.head`;
}

/** Beside the log: torn last lines that an append set aside, kept as evidence. */
export function tornPath(file: string): string {
  return `${file}.torn`;
}

/**
 * Reads every record of a log, of every kind, oldest first. A torn last line (a write cut off by
 * a crash) is not a record and is skipped; a last record that only lacks its newline is kept;
 * any other line that is not a valid record is an error.
 * @example const records = await readLogRecords(runLogPath(om.dir));
 */
export async function readLogRecords(file: string): Promise<LogRecord[]> {
  const records: LogRecord[] = [];
  for await (const record of streamLogRecords(file)) records.push(record);
  return records;
}

/**
 * The records of a log one at a time, streamed from disk, so a reader that keeps only what it
 * needs uses the same memory for a log of any length. A missing log has no records.
 * @example for await (const record of streamLogRecords(runLogPath(om.dir))) count++;
 */
export async function* streamLogRecords(file: string): AsyncGenerator<LogRecord> {
  let previous: ChainPoint | undefined;
  try {
    for await (const line of readLogLines(file)) {
      if (!line.terminated) {
        const whole = isCompleteRecord(line.text, previous);
        if (whole) yield whole;
        return;
      }
      const { record } = parseLogLine(line.text, false);
      if (!record) {
        throw new LivingLabError({
          code: "run_log_corrupt",
          message: `Regel ${line.number} van het logboek is geen geldig record.`,
          hint: "Het logboek mag niet met de hand worden aangepast; controleer het met 'livinglab log verify'.",
          file,
          line: line.number,
        });
      }
      previous = record;
      yield record;
    }
  } catch (error) {
    if ((error as { code?: unknown }).code !== "ENOENT") throw error;
  }
}

/**
 * Reads the finished runs of a log (records of type `run`), oldest first.
 * @example const runs = await readRunLog(runLogPath(om.dir));
 */
export async function readRunLog(file: string): Promise<RunRecord[]> {
  return (await readLogRecords(file)).filter((r): r is RunRecord => r.type === "run");
}

/**
 * Appends a record chained to the previous one, atomically and durably: under the log's
 * lock, as one write of one line, forced to disk before it returns.
 */
export async function appendRecord(
  file: string,
  record: NewLogRecord,
  options: AppendOptions = {},
): Promise<LogRecord> {
  return withLogLock(file, () => appendLocked(file, record, options.sign), options);
}

export interface AppendOptions extends LogLockOptions {
  /**
   * Signs the record once it has its place in the chain (so the signature binds its number and
   * the previous record's hash too); the armored signature is kept in `signature`.
   */
  sign?: (bytes: string) => Promise<string>;
}

async function appendLocked(file: string, record: NewLogRecord, sign: AppendOptions["sign"]): Promise<LogRecord> {
  const handle = await open(file, "a+");
  try {
    const tail = await readTail(handle, file);
    // A whole, sealed, chained record that only lacks its newline is kept: the newline is added.
    const whole = tail.torn.length > 0 ? isCompleteRecord(tail.torn.toString("utf8"), tail.last) : undefined;
    const last = whole ? { seq: whole.seq, hash: whole.hash } : tail.last;
    await refuseBehindHead(file, last);
    refuseOutOfTime(file, record, whole ? writtenAt(whole) : tail.written);
    const repair = whole ? "\n" : "";
    const setAside = tail.torn.length > 0 && !whole ? await setAsideTorn(file, handle, tail) : undefined;
    const unsealed = {
      schema: RUN_LOG_SCHEMA_VERSION,
      seq: (last?.seq ?? 0) + 1,
      ...maskFreeText(record),
      ...(setAside && { torn_tail_set_aside: setAside }),
      prev_hash: last?.hash ?? GENESIS_HASH,
    };
    const signed = sign ? { ...unsealed, signature: await sign(signedBytes(unsealed)) } : unsealed;
    const sealed = { ...signed, hash: hashRecord(signed) } as LogRecord;
    // A record that readers would refuse must never reach the append-only file: that is our bug.
    const checked = logRecordSchema.safeParse(sealed);
    if (!checked.success) throw new Error(`Ongeldig ${record.type}-record niet toegevoegd: ${checked.error.message}`);
    await writeAll(handle, Buffer.from(`${repair}${JSON.stringify(sealed)}\n`));
    await handle.sync();
    if (tail.size === 0) await syncDir(dirname(file));
    await writeHead(file, sealed);
    return sealed;
  } finally {
    await handle.close();
  }
}

/**
 * The head never runs ahead of the log (it is written after the record is on disk), so a head
 * that knows a later record, or another hash for the last one, means records were cut off or
 * replaced. Appending then would reuse their numbers and overwrite the evidence: refused.
 */
async function refuseBehindHead(file: string, last: ChainPoint | undefined): Promise<void> {
  const head = await readHead(file);
  if (!head) return;
  const cut = head.seq > (last?.seq ?? 0);
  if (!cut && !(head.seq === last?.seq && head.hash !== last.hash)) return;
  throw new LivingLabError({
    code: "run_log_truncated",
    message: cut
      ? `Het logboek eindigt bij record ${last?.seq ?? 0}, maar het anker kent record ${head.seq}: er zijn records weggehaald. Er kan niets worden toegevoegd.`
      : `Het laatste record (${head.seq}) is vervangen: het anker kent een andere hash. Er kan niets worden toegevoegd.`,
    hint: "Controleer het logboek met 'livinglab log verify' en zet de weggehaalde records terug (uit git of een back-up).",
    file,
  });
}

/**
 * A log only moves forward in time: a record dated before the last one (beyond the tolerance
 * for parallel appends), or after now, would be a finding of `log verify` the moment it is
 * written. The record's time comes from this machine's clock, so the clock is what is wrong.
 */
function refuseOutOfTime(file: string, record: NewLogRecord, previous: string | undefined): void {
  const written = writtenAt(record);
  if (written === undefined) return;
  const ms = Date.parse(written);
  const now = Date.now();
  if (ms > now + CLOCK_TOLERANCE_MS || Number.isNaN(ms)) {
    throw new LivingLabError({
      code: "record_in_future",
      message: `Dit record wordt niet toegevoegd: het is gedateerd op ${written}, later dan nu (${new Date(now).toISOString()}).`,
      hint: "Een record krijgt de tijd waarop het wordt geschreven. Controleer de klok van deze computer.",
      file,
    });
  }
  if (previous !== undefined && ms < Date.parse(previous) - CLOCK_TOLERANCE_MS) {
    throw new LivingLabError({
      code: "record_before_last",
      message: `Dit record wordt niet toegevoegd: het is gedateerd op ${written}, eerder dan het laatste record van het logboek (${previous}). Een logboek loopt alleen vooruit in de tijd.`,
      hint: "Controleer de klok van deze computer. Staat die goed, dan is het laatste record vooruit gedateerd: kijk met 'livinglab log verify'.",
      file,
    });
  }
}

/** The head anchor's place and hash, or undefined when it is missing or unreadable. */
export async function readHead(file: string): Promise<ChainPoint | undefined> {
  try {
    const value = JSON.parse(await readFile(headPath(file), "utf8")) as { seq?: unknown; hash?: unknown };
    return typeof value.seq === "number" && typeof value.hash === "string"
      ? { seq: value.seq, hash: value.hash }
      : undefined;
  } catch {
    return undefined;
  }
}

interface Tail {
  size: number;
  /** The last newline-ended record's place and hash. */
  last?: ChainPoint;
  /** When that record was written (see `writtenAt`). */
  written?: string;
  /** Bytes after the last newline: a torn write, or a whole record missing its newline. */
  torn: Buffer;
}

/** Reads only the end of the log, so an append costs the same on a log of any length. */
async function readTail(handle: FileHandle, file: string): Promise<Tail> {
  const { size } = await handle.stat();
  for (let window = 16 * 1024; ; window *= 4) {
    const start = Math.max(0, size - window);
    const buffer = Buffer.alloc(size - start);
    await handle.read(buffer, 0, buffer.length, start);
    const lastNewline = buffer.lastIndexOf(10);
    const torn = buffer.subarray(lastNewline + 1);
    if (lastNewline < 0 && start === 0) return { size, torn: Buffer.from(torn) };
    const lineStart = lastNewline < 0 ? -1 : buffer.lastIndexOf(10, lastNewline - 1);
    if (lineStart < 0 && start > 0) continue;
    const line = buffer.subarray(lineStart + 1, lastNewline).toString("utf8");
    const value = parseJson(line) as { seq?: unknown; hash?: unknown; type?: unknown; at?: unknown } | undefined;
    if (typeof value?.seq !== "number" || typeof value.hash !== "string") {
      throw new LivingLabError({
        code: "run_log_corrupt",
        message: "Het laatste record van het logboek is onleesbaar; er kan niets aan worden toegevoegd.",
        hint: "Controleer het logboek met 'livinglab log verify' en meld het aan de beheerder.",
        file,
      });
    }
    const written =
      typeof value.type === "string" && typeof value.at === "string"
        ? writtenAt(value as { type: string; at: string; ended_at?: string })
        : undefined;
    return { size, last: { seq: value.seq, hash: value.hash }, ...(written && { written }), torn: Buffer.from(torn) };
  }
}

/** Moves a torn last line to `<log>.torn` and cuts it off, so the next record starts on its own line. */
async function setAsideTorn(file: string, handle: FileHandle, tail: Tail) {
  const sha256 = createHash("sha256").update(tail.torn).digest("hex");
  // The evidence is on disk before the torn bytes leave the log.
  const evidence = await open(tornPath(file), "a");
  try {
    await evidence.write(`${new Date().toISOString()} ${tail.torn.length} ${tail.torn.toString("base64")}\n`);
    await evidence.sync();
  } finally {
    await evidence.close();
  }
  await handle.truncate(tail.size - tail.torn.length);
  await handle.sync();
  return { bytes: tail.torn.length, sha256 };
}

async function writeAll(handle: FileHandle, buffer: Buffer): Promise<void> {
  let offset = 0;
  while (offset < buffer.length) {
    const { bytesWritten } = await handle.write(buffer, offset, buffer.length - offset);
    offset += bytesWritten;
  }
}

const HEAD_SIZE = 160;

/**
 * The head is a hint, not the record: overwritten in place with a fixed-size line, so there is
 * no rename or truncate (on ext4 those force a flush and cost as much as the append itself).
 * It is not synced: after a crash it may lag behind, which verify accepts; it never runs ahead.
 */
async function writeHead(file: string, record: LogRecord): Promise<void> {
  const text = JSON.stringify({ schema: RUN_LOG_SCHEMA_VERSION, seq: record.seq, hash: record.hash });
  const handle = await open(headPath(file), constants.O_RDWR | constants.O_CREAT, 0o644);
  try {
    await handle.write(Buffer.from(`${text.padEnd(HEAD_SIZE - 1, " ")}\n`), 0, HEAD_SIZE, 0);
  } finally {
    await handle.close();
  }
}

async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}
