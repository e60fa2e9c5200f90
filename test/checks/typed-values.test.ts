import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  isLivingLabError,
  loadIntoPostgres,
  loadSuite,
  type Problem,
  runSuite,
  type SuiteResult,
} from "../../src/index.js";
import { ENGINE_NAMES, watchQueries, withEngine } from "../helpers/engines.js";
import { fileDatabase } from "../helpers/postgres-database.js";
import { testDataDir, testPermit } from "../helpers/test-run.js";

/** Columns named like livinglab's own names, a DOUBLE and an INTEGER column, dates and text. */
const METINGEN = `SELECT * FROM (VALUES
  ('M1', 1.0::DOUBLE, 1, 'a', DATE '2024-01-01', NULL, FALSE, 'x', 0),
  ('M2', 2.0::DOUBLE, 2, 'b', DATE '2024-02-01', '12', FALSE, 'x', 0),
  ('M3', 2.5::DOUBLE, 3, 'c', DATE '2024-03-01', NULL, FALSE, 'x', 0),
  ('M4', 3.0::DOUBLE, 4, 'd', DATE '2024-04-01', '14', FALSE, 'x', 0)
) AS t(id, waarde, telling, code, dag, parketnummer, "__livinglab_f0", "__LIVINGLAB_KEY", "__livinglab_rows")`;

const GOOD = `format: livinglab-suite/2
name: getypt
datasets:
  metingen: { file: metingen.parquet, key: id }
checks:
  - { id: ingevuld, kind: not_null, table: metingen, column: parketnummer }
  - { id: waarden, kind: accepted_values, table: metingen, column: waarde, values: [1, 2, 2.5] }
  - { id: tellingen, kind: accepted_values, table: metingen, column: telling, values: [1, 2, 2.5] }
  - id: gelijk
    kind: conditional_rule
    table: metingen
    when: { column: waarde, equals: 2 }
    then: { column: code, equals: a }
  - id: lijst
    kind: conditional_rule
    table: metingen
    when: { column: waarde, in: [1, 2.5] }
    then: { column: telling, lte: 1 }
  - { id: bereik, kind: value_range, table: metingen, column: waarde, min: 1, max: 2.5 }
  - id: gefilterd
    kind: not_null
    table: metingen
    column: parketnummer
    filter: { column: dag, gte: 2024-02-01 }
`;

const EXPECTED: Record<string, { failing: number; sample: string[] }> = {
  ingevuld: { failing: 2, sample: ["M1", "M3"] },
  waarden: { failing: 1, sample: ["M4"] },
  tellingen: { failing: 2, sample: ["M3", "M4"] },
  gelijk: { failing: 1, sample: ["M2"] },
  lijst: { failing: 1, sample: ["M3"] },
  bereik: { failing: 1, sample: ["M4"] },
  gefilterd: { failing: 1, sample: ["M3"] },
};

const MISTAKES = `format: livinglab-suite/2
name: fouten
datasets:
  metingen: { file: metingen.parquet, key: id }
  ander: { file: metingen.parquet, table: metingen, key: bestaat_niet }
checks:
  - id: getal-op-tekst
    kind: conditional_rule
    table: metingen
    when: { column: code, equals: 5 }
    then: { column: telling, gt: 0 }
  - { id: tekst-op-getal, kind: accepted_values, table: metingen, column: waarde, values: ["1", 2] }
  - { id: datum-op-getal, kind: value_range, table: metingen, column: telling, max: 2026-01-01 }
  - { id: vers, kind: freshness, table: metingen, column: code, max_age_days: 30 }
  - id: geen-datum
    kind: not_null
    table: metingen
    column: parketnummer
    filter: { column: dag, gt: 2026-02-30 }
`;

let dir: string;

beforeAll(async () => {
  dir = await testDataDir("typed-");
  await withEngine("duckdb", (engine) =>
    engine.query(`COPY (${METINGEN}) TO '${join(dir, "metingen.parquet")}' (FORMAT parquet)`),
  );
  await loadIntoPostgres(
    await testPermit(),
    { name: "metingen", file: join(dir, "metingen.parquet") },
    { table: "metingen", pgUrl: await fileDatabase() },
  );
  await writeFile(join(dir, "goed.yaml"), GOOD);
  await writeFile(join(dir, "fout.yaml"), MISTAKES);
});

describe.each(ENGINE_NAMES)("values compare in their column's type (%s)", (name) => {
  let result: SuiteResult;
  beforeAll(async () => {
    result = await withEngine(
      name,
      async (engine) => (await runSuite(engine, await loadSuite(join(dir, "goed.yaml")), await testPermit())).result,
    );
  });

  it.each(Object.entries(EXPECTED))("%s", (id, want) => {
    const check = result.checks.find((c) => c.id === id);
    expect(check).toMatchObject({
      outcome: "failed",
      failing_count: want.failing,
      sample: want.sample,
      row_count: id === "gefilterd" ? 3 : 4,
    });
  });

  it("refuses values that do not fit their column, at their lines, before reading a row", async () => {
    let queries: string[] = [];
    const error = await withEngine(name, async (engine) => {
      const watched = watchQueries(engine);
      queries = watched.queries;
      return runSuite(watched.engine, await loadSuite(join(dir, "fout.yaml")), await testPermit()).catch(
        (e: unknown) => e,
      );
    });
    expect(isLivingLabError(error)).toBe(true);
    if (!isLivingLabError(error)) return;
    const shown = error.problems.map((p: Problem) => [p.code, p.line, p.path?.join(".")]);
    expect(shown).toEqual([
      ["key_column_missing", 5, "datasets.ander.key"],
      ["value_type_mismatch", 10, "checks.0.when.equals"],
      ["value_type_mismatch", 12, "checks.1.values.0"],
      ["value_type_mismatch", 13, "checks.2.max"],
      ["column_wrong_type", 14, "checks.3.column"],
      ["value_type_mismatch", 19, "checks.4.filter.gt"],
    ]);
    expect(error.problems[1]?.message).toContain("'getal-op-tekst'");
    expect(error.problems[1]?.hint).toContain("'5'");
    // Only the columns' names and types were asked for.
    expect(queries.filter((q) => !q.startsWith("DESCRIBE "))).toEqual([]);
  });
});
