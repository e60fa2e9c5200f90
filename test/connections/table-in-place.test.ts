import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import pg from "pg";
import { beforeAll, describe, expect, inject, it } from "vitest";
import {
  checkSuite,
  DuckDbEngine,
  openExperiment,
  openRun,
  openWorkspace,
  readLogRecords,
  type SuiteResult,
} from "../../src/index.js";
import { runCli } from "../helpers/cli.js";
import { createDatabase } from "../helpers/postgres-database.js";
import { problemsOf } from "../helpers/problems.js";
import { makeRealLab, openRealGates, REAL_DATASET, REAL_ID } from "../helpers/real-lab.js";

const WHY = "Test: een tabel op de PostgreSQL-server wordt gelezen waar die staat, zonder kopie.";
const SCHEMA = `proef_${Math.random().toString(36).slice(2, 8)}`;

let lab: string;
let dir: string;
let fileSuite: string;
let tableSuite: string;
let url: string;
let experimentText: string;

const records = async () => (await readLogRecords(join(dir, "runlog.jsonl"))).length;

/** The same rows as the example's Parquet file, in a table of a fresh schema on the test server. */
async function copyParquetToTable(parquet: string): Promise<void> {
  const duck = await DuckDbEngine.open();
  const client = new pg.Client(url);
  await client.connect();
  try {
    const rows = await duck.query(
      `SELECT zaak_pseudoniem, arrondissement, zaaktype, CAST(instroomdatum AS VARCHAR) AS instroom, CAST(afdoeningsdatum AS VARCHAR) AS afdoening, opmerking FROM '${parquet}'`,
    );
    await client.query(`CREATE SCHEMA ${SCHEMA}`);
    await client.query(
      `CREATE TABLE ${SCHEMA}.zaken (zaak_pseudoniem text, arrondissement text, zaaktype text, instroomdatum date, afdoeningsdatum date, opmerking text)`,
    );
    const column = (name: string) => rows.map((r) => r[name] ?? null);
    await client.query(
      `INSERT INTO ${SCHEMA}.zaken SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::date[], $5::date[], $6::text[])`,
      ["zaak_pseudoniem", "arrondissement", "zaaktype", "instroom", "afdoening", "opmerking"].map(column),
    );
  } finally {
    await client.end();
    await duck.close();
  }
}

async function writeConnections(postgres: string): Promise<void> {
  await writeFile(
    join(lab, "verbindingen.yaml"),
    ["format: livinglab-verbindingen/1", "verbindingen:", "  lab-pg:", `    postgres: ${postgres}`, ""].join("\n"),
  );
}

/** The declaration of the example's dataset, with its table on a connection. */
async function declareTable(connection: string): Promise<void> {
  const text = experimentText.replace(
    "      vernietigen_op: 2027-06-30\n",
    `      tabel: ${SCHEMA}.zaken\n      verbinding: ${connection}\n      vernietigen_op: 2027-06-30\n`,
  );
  await writeFile(join(dir, "experiment.yaml"), text);
}

const outcomes = (result: SuiteResult) =>
  result.checks.map((c) => ({
    id: c.id,
    outcome: c.outcome,
    metric: c.metric,
    failing: c.failing_count,
    rows: c.row_count,
    sample: c.sample,
  }));

beforeAll(async () => {
  let parquet: string;
  ({ lab, dir, data: parquet, suite: fileSuite } = await makeRealLab());
  url = await createDatabase(inject("pgServerUrl"));
  await copyParquetToTable(parquet);
  await writeConnections(url);
  experimentText = await readFile(join(dir, "experiment.yaml"), "utf8");
  await declareTable("lab-pg");
  tableSuite = join(dir, "tabel.yaml");
  const suite = (await readFile(fileSuite, "utf8"))
    .replace("name: doorlooptijden", "name: doorlooptijden-tabel")
    .replace(`{ file: data/${REAL_DATASET}.parquet, key: zaak_pseudoniem }`, "{ key: zaak_pseudoniem }");
  await writeFile(tableSuite, suite);
});

describe("a dataset in a PostgreSQL table, read where it lives", () => {
  it("on real personal data with the Mag items open, the gate refuses before the server is asked, nothing logged", async () => {
    const before = await records();
    const problems = await problemsOf(() => checkSuite({ suite: tableSuite, justification: WHY }));
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) expect(p.code).toMatch(/^gate_/);
    expect(await records()).toBe(before);
  });

  it("checked in place: the same results and content fingerprint as the Parquet file on DuckDB, only declared columns, named by its connection", async () => {
    await openRealGates(lab);
    const inTable = await checkSuite({ suite: tableSuite, justification: WHY });
    const inFile = await checkSuite({ suite: fileSuite, justification: WHY });
    expect(outcomes(inTable.result)).toEqual(outcomes(inFile.result));
    const [table] = inTable.record.type === "run" ? (inTable.record.data ?? []) : [];
    const [file] = inFile.record.type === "run" ? (inFile.record.data ?? []) : [];
    expect(table).toMatchObject({ name: REAL_DATASET, table: `lab-pg/${SCHEMA}.zaken`, rows: 600 });
    expect(table?.engine).toMatch(/^postgres /);
    expect(file?.engine).toMatch(/^duckdb /);
    // The undeclared column (opmerking) is not read: proportionality holds on the server too.
    expect(table?.columns).toEqual([
      "afdoeningsdatum",
      "arrondissement",
      "instroomdatum",
      "zaak_pseudoniem",
      "zaaktype",
    ]);
    // The file is recorded by its hash; read with the same columns, its rows give the table's fingerprint.
    expect(file?.content_sha256).toBeUndefined();
    const fromFile = await DuckDbEngine.fingerprintFile(join(dir, "data", `${REAL_DATASET}.parquet`), {
      columns: file?.columns ?? [],
    });
    expect(table?.content_sha256).toBe(fromFile.sha256);
    expect(inTable.record.analysis.params).toMatchObject({ engine: "postgres", verbinding: "lab-pg" });
    // The record names the connection, never the server's address.
    expect(JSON.stringify(inTable.record)).not.toContain(new URL(url).host);
    const show = runCli(["log", "show", inTable.record.id, "--root", lab]);
    expect(show.stdout).toContain(`tabel lab-pg/${SCHEMA}.zaken`);
  });

  it("asking for DuckDB or another server, or mixing the table with an undeclared dataset, is refused at its line", async () => {
    const before = await records();
    const engine = await problemsOf(() =>
      checkSuite({ suite: tableSuite, engine: "duckdb", pgUrl: url, justification: WHY }),
    );
    expect(engine.map((p) => p.code)).toEqual(["engine_conflicts_with_table", "pg_url_conflicts_with_table"]);
    const named = join(dir, "genoemd.yaml");
    await writeFile(
      named,
      (await readFile(tableSuite, "utf8")).replace(
        "{ key: zaak_pseudoniem }",
        `{ table: ${SCHEMA}.zaken, key: zaak_pseudoniem }`,
      ),
    );
    const other = await problemsOf(() =>
      checkSuite({ suite: named, engine: "postgres", pgUrl: url, justification: WHY }),
    );
    expect(other.map((p) => p.code)).toEqual(["pg_url_conflicts_with_table"]);
    const mixed = join(dir, "gemengd.yaml");
    await writeFile(
      mixed,
      (await readFile(tableSuite, "utf8")).replace("datasets:\n", "datasets:\n  onbekend: { key: id }\n"),
    );
    const [undeclared, ...rest] = await problemsOf(() => checkSuite({ suite: mixed, justification: WHY }));
    expect(rest).toEqual([]);
    expect(undeclared).toMatchObject({ code: "data_places_mixed", file: mixed, line: 5 });
    expect(undeclared?.message).toContain("declareert die niet");
    expect(undeclared?.hint).toMatch(/^Declareer de dataset onder data\.datasets/);
    expect(await records()).toBe(before);
  });

  it("an engine not opened through the connection (DuckDB, as evaluate and profile open it) is not let read the declared table", async () => {
    const workspace = openWorkspace(lab);
    const opened = await openExperiment(workspace, REAL_ID);
    const permit = await openRun({
      workspace,
      opened,
      analysis: { name: "telling", params: {} },
      reads: { datasets: [], columns: {} },
      justification: WHY,
    });
    const duck = await DuckDbEngine.open();
    try {
      const problems = await problemsOf(() => permit.attach(duck, { name: REAL_DATASET }));
      expect(problems.map((p) => p.code)).toEqual(["table_needs_connection"]);
      expect(permit.read()).toEqual([]);
    } finally {
      await duck.close();
      await permit.end({ outcome: "refused" });
    }
  });

  it("a password in verbindingen.yaml, or a connection the lab does not know, is refused at its line with nothing logged", async () => {
    const before = await records();
    const withPassword = new URL(url);
    withPassword.password = "geheim123";
    await writeConnections(withPassword.toString());
    try {
      const problems = await problemsOf(() => checkSuite({ suite: tableSuite, justification: WHY }));
      const problem = problems.find((p) => p.code === "connection_password");
      expect(problem).toMatchObject({ file: join(lab, "verbindingen.yaml"), line: 4 });
      expect(problem?.hint).toContain("PGPASSWORD");
      expect(JSON.stringify(problems)).not.toContain("geheim123");
    } finally {
      await writeConnections(url);
    }
    await declareTable("lab-pq");
    try {
      const problems = await problemsOf(() => checkSuite({ suite: tableSuite, justification: WHY }));
      const problem = problems.find((p) => p.code === "connection_unknown");
      expect(problem?.file).toBe(join(dir, "experiment.yaml"));
      expect(problem?.line).toBeGreaterThan(0);
      expect(problem?.message).toContain("Bedoelt u 'lab-pg'?");
    } finally {
      await declareTable("lab-pg");
    }
    expect(await records()).toBe(before);
  });
});
