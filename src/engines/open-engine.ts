import { DuckDbEngine } from "./duckdb-engine.js";
import type { Engine } from "./engine.js";
import { PostgresEngine } from "./postgres-engine.js";

export const engineNames = ["duckdb", "postgres"] as const;
export type EngineName = (typeof engineNames)[number];

export interface EngineOptions {
  /** PostgreSQL connection URL; without it the standard PG environment variables apply. */
  pgUrl?: string;
}

/** Every engine by name; adding one is a file in this folder and a line here. */
const openers = {
  duckdb: () => DuckDbEngine.open(),
  postgres: (options: EngineOptions) => PostgresEngine.connect(options.pgUrl),
} satisfies Record<EngineName, (options: EngineOptions) => Promise<Engine>>;

/**
 * Opens an engine by name.
 * @example const engine = await openEngine("duckdb");
 */
export function openEngine(name: EngineName, options: EngineOptions = {}): Promise<Engine> {
  return openers[name](options);
}
