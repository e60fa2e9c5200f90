import { copyFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  checkKinds,
  DuckDbEngine,
  type Engine,
  loadIntoPostgres,
  loadSuite,
  PostgresEngine,
  runSuite,
  type SuiteOutcome,
} from "../../src/index.js";
import { flaggedKeysOf } from "../helpers/flagged-keys.js";
import { MINI_EXPECTED as expected, writeMiniData } from "../helpers/mini-data.js";
import { fileDatabase } from "../helpers/postgres-database.js";
import { openTestRun } from "../helpers/test-run.js";

let dir: string;
const outcomes: Record<string, SuiteOutcome & { flagged: Map<string, string[]> }> = {};

async function runOn(engine: Engine): Promise<SuiteOutcome & { flagged: Map<string, string[]> }> {
  const { permit } = await openTestRun();
  try {
    const outcome = await runSuite(engine, await loadSuite(join(dir, "mini-suite.yaml")), permit);
    return { ...outcome, flagged: await flaggedKeysOf(engine, outcome) };
  } finally {
    await engine.close();
  }
}

beforeAll(async () => {
  dir = await writeMiniData();
  await copyFile(join(import.meta.dirname, "mini-suite.yaml"), join(dir, "mini-suite.yaml"));
  outcomes.duckdb = await runOn(await DuckDbEngine.open());
  const { permit } = await openTestRun();
  for (const table of ["zaken", "verdachten", "vreemd"]) {
    await loadIntoPostgres(
      permit,
      { name: table, file: join(dir, `${table}.parquet`) },
      { table, pgUrl: await fileDatabase() },
    );
  }
  outcomes.postgres = await runOn(await PostgresEngine.connect(await fileDatabase()));
});

describe.each(["duckdb", "postgres"])("every check kind on small literal tables (%s)", (engine) => {
  it.each(Object.entries(expected))("%s", (id, want) => {
    const outcome = outcomes[engine] as (typeof outcomes)[string];
    const result = outcome.result.checks.find((c) => c.id === id);
    expect(result?.outcome).toBe(want.outcome);
    expect(result?.failing_count).toBe(want.failing);
    if (want.sample) expect(result?.sample).toEqual(want.sample);
    if (want.metric !== undefined) expect(result?.metric).toBeCloseTo(want.metric, 10);
    const flagged = outcome.flagged.get(id) ?? [];
    expect([...flagged].sort()).toEqual(want.flagged ?? [...new Set(want.sample ?? [])].sort());
  });
});

describe("the engines agree", () => {
  it("gives identical results on DuckDB and PostgreSQL, apart from the engine's name", () => {
    const strip = (o: SuiteOutcome | undefined) => ({ ...o?.result, engine: "" });
    expect(strip(outcomes.postgres)).toEqual(strip(outcomes.duckdb));
  });

  it("covers every check kind of the registry", async () => {
    const suite = await loadSuite(join(dir, "mini-suite.yaml"));
    expect(new Set(suite.suite.checks.map((c) => c.kind))).toEqual(new Set(checkKinds));
  });

  it("says why a check could not be evaluated", () => {
    const drift = outcomes.duckdb?.result.checks.find((c) => c.id === "drift");
    expect(drift?.reason).toContain("eerdere runs");
  });

  it("marks custom SQL as such", () => {
    expect(outcomes.duckdb?.result.checks.find((c) => c.id === "custom")?.custom).toBe(true);
  });
});
