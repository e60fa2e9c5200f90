import { mkdir, writeFile } from "node:fs/promises";
import { dirname, isAbsolute, join } from "node:path";
import { type MetricUnit, metricUnits } from "../checks/metric-unit.js";
import type { RunPermit } from "../door/run-permit.js";
import { isRefusal, throughDoor } from "../door/through-door.js";
import { DuckDbEngine } from "../engines/duckdb-engine.js";
import type { Row } from "../engines/engine.js";
import { duckdbSettings } from "../engines/open-engine.js";
import { LivingLabError } from "../errors/problem.js";
import type { OpenedExperiment } from "../experiments/open-experiment.js";
import type { Workspace } from "../workspace.js";
import type { JustificationChoice } from "./justification.js";
import type { DataFingerprint, RunRecord } from "./run-record-schema.js";

/** What a logged analysis gets: an engine, and ways to read and write that the log sees. */
export interface LoggedRunContext {
  readonly id: string;
  /** The run's permit, for engines of your own: `await run.permit.attach(engine, { name, file })`. */
  readonly permit: RunPermit;
  /** An embedded DuckDB for this run, closed when it ends. */
  readonly engine: DuckDbEngine;
  /**
   * Makes a Parquet, CSV or DuckDB file queryable as `name`, through the door: declared data
   * only on real personal data (and only its declared columns), never data logged as destroyed.
   * Returns what was read: the file's hash and the content fingerprint.
   */
  readDataset(name: string, file: string): Promise<DataFingerprint>;
  /** Records a table you made in the engine, by its content fingerprint. */
  readTable(table: string): Promise<DataFingerprint>;
  query(sql: string): Promise<Row[]>;
  /** Writes a file (relative paths land in the experiment folder) and records its hash. */
  writeArtifact(file: string, content: string | Uint8Array): Promise<string>;
  /**
   * Records a number in the run's metrics, with what it measures: `share` (0 to 1), `count`,
   * `ratio`, or a change in one of those. Without a unit, charts show it apart as "eenheid niet vastgelegd".
   */
  metric(name: string, value: number | null, unit?: MetricUnit): void;
  /** The run's outcome (default `completed`), e.g. `passed` or `failed`. */
  outcome: string;
}

export interface LoggedRunOptions extends JustificationChoice {
  analysis: string | { name: string; params: Record<string, unknown> };
}

/**
 * Runs `analysis` as a logged run, through the door: the justification and the gates are
 * checked and the start recorded before your function runs; what it reads and writes through
 * the context is recorded at the end, also when it throws (outcome `error`, then rethrown).
 * @example const { result } = await loggedRun(lab, om, { analysis: "telling", justification }, async (run) => { await run.readDataset("zaken", file); return run.query("SELECT count(*) FROM zaken"); });
 */
export async function loggedRun<T>(
  workspace: Workspace,
  opened: OpenedExperiment,
  options: LoggedRunOptions,
  analysis: (run: LoggedRunContext) => Promise<T>,
): Promise<{ result: T; record: RunRecord }> {
  const { analysis: what, ...choice } = options;
  const name = typeof what === "string" ? what : what.name;
  const { value, record } = await throughDoor(
    {
      workspace,
      opened,
      ...choice,
      analysis: typeof what === "string" ? { name: what, params: {} } : what,
      reads: { datasets: [], columns: {} },
    },
    async (permit) => {
      const engine = await DuckDbEngine.open(":memory:", duckdbSettings());
      try {
        const artifacts: string[] = [];
        const metrics: Record<string, number | null> = {};
        const units: Record<string, MetricUnit> = {};
        // Your SQL may read any column of what you attach: every attached column counts as read.
        const columns = () => ({
          [name]: permit
            .read()
            .filter((d) => !d.made)
            .flatMap((d) => d.columns.map((c) => `${d.name}.${c}`)),
        });
        const context: LoggedRunContext = {
          id: permit.id,
          permit,
          engine,
          outcome: "completed",
          readDataset: (dataset, file) => permit.attach(engine, { name: dataset, file }),
          readTable: (table) => permit.recordTable(engine, table),
          query: (sql) => engine.query(sql),
          async writeArtifact(file, content) {
            const path = isAbsolute(file) ? file : join(opened.dir, file);
            await mkdir(dirname(path), { recursive: true });
            await writeFile(path, content);
            artifacts.push(path);
            return path;
          },
          metric(metricName, metricValue, unit) {
            if (unit !== undefined && !metricUnits.includes(unit)) {
              throw new LivingLabError({
                code: "unknown_metric_unit",
                message: `De eenheid '${unit}' van meting '${metricName}' bestaat niet.`,
                hint: `Kies een van: ${metricUnits.join(", ")}.`,
              });
            }
            metrics[metricName] = metricValue;
            if (unit) units[metricName] = unit;
            else delete units[metricName];
          },
        };
        const result = await analysis(context).catch(async (error: unknown) => {
          // The run ends with what it read and wrote so far; throughDoor records the error.
          await permit.end({
            outcome: isRefusal(error) ? "refused" : "error",
            error,
            metrics,
            metricUnits: units,
            artifacts,
            columns: columns(),
          });
          throw error;
        });
        return {
          value: result,
          end: { outcome: context.outcome, metrics, metricUnits: units, artifacts, columns: columns() },
        };
      } finally {
        await engine.close();
      }
    },
  );
  return { result: value, record };
}
