import { copyFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { mergeLookups } from "../../src/checks/merge-lookups.js";
import { keysQuery } from "../../src/checks/plan-suite.js";
import {
  DuckDbEngine,
  type Engine,
  generateOm,
  loadIntoPostgres,
  loadSuite,
  PostgresEngine,
  renderSelect,
  runSuite,
} from "../../src/index.js";
import { REPO } from "../helpers/cli.js";
import { fileDatabase } from "../helpers/postgres-database.js";
import { testDataDir, testPermit } from "../helpers/test-run.js";

/** Lookups of zaken in verdachten on one key: a reference, two ages (one filtered), a filtered reference. */
const SUITE = `format: livinglab-suite/2
name: opzoeken
reference_date: 2026-06-30
datasets:
  verdachten: { file: verdachten.parquet, key: verdachte_id }
  zaken: { file: zaken.parquet, key: zaak_id }
  feiten: { file: feiten.parquet, key: feit_id }
checks:
  - { id: verdachte-bestaat, kind: referential_integrity, table: zaken, columns: [verdachte_id], references: { table: verdachten, columns: [verdachte_id] } }
  - { id: leeftijd, kind: derived_value, table: zaken, derive: leeftijd, birth_year: geboortejaar, date: pleegdatum, lookup: { table: verdachten, on: verdachte_id }, min: 12, max: 100 }
  - { id: leeftijd-smal, kind: derived_value, table: zaken, derive: leeftijd, birth_year: geboortejaar, date: pleegdatum, lookup: { table: verdachten, on: verdachte_id }, min: 18, max: 60, filter: { column: arrondissement, equals: Amsterdam } }
  - { id: verdachte-bestaat-open, kind: referential_integrity, table: zaken, columns: [verdachte_id], references: { table: verdachten, columns: [verdachte_id] }, filter: { column: status, not_equals: afgedaan } }
  - { id: zaak-bestaat, kind: referential_integrity, table: feiten, columns: [zaak_id], references: { table: zaken, columns: [zaak_id] } }
`;

let dir: string;

beforeAll(async () => {
  dir = await testDataDir("opzoeken-");
  await generateOm({ out: dir, zaken: 3000, seed: 7, asOf: "2026-06-30", defects: "all" });
  await writeFile(join(dir, "opzoeken.yaml"), SUITE);
  await copyFile(join(REPO, "experiments/om-datakwaliteit/suite.yaml"), join(dir, "om.yaml"));
});

/**
 * Runs a suite (merged lookups included) and, beside it, each lookup check's own query: the
 * failing count and the sample must be the same, on data with orphans and implausible ages.
 */
async function bothWays(engine: Engine, suiteFile: string) {
  try {
    const loaded = await loadSuite(join(dir, suiteFile), dir);
    const { plan, results } = await runSuite(engine, loaded, await testPermit());
    const keyed = plan.checks.filter((p) => p.measure.type === "keys");
    const { merged } = mergeLookups(keyed);
    const compared = [];
    for (const planned of merged.flatMap((m) => m.checks.map((c) => c.planned))) {
      if (planned.measure.type !== "keys") continue;
      const [own = {}] = await engine.query(renderSelect(keysQuery(planned.measure.select), engine.dialect));
      const result = results.get(planned.check.id);
      compared.push({
        id: planned.check.id,
        merged: { failing: result?.failing_count, sample: result?.sample },
        own: { failing: Number(own.failing), sample: (own.sample as unknown[]).map(String) },
      });
    }
    return { merged, compared };
  } finally {
    await engine.close();
  }
}

describe("lookups of one dataset on one key, answered by one join", () => {
  it("merge on DuckDB, with the counts and samples of each check's own query", async () => {
    const { merged, compared } = await bothWays(await DuckDbEngine.open(), "opzoeken.yaml");
    // One join for the four lookups of zaken in verdachten; feiten -> zaken stays an anti join of its own.
    expect(merged.map((m) => m.checks.map((c) => c.planned.check.id))).toEqual([
      ["verdachte-bestaat", "leeftijd", "leeftijd-smal", "verdachte-bestaat-open"],
    ]);
    for (const c of compared) expect(c.merged, c.id).toEqual(c.own);
    // The data has both kinds of failure, so the test can tell a wrong condition.
    for (const c of compared) expect(c.own.failing, c.id).toBeGreaterThan(0);
    expect(compared.find((c) => c.id === "leeftijd-smal")?.own.failing).toBeLessThan(
      compared.find((c) => c.id === "leeftijd")?.own.failing ?? 0,
    );
  });

  it("merge the default OM suite's reference and age checks, with the same results", async () => {
    const { merged, compared } = await bothWays(await DuckDbEngine.open(), "om.yaml");
    expect(merged.map((m) => m.checks.map((c) => c.planned.check.id))).toEqual([
      ["zaken-verdachte-bestaat", "zaken-leeftijd-plausibel"],
    ]);
    for (const c of compared) expect(c.merged, c.id).toEqual(c.own);
  });

  it("give the same results on PostgreSQL", async () => {
    const pgUrl = await fileDatabase();
    for (const name of ["verdachten", "zaken", "feiten"]) {
      await loadIntoPostgres(await testPermit(), { name, file: join(dir, `${name}.parquet`) }, { table: name, pgUrl });
    }
    const onDuckDb = await bothWays(await DuckDbEngine.open(), "opzoeken.yaml");
    const onPostgres = await bothWays(await PostgresEngine.connect(pgUrl), "opzoeken.yaml");
    for (const c of onPostgres.compared) expect(c.merged, c.id).toEqual(c.own);
    expect(onPostgres.compared).toEqual(onDuckDb.compared);
  });
});
