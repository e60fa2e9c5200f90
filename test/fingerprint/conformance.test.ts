import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canonicalValue, DuckDbEngine, type Engine, PostgresEngine, renderExpr, valueKinds } from "../../src/index.js";
import { fileDatabase } from "../helpers/postgres-database.js";

/**
 * The same hostile rows, written natively on each engine: every kind of value the canonical
 * rendering knows, with NULLs, the separator and the escape in text, doubles at their edges,
 * and a table whose rows and columns come in another order.
 */
const ROWS = [
  [
    "1",
    "12.50",
    "0.1",
    "0.5",
    "true",
    "'a|b\\c'",
    "'2024-01-10'",
    "'2024-03-01 10:00:00.5'",
    "'2024-03-01 10:00:00+02'",
    "'10:15:30.25'",
    "hex:00ff10",
  ],
  [
    "-5",
    "-0.50",
    "1e15",
    "-2.25",
    "false",
    "'\\N'",
    "'1900-02-28'",
    "'1999-12-31 23:59:59.999999'",
    "'2000-01-01 00:00:00+00'",
    "'00:00:00'",
    "hex:",
  ],
  ["NULL", "0.00", "'NaN'", "NULL", "NULL", "''", "NULL", "NULL", "NULL", "NULL", "NULL"],
  [
    "9223372036854775807",
    "123456789012.3456",
    "5e-324",
    "3.4e38",
    "true",
    "'ñandú 😀 \u0301e'",
    "'9999-12-31'",
    "'2024-02-29 12:00:00'",
    "'2024-06-30 23:30:00-05'",
    "'23:59:59.999999'",
    "hex:deadbeef",
  ],
  [
    "-9223372036854775808",
    "-99999999999999.9999",
    "'-Infinity'",
    "-0.0",
    "false",
    "'tab\tnieuwe\nregel'",
    "'0001-01-01'",
    "'2024-01-01 00:00:00.000001'",
    "'2024-01-01 00:00:00.000001+00'",
    "'12:00:00'",
    "hex:5c7c",
  ],
  [
    "7",
    "1.00",
    "1.7976931348623157e308",
    "1e-30",
    "true",
    "'\\\\N'",
    "'2024-01-01'",
    "'2024-01-01 00:00:00'",
    "'2024-01-01 00:00:00+00'",
    "'01:02:03'",
    "hex:7c",
  ],
  [
    "8",
    "3",
    "'Infinity'",
    "1.5",
    "NULL",
    "'ZWNJ\u200cX'",
    "'2024-01-01'",
    "'2024-01-01 00:00:00'",
    "'2024-01-01 00:00:00+00'",
    "'01:02:03'",
    "hex:7c",
  ],
  [
    "9",
    "0.1",
    "-0.0",
    "100",
    "false",
    "'\\\\|'",
    "'2024-01-01'",
    "'2024-01-01 00:00:00'",
    "'2024-01-01 00:00:00+00'",
    "'01:02:03'",
    "hex:",
  ],
  [
    "10",
    "-7",
    "2.2250738585072014e-308",
    "-1",
    "true",
    "' spaties '",
    "'2024-01-01'",
    "'2024-01-01 00:00:00'",
    "'2024-01-01 00:00:00+00'",
    "'01:02:03'",
    "hex:00",
  ],
  [
    "11",
    "5",
    "9007199254740993",
    "0.1",
    "true",
    "'quote '' quote'",
    "'2024-01-01'",
    "'2024-01-01 00:00:00'",
    "'2024-01-01 00:00:00+00'",
    "'01:02:03'",
    "hex:01",
  ],
];
/** The fingerprint of these rows as livinglab-inhoud/1 was first computed (MD5 as hex, parsed back). */
const PINNED_T = "35f6dd08270be243a67e1b60e41d4aee352032da637f2448deed42be569ff291";
const COLUMNS = ["i", "d", "f", "r", "b", "s", "dt", "ts", "tz", "tm", "bin"];

const duckTypes = [
  "BIGINT",
  "DECIMAL(18,4)",
  "DOUBLE",
  "FLOAT",
  "BOOLEAN",
  "VARCHAR",
  "DATE",
  "TIMESTAMP",
  "TIMESTAMPTZ",
  "TIME",
  "BLOB",
];
const pgTypes = [
  "bigint",
  "numeric(18,4)",
  "double precision",
  "real",
  "boolean",
  "text",
  "date",
  "timestamp",
  "timestamptz",
  "time",
  "bytea",
];

/** Bytes are written as `hex:...` and made from hex on each engine, so both hold the same bytes. */
function valuesSql(types: readonly string[], fromHex: (hex: string) => string, order: number[]): string {
  const value = (v: string, type: string | undefined) =>
    v === "NULL" ? `CAST(NULL AS ${type})` : v.startsWith("hex:") ? fromHex(v.slice(4)) : `CAST(${v} AS ${type})`;
  return order.map((i) => `(${(ROWS[i] ?? []).map((v, c) => value(v, types[c])).join(", ")})`).join(",\n");
}
const duckHex = (hex: string) => `unhex('${hex}')`;
const pgHex = (hex: string) => `decode('${hex}', 'hex')`;

let duck: DuckDbEngine;
let pg: PostgresEngine;

beforeAll(async () => {
  duck = await DuckDbEngine.open();
  pg = await PostgresEngine.connect(await fileDatabase());
  const forward = ROWS.map((_, i) => i);
  const backward = [...forward].reverse();
  const as = `AS v(${COLUMNS.join(", ")})`;
  await duck.query(`CREATE TABLE t AS SELECT * FROM (VALUES ${valuesSql(duckTypes, duckHex, forward)}) ${as}`);
  await duck.query(
    `CREATE TABLE shuffled AS SELECT ${[...COLUMNS].reverse().join(", ")} FROM (VALUES ${valuesSql(duckTypes, duckHex, backward)}) ${as}`,
  );
  await pg.execute("DROP TABLE IF EXISTS fingerprint_t");
  await pg.execute(`CREATE TABLE fingerprint_t AS SELECT * FROM (VALUES ${valuesSql(pgTypes, pgHex, forward)}) ${as}`);
});

afterAll(async () => {
  await duck?.close();
  await pg?.close();
});

async function rendered(engine: Engine, table: string): Promise<Record<string, unknown>[]> {
  const columns = await engine.columns(table);
  const items = columns.map((c) => `${renderExpr(canonicalValue(c.name, c.kind), engine.dialect)} AS "${c.name}"`);
  const rows = await engine.query(`SELECT ${items.join(", ")} FROM ${table}`);
  return rows.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

describe("the content fingerprint is the same on DuckDB and PostgreSQL", () => {
  it("sorts every column into the same kind on both engines", async () => {
    const kinds = async (engine: Engine, table: string) => (await engine.columns(table)).map((c) => c.kind);
    expect(await kinds(duck, "t")).toEqual([
      "integer",
      "decimal",
      "float",
      "float",
      "boolean",
      "text",
      "date",
      "timestamp",
      "timestamptz",
      "time",
      "bytes",
    ]);
    expect(await kinds(pg, "fingerprint_t")).toEqual(await kinds(duck, "t"));
    expect(valueKinds).toContain("other");
  });

  it("renders every hostile value to the same canonical text", async () => {
    const onDuck = await rendered(duck, "t");
    const onPg = await rendered(pg, "fingerprint_t");
    expect(onPg).toEqual(onDuck);
    // Spot checks of the rendering itself: exact doubles, trimmed decimals, escapes, UTC.
    const first = onDuck.find((r) => r.i === "1");
    expect(first).toMatchObject({ d: "12.5", f: "2702159776422298p-4", s: "a\\|b\\\\c", tz: "2024-03-01 08:00:00Z" });
    const nulls = onDuck.find((r) => r.i === "\\N");
    expect(nulls).toMatchObject({ f: "NaN", s: "", d: "0", b: "\\N" });
  });

  it("gives one fingerprint for the same rows, whatever the engine and the order of rows and columns", async () => {
    const a = await duck.fingerprint("t");
    const b = await duck.fingerprint("shuffled");
    const c = await pg.fingerprint("fingerprint_t");
    expect(a.rows).toBe(ROWS.length);
    expect(b.sha256).toBe(a.sha256);
    expect(c.sha256).toBe(a.sha256);
    expect(c.columns).toEqual(a.columns);
  });

  it("stays the fingerprint earlier versions logged for the same rows (livinglab-inhoud/1 does not move)", async () => {
    // Computed by the first implementation (MD5 as hex, parsed back): logged runs stay comparable.
    expect((await duck.fingerprint("t")).sha256).toBe(PINNED_T);
    await duck.query(
      "CREATE TABLE many AS SELECT range AS i, 'waarde ' || range AS s, DATE '2024-01-01' + CAST(range % 400 AS INTEGER) AS d, range * 0.25 AS f FROM range(20000)",
    );
    expect(await duck.fingerprint("many")).toEqual({
      method: "livinglab-inhoud/1",
      rows: 20000,
      columns: ["d", "f", "i", "s"],
      sha256: "fde0582a04c6982a03a59449c3e120f37624a7bfe61f9b44b38277fadf13b9c7",
    });
  });

  it("changes when one value changes, on either engine", async () => {
    await duck.query("CREATE TABLE changed AS SELECT * REPLACE (CASE WHEN i = 7 THEN 'anders' ELSE s END AS s) FROM t");
    expect((await duck.fingerprint("changed")).sha256).not.toBe((await duck.fingerprint("t")).sha256);
    await pg.execute("DROP TABLE IF EXISTS fingerprint_changed");
    await pg.execute("CREATE TABLE fingerprint_changed AS SELECT * FROM fingerprint_t");
    await pg.execute("UPDATE fingerprint_changed SET f = 0.1 + 1e-16 WHERE i = 1");
    expect((await pg.fingerprint("fingerprint_changed")).sha256).not.toBe(
      (await pg.fingerprint("fingerprint_t")).sha256,
    );
  });
});
