import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  DuckDbEngine,
  type Engine,
  isLivingLabError,
  loadIntoPostgres,
  loadSuite,
  MAX_CHECKS,
  PostgresEngine,
  runSuite,
  type SuiteResult,
} from "../../src/index.js";
import { fileDatabase } from "../helpers/postgres-database.js";
import { testDataDir, testPermit } from "../helpers/test-run.js";

const ROWS = 1000;
const COLUMNS = 10;
let dir: string;

/** Column c{j} is empty in every row whose number is a multiple of j + 3. */
const missingIn = (column: number) => Math.floor((ROWS - 1) / (column + 3)) + 1;

async function suiteOf(name: string, checks: number): Promise<string> {
  const file = join(dir, `${name}.yaml`);
  const lines = Array.from(
    { length: checks },
    (_, i) => `  - { id: c${i}, kind: not_null, table: breed, column: c${i % COLUMNS} }`,
  );
  await writeFile(
    file,
    [
      "format: livinglab-suite/2",
      `name: ${name}`,
      "datasets:",
      "  breed: { file: breed.parquet, key: id }",
      "checks:",
      ...lines,
    ].join("\n"),
  );
  return file;
}

async function runOn(engine: Engine, file: string): Promise<SuiteResult> {
  try {
    return (await runSuite(engine, await loadSuite(file), await testPermit())).result;
  } finally {
    await engine.close();
  }
}

function expectAllCounted(result: SuiteResult, checks: number): void {
  expect(result.checks).toHaveLength(checks);
  const wrong = result.checks.filter((c, i) => c.failing_count !== missingIn(i % COLUMNS) || c.row_count !== ROWS);
  expect(wrong.map((c) => c.id)).toEqual([]);
}

beforeAll(async () => {
  dir = await testDataDir("scale-");
  const engine = await DuckDbEngine.open();
  try {
    const columns = Array.from(
      { length: COLUMNS },
      (_, j) => `CASE WHEN i % ${j + 3} = 0 THEN NULL ELSE 'w' || i END AS c${j}`,
    );
    // Two row groups, so both threads of the engine below take part in a scan.
    await engine.query(
      `COPY (SELECT 'R' || i AS id, ${columns.join(", ")} FROM range(${ROWS}) AS t(i)) TO '${join(dir, "breed.parquet")}' (FORMAT parquet, ROW_GROUP_SIZE ${ROWS / 2})`,
    );
  } finally {
    await engine.close();
  }
  await loadIntoPostgres(
    await testPermit(),
    { name: "breed", file: join(dir, "breed.parquet") },
    { table: "breed", pgUrl: await fileDatabase() },
  );
});

describe("a suite with many checks on one table", () => {
  it("runs on DuckDB in scans that fit a small memory limit (one scan went out of memory)", async () => {
    const file = await suiteOf("veel", 2000);
    const engine = await DuckDbEngine.open(":memory:", { memory_limit: "128MB", threads: "2" });
    expect(engine.scanCapacity()).toBeLessThan(2000);
    expectAllCounted(await runOn(engine, file), 2000);
  });

  it("runs on PostgreSQL in scans that stay within its limit of 1664 items in a SELECT", async () => {
    const file = await suiteOf("breed", 700);
    expectAllCounted(await runOn(await PostgresEngine.connect(await fileDatabase()), file), 700);
  });

  it(`is refused above ${MAX_CHECKS} checks, at the line of 'checks'`, async () => {
    const file = await suiteOf("te-veel", MAX_CHECKS + 1);
    const error = await loadSuite(file).catch((e: unknown) => e);
    expect(isLivingLabError(error) && error.problems).toEqual([
      expect.objectContaining({ code: "suite_too_many_checks", file, line: 6, path: ["checks"] }),
    ]);
  });
});
