import { z } from "zod";
import { bin, col, definitely, type Expr, or } from "../sql/expr.js";
import { type Bound, boundSchema, describeBound, lowerLimit, upperLimit } from "./bound.js";
import { amongRows, defineCheck } from "./check-definition.js";

export const valueRange = defineCheck({
  dimension: "validiteit",
  params: { column: z.string().min(1), min: boundSchema.optional(), max: boundSchema.optional() },
  columns: ({ column }) => [{ column }],
  measure: ({ column, min, max }, { referenceDate }) => ({
    type: "rows",
    unit: "share",
    failing: or(...outside(column, min, max, referenceDate)),
  }),
  describe: ({ column, min, max }) =>
    `Het veld ${column} ligt ${[min !== undefined && `vanaf ${describeBound(min)}`, max !== undefined && `tot en met ${describeBound(max)}`].filter(Boolean).join(" ")}.`,
  finding: ({ column }, found) => `${amongRows(found)} ligt ${column} buiten het toegestane bereik`,
});

/** Conditions under which a value lies outside the range; NULL is never outside. */
export function outside(column: string, min: Bound | undefined, max: Bound | undefined, referenceDate: string): Expr[] {
  const tests: Expr[] = [];
  if (min !== undefined) tests.push(definitely(bin("<", col(column), lowerLimit(min, referenceDate))));
  if (max !== undefined) {
    const limit = upperLimit(max, referenceDate);
    tests.push(definitely(bin(limit.inclusive ? ">" : ">=", col(column), limit.expr)));
  }
  return tests;
}
