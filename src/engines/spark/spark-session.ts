import type { Row } from "../engine.js";

/**
 * One session on a Spark cluster, whichever protocol reaches it. SQL text goes in; rows come
 * back as plain values with exact types (see `arrow-rows.ts`). Nothing else is sent.
 */
export interface SparkSession {
  /** The protocol's name, as the run log shows it after the Spark version. */
  readonly protocol: string;
  /** Sets session settings (`SET key = value`), before any query. */
  setConfig(settings: Record<string, string>): Promise<void>;
  /** Runs a query and returns its rows. */
  query(sql: string): Promise<Row[]>;
  /** Runs a statement that returns no rows (a temporary view). */
  run(sql: string): Promise<void>;
  /** Spark's version, e.g. `4.3.0`. */
  version(): Promise<string>;
  close(): Promise<void>;
}
