import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  type DatasetSource,
  DuckDbEngine,
  type Engine,
  examQuery,
  type KindScore,
  loadIntoPostgres,
  loadSuite,
  PostgresEngine,
  renderSelect,
  runSuite,
  scoresFromExam,
} from "../../src/index.js";
import { writeMiniData } from "../helpers/mini-data.js";
import { fileDatabase } from "../helpers/postgres-database.js";
import { testPermit } from "../helpers/test-run.js";

/** Three kinds: one found in part, one found with a false alarm, one no check looks for. */
const SUITE = `format: livinglab-suite/2
name: examen
reference_date: 2025-06-30
datasets:
  zaken: { file: zaken.parquet, table: examen_zaken, key: zaak_id }
checks:
  - { id: vorm, kind: pattern, table: zaken, column: parketnummer, pattern: "[0-9]{2}/[0-9]{6}-[0-9]{2}", finds: vorm }
  - { id: leeg, kind: not_null, table: zaken, column: parketnummer, finds: leeg }
  - { id: dubbel, kind: unique_key, table: zaken, columns: [zaak_id], finds: dubbel }
  - { id: ongeteld, kind: row_count, table: zaken, min: 1 }
`;

const TRUTH = `SELECT * FROM (VALUES
  ('vorm', 'zaken', 'Z3'), ('vorm', 'zaken', 'Z6'), ('vorm', 'zaken', 'Z1'),
  ('leeg', 'zaken', 'Z4'),
  ('dubbel', 'zaken', 'Z5'), ('dubbel', 'zaken', 'Z5'),
  ('verweesd', 'feiten', 'F1')
) AS t(kind, table_name, row_key)`;

const WANT: KindScore[] = [
  { kind: "dubbel", recall: 1, precision: 1, truth_count: 1, flagged_count: 1, found_count: 1 },
  { kind: "leeg", recall: 1, precision: 0.5, truth_count: 1, flagged_count: 2, found_count: 1 },
  { kind: "verweesd", recall: 0, precision: null, truth_count: 1, flagged_count: 0, found_count: 0 },
  { kind: "vorm", recall: 2 / 3, precision: 1, truth_count: 3, flagged_count: 2, found_count: 2 },
];

let dir: string;

/** The truth goes in through the run's permit, before the suite restricts the engine to what is attached. */
async function examOn(engine: Engine, truth: DatasetSource): Promise<KindScore[]> {
  try {
    const permit = await testPermit();
    await permit.attach(engine, truth);
    const loaded = await loadSuite(join(dir, "examen.yaml"));
    const { plan, results } = await runSuite(engine, loaded, permit);
    const rows = await engine.query(renderSelect(examQuery(plan, results, truth.name), engine.dialect));
    return scoresFromExam(rows);
  } finally {
    await engine.close();
  }
}

beforeAll(async () => {
  dir = await writeMiniData();
  await writeFile(join(dir, "examen.yaml"), SUITE);
  const duck = await DuckDbEngine.open();
  await duck.connection.run(`COPY (${TRUTH}) TO '${join(dir, "truth.parquet")}' (FORMAT parquet)`);
  await duck.close();
});

describe("the exam, compared on the engine", () => {
  it("counts found, flagged and injected rows per kind on DuckDB", async () => {
    const engine = await DuckDbEngine.open();
    expect(await examOn(engine, { name: "truth", file: join(dir, "truth.parquet") })).toEqual(WANT);
  });

  it("gives the same counts on PostgreSQL", async () => {
    const permit = await testPermit();
    const pgUrl = await fileDatabase();
    const load = (name: string, table: string) =>
      loadIntoPostgres(permit, { name, file: join(dir, `${name}.parquet`) }, { table, pgUrl });
    await load("zaken", "examen_zaken");
    await load("truth", "exam_truth");
    const engine = await PostgresEngine.connect(await fileDatabase());
    expect(await examOn(engine, { name: "truth", table: "exam_truth" })).toEqual(WANT);
  });
});
