import { copyFile, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { DuckDbEngine, loadSuite, runSuite, type SuiteResult } from "../../src/index.js";
import { writeMiniData } from "../helpers/mini-data.js";
import { openTestRun } from "../helpers/test-run.js";

const SUITE = join(import.meta.dirname, "../checks/mini-suite.yaml");
let dir: string;

async function resultFor(suiteFile: string, history?: Record<string, number[]>): Promise<SuiteResult> {
  const engine = await DuckDbEngine.open();
  const { permit } = await openTestRun();
  try {
    return (await runSuite(engine, await loadSuite(suiteFile), permit, history ? { history } : {})).result;
  } finally {
    await engine.close();
  }
}

beforeAll(async () => {
  dir = await writeMiniData();
  await copyFile(SUITE, join(dir, "parquet.yaml"));
  const engine = await DuckDbEngine.open();
  try {
    await engine.connection.run(`ATTACH '${join(dir, "mini.duckdb")}' AS mini`);
    for (const table of ["zaken", "verdachten", "vreemd"]) {
      const parquet = join(dir, `${table}.parquet`);
      await engine.connection.run(`CREATE TABLE mini.${table} AS SELECT * FROM read_parquet('${parquet}')`);
      await engine.connection.run(`COPY mini.${table} TO '${join(dir, `${table}.csv`)}' (FORMAT csv, HEADER)`);
    }
  } finally {
    await engine.close();
  }
  const text = await readFile(SUITE, "utf8");
  await writeFile(join(dir, "csv.yaml"), text.replaceAll(".parquet", ".csv"));
  await writeFile(join(dir, "duckdb.yaml"), text.replace(/file: (\w+)\.parquet/g, "file: mini.duckdb, table: $1"));
});

describe("the DuckDB engine reads Parquet, CSV and a DuckDB database file", () => {
  it.each(["csv", "duckdb"])("gives the same results from %s as from Parquet", async (format) => {
    const fromParquet = await resultFor(join(dir, "parquet.yaml"));
    const other = await resultFor(join(dir, `${format}.yaml`));
    const comparable = (r: SuiteResult) => r.checks.map((c) => [c.id, c.outcome, c.failing_count, c.sample]);
    expect(comparable(other)).toEqual(comparable(fromParquet));
  });
});

describe("drift against earlier runs", () => {
  it("fails when the metric moved more than allowed from the mean of the earlier runs", async () => {
    const drift = (await resultFor(join(dir, "parquet.yaml"), { "not-null": [0, 0.02] })).checks.find(
      (c) => c.id === "drift",
    );
    expect(drift?.outcome).toBe("failed");
    expect(drift?.metric).toBeCloseTo(2 / 7 - 0.01, 10);
  });

  it("passes when it stayed within bounds", async () => {
    const drift = (await resultFor(join(dir, "parquet.yaml"), { "not-null": [0.25, 0.3] })).checks.find(
      (c) => c.id === "drift",
    );
    expect(drift?.outcome).toBe("passed");
  });
});
