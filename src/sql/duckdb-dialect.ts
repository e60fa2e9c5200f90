import type { Dialect } from "./dialect.js";
import { standardFunctions } from "./dialect.js";
import { standardQuoting } from "./quote.js";

/** DuckDB's spelling: the standard one, with its own top-n aggregate and regex extract. */
export const duckdbDialect: Dialect = {
  name: "duckdb",
  ...standardQuoting,
  functions: {
    ...standardFunctions,
    // DuckDB returns '' when nothing matches; the other engines return NULL.
    regex_extract: ([a, p]) => `nullif(regexp_extract(${a}, ${p}, 1), '')`,
    contains: ([a, b]) => `contains(${a}, ${b})`,
  },
  // `min(x, n)` keeps only n values in memory, whatever the number of rows. A CASE instead of
  // FILTER, and count_if, let DuckDB compute dozens of these in one pass without a selection each.
  smallest: (expr, n, filter) => `min(${filter ? `CASE WHEN ${filter} THEN ${expr} END` : expr}, ${n})`,
  countWhere: (filter) => `coalesce(count_if(${filter}), 0)`,
  // A plain anti join; a correlated NOT EXISTS becomes a slower delim join in DuckDB 1.5.
  antiJoin: "ANTI JOIN",
  anyMatch: (text, pattern, where) =>
    `len(list_filter(regexp_extract_all(${text}, ${pattern}, 1), lambda livinglab_match: ${where})) > 0`,
  matchedText: "livinglab_match",
};
