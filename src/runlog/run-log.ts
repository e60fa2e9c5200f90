import { createHash, randomUUID } from "node:crypto";
import { constants } from "node:fs";
import { type FileHandle, open, readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { LivingLabError } from "../errors/problem.js";
import { type LogLockOptions, withLogLock } from "./log-lock.js";
import { type LogRecord, logRecordSchema, type NewLogRecord } from "./log-record-schema.js";
import { maskFreeText } from "./mask-free-text.js";
import { hashRecord } from "./record-hash.js";
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
 * Reads every record of a log, of every kind. A torn last line (a write cut off by a crash)
 * is not a record and is skipped; any other line that is not a valid record is an error.
 * @example const records = await readLogRecords(runLogPath(om.dir));
 */
export async function readLogRecords(file: string): Promise<LogRecord[]> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    return [];
  }
  const lines = text.split("\n");
  lines.pop(); // after the last newline: empty, or a torn line
  return lines.map((line, index) => {
    const parsed = logRecordSchema.safeParse(parseJson(line));
    if (!parsed.success) {
      throw new LivingLabError({
        code: "run_log_corrupt",
        message: `Regel ${index + 1} van het logboek is geen geldig record.`,
        hint: "Het logboek mag niet met de hand worden aangepast; controleer het met 'livinglab log verify'.",
        file,
        line: index + 1,
      });
    }
    return parsed.data;
  });
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
  options: LogLockOptions = {},
): Promise<LogRecord> {
  return withLogLock(file, () => appendLocked(file, record), options);
}

async function appendLocked(file: string, record: NewLogRecord): Promise<LogRecord> {
  const handle = await open(file, "a+");
  try {
    const tail = await readTail(handle, file);
    const setAside = tail.torn.length > 0 ? await setAsideTorn(file, handle, tail) : undefined;
    const unsealed = {
      schema: RUN_LOG_SCHEMA_VERSION,
      seq: (tail.last?.seq ?? 0) + 1,
      ...maskFreeText(record),
      ...(setAside && { torn_tail_set_aside: setAside }),
      prev_hash: tail.last?.hash ?? GENESIS_HASH,
    };
    const sealed = { ...unsealed, hash: hashRecord(unsealed) } as LogRecord;
    await writeAll(handle, Buffer.from(`${JSON.stringify(sealed)}\n`));
    await handle.sync();
    if (tail.size === 0) await syncDir(dirname(file));
    await writeHead(file, sealed);
    return sealed;
  } finally {
    await handle.close();
  }
}

interface Tail {
  size: number;
  /** The last complete record's place and hash. */
  last?: { seq: number; hash: string };
  /** Bytes after the last newline: a torn write. */
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
    if (lastNewline < 0 && start === 0) return { size, torn };
    const lineStart = lastNewline < 0 ? -1 : buffer.lastIndexOf(10, lastNewline - 1);
    if (lineStart < 0 && start > 0) continue;
    const line = buffer.subarray(lineStart + 1, lastNewline).toString("utf8");
    const value = parseJson(line) as { seq?: unknown; hash?: unknown } | undefined;
    if (typeof value?.seq !== "number" || typeof value.hash !== "string") {
      throw new LivingLabError({
        code: "run_log_corrupt",
        message: "Het laatste record van het logboek is onleesbaar; er kan niets aan worden toegevoegd.",
        hint: "Controleer het logboek met 'livinglab log verify' en meld het aan de beheerder.",
        file,
      });
    }
    return { size, last: { seq: value.seq, hash: value.hash }, torn: Buffer.from(torn) };
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
