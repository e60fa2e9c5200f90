import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import {
  attachDatasets,
  compileCheck,
  DuckDbEngine,
  loadIntoPostgres,
  loadSuite,
  PostgresEngine,
  postgresDialect,
  runSuite,
} from "../../src/index.js";
import { writeMiniData } from "../helpers/mini-data.js";
import { createDatabase, tableExists } from "../helpers/postgres-database.js";
import { testPermit } from "../helpers/test-run.js";

/** The settings a server, database or role may choose that change what SQL text means. */
const LOOSE = {
  standard_conforming_strings: "off",
  backslash_quote: "on",
  DateStyle: "SQL, DMY",
  TimeZone: "Asia/Tokyo",
};

let dir: string;
let url: string;

beforeAll(async () => {
  dir = await writeMiniData();
  url = await createDatabase(inject("pgServerUrl"), LOOSE);
  for (const table of ["zaken", "verdachten"]) {
    await loadIntoPostgres(
      await testPermit(),
      { name: table, file: join(dir, `${table}.parquet`) },
      { table, pgUrl: url },
    );
  }
});

function suiteWith(values: string[]): string {
  return [
    "format: livinglab-suite/2",
    "name: aanval",
    "datasets:",
    "  zaken: { file: zaken.parquet, key: zaak_id }",
    "  verdachten: { file: verdachten.parquet, key: verdachte_id }",
    "checks:",
    `  - { id: codes, kind: accepted_values, table: zaken, column: arrondissement, values: ${JSON.stringify(values)} }`,
  ].join("\n");
}

/**
 * A value that, on a session with standard_conforming_strings off, closes its literal with `\'`,
 * ends the statement, drops a table and then rebuilds the rest of the statement so the whole
 * text parses. Built from the SQL the check compiles to, so it follows changes to that SQL.
 */
async function droppingValue(): Promise<string> {
  const file = join(dir, "marker.yaml");
  await writeFile(file, suiteWith(["Amsterdam", "MARKER"]));
  const loaded = await loadSuite(file);
  const check = loaded.suite.checks[0];
  if (!check) throw new Error("no check");
  const engine = await PostgresEngine.connect(url);
  const { columns } = await attachDatasets(engine, loaded, await testPermit()).finally(() => engine.close());
  const sql = compileCheck(loaded, check, postgresDialect, { referenceDate: "2025-06-30", columns });
  const at = sql.indexOf("'MARKER'");
  const [rest, ...tail] = sql.slice(at + "'MARKER'".length).split("\n");
  // Quotes would be doubled; dollar quoting needs none.
  const dollar = (text: string) =>
    text.replace(/'((?:[^']|'')*)'/g, (_, v: string) => `$$${v.replaceAll("''", "'")}$$`);
  const head = dollar(sql.slice(0, at)).replaceAll("\n", " ");
  return `x\\'${rest} ${tail.join(" ")}; DROP TABLE verdachten; ${head}$$y$$${rest} --`;
}

describe("a PostgreSQL session", () => {
  it("sets what makes SQL text mean what livinglab wrote, whatever the database says", async () => {
    const engine = await PostgresEngine.connect(url);
    try {
      const [row] = await engine.query(
        "SELECT current_setting('standard_conforming_strings') AS scs, current_setting('backslash_quote') AS bq, 'a\\b' AS text, CAST(DATE '2024-02-01' AS TEXT) AS day",
      );
      expect(row).toEqual({ scs: "on", bq: "off", text: "a\\b", day: "2024-02-01" });
    } finally {
      await engine.close();
    }
  });

  it("runs one statement per query, and a setting changed inside a query does not outlive it", async () => {
    const engine = await PostgresEngine.connect(url);
    try {
      await expect(engine.query("SELECT 1 AS a; DROP TABLE verdachten")).rejects.toMatchObject({
        engineMessage: expect.stringMatching(/multiple commands/),
      });
      await engine.query("SELECT set_config('standard_conforming_strings', 'off', false) AS s");
      expect(await engine.query("SHOW standard_conforming_strings")).toEqual([{ standard_conforming_strings: "on" }]);
      await expect(engine.query("CREATE TABLE gemaakt (x int)")).rejects.toMatchObject({
        code: "engine_query",
        engineMessage: expect.stringMatching(/read-only/),
      });
    } finally {
      await engine.close();
    }
    expect(await tableExists(url, "verdachten")).toBe(true);
  });

  it("treats a value that ends its literal with a backslash as a value, and drops nothing", async () => {
    const file = join(dir, "aanval.yaml");
    await writeFile(file, suiteWith(["Amsterdam", await droppingValue()]));
    const engine = await PostgresEngine.connect(url);
    try {
      const { result } = await runSuite(engine, await loadSuite(file), await testPermit());
      expect(result.checks[0]).toMatchObject({ outcome: "failed", failing_count: 3, row_count: 7 });
    } finally {
      await engine.close();
    }
    expect(await tableExists(url, "verdachten")).toBe(true);
  });
});

describe("a DuckDB query", () => {
  it("is one statement", async () => {
    const engine = await DuckDbEngine.open();
    try {
      await engine.query("CREATE TABLE t AS SELECT 1 AS x");
      await expect(engine.query("SELECT 1 AS a; DROP TABLE t")).rejects.toThrow(/one statement/);
      expect(await engine.query("SELECT count(*) AS n FROM t")).toEqual([{ n: 1 }]);
    } finally {
      await engine.close();
    }
  });
});
