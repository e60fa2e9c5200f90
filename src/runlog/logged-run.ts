import { mkdir, writeFile } from "node:fs/promises";
import { dirname, isAbsolute, join } from "node:path";
import { type MetricUnit, metricUnits } from "../checks/metric-unit.js";
import { DuckDbEngine } from "../engines/duckdb-engine.js";
import type { Row } from "../engines/engine.js";
import { LivingLabError } from "../errors/problem.js";
import type { OpenedExperiment } from "../experiments/open-experiment.js";
import type { Workspace } from "../workspace.js";
import type { JustificationChoice } from "./justification.js";
import type { RunRecord, TableFingerprint } from "./run-record-schema.js";
import { startRun } from "./start-run.js";
import { tableChecksum } from "./table-checksum.js";

/** What a logged analysis gets: an engine, and ways to read and write that the log sees. */
export interface LoggedRunContext {
  readonly id: string;
  /** An embedded DuckDB for this run, closed when it ends. */
  readonly engine: DuckDbEngine;
  /** Makes a Parquet or CSV file queryable as `name` and records its fingerprint. */
  readDataset(name: string, file: string): Promise<void>;
  /** Records a table already in the engine, by a checksum computed in SQL. */
  readTable(table: string): Promise<TableFingerprint>;
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
 * Runs `analysis` as a logged run: the justification is checked and the start recorded first;
 * the datasets it reads and the artifacts it writes through the context are recorded at the end,
 * and the end is recorded even when the function throws (outcome `error`, then rethrown).
 * @example const { result } = await loggedRun(lab, om, { analysis: "telling", justification }, async (run) => { await run.readDataset("zaken", file); return run.query("SELECT count(*) FROM zaken"); });
 */
export async function loggedRun<T>(
  workspace: Workspace,
  opened: OpenedExperiment,
  options: LoggedRunOptions,
  analysis: (run: LoggedRunContext) => Promise<T>,
): Promise<{ result: T; record: RunRecord }> {
  const { analysis: what, ...choice } = options;
  const engine = await DuckDbEngine.open();
  try {
    const engineVersion = `duckdb ${await engine.version()}`;
    const handle = await startRun(workspace, opened, {
      ...choice,
      analysis: typeof what === "string" ? { name: what, params: {} } : what,
      engineVersion,
    });
    const datasets: Record<string, string> = {};
    const tables: TableFingerprint[] = [];
    const artifacts: string[] = [];
    const metrics: Record<string, number | null> = {};
    const units: Record<string, MetricUnit> = {};
    const context: LoggedRunContext = {
      id: handle.id,
      engine,
      outcome: "completed",
      async readDataset(name, file) {
        await engine.registerFile(name, file);
        datasets[name] = file;
      },
      async readTable(table) {
        const fingerprint = await tableChecksum(engine, table);
        tables.push(fingerprint);
        return fingerprint;
      },
      query: (sql) => engine.query(sql),
      async writeArtifact(file, content) {
        const path = isAbsolute(file) ? file : join(opened.dir, file);
        await mkdir(dirname(path), { recursive: true });
        await writeFile(path, content);
        artifacts.push(path);
        return path;
      },
      metric(name, value, unit) {
        if (unit !== undefined && !metricUnits.includes(unit)) {
          throw new LivingLabError({
            code: "unknown_metric_unit",
            message: `De eenheid '${unit}' van meting '${name}' bestaat niet.`,
            hint: `Kies een van: ${metricUnits.join(", ")}.`,
          });
        }
        metrics[name] = value;
        if (unit) units[name] = unit;
        else delete units[name];
      },
    };
    const ending = { datasets, tables, artifacts, metrics, metricUnits: units, engineVersion };
    let result: T;
    try {
      result = await analysis(context);
    } catch (error) {
      await handle.end({ ...ending, outcome: "error", error });
      throw error;
    }
    return { result, record: await handle.end({ ...ending, outcome: context.outcome }) };
  } finally {
    await engine.close();
  }
}
