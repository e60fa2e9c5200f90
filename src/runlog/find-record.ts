import { LivingLabError } from "../errors/problem.js";
import { readLogLinesBackward } from "./log-lines.js";
import type { LogRecord } from "./log-record-schema.js";
import { parseLogLine } from "./parse-log-line.js";
import { streamLogRecords } from "./run-log.js";
import type { RunRecord } from "./run-record-schema.js";

/** Finds a record by its number in the log, its id, or a unique start of its id (8 characters or more). */
export function findRecord(records: readonly LogRecord[], ref: string): LogRecord {
  const bySeq = /^\d+$/.test(ref) ? records.find((r) => r.seq === Number(ref)) : undefined;
  const byId = records.filter((r) => r.id === ref || (ref.length >= 8 && r.id.startsWith(ref)));
  // A run has two records with one id; its end record stands for it.
  const ids = new Set(byId.map((r) => r.id));
  const found = bySeq ?? (ids.size === 1 ? (byId.find((r) => r.type === "run") ?? byId.at(-1)) : undefined);
  if (!found) {
    throw new LivingLabError({
      code: "record_not_found",
      message: ids.size > 1 ? `'${ref}' past bij meer dan één record.` : `Er is geen record '${ref}' in dit logboek.`,
      hint: "Zoek het nummer of id op met 'livinglab log <experiment>'.",
    });
  }
  return found;
}

export function findRun(records: readonly LogRecord[], ref: string): RunRecord {
  const found = findRecord(records, ref);
  if (!isRun(found)) {
    throw new LivingLabError({
      code: "run_not_finished",
      message: `Record '${ref}' is geen afgeronde run.`,
      hint: "Kies een run die klaar is; 'livinglab log <experiment>' toont welke.",
    });
  }
  return found;
}

export function isRun(record: LogRecord): record is RunRecord {
  return record.type === "run";
}

/**
 * Finds a record in a log file as `findRecord` does, with the records that belong to it (a run's
 * end, corrections that refer to it), in one streaming pass that keeps only those records.
 * @example const found = await findInLog(runLogPath(om.dir), "3b95b31f");
 */
export async function findInLog(
  file: string,
  ref: string,
): Promise<{ record: LogRecord; related: LogRecord[] } | undefined> {
  const bySeq = /^\d+$/.test(ref) ? Number(ref) : undefined;
  const candidates: LogRecord[] = [];
  const related: LogRecord[] = [];
  const ids = new Set<string>();
  for await (const r of streamLogRecords(file)) {
    if (r.seq === bySeq || r.id === ref || (ref.length >= 8 && r.id.startsWith(ref))) {
      candidates.push(r);
      ids.add(r.id);
    }
    // Everything that belongs to a record comes after it in the log.
    if (ids.has(r.id) || (r.type === "correction" && ids.has(r.refers_to.id))) related.push(r);
  }
  if (candidates.length === 0) return undefined;
  const record = findRecord(candidates, ref);
  return {
    record,
    related: related.filter((r) => r.id === record.id || (r.type === "correction" && r.refers_to.id === record.id)),
  };
}

/**
 * The last finished run of a log, read from the end of the file: it costs the same on a log of any length.
 * @example const run = await latestRun(runLogPath(om.dir));
 */
export async function latestRun(file: string): Promise<RunRecord | undefined> {
  try {
    for await (const line of readLogLinesBackward(file)) {
      const { record } = parseLogLine(line.text, !line.terminated);
      if (record && isRun(record)) return record;
    }
  } catch (error) {
    if ((error as { code?: unknown }).code !== "ENOENT") throw error;
  }
  return undefined;
}
