import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { SuiteResult } from "../checks/check-result.js";
import { checkResultsFile } from "../checks/check-results-format.js";
import type { OpenedExperiment } from "../experiments/open-experiment.js";
import type { FinalApproval } from "../gates/final-summary-gate.js";
import type { RunRecord } from "../runlog/run-record-schema.js";
import { renderSummaryPage } from "./summary-page.js";

export const REPORT_DIR = "rapport";
/** Each run keeps its own copy of the results here, so the site can show every run, not only the last. */
export const RUN_RESULTS_DIR = "runs";
/** The latest run's results, beside the summary. */
export const RESULTS_FILE = "resultaten.json";

/**
 * Writes the business owner's summary page and the results as JSON into the experiment's
 * report folder. The page is a draft unless it gets an approval from approveFinalSummary.
 */
export async function writeSummary(
  opened: OpenedExperiment,
  result: SuiteResult,
  run: Pick<RunRecord, "id" | "at" | "who" | "justification">,
  approval?: FinalApproval,
): Promise<{ summary: string; resultsJson: string }> {
  const dir = join(opened.dir, REPORT_DIR);
  await mkdir(join(dir, RUN_RESULTS_DIR), { recursive: true });
  const summary = join(dir, "samenvatting.html");
  const resultsJson = join(dir, RESULTS_FILE);
  // Results for others: small counts and their complements as bounds, keys masked (format 3).
  const results = `${JSON.stringify(checkResultsFile(result, run.id), null, 2)}\n`;
  // The copy per run has the same bytes, so its hash matches the artifact in the run log.
  await writeFile(join(dir, RUN_RESULTS_DIR, `${run.id}.json`), results);
  await writeFile(resultsJson, results);
  await writeFile(summary, renderSummaryPage(opened, result, run, approval));
  return { summary, resultsJson };
}
