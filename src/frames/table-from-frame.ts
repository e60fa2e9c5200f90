import { DuckDBDataChunk, type DuckDBType, type DuckDBValue, JSToDuckDBValueConverter } from "@duckdb/node-api";
import type { DataFrame } from "danfojs-node";
import type { DuckDbEngine } from "../engines/duckdb-engine.js";
import { LivingLabError, type Problem } from "../errors/problem.js";
import { quoteIdentifier } from "../sql/quote.js";
import { columnArraysOf, columnNamesOf } from "./column-names.js";
import { columnTypeOfValues, isMissing } from "./column-type-of-values.js";
import { type ColumnReading, columnReadings, fitsReading } from "./column-types.js";
import { columnsNotIn, frameInfo } from "./frame-info.js";
import { type FrameTypeName, frameTypeNames } from "./frame-type-names.js";

export interface TableFromFrameOptions {
  /** The type of a column, where the frame does not know it or should change it. */
  types?: Readonly<Record<string, FrameTypeName>>;
  /** Only these columns go into the table (the declared ones, on real personal data); default all. */
  columns?: readonly string[];
}

export interface FrameTable {
  table: string;
  rows: number;
  /** The DuckDB type of each column, as created. */
  types: Record<string, string>;
}

// DuckDB's vector size: the most rows one data chunk holds.
const CHUNK_ROWS = 2048;

/**
 * Hands a DataFrame back to DuckDB as a new table, column by column through DuckDB's appender.
 * Columns keep the type they had in DuckDB when the bridge made the frame; other columns get
 * theirs from their values (or from `types`). Missing values (null, NaN) become NULL. Only the
 * door calls this (`run.readFrame`, `checkSuite({ frames })`), so a frame is read like any dataset.
 */
export async function tableFromFrame(
  engine: DuckDbEngine,
  table: string,
  frame: DataFrame,
  options: TableFromFrameOptions = {},
): Promise<FrameTable> {
  const names = columnNamesOf(frame);
  const unknown = columnsNotIn(names, "types", Object.keys(options.types ?? {}));
  if (unknown.length > 0) throw new LivingLabError(unknown);
  await refuseExisting(engine, table);
  const columns = columnsToAppend(frame, names, options);
  if (columns.length === 0) throw new LivingLabError(noColumns(table, options.columns));
  const rows = frame.shape[0] as number;
  const definition = columns.map((c) => `${quoteIdentifier(c.name)} ${c.type.toString()}`).join(", ");
  await engine.connection.run(`CREATE TABLE ${quoteIdentifier(table)} (${definition})`);
  try {
    await appendColumns(engine, table, columns, rows);
  } catch (error) {
    // Nothing half-written: a table that could not be filled is not left behind.
    await engine.connection.run(`DROP TABLE IF EXISTS ${quoteIdentifier(table)}`);
    throw error;
  }
  return { table, rows, types: Object.fromEntries(columns.map((c) => [c.name, c.type.toString()])) };
}

/** The frame's columns that go into the table, each with its DuckDB type. */
function columnsToAppend(frame: DataFrame, names: readonly string[], options: TableFromFrameOptions): ColumnToAppend[] {
  const known = frameInfo(frame)?.types ?? {};
  const arrays = columnArraysOf(frame);
  const wanted = options.columns ? new Set(options.columns) : undefined;
  return names.flatMap((name, i) => {
    if (wanted && !wanted.has(name)) return [];
    const values = arrays[i] ?? [];
    const given = options.types?.[name];
    const type = given ? frameTypeNames[given] : (known[name] ?? columnTypeOfValues(name, values));
    return [{ name, type, values }];
  });
}

interface ColumnToAppend {
  name: string;
  type: DuckDBType;
  values: readonly unknown[];
}

/** Appends the columns to the table one data chunk (2048 rows) at a time. */
async function appendColumns(
  engine: DuckDbEngine,
  table: string,
  columns: readonly ColumnToAppend[],
  rows: number,
): Promise<void> {
  const appender = await engine.connection.createAppender(table);
  try {
    for (let offset = 0; offset < rows; offset += CHUNK_ROWS) {
      const size = Math.min(CHUNK_ROWS, rows - offset);
      const chunk = DuckDBDataChunk.create(
        columns.map((c) => c.type),
        size,
      );
      columns.forEach((column, index) => {
        chunk.setColumnValues(index, duckdbValues(column, offset, size));
      });
      appender.appendDataChunk(chunk);
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
}

/** One chunk's slice of a column as DuckDB values; names the row and the type when a value does not fit. */
function duckdbValues(column: ColumnToAppend, offset: number, size: number): DuckDBValue[] {
  const reading = columnReadings[column.type.typeId];
  const out = new Array<DuckDBValue>(size);
  for (let i = 0; i < size; i++) {
    const value = column.values[offset + i];
    out[i] = isMissing(value) ? null : duckdbValue(value, column, reading, offset + i);
  }
  return out;
}

function duckdbValue(
  value: unknown,
  column: { name: string; type: DuckDBType },
  reading: ColumnReading | null,
  row: number,
): DuckDBValue {
  try {
    if (reading && fitsReading(value, reading))
      return JSToDuckDBValueConverter(value as never, column.type, JSToDuckDBValueConverter);
  } catch {
    // A UUID or enum member that DuckDB's converter refuses: reported below like any other misfit.
  }
  throw new LivingLabError({
    code: "frame_value_mismatch",
    message: `De kolom '${column.name}' heeft in rij ${row + 1} een waarde die niet past bij type ${column.type.toString()}.`,
    hint: "Maak de waarden van de kolom van één soort, of geef een ander type op bij 'types'.",
  });
}

async function refuseExisting(engine: DuckDbEngine, table: string): Promise<void> {
  if (!(await engine.hasTable(table))) return;
  throw new LivingLabError({
    code: "frame_table_exists",
    message: `In deze DuckDB bestaat al een tabel of view '${table}'; een DataFrame overschrijft die niet.`,
    hint: "Kies een andere naam voor de tabel.",
  });
}

function noColumns(table: string, allowed: readonly string[] | undefined): Problem {
  if (!allowed)
    return {
      code: "frame_without_columns",
      message: `De DataFrame voor '${table}' heeft geen kolommen.`,
      hint: "Geef een DataFrame met ten minste één kolom.",
    };
  return {
    code: "frame_without_declared_columns",
    message: `De DataFrame voor '${table}' heeft geen van de kolommen die gelezen mogen worden: ${allowed.join(", ")}.`,
    hint: "Neem gedeclareerde kolommen op in de DataFrame, of declareer de kolom die u nodig hebt en laat het experiment opnieuw reviewen.",
  };
}
