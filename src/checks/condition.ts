import { z } from "zod";
import {
  and,
  bin,
  call,
  col,
  dateLit,
  definitely,
  type Expr,
  inList,
  isNotNull,
  isNull,
  lit,
  not,
  or,
} from "../sql/expr.js";
import { fullMatch, regexSchema } from "./regex-param.js";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

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

/** A literal value as an expression; a `YYYY-MM-DD` text is a date. */
export function valueExpr(value: string | number | boolean): Expr {
  return typeof value === "string" && DATE.test(value) ? dateLit(value) : lit(value);
}

function operandExpr(operand: Operand): Expr {
  return typeof operand === "object" ? col(operand.column) : valueExpr(operand);
}

/** Compiles a condition; a test on a NULL value is false, so the result is never NULL. */
export function exprFromCondition(condition: Condition): Expr {
  if ("all" in condition) return and(...condition.all.map(exprFromCondition));
  if ("any" in condition) return or(...condition.any.map(exprFromCondition));
  if ("not" in condition) return not(exprFromCondition(condition.not));
  const column = col(condition.column);
  const tests: Expr[] = [];
  for (const [key, op] of Object.entries(comparisons) as [
    keyof typeof comparisons,
    (typeof comparisons)[keyof typeof comparisons],
  ][]) {
    const operand = condition[key];
    if (operand !== undefined) tests.push(definitely(bin(op, column, operandExpr(operand))));
  }
  if (condition.in) tests.push(definitely(inList(column, condition.in.map(valueExpr))));
  if (condition.not_in) tests.push(definitely(inList(column, condition.not_in.map(valueExpr), true)));
  if (condition.starts_with !== undefined) {
    const prefix =
      typeof condition.starts_with === "string" ? lit(condition.starts_with) : operandExpr(condition.starts_with);
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
