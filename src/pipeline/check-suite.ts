import type { SuiteResult } from "../checks/check-result.js";
import { checkResultsFile } from "../checks/check-results-format.js";
import { type LoadedSuite, loadSuite } from "../checks/load-suite.js";
import { runSuite } from "../checks/run-suite.js";
import { suiteHistory, suiteLogName } from "../checks/suite-history.js";
import { throughDoor } from "../door/through-door.js";
import { type EngineName, locateFor, openEngine } from "../engines/open-engine.js";
import { experimentOfFile } from "../experiments/experiment-of-file.js";
import { localDate } from "../gates/gate-input.js";
import { suiteReads } from "../gates/planned-reads.js";
import { renderCheckResults } from "../report/check-results-html.js";
import type { JustificationChoice } from "../runlog/justification.js";
import { newRunId, readRunLog, runLogPath } from "../runlog/run-log.js";
import type { RunRecord } from "../runlog/run-record-schema.js";
import type { Workspace } from "../workspace.js";
import { checkSummaries } from "./check-summaries.js";
import { writeJson } from "./write-json.js";

export interface CheckSuiteOptions extends JustificationChoice {
  /** The suite file, inside an experiment folder. */
  suite: string;
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
 * Runs a suite through the door: the gates first, then the checks, then the run in the
 * experiment's log with what the engine read; the JSON is written only after the checks ran.
 * @example const run = await checkSuite({ suite: "experiments/om-datakwaliteit/suite.yaml", justification: "..." });
 */
export async function checkSuite(options: CheckSuiteOptions): Promise<CheckRun> {
  const loaded = await loadSuite(options.suite, options.dataDir);
  const { opened, workspace } = await experimentOfFile(options.suite, options.workspace);
  const engineName = options.engine ?? "duckdb";
  const logName = suiteLogName(opened.dir, loaded.file);
  const history = suiteHistory(await readRunLog(runLogPath(opened.dir)), logName);
  const id = newRunId();
  const referenceDate = options.referenceDate ?? loaded.suite.reference_date ?? localDate();
  const { value: result, record } = await throughDoor(
    {
      workspace,
      opened,
      id,
      ...(options.justification !== undefined && { justification: options.justification }),
      ...(options.reuseJustification !== undefined && { reuseJustification: options.reuseJustification }),
      analysis: {
        name: "check",
        params: {
          suite: logName,
          engine: engineName,
          reference_date: referenceDate,
          ...(options.dataDir && { data: options.dataDir }),
        },
      },
      reads: suiteReads(loaded, { locate: locateFor(engineName) }),
    },
    async (permit) => {
      const engine = await openEngine(engineName, { ...(options.pgUrl !== undefined && { pgUrl: options.pgUrl }) });
      try {
        const { result } = await runSuite(engine, loaded, permit, { history, referenceDate });
        const json = options.json ? await writeJson(options.json, checkResultsFile(result, id)) : undefined;
        return {
          value: result,
          end: {
            outcome: result.outcome,
            metrics: Object.fromEntries(result.checks.map((c) => [c.id, c.metric])),
            metricUnits: Object.fromEntries(result.checks.map((c) => [c.id, c.unit])),
            checks: checkSummaries(result),
            artifacts: json ? [json] : [],
          },
        };
      } finally {
        await engine.close();
      }
    },
  );
  return { suite: loaded, result, record, html: renderCheckResults(result) };
}
