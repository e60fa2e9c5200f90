import { DuckDbEngine } from "./duckdb-engine.js";
import type { Engine } from "./engine.js";
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

/** Every engine by name; adding one is a file in this folder and a line here. */
const openers = {
  duckdb: (options: EngineOptions) => DuckDbEngine.open(":memory:", duckdbSettings(options.memoryLimit)),
  postgres: (options: EngineOptions) => PostgresEngine.connect(options.pgUrl),
} satisfies Record<EngineName, (options: EngineOptions) => Promise<Engine>>;

/**
 * Opens an engine by name.
 * @example const engine = await openEngine("duckdb");
 */
export function openEngine(name: EngineName, options: EngineOptions = {}): Promise<Engine> {
  return openers[name](options);
}
