import { totalmem } from "node:os";
import { optionHint } from "../errors/option-hint.js";
import { LivingLabError } from "../errors/problem.js";
import type { DatasetSource, Engine } from "./engine.js";
import { duckdbLocation, postgresLocation, sparkLocation } from "./engine-locations.js";

export const engineNames = ["duckdb", "postgres", "spark"] as const;
export type EngineName = (typeof engineNames)[number];

export interface EngineOptions extends EngineResources {
  /** PostgreSQL connection URL; without it the standard PG environment variables apply. */
  pgUrl?: string;
  /** The lab connection (verbindingen.yaml) that `pgUrl` comes from, when it does. */
  connection?: string;
  /** Spark address (`sc://host:port` or `hive2://host:port`); without it `SPARK_REMOTE` applies. */
  sparkUrl?: string;
}

/** What the embedded engine may use of the machine. */
export interface EngineResources {
  /** Most memory DuckDB may use (`1GB`, `512MiB`); beyond it, it spills to disk. */
  memoryLimit?: string;
  /** Threads DuckDB runs on; default one per core. */
  threads?: number;
}

/** The ceiling without an option or LIVINGLAB_MEMORY: it keeps the default suite at 10M cases under 1.5 GB. */
const DEFAULT_MEMORY = { text: "1GB", bytes: 1e9 };

/**
 * DuckDB's settings for checks: a fixed memory ceiling whatever the number of rows (the option,
 * else LIVINGLAB_MEMORY, else 1 GB, at most half the machine's memory), and the threads (the
 * option, else LIVINGLAB_THREADS, else one per core). Beyond the ceiling DuckDB spills to disk,
 * into a folder that each engine gets of its own (see `DuckDbEngine.open`).
 * @example duckdbSettings({ memoryLimit: "4GB", threads: 2 }) // { memory_limit: "4GB", threads: "2" }
 */
export function duckdbSettings(resources: EngineResources = {}, env = process.env): Record<string, string> {
  const memory = resources.memoryLimit ?? env.LIVINGLAB_MEMORY;
  const threads =
    resources.threads ?? (env.LIVINGLAB_THREADS === undefined ? undefined : Number(env.LIVINGLAB_THREADS));
  if (memory !== undefined && !MEMORY_SIZE.test(memory.trim())) {
    throw new LivingLabError({
      code: "engine_memory_invalid",
      message: `'${memory}' is geen hoeveelheid geheugen voor de engine.`,
      ...optionHint(
        (o) => `Geef een getal met een eenheid, zoals 512MB, 2GB of 4GiB (${o("memory")}, of LIVINGLAB_MEMORY).`,
      ),
    });
  }
  if (threads !== undefined && !(Number.isInteger(threads) && threads >= 1 && threads <= 1024)) {
    throw new LivingLabError({
      code: "engine_threads_invalid",
      message: `'${resources.threads ?? env.LIVINGLAB_THREADS}' is geen aantal threads voor de engine.`,
      ...optionHint((o) => `Geef een heel getal van 1 tot en met 1024 (${o("threads")}, of LIVINGLAB_THREADS).`),
    });
  }
  const half = totalmem() / 2;
  const fallback = half >= DEFAULT_MEMORY.bytes ? DEFAULT_MEMORY.text : `${Math.floor(half / 2 ** 20)}MiB`;
  return { memory_limit: memory?.trim() ?? fallback, ...(threads !== undefined && { threads: String(threads) }) };
}

const MEMORY_SIZE = /^\d+(\.\d+)?\s*([KMGT]i?B)$/i;

/** What the tool knows of an engine before it opens one: how to open it, and where it reads a dataset. */
interface EngineEntry {
  open(options: EngineOptions): Promise<Engine>;
  locate(source: DatasetSource): DatasetSource;
}

/**
 * Every engine by name; adding one is a file in this folder and a line here. An engine's module
 * (and its client library: DuckDB, pg, Spark's gRPC and Arrow) is loaded when it is opened, so a
 * run on one engine does not load the others.
 */
const engines = {
  duckdb: {
    open: async (options) => {
      const settings = duckdbSettings(options);
      return (await import("./duckdb-engine.js")).DuckDbEngine.open(":memory:", settings);
    },
    locate: duckdbLocation,
  },
  postgres: {
    open: async (options) =>
      (await import("./postgres-engine.js")).PostgresEngine.connect(options.pgUrl, options.connection),
    locate: postgresLocation,
  },
  spark: {
    open: async (options) => (await import("./spark/spark-engine.js")).SparkEngine.connect(options.sparkUrl),
    locate: sparkLocation,
  },
} satisfies Record<EngineName, EngineEntry>;

/**
 * Opens an engine by name.
 * @example const engine = await openEngine("duckdb");
 */
export function openEngine(name: EngineName, options: EngineOptions = {}): Promise<Engine> {
  return engines[name].open(options);
}

/**
 * Where an engine reads a dataset, known before it is opened: so the door hashes the files a
 * run will read, and only those.
 * @example locateFor("postgres")({ name: "zaken", file: "data/zaken.parquet" }) // { name: "zaken", table: "zaken" }
 */
export function locateFor(name: EngineName): (source: DatasetSource) => DatasetSource {
  return engines[name].locate;
}
