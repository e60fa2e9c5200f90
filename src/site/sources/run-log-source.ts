import { isLivingLabError, type Problem } from "../../errors/problem.js";
import { readLogRecords, runLogPath } from "../../runlog/run-log.js";
import type { RunRecord } from "../../runlog/run-record-schema.js";
import type { PublicationView, ReviewView } from "../lab-view.js";

export interface RunLogContents {
  runs: RunRecord[];
  reviews: ReviewView[];
  publications: PublicationView[];
  problems: Problem[];
}

/** The finished runs and the governance events (reviews, published summaries) of one experiment's run log, oldest first. */
export async function readRunLogContents(experimentDir: string): Promise<RunLogContents> {
  const contents: RunLogContents = { runs: [], reviews: [], publications: [], problems: [] };
  try {
    for (const record of await readLogRecords(runLogPath(experimentDir))) {
      if (record.type === "run") contents.runs.push(record);
      if (record.type === "review_given") {
        contents.reviews.push({
          who: record.who.name,
          at: record.at,
          verdict: record.verdict,
          note: record.toelichting,
          experimentSha256: record.experiment.file_sha256,
          ...(record.run ? { runId: record.run } : {}),
        });
      }
      if (record.type === "summary_published") {
        contents.publications.push({ who: record.who.name, at: record.at, to: record.aan, file: record.file.name });
      }
    }
  } catch (error) {
    if (!isLivingLabError(error)) throw error;
    contents.problems.push(...error.problems);
  }
  return contents;
}
