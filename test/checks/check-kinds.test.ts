import { copyFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
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
import { writeMiniData } from "../helpers/mini-data.js";
import { openTestRun } from "../helpers/test-run.js";

/** What each check of mini-suite.yaml must find: outcome, failing count, sample, every flagged key. */
const expected: Record<
  string,
  { outcome: string; failing: number; sample?: string[]; flagged?: string[]; metric?: number }
> = {
  "not-null": { outcome: "failed", failing: 2, sample: ["Z4", "Z6"] },
  "not-null-fraction": { outcome: "passed", failing: 2, sample: ["Z4", "Z6"], metric: 2 / 7 },
  "not-null-warn": { outcome: "warned", failing: 2, sample: ["Z4", "Z6"] },
  pattern: { outcome: "failed", failing: 2, sample: ["Z3", "Z6"] },
  accepted: { outcome: "failed", failing: 1, sample: ["Z5"] },
  "accepted-any-case": { outcome: "passed", failing: 0, sample: [] },
  "accepted-filtered": { outcome: "failed", failing: 1, sample: ["Z5"], metric: 1 / 5 },
  unique: { outcome: "failed", failing: 2, sample: ["Z5"], flagged: ["Z5"] },
  "unique-composite": { outcome: "passed", failing: 0 },
  "row-count": { outcome: "failed", failing: 0, metric: 7 },
  "range-date": { outcome: "failed", failing: 1, sample: ["Z3"] },
  "range-number": { outcome: "failed", failing: 2, sample: ["K1", "K5"] },
  "date-order": { outcome: "failed", failing: 1, sample: ["Z2"] },
  conditional: { outcome: "failed", failing: 1, sample: ["Z2"] },
  freshness: { outcome: "failed", failing: 1, sample: ["Z3"], metric: 1 / 2 },
  referential: { outcome: "failed", failing: 1, sample: ["Z3"] },
  derived: { outcome: "failed", failing: 4, sample: ["Z2", "Z5", "Z5", "Z6"], flagged: ["Z2", "Z5", "Z6"] },
  disparity: { outcome: "failed", failing: 1, sample: ["Den Haag"], metric: 3.5 },
  pii: { outcome: "failed", failing: 4, sample: ["Z2", "Z3", "Z4", "Z5"] },
  drift: { outcome: "not_evaluated", failing: 0 },
  custom: { outcome: "failed", failing: 1, sample: ["Z2"] },
  "hostile-not-null": { outcome: "failed", failing: 1, sample: ["K5"] },
  "hostile-accepted": { outcome: "failed", failing: 1, sample: ["K3"] },
  "hostile-unique": { outcome: "failed", failing: 2, sample: ["a'b"] },
  "hostile-pattern": { outcome: "failed", failing: 1, sample: ["K3"] },
  "missing-column": { outcome: "not_evaluated", failing: 0 },
};

let dir: string;
const outcomes: Record<string, SuiteOutcome> = {};

async function runOn(engine: Engine): Promise<SuiteOutcome> {
  const { permit } = await openTestRun();
  try {
    return await runSuite(engine, await loadSuite(join(dir, "mini-suite.yaml")), permit, { collectFlagged: true });
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
      { table, pgUrl: inject("pgUrl") },
    );
  }
  outcomes.postgres = await runOn(await PostgresEngine.connect(inject("pgUrl")));
});

describe.each(["duckdb", "postgres"])("every check kind on small literal tables (%s)", (engine) => {
  it.each(Object.entries(expected))("%s", (id, want) => {
    const outcome = outcomes[engine] as SuiteOutcome;
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
    const result = outcomes.duckdb?.result.checks.find((c) => c.id === "missing-column");
    expect(result?.reason).toContain("bestaat_niet");
    const drift = outcomes.duckdb?.result.checks.find((c) => c.id === "drift");
    expect(drift?.reason).toContain("eerdere runs");
  });

  it("marks custom SQL as such", () => {
    expect(outcomes.duckdb?.result.checks.find((c) => c.id === "custom")?.custom).toBe(true);
  });
});
