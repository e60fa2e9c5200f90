import { DuckDbEngine } from "./duckdb-engine.js";
import type { DatasetSource, Engine } from "./engine.js";
import { PostgresEngine } from "./postgres-engine.js";

export const engineNames = ["duckdb", "postgres"] as const;
export type EngineName = (typeof engineNames)[number];

export interface EngineOptions {
  /** PostgreSQL connection URL; without it the standard PG environment variables apply. */
  pgUrl?: string;
  /** Most memory the embedded engine may use; beyond it DuckDB spills to disk (default 1GB). */
  memoryLimit?: string;
}

/**
 * DuckDB's settings for checks: a fixed memory ceiling, whatever the number of rows. Beyond it
 * DuckDB spills to disk, into a folder that each engine gets of its own (see `DuckDbEngine.open`).
 */
export function duckdbSettings(memoryLimit = "1GB"): Record<string, string> {
  return { memory_limit: memoryLimit };
}

/** What the tool knows of an engine before it opens one: how to open it, and where it reads a dataset. */
interface EngineEntry {
  open(options: EngineOptions): Promise<Engine>;
  locate(source: DatasetSource): DatasetSource;
}

/** Every engine by name; adding one is a file in this folder and a line here. */
const engines = {
  duckdb: {
    open: (options) => DuckDbEngine.open(":memory:", duckdbSettings(options.memoryLimit)),
    locate: DuckDbEngine.locate,
  },
  postgres: { open: (options) => PostgresEngine.connect(options.pgUrl), locate: PostgresEngine.locate },
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
