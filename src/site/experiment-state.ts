import { independentReviews } from "../gates/review.js";
import type { ExperimentView, ReviewView, RunView } from "./lab-view.js";

/** Whether the business owner's summary is final: only after a review by someone other than the author. */
export type SummaryState =
  | { final: true; review: ReviewView; lastRun: RunView | undefined }
  | { final: false; reason: string; lastRun: RunView | undefined };

/** The final-summary gate, applied to what the site read: an independent review of this version of the experiment. */
export function summaryState(experiment: ExperimentView): SummaryState {
  const lastRun = experiment.runs.at(-1);
  const { opened } = experiment;
  const reviews = experiment.reviews
    .filter((r) => r.verdict === "goedgekeurd")
    .map((r) => ({
      reviewer: r.who,
      at: r.at,
      ...(r.experimentSha256 ? { experiment_sha256: r.experimentSha256 } : {}),
    }));
  const independent = independentReviews(reviews, opened.experiment.auteur, opened.sha256).at(-1);
  if (independent) {
    const review = { who: independent.reviewer, at: independent.at, verdict: "goedgekeurd" };
    return { final: true, review, lastRun };
  }
  return {
    final: false,
    reason: `Niemand anders dan de auteur (${opened.experiment.auteur}) heeft deze versie van het experiment beoordeeld.`,
    lastRun,
  };
}

const verdictText: Record<string, string> = {
  opschalen: "Besluit: opschalen",
  aanpassen: "Besluit: aanpassen",
  stoppen: "Besluit: stoppen",
};

/** Where an experiment stands, in a few words for the overview. */
export function experimentStatus(experiment: ExperimentView): string {
  const verdict = experiment.opened.experiment.evaluatie.oordeel;
  const decided = typeof verdict === "string" ? verdictText[verdict] : undefined;
  if (decided) return decided;
  if (experiment.runs.length === 0) return "In voorbereiding";
  return summaryState(experiment).final ? "Beoordeeld" : "Loopt";
}

/**
 * The latest run that wrote check results: what the answer and the data-quality scores are
 * based on. Its `checks` are undefined when its results are gone or do not match the log;
 * the pages then say so rather than fall back to an older run.
 */
export function latestCheckedRun(experiment: ExperimentView): RunView | undefined {
  for (let i = experiment.runs.length - 1; i >= 0; i--) {
    const run = experiment.runs[i];
    if (run && run.results !== "none") return run;
  }
  return undefined;
}

/** Why a run's check results are not shown, in a sentence; undefined when they are. */
export function resultsUnavailable(run: RunView): string | undefined {
  if (run.results === "mismatch") {
    return `De resultaten van run ${run.number} kloppen niet met het logboek: het bestand ${run.mismatchedFile ?? ""} is niet wat de run schreef. Daarom staan ze hier niet.`;
  }
  if (run.results === "missing") {
    return `De resultaten van run ${run.number} zijn niet meer beschikbaar; het logboek bewaart alleen de uitkomst.`;
  }
  return undefined;
}
