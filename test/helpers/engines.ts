import { DuckDbEngine, type Engine, PostgresEngine } from "../../src/index.js";
import { fileDatabase } from "./postgres-database.js";

/** Both engines by name, opened fresh: DuckDB in memory, PostgreSQL on the test cluster. */
export const ENGINES: Record<"duckdb" | "postgres", () => Promise<Engine>> = {
  duckdb: () => DuckDbEngine.open(),
  postgres: async () => PostgresEngine.connect(await fileDatabase()),
};

export type EngineName = keyof typeof ENGINES;
export const ENGINE_NAMES = Object.keys(ENGINES) as EngineName[];

/** Runs `fn` on a freshly opened engine and closes it afterwards. */
export async function withEngine<T>(name: EngineName, fn: (engine: Engine) => Promise<T>): Promise<T> {
  const engine = await ENGINES[name]();
  try {
    return await fn(engine);
  } finally {
    await engine.close();
  }
}

/** The engine, with every SQL text it is asked to run kept in `queries` (in order). */
export function watchQueries(engine: Engine): { engine: Engine; queries: string[] } {
  const queries: string[] = [];
  const watched = Object.assign(Object.create(Object.getPrototypeOf(engine)), engine, {
    query: (sql: string) => {
      queries.push(sql);
      return engine.query(sql);
    },
  }) as Engine;
  return { engine: watched, queries };
}
