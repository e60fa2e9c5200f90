import type { Experiment } from "../experiments/experiment-schema.js";

/**
 * The datasets an experiment declares as real personal data: personal data that is not
 * synthetic. Reads the `data.datasets` table that the basis template (and datakwaliteit@1.0.0)
 * defines, with its columns `naam`, `persoonsgegevens` and `synthetisch`.
 */
export function realPersonalDatasets(experiment: Pick<Experiment, "data">): string[] {
  const rows = experiment.data.datasets;
  if (!Array.isArray(rows)) return [];
  return rows.flatMap((row: unknown) => {
    if (row === null || typeof row !== "object") return [];
    const { naam, persoonsgegevens, synthetisch } = row as Record<string, unknown>;
    return persoonsgegevens === true && synthetisch !== true ? [String(naam ?? "?")] : [];
  });
}
