import { describe, expect, it } from "vitest";
import { PostgresEngine } from "../../src/index.js";
import { fileDatabase } from "../helpers/postgres-database.js";

describe("the PostgreSQL engine", () => {
  it("connects to a real server by URL and reports its version", async () => {
    const engine = await PostgresEngine.connect(await fileDatabase());
    try {
      expect(await engine.version()).toMatch(/^\d+/);
      expect(await engine.query("SELECT count(*) AS n FROM generate_series(1, 3)")).toEqual([{ n: 3 }]);
    } finally {
      await engine.close();
    }
  });

  it("names what to do when the server is unreachable", async () => {
    await expect(PostgresEngine.connect("postgres://nobody@127.0.0.1:1/none")).rejects.toMatchObject({
      problems: [{ code: "postgres_unreachable" }],
    });
  });
});
