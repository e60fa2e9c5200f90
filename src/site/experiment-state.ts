import { runApproval } from "../governance/governance-state.js";
import type { ExperimentView, ReviewView, RunView } from "./lab-view.js";

/** Whether the business owner's summary is final: only after an approving review of the run it shows. */
export type SummaryState =
  | { final: true; review: ReviewView; lastRun: RunView | undefined }
  | { final: false; reason: string; lastRun: RunView | undefined };

/**
 * The final-summary gate, applied to what the site read: an approving review in force of the
 * latest run with results, by someone other than its maker and the author, on this version of
 * the experiment. An approval of the plan does not make results final.
 */
export function summaryState(experiment: ExperimentView): SummaryState {
  const lastRun = experiment.runs.at(-1);
  const shown = experiment.runs.find((r) => r.record.id === experiment.governance.summarized);
  const approval = shown ? runApproval(experiment.governance, shown.record.id) : undefined;
  if (shown && approval) {
    return {
      final: true,
      review: { who: approval.reviewer, at: approval.at, verdict: approval.verdict, inForce: true },
      lastRun,
    };
  }
  const author = experiment.opened.experiment.auteur;
  const reason = shown
    ? `Niemand anders dan de auteur (${author}) heeft run ${shown.number} goedgekeurd.`
    : "Er is nog geen run met uitkomsten om te beoordelen.";
  return { final: false, reason, lastRun };
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
 * The run the experiment's result is: the latest run of its own suite with check results, not
 * withdrawn (`governance.summarized`). A profile or a run of another suite is not its result.
 * Its `checks` are undefined when its results are gone or do not match the log; the pages then
 * say so rather than fall back to an older run.
 */
export function latestCheckedRun(experiment: ExperimentView): RunView | undefined {
  return experiment.runs.find((r) => r.record.id === experiment.governance.summarized);
}

/** The suite a run checked, as the log names it; undefined for analyses without a suite. */
export function suiteOf(run: RunView): string | undefined {
  const suite = run.record.analysis.params.suite;
  return typeof suite === "string" ? suite : undefined;
}

/** The run before this one of the same analysis and suite: what the site compares it with. */
export function previousOfItsKind(experiment: ExperimentView, run: RunView): RunView | undefined {
  return experiment.runs
    .filter(
      (r) =>
        r.number < run.number &&
        r.record.analysis.name === run.record.analysis.name &&
        suiteOf(r) === suiteOf(run) &&
        r.record.checks !== undefined,
    )
    .at(-1);
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
