/**
 * Large suites: loading against parsing the same YAML, and running N checks on one table under
 * the 1 GB memory ceiling against DuckDB counting the same conditions in one hand-written query.
 *   npm run bench:suite-scale -- 5000 100000     (checks, rows)
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { DuckDbEngine, duckdbSettings, loadSuite, MAX_CHECKS, runSuite } from "../src/index.js";
import { openBenchRun } from "./bench-run.js";

const checks = Number((process.argv[2] ?? "5000").replaceAll("_", ""));
const rows = Number((process.argv[3] ?? "100000").replaceAll("_", ""));
if (!Number.isInteger(checks) || checks < 1 || checks > MAX_CHECKS || !Number.isInteger(rows) || rows < 1) {
  console.error(`Gebruik: npm run bench:suite-scale -- <checks, hoogstens ${MAX_CHECKS}> <rijen>`);
  process.exit(3);
}
const COLUMNS = 20;

function suiteText(n: number): string {
  const lines = Array.from({ length: n }, (_, i) =>
    i % 2 === 0
      ? `  - { id: c${i}, kind: not_null, table: breed, column: c${i % COLUMNS} }`
      : `  - { id: c${i}, kind: pattern, table: breed, column: c${i % COLUMNS}, pattern: "w[0-9]{1,${(i % 7) + 1}}" }`,
  );
  return [
    "format: livinglab-suite/2",
    "name: groot",
    "datasets:",
    "  breed: { file: breed.parquet, key: id }",
    "checks:",
    ...lines,
  ].join("\n");
}

async function best(times: number, fn: () => Promise<void>): Promise<number> {
  let fastest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    await fn();
    fastest = Math.min(fastest, performance.now() - start);
  }
  return fastest;
}

const dir = await mkdtemp(join(tmpdir(), "livinglab-bench-scale-"));
try {
  console.log("Laden (loadSuite) tegen alleen YAML lezen (yaml.parse), per grootte:");
  for (const n of [1000, 2500, 5000, MAX_CHECKS]) {
    const file = join(dir, `suite-${n}.yaml`);
    const text = suiteText(n);
    await writeFile(file, text);
    const load = await best(3, async () => void (await loadSuite(file)));
    const yaml = await best(3, async () => void parse(text));
    console.log(
      `  ${String(n).padStart(6)} checks (${(text.length / 1e6).toFixed(1)} MB): ${load.toFixed(0)} ms, ${((load / n) * 1000).toFixed(0)} µs per check, load/parse ratio: ${(load / yaml).toFixed(2)}`,
    );
  }

  const engine = await DuckDbEngine.open(":memory:", duckdbSettings());
  const columns = Array.from(
    { length: COLUMNS },
    (_, j) => `CASE WHEN i % ${j + 3} = 0 THEN NULL ELSE 'w' || (i % 1000) END AS c${j}`,
  );
  await engine.query(
    `COPY (SELECT 'R' || i AS id, ${columns.join(", ")} FROM range(${rows}) AS t(i)) TO '${join(dir, "breed.parquet")}' (FORMAT parquet)`,
  );
  const file = join(dir, "suite.yaml");
  await writeFile(file, suiteText(checks));
  const loaded = await loadSuite(file);
  const floorSql = `SELECT ${Array.from({ length: Math.min(checks, 500) }, (_, i) => `count_if(c${i % COLUMNS} IS NULL) AS f${i}`).join(", ")} FROM read_parquet('${join(dir, "breed.parquet")}')`;
  await engine.close();

  const suiteTime = await best(1, async () => {
    const run = await DuckDbEngine.open(":memory:", duckdbSettings());
    try {
      await runSuite(run, loaded, await openBenchRun());
    } finally {
      await run.close();
    }
  });
  const floorEngine = await DuckDbEngine.open(":memory:", duckdbSettings());
  const floorTime = await best(3, async () => void (await floorEngine.query(floorSql)));
  const perScan = floorEngine.scanCapacity();
  await floorEngine.close();
  // The floor counts at most 500 conditions in one scan; scaled to the suite's number of checks.
  const floorScaled = (floorTime * checks) / Math.min(checks, 500);
  console.log(`Draaien: ${checks} checks op ${rows} rijen, geheugengrens 1 GB, hoogstens ${perScan} checks per scan:`);
  console.log(
    `  suite: ${(suiteTime / 1000).toFixed(2)} s, vloer (alleen tellen, geschaald): ${(floorScaled / 1000).toFixed(2)} s`,
  );
  console.log(`  piekgeheugen van dit proces: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  console.log(`  suite/floor ratio: ${(suiteTime / floorScaled).toFixed(2)}`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
