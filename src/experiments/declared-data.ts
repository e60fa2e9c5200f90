import type { Experiment } from "./experiment-schema.js";

/** A dataset as the experiment declares it in `data.datasets` (the basis template's table). */
export interface DeclaredDataset {
  name: string;
  /** `persoonsgegevens: true` */
  personal: boolean;
  /** `synthetisch: true` */
  synthetic: boolean;
  /** Personal data that is not synthetic: the gates hold hardest here. */
  real: boolean;
  /** `kolommen`: the columns the experiment needs; undefined when none are declared. */
  columns?: string[];
  /** `vernietigen_op` (JJJJ-MM-DD): when the data must be gone. */
  destroyBy?: string;
  /** `bron`: where the data comes from and who holds it, in the author's words. */
  source?: string;
  /** `locatie` (from basis@1.4.0): where the data lives outside the experiment, a path from the lab's root. */
  location?: string;
  /** `tabel` (from basis@1.4.0): a table `schema.naam` on the server of `verbinding`, read there in place. */
  table?: string;
  /** `verbinding`: the name of a connection in the lab's verbindingen.yaml. */
  connection?: string;
}

/**
 * The datasets an experiment declares, read from the `data.datasets` table that the basis
 * template (and datakwaliteit@1.0.0) defines: `naam`, `bron`, `persoonsgegevens`, `synthetisch`,
 * `kolommen`, `vernietigen_op` and (from basis@1.4.0) `locatie`, `tabel` and `verbinding`. Rows that are not objects are left out.
 * @example declaredDatasets(om.experiment).map((d) => d.name) // ["zaken", "feiten", "verdachten"]
 */
export function declaredDatasets(experiment: Pick<Experiment, "data">): DeclaredDataset[] {
  const rows = experiment.data.datasets;
  if (!Array.isArray(rows)) return [];
  return rows.flatMap((row: unknown) => {
    if (row === null || typeof row !== "object") return [];
    const { naam, bron, persoonsgegevens, synthetisch, kolommen, vernietigen_op, locatie, tabel, verbinding } =
      row as Record<string, unknown>;
    const personal = persoonsgegevens === true;
    const synthetic = synthetisch === true;
    return [
      {
        name: String(naam ?? "?"),
        personal,
        synthetic,
        real: personal && !synthetic,
        ...(Array.isArray(kolommen) && { columns: kolommen.map(String) }),
        ...(typeof vernietigen_op === "string" && { destroyBy: vernietigen_op }),
        ...(typeof bron === "string" && bron.trim() !== "" && { source: bron }),
        ...(typeof locatie === "string" && locatie.trim() !== "" && { location: locatie.trim() }),
        ...(typeof tabel === "string" && tabel.trim() !== "" && { table: tabel.trim() }),
        ...(typeof verbinding === "string" && verbinding.trim() !== "" && { connection: verbinding.trim() }),
      },
    ];
  });
}
