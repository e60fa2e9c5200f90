import { bin, call, caseWhen, col, type Expr, isNull, lit } from "../sql/expr.js";

/**
 * The kinds of value the canonical rendering knows. Each engine sorts its own column types
 * into these (see `columns()` of an engine); shared code never reads a type name.
 */
export const valueKinds = [
  "integer",
  "decimal",
  "float",
  "boolean",
  "text",
  "date",
  "timestamp",
  "timestamptz",
  "time",
  "bytes",
  "other",
] as const;
export type ValueKind = (typeof valueKinds)[number];

/** A row's values are joined with this; it never occurs unescaped inside a value. */
export const VALUE_SEPARATOR = "|";
/** NULL as a token: an escaped text value can never be exactly this. */
export const NULL_TOKEN = "\\N";

const text = (e: Expr) => call("to_text", e);
const join = (...parts: Expr[]) => call("concat_ws", lit(""), ...parts);
const double = (e: Expr) => call("to_double", e);
const two = double(lit(2));

/**
 * The canonical rendering of one value, the same text on every engine (livinglab-inhoud/1):
 *
 * - integer (any width): decimal digits, `-` for negatives: `-42`.
 * - decimal: its decimal text without trailing fractional zeros or point; zero is `0`: `12.5`.
 * - float (single or double, widened to double exactly): `NaN`, `Infinity`, `-Infinity`,
 *   `0` (also -0), else sign, the 52-bit binary fraction as an integer, `p` and the binary
 *   exponent: 0.1 is `2702159776422298p-4`, -3 is `-2251799813685248p1`. Exact, with no
 *   dependence on how an engine prints floating-point numbers.
 * - boolean: `true` or `false`.
 * - date: `YYYY-MM-DD`; time: `HH:MM:SS[.ffffff]`; timestamp: `YYYY-MM-DD HH:MM:SS[.ffffff]`
 *   (fraction without trailing zeros); timestamp with time zone: the same in UTC, then `Z`.
 * - bytes: lowercase hex.
 * - text, and any other type: its text, with `\` written `\\` and `|` written `\|`.
 * - NULL, of any kind: `\N`.
 *
 * Text is hashed as UTF-8 whatever the server's encoding. Kinds outside this list (lists,
 * structs, intervals) are rendered as the engine prints them and may differ between engines.
 */
export function canonicalValue(column: string, kind: ValueKind): Expr {
  const value = col(column);
  const rendered = renderers[kind](value);
  // Where NULL goes through the rendering as NULL, coalesce is cheaper than a CASE per value.
  return nullPropagates.has(kind)
    ? call("coalesce", rendered, lit(NULL_TOKEN))
    : caseWhen(isNull(value), lit(NULL_TOKEN), rendered);
}

/** Kinds whose rendering of NULL is NULL (casts, replace, a CASE whose every branch does so). */
const nullPropagates = new Set<ValueKind>([
  "integer",
  "decimal",
  "text",
  "date",
  "timestamp",
  "time",
  "bytes",
  "other",
]);

const escaped = (value: Expr) =>
  call("replace", call("replace", text(value), lit("\\"), lit("\\\\")), lit(VALUE_SEPARATOR), lit("\\|"));

/** One renderer per kind, for a value known not to be NULL; exhaustive, so a new kind needs one. */
const renderers: Record<ValueKind, (value: Expr) => Expr> = {
  integer: text,
  decimal: (value) =>
    caseWhen(
      bin("=", value, lit(0)),
      lit("0"),
      caseWhen(
        call("regex_contains", text(value), lit("[.]")),
        call("rtrim", call("rtrim", text(value), lit("0")), lit(".")),
        text(value),
      ),
    ),
  float: (value) => canonicalFloat(double(value)),
  boolean: (value) => caseWhen(value, lit("true"), lit("false")),
  text: escaped,
  date: text,
  timestamp: text,
  timestamptz: (value) => join(call("utc_text", value), lit("Z")),
  time: text,
  bytes: (value) => call("hex_of_bytes", value),
  other: escaped,
};

/** A finite, non-zero double as fraction and exponent; every step is exact in IEEE arithmetic. */
function canonicalFloat(x: Expr): Expr {
  const magnitude = call("abs", x);
  const rough = call("floor", call("log2", magnitude));
  // Kept within the exponents a double has, so no power of two below over- or underflows.
  const guess = caseWhen(
    bin(">", rough, lit(1023)),
    lit(1023),
    caseWhen(bin("<", rough, lit(-1074)), lit(-1074), rough),
  );
  // log2 may be one off near a power of two; the quotient tells which way.
  const quotient = bin("/", magnitude, call("power", two, guess));
  const exponent = bin(
    "+",
    guess,
    caseWhen(bin(">=", quotient, lit(2)), lit(1), caseWhen(bin("<", quotient, lit(1)), lit(-1), lit(0))),
  );
  const fraction = call(
    "to_bigint",
    bin("*", bin("-", bin("/", magnitude, call("power", two, exponent)), lit(1)), call("power", two, double(lit(52)))),
  );
  const finite = join(
    caseWhen(bin("<", x, lit(0)), lit("-"), lit("")),
    text(fraction),
    lit("p"),
    text(call("to_bigint", exponent)),
  );
  return caseWhen(
    call("is_nan", x),
    lit("NaN"),
    caseWhen(
      call("is_infinite", x),
      caseWhen(bin(">", x, lit(0)), lit("Infinity"), lit("-Infinity")),
      caseWhen(bin("=", x, lit(0)), lit("0"), finite),
    ),
  );
}
