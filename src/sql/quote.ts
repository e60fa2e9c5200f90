/**
 * The one place where names and values become SQL text. Everything a user wrote
 * (column names, code lists, paths) passes through here or through a bound parameter.
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

/** Renders a literal value of a JSON-like type. */
export function quoteLiteral(value: string | number | boolean | null): string {
  if (value === null) return "NULL";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`Not a finite number: ${value}`);
    return String(value);
  }
  return quoteString(value);
}
