import { createReadStream } from "node:fs";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { from as copyFrom } from "pg-copy-streams";
import type { RunPermit } from "../door/run-permit.js";
import { makeScratchDir } from "../files/scratch-dir.js";
import { quoteIdentifier, quoteString } from "../sql/quote.js";
import { DuckDbEngine } from "./duckdb-engine.js";
import type { DatasetSource } from "./engine.js";
import { PostgresEngine } from "./postgres-engine.js";

/** DuckDB types and their PostgreSQL counterparts; anything else travels as text. */
const typeMap: Array<[RegExp, (match: RegExpMatchArray) => string]> = [
  [/^(VARCHAR|TEXT|STRING)$/, () => "text"],
  [/^(TINYINT|SMALLINT|UTINYINT)$/, () => "smallint"],
  [/^(INTEGER|USMALLINT)$/, () => "integer"],
  [/^(BIGINT|UINTEGER)$/, () => "bigint"],
  [/^(HUGEINT|UBIGINT|UHUGEINT)$/, () => "numeric"],
  [/^DECIMAL\((\d+),\s*(\d+)\)$/, (m) => `numeric(${Number(m[1])}, ${Number(m[2])})`],
  [/^(DOUBLE|FLOAT8)$/, () => "double precision"],
  [/^(FLOAT|REAL|FLOAT4)$/, () => "real"],
  [/^BOOLEAN$/, () => "boolean"],
  [/^DATE$/, () => "date"],
  [/^TIMESTAMP( WITH TIME ZONE)?$/, (m) => (m[1] ? "timestamptz" : "timestamp")],
];

export function postgresTypeOf(duckdbType: string): string {
  for (const [pattern, make] of typeMap) {
    const match = duckdbType.match(pattern);
    if (match) return make(match);
  }
  return "text";
}

export interface LoadResult {
  table: string;
  rows: number;
}

/**
 * Copies a dataset the run's permit admits (a Parquet, CSV or DuckDB file) into a PostgreSQL
 * table in bulk (COPY), replacing it whole in one transaction: a failed load leaves the old
 * table as it was. On real personal data only the declared columns travel.
 * @example await loadIntoPostgres(permit, { name: "zaken", file: "data/zaken.parquet" }, { table: "zaken" });
 */
export async function loadIntoPostgres(
  permit: RunPermit,
  source: DatasetSource,
  options: { table: string; pgUrl?: string },
): Promise<LoadResult> {
  const duck = await DuckDbEngine.open();
  // The plaintext copy lives in a folder of this process's own, removed at the end or, after a
  // kill, by the next start.
  const work = await makeScratchDir("load");
  let pg: PostgresEngine | undefined;
  try {
    await permit.attach(duck, source);
    const view = quoteIdentifier(source.name);
    const columns = await duck.columns(source.name);
    const csv = join(work.path, "data.csv");
    // DuckDB streams the file to CSV on disk, so memory stays flat whatever the size.
    await duck.connection.run(
      `COPY (SELECT * FROM ${view}) TO ${quoteString(csv)} (FORMAT csv, HEADER false, FORCE_QUOTE *)`,
    );
    pg = await PostgresEngine.connect(options.pgUrl);
    const table = quoteIdentifier(options.table);
    const columnList = columns.map((c) => quoteIdentifier(c.name)).join(", ");
    await pg.execute("BEGIN");
    try {
      await pg.execute(`DROP TABLE IF EXISTS ${table}`);
      await pg.execute(
        `CREATE TABLE ${table} (${columns.map((c) => `${quoteIdentifier(c.name)} ${postgresTypeOf(c.type)}`).join(", ")})`,
      );
      await pipeline(
        createReadStream(csv),
        pg.client.query(copyFrom(`COPY ${table} (${columnList}) FROM STDIN (FORMAT csv)`)),
      );
      await pg.execute("COMMIT");
    } catch (error) {
      await pg.execute("ROLLBACK");
      throw error;
    }
    const [row] = await pg.query(`SELECT count(*) AS n FROM ${table}`);
    return { table: options.table, rows: Number(row?.n ?? 0) };
  } finally {
    await pg?.close();
    await duck.close();
    await work.remove();
  }
}
