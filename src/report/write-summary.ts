import { join } from "node:path";
import type { SuiteResult } from "../checks/check-result.js";
import { checkResultsFile } from "../checks/check-results-format.js";
import type { OpenedExperiment } from "../experiments/open-experiment.js";
import { type WrittenFile, writeFileAtomic } from "../files/write-file-atomic.js";
import { gateInputFor } from "../gates/gate-input.js";
import type { GovernanceState } from "../governance/governance-state.js";
import type { RunRecord } from "../runlog/run-record-schema.js";
import { REPORT_DIR, RESULTS_FILE, RUN_RESULTS_DIR } from "./report-paths.js";
import { renderSummaryPage } from "./summary-page.js";

export { REPORT_DIR, RESULTS_FILE, RUN_RESULTS_DIR } from "./report-paths.js";

/**
 * Writes the business owner's summary page and the results as JSON into the experiment's
 * report folder. The page is a concept: it becomes final only with `publishSummary`, after an
 * approving review of this run. Principles show as the experiment's log decides them (read
 * from the log unless `governance` is given).
 * @example const { summary } = await writeSummary(om, run.result, run.record);
 */
export async function writeSummary(
  opened: OpenedExperiment,
  result: SuiteResult,
  run: Pick<RunRecord, "id" | "at" | "who" | "justification">,
  options: { governance?: GovernanceState } = {},
): Promise<{ summary: string; resultsJson: string; artifacts: WrittenFile[] }> {
  const governance = options.governance ?? (await gateInputFor(opened)).governance;
  const dir = join(opened.dir, REPORT_DIR);
  // Results for others: small counts and their complements as bounds, keys masked (format 3).
  const results = `${JSON.stringify(checkResultsFile(result, run.id), null, 2)}\n`;
  // The copy per run has the same bytes, so its hash matches the artifact in the run log. Each file
  // is written whole under its own temporary name: runs at the same time never mix their bytes, and
  // each records the hash of what it wrote, whichever run's file ends up under the shared name.
  await writeFileAtomic(join(dir, RUN_RESULTS_DIR, `${run.id}.json`), results);
  const resultsJson = await writeFileAtomic(join(dir, RESULTS_FILE), results);
  const summary = await writeFileAtomic(
    join(dir, "samenvatting.html"),
    renderSummaryPage(opened, result, run, { governance }),
  );
  return { summary: summary.path, resultsJson: resultsJson.path, artifacts: [resultsJson, summary] };
}
