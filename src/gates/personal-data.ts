import { declaredDatasets } from "../experiments/declared-data.js";
import type { Experiment } from "../experiments/experiment-schema.js";

/**
 * The datasets an experiment declares as real personal data: personal data that is not
 * synthetic. An experiment that declares one is held to the strictest gates in every run.
 */
export function realPersonalDatasets(experiment: Pick<Experiment, "data">): string[] {
  return declaredDatasets(experiment)
    .filter((d) => d.real)
    .map((d) => d.name);
}
