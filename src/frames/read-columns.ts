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
  let offset = 0;
  for (let c = 0; c < result.chunkCount; c++) {
    const chunk = result.getChunk(c);
    columns.forEach((column, i) => {
      const reading = columnReadings[column.type.typeId] as ColumnReading;
      readVector(chunk.getColumnVector(i), reading, column, out[i] as FrameValue[], offset);
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
): void {
  const size = vector.itemCount;
  const missing = reading.dtype === "int32" || reading.dtype === "float32" ? Number.NaN : null;
  for (let i = 0; i < size; i++) {
    const item = vector.getItem(i);
    if (item === null) out[offset + i] = missing;
    else if (reading.read === "item") out[offset + i] = item as FrameValue;
    else if (reading.read === "convert")
      out[offset + i] = JSDuckDBValueConverter(item, column.type, JSDuckDBValueConverter) as FrameValue;
    else out[offset + i] = exactNumber(item, column.name, offset + i);
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
