import { z } from "zod";
import { and, bin, call, col, definitely, type Expr, inList, isNotNull, isNull, lit, not, or } from "../sql/expr.js";
import type { ParamProblem } from "./check-definition.js";
import { fullMatch, regexSchema } from "./regex-param.js";
import {
  type Category,
  type Comparison,
  compareColumns,
  compareWithValue,
  isMistake,
  type TypeMistake,
} from "./typed-value.js";

/** A value in a condition: a literal, or another column of the same row. */
export const operandSchema = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.strictObject({ column: z.string().min(1) }),
]);
export type Operand = z.infer<typeof operandSchema>;

const comparisons = { equals: "=", not_equals: "<>", gt: ">", gte: ">=", lt: "<", lte: "<=" } as const;

const leafSchema = z.strictObject({
  column: z.string().min(1),
  equals: operandSchema.optional(),
  not_equals: operandSchema.optional(),
  gt: operandSchema.optional(),
  gte: operandSchema.optional(),
  lt: operandSchema.optional(),
  lte: operandSchema.optional(),
  in: z
    .array(z.union([z.string(), z.number()]))
    .min(1)
    .optional(),
  not_in: z
    .array(z.union([z.string(), z.number()]))
    .min(1)
    .optional(),
  /** Text, or another column, that the value begins with; cheaper than a pattern. */
  starts_with: z.union([z.string().min(1), z.strictObject({ column: z.string().min(1) })]).optional(),
  /** A regular expression the whole value matches (the subset both engines read alike). */
  matches: regexSchema.optional(),
  is_null: z.literal(true).optional(),
  is_not_null: z.literal(true).optional(),
});

/**
 * A structured condition on one row, never raw SQL: `{ column: status, equals: afgedaan }`,
 * combined with `all`, `any` and `not`. Several tests on one column must all hold.
 */
export type Condition = z.infer<typeof leafSchema> | { all: Condition[] } | { any: Condition[] } | { not: Condition };

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    leafSchema,
    z.strictObject({ all: z.array(conditionSchema).min(1) }),
    z.strictObject({ any: z.array(conditionSchema).min(1) }),
    z.strictObject({ not: conditionSchema }),
  ]),
);

/** A condition compiled against the columns' types, with every value that does not fit them. */
export interface CompiledCondition {
  expr: Expr;
  problems: ParamProblem[];
}

type TypeOf = (column: string) => Category;

/**
 * Compiles a condition with every value in its column's type; a test on a NULL value is false,
 * so the result is never NULL. Values that do not fit come back as problems, with their path.
 */
export function compileCondition(condition: Condition, typeOf: TypeOf): CompiledCondition {
  const problems: ParamProblem[] = [];
  const expr = compile(condition, typeOf, [], problems);
  return { expr, problems };
}

/** The compiled condition for a measure; the run has already refused any problem in it. */
export function conditionExpr(condition: Condition, typeOf: TypeOf): Expr {
  const { expr, problems } = compileCondition(condition, typeOf);
  if (problems.length > 0) throw new Error(`A condition reached the SQL with problems: ${problems[0]?.message}`);
  return expr;
}

function compile(condition: Condition, typeOf: TypeOf, path: Array<string | number>, problems: ParamProblem[]): Expr {
  if ("all" in condition) return and(...condition.all.map((c, i) => compile(c, typeOf, [...path, "all", i], problems)));
  if ("any" in condition) return or(...condition.any.map((c, i) => compile(c, typeOf, [...path, "any", i], problems)));
  if ("not" in condition) return not(compile(condition.not, typeOf, [...path, "not"], problems));
  const name = condition.column;
  const column = col(name);
  const category = typeOf(name);
  const tests: Expr[] = [];
  const compared = (at: Array<string | number>, result: Comparison | TypeMistake): Comparison | undefined => {
    if (!isMistake(result)) return result;
    problems.push({ path: [...path, ...at], ...result });
    return undefined;
  };
  for (const [key, op] of Object.entries(comparisons) as [
    keyof typeof comparisons,
    (typeof comparisons)[keyof typeof comparisons],
  ][]) {
    const operand = condition[key];
    if (operand === undefined) continue;
    const sides =
      typeof operand === "object"
        ? compared(
            [key, "column"],
            compareColumns(
              { expr: column, name, category },
              { expr: col(operand.column), name: operand.column, category: typeOf(operand.column) },
            ),
          )
        : compared([key], compareWithValue(column, name, category, operand));
    if (sides) tests.push(definitely(bin(op, sides.left, sides.right)));
  }
  for (const key of ["in", "not_in"] as const) {
    const values = condition[key];
    if (values === undefined) continue;
    const sides = values.map((v, i) => compared([key, i], compareWithValue(column, name, category, v)));
    const left = sides[0]?.left;
    if (left && sides.every((s) => s !== undefined)) {
      tests.push(
        definitely(
          inList(
            left,
            sides.map((s) => (s as Comparison).right),
            key === "not_in",
          ),
        ),
      );
    }
  }
  if (condition.starts_with !== undefined) {
    const prefix =
      typeof condition.starts_with === "string" ? lit(condition.starts_with) : col(condition.starts_with.column);
    tests.push(definitely(call("starts_with", call("to_text", column), call("to_text", prefix))));
  }
  if (condition.matches !== undefined) {
    tests.push(definitely(fullMatch(call("to_text", column), condition.matches)));
  }
  if (condition.is_null) tests.push(isNull(column));
  if (condition.is_not_null) tests.push(isNotNull(column));
  return and(...tests);
}

/** The columns a condition reads, to check they exist before running. */
export function columnsOfCondition(condition: Condition): string[] {
  if ("all" in condition) return condition.all.flatMap(columnsOfCondition);
  if ("any" in condition) return condition.any.flatMap(columnsOfCondition);
  if ("not" in condition) return columnsOfCondition(condition.not);
  const others = Object.values(condition).flatMap((v) =>
    v !== null && typeof v === "object" && !Array.isArray(v) && "column" in v ? [String(v.column)] : [],
  );
  return [condition.column, ...others];
}
