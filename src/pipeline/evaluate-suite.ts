import { existsSync } from "node:fs";
import { basename, extname, resolve } from "node:path";
import { loadSuite } from "../checks/load-suite.js";
import { runSuite } from "../checks/run-suite.js";
import { examPassed, type FlaggedRow, type KindScore, scoreExam, type TruthRow } from "../checks/score-exam.js";
import { suiteLogName } from "../checks/suite-history.js";
import type { RunPermit } from "../door/run-permit.js";
import { throughDoor } from "../door/through-door.js";
import type { Engine } from "../engines/engine.js";
import { type EngineName, locateFor, openEngine } from "../engines/open-engine.js";
import { LivingLabError } from "../errors/problem.js";
import { experimentOfFile } from "../experiments/experiment-of-file.js";
import { localDate } from "../gates/gate-input.js";
import { suiteReads } from "../gates/planned-reads.js";
import type { JustificationChoice } from "../runlog/justification.js";
import type { RunRecord } from "../runlog/run-record-schema.js";
import { quoteIdentifier } from "../sql/quote.js";
import type { Workspace } from "../workspace.js";
import { checkSummaries } from "./check-summaries.js";
import { writeJson } from "./write-json.js";

/** The ground truth's dataset name in the run record, and the columns the exam reads of it. */
export const GROUND_TRUTH = "ground_truth";
const TRUTH_COLUMNS = ["kind", "table_name", "row_key"];

export interface EvaluateSuiteOptions extends JustificationChoice {
  suite: string;
  /** The folder with the generated datasets (the same file names as in the suite). */
  dataDir: string;
  /** The generator's ground truth: Parquet or CSV with kind, table_name, row_key. */
  truth: string;
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

/**
 * Reads a ground truth through the run's permit, on DuckDB: it is a file the generator wrote.
 * A file without the three columns is the user's to fix.
 */
export async function readGroundTruth(engine: Engine, permit: RunPermit, file: string): Promise<TruthRow[]> {
  await permit.attach(engine, { name: GROUND_TRUTH, file: resolve(file) });
  const names = new Set((await engine.columns(GROUND_TRUTH)).map((c) => c.name));
  const missing = TRUTH_COLUMNS.filter((c) => !names.has(c));
  if (missing.length > 0) {
    throw new LivingLabError({
      code: "truth_columns_missing",
      message: `De grondwaarheid ${file} mist de kolom(men) ${missing.join(", ")}.`,
      hint: "Een grondwaarheid heeft de kolommen kind, table_name en row_key.",
      file,
    });
  }
  const rows = await engine.query(
    `SELECT kind, table_name, CAST(row_key AS VARCHAR) AS row_key FROM ${quoteIdentifier(GROUND_TRUTH)}`,
  );
  return rows.map((r) => ({ kind: String(r.kind), table_name: String(r.table_name), row_key: String(r.row_key) }));
}

/**
 * The exam: runs a suite on generated data and scores, per defect kind, recall and precision
 * against the generator's ground truth. Through the door like every analysis.
 * @example const { scores } = await evaluateSuite({ suite, dataDir: "data", truth: "data/ground_truth.parquet", justification });
 */
export async function evaluateSuite(options: EvaluateSuiteOptions): Promise<Evaluation> {
  if (!existsSync(options.truth)) {
    throw new LivingLabError({
      code: "file_not_found",
      message: `De grondwaarheid ${options.truth} bestaat niet.`,
      hint: "Geef met --truth het bestand ground_truth.parquet dat 'livinglab synth' schreef.",
      file: options.truth,
    });
  }
  const loaded = await loadSuite(options.suite, options.dataDir);
  const { opened, workspace } = await experimentOfFile(options.suite, options.workspace);
  const engineName = options.engine ?? "duckdb";
  const referenceDate = options.referenceDate ?? loaded.suite.reference_date ?? localDate();
  const suite = suiteReads(loaded, { locate: locateFor(engineName) });
  const truth = resolve(options.truth);
  const reads = {
    ...suite,
    datasets: [...suite.datasets, { name: GROUND_TRUTH, file: truth, columns: TRUTH_COLUMNS }],
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
          truth: basename(options.truth, extname(options.truth)),
          reference_date: referenceDate,
        },
      },
      reads,
    },
    async (permit) => {
      const engine = await openEngine(engineName, { ...(options.pgUrl !== undefined && { pgUrl: options.pgUrl }) });
      // The ground truth is a file the generator wrote: an embedded DuckDB reads it, whatever the suite's engine.
      const duck = await openEngine("duckdb");
      try {
        const outcome = await runSuite(engine, loaded, permit, { collectFlagged: true, referenceDate });
        const truthRows = await readGroundTruth(duck, permit, truth);
        const rows: FlaggedRow[] = loaded.suite.checks.flatMap((check) =>
          check.finds === undefined
            ? []
            : (outcome.flagged.get(check.id) ?? []).map((key) => ({
                kind: check.finds as string,
                table: check.table,
                key,
              })),
        );
        const scores = scoreExam(truthRows, rows);
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
        await duck.close();
        await engine.close();
      }
    },
  );
  return { scores, passed: examPassed(scores), record };
}
