import { afterAll, beforeAll, describe, expect, it } from "vitest";
// The bridge's own mechanism, on a bare engine; users reach it through the door (run.readFrame, checkSuite's frames).
import { tableFromFrame } from "../../src/frames/table-from-frame.js";
import {
  copyFrameTypes,
  DuckDbEngine,
  frameFromQuery,
  frameTypes,
  isLivingLabError,
  loadDanfo,
} from "../../src/index.js";

// Every sort of column a DataFrame holds, each with a missing value, and values that test the edges:
// a double that is not a float32, a BIGINT beyond int32, a date before 1970, a DECIMAL.
const TYPED = `SELECT * FROM (VALUES
  (1::INTEGER, 4102444800::BIGINT, 0.1::DOUBLE, 12.34::DECIMAL(10,2), 'Z1', DATE '2024-02-29', TIMESTAMP '2024-02-29 13:14:15', true),
  (-7::INTEGER, -1::BIGINT, 1e300::DOUBLE, -0.01::DECIMAL(10,2), 'Zaak ''twee''; DROP', DATE '1950-01-01', TIMESTAMP '1969-12-31 23:59:59', false),
  (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)
) AS t(aantal, groot, fractie, bedrag, tekst, datum, moment, vlag)`;

const TYPES = {
  aantal: "INTEGER",
  groot: "BIGINT",
  fractie: "DOUBLE",
  bedrag: "DECIMAL(10,2)",
  tekst: "VARCHAR",
  datum: "DATE",
  moment: "TIMESTAMP",
  vlag: "BOOLEAN",
};

async function problemCodes(work: Promise<unknown>): Promise<string[]> {
  try {
    await work;
  } catch (error) {
    if (isLivingLabError(error)) return error.problems.map((p) => p.code);
    throw error;
  }
  return [];
}

async function columnTypes(engine: DuckDbEngine, table: string): Promise<Record<string, string>> {
  const rows = await engine.query(`DESCRIBE "${table}"`);
  return Object.fromEntries(rows.map((r) => [String(r.column_name), String(r.column_type)]));
}

describe("the DataFrame bridge between DuckDB and danfojs-node", () => {
  let engine: DuckDbEngine;
  beforeAll(async () => {
    engine = await DuckDbEngine.open();
    await engine.connection.run(`CREATE TABLE bron AS ${TYPED}`);
  });
  afterAll(() => engine.close());

  it("makes a DataFrame with the query's values, dtypes and missing values", async () => {
    const frame = await frameFromQuery(engine, "SELECT * FROM bron");
    expect(frame.shape).toEqual([3, 8]);
    expect(frame.columns).toEqual(Object.keys(TYPES));
    expect(frame.dtypes).toEqual(["int32", "int32", "float32", "float32", "string", "datetime", "datetime", "boolean"]);
    expect(frameTypes(frame)).toEqual(TYPES);
    const [first, second] = frame.values as unknown[][];
    expect(first).toEqual([
      1,
      4102444800,
      0.1,
      12.34,
      "Z1",
      new Date("2024-02-29T00:00:00Z"),
      new Date("2024-02-29T13:14:15Z"),
      true,
    ]);
    expect(second?.[4]).toBe("Zaak 'twee'; DROP");
    expect(second?.[5]).toEqual(new Date("1950-01-01T00:00:00Z"));
    // Missing numbers are NaN, as danfojs computes with them; other missing values are null.
    expect(frame.isNa().values[2]).toEqual(Array(8).fill(true));
    expect(frame.isNa().values[0]).toEqual(Array(8).fill(false));
    expect(frame.column("fractie").values[2]).toBeNaN();
    expect(frame.column("tekst").values[2]).toBeNull();
  });

  it("hands a DataFrame back to DuckDB with the same values and types, and back again", async () => {
    const frame = await frameFromQuery(engine, "SELECT * FROM bron");
    const table = await tableFromFrame(engine, "terug", frame);
    expect(table).toEqual({ table: "terug", rows: 3, types: TYPES });
    expect(await columnTypes(engine, "terug")).toEqual(TYPES);
    // Set difference both ways is empty: the same rows, NULLs included.
    expect(await engine.query("SELECT * FROM bron EXCEPT ALL SELECT * FROM terug")).toEqual([]);
    expect(await engine.query("SELECT * FROM terug EXCEPT ALL SELECT * FROM bron")).toEqual([]);
    expect(await engine.query("SELECT count(*) AS n FROM terug WHERE fractie IS NULL AND tekst IS NULL")).toEqual([
      { n: 1 },
    ]);
    const again = await frameFromQuery(engine, "SELECT * FROM terug");
    expect(again.values).toEqual(frame.values);
    expect(frameTypes(again)).toEqual(TYPES);
  });

  it("keeps rows in order across DuckDB's chunks of 2048 rows", async () => {
    const sql =
      "SELECT i AS nr, 'rij ' || i AS naam, CASE WHEN i % 1000 = 0 THEN NULL ELSE i / 3 END AS deel FROM range(5000) t(i)";
    const frame = await frameFromQuery(engine, sql);
    expect(frame.shape).toEqual([5000, 3]);
    const nr = frame.column("nr").values as number[];
    expect(nr.every((n, i) => n === i)).toBe(true);
    expect(frame.column("naam").values[4999]).toBe("rij 4999");
    await tableFromFrame(engine, "vijfduizend", frame);
    expect(await engine.query(`${sql} EXCEPT ALL SELECT * FROM vijfduizend`)).toEqual([]);
    expect(await engine.query("SELECT count(*) AS n FROM vijfduizend")).toEqual([{ n: 5000 }]);
  });

  it("gives a frame danfojs made its types from its values, or from the frame it came from", async () => {
    const dfd = await loadDanfo();
    const hand = new dfd.DataFrame({
      id: [1, 2, 3],
      bedrag: [1.5, Number.NaN, 2],
      naam: ["a", null, "c"],
      dag: [new Date("2024-01-01"), new Date("2024-01-02"), null],
      moment: [new Date("2024-01-01T10:00:00Z"), null, null],
      vlag: [true, false, null],
    });
    await tableFromFrame(engine, "met_de_hand", hand);
    expect(await columnTypes(engine, "met_de_hand")).toEqual({
      id: "BIGINT",
      bedrag: "DOUBLE",
      naam: "VARCHAR",
      dag: "DATE",
      moment: "TIMESTAMP",
      vlag: "BOOLEAN",
    });
    expect(await engine.query("SELECT count(*) AS n FROM met_de_hand WHERE bedrag IS NULL")).toEqual([{ n: 1 }]);

    const frame = await frameFromQuery(engine, "SELECT * FROM bron");
    const filtered = frame.query(frame.column("aantal").gt(0));
    expect(frameTypes(filtered)).toEqual({});
    await tableFromFrame(engine, "gefilterd", copyFrameTypes(frame, filtered));
    expect(await columnTypes(engine, "gefilterd")).toEqual(TYPES);
    expect(await engine.query("SELECT tekst FROM gefilterd")).toEqual([{ tekst: "Z1" }]);
    await tableFromFrame(engine, "op_te_geven", filtered, { types: { aantal: "INTEGER", datum: "DATE" } });
    expect(await columnTypes(engine, "op_te_geven")).toMatchObject({
      aantal: "INTEGER",
      datum: "DATE",
      groot: "BIGINT",
    });
  });

  it("hands back an empty result as an empty table with its types", async () => {
    const frame = await frameFromQuery(engine, "SELECT * FROM bron WHERE false");
    expect(frame.shape).toEqual([0, 8]);
    await tableFromFrame(engine, "leeg", frame);
    expect(await columnTypes(engine, "leeg")).toEqual(TYPES);
    expect(await engine.query("SELECT count(*) AS n FROM leeg")).toEqual([{ n: 0 }]);
  });

  it("refuses what a DataFrame cannot hold or DuckDB cannot take, naming column and row but no value", async () => {
    expect(await problemCodes(frameFromQuery(engine, "SELECT [1, 2] AS lijst, {'a': 1} AS s, 1 AS ok"))).toEqual([
      "frame_type_unsupported",
      "frame_type_unsupported",
    ]);
    let message = "";
    try {
      await frameFromQuery(engine, "SELECT * FROM (VALUES (1::HUGEINT), (12345678901234567890::HUGEINT)) t(nummer)");
    } catch (error) {
      if (!isLivingLabError(error)) throw error;
      expect(error.problems.map((p) => p.code)).toEqual(["frame_integer_too_large"]);
      message = error.message;
    }
    expect(message).toContain("'nummer'");
    expect(message).toContain("rij 2");
    expect(message).not.toContain("12345678901234567890");

    const dfd = await loadDanfo();
    const plain = new dfd.DataFrame({ code: ["a", "b", "c"], waarde: [1, 2, 3000] });
    const mixed = new dfd.DataFrame({ code: ["a", "b", "c"], waarde: [1, 2, 3000] });
    mixed.addColumn("gemengd", [1, "twee", 3], { inplace: true });
    expect(await problemCodes(tableFromFrame(engine, "gemengd", mixed))).toEqual(["frame_mixed_column"]);
    expect(await problemCodes(tableFromFrame(engine, "ja_nee", plain, { types: { waarde: "BOOLEAN" } }))).toEqual([
      "frame_value_mismatch",
    ]);
    // Nothing half-written: a table that could not be filled is gone.
    expect(await engine.hasTable("ja_nee")).toBe(false);
    expect(await engine.hasTable("gemengd")).toBe(false);
    expect(await problemCodes(tableFromFrame(engine, "bron", plain))).toEqual(["frame_table_exists"]);
    await expect(tableFromFrame(engine, "x", plain, { types: { wardee: "DOUBLE" } })).rejects.toThrow(
      "De kolom 'wardee' bij 'types' staat niet in de DataFrame. Bedoelt u 'waarde'?",
    );
    // danfojs makes each column a property of the frame: a column named `min` would hide df.min().
    expect(await problemCodes(frameFromQuery(engine, 'SELECT 1 AS min, 2 AS "index", 3 AS ok'))).toEqual([
      "frame_column_name_taken",
      "frame_column_name_taken",
    ]);
    const hiding = new dfd.DataFrame({ sample: [1, 2] });
    expect(await problemCodes(tableFromFrame(engine, "verborgen", hiding))).toEqual(["frame_column_name_taken"]);
    expect(await problemCodes(frameFromQuery(engine, "SELECT 1 AS zaak_id", { key: ["zaakid"] }))).toEqual([
      "frame_unknown_column",
    ]);
  });
});
