import { join, relative, resolve } from "node:path";
import type { SuiteResult } from "../checks/check-result.js";
import { loadSuite } from "../checks/load-suite.js";
import { runSuite } from "../checks/run-suite.js";
import { suiteHistory, suiteLogName } from "../checks/suite-history.js";
import { engineVersionOf } from "../engines/engine.js";
import { openEngine } from "../engines/open-engine.js";
import { openExperiment } from "../experiments/open-experiment.js";
import { writeSummary } from "../report/write-summary.js";
import { requireJustification } from "../runlog/justification.js";
import { whoAmI } from "../runlog/provenance.js";
import { recordRun } from "../runlog/record-run.js";
import { newRunId, readRunLog, runLogPath } from "../runlog/run-log.js";
import type { RunRecord } from "../runlog/run-record-schema.js";
import { generateOm } from "../synth/generate-om.js";
import type { Workspace } from "../workspace.js";
import { defectSpecFrom, readSynthConfig } from "./synth-config.js";

export const SUITE_FILE = "suite.yaml";

export interface RunExperimentOptions {
  workspace: Workspace;
  /** Experiment id (a folder under experiments/) or path. */
  experiment: string;
  justification: string;
  /** Told each step as it happens, in Dutch. */
  onStep?: (message: string) => void;
}

export interface ExperimentRun {
  record: RunRecord;
  result: SuiteResult;
  runLog: string;
  summary: string;
  resultsJson: string;
}

/**
 * The main job: validate the experiment, make its synthetic data, run its data-quality
 * suite on DuckDB, log the run with its justification, and write the summary page.
 * @example await runExperiment({ workspace: openWorkspace(), experiment: "om-datakwaliteit", justification: "..." });
 */
export async function runExperiment(options: RunExperimentOptions): Promise<ExperimentRun> {
  const step = options.onStep ?? (() => {});
  const where = (path: string) => relative(options.workspace.root, path);
  const justification = requireJustification(options.justification);
  const opened = await openExperiment(options.workspace, options.experiment);
  step(`Experiment '${opened.experiment.id}' is geldig volgens sjabloon ${opened.experiment.template}.`);

  const synth = await readSynthConfig(opened.dir);
  if (synth) {
    const out = resolve(opened.dir, synth.out);
    const made = await generateOm({
      out,
      zaken: synth.zaken,
      seed: synth.seed,
      asOf: synth.as_of,
      defects: await defectSpecFrom(synth.defects, opened.dir),
      defectsLabel: synth.defects,
      csv: synth.csv,
    });
    const { zaken, feiten, verdachten } = made.rowCounts;
    step(`Synthetische data gemaakt in ${where(out)}: ${zaken} zaken, ${feiten} feiten, ${verdachten} verdachten.`);
  }

  const suiteFile = join(opened.dir, SUITE_FILE);
  const suite = await loadSuite(suiteFile);
  const logName = suiteLogName(opened.dir, suiteFile);
  const history = suiteHistory(await readRunLog(runLogPath(opened.dir)), logName);
  const engine = await openEngine("duckdb");
  let result: SuiteResult;
  let engineVersion: string;
  try {
    result = (await runSuite(engine, suite, { history })).result;
    engineVersion = await engineVersionOf(engine);
  } finally {
    await engine.close();
  }
  const passed = result.checks.filter((c) => c.outcome === "passed").length;
  step(`${result.checks.length} controles uitgevoerd op DuckDB: ${passed} in orde.`);

  const run = { id: newRunId(), at: new Date().toISOString(), who: whoAmI(options.workspace.root), justification };
  const { summary, resultsJson } = await writeSummary(opened, result, run);
  const record = await recordRun(options.workspace, opened, {
    id: run.id,
    at: run.at,
    analysis: { name: "check", params: { suite: logName, engine: "duckdb", reference_date: result.reference_date } },
    justification,
    datasets: Object.fromEntries(suite.datasets.flatMap((d) => (d.file ? [[d.name, d.file]] : []))),
    artifacts: [resultsJson, summary],
    outcome: result.outcome,
    metrics: Object.fromEntries(result.checks.map((c) => [c.id, c.metric])),
    engineVersion,
  });
  const runLog = runLogPath(opened.dir);
  step(`Run ${record.id} vastgelegd in ${where(runLog)} (record ${record.seq}).`);
  step(`Samenvatting voor de opdrachtgever: ${where(summary)}`);
  return { record, result, runLog, summary, resultsJson };
}
