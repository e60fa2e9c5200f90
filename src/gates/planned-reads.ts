import { checkRegistry } from "../checks/check-registry.js";
import { columnsOfCondition } from "../checks/condition.js";
import type { LoadedSuite } from "../checks/load-suite.js";
import type { DatasetSource } from "../engines/engine.js";
import type { SourceLocation } from "../errors/problem.js";

/** A dataset an analysis will read, said before the door opens. */
export interface PlannedDataset {
  /** The name the analysis uses, which the experiment declares in `data.datasets`. */
  name: string;
  /** The file (absolute path), when the dataset is a file. */
  file?: string;
  /** The table inside a DuckDB file or on a server. */
  table?: string;
  /** The columns it reads; undefined when that is only known once the data is open (every column). */
  columns?: string[];
  /** The run makes this file itself (synthetic data), so the door cannot hash it beforehand. */
  made?: boolean;
  /** Where the analysis names it (a suite's line), for a problem about where its data lives. */
  at?: SourceLocation;
}

/** Everything an analysis will read, as the door and the run record see it. */
export interface PlannedReads {
  datasets: PlannedDataset[];
  /** Per reader (a check id, or the analysis's name), the columns it reads as `dataset.column`. */
  columns: Record<string, string[]>;
  /** The suite file the analysis runs, if any. */
  suite?: string;
  /** SHA-256 of the suite's bytes as the analysis parsed them; without it the door hashes the file. */
  suiteSha256?: string;
}

/** Every column of a dataset, in the `dataset.column` notation: used when a reader does not say. */
export const allColumnsOf = (dataset: string) => `${dataset}.*`;

/**
 * The columns each check of a suite touches, as `dataset.column`: the columns its definition
 * names, its filter's columns, and the key of its table (every scan reads it for samples).
 * A custom SQL check that does not list its columns reads `dataset.*` of every dataset of the suite.
 * @example columnsTouched(await loadSuite("suite.yaml"))["zaken-status-geldig"] // ["zaken.status", "zaken.zaak_id"]
 */
export function columnsTouched(loaded: LoadedSuite): Record<string, string[]> {
  const keyOf = (dataset: string) => loaded.datasets.find((d) => d.name === dataset)?.key ?? [];
  return Object.fromEntries(
    loaded.suite.checks.map((check) => {
      const definition = checkRegistry[check.kind];
      const uses = definition.columns(check);
      const columns = [
        ...uses.map((use) => `${use.table ?? check.table}.${use.column}`),
        ...(check.filter ? columnsOfCondition(check.filter).map((c) => `${check.table}.${c}`) : []),
        ...keyOf(check.table).map((c) => `${check.table}.${c}`),
        // Its SQL may read any dataset of the suite (and only those): without a list, all of them.
        ...(definition.custom && uses.length === 0 ? loaded.datasets.map((d) => allColumnsOf(d.name)) : []),
      ];
      return [check.id, [...new Set(columns)].sort()];
    }),
  );
}

/**
 * What running a suite reads: its datasets, with the columns its checks touch.
 * @example const reads = suiteReads(await loadSuite("experiments/om-datakwaliteit/suite.yaml"));
 */
export function suiteReads(
  loaded: LoadedSuite,
  options: { made?: boolean; locate?: (source: DatasetSource) => DatasetSource } = {},
): PlannedReads {
  const columns = columnsTouched(loaded);
  const touched = [...new Set(Object.values(columns).flat())];
  return {
    suite: loaded.file,
    suiteSha256: loaded.sha256,
    columns,
    datasets: loaded.datasets.map((dataset) => {
      const d = options.locate ? options.locate(dataset) : dataset;
      const own = touched.filter((c) => c.startsWith(`${d.name}.`)).map((c) => c.slice(d.name.length + 1));
      return {
        name: d.name,
        ...(d.file !== undefined && { file: d.file }),
        ...(d.table !== undefined && { table: d.table }),
        ...(!own.includes("*") && { columns: own.sort() }),
        ...(options.made && d.file !== undefined && { made: true }),
        ...(dataset.at && { at: dataset.at }),
      };
    }),
  };
}
