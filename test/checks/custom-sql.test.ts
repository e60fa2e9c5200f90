import { existsSync } from "node:fs";
import { copyFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  DuckDbEngine,
  isLivingLabError,
  loadIntoPostgres,
  loadSuite,
  runSuite,
  type SuiteOutcome,
} from "../../src/index.js";
import { ENGINE_NAMES, type EngineName, withEngine } from "../helpers/engines.js";
import { writeMiniData } from "../helpers/mini-data.js";
import { fileDatabase } from "../helpers/postgres-database.js";
import { testPermit } from "../helpers/test-run.js";

let dir: string;

async function suiteWith(name: string, sql: string): Promise<string> {
  const file = join(dir, `${name}.yaml`);
  await writeFile(
    file,
    [
      "format: livinglab-suite/2",
      `name: ${name}`,
      "datasets:",
      "  zaken: { file: zaken.parquet, key: zaak_id }",
      "  verdachten: { file: verdachten.parquet, key: verdachte_id }",
      "checks:",
      "  - { id: ingevuld, kind: not_null, table: zaken, column: zaak_id }",
      "  - id: eigen",
      "    kind: custom_sql",
      "    table: zaken",
      `    sql: ${JSON.stringify(sql)}`,
    ].join("\n"),
  );
  return file;
}

async function run(engine: EngineName, file: string): Promise<SuiteOutcome | unknown> {
  return withEngine(engine, async (opened) =>
    runSuite(opened, await loadSuite(file), await testPermit()).catch((error: unknown) => error),
  );
}

beforeAll(async () => {
  dir = await writeMiniData();
  for (const table of ["zaken", "verdachten"]) {
    await loadIntoPostgres(
      await testPermit(),
      { name: table, file: join(dir, `${table}.parquet`) },
      { table, pgUrl: await fileDatabase() },
    );
  }
});

describe.each(ENGINE_NAMES)("custom SQL (%s)", (engine) => {
  it.each([
    [
      "several statements, breaking out of the parentheses around it",
      "SELECT zaak_id FROM zaken WHERE false) AS a) AS b; COPY (SELECT 'geheim') TO '{out}'; SELECT 0 AS failing, [] AS sample FROM (SELECT 1 AS zaak_id FROM (SELECT 1",
      "custom_sql_invalid",
    ],
    ["two SELECTs", "SELECT zaak_id FROM zaken; SELECT zaak_id FROM zaken", "custom_sql_not_one_statement"],
    ["a COPY that writes a file", "COPY zaken TO '{out}'", "custom_sql_not_select"],
    [
      "reading /etc/passwd through a table function",
      "SELECT column0 AS zaak_id FROM read_csv('/etc/passwd', header = false, sep = ':')",
      "custom_sql_refused",
    ],
    ["reading a server file through a function", "SELECT pg_read_file('/etc/passwd') AS zaak_id", "custom_sql_refused"],
    [
      "calling a Java method on Spark",
      "SELECT java_method('java.lang.System', 'getenv', 'HOME') AS zaak_id FROM zaken",
      "custom_sql_refused",
    ],
    ["a file named as a table", "SELECT * FROM '/etc/passwd'", "custom_sql_unknown_table"],
    [
      "a table that is not a dataset",
      "SELECT table_name AS zaak_id FROM information_schema.tables",
      "custom_sql_unknown_table",
    ],
    [
      "changing a setting",
      "SELECT set_config('standard_conforming_strings', 'off', false) AS zaak_id",
      "custom_sql_refused",
    ],
  ])("refuses %s before anything runs, and writes nothing", async (_, sql, code) => {
    const out = join(dir, `geschreven-${engine}-${code}.csv`);
    const file = await suiteWith(`geweigerd-${code}`, sql.replaceAll("{out}", out));
    const error = await run(engine, file);
    expect(isLivingLabError(error), String(error)).toBe(true);
    if (!isLivingLabError(error)) return;
    expect(error.problems).toContainEqual(
      expect.objectContaining({ code, file, line: 11, path: ["checks", 1, "sql"] }),
    );
    expect(existsSync(out)).toBe(false);
  });

  it("runs one SELECT over the datasets, with a WITH clause and a join", async () => {
    const file = await suiteWith(
      "goed",
      "WITH afgedaan AS (SELECT * FROM zaken WHERE status = 'afgedaan') SELECT a.zaak_id FROM afgedaan AS a JOIN verdachten AS v ON v.verdachte_id = a.verdachte_id WHERE a.afdoening IS NULL;",
    );
    const outcome = (await run(engine, file)) as SuiteOutcome;
    expect(outcome.result.checks[1]).toMatchObject({ outcome: "failed", failing_count: 1, sample: ["Z2"] });
  });

  it("is not evaluated, never 'in orde', when the database stops it while it runs", async () => {
    const file = await suiteWith("faalt", "SELECT zaak_id FROM zaken WHERE CAST(opmerking AS INTEGER) = 1");
    const outcome = (await run(engine, file)) as SuiteOutcome;
    expect(outcome.result.checks[1]).toMatchObject({ outcome: "not_evaluated", metric: null });
    expect(outcome.result.checks[1]?.reason).toContain("eigen SQL");
    expect(outcome.result.checks[1]?.reason).not.toContain("06-12345678");
    expect(outcome.result.checks[0]?.outcome).toBe("passed");
    expect(outcome.result.outcome).toBe("not_evaluated");
  });
});

describe("a DuckDB engine restricted to its datasets", () => {
  it("reads the attached Parquet, CSV and DuckDB files, and no other file", async () => {
    const engine = await DuckDbEngine.open();
    try {
      await engine.query(`COPY (SELECT 1 AS x) TO '${join(dir, "een.csv")}' (FORMAT csv, HEADER)`);
      await engine.query(`ATTACH '${join(dir, "een.duckdb")}' AS een`);
      await engine.query("CREATE TABLE een.t AS SELECT 1 AS x");
      await engine.query("DETACH een");
      await (await testPermit()).attach(engine, { name: "p", file: join(dir, "zaken.parquet") });
      await (await testPermit()).attach(engine, { name: "c", file: join(dir, "een.csv") });
      await (await testPermit()).attach(engine, { name: "d", file: join(dir, "een.duckdb"), table: "t" });
      await copyFile(join(dir, "een.csv"), join(dir, "twee.csv"));
      await engine.restrictToAttached();
      for (const view of ["p", "c", "d"])
        expect((await engine.query(`SELECT count(*) AS n FROM ${view}`))[0]?.n).toBeGreaterThan(0);
      // DuckDB's own words are on the error for the user's screen; its message is ours.
      const refused = (pattern: RegExp) => ({ engineMessage: expect.stringMatching(pattern) });
      await expect(engine.query(`SELECT * FROM read_csv('${join(dir, "twee.csv")}')`)).rejects.toMatchObject(
        refused(/disabled/),
      );
      await expect(engine.query("SELECT * FROM read_text('/etc/passwd')")).rejects.toMatchObject(refused(/disabled/));
      await expect(engine.query(`COPY (SELECT 1) TO '${join(dir, "uit.csv")}'`)).rejects.toMatchObject(
        refused(/disabled/),
      );
      await expect(engine.query("SET enable_external_access = true")).rejects.toMatchObject(refused(/locked/));
      expect(existsSync(join(dir, "uit.csv"))).toBe(false);
    } finally {
      await engine.close();
    }
  });
});
