import { open, stat } from "node:fs/promises";
import { isLivingLabError, type Problem } from "../../errors/problem.js";
import { type LogRecord, logRecordSchema } from "../../runlog/log-record-schema.js";
import { readLogRecords, runLogPath } from "../../runlog/run-log.js";
import type { RunRecord } from "../../runlog/run-record-schema.js";

export interface RunLogContents {
  /** Every record, for the governance state. */
  records: LogRecord[];
  runs: RunRecord[];
  problems: Problem[];
}

/** The records and the finished runs of one experiment's run log, oldest first; a log that is not valid becomes problems. */
export async function readRunLogContents(experimentDir: string): Promise<RunLogContents> {
  return createRunLogReader(experimentDir).read();
}

/**
 * A reader of one run log that keeps what it read. The log only grows: when it has, and the
 * last record read is still where it was, only the new lines are read; anything else (a
 * shorter log, other bytes at the end) means the whole log is read again.
 */
export interface RunLogReader {
  read(): Promise<RunLogContents>;
  /** How many times the whole log was read, for tests and benchmarks. */
  readonly fullReads: number;
}

interface Position {
  /** Bytes up to and including the last complete line. */
  end: number;
  /** That last line, to see that it is still there. */
  lastLine: Buffer;
  lastHash: string | undefined;
  mtimeNs: bigint;
  size: bigint;
}

/** Creates the reader for an experiment folder's run log. */
export function createRunLogReader(experimentDir: string): RunLogReader {
  const file = runLogPath(experimentDir);
  let position: Position | undefined;
  let contents: RunLogContents = emptyContents();
  const reader = {
    fullReads: 0,
    async read(): Promise<RunLogContents> {
      const info = await stat(file, { bigint: true }).catch(() => undefined);
      if (!info) {
        position = undefined;
        contents = emptyContents();
        return contents;
      }
      if (position && info.size === position.size && info.mtimeNs === position.mtimeNs) return contents;
      const added = position && info.size > position.size ? await readAdded(file, position) : undefined;
      if (added) {
        position = { ...added.position, size: info.size, mtimeNs: info.mtimeNs };
        contents = withRecords(contents, added.records);
        return contents;
      }
      reader.fullReads++;
      contents = emptyContents();
      try {
        const records = await readLogRecords(file);
        contents = withRecords(contents, records);
        position = { ...(await positionAtEnd(file, records.at(-1)?.hash)), size: info.size, mtimeNs: info.mtimeNs };
      } catch (error) {
        if (!isLivingLabError(error)) throw error;
        contents.problems.push(...error.problems);
        position = undefined;
      }
      return contents;
    },
  };
  return reader;
}

function emptyContents(): RunLogContents {
  return { records: [], runs: [], problems: [] };
}

/** The contents with these records added (a new object: pages already rendered keep theirs). */
function withRecords(before: RunLogContents, records: readonly LogRecord[]): RunLogContents {
  return {
    records: [...before.records, ...records],
    runs: [...before.runs, ...records.filter((r): r is RunRecord => r.type === "run")],
    problems: [...before.problems],
  };
}

/**
 * The lines added since `position`, parsed, when the last line read before is still in place
 * and the first new record chains onto it; undefined when the log must be read whole.
 */
async function readAdded(
  file: string,
  position: Position,
): Promise<{ records: LogRecord[]; position: Omit<Position, "size" | "mtimeNs"> } | undefined> {
  const from = position.end - position.lastLine.length;
  const handle = await open(file, "r");
  let bytes: Buffer;
  try {
    const { size } = await handle.stat();
    bytes = Buffer.alloc(size - from);
    await handle.read(bytes, 0, bytes.length, from);
  } finally {
    await handle.close();
  }
  if (!bytes.subarray(0, position.lastLine.length).equals(position.lastLine)) return undefined;
  const end = bytes.lastIndexOf(10) + 1;
  if (end <= position.lastLine.length) return undefined;
  const lines = bytes.subarray(position.lastLine.length, end).toString("utf8").split("\n");
  lines.pop();
  const records: LogRecord[] = [];
  let prev = position.lastHash;
  for (const line of lines) {
    const parsed = logRecordSchema.safeParse(jsonOrNothing(line));
    if (!parsed.success || parsed.data.prev_hash !== (prev ?? parsed.data.prev_hash)) return undefined;
    records.push(parsed.data);
    prev = parsed.data.hash;
  }
  const lastStart = bytes.lastIndexOf(10, end - 2) + 1;
  return {
    records,
    position: { end: from + end, lastLine: Buffer.from(bytes.subarray(lastStart, end)), lastHash: prev },
  };
}

/** Where the last complete line of the log ends, and that line. */
async function positionAtEnd(file: string, lastHash: string | undefined): Promise<Omit<Position, "size" | "mtimeNs">> {
  const handle = await open(file, "r");
  try {
    const { size } = await handle.stat();
    for (let window = 64 * 1024; ; window *= 4) {
      const start = Math.max(0, size - window);
      const bytes = Buffer.alloc(size - start);
      await handle.read(bytes, 0, bytes.length, start);
      const end = bytes.lastIndexOf(10) + 1;
      const lastStart = end > 0 ? bytes.lastIndexOf(10, end - 2) + 1 : 0;
      if (end > 0 && (lastStart > 0 || start === 0)) {
        return { end: start + end, lastLine: Buffer.from(bytes.subarray(lastStart, end)), lastHash };
      }
      if (start === 0) return { end: 0, lastLine: Buffer.alloc(0), lastHash };
    }
  } finally {
    await handle.close();
  }
}

/** A line that is not JSON gives nothing, so the whole log is read and the line reported as the log's reader does. */
const jsonOrNothing = (line: string): unknown => {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
};
