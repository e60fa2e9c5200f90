import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { DuckDbEngine, type Engine, EngineError, PostgresEngine } from "../../src/index.js";
import { makeLab } from "../helpers/cli.js";

/** A value from the data that only the user's own screen may show. */
const VALUE = "Jan Jansen 111222333";

const engines: Array<[string, () => Promise<Engine>]> = [
  ["duckdb", () => DuckDbEngine.open()],
  ["postgres", () => PostgresEngine.connect(inject("pgUrl"))],
];

describe.each(engines)("the %s engine names its errors by code and kind", (_, openEngine) => {
  it("a value that does not fit its type is a data error, with our text and the database's apart", async () => {
    const engine = await openEngine();
    try {
      const failed = engine.query(`SELECT CAST('${VALUE}' AS INTEGER) AS n`);
      await expect(failed).rejects.toMatchObject({ code: "engine_data_value", kind: "data" });
      const error = await failed.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(EngineError);
      expect((error as EngineError).message).not.toContain("Jan");
      expect((error as EngineError).engineMessage).toContain(VALUE);
    } finally {
      await engine.close();
    }
  });

  it("a table that does not exist is a query error", async () => {
    const engine = await openEngine();
    try {
      await expect(engine.query("SELECT * FROM bestaat_niet")).rejects.toMatchObject({
        code: "engine_query",
        kind: "query",
      });
    } finally {
      await engine.close();
    }
  });
});

describe("a CSV file with a bad line past DuckDB's sample", () => {
  it("is a data error of its own, that says a line of a CSV file could not be read", async () => {
    const lab = await makeLab([]);
    const file = join(lab, "bedragen.csv");
    const lines = ["id,bedrag", ...Array.from({ length: 30_000 }, (_, i) => `${i},${i}`), `30000,${VALUE}`];
    await writeFile(file, `${lines.join("\n")}\n`);
    const engine = await DuckDbEngine.open();
    try {
      await engine.registerFile("bedragen", file);
      await expect(engine.query("SELECT sum(bedrag) FROM bedragen")).rejects.toMatchObject({
        code: "engine_csv_line",
        kind: "data",
        message: expect.stringContaining("CSV-bestand"),
      });
    } finally {
      await engine.close();
    }
  });
});
