import { LivingLabError, type Problem } from "../errors/problem.js";
import { type GovernanceState, runApproval } from "../governance/governance-state.js";

declare const approved: unique symbol;

/** Proof that the summary of one run may be marked final; only approveFinalSummary makes one. */
export interface FinalApproval {
  readonly [approved]: true;
  /** The run whose summary this approves. */
  readonly run: string;
  readonly reviewer: string;
  readonly at: string;
  /** The approving review, by id. */
  readonly review: string;
}

export interface FinalSummaryGateInput {
  governance: GovernanceState;
  /** The run whose results the summary shows. */
  run: string;
}

/**
 * Why the summary of a run may not be marked final (empty when it may): it needs an approving
 * review in force of exactly that run, by someone other than its maker and the experiment's
 * author, on this version of the experiment. An approval of the plan does not make results final.
 */
export function finalSummaryGateProblems(input: FinalSummaryGateInput): Problem[] {
  if (runApproval(input.governance, input.run)) return [];
  const author = input.governance.experiment.author;
  const earlier = input.governance.reviews.filter((r) => r.run === input.run && r.verdict === "goedgekeurd").at(-1);
  return [
    {
      code: "gate_final_unreviewed",
      message: `De samenvatting van run ${input.run.slice(0, 8)} kan niet definitief worden: niemand anders dan de auteur (${author}) heeft die run goedgekeurd.${earlier?.void ? ` De goedkeuring van ${earlier.reviewer.replace(/\s*<[^>]*>/, "")} telt niet: ${earlier.void}` : ""}`,
      hint: "Laat een collega de run reviewen met 'livinglab review <experiment> --run <run> --verdict goedgekeurd'; tot dan blijft de samenvatting een concept.",
    },
  ];
}

/**
 * The third gate: a summary is marked final for business owners only after an approving
 * review of the run it summarises. Returns the approval the summary page shows, or throws.
 * @example const approval = approveFinalSummary({ governance: (await gateInputFor(om)).governance, run: runId });
 */
export function approveFinalSummary(input: FinalSummaryGateInput): FinalApproval {
  const problems = finalSummaryGateProblems(input);
  const review = runApproval(input.governance, input.run);
  if (problems.length > 0 || !review) throw new LivingLabError(problems);
  return { run: input.run, reviewer: review.reviewer, at: review.at, review: review.id } as FinalApproval;
}
