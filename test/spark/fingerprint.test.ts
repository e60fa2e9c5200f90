import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canonicalValue, DuckDbEngine, type Engine, renderExpr, SparkEngine } from "../../src/index.js";
import { testDataDir, testPermit } from "../helpers/test-run.js";

/**
 * Hostile values of every kind Spark has (it has no TIME), written once to Parquet by DuckDB
 * and read by both engines: NaN, infinities, -0.0, the smallest double, 64-bit edges, decimals
 * with trailing zeros, the separator and the escape in text, instants and local timestamps, bytes.
 */
const ROWS = `SELECT * FROM (VALUES
  (1, 12.50, 0.1, 'a|b\\c', DATE '2024-01-10', TIMESTAMP '2024-03-01 10:00:00.5', TIMESTAMPTZ '2024-03-01 10:00:00+02', unhex('00ff10'), true),
  (-9223372036854775808, -0.50, CAST('NaN' AS DOUBLE), '\\N', DATE '1900-02-28', TIMESTAMP '1999-12-31 23:59:59.999999', TIMESTAMPTZ '2000-01-01 00:00:00+00', unhex(''), false),
  (9223372036854775807, 0.00, CAST('-Infinity' AS DOUBLE), 'ñandú 😀 tab\there', DATE '9999-12-31', TIMESTAMP '2024-02-29 12:00:00', TIMESTAMPTZ '2024-06-30 23:30:00-05', unhex('5c7c'), NULL),
  (NULL, 123456789012.3456, CAST(-0.0 AS DOUBLE), '', NULL, NULL, NULL, NULL, NULL),
  (7, -99999999999999.9999, 5e-324, 'quote '' quote', DATE '0001-01-01', TIMESTAMP '2024-01-01 00:00:00.000001', TIMESTAMPTZ '2024-01-01 00:00:00.000001+00', unhex('7c'), true),
  (8, 3, 1.7976931348623157e308, NULL, DATE '2024-01-01', TIMESTAMP '2024-01-01 00:00:00', TIMESTAMPTZ '2024-01-01 00:00:00+00', unhex('00'), false)
) AS v(i, d, f, s, dt, ts, tz, bin, b)`;
const TYPES = "i::BIGINT AS i, d::DECIMAL(18,4) AS d, f::DOUBLE AS f, s, dt, ts, tz, bin, b";

let duck: DuckDbEngine;
let spark: SparkEngine;
let file: string;

beforeAll(async () => {
  file = join(await testDataDir("fingerprint-"), "waarden.parquet");
  const writer = await DuckDbEngine.open();
  try {
    await writer.connection.run(`COPY (SELECT ${TYPES} FROM (${ROWS})) TO '${file}' (FORMAT parquet)`);
  } finally {
    await writer.close();
  }
  duck = await DuckDbEngine.open();
  spark = await SparkEngine.connect();
  const permit = await testPermit();
  await permit.attach(duck, { name: "waarden", file });
  await permit.attach(spark, { name: "waarden", file });
});

afterAll(async () => {
  await duck?.close();
  await spark?.close();
});

async function rendered(engine: Engine): Promise<Record<string, unknown>[]> {
  const columns = await engine.columns("waarden");
  const items = columns.map(
    (c) => `${renderExpr(canonicalValue(c.name, c.kind), engine.dialect)} AS ${engine.dialect.quoteIdentifier(c.name)}`,
  );
  const rows = await engine.query(`SELECT ${items.join(", ")} FROM ${engine.dialect.quoteIdentifier("waarden")}`);
  return rows.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

describe("the content fingerprint on Spark", () => {
  it("sorts every column into the same kind as DuckDB", async () => {
    const kinds = async (engine: Engine) => (await engine.columns("waarden")).map((c) => c.kind);
    expect(await kinds(spark)).toEqual(await kinds(duck));
    expect(await kinds(spark)).toEqual([
      "integer",
      "decimal",
      "float",
      "text",
      "date",
      "timestamp",
      "timestamptz",
      "bytes",
      "boolean",
    ]);
  });

  it("renders every hostile value to the same canonical text as DuckDB", async () => {
    expect(await rendered(spark)).toEqual(await rendered(duck));
  });

  it("gives the same fingerprint as DuckDB for the same rows, computed on the cluster", async () => {
    const onSpark = await spark.fingerprint("waarden");
    expect(onSpark.rows).toBe(6);
    expect(onSpark).toEqual(await duck.fingerprint("waarden"));
  });
});
