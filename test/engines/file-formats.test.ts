import { copyFile, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { DuckDbEngine, loadSuite, runSuite, type SuiteResult } from "../../src/index.js";
import { writeMiniData } from "../helpers/mini-data.js";
import { openTestRun } from "../helpers/test-run.js";

const SUITE = join(import.meta.dirname, "../checks/mini-suite.yaml");
let dir: string;
/** The other formats DuckDB reads, each written by DuckDB itself from the same rows. */
const WRITERS = {
  tsv: "FORMAT csv, HEADER, DELIMITER '\t'",
  "semicolon.csv": "FORMAT csv, HEADER, DELIMITER ';'",
  "csv.gz": "FORMAT csv, HEADER, COMPRESSION gzip",
  json: "FORMAT json, ARRAY true",
  ndjson: "FORMAT json",
  "jsonl.gz": "FORMAT json, COMPRESSION gzip",
} as const;

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
      for (const [ext, options] of Object.entries(WRITERS)) {
        await engine.connection.run(`COPY mini.${table} TO '${join(dir, `${table}.${ext}`)}' (${options})`);
      }
    }
  } finally {
    await engine.close();
  }
  const text = await readFile(SUITE, "utf8");
  await writeFile(join(dir, "csv.yaml"), text.replaceAll(".parquet", ".csv"));
  for (const ext of Object.keys(WRITERS))
    await writeFile(join(dir, `${ext}.yaml`), text.replaceAll(".parquet", `.${ext}`));
  await writeFile(join(dir, "duckdb.yaml"), text.replace(/file: (\w+)\.parquet/g, "file: mini.duckdb, table: $1"));
});

describe("the DuckDB engine reads Parquet, CSV, TSV, JSON, NDJSON, gzip and a DuckDB database file", () => {
  it.each(["csv", "duckdb", ...Object.keys(WRITERS)])(
    "gives the same results from %s as from Parquet",
    async (format) => {
      const fromParquet = await resultFor(join(dir, "parquet.yaml"));
      const other = await resultFor(join(dir, `${format}.yaml`));
      const comparable = (r: SuiteResult) => r.checks.map((c) => [c.id, c.outcome, c.failing_count, c.sample]);
      expect(comparable(other)).toEqual(comparable(fromParquet));
    },
  );
});

describe("a file of a format livinglab does not read", () => {
  it("is refused with a coded Dutch problem naming the formats that work", async () => {
    await copyFile(join(dir, "zaken.parquet"), join(dir, "zaken.xlsx"));
    await writeFile(join(dir, "xlsx.yaml"), (await readFile(SUITE, "utf8")).replaceAll(".parquet", ".xlsx"));
    const error = await resultFor(join(dir, "xlsx.yaml")).catch((e: unknown) => e);
    expect(error).toMatchObject({ problems: [{ code: "data_format_unknown" }] });
    const [problem] = (error as { problems: { message: string; hint: string }[] }).problems;
    expect(problem?.message).toContain("zaken.xlsx");
    expect(problem?.hint).toContain("NDJSON (.ndjson, .jsonl)");
    expect(problem?.hint).toContain("Parquet (.parquet)");
  });
});

describe("a column the data does not have", () => {
  it("is refused before any row is read, at the check's line, when a column of that name is close", async () => {
    const text = await readFile(SUITE, "utf8");
    await writeFile(join(dir, "typo.yaml"), text.replace("column: parketnummer }", "column: parketnumer }"));
    const error = await resultFor(join(dir, "typo.yaml")).catch((e: unknown) => e);
    expect(error).toMatchObject({
      problems: [
        {
          code: "column_unknown",
          message: "Check 'not-null': de kolom 'parketnumer' staat niet in zaken.",
          hint: expect.stringMatching(/^Bedoelt u 'parketnummer'\? Kolommen in zaken: zaak_id, parketnummer, /),
          line: 9,
        },
      ],
    });
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
