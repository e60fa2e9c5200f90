import { outcomeWords } from "../runlog/log-overview.js";
import type { RunView } from "./lab-view.js";
import { analysisWords, outcomeSignal } from "./labels.js";

/** At most this many runs are listed for one filter, the newest first; the sentence says how many matched. */
export const FILTERED_RUNS_SHOWN = 200;

/** What a run is found by: its analysis (in words and by name), its suite, and its outcome in words. */
function filterText(run: RunView): string {
  const { analysis, outcome } = run.record;
  const suite = typeof analysis.params.suite === "string" ? analysis.params.suite : "";
  const said = run.outcome ? outcomeSignal[run.outcome].label : (outcomeWords[outcome] ?? outcome);
  return `${analysisWords(analysis.name)} ${analysis.name} ${suite} ${said}`.toLowerCase();
}

/**
 * The runs that match every word of the query in their analysis, suite or outcome, newest
 * first: `profiel`, `suite.yaml`, `niet in orde`.
 */
export function filterRuns(runs: readonly RunView[], query: string): RunView[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return runs.filter((run) => words.every((word) => filterText(run).includes(word))).reverse();
}
