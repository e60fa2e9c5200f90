import type { ReviewGiven } from "../runlog/governance-schema.js";
import { readLogRecords } from "../runlog/run-log.js";
import type { Review } from "./review.js";

/**
 * The approving reviews in an experiment's run log, as the gates need them: who approved,
 * when, and which version of the experiment file they saw. Reviews are recorded with
 * `livinglab review` (`giveReview`); a rejection does not open a gate. A missing log means
 * no reviews; a log that is not valid is a user-facing problem, never silently skipped.
 */
export async function readReviews(runLogFile: string): Promise<Review[]> {
  return (await readLogRecords(runLogFile))
    .filter((r): r is ReviewGiven => r.type === "review_given" && r.verdict === "goedgekeurd")
    .map((r) => ({ reviewer: r.who.name, at: r.at, experiment_sha256: r.experiment.file_sha256 }));
}
