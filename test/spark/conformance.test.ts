import { copyFile, readFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  checkSuite,
  DuckDbEngine,
  type Engine,
  evaluateSuite,
  generateOm,
  type KindScore,
  loadIntoPostgres,
  loadSuite,
  runSuite,
  SparkEngine,
  type SuiteOutcome,
} from "../../src/index.js";
import { defectKinds } from "../../src/synth/defect-kinds.js";
import { flaggedKeysOf } from "../helpers/flagged-keys.js";
import { MINI_EXPECTED, writeMiniData } from "../helpers/mini-data.js";
import { fileDatabase } from "../helpers/postgres-database.js";
import { testDataDir, testLab, testPermit } from "../helpers/test-run.js";

const WHY = "Conformiteit van Spark met DuckDB op synthetische data, als test van de werkbank.";
const THRIFT = process.env.LIVINGLAB_SPARK_THRIFT_URL;

type Outcome = SuiteOutcome & { flagged: Map<string, string[]> };

async function runMini(engine: Engine, dir: string): Promise<Outcome> {
  try {
    const outcome = await runSuite(engine, await loadSuite(join(dir, "mini-suite.yaml")), await testPermit());
    return { ...outcome, flagged: await flaggedKeysOf(engine, outcome) };
  } finally {
    await engine.close();
  }
}

describe("the hostile-names suite on Spark and DuckDB", () => {
  const outcomes: Record<string, Outcome> = {};

  let dir: string;

  beforeAll(async () => {
    dir = await writeMiniData();
    await copyFile(join(import.meta.dirname, "../checks/mini-suite.yaml"), join(dir, "mini-suite.yaml"));
    outcomes.duckdb = await runMini(await DuckDbEngine.open(), dir);
  });

  it.each([
    ["connect", undefined],
    ["thrift", THRIFT],
  ])("gives every field as DuckDB does, over %s", async (protocol, url) => {
    if (protocol === "thrift") expect(url, "LIVINGLAB_SPARK_THRIFT_URL is not set").toBeDefined();
    const spark = await runMini(await SparkEngine.connect(url), dir);
    outcomes[protocol] = spark;
    expect(spark.result.engine).toBe("spark");
    expect({ ...spark.result, engine: "" }).toEqual({ ...outcomes.duckdb?.result, engine: "" });
    expect(spark.flagged).toEqual(outcomes.duckdb?.flagged);
  });

  it.each(Object.entries(MINI_EXPECTED))("finds what %s should find on Spark", (id, want) => {
    const result = outcomes.connect?.result.checks.find((c) => c.id === id);
    expect(result?.outcome).toBe(want.outcome);
    expect(result?.failing_count).toBe(want.failing);
    if (want.sample) expect(result?.sample).toEqual(want.sample);
  });
});

describe("the default OM suite on Spark and DuckDB", () => {
  let lab: string;
  let suite: string;
  let data: string;

  beforeAll(async () => {
    // The file's one test lab, where testPermit() runs too: the door reads data only inside
    // the experiment's folder (or a place it declares).
    lab = await testLab();
    suite = join(lab, "experiments/om-datakwaliteit/suite.yaml");
    data = await testDataDir("spark-data-");
    await generateOm({ out: data, zaken: 3000, seed: 20261129, asOf: "2026-06-30", defects: "all" });
  });

  it("gives every field of every check as DuckDB does, and logs the run like any other", async () => {
    const json = (engine: string) => join(lab, `${engine}.json`);
    const duck = await checkSuite({ suite, dataDir: data, justification: WHY, json: json("duckdb") });
    const spark = await checkSuite({ suite, dataDir: data, justification: WHY, engine: "spark", json: json("spark") });
    const fields = async (engine: string) => {
      const { run_id: _, engine: __, checks, ...rest } = JSON.parse(await readFile(json(engine), "utf8"));
      // Drift compares with the runs before it, which differ between the two; the rest must match.
      return { ...rest, checks: checks.filter((c: { kind: string }) => c.kind !== "drift") };
    };
    expect(spark.result.checks.length).toBeGreaterThan(40);
    expect(spark.result.checks.filter((c) => c.outcome === "failed").length).toBeGreaterThan(10);
    expect(await fields("spark")).toEqual(await fields("duckdb"));
    expect(spark.record.analysis.params.engine).toBe("spark");
    expect(spark.record.versions.engine).toMatch(/^spark 4\.\d+\.\d+ \(Spark Connect\)$/);
    // Through the one door: its start record, then its end record, after DuckDB's two.
    expect(spark.record.seq).toBe(duck.record.seq + 2);
    // The same rows give the same content fingerprint on the cluster as on DuckDB and PostgreSQL.
    const permit = await testPermit();
    for (const name of ["verdachten", "zaken", "feiten"]) {
      const file = join(data, `${name}.parquet`);
      await loadIntoPostgres(permit, { name, file }, { table: name, pgUrl: await fileDatabase() });
    }
    const pg = await checkSuite({
      suite,
      dataDir: data,
      justification: WHY,
      engine: "postgres",
      pgUrl: await fileDatabase(),
    });
    const read = (run: typeof duck) =>
      Object.fromEntries(run.record.data?.map((d) => [d.name, [d.rows, d.columns, d.content_sha256]]) ?? []);
    expect(Object.keys(read(spark)).sort()).toEqual(["feiten", "verdachten", "zaken"]);
    // Spark and DuckDB read the files: the same rows and columns, each file known by its hash (the
    // cluster's own fingerprint is compared in fingerprint.test.ts). The server's tables hold
    // the files' rows: their content fingerprints are those of the files.
    expect(read(spark)).toEqual(read(duck));
    for (const [name, [rows, columns, content]] of Object.entries(read(duck))) {
      expect(content).toBeUndefined();
      const fromFile = await DuckDbEngine.fingerprintFile(join(data, `${name}.parquet`));
      expect(read(pg)[name]).toEqual([rows, columns, fromFile.sha256]);
    }
    // Spark read the files by the paths the door hashed.
    expect(spark.record.data?.map((d) => d.file?.sha256)).toEqual(duck.record.data?.map((d) => d.file?.sha256));
  });

  it("passes the exam on Spark: every defect kind found, nothing else, compared on the engine", async () => {
    const exam = (engine: "duckdb" | "spark") =>
      evaluateSuite({ suite, dataDir: data, truth: join(data, "ground_truth.parquet"), justification: WHY, engine });
    const spark = await exam("spark");
    const duck = await exam("duckdb");
    for (const kind of defectKinds) {
      const score = spark.scores.find((s: KindScore) => s.kind === kind);
      expect(score?.truth_count, `no ${kind} was injected`).toBeGreaterThan(0);
      expect(score).toMatchObject({ recall: 1, precision: 1 });
    }
    expect(spark.scores).toEqual(duck.scores);
    expect(spark.passed).toBe(true);
    expect(spark.record.analysis.name).toBe("evaluate");
  });
});
