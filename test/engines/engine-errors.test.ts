import { describe, expect, it } from "vitest";
import { DuckDbEngine, type Engine, EngineError, PostgresEngine } from "../../src/index.js";
import { fileDatabase } from "../helpers/postgres-database.js";

/** A value from the data that only the user's own screen may show. */
const VALUE = "Jan Jansen 111222333";

const engines: Array<[string, () => Promise<Engine>]> = [
  ["duckdb", () => DuckDbEngine.open()],
  ["postgres", async () => PostgresEngine.connect(await fileDatabase())],
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
