import { z } from "zod";
import { samePerson } from "../runlog/reviews.js";

/**
 * A review of an experiment by a person, as the gates need it. Reviews are governance
 * events in the run log (issue 6 records them); the gates only read them.
 */
export const reviewSchema = z.object({
  /** Who reviewed, as the tool knows people (git user.name or LIVINGLAB_USER). */
  reviewer: z.string().trim().min(1),
  /** When, as an ISO timestamp. */
  at: z.string().min(1),
  /** The experiment file the review saw; a review of another version does not count. */
  experiment_sha256: z.string().optional(),
});
export type Review = z.infer<typeof reviewSchema>;

/** Reviews by someone other than the author, of this version of the experiment file when known. */
export function independentReviews(reviews: readonly Review[], author: string, experimentSha256?: string): Review[] {
  return reviews
    .filter((r) => !samePerson(r.reviewer, author))
    .filter((r) => !experimentSha256 || !r.experiment_sha256 || r.experiment_sha256 === experimentSha256)
    .sort((a, b) => a.at.localeCompare(b.at));
}
