import { DuckDBTypeId } from "@duckdb/node-api";

/** How danfojs-node labels a column. The values themselves stay plain JavaScript (see `FrameValue`). */
export type Dtype = "int32" | "float32" | "string" | "boolean" | "datetime";

/** One cell of a DataFrame made by the bridge. */
export type FrameValue = number | string | boolean | Date | null;

/**
 * What a DuckDB column becomes in a DataFrame, and how its cells are read: `item` when DuckDB's
 * vector already gives the JavaScript value, `convert` through DuckDB's own JS converter (dates,
 * decimals, UUIDs), `wide` for integers that arrive as bigint and must fit a number.
 */
export interface ColumnReading {
  dtype: Dtype;
  read: "item" | "convert" | "wide";
  /** The smallest and largest whole number a narrow integer type holds. */
  range?: readonly [number, number];
}

const intIn = (min: number, max: number): ColumnReading => ({ dtype: "int32", read: "item", range: [min, max] });
const wideInt: ColumnReading = { dtype: "int32", read: "wide" };
const float: ColumnReading = { dtype: "float32", read: "item" };
const decimal: ColumnReading = { dtype: "float32", read: "convert" };
const text: ColumnReading = { dtype: "string", read: "item" };
const uuid: ColumnReading = { dtype: "string", read: "convert" };
const moment: ColumnReading = { dtype: "datetime", read: "convert" };

/**
 * Every DuckDB type and what it becomes in a DataFrame: one value per cell, or null when a cell
 * would hold a list, a struct, bytes or a time of day, which the user casts in SQL first.
 */
export const columnReadings: Readonly<Record<DuckDBTypeId, ColumnReading | null>> = {
  [DuckDBTypeId.INVALID]: null,
  [DuckDBTypeId.BOOLEAN]: { dtype: "boolean", read: "item" },
  [DuckDBTypeId.TINYINT]: intIn(-128, 127),
  [DuckDBTypeId.SMALLINT]: intIn(-32_768, 32_767),
  [DuckDBTypeId.INTEGER]: intIn(-2_147_483_648, 2_147_483_647),
  [DuckDBTypeId.BIGINT]: wideInt,
  [DuckDBTypeId.UTINYINT]: intIn(0, 255),
  [DuckDBTypeId.USMALLINT]: intIn(0, 65_535),
  [DuckDBTypeId.UINTEGER]: intIn(0, 4_294_967_295),
  [DuckDBTypeId.UBIGINT]: wideInt,
  [DuckDBTypeId.FLOAT]: float,
  [DuckDBTypeId.DOUBLE]: float,
  [DuckDBTypeId.TIMESTAMP]: moment,
  [DuckDBTypeId.DATE]: moment,
  [DuckDBTypeId.TIME]: null,
  [DuckDBTypeId.INTERVAL]: null,
  [DuckDBTypeId.HUGEINT]: wideInt,
  [DuckDBTypeId.UHUGEINT]: wideInt,
  [DuckDBTypeId.VARCHAR]: text,
  [DuckDBTypeId.BLOB]: null,
  [DuckDBTypeId.DECIMAL]: decimal,
  [DuckDBTypeId.TIMESTAMP_S]: moment,
  [DuckDBTypeId.TIMESTAMP_MS]: moment,
  [DuckDBTypeId.TIMESTAMP_NS]: moment,
  [DuckDBTypeId.ENUM]: text,
  [DuckDBTypeId.LIST]: null,
  [DuckDBTypeId.STRUCT]: null,
  [DuckDBTypeId.MAP]: null,
  [DuckDBTypeId.ARRAY]: null,
  [DuckDBTypeId.UUID]: uuid,
  [DuckDBTypeId.UNION]: null,
  [DuckDBTypeId.BIT]: null,
  [DuckDBTypeId.TIME_TZ]: null,
  [DuckDBTypeId.TIMESTAMP_TZ]: moment,
  [DuckDBTypeId.ANY]: null,
  [DuckDBTypeId.BIGNUM]: wideInt,
  [DuckDBTypeId.SQLNULL]: null,
  [DuckDBTypeId.STRING_LITERAL]: null,
  [DuckDBTypeId.INTEGER_LITERAL]: null,
  [DuckDBTypeId.TIME_NS]: null,
  [DuckDBTypeId.GEOMETRY]: null,
  [DuckDBTypeId.VARIANT]: null,
};

/** The sort of JavaScript value a cell holds; null for a missing value (null, undefined, NaN). */
export type ValueSort = "boolean" | "number" | "text" | "date" | "other";

export function sortOf(value: unknown): ValueSort | null {
  if (value === null || value === undefined || (typeof value === "number" && Number.isNaN(value))) return null;
  if (typeof value === "boolean") return "boolean";
  if (typeof value === "number") return "number";
  if (typeof value === "string") return "text";
  if (value instanceof Date) return "date";
  return "other";
}

/** The sort of value each dtype holds. */
export const sortOfDtype = {
  int32: "number",
  float32: "number",
  string: "text",
  boolean: "boolean",
  datetime: "date",
} as const satisfies Record<Dtype, ValueSort>;

/** True when `value` can go into a column of this reading: the right sort, whole and in range for integers. */
export function fitsReading(value: unknown, reading: ColumnReading): boolean {
  if (sortOf(value) !== sortOfDtype[reading.dtype]) return false;
  if (reading.dtype !== "int32") return true;
  const number = value as number;
  if (!Number.isSafeInteger(number)) return false;
  return !reading.range || (number >= reading.range[0] && number <= reading.range[1]);
}
