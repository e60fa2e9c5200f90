import type { Dialect } from "./dialect.js";
import { standardFunctions } from "./dialect.js";
import { standardQuoting } from "./quote.js";

/**
 * DuckDB's `md5_number` holds the MD5's 16 bytes as one little-endian 128-bit number: byte `i`
 * is bits 8i..8i+7. Reading the parts of the content fingerprint from it as numbers costs far
 * less than writing 32 hex digits per row and parsing them back, and gives the very same parts
 * (hex digits are the bytes in order, each byte's high half first).
 */
function md5Byte(digest: string, i: number): string {
  const half =
    i < 8
      ? `CAST((${digest}) & CAST(18446744073709551615 AS UHUGEINT) AS UBIGINT)`
      : `CAST((${digest}) >> 64 AS UBIGINT)`;
  return `((${half} >> ${8 * (i % 8)}) & 255)`;
}

/** Bytes `from`..`to` of the MD5 as one big-endian number: the value of their hex digits. */
function md5Bytes(digest: string, from: number, to: number): string {
  const terms: string[] = [];
  for (let i = from; i <= to; i++) terms.push(`(${md5Byte(digest, i)} << ${8 * (to - i)})`);
  return `(${terms.join(" | ")})`;
}

/** Hex digits 1-15 of the MD5: bytes 0-6, then the high half of byte 7. */
const md5Part1 = (d: string) => `CAST(((${md5Bytes(d, 0, 6)} << 4) | (${md5Byte(d, 7)} >> 4)) AS BIGINT)`;
/** Hex digits 16-30 of the MD5: the low half of byte 7, then bytes 8-14. */
const md5Part2 = (d: string) => `CAST((((${md5Byte(d, 7)} & 15) << 56) | ${md5Bytes(d, 8, 14)}) AS BIGINT)`;

/** DuckDB's spelling: the standard one, with its own top-n aggregate and regex extract. */
export const duckdbDialect: Dialect = {
  name: "duckdb",
  ...standardQuoting,
  functions: {
    ...standardFunctions,
    // DuckDB returns '' when nothing matches; the other engines return NULL.
    regex_extract: ([a, p]) => `nullif(regexp_extract(${a}, ${p}, 1), '')`,
    contains: ([a, b]) => `contains(${a}, ${b})`,
    md5_digest: ([a]) => `md5_number(${a})`,
    md5_part1: ([d]) => md5Part1(`${d}`),
    md5_part2: ([d]) => md5Part2(`${d}`),
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
  // A lambda over a list of one: DuckDB has no other way to name a value inside an expression.
  bind: (value, name, body) => `list_transform([${value}], lambda ${name}: ${body})[1]`,
};
