import type { DataFrame } from "danfojs-node";
import type { SuiteResult } from "../checks/check-result.js";
import { checkResultsFile } from "../checks/check-results-format.js";
import { type LoadedSuite, loadSuite } from "../checks/load-suite.js";
import { runSuite } from "../checks/run-suite.js";
import { dataSources, suiteHistory, suiteLogName } from "../checks/suite-history.js";
import { engineOfTables } from "../connections/engine-of-tables.js";
import { declaredFile } from "../door/data-location.js";
import { throughDoor } from "../door/through-door.js";
import { type EngineName, type EngineResources, locateFor, openEngine } from "../engines/open-engine.js";
import { stopOnAbort } from "../engines/stop-on-abort.js";
import { declaredDatasets } from "../experiments/declared-data.js";
import { experimentOfFile } from "../experiments/experiment-of-file.js";
import { framesAsDatasets } from "../frames/frames-as-datasets.js";
import { localDate } from "../gates/gate-input.js";
import { suiteReads } from "../gates/planned-reads.js";
import { interruptSignal, progressReporter } from "../notebook/kernel.js";
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
  /** Spark address; without it SPARK_REMOTE applies. */
  sparkUrl?: string;
  /** Memory and threads for the embedded engine; default LIVINGLAB_MEMORY and LIVINGLAB_THREADS, else 1GB and one thread per core. */
  resources?: EngineResources;
  /** "Today" for relative ranges and freshness (YYYY-MM-DD). */
  referenceDate?: string;
  /** Also write the results as JSON to this file. */
  json?: string;
  /**
   * DataFrames to check instead of the files of the suite datasets they are named after; each is
   * read through the door like any dataset, as a DuckDB table, and logged by its content fingerprint.
   */
  frames?: Readonly<Record<string, DataFrame>>;
  /** Stops the work (the engine's running query too), writing nothing (default in a notebook: Kernel, Interrupt). */
  signal?: AbortSignal;
  /** Told as the work goes: steps done, and in all (default: a bar in a notebook, a line on a terminal). */
  onProgress?: (done: number, total: number) => void;
  workspace?: Workspace;
}

/** A suite's run as the command line shows it: the suite, its results and its record in the log. */
export interface CheckedSuite {
  suite: LoadedSuite;
  result: SuiteResult;
  record: RunRecord;
}

export interface CheckRun extends CheckedSuite {
  /** The results as a table and a chart, for a notebook or a page. */
  html: string;
}

/**
 * Runs a suite through the door: the gates first, then the checks, then the run in the
 * experiment's log with what the engine read; the JSON is written only after the checks ran.
 * @example const run = await checkSuite({ suite: "experiments/om-datakwaliteit/suite.yaml", justification: "..." });
 */
export async function checkSuite(options: CheckSuiteOptions): Promise<CheckRun> {
  const run = await runCheckSuite(options);
  // The chart library is loaded only here: the command line prints a table and needs none of it.
  const { renderCheckResults } = await import("../report/check-results-html.js");
  return { ...run, html: renderCheckResults(run.result) };
}

/** `checkSuite` without the results as HTML: the same door, gates, checks and record. */
export async function runCheckSuite(options: CheckSuiteOptions): Promise<CheckedSuite> {
  const loaded = await loadSuite(options.suite, options.dataDir);
  const { opened, workspace } = await experimentOfFile(options.suite, options.workspace);
  const logName = suiteLogName(opened.dir, loaded.file);
  const frames = Object.keys(options.frames ?? {});
  const reading = framesAsDatasets(loaded, options.frames ?? {});
  // Datasets the experiment declares as tables are read where they live: the engine follows.
  const choice = await engineOfTables(opened.root, declaredDatasets(opened.experiment), reading.datasets, options);
  const engineName = choice.engine;
  const declared = declaredDatasets(opened.experiment);
  const places = { lab: opened.root, experiment: opened.dir, declared };
  const locate = locateFor(engineName);
  const reads = suiteReads(reading, {
    locate: choice.connection ? (source) => locate(declaredFile(places, source)) : locate,
  });
  const history = suiteHistory(
    await readRunLog(runLogPath(opened.dir)),
    logName,
    dataSources(opened.dir, reads.datasets),
  );
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
          ...(choice.connection && { verbinding: choice.connection.name }),
          reference_date: referenceDate,
          ...(options.dataDir && { data: options.dataDir }),
          ...(frames.length > 0 && { frames }),
        },
      },
      reads,
    },
    async (permit) => {
      const engine = await openEngine(engineName, {
        ...options.resources,
        ...(choice.pgUrl !== undefined && { pgUrl: choice.pgUrl }),
        ...(choice.connection && { connection: choice.connection.name }),
        ...(options.sparkUrl !== undefined && { sparkUrl: options.sparkUrl }),
      });
      try {
        const onProgress = options.onProgress ?? progressReporter("Checks uitgevoerd");
        const { result } = await stopOnAbort(engine, options.signal ?? interruptSignal(), "De checks", () =>
          runSuite(engine, reading, permit, { history, referenceDate, ...(onProgress && { onProgress }) }),
        );
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
  return { suite: loaded, result, record };
}
