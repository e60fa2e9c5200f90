import {
  and,
  type BinaryOperator,
  type Expr,
  exists,
  type From,
  type FunctionName,
  type Literal,
  lit,
  type Select,
} from "./expr.js";

/** How one engine writes the parts of SQL that differ; everything else is shared. */
export interface Dialect {
  name: string;
  /** Quotes an identifier, so any name is read as that name. */
  quoteIdentifier(name: string): string;
  /** Quotes a text literal, so any text is read as that text. */
  quoteString(value: string): string;
  functions: Record<FunctionName, (args: string[]) => string>;
  /** The `n` smallest values of `expr` (as text, byte order), as a list. */
  smallest(expr: string, n: number, filter: string | undefined): string;
  /** The number of rows where `filter` is true. */
  countWhere(filter: string): string;
  /**
   * The engine's keyword for an anti join (`ANTI JOIN`), when it has one. Without it an anti join
   * is written as NOT EXISTS, which such an engine plans as an anti join itself.
   */
  antiJoin?: string;
  /** Whether some match of `pattern` (its first group) in `text` meets `where`, which names it as `matchedText`. */
  anyMatch(text: string, pattern: string, where: string): string;
  /** How `where` in `anyMatch` names the match. */
  matchedText: string;
  /** `body`, in which `name` stands for `value`, computed once per evaluation of the whole. */
  bind(value: string, name: string, body: string): string;
}

/** The standard way to count rows that meet a condition. */
export const standardCountWhere = (filter: string): string => `count(*) FILTER (WHERE ${filter})`;

/** The spelling both engines share; a dialect spreads this and overrides what differs. */
export const standardFunctions: Record<FunctionName, (args: string[]) => string> = {
  to_text: ([a]) => `CAST(${a} AS VARCHAR)`,
  to_integer: ([a]) => `CAST(${a} AS INTEGER)`,
  to_bigint: ([a]) => `CAST(${a} AS BIGINT)`,
  // 's': a dot matches a line break too, as in PostgreSQL.
  regex_full_match: ([a, p]) => `regexp_matches(${a}, ${p}, 's')`,
  regex_extract: ([a, p]) => `regexp_extract(${a}, ${p}, 1)`,
  regex_contains: ([a, p]) => `regexp_matches(${a}, ${p})`,
  regex_replace_all: ([a, p, r]) => `regexp_replace(${a}, ${p}, ${r}, 'g')`,
  ascii: ([a]) => `ascii(${a})`,
  year: ([a]) => `CAST(EXTRACT(YEAR FROM ${a}) AS INTEGER)`,
  trim: ([a]) => `trim(${a})`,
  lower: ([a]) => `lower(${a})`,
  upper: ([a]) => `upper(${a})`,
  substr: (args) => `substr(${args.join(", ")})`,
  replace: (args) => `replace(${args.join(", ")})`,
  coalesce: (args) => `coalesce(${args.join(", ")})`,
  concat_ws: (args) => `concat_ws(${args.join(", ")})`,
  concat: (args) => `concat(${args.join(", ")})`,
  lpad: ([a, n, fill]) => `lpad(${a}, ${n}, ${fill})`,
  strpos: ([a, b]) => `strpos(${a}, ${b})`,
  // The shape of a text: digits become 9, capitals A, small letters a.
  starts_with: ([a, b]) => `starts_with(${a}, ${b})`,
  /** Whether text `a` holds text `b` anywhere. */
  contains: ([a, b]) => `(strpos(${a}, ${b}) > 0)`,
  /** Text sorted by its bytes, the same on every engine. */
  byte_order: ([a]) => `${a}`,
  shape: ([a]) =>
    `regexp_replace(regexp_replace(regexp_replace(${a}, '[0-9]', '9', 'g'), '[A-Z]', 'A', 'g'), '[a-z]', 'a', 'g')`,
  rtrim: ([a, chars]) => `rtrim(${a}, ${chars})`,
  abs: ([a]) => `abs(${a})`,
  floor: ([a]) => `floor(${a})`,
  log2: ([a]) => `log2(${a})`,
  power: ([a, b]) => `power(${a}, ${b})`,
  to_double: ([a]) => `CAST(${a} AS DOUBLE PRECISION)`,
  is_nan: ([a]) => `isnan(${a})`,
  is_infinite: ([a]) => `isinf(${a})`,
  /** A timestamp with time zone as text in UTC, without the offset. */
  utc_text: ([a]) => `CAST((${a}) AT TIME ZONE 'UTC' AS VARCHAR)`,
  hex_of_bytes: ([a]) => `lower(hex(${a}))`,
  /**
   * MD5 of the text's UTF-8 bytes, in whatever form the engine reads fastest; only `md5_part1`
   * and `md5_part2` read it. Here: 32 lowercase hex digits.
   */
  md5_digest: ([a]) => `md5(${a})`,
  /** The MD5's first 60 bits (hex digits 1-15) as a non-negative BIGINT. */
  md5_part1: ([d]) => `CAST('0x' || substr(${d}, 1, 15) AS BIGINT)`,
  /** The MD5's next 60 bits (hex digits 16-30) as a non-negative BIGINT. */
  md5_part2: ([d]) => `CAST('0x' || substr(${d}, 16, 15) AS BIGINT)`,
  /** A sum that never overflows or rounds, whatever the number of rows. */
  exact_sum: ([a]) => `sum(${a})`,
};

/** Renders a literal value of a JSON-like type in a dialect. */
export function quoteLiteral(value: Literal, dialect: Dialect): string {
  if (value === null) return "NULL";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`Not a finite number: ${value}`);
    return String(value);
  }
  return dialect.quoteString(value);
}

const precedence: Record<BinaryOperator, number> = {
  "=": 1,
  "<>": 1,
  "<": 1,
  "<=": 1,
  ">": 1,
  ">=": 1,
  "+": 2,
  "-": 2,
  "*": 3,
  "/": 3,
  "%": 3,
};

/** Renders an expression as SQL text in a dialect. */
export function renderExpr(expr: Expr, dialect: Dialect): string {
  const r = (e: Expr) => renderExpr(e, dialect);
  const { quoteIdentifier, quoteString } = dialect;
  switch (expr.type) {
    case "column":
      return expr.qualifier === undefined
        ? quoteIdentifier(expr.name)
        : `${quoteIdentifier(expr.qualifier)}.${quoteIdentifier(expr.name)}`;
    case "literal":
      return quoteLiteral(expr.value, dialect);
    case "date":
      return `DATE ${quoteString(expr.value)}`;
    case "star":
      return "*";
    case "call":
      return dialect.functions[expr.fn](expr.args.map(r));
    case "binary":
      return `${operand(expr.left, expr.op, dialect)} ${expr.op} ${operand(expr.right, expr.op, dialect)}`;
    case "and":
    case "or":
      return expr.exprs.map((e) => `(${r(e)})`).join(expr.type === "and" ? " AND " : " OR ");
    case "not":
      return `NOT (${r(expr.expr)})`;
    case "case":
      return `CASE WHEN ${r(expr.when)} THEN ${r(expr.then)} ELSE ${r(expr.otherwise)} END`;
    case "is_null":
      return `(${r(expr.expr)}) IS ${expr.negated ? "NOT " : ""}NULL`;
    case "in":
      return `(${r(expr.expr)}) ${expr.negated ? "NOT IN" : "IN"} (${expr.values.map(r).join(", ")})`;
    case "exists":
      return `${expr.negated ? "NOT " : ""}EXISTS (${renderSelect(expr.select, dialect)})`;
    case "count":
      return expr.filter ? dialect.countWhere(r(expr.filter)) : "count(*)";
    case "sum":
      return `sum(${r(expr.expr)})`;
    case "aggregate":
      return expr.fn === "count_distinct" ? `count(DISTINCT ${r(expr.expr)})` : `${expr.fn}(${r(expr.expr)})`;
    case "smallest":
      return dialect.smallest(r(expr.expr), expr.n, expr.filter && r(expr.filter));
    case "local":
      // The planner replaces every local value by the column it computed it in.
      throw new Error(`local value '${expr.name}' was not resolved by the planner`);
    case "any_match":
      return dialect.anyMatch(r(expr.text), quoteString(expr.pattern), r(expr.where));
    case "matched_text":
      return dialect.matchedText;
    case "bind":
      return dialect.bind(r(expr.value), expr.name, r(expr.body));
    case "bound":
      return expr.name;
  }
}

function operand(expr: Expr, parent: BinaryOperator, dialect: Dialect): string {
  const text = renderExpr(expr, dialect);
  const simple = expr.type === "column" || expr.type === "literal" || expr.type === "call" || expr.type === "date";
  if (simple || (expr.type === "binary" && precedence[expr.op] > precedence[parent])) return text;
  return `(${text})`;
}

/** Renders a SELECT statement in a dialect. */
export function renderSelect(select: Select, dialect: Dialect): string {
  const r = (e: Expr) => renderExpr(e, dialect);
  const { quoteIdentifier } = dialect;
  const parts = [
    `SELECT ${select.distinct ? "DISTINCT " : ""}${select.items.map((i) => (i.alias === undefined ? r(i.expr) : `${r(i.expr)} AS ${quoteIdentifier(i.alias)}`)).join(", ")}`,
  ];
  if (select.from) parts.push(`FROM ${renderFrom(select.from, dialect)}`);
  const notExists: Expr[] = [];
  for (const join of select.joins ?? []) {
    if (join.kind === "inner") parts.push(`JOIN ${renderFrom(join.from, dialect)} ON ${r(join.on)}`);
    else if (dialect.antiJoin) parts.push(`${dialect.antiJoin} ${renderFrom(join.from, dialect)} ON ${r(join.on)}`);
    else notExists.push(exists({ items: [{ expr: lit(1) }], from: join.from, where: join.on }, true));
  }
  const where = notExists.length > 0 ? and(select.where, ...notExists) : select.where;
  if (where) parts.push(`WHERE ${r(where)}`);
  if (select.groupBy?.length) parts.push(`GROUP BY ${select.groupBy.map(r).join(", ")}`);
  if (select.having) parts.push(`HAVING ${r(select.having)}`);
  if (select.orderBy?.length) {
    // NULLs last on every engine: Spark and PostgreSQL would otherwise put them first in one direction.
    parts.push(
      `ORDER BY ${select.orderBy.map((o) => `${r(o.expr)}${o.descending ? " DESC" : ""} NULLS LAST`).join(", ")}`,
    );
  }
  if (select.limit !== undefined) parts.push(`LIMIT ${Math.trunc(select.limit)}`);
  return parts.join("\n");
}

const JOINS = { inner: "JOIN", left: "LEFT JOIN", full: "FULL OUTER JOIN" } as const;

function renderFrom(from: From, dialect: Dialect): string {
  const { quoteIdentifier } = dialect;
  switch (from.type) {
    case "table":
      return from.alias === undefined
        ? quoteIdentifier(from.name)
        : `${quoteIdentifier(from.name)} AS ${quoteIdentifier(from.alias)}`;
    case "select":
      return `(\n${renderSelect(from.select, dialect)}\n) AS ${quoteIdentifier(from.alias)}`;
    case "union_all":
      return `(\n${from.selects.map((s) => renderSelect(s, dialect)).join("\nUNION ALL\n")}\n) AS ${quoteIdentifier(from.alias)}`;
    case "join":
      return `${renderFrom(from.left, dialect)}\n${JOINS[from.join]} ${renderFrom(from.right, dialect)} ON ${renderExpr(from.on, dialect)}`;
    case "custom_sql":
      // The one place user SQL enters: a custom check, marked as such in its result.
      return `(\n${from.sql.trim().replace(/;\s*$/, "")}\n) AS ${quoteIdentifier(from.alias)}`;
  }
}
