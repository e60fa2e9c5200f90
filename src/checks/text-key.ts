import { call, col, type Expr, lit } from "../sql/expr.js";

/** A key of one or more columns as one text value; composite keys are joined with `|`. */
export function textKey(columns: readonly string[], qualifier?: string): Expr {
  const parts = columns.map((c) => call("to_text", col(c, qualifier)));
  if (parts.length === 1) return parts[0] as Expr;
  return call("concat_ws", lit("|"), ...parts);
}
