import type { SuiteResult } from "../checks/check-result.js";
import { checkResultsFile } from "../checks/check-results-format.js";
import { type LoadedSuite, loadSuite } from "../checks/load-suite.js";
import { runSuite } from "../checks/run-suite.js";
import { suiteHistory, suiteLogName } from "../checks/suite-history.js";
import { engineVersionOf } from "../engines/engine.js";
import { type EngineName, openEngine } from "../engines/open-engine.js";
import { experimentOfFile } from "../experiments/experiment-of-file.js";
import { renderCheckResults } from "../report/check-results-html.js";
import { requireJustification } from "../runlog/justification.js";
import { recordRun } from "../runlog/record-run.js";
import { newRunId, readRunLog, runLogPath } from "../runlog/run-log.js";
import type { RunRecord } from "../runlog/run-record-schema.js";
import type { Workspace } from "../workspace.js";
import { writeJson } from "./write-json.js";

export interface CheckSuiteOptions {
  /** The suite file, inside an experiment folder. */
  suite: string;
  /** Why this run, on this data, now; it goes into the run log. */
  justification: string;
  engine?: EngineName;
  /** Another copy of the suite's datasets: the same file names in this folder. */
  dataDir?: string;
  pgUrl?: string;
  /** "Today" for relative ranges and freshness (YYYY-MM-DD). */
  referenceDate?: string;
  /** Also write the results as JSON to this file. */
  json?: string;
  workspace?: Workspace;
}

export interface CheckRun {
  suite: LoadedSuite;
  result: SuiteResult;
  record: RunRecord;
  /** The results as a table and a chart, for a notebook or a page. */
  html: string;
}

/**
 * Runs a suite, logs the run with its justification in the experiment's run log, and optionally writes JSON.
 * @example const run = await checkSuite({ suite: "experiments/om-datakwaliteit/suite.yaml", justification: "..." });
 */
export async function checkSuite(options: CheckSuiteOptions): Promise<CheckRun> {
  const justification = requireJustification(options.justification);
  const loaded = await loadSuite(options.suite, options.dataDir);
  const { opened, workspace } = await experimentOfFile(options.suite, options.workspace);
  const engineName = options.engine ?? "duckdb";
  const logName = suiteLogName(opened.dir, loaded.file);
  const history = suiteHistory(await readRunLog(runLogPath(opened.dir)), logName);
  const engine = await openEngine(engineName, { ...(options.pgUrl !== undefined && { pgUrl: options.pgUrl }) });
  try {
    const { result } = await runSuite(engine, loaded, {
      history,
      ...(options.referenceDate !== undefined && { referenceDate: options.referenceDate }),
    });
    const id = newRunId();
    const json = options.json ? await writeJson(options.json, checkResultsFile(result, id)) : undefined;
    const files = engineName === "duckdb" ? loaded.datasets.filter((d) => d.file) : [];
    const record = await recordRun(workspace, opened, {
      id,
      analysis: {
        name: "check",
        params: {
          suite: logName,
          engine: engineName,
          reference_date: result.reference_date,
          ...(options.dataDir && { data: options.dataDir }),
        },
      },
      justification,
      datasets: Object.fromEntries(files.map((d) => [d.name, d.file as string])),
      artifacts: json ? [json] : [],
      outcome: result.outcome,
      metrics: Object.fromEntries(result.checks.map((c) => [c.id, c.metric])),
      metricUnits: Object.fromEntries(result.checks.map((c) => [c.id, c.unit])),
      engineVersion: await engineVersionOf(engine),
    });
    return { suite: loaded, result, record, html: renderCheckResults(result) };
  } finally {
    await engine.close();
  }
}
