import type { Problem } from "../errors/problem.js";
import { LivingLabError } from "../errors/problem.js";
import type { Experiment } from "../experiments/experiment-schema.js";
import { requireJustification } from "../runlog/justification.js";
import type { PrinciplesFile } from "../templates/principle-schema.js";
import { realPersonalDatasets } from "./personal-data.js";
import { independentReviews, type Review } from "./review.js";

export interface RunGateInput {
  experiment: Pick<Experiment, "data" | "principes">;
  principles: PrinciplesFile;
  /** Who made the experiment (its `auteur`); a review must come from someone else. */
  author: string;
  reviews: readonly Review[];
  /** The experiment file's hash; reviews of another version do not count. */
  experimentSha256?: string;
}

/**
 * Why a run on this experiment's data is not allowed (empty when it is). Synthetic data may
 * be used while principles are open; declared real personal data needs every Mag principle
 * decided and met, and a review by someone other than the author.
 */
export function runGateProblems(input: RunGateInput): Problem[] {
  const real = realPersonalDatasets(input.experiment);
  if (real.length === 0) return [];
  const data = `de dataset(s) ${real.join(", ")} met echte persoonsgegevens`;
  const problems: Problem[] = [];
  for (const principle of input.principles.principles.filter((p) => p.weighing === "Mag")) {
    const status = input.experiment.principes[principle.id]?.status ?? "open";
    if (status === "open") {
      problems.push({
        code: "gate_mag_open",
        message: `Geen run op ${data}: het uitgangspunt '${principle.title}' (Mag) staat nog open.`,
        hint: `Laat de ${principle.owner} dit uitgangspunt beoordelen en leg status, toelichting, wie en wanneer vast. Met synthetische data kunt u al wel werken.`,
        path: ["principes", principle.id],
      });
    } else if (status === "niet_voldaan") {
      problems.push({
        code: "gate_mag_not_met",
        message: `Geen run op ${data}: aan '${principle.title}' (Mag) is niet voldaan, dus deze verwerking mag niet.`,
        hint: "Pas het experiment aan (minder of synthetische data, een andere grondslag) tot aan dit uitgangspunt is voldaan.",
        path: ["principes", principle.id],
      });
    }
  }
  if (independentReviews(input.reviews, input.author, input.experimentSha256).length === 0) {
    problems.push({
      code: "gate_review_missing",
      message: `Geen run op ${data}: het experiment is nog niet gereviewd door iemand anders dan de auteur (${input.author}).`,
      hint: "Vraag een collega om een review; die wordt vastgelegd in het logboek van het experiment.",
    });
  }
  return problems;
}

/**
 * The run gates, in order: a justification in words (gate 1), then the personal-data gate
 * (gate 2). Returns the cleaned justification, or throws with every reason at once.
 * @example requireRunAllowed({ justification, experiment, principles, author: experiment.auteur, reviews });
 */
export function requireRunAllowed(input: RunGateInput & { justification: string | undefined }): string {
  const justification = requireJustification(input.justification);
  const problems = runGateProblems(input);
  if (problems.length > 0) throw new LivingLabError(problems);
  return justification;
}
