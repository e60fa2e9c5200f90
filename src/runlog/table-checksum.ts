import { createHash } from "node:crypto";
import type { DuckDbEngine } from "../engines/duckdb-engine.js";
import { quoteIdentifier } from "../sql/quote.js";
import type { TableFingerprint } from "./run-record-schema.js";

export const TABLE_CHECKSUM_METHOD = "duckdb: count(*) en som van md5(rij als tekst), plus kolomnamen en -typen";

/**
 * The SQL that fingerprints a table's content on DuckDB: the row count and the sums of the two
 * halves of each row's MD5. A sum does not depend on row order, and unlike XOR a duplicated row counts.
 */
export function tableChecksumSql(table: string): string {
  const row = `CAST(${quoteIdentifier("t")} AS VARCHAR)`;
  return `SELECT count(*) AS row_count, coalesce(sum(md5_number_upper(${row})), 0) AS upper_sum, coalesce(sum(md5_number_lower(${row})), 0) AS lower_sum FROM ${quoteIdentifier(table)} AS ${quoteIdentifier("t")}`;
}

/**
 * Fingerprints a table (or view) of a DuckDB database by a checksum computed in SQL, in one scan.
 * @example const fingerprint = await tableChecksum(engine, "zaken");
 */
export async function tableChecksum(engine: DuckDbEngine, table: string, name = table): Promise<TableFingerprint> {
  const columns = await engine.query(`DESCRIBE SELECT * FROM ${quoteIdentifier(table)}`);
  const [row = {}] = await engine.query(tableChecksumSql(table));
  const shape = columns.map((c) => `${String(c.column_name)}:${String(c.column_type)}`).join(",");
  const checksum = createHash("sha256")
    .update([shape, String(row.row_count), String(row.upper_sum), String(row.lower_sum)].join("\n"))
    .digest("hex");
  return {
    name,
    engine: `duckdb ${await engine.version()}`,
    table,
    row_count: Number(row.row_count ?? 0),
    checksum,
    method: TABLE_CHECKSUM_METHOD,
  };
}
