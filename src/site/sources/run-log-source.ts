import { isLivingLabError, type Problem } from "../../errors/problem.js";
import type { LogRecord } from "../../runlog/log-record-schema.js";
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
  try {
    const records = await readLogRecords(runLogPath(experimentDir));
    return { records, runs: records.filter((r): r is RunRecord => r.type === "run"), problems: [] };
  } catch (error) {
    if (!isLivingLabError(error)) throw error;
    return { records: [], runs: [], problems: [...error.problems] };
  }
}
