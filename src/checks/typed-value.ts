import type { ColumnInfo } from "../engines/engine.js";
import { call, dateLit, type Expr, lit } from "../sql/expr.js";
import { isCalendarDate } from "../yaml/iso-date.js";

export type Category = ColumnInfo["category"];

/** Why a value a user wrote cannot be compared with a column; said before any data is read. */
export interface TypeMistake {
  code: string;
  message: string;
  hint: string;
}

/** A column and a value as the two sides of a comparison, both in the column's type. */
export interface Comparison {
  left: Expr;
  right: Expr;
}

const categoryWords: Record<Category, string> = {
  number: "getallen",
  date: "datums",
  text: "tekst",
  boolean: "ja/nee-waarden (true/false)",
  other: "waarden van een eigen type",
};

/** The value as the user wrote it, for a message: text in quotes, numbers as they are. */
function shown(value: string | number | boolean): string {
  return typeof value === "string" ? `'${value}'` : String(value);
}

function mismatch(column: string, category: Category, value: string | number | boolean, hint: string): TypeMistake {
  return {
    code: "value_type_mismatch",
    message: `De kolom ${column} bevat ${categoryWords[category]}; ${shown(value)} is daar niet mee te vergelijken.`,
    hint,
  };
}

/**
 * A value compared in the column's type: 1 equals 1.0 in a DOUBLE column, a date is a date,
 * and a number is never quietly compared as text. Columns of another type compare as text.
 */
export function compareWithValue(
  column: Expr,
  name: string,
  category: Category,
  value: string | number | boolean,
): Comparison | TypeMistake {
  switch (category) {
    case "number":
      return typeof value === "number"
        ? { left: column, right: lit(value) }
        : mismatch(name, category, value, "Schrijf een getal zonder aanhalingstekens, zoals 5 of 2.5.");
    case "text":
      return typeof value === "string"
        ? { left: column, right: lit(value) }
        : mismatch(name, category, value, `Zet de waarde tussen aanhalingstekens: '${String(value)}'.`);
    case "date":
      return typeof value === "string" && isCalendarDate(value)
        ? { left: column, right: dateLit(value) }
        : mismatch(name, category, value, "Schrijf een bestaande datum als JJJJ-MM-DD, zoals 2026-06-30.");
    case "boolean":
      return typeof value === "boolean"
        ? { left: column, right: lit(value) }
        : mismatch(name, category, value, "Schrijf true of false, zonder aanhalingstekens.");
    case "other":
      return { left: call("to_text", column), right: lit(String(value)) };
  }
}

/** Two columns compared with each other: only within one kind of value; other types as text. */
export function compareColumns(
  left: { expr: Expr; name: string; category: Category },
  right: { expr: Expr; name: string; category: Category },
): Comparison | TypeMistake {
  if (left.category === "other" && right.category === "other") {
    return { left: call("to_text", left.expr), right: call("to_text", right.expr) };
  }
  if (left.category === right.category) return { left: left.expr, right: right.expr };
  return {
    code: "column_type_mismatch",
    message: `De kolom ${left.name} bevat ${categoryWords[left.category]} en ${right.name} ${categoryWords[right.category]}; die zijn niet te vergelijken.`,
    hint: "Vergelijk kolommen met dezelfde soort waarden.",
  };
}

/** A mistake when a column is not of one of the kinds a check needs. */
export function requireCategory(
  name: string,
  category: Category,
  wanted: readonly Category[],
  purpose: string,
): TypeMistake | undefined {
  if (wanted.includes(category)) return undefined;
  return {
    code: "column_wrong_type",
    message: `De kolom ${name} bevat ${categoryWords[category]}, maar ${purpose} vraagt ${wanted.map((c) => categoryWords[c]).join(" of ")}.`,
    hint: "Kies een kolom van de goede soort, of een andere soort check.",
  };
}

export function isMistake(value: object): value is TypeMistake {
  return "code" in value;
}
