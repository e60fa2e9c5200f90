import { relative, resolve } from "node:path";
import type { SuiteResult } from "../checks/check-result.js";
import { loadSuite } from "../checks/load-suite.js";
import { runSuite } from "../checks/run-suite.js";
import { suiteHistory, suiteLogName } from "../checks/suite-history.js";
import type { RunPermit } from "../door/run-permit.js";
import { throughDoor } from "../door/through-door.js";
import { openEngine } from "../engines/open-engine.js";
import { type OpenedExperiment, openExperiment } from "../experiments/open-experiment.js";
import { gateInputFor, localDate, ownSuiteFile } from "../gates/gate-input.js";
import { suiteReads } from "../gates/planned-reads.js";
import { writeSummary } from "../report/write-summary.js";
import type { JustificationChoice } from "../runlog/justification.js";
import { readLogRecords, readRunLog, runLogPath } from "../runlog/run-log.js";
import type { RunRecord } from "../runlog/run-record-schema.js";
import { generateOm } from "../synth/generate-om.js";
import type { Workspace } from "../workspace.js";
import { checkSummaries } from "./check-summaries.js";
import { defectSpecFrom, readSynthConfig, type SynthConfig } from "./synth-config.js";

export interface RunExperimentOptions extends JustificationChoice {
  workspace: Workspace;
  /** Experiment id (a folder under experiments/) or path. */
  experiment: string;
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
 * The main job, through the door: validate the experiment, make its synthetic data, run its
 * data-quality suite on DuckDB, log the run with its justification and what it read, and
 * write the summary page (a concept until someone approves this run; see `publishSummary`).
 * @example await runExperiment({ workspace: openWorkspace(), experiment: "om-datakwaliteit", justification: "..." });
 */
export async function runExperiment(options: RunExperimentOptions): Promise<ExperimentRun> {
  const step = options.onStep ?? (() => {});
  const where = (path: string) => relative(options.workspace.root, path);
  const opened = await openExperiment(options.workspace, options.experiment);
  step(`Experiment '${opened.experiment.id}' is geldig volgens sjabloon ${opened.experiment.template}.`);
  const synth = await readSynthConfig(opened.dir);
  const suite = await loadSuite(ownSuiteFile(opened));
  const logName = suiteLogName(opened.dir, suite.file);
  const runLog = runLogPath(opened.dir);
  const history = suiteHistory(await readRunLog(runLog), logName);
  const referenceDate = suite.suite.reference_date ?? localDate();
  const { value, record } = await throughDoor(
    {
      workspace: options.workspace,
      opened,
      ...(options.justification !== undefined && { justification: options.justification }),
      ...(options.reuseJustification !== undefined && { reuseJustification: options.reuseJustification }),
      analysis: { name: "check", params: { suite: logName, engine: "duckdb", reference_date: referenceDate } },
      // Synthetic data is made by the run itself, so its files are hashed when they are read.
      reads: suiteReads(suite, { made: synth !== undefined }),
    },
    async (permit) => {
      // The start is logged before any work, so a run that crashes shows as unfinished.
      step(`Run ${permit.id} gestart en vastgelegd in ${where(runLog)}.`);
      if (synth) await makeData(opened, synth, step, where);
      const engine = await openEngine("duckdb");
      try {
        const outcome = await runSuite(engine, suite, permit, { history, referenceDate });
        const passed = outcome.result.checks.filter((c) => c.outcome === "passed").length;
        step(`${outcome.result.checks.length} controles uitgevoerd op DuckDB: ${passed} in orde.`);
        const end = {
          outcome: outcome.result.outcome,
          metrics: Object.fromEntries(outcome.result.checks.map((c) => [c.id, c.metric])),
          metricUnits: Object.fromEntries(outcome.result.checks.map((c) => [c.id, c.unit])),
          checks: checkSummaries(outcome.result),
        };
        const written = await summarize(opened, permit, outcome.result, permit.provisional(end));
        return {
          value: { result: outcome.result, ...written },
          end: { ...end, artifacts: written.artifacts },
        };
      } finally {
        await engine.close();
      }
    },
  );
  step(`Run ${record.id} afgerond in ${where(runLog)} (record ${record.seq}).`);
  step(`Samenvatting voor de opdrachtgever: ${where(value.summary)}`);
  return { record, result: value.result, runLog, summary: value.summary, resultsJson: value.resultsJson };
}

async function makeData(
  opened: OpenedExperiment,
  synth: SynthConfig,
  step: (message: string) => void,
  where: (path: string) => string,
): Promise<void> {
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

/**
 * The concept summary and the results of this run; final only later, after a review of this
 * run. Its principles count this run's own results as the tool's evidence.
 */
async function summarize(opened: OpenedExperiment, permit: RunPermit, result: SuiteResult, provisional: RunRecord) {
  const { who, justification } = permit.started;
  const records = [...(await readLogRecords(runLogPath(opened.dir))), provisional];
  const { governance } = await gateInputFor(opened, { records });
  return writeSummary(opened, result, { id: permit.id, at: permit.at, who, justification }, { governance });
}
