import { LivingLabError, type Problem } from "../errors/problem.js";
import { independentReviews, type Review } from "./review.js";

declare const approved: unique symbol;

/** Proof that a summary may be marked final; only approveFinalSummary makes one. */
export interface FinalApproval {
  readonly [approved]: true;
  readonly reviewer: string;
  readonly at: string;
}

export interface FinalSummaryGateInput {
  author: string;
  reviews: readonly Review[];
  experimentSha256?: string;
}

/** Why a summary may not be marked final (empty when it may). */
export function finalSummaryGateProblems(input: FinalSummaryGateInput): Problem[] {
  if (independentReviews(input.reviews, input.author, input.experimentSha256).length > 0) return [];
  return [
    {
      code: "gate_final_unreviewed",
      message: `De samenvatting kan niet definitief worden: niemand anders dan de auteur (${input.author}) heeft het experiment gereviewd.`,
      hint: "Laat een collega het experiment reviewen; tot dan blijft de samenvatting een concept.",
    },
  ];
}

/**
 * The third gate: a summary is marked final for business owners only after a review by
 * someone other than the author. Returns the approval the summary page shows, or throws.
 * @example const approval = approveFinalSummary({ author: om.experiment.auteur, reviews });
 */
export function approveFinalSummary(input: FinalSummaryGateInput): FinalApproval {
  const problems = finalSummaryGateProblems(input);
  const latest = independentReviews(input.reviews, input.author, input.experimentSha256).at(-1);
  if (problems.length > 0 || !latest) throw new LivingLabError(problems);
  return { reviewer: latest.reviewer, at: latest.at } as FinalApproval;
}
