import { isLivingLabError, type Problem } from "../../errors/problem.js";
import { readRunLog, runLogPath } from "../../runlog/run-log.js";
import type { RunRecord } from "../../runlog/run-record-schema.js";
import type { ReviewView } from "../lab-view.js";

export interface RunLogContents {
  runs: RunRecord[];
  reviews: ReviewView[];
  problems: Problem[];
}

/** The runs and governance events of one experiment's run log, oldest first. */
export async function readRunLogContents(experimentDir: string): Promise<RunLogContents> {
  try {
    const records = await readRunLog(runLogPath(experimentDir));
    return { runs: records.filter((r) => r.type === "run"), reviews: [], problems: [] };
  } catch (error) {
    if (!isLivingLabError(error)) throw error;
    return { runs: [], reviews: [], problems: [...error.problems] };
  }
}
