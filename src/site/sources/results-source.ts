import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { readCheckResults } from "../../checks/check-results-format.js";
import { REPORT_DIR, RUN_RESULTS_DIR } from "../../report/write-summary.js";
import type { CheckView } from "../lab-view.js";

export interface RunResults {
  outcome: CheckView["outcome"];
  checks: CheckView[];
}

/**
 * The check results of one run: its own copy under `rapport/runs/`, or the latest
 * `rapport/resultaten.json` when that belongs to this run. Files of format 1 are migrated
 * by `readCheckResults`. Undefined when neither is there.
 */
export async function readRunResults(experimentDir: string, runId: string): Promise<RunResults | undefined> {
  const candidates = [
    join(experimentDir, REPORT_DIR, RUN_RESULTS_DIR, `${runId}.json`),
    join(experimentDir, REPORT_DIR, "resultaten.json"),
  ];
  for (const file of candidates) {
    const results = readCheckResults(await readJson(file));
    if (results?.run_id === runId) return { outcome: results.outcome, checks: results.checks };
  }
  return undefined;
}

async function readJson(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, "utf8"));
  } catch {
    return undefined;
  }
}
