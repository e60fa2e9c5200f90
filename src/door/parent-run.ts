import { LivingLabError } from "../errors/problem.js";
import type { OpenedExperiment } from "../experiments/open-experiment.js";
import type { LogRecord } from "../runlog/log-record-schema.js";

/**
 * The environment variable through which a notebook run tells the analyses in its kernel
 * which run they are part of; the door reads it when the caller names no parent itself.
 */
export const PARENT_RUN_VARIABLE = "LIVINGLAB_PARENT_RUN";

/** The parent the request names, or the one its environment names; undefined when none. */
export function requestedParent(parent: string | undefined): string | undefined {
  const named = parent ?? process.env[PARENT_RUN_VARIABLE];
  return named === undefined || named === "" ? undefined : named;
}

/**
 * Checks that `parent` is a run that started in this experiment's log and has not ended, so a
 * child can never claim a run that does not exist, that belongs elsewhere or that is over.
 */
export function checkParentRun(parent: string, opened: OpenedExperiment, records: readonly LogRecord[]): void {
  const started = records.some((r) => r.type === "run_started" && r.id === parent);
  const ended = records.some((r) => r.type === "run" && r.id === parent);
  if (started && !ended) return;
  throw new LivingLabError({
    code: "parent_run_not_open",
    message: started
      ? `De notebookrun ${parent.slice(0, 8)} is al afgelopen; deze analyse kan er geen deel meer van zijn.`
      : `De notebookrun ${parent.slice(0, 8)} staat niet in het logboek van ${opened.experiment.id}; een analyse in een notebookrun hoort bij het experiment van die run.`,
    hint: "Voer in dit notebook alleen analyses uit van het experiment waarvoor het notebook draait (zie de metadata van het notebook), of draai het notebook los van 'livinglab notebook run'.",
  });
}
