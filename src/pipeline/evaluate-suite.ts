import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { loadSuite } from "../checks/load-suite.js";
import { runSuite } from "../checks/run-suite.js";
import { examPassed, type FlaggedRow, type KindScore, scoreExam, type TruthRow } from "../checks/score-exam.js";
import { suiteLogName } from "../checks/suite-history.js";
import { DuckDbEngine } from "../engines/duckdb-engine.js";
import { engineVersionOf } from "../engines/engine.js";
import { type EngineName, openEngine } from "../engines/open-engine.js";
import { LivingLabError } from "../errors/problem.js";
import { experimentOfFile } from "../experiments/experiment-of-file.js";
import { requireJustification } from "../runlog/justification.js";
import { recordRun } from "../runlog/record-run.js";
import { newRunId } from "../runlog/run-log.js";
import type { RunRecord } from "../runlog/run-record-schema.js";
import type { Workspace } from "../workspace.js";
import { writeJson } from "./write-json.js";

export interface EvaluateSuiteOptions {
  suite: string;
  /** The folder with the generated datasets (the same file names as in the suite). */
  dataDir: string;
  /** The generator's ground truth: Parquet or CSV with kind, table_name, row_key. */
  truth: string;
  justification: string;
  engine?: EngineName;
  pgUrl?: string;
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

/** Reads a ground truth file; a missing one or one without the three columns is the user's to fix. */
export async function readGroundTruth(file: string): Promise<TruthRow[]> {
  if (!existsSync(file)) {
    throw new LivingLabError({
      code: "file_not_found",
      message: `De grondwaarheid ${file} bestaat niet.`,
      hint: "Geef met --truth het bestand ground_truth.parquet dat 'livinglab synth' schreef.",
      file,
    });
  }
  const engine = await DuckDbEngine.open();
  try {
    await engine.registerFile("truth", resolve(file));
    const names = new Set((await engine.columns("truth")).map((c) => c.name));
    const missing = ["kind", "table_name", "row_key"].filter((c) => !names.has(c));
    if (missing.length > 0) {
      throw new LivingLabError({
        code: "truth_columns_missing",
        message: `De grondwaarheid ${file} mist de kolom(men) ${missing.join(", ")}.`,
        hint: "Een grondwaarheid heeft de kolommen kind, table_name en row_key.",
        file,
      });
    }
    const rows = await engine.query("SELECT kind, table_name, CAST(row_key AS VARCHAR) AS row_key FROM truth");
    return rows.map((r) => ({ kind: String(r.kind), table_name: String(r.table_name), row_key: String(r.row_key) }));
  } finally {
    await engine.close();
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
  const truth = await readGroundTruth(options.truth);
  const engineName = options.engine ?? "duckdb";
  const engine = await openEngine(engineName, { ...(options.pgUrl !== undefined && { pgUrl: options.pgUrl }) });
  try {
    const { result, flagged } = await runSuite(engine, loaded, {
      collectFlagged: true,
      ...(options.referenceDate !== undefined && { referenceDate: options.referenceDate }),
    });
    const rows: FlaggedRow[] = loaded.suite.checks.flatMap((check) =>
      check.finds === undefined
        ? []
        : (flagged.get(check.id) ?? []).map((key) => ({ kind: check.finds as string, table: check.table, key })),
    );
    const scores = scoreExam(truth, rows);
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
          reference_date: result.reference_date,
        },
      },
      justification,
      datasets: {
        ...Object.fromEntries(files.map((d) => [d.name, d.file as string])),
        ground_truth: resolve(options.truth),
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
