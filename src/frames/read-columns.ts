import { type DuckDBType, type DuckDBVector, JSDuckDBValueConverter } from "@duckdb/node-api";
import type { DuckDbEngine } from "../engines/duckdb-engine.js";
import { LivingLabError } from "../errors/problem.js";
import { type ColumnReading, columnReadings, type FrameValue } from "./column-types.js";
import { type FrameColumn, unsupportedColumns } from "./frame-from-columns.js";

/**
 * Runs a query and reads its result column by column, one DuckDB chunk at a time, into arrays
 * sized up front: no row objects, and each chunk can be freed once read. Missing numbers are NaN.
 */
export async function readColumns(engine: DuckDbEngine, sql: string): Promise<FrameColumn[]> {
  const result = await engine.connection.run(sql);
  const names = result.deduplicatedColumnNames();
  const columns = result.columnTypes().map((type, i) => ({ name: names[i] ?? `kolom_${i + 1}`, type }));
  // Refuse before reading: a million rows should not be converted only to be turned away.
  const problems = unsupportedColumns(columns);
  if (problems.length > 0) throw new LivingLabError(problems);
  const rows = result.rowCount;
  const out = columns.map(() => new Array<FrameValue>(rows));
  const pools = columns.map(() => new StringPool());
  let offset = 0;
  for (let c = 0; c < result.chunkCount; c++) {
    const chunk = result.getChunk(c);
    columns.forEach((column, i) => {
      const reading = columnReadings[column.type.typeId] as ColumnReading;
      readVector(chunk.getColumnVector(i), reading, column, out[i] as FrameValue[], offset, pools[i] as StringPool);
    });
    offset += chunk.rowCount;
  }
  return columns.map((column, i) => ({ ...column, values: out[i] as FrameValue[] }));
}

function readVector(
  vector: DuckDBVector,
  reading: ColumnReading,
  column: { name: string; type: DuckDBType },
  out: FrameValue[],
  offset: number,
  pool: StringPool,
): void {
  const size = vector.itemCount;
  const missing = reading.dtype === "int32" || reading.dtype === "float32" ? Number.NaN : null;
  for (let i = 0; i < size; i++) {
    const item = vector.getItem(i);
    if (item === null) out[offset + i] = missing;
    else if (typeof item === "string") out[offset + i] = pool.intern(item);
    else if (reading.read === "item") out[offset + i] = item as FrameValue;
    else if (reading.read === "convert")
      out[offset + i] = JSDuckDBValueConverter(item, column.type, JSDuckDBValueConverter) as FrameValue;
    else out[offset + i] = exactNumber(item, column.name, offset + i);
  }
}

// Past this many distinct values a column is not code-like, and sharing its strings saves nothing.
const POOL_LIMIT = 4096;

/**
 * One string object for all equal values of a code-like column: DuckDB decodes every cell anew,
 * so a million rows of eleven arrondissementen would otherwise keep a million strings alive.
 */
class StringPool {
  private readonly known = new Map<string, string>();
  private open = true;

  intern(value: string): string {
    if (!this.open) return value;
    const known = this.known.get(value);
    if (known !== undefined) return known;
    if (this.known.size >= POOL_LIMIT) {
      this.open = false;
      this.known.clear();
    } else {
      this.known.set(value, value);
    }
    return value;
  }
}

/** A 64-bit integer as a number, which a DataFrame can compute with; refused when it would lose digits. */
function exactNumber(item: unknown, column: string, row: number): number {
  const number = Number(item);
  if (Number.isSafeInteger(number)) return number;
  throw new LivingLabError({
    code: "frame_integer_too_large",
    message: `De kolom '${column}' heeft in rij ${row + 1} een geheel getal dat te groot is om in een DataFrame precies te bewaren.`,
    hint: `Zet de kolom in uw query om naar tekst, CAST(${column} AS VARCHAR), of naar DOUBLE als afronden mag.`,
  });
}
