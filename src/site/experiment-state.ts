import type { ExperimentView, ReviewView, RunView } from "./lab-view.js";
import { displayName } from "./labels.js";

/** Whether the business owner's summary is final: only after a review by someone other than the author. */
export type SummaryState =
  | { final: true; review: ReviewView; lastRun: RunView }
  | { final: false; reason: string; lastRun: RunView | undefined };

export function summaryState(experiment: ExperimentView): SummaryState {
  const lastRun = experiment.runs.at(-1);
  if (!lastRun) return { final: false, reason: "Er is nog geen run gedaan.", lastRun };
  const author = displayName(lastRun.record.who.name);
  const review = experiment.reviews
    .filter((r) => displayName(r.who) !== author && r.at >= lastRun.record.at)
    .filter((r) => r.runId === undefined || r.runId === lastRun.record.id)
    .at(-1);
  if (review) return { final: true, review, lastRun };
  return {
    final: false,
    reason: "De laatste run is nog niet beoordeeld door iemand anders dan de maker.",
    lastRun,
  };
}

/** Where an experiment stands, in one or two words for the overview. */
export function experimentStatus(experiment: ExperimentView): string {
  if (experiment.runs.length === 0) return "In voorbereiding";
  return summaryState(experiment).final ? "Beoordeeld" : "Loopt";
}
