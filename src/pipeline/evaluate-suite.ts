import { resolve } from "node:path";
import { examQuery, scoresFromExam, TRUTH_COLUMNS } from "../checks/exam-query.js";
import { loadSuite } from "../checks/load-suite.js";
import { runSuite } from "../checks/run-suite.js";
import { examPassed, type KindScore } from "../checks/score-exam.js";
import { suiteLogName } from "../checks/suite-history.js";
import { isUri } from "../engines/data-path.js";
import { type DatasetSource, type Engine, engineVersionOf } from "../engines/engine.js";
import { type EngineName, openEngine } from "../engines/open-engine.js";
import { LivingLabError } from "../errors/problem.js";
import { experimentOfFile } from "../experiments/experiment-of-file.js";
import { requireJustification } from "../runlog/justification.js";
import { recordRun } from "../runlog/record-run.js";
import { newRunId } from "../runlog/run-log.js";
import type { RunRecord } from "../runlog/run-record-schema.js";
import { renderSelect } from "../sql/dialect.js";
import type { Workspace } from "../workspace.js";
import { writeJson } from "./write-json.js";

/** The name the ground truth gets on the engine, beside the suite's datasets. */
const TRUTH = "__livinglab_truth";

export interface EvaluateSuiteOptions {
  suite: string;
  /** The folder with the generated datasets (the same file names as in the suite). */
  dataDir: string;
  /** The generator's ground truth: Parquet or CSV with kind, table_name, row_key (a path the engine reads). */
  truth?: string;
  /** Or a table on the engine's server that holds the ground truth. */
  truthTable?: string;
  justification: string;
  engine?: EngineName;
  pgUrl?: string;
  sparkUrl?: string;
  referenceDate?: string;
  /** Write the scores as JSON: a list of kind, recall, precision. */
  json?: string;
  workspace?: Workspace;
}

export interface Evaluation {
  scores: KindScore[];
  passed: boolean;
  record: RunRecord;
}

/** Attaches the ground truth on the engine and checks that it has the three columns. */
async function attachTruth(engine: Engine, options: EvaluateSuiteOptions): Promise<void> {
  const file = options.truth;
  const source: DatasetSource =
    file === undefined
      ? { name: TRUTH, table: options.truthTable ?? "ground_truth" }
      : { name: TRUTH, file: isUri(file) ? file : resolve(file) };
  await engine.attach(source);
  const names = new Set((await engine.columns(TRUTH)).map((c) => c.name));
  const missing = TRUTH_COLUMNS.filter((c) => !names.has(c));
  if (missing.length > 0) {
    const where = file ?? source.table ?? TRUTH;
    throw new LivingLabError({
      code: "truth_columns_missing",
      message: `De grondwaarheid ${where} mist de kolom(men) ${missing.join(", ")}.`,
      hint: "Een grondwaarheid heeft de kolommen kind, table_name en row_key.",
      ...(file !== undefined && { file }),
    });
  }
}

/**
 * The exam: runs a suite on generated data and scores, per defect kind, recall and precision
 * against the generator's ground truth. The run is logged like every analysis.
 * @example const { scores } = await evaluateSuite({ suite, dataDir: "data", truth: "data/ground_truth.parquet", justification });
 */
export async function evaluateSuite(options: EvaluateSuiteOptions): Promise<Evaluation> {
  const justification = requireJustification(options.justification);
  const loaded = await loadSuite(options.suite, options.dataDir);
  const { opened, workspace } = await experimentOfFile(options.suite, options.workspace);
  const engineName = options.engine ?? "duckdb";
  const engine = await openEngine(engineName, {
    ...(options.pgUrl !== undefined && { pgUrl: options.pgUrl }),
    ...(options.sparkUrl !== undefined && { sparkUrl: options.sparkUrl }),
  });
  try {
    await attachTruth(engine, options);
    const { result, plan, results } = await runSuite(engine, loaded, {
      ...(options.referenceDate !== undefined && { referenceDate: options.referenceDate }),
    });
    // Flagged keys meet the truth on the engine; only counts per kind come back.
    const scores = scoresFromExam(await engine.query(renderSelect(examQuery(plan, results, TRUTH), engine.dialect)));
    const id = newRunId();
    const json = options.json ? await writeJson(options.json, scores) : undefined;
    const files = engineName === "duckdb" ? loaded.datasets.filter((d) => d.file) : [];
    const record = await recordRun(workspace, opened, {
      id,
      analysis: {
        name: "evaluate",
        params: {
          suite: suiteLogName(opened.dir, loaded.file),
          engine: engineName,
          data: options.dataDir,
          ...(options.truthTable !== undefined && { truth_table: options.truthTable }),
          reference_date: result.reference_date,
        },
      },
      justification,
      datasets: {
        ...Object.fromEntries(files.map((d) => [d.name, d.file as string])),
        ...(engineName === "duckdb" && options.truth !== undefined && { ground_truth: resolve(options.truth) }),
      },
      artifacts: json ? [json] : [],
      outcome: examPassed(scores) ? "passed" : "failed",
      metrics: Object.fromEntries(
        scores.flatMap((s) => [
          [`${s.kind}.recall`, s.recall],
          [`${s.kind}.precision`, s.precision],
        ]),
      ),
      metricUnits: Object.fromEntries(
        scores.flatMap((s) => [
          [`${s.kind}.recall`, "share"],
          [`${s.kind}.precision`, "share"],
        ]),
      ),
      engineVersion: await engineVersionOf(engine),
    });
    return { scores, passed: examPassed(scores), record };
  } finally {
    await engine.close();
  }
}
