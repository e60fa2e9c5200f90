/**
 * Standard SQL quoting, as DuckDB and PostgreSQL read it. Each dialect owns its quoting
 * (`Dialect.quoteIdentifier`, `Dialect.quoteString`); these two are theirs. Everything a user
 * wrote (column names, code lists, paths) passes through a dialect's quoting or a bound parameter.
 */

/** Quotes an identifier: `my "col"` becomes `"my ""col"""`. */
export function quoteIdentifier(name: string): string {
  if (name.includes("\u0000")) throw new Error("An identifier cannot contain a NUL character");
  return `"${name.replaceAll('"', '""')}"`;
}

/** Quotes a text literal: `it's` becomes `'it''s'`. */
export function quoteString(value: string): string {
  if (value.includes("\u0000")) throw new Error("A text value cannot contain a NUL character");
  return `'${value.replaceAll("'", "''")}'`;
}

/** The quoting of standard SQL, for a dialect to spread. */
export const standardQuoting = { quoteIdentifier, quoteString };
