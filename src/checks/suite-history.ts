import { relative } from "node:path";
import type { DatasetSource } from "../engines/engine.js";
import type { DataFingerprint, RunRecord } from "../runlog/run-record-schema.js";

/** The name under which check runs are logged: the suite file relative to its experiment. */
export function suiteLogName(experimentDir: string, suiteFile: string): string {
  return relative(experimentDir, suiteFile);
}

/**
 * Where a run's data came from, per dataset: its file (relative to the experiment) or its table.
 * Runs with the same sources measured the same data over time; drift compares only those.
 * @example dataSources(opened.dir, [{ name: "zaken", file: "/lab/experiments/x/data/zaken.parquet" }]) // ["zaken=file:data/zaken.parquet"]
 */
export function dataSources(experimentDir: string, sources: readonly DatasetSource[]): string[] {
  return sources
    .map((s) =>
      sourceText(s.name, s.file === undefined ? undefined : relative(experimentDir, s.file), s.table ?? s.name),
    )
    .sort();
}

/** The sources of a logged run, from the data fingerprints its record holds. */
function recordedSources(data: readonly DataFingerprint[]): string[] {
  return data
    .filter((d) => !d.made)
    .map((d) => sourceText(d.name, d.file?.path, d.table ?? d.name))
    .sort();
}

const sourceText = (name: string, file: string | undefined, table: string) =>
  file === undefined ? `${name}=table:${table}` : `${name}=file:${file}`;

/**
 * Earlier metrics per check id, oldest first, from the runs of the same suite in a run log on
 * the same data sources (see `dataSources`): a run on another copy of the data, with `--data`,
 * neither joins the history of the suite's own data nor is compared with it.
 */
export function suiteHistory(
  records: readonly RunRecord[],
  suiteName: string,
  sources: readonly string[],
): Record<string, number[]> {
  const same = sources.join("\n");
  const history: Record<string, number[]> = {};
  for (const record of records) {
    if (record.analysis.name !== "check" || record.analysis.params.suite !== suiteName) continue;
    if (recordedSources(record.data ?? []).join("\n") !== same) continue;
    for (const [id, metric] of Object.entries(record.metrics)) {
      if (metric !== null) history[id] = [...(history[id] ?? []), metric];
    }
  }
  return history;
}
