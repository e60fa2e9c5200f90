import { relative } from "node:path";
import type { RunRecord } from "../runlog/run-record-schema.js";

/** The name under which check runs are logged: the suite file relative to its experiment. */
export function suiteLogName(experimentDir: string, suiteFile: string): string {
  return relative(experimentDir, suiteFile);
}

/** Earlier metrics per check id, oldest first, from the runs of the same suite in a run log. */
export function suiteHistory(records: readonly RunRecord[], suiteName: string): Record<string, number[]> {
  const history: Record<string, number[]> = {};
  for (const record of records) {
    if (record.analysis.name !== "check" || record.analysis.params.suite !== suiteName) continue;
    for (const [id, metric] of Object.entries(record.metrics)) {
      if (metric !== null) history[id] = [...(history[id] ?? []), metric];
    }
  }
  return history;
}
