import { type Dialect, standardCountWhere, standardFunctions } from "./dialect.js";
import { standardQuoting } from "./quote.js";

/** PostgreSQL's spelling: POSIX regex operators, TEXT, and byte order for samples. */
export const postgresDialect: Dialect = {
  name: "postgres",
  ...standardQuoting,
  functions: {
    ...standardFunctions,
    to_text: ([a]) => `CAST(${a} AS TEXT)`,
    regex_full_match: ([a, p]) => `(${a}) ~ ${p}`,
    regex_extract: ([a, p]) => `substring(${a} FROM ${p})`,
    byte_order: ([a]) => `${a} COLLATE "C"`,
    regex_contains: ([a, p]) => `(${a}) ~ ${p}`,
  },
  // COLLATE "C" sorts by bytes, as DuckDB does, so both engines show the same sample.
  countWhere: standardCountWhere,
  smallest: (expr, n, filter) =>
    `(array_agg(${expr} ORDER BY ${expr} COLLATE "C")${filter ? ` FILTER (WHERE ${filter})` : ""})[1:${n}]`,
};
