/**
 * The default OM suite on local Spark against the same suite on DuckDB, on the same synthetic
 * Parquet files, timed in the same run; the results must agree field for field.
 *   npm run bench:spark                    # 1,000,000 and 10,000,000 cases
 *   npm run bench:spark -- 100000          # other sizes
 * Without SPARK_REMOTE it starts a throwaway local Spark (./lab spark) and stops it afterwards.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { DuckDbEngine, duckdbSettings, type Engine, loadSuite, runSuite, SparkEngine } from "../src/index.js";
import { benchData, benchDataIn, makeBenchLab, openBenchRun } from "./bench-run.js";

const ROOT = resolve(import.meta.dirname, "..");
const SUITE = join(ROOT, "experiments/om-datakwaliteit/suite.yaml");
const ROUNDS = Number(process.env.LIVINGLAB_BENCH_ROUNDS ?? 2);

const sizes = (process.argv.length > 2 ? process.argv.slice(2) : ["1000000", "10000000"]).map((s) =>
  Number(s.replaceAll("_", "")),
);
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) {
  console.error("Gebruik: npm run bench:spark -- [aantal zaken ...]");
  process.exit(3);
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const address = server.address();
  await new Promise<void>((done) => server.close(() => done()));
  return typeof address === "object" && address ? address.port : 0;
}

/** A local Spark of our own, unless SPARK_REMOTE names one; returns how to stop it. */
async function ensureSpark(): Promise<() => void> {
  if (process.env.SPARK_REMOTE) return () => {};
  const state = mkdtempSync(join(tmpdir(), "livinglab-bench-spark-"));
  const env = {
    ...process.env,
    LIVINGLAB_SPARK_STATE: state,
    LIVINGLAB_SPARK_CONNECT_PORT: String(await freePort()),
    LIVINGLAB_SPARK_THRIFT_PORT: String(await freePort()),
  };
  const lab = (command: string) => spawnSync(join(ROOT, "lab"), ["spark", command], { env, stdio: "inherit" });
  if (lab("start").status !== 0) process.exit(3);
  process.env.SPARK_REMOTE = `sc://127.0.0.1:${env.LIVINGLAB_SPARK_CONNECT_PORT}`;
  return () => {
    lab("stop");
    rmSync(state, { recursive: true, force: true });
  };
}

async function timeSuite(
  open: () => Promise<Engine>,
  lab: string,
  dir: string,
): Promise<{ ms: number; result: unknown }> {
  const suite = await loadSuite(SUITE, dir);
  let best = Number.POSITIVE_INFINITY;
  let result: unknown;
  for (let round = 0; round < ROUNDS; round++) {
    const engine = await open();
    try {
      const start = performance.now();
      const outcome = await runSuite(engine, suite, await openBenchRun(lab));
      best = Math.min(best, performance.now() - start);
      result = { ...outcome.result, engine: "" };
    } finally {
      await engine.close();
    }
  }
  return { ms: best, result };
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");
const stop = await ensureSpark();
try {
  console.log(`Belasting van de machine (1, 5, 15 min) bij de start: ${load()}`);
  for (const cases of sizes) {
    const lab = await makeBenchLab();
    const dir = await benchDataIn(lab, benchData(cases));
    const duck = await timeSuite(() => DuckDbEngine.open(":memory:", duckdbSettings()), lab, dir);
    const spark = await timeSuite(() => SparkEngine.connect(), lab, dir);
    const same = JSON.stringify(spark.result) === JSON.stringify(duck.result);
    console.log(
      `${cases.toLocaleString("nl-NL")} zaken: duckdb ${(duck.ms / 1000).toFixed(1)} s, spark ${(spark.ms / 1000).toFixed(1)} s, ` +
        `spark/duckdb ratio: ${(spark.ms / duck.ms).toFixed(2)}; uitkomsten ${same ? "gelijk" : "VERSCHILLEN"}; belasting ${load()}`,
    );
    if (!same) process.exitCode = 1;
  }
} finally {
  stop();
}
