/**
 * Benchmark of the synthetic OM-data generator.
 *
 *   npm run bench:synth                      # 1,000,000 and 10,000,000 zaken
 *   npm run bench:synth -- 100000 1000000    # other sizes
 *
 * For each size it runs, each in a fresh process so peak memory is its own:
 *   1. `generateOm` with `--defects all` (rows per second over all four tables, peak RSS);
 *   2. the baseline: DuckDB alone writing the same four Parquet files from tables already in
 *      memory, with the same settings as the generator's writer (zstd, one thread per DuckDB,
 *      zaken in one lane and the other tables in a second), timed around the COPY statements only.
 * The ratio says how many times longer making the data takes than only writing it.
 */
import { spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDbEngine, generateOm } from "../src/index.js";

interface Measurement {
  seconds: number;
  rows: number;
  peakRssMb: number;
}

async function generate(out: string, zaken: number): Promise<Measurement> {
  const started = performance.now();
  const result = await generateOm({ out, zaken, seed: 1, asOf: "2026-06-30", defects: "all" });
  const seconds = (performance.now() - started) / 1000;
  const rows = Object.values(result.rowCounts).reduce((sum, n) => sum + n, 0);
  return { seconds, rows, peakRssMb: process.resourceUsage().maxRSS / 1024 };
}

/** The same lanes as the generator's writer: zaken alone, the other tables after each other. */
const LANES = [["zaken"], ["feiten", "verdachten", "ground_truth"]] as const;

async function duckdbWrite(out: string): Promise<Measurement> {
  const engines = await Promise.all(
    LANES.map(() => DuckDbEngine.open(":memory:", { threads: "1", preserve_insertion_order: "true" })),
  );
  try {
    let rows = 0;
    for (const [i, lane] of LANES.entries()) {
      for (const table of lane) {
        const engine = engines[i] as DuckDbEngine;
        await engine.connection.run(
          `CREATE TABLE ${table} AS SELECT * FROM read_parquet('${join(out, `${table}.parquet`)}')`,
        );
        const [count] = await engine.query(`SELECT count(*) AS n FROM ${table}`);
        rows += Number(count?.n ?? 0);
      }
    }
    const started = performance.now();
    await Promise.all(
      LANES.map(async (lane, i) => {
        for (const table of lane) {
          const target = join(out, `baseline-${table}.parquet`);
          await engines[i]?.connection.run(`COPY ${table} TO '${target}' (FORMAT parquet, COMPRESSION zstd)`);
        }
      }),
    );
    return { seconds: (performance.now() - started) / 1000, rows, peakRssMb: process.resourceUsage().maxRSS / 1024 };
  } finally {
    for (const engine of engines) engine.close();
  }
}

/** Runs one step in a fresh process and reads its measurement. */
function inChild(step: "generate" | "duckdb", out: string, zaken: number): Measurement {
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, import.meta.filename, `--${step}`, out, String(zaken)],
    {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  if (child.status !== 0) throw new Error(`${step} for ${zaken} zaken failed (exit ${child.status})`);
  return JSON.parse(child.stdout.trim().split("\n").at(-1) ?? "{}") as Measurement;
}

async function main(args: string[]): Promise<void> {
  const [flag, out, zaken] = args;
  if (flag === "--generate" || flag === "--duckdb") {
    const measure = flag === "--generate" ? generate : duckdbWrite;
    console.log(JSON.stringify(await measure(out ?? "", Number(zaken))));
    return;
  }
  const sizes = args.length > 0 ? args.map((a) => Number(a.replaceAll("_", ""))) : [1_000_000, 10_000_000];
  console.log(
    "zaken       rijen        synth (s)  rijen/s     piek-RSS (MB)  DuckDB schrijven (s)  piek-RSS (MB)  verhouding",
  );
  for (const size of sizes) {
    const dir = await mkdtemp(join(tmpdir(), "livinglab-bench-synth-"));
    try {
      const made = inChild("generate", dir, size);
      const base = inChild("duckdb", dir, size);
      console.log(
        [
          String(size).padEnd(11),
          String(made.rows).padEnd(12),
          made.seconds.toFixed(1).padStart(9),
          Math.round(made.rows / made.seconds)
            .toString()
            .padStart(9),
          made.peakRssMb.toFixed(0).padStart(15),
          base.seconds.toFixed(1).padStart(21),
          base.peakRssMb.toFixed(0).padStart(14),
          `${(made.seconds / base.seconds).toFixed(2)}x`.padStart(11),
        ].join("  "),
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  console.log(
    "verhouding = synth-tijd / tijd die DuckDB alleen nodig heeft om dezelfde Parquet-bestanden te schrijven",
  );
}

await main(process.argv.slice(2));
