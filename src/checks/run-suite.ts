import { basename, dirname, resolve } from "node:path";
import type { DuckDbEngine } from "../engines/duckdb-engine.js";
import { LivingLabError } from "../errors/problem.js";
import { quoteIdentifier } from "../sql/quote.js";
import { readYamlWithSchema } from "../yaml/parse-with-schema.js";
import { checkRegistry } from "./check-registry.js";
import { type CheckResult, overallOutcome, type SuiteResult } from "./check-result.js";
import { type Check, type Suite, suiteSchema } from "./suite-schema.js";

export interface LoadedSuite {
  file: string;
  suite: Suite;
  /** Table name to absolute file path. */
  datasets: Record<string, string>;
}

/**
 * Reads a check suite; dataset paths resolve against `dataDir` or the suite's own folder.
 * @example const suite = await loadSuite("experiments/om-datakwaliteit/suite.yaml");
 */
export async function loadSuite(file: string, dataDir?: string): Promise<LoadedSuite> {
  const { source, value: suite } = await readYamlWithSchema(file, suiteSchema);
  const problems = suite.checks.flatMap((check, index) =>
    check.table in suite.datasets
      ? []
      : [
          {
            code: "unknown_table",
            message: `Check '${check.id}' gebruikt tabel '${check.table}', maar die staat niet onder datasets.`,
            hint: `Bekende tabellen: ${Object.keys(suite.datasets).join(", ")}.`,
            path: ["checks", index, "table"],
            ...source.locate(["checks", index, "table"]),
          },
        ],
  );
  if (problems.length > 0) throw new LivingLabError(problems);
  // `dataDir` points the suite at another copy of its data: the same file names, elsewhere.
  const datasets = Object.fromEntries(
    Object.entries(suite.datasets).map(([table, path]) => [
      table,
      dataDir ? resolve(dataDir, basename(path)) : resolve(dirname(file), path),
    ]),
  );
  return { file, suite, datasets };
}

/** Runs every check of a suite; all checks of one table share a single scan. */
export async function runSuite(engine: DuckDbEngine, loaded: LoadedSuite): Promise<SuiteResult> {
  for (const [table, file] of Object.entries(loaded.datasets)) await engine.registerFile(table, file);
  const byTable = new Map<string, Check[]>();
  for (const check of loaded.suite.checks) byTable.set(check.table, [...(byTable.get(check.table) ?? []), check]);
  const results: CheckResult[] = [];
  for (const [table, checks] of byTable) {
    const aggregates = checks.map((check, i) => `${failingCountSql(check)} AS ${quoteIdentifier(`c${i}`)}`);
    const sql = `SELECT count(*) AS row_count, ${aggregates.join(", ")} FROM ${quoteIdentifier(table)}`;
    const [row = {}] = await engine.query(sql);
    const rowCount = Number(row.row_count ?? 0);
    checks.forEach((check, i) => {
      results.push(resultOf(check, rowCount, Number(row[`c${i}`] ?? 0)));
    });
  }
  const ordered = loaded.suite.checks.map((check) => results.find((r) => r.id === check.id) as CheckResult);
  return { suite: loaded.suite.name, outcome: overallOutcome(ordered), checks: ordered };
}

function failingCountSql(check: Check): string {
  return checkRegistry[check.kind].failingCountSql(check);
}

function resultOf(check: Check, rowCount: number, failing: number): CheckResult {
  const definition = checkRegistry[check.kind];
  const metric = rowCount === 0 ? null : failing / rowCount;
  const threshold = {
    ...(check.max_failing !== undefined && { max_failing: check.max_failing }),
    ...(check.max_failing_fraction !== undefined && { max_failing_fraction: check.max_failing_fraction }),
  };
  const withinCount = failing <= (check.max_failing ?? (check.max_failing_fraction === undefined ? 0 : failing));
  const withinFraction = check.max_failing_fraction === undefined || (metric ?? 0) <= check.max_failing_fraction;
  const passed = withinCount && withinFraction;
  return {
    id: check.id,
    kind: check.kind,
    dimension: definition.dimension,
    table: check.table,
    description: definition.describe(check),
    outcome: passed ? "passed" : check.severity === "warn" ? "warned" : "failed",
    metric,
    failing_count: failing,
    row_count: rowCount,
    threshold,
  };
}
