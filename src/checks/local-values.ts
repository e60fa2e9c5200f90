import { caseWhen, col, type Expr, type Select } from "../sql/expr.js";

/**
 * A row-level condition with its local values resolved: each `local(name)` becomes a column that
 * an inner projection computes once per row, because engines do not share a repeated expression
 * inside CASE, AND or OR (DuckDB 1.5 ran each regex extraction as often as it was written).
 */
export interface ResolvedCondition {
  condition: Expr;
  /** The projection items that compute the locals, under the names the condition now reads. */
  items: Array<{ expr: Expr; alias: string }>;
}

/** Resolves `failing`'s local values to columns named `${prefix}<name>`. */
export function resolveLocals(
  failing: Expr,
  locals: Record<string, Expr> | undefined,
  prefix: string,
): ResolvedCondition {
  const names = new Map(Object.keys(locals ?? {}).map((name) => [name, `${prefix}${name}`]));
  const items = Object.entries(locals ?? {}).map(([name, expr]) => ({ expr, alias: `${prefix}${name}` }));
  return { condition: names.size === 0 ? failing : substitute(failing, names), items };
}

/** The rows of `from` with the locals computed beside every column. */
export function withLocals(from: Select["from"], items: ResolvedCondition["items"], alias: string): Select["from"] {
  if (items.length === 0) return from;
  return { type: "select", alias, select: { items: [{ expr: { type: "star" } }, ...items], from } };
}

function substitute(expr: Expr, names: ReadonlyMap<string, string>): Expr {
  const s = (e: Expr) => substitute(e, names);
  switch (expr.type) {
    case "local": {
      const name = names.get(expr.name);
      if (name === undefined) throw new Error(`local value '${expr.name}' is not defined by its check`);
      return col(name);
    }
    case "call":
      return { ...expr, args: expr.args.map(s) };
    case "binary":
      return { ...expr, left: s(expr.left), right: s(expr.right) };
    case "and":
    case "or":
      return { ...expr, exprs: expr.exprs.map(s) };
    case "not":
    case "sum":
    case "aggregate":
      return { ...expr, expr: s(expr.expr) };
    case "is_null":
      return { ...expr, expr: s(expr.expr) };
    case "case":
      return caseWhen(s(expr.when), s(expr.then), s(expr.otherwise));
    case "in":
      return { ...expr, expr: s(expr.expr), values: expr.values.map(s) };
    case "any_match":
      return { ...expr, text: s(expr.text), where: s(expr.where) };
    case "bind":
      return { ...expr, value: s(expr.value), body: s(expr.body) };
    case "count":
      return expr.filter ? { ...expr, filter: s(expr.filter) } : expr;
    case "smallest":
      return { ...expr, expr: s(expr.expr), ...(expr.filter && { filter: s(expr.filter) }) };
    case "column":
    case "literal":
    case "date":
    case "star":
    case "exists":
    case "matched_text":
    case "bound":
      return expr;
  }
}
