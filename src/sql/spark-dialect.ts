import type { Dialect } from "./dialect.js";
import { standardFunctions } from "./dialect.js";

/** Spark's quoting: backticks for names (`"x"` may be a text there), and backslash escapes in text. */
export function quoteSparkIdentifier(name: string): string {
  if (name.includes("\u0000")) throw new Error("An identifier cannot contain a NUL character");
  return `\`${name.replaceAll("`", "``")}\``;
}

/** Spark reads a backslash in a literal as an escape, so every backslash and quote is escaped. */
export function quoteSparkString(value: string): string {
  if (value.includes("\u0000")) throw new Error("A text value cannot contain a NUL character");
  return `'${value.replaceAll("\\", "\\\\").replaceAll("'", "\\'")}'`;
}

/**
 * Spark SQL's spelling. Its regexes are Java's: RLIKE finds a match anywhere, `$` also matches
 * before a final newline and a dot does not match a line break. A full match gets the pattern
 * already anchored as `^(?:p)$` (see `portable-regex.ts`); `(?s)` lets a dot match a line break,
 * as in PostgreSQL, and `\z` after the final `$` holds it to the very end of the text.
 */
export const sparkDialect: Dialect = {
  name: "spark",
  quoteIdentifier: quoteSparkIdentifier,
  quoteString: quoteSparkString,
  functions: {
    ...standardFunctions,
    // VARCHAR needs a length in Spark; STRING is its text type.
    to_text: ([a]) => `CAST(${a} AS STRING)`,
    regex_full_match: ([a, p]) => `(${a}) RLIKE concat('(?s)', ${p}, ${quoteSparkString("\\z")})`,
    // Spark returns '' when nothing matches, as DuckDB does; the other engines return NULL.
    regex_extract: ([a, p]) => `nullif(regexp_extract(${a}, ${p}, 1), '')`,
    regex_contains: ([a, p]) => `(${a}) RLIKE ${p}`,
    starts_with: ([a, b]) => `startswith(${a}, ${b})`,
    // Spark has no strpos; contains (3.3+) is NULL when either side is, as strpos(a, b) > 0 is.
    contains: ([a, b]) => `contains(${a}, ${b})`,
    // Spark's regexp_replace replaces every match; it has no flags argument.
    regex_replace_all: ([a, p, r]) => `regexp_replace(${a}, ${p}, ${r})`,
    // Spark has no strpos; instr is the same: the 1-based place of b in a, 0 when absent.
    strpos: ([a, b]) => `instr(${a}, ${b})`,
    shape: ([a]) => `regexp_replace(regexp_replace(regexp_replace(${a}, '[0-9]', '9'), '[A-Z]', 'A'), '[a-z]', 'a')`,
    // What the content fingerprint is built from (src/fingerprint/), in Spark's spelling.
    rtrim: ([a, chars]) => `trim(TRAILING ${chars} FROM ${a})`,
    to_double: ([a]) => `CAST(${a} AS DOUBLE)`,
    is_infinite: ([a]) => `(abs(${a}) = CAST('Infinity' AS DOUBLE))`,
    // The session's time zone is UTC (see SPARK_SESSION_SETTINGS), so an instant prints in UTC.
    utc_text: ([a]) => `CAST(${a} AS STRING)`,
    // A text becomes its UTF-8 bytes when cast to BINARY.
    md5_digest: ([a]) => `md5(CAST(${a} AS BINARY))`,
    md5_part1: ([d]) => `CAST(conv(substr(${d}, 1, 15), 16, 10) AS BIGINT)`,
    md5_part2: ([d]) => `CAST(conv(substr(${d}, 16, 15), 16, 10) AS BIGINT)`,
    // A sum of BIGINTs overflows (an error in ANSI mode); 38 digits hold 10^20 rows of 60-bit values.
    exact_sum: ([a]) => `sum(CAST(${a} AS DECIMAL(38,0)))`,
  },
  // min_by with a count (Spark 4.2+) keeps only n values per task, whatever the number of rows.
  smallest: (expr, n, filter) => {
    const value = filter ? `CASE WHEN ${filter} THEN ${expr} END` : expr;
    return `min_by(${value}, ${value}, ${n})`;
  },
  countWhere: (filter) => `count_if(${filter})`,
  // Spark's own anti join; it plans a NOT EXISTS as one too, but this says it directly.
  antiJoin: "LEFT ANTI JOIN",
  // Spark's higher-order `exists` over every match's first group (Spark 3.1+ regexp_extract_all).
  anyMatch: (text, pattern, where) => `exists(regexp_extract_all(${text}, ${pattern}, 1), livinglab_match -> ${where})`,
  matchedText: "livinglab_match",
  bind: (value, name, body) => `transform(array(${value}), ${name} -> ${body})[0]`,
};
