import { basename, extname, resolve } from "node:path";
import { examQuery, scoresFromExam, TRUTH_COLUMNS } from "../checks/exam-query.js";
import { loadSuite } from "../checks/load-suite.js";
import { runSuite } from "../checks/run-suite.js";
import { examPassed, type KindScore } from "../checks/score-exam.js";
import { suiteLogName } from "../checks/suite-history.js";
import { throughDoor } from "../door/through-door.js";
import { isUri } from "../engines/data-path.js";
import type { DatasetSource, Engine } from "../engines/engine.js";
import { type EngineName, type EngineResources, locateFor, openEngine } from "../engines/open-engine.js";
import { stopOnAbort } from "../engines/stop-on-abort.js";
import { LivingLabError } from "../errors/problem.js";
import { experimentOfFile } from "../experiments/experiment-of-file.js";
import { localDate } from "../gates/gate-input.js";
import { suiteReads } from "../gates/planned-reads.js";
import { interruptSignal, progressReporter } from "../notebook/kernel.js";
import type { JustificationChoice } from "../runlog/justification.js";
import type { RunRecord } from "../runlog/run-record-schema.js";
import { renderSelect } from "../sql/dialect.js";
import type { Workspace } from "../workspace.js";
import { checkSummaries } from "./check-summaries.js";
import { writeJson } from "./write-json.js";

/** The ground truth's dataset name, on the engine and in the run record. */
export const GROUND_TRUTH = "ground_truth";

export interface EvaluateSuiteOptions extends JustificationChoice {
  suite: string;
  /** The folder with the generated datasets (the same file names as in the suite). */
  dataDir: string;
  /** The generator's ground truth: Parquet or CSV with kind, table_name, row_key (a path the engine reads). */
  truth?: string;
  /** Or a table on the engine's server that holds the ground truth. */
  truthTable?: string;
  engine?: EngineName;
  pgUrl?: string;
  sparkUrl?: string;
  /** Memory and threads for the embedded engine; default LIVINGLAB_MEMORY and LIVINGLAB_THREADS, else 1GB and one thread per core. */
  resources?: EngineResources;
  referenceDate?: string;
  /** Write the scores as JSON: a list of kind, recall, precision. */
  json?: string;
  /** Stops the work (the engine's running query too), writing nothing (default in a notebook: Kernel, Interrupt). */
  signal?: AbortSignal;
  /** Told as the work goes: steps done, and in all (default: a bar in a notebook, a line on a terminal). */
  onProgress?: (done: number, total: number) => void;
  workspace?: Workspace;
}

export interface Evaluation {
  scores: KindScore[];
  passed: boolean;
  record: RunRecord;
}

/** Where the ground truth is: a file (a local path resolved, a URI as written), or a table on the server. */
function truthSource(options: EvaluateSuiteOptions): DatasetSource {
  const file = options.truth;
  if (file !== undefined) return { name: GROUND_TRUTH, file: isUri(file) ? file : resolve(file) };
  return { name: GROUND_TRUTH, table: options.truthTable ?? GROUND_TRUTH };
}

/** Checks that the attached ground truth has the three columns the exam reads. */
async function checkTruthColumns(engine: Engine, source: DatasetSource): Promise<void> {
  const names = new Set((await engine.columns(GROUND_TRUTH)).map((c) => c.name));
  const missing = TRUTH_COLUMNS.filter((c) => !names.has(c));
  if (missing.length === 0) return;
  throw new LivingLabError({
    code: "truth_columns_missing",
    message: `De grondwaarheid ${source.file ?? source.table} mist de kolom(men) ${missing.join(", ")}.`,
    hint: "Een grondwaarheid heeft de kolommen kind, table_name en row_key.",
    ...(source.file !== undefined && { file: source.file }),
  });
}

/**
 * The exam: runs a suite on generated data and scores, per defect kind, recall and precision
 * against the generator's ground truth. Through the door like every analysis; the flagged
 * keys meet the truth on the engine, and only counts per kind come back.
 * @example const { scores } = await evaluateSuite({ suite, dataDir: "data", truth: "data/ground_truth.parquet", justification });
 */
export async function evaluateSuite(options: EvaluateSuiteOptions): Promise<Evaluation> {
  const loaded = await loadSuite(options.suite, options.dataDir);
  const { opened, workspace } = await experimentOfFile(options.suite, options.workspace);
  const engineName = options.engine ?? "duckdb";
  const referenceDate = options.referenceDate ?? loaded.suite.reference_date ?? localDate();
  const locate = locateFor(engineName);
  const suite = suiteReads(loaded, { locate });
  const truth = locate(truthSource(options));
  const reads = {
    ...suite,
    datasets: [...suite.datasets, { ...truth, columns: [...TRUTH_COLUMNS] }],
    columns: { ...suite.columns, examen: TRUTH_COLUMNS.map((c) => `${GROUND_TRUTH}.${c}`) },
  };
  const { value: scores, record } = await throughDoor(
    {
      workspace,
      opened,
      ...(options.justification !== undefined && { justification: options.justification }),
      ...(options.reuseJustification !== undefined && { reuseJustification: options.reuseJustification }),
      analysis: {
        name: "evaluate",
        params: {
          suite: suiteLogName(opened.dir, loaded.file),
          engine: engineName,
          data: options.dataDir,
          truth:
            options.truth !== undefined
              ? basename(options.truth, extname(options.truth))
              : (truth.table ?? GROUND_TRUTH),
          reference_date: referenceDate,
        },
      },
      reads,
    },
    async (permit) => {
      const engine = await openEngine(engineName, {
        ...options.resources,
        ...(options.pgUrl !== undefined && { pgUrl: options.pgUrl }),
        ...(options.sparkUrl !== undefined && { sparkUrl: options.sparkUrl }),
      });
      try {
        // The truth is attached before the suite, which restricts the engine to what is attached;
        // its rows are read only once the suite's checks held against the columns.
        const unreadTruth = await permit.attachUnread(engine, truth);
        await checkTruthColumns(engine, truth);
        const onProgress = options.onProgress ?? progressReporter("Examen");
        const signal = options.signal ?? interruptSignal();
        const { outcome, scores } = await stopOnAbort(engine, signal, "Het examen", async () => {
          // The exam's own query is one step more after the suite's statements.
          let steps = 1;
          const outcome = await runSuite(engine, loaded, permit, {
            referenceDate,
            onProgress: (done, total) => {
              steps = total + 1;
              onProgress?.(done, steps);
            },
          });
          await unreadTruth.fingerprint();
          const exam = examQuery(outcome.plan, outcome.results, GROUND_TRUTH);
          const scores = scoresFromExam(await engine.query(renderSelect(exam, engine.dialect)));
          onProgress?.(steps, steps);
          return { outcome, scores };
        });
        const json = options.json ? await writeJson(options.json, scores) : undefined;
        return {
          value: scores,
          end: {
            outcome: examPassed(scores) ? "passed" : "failed",
            metrics: Object.fromEntries(
              scores.flatMap((s) => [
                [`${s.kind}.recall`, s.recall],
                [`${s.kind}.precision`, s.precision],
              ]),
            ),
            metricUnits: Object.fromEntries(
              scores.flatMap((s) => [
                [`${s.kind}.recall`, "share" as const],
                [`${s.kind}.precision`, "share" as const],
              ]),
            ),
            checks: checkSummaries(outcome.result),
            artifacts: json ? [json] : [],
          },
        };
      } finally {
        await engine.close();
      }
    },
  );
  return { scores, passed: examPassed(scores), record };
}
