import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { DuckDbEngine, duckdbSettings, loadSuite, runSuite } from "../src/index.js";
import { benchData, benchDataIn, makeBenchLab, openBenchRun } from "./bench-run.js";

const ROOT = resolve(import.meta.dirname, "..");
const SUITE = join(ROOT, "experiments/om-datakwaliteit/suite.yaml");
const ROUNDS = 3;

const cases = Number((process.argv[2] ?? "1000000").replaceAll("_", ""));
if (!Number.isInteger(cases) || cases < 1) {
  console.error("Gebruik: npm run bench:checks -- <aantal zaken>");
  process.exit(3);
}

/** The data is made once per size, in a child process, so its memory does not count here. */

/** The suite as a run does it: attach (with the file hash and the content fingerprint) and every check. */
async function timeSuite(dir: string): Promise<number> {
  const suite = await loadSuite(SUITE, dir);
  const permit = await openBenchRun(lab);
  const engine = await DuckDbEngine.open(":memory:", duckdbSettings());
  try {
    const start = performance.now();
    await runSuite(engine, suite, permit);
    return performance.now() - start;
  } finally {
    await engine.close();
  }
}

/** The content fingerprints alone (part of every suite run): one scan of each table. */
async function timeFingerprints(dir: string): Promise<number> {
  const engine = await DuckDbEngine.open(":memory:", duckdbSettings());
  try {
    for (const table of ["verdachten", "zaken", "feiten"])
      await engine.connection.run(
        `CREATE VIEW ${table} AS SELECT * FROM read_parquet('${join(dir, `${table}.parquet`)}')`,
      );
    const start = performance.now();
    for (const table of ["verdachten", "zaken", "feiten"]) await engine.fingerprint(table);
    return performance.now() - start;
  } finally {
    await engine.close();
  }
}

async function timeFloor(dir: string, script: string[]): Promise<number> {
  // The floor gets the same memory ceiling as the suite, so both spill alike.
  const engine = await DuckDbEngine.open(":memory:", duckdbSettings());
  try {
    for (const table of ["verdachten", "zaken", "feiten"])
      await engine.connection.run(
        `CREATE VIEW ${table} AS SELECT * FROM read_parquet('${join(dir, `${table}.parquet`)}')`,
      );
    const start = performance.now();
    for (const statement of script) await engine.query(statement);
    return performance.now() - start;
  } finally {
    await engine.close();
  }
}

const lab = await makeBenchLab();
const dir = await benchDataIn(lab, benchData(cases));
const script = (await readFile(join(import.meta.dirname, "om-floor.sql"), "utf8"))
  .replace(/--.*$/gm, "")
  .split(";")
  .map((s) => s.trim())
  .filter(Boolean);
await timeFloor(dir, script); // warm the file cache for both
const suiteTimes: number[] = [];
const floorTimes: number[] = [];
const fingerprintTimes: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  suiteTimes.push(await timeSuite(dir));
  floorTimes.push(await timeFloor(dir, script));
  fingerprintTimes.push(await timeFingerprints(dir));
}
const best = (times: number[]) => Math.min(...times);
const peakMb = process.resourceUsage().maxRSS / 1024;
console.log(`zaken: ${cases}`);
console.log(`suite (livinglab, ${ROUNDS} rondes, beste): ${(best(suiteTimes) / 1000).toFixed(2)} s`);
console.log(`vloer (handgeschreven DuckDB-SQL, beste):  ${(best(floorTimes) / 1000).toFixed(2)} s`);
console.log(`piekgeheugen van dit proces: ${peakMb.toFixed(0)} MB`);
console.log(
  `waarvan vingerafdrukken van de inhoud (3 tabellen, beste): ${(best(fingerprintTimes) / 1000).toFixed(2)} s`,
);
console.log(`suite/floor ratio: ${(best(suiteTimes) / best(floorTimes)).toFixed(2)}`);
console.log(`fingerprint/floor ratio: ${(best(fingerprintTimes) / best(floorTimes)).toFixed(2)}`);
