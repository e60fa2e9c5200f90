import { type Dialect, standardFunctions } from "./dialect.js";

/** DuckDB's spelling: the standard one, with its own top-n aggregate and regex extract. */
export const duckdbDialect: Dialect = {
  name: "duckdb",
  functions: {
    ...standardFunctions,
    // DuckDB returns '' when nothing matches; the other engines return NULL.
    regex_extract: ([a, p]) => `nullif(regexp_extract(${a}, ${p}, 1), '')`,
  },
  // `min(x, n)` keeps only n values in memory, whatever the number of rows.
  smallest: (expr, n, filter) => `min(${expr}, ${n})${filter ? ` FILTER (WHERE ${filter})` : ""}`,
};
