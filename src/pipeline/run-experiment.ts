import { join, relative, resolve } from "node:path";
import type { SuiteResult } from "../checks/check-result.js";
import { loadSuite } from "../checks/load-suite.js";
import { runSuite } from "../checks/run-suite.js";
import { suiteHistory, suiteLogName } from "../checks/suite-history.js";
import { engineVersionOf } from "../engines/engine.js";
import { openEngine } from "../engines/open-engine.js";
import { LivingLabError } from "../errors/problem.js";
import { type OpenedExperiment, openExperiment } from "../experiments/open-experiment.js";
import { approveFinalSummary, type FinalApproval } from "../gates/final-summary-gate.js";
import { readReviews } from "../gates/read-reviews.js";
import { runGateProblems } from "../gates/run-gate.js";
import { writeSummary } from "../report/write-summary.js";
import type { JustificationChoice } from "../runlog/justification.js";
import { readRunLog, runLogPath } from "../runlog/run-log.js";
import type { RunRecord } from "../runlog/run-record-schema.js";
import { type RunHandle, startRun } from "../runlog/start-run.js";
import { generateOm } from "../synth/generate-om.js";
import type { Workspace } from "../workspace.js";
import { defectSpecFrom, readSynthConfig } from "./synth-config.js";

export const SUITE_FILE = "suite.yaml";

export interface RunExperimentOptions extends JustificationChoice {
  workspace: Workspace;
  /** Experiment id (a folder under experiments/) or path. */
  experiment: string;
  /** Mark the summary final; refused unless someone other than the author reviewed the experiment. */
  final?: boolean;
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
  const opened = await openExperiment(options.workspace, options.experiment);
  // The gates run before anything is written: the personal-data gate here, the justification in startRun.
  const gate = {
    experiment: opened.experiment,
    principles: opened.principles,
    author: opened.experiment.auteur,
    reviews: await readReviews(runLogPath(opened.dir)),
    experimentSha256: opened.sha256,
  };
  const refused = runGateProblems(gate);
  if (refused.length > 0) throw new LivingLabError(refused);
  const approval: FinalApproval | undefined = options.final ? approveFinalSummary(gate) : undefined;
  step(`Experiment '${opened.experiment.id}' is geldig volgens sjabloon ${opened.experiment.template}.`);
  // Templates from datakwaliteit@1.1.0 on ask for the suite file; older ones use suite.yaml.
  const suiteAnswer = opened.experiment.data.suite;
  const suiteFile = join(opened.dir, typeof suiteAnswer === "string" ? suiteAnswer : SUITE_FILE);
  const logName = suiteLogName(opened.dir, suiteFile);
  const history = suiteHistory(await readRunLog(runLogPath(opened.dir)), logName);
  // The start is logged before any work, so a run that crashes shows as unfinished.
  const run = await startRun(options.workspace, opened, {
    ...(options.justification !== undefined && { justification: options.justification }),
    ...(options.reuseJustification !== undefined && { reuseJustification: options.reuseJustification }),
    analysis: { name: "check", params: { suite: logName, engine: "duckdb" } },
  });
  const runLog = runLogPath(opened.dir);
  step(`Run ${run.id} gestart en vastgelegd in ${relative(options.workspace.root, runLog)}.`);
  try {
    return await checkAndSummarize(options, opened, run, { suiteFile, history, approval });
  } catch (error) {
    await run.end({ outcome: "error", error });
    throw error;
  }
}

interface CheckPlan {
  suiteFile: string;
  history: Record<string, number[]>;
  approval: FinalApproval | undefined;
}

async function checkAndSummarize(
  options: RunExperimentOptions,
  opened: OpenedExperiment,
  run: RunHandle,
  plan: CheckPlan,
): Promise<ExperimentRun> {
  const step = options.onStep ?? (() => {});
  const where = (path: string) => relative(options.workspace.root, path);
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

  const suite = await loadSuite(plan.suiteFile);
  const engine = await openEngine("duckdb");
  let result: SuiteResult;
  let engineVersion: string;
  try {
    result = (await runSuite(engine, suite, { history: plan.history })).result;
    engineVersion = await engineVersionOf(engine);
  } finally {
    await engine.close();
  }
  const passed = result.checks.filter((c) => c.outcome === "passed").length;
  step(`${result.checks.length} controles uitgevoerd op DuckDB: ${passed} in orde.`);

  const { who, justification } = run.started;
  const { summary, resultsJson, artifacts } = await writeSummary(
    opened,
    result,
    { id: run.id, at: run.at, who, justification },
    plan.approval,
  );
  const record = await run.end({
    datasets: Object.fromEntries(suite.datasets.flatMap((d) => (d.file ? [[d.name, d.file]] : []))),
    artifacts,
    outcome: result.outcome,
    metrics: Object.fromEntries(result.checks.map((c) => [c.id, c.metric])),
    metricUnits: Object.fromEntries(result.checks.map((c) => [c.id, c.unit])),
    engineVersion,
  });
  const runLog = runLogPath(opened.dir);
  step(`Run ${record.id} afgerond in ${where(runLog)} (record ${record.seq}).`);
  step(`Samenvatting voor de opdrachtgever: ${where(summary)}`);
  return { record, result, runLog, summary, resultsJson };
}
