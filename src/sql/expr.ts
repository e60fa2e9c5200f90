/**
 * A small SQL expression tree. Checks build these nodes; a dialect renders them. Names and
 * values stay data until the dialect passes them through the quoting module.
 */

/**
 * Functions whose spelling differs per engine; the dialect decides how each is written.
 * `regex_full_match(text, pattern)` takes a pattern already anchored as one group (`^(?:p)$`,
 * see `portable-regex.ts`) and must let a dot match a line break, as PostgreSQL does.
 */
export type FunctionName =
  | "to_text"
  | "to_integer"
  | "to_bigint"
  | "regex_full_match"
  | "regex_extract"
  | "regex_contains"
  | "regex_replace_all"
  | "ascii"
  | "year"
  | "trim"
  | "lower"
  | "upper"
  | "substr"
  | "replace"
  | "coalesce"
  | "concat_ws"
  | "concat"
  | "lpad"
  | "strpos"
  | "shape"
  | "byte_order"
  | "starts_with"
  | "contains"
  // What the canonical rendering of values (src/fingerprint/) is built from.
  | "rtrim"
  | "abs"
  | "floor"
  | "log2"
  | "power"
  | "to_double"
  | "is_nan"
  | "is_infinite"
  | "utc_text"
  | "hex_of_bytes"
  | "md5_digest"
  | "md5_part1"
  | "md5_part2"
  | "exact_sum";

export type BinaryOperator = "=" | "<>" | "<" | "<=" | ">" | ">=" | "+" | "-" | "*" | "/" | "%";

export type Literal = string | number | boolean | null;

export type Expr =
  | { type: "column"; name: string; qualifier?: string }
  | { type: "literal"; value: Literal }
  | { type: "date"; value: string }
  | { type: "star" }
  | { type: "call"; fn: FunctionName; args: Expr[] }
  | { type: "binary"; op: BinaryOperator; left: Expr; right: Expr }
  | { type: "and" | "or"; exprs: Expr[] }
  | { type: "not"; expr: Expr }
  | { type: "case"; when: Expr; then: Expr; otherwise: Expr }
  | { type: "is_null"; expr: Expr; negated: boolean }
  | { type: "in"; expr: Expr; values: Expr[]; negated: boolean }
  | { type: "exists"; select: Select; negated: boolean }
  | { type: "count"; filter?: Expr }
  | { type: "sum"; expr: Expr }
  | { type: "aggregate"; fn: "min" | "max" | "count" | "count_distinct"; expr: Expr }
  | { type: "smallest"; expr: Expr; n: number; filter?: Expr }
  | { type: "any_match"; text: Expr; pattern: string; where: Expr }
  | { type: "matched_text" }
  /** `body` with `value` computed once and named `name` inside it (see `bind`). */
  | { type: "bind"; name: string; value: Expr; body: Expr }
  | { type: "bound"; name: string }
  /** A value a check computes once per row before its condition reads it (see `Measure`). */
  | { type: "local"; name: string };

export interface SelectItem {
  expr: Expr;
  alias?: string;
}

/**
 * A source of rows: a table or view by name, a sub-select, the rows of several selects,
 * a join of two sources, or custom SQL a user wrote.
 */
export type From =
  | { type: "table"; name: string; alias?: string }
  | { type: "select"; select: Select; alias: string }
  | { type: "union_all"; selects: Select[]; alias: string }
  | { type: "join"; join: "inner" | "left" | "full"; left: From; right: From; on: Expr }
  | { type: "custom_sql"; sql: string; alias: string };

/**
 * A join after the FROM: `inner` keeps the rows with a match; `anti` keeps the rows without one
 * (written as the engine plans it best: an ANTI JOIN, or NOT EXISTS where that is its anti join).
 */
export interface Join {
  kind: "inner" | "anti";
  from: From;
  on: Expr;
}

export interface Select {
  items: SelectItem[];
  /** Without a source, the select gives one row of its items. */
  from?: From;
  /** Joins after the source; only with a source. */
  joins?: Join[];
  where?: Expr;
  groupBy?: Expr[];
  having?: Expr;
  orderBy?: Array<{ expr: Expr; descending?: boolean }>;
  limit?: number;
  distinct?: boolean;
}

export const col = (name: string, qualifier?: string): Expr =>
  qualifier === undefined ? { type: "column", name } : { type: "column", name, qualifier };
export const lit = (value: Literal): Expr => ({ type: "literal", value });
export const dateLit = (value: string): Expr => ({ type: "date", value });
export const call = (fn: FunctionName, ...args: Expr[]): Expr => ({ type: "call", fn, args });
export const bin = (op: BinaryOperator, left: Expr, right: Expr): Expr => ({ type: "binary", op, left, right });
export const not = (expr: Expr): Expr => ({ type: "not", expr });
export const isNull = (expr: Expr): Expr => ({ type: "is_null", expr, negated: false });
export const isNotNull = (expr: Expr): Expr => ({ type: "is_null", expr, negated: true });
export const inList = (expr: Expr, values: Expr[], negated = false): Expr => ({ type: "in", expr, values, negated });
export const exists = (select: Select, negated = false): Expr => ({ type: "exists", select, negated });
export const local = (name: string): Expr => ({ type: "local", name });
export const countRows = (filter?: Expr): Expr => (filter ? { type: "count", filter } : { type: "count" });

/** AND of the given conditions; undefined ones are left out, none at all is TRUE. */
export function and(...exprs: Array<Expr | undefined>): Expr {
  const present = exprs.filter((e): e is Expr => e !== undefined);
  if (present.length === 0) return lit(true);
  if (present.length === 1) return present[0] as Expr;
  return { type: "and", exprs: present };
}

/** OR of the given conditions; none at all is FALSE. */
export function or(...exprs: Expr[]): Expr {
  if (exprs.length === 0) return lit(false);
  if (exprs.length === 1) return exprs[0] as Expr;
  return { type: "or", exprs };
}

/**
 * True when some match of `pattern` in `text` (its first group, scanned left to right without
 * overlap) meets `where`, in which `matchedText` stands for that match.
 */
export const anyMatch = (text: Expr, pattern: string, where: Expr): Expr => ({
  type: "any_match",
  text,
  pattern,
  where,
});

/** The match under consideration inside `anyMatch`'s condition. */
export const matchedText: Expr = { type: "matched_text" };

/**
 * `body` with `value` computed once: SQL has no name for a value inside an expression, so an
 * expression that reads a value many times (a checksum over its characters) would otherwise
 * compute it anew for each read. `name` must be unique among binds around the same body.
 * @example bind("livinglab_digits", call("upper", col("x")), (digits) => call("substr", digits, lit(1), lit(9)))
 */
export function bind(name: string, value: Expr, body: (bound: Expr) => Expr): Expr {
  return { type: "bind", name, value, body: body({ type: "bound", name }) };
}

/** Evaluates `then` only where `when` holds; elsewhere `otherwise`. */
export const caseWhen = (when: Expr, then: Expr, otherwise: Expr): Expr => ({ type: "case", when, then, otherwise });

/** A condition that is NULL counts as false: `coalesce(cond, FALSE)`. */
export const definitely = (expr: Expr): Expr => call("coalesce", expr, lit(false));
