import { isLivingLabError, type Problem } from "../../errors/problem.js";
import { readReviews } from "../../gates/read-reviews.js";
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
    const file = runLogPath(experimentDir);
    const records = await readRunLog(file);
    const reviews = (await readReviews(file)).map((r) => ({
      who: r.reviewer,
      at: r.at,
      ...(r.experiment_sha256 ? { experimentSha256: r.experiment_sha256 } : {}),
    }));
    return { runs: records.filter((r) => r.type === "run"), reviews, problems: [] };
  } catch (error) {
    if (!isLivingLabError(error)) throw error;
    return { runs: [], reviews: [], problems: [...error.problems] };
  }
}
