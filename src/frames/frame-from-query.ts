import type { DataFrame } from "danfojs-node";
import type { DuckDbEngine } from "../engines/duckdb-engine.js";
import { frameFromColumns } from "./frame-from-columns.js";
import type { FrameRoles } from "./frame-info.js";
import { readColumns } from "./read-columns.js";

/**
 * Runs a query on DuckDB and gives its result as a danfojs-node DataFrame, read column by column
 * from DuckDB's chunks; the DataFrame remembers the DuckDB type of every column for the way back.
 * @example const zaken = await frameFromQuery(run.engine, "SELECT * FROM zaken", { key: ["zaak_id"] });
 */
export async function frameFromQuery(engine: DuckDbEngine, sql: string, roles: FrameRoles = {}): Promise<DataFrame> {
  return frameFromColumns(await readColumns(engine, sql), roles);
}
