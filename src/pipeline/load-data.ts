import { basename, extname, resolve } from "node:path";
import { loadSuite } from "../checks/load-suite.js";
import { throughDoor } from "../door/through-door.js";
import type { DatasetSource } from "../engines/engine.js";
import { type LoadResult, loadIntoPostgres } from "../engines/load-into-postgres.js";
import { type DeclaredDataset, declaredDatasets } from "../experiments/declared-data.js";
import { experimentOfFile } from "../experiments/experiment-of-file.js";
import { allColumnsOf } from "../gates/planned-reads.js";
import type { JustificationChoice } from "../runlog/justification.js";
import type { RunRecord } from "../runlog/run-record-schema.js";
import type { Workspace } from "../workspace.js";

export interface LoadDataOptions extends JustificationChoice {
  /** A suite file (all its datasets) or one Parquet, CSV or DuckDB file, inside an experiment folder. */
  target: string;
  /** The table name for a single file (default: the file name without extension). */
  table?: string;
  /** For a suite: another copy of its datasets, the same file names in this folder. */
  dataDir?: string;
  /** For a single file outside an experiment folder: a suite of the experiment whose log records the load. */
  suite?: string;
  pgUrl?: string;
  workspace?: Workspace;
}

/**
 * Copies data into PostgreSQL as a logged run through the door: copying data is processing it,
 * so it needs a justification and passes the same gates as an analysis.
 * @example await loadData({ target: "experiments/om-datakwaliteit/suite.yaml", justification: "..." });
 */
export async function loadData(options: LoadDataOptions): Promise<{ loaded: LoadResult[]; record: RunRecord }> {
  const { opened, workspace } = await experimentOfFile(options.suite ?? options.target, options.workspace);
  const jobs = await jobsOf(options, declaredDatasets(opened.experiment));
  const { value, record } = await throughDoor(
    {
      workspace,
      opened,
      ...(options.justification !== undefined && { justification: options.justification }),
      ...(options.reuseJustification !== undefined && { reuseJustification: options.reuseJustification }),
      analysis: { name: "load", params: { engine: "postgres", tables: jobs.map((j) => j.table) } },
      reads: {
        datasets: jobs.map((j) => j.source),
        columns: { load: jobs.map((j) => allColumnsOf(j.source.name)) },
      },
    },
    async (permit) => {
      const loaded: LoadResult[] = [];
      for (const job of jobs) {
        loaded.push(
          await loadIntoPostgres(permit, job.source, {
            table: job.table,
            ...(options.pgUrl !== undefined && { pgUrl: options.pgUrl }),
          }),
        );
      }
      const columns = { load: permit.read().flatMap((d) => d.columns.map((c) => `${d.name}.${c}`)) };
      return { value: loaded, end: { outcome: "completed", columns } };
    },
  );
  return { loaded: value, record };
}

/**
 * What a load copies: each dataset of a suite that is a file, also one the suite names without a
 * file because the experiment declares where it lives (the door reads it there), or the one file.
 */
async function jobsOf(
  options: LoadDataOptions,
  declared: readonly DeclaredDataset[],
): Promise<Array<{ source: DatasetSource; table: string }>> {
  if (/\.ya?ml$/.test(options.target)) {
    const placed = (name: string) => declared.some((d) => d.name === name && d.location !== undefined);
    return (await loadSuite(options.target, options.dataDir)).datasets.flatMap((d) => {
      if (d.file)
        return [
          { source: { name: d.name, file: d.file, ...(d.table && { table: d.table }) }, table: d.table ?? d.name },
        ];
      return d.table === undefined && placed(d.name) ? [{ source: { name: d.name }, table: d.name }] : [];
    });
  }
  const table = options.table ?? basename(options.target, extname(options.target));
  return [{ source: { name: table, file: resolve(options.target) }, table }];
}
