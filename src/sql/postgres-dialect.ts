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
    log2: ([a]) => `(ln(${a}) / ln(CAST(2 AS DOUBLE PRECISION)))`,
    is_nan: ([a]) => `((${a}) = CAST('NaN' AS DOUBLE PRECISION))`,
    is_infinite: ([a]) => `(abs(${a}) = CAST('Infinity' AS DOUBLE PRECISION))`,
    utc_text: ([a]) => `CAST((${a}) AT TIME ZONE 'UTC' AS TEXT)`,
    hex_of_bytes: ([a]) => `encode(${a}, 'hex')`,
    // Hash the UTF-8 bytes whatever the server's encoding, as DuckDB does.
    md5_digest: ([a]) => `md5(convert_to(${a}, 'UTF8'))`,
    md5_part1: ([d]) => `CAST(CAST('x0' || substr(${d}, 1, 15) AS bit(64)) AS BIGINT)`,
    md5_part2: ([d]) => `CAST(CAST('x0' || substr(${d}, 16, 15) AS bit(64)) AS BIGINT)`,
  },
  // COLLATE "C" sorts by bytes, as DuckDB does, so both engines show the same sample.
  countWhere: standardCountWhere,
  anyMatch: (text, pattern, where) =>
    `EXISTS (SELECT 1 FROM regexp_matches(${text}, ${pattern}, 'g') AS livinglab_match(groups) WHERE ${where})`,
  matchedText: "livinglab_match.groups[1]",
  bind: (value, name, body) => `(SELECT ${body} FROM (VALUES (${value})) AS ${name}_row(${name}))`,
  smallest: (expr, n, filter) =>
    `(array_agg(${expr} ORDER BY ${expr} COLLATE "C")${filter ? ` FILTER (WHERE ${filter})` : ""})[1:${n}]`,
};
