import { BIGINT, BOOLEAN, DATE, DOUBLE, type DuckDBType, INTEGER, TIMESTAMP, VARCHAR } from "@duckdb/node-api";

/** Types a user can give a column by name when handing a DataFrame back. */
export const frameTypeNames = { BOOLEAN, INTEGER, BIGINT, DOUBLE, VARCHAR, DATE, TIMESTAMP } satisfies Record<
  string,
  DuckDBType
>;
export type FrameTypeName = keyof typeof frameTypeNames;
