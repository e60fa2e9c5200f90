import { z } from "zod";
import { and, call, col, type Expr, inList, isNotNull, lit } from "../sql/expr.js";
import { amongRows, defineCheck } from "./check-definition.js";

export const acceptedValues = defineCheck({
  dimension: "validiteit",
  params: {
    column: z.string().min(1),
    values: z.array(z.union([z.string(), z.number()])).min(1),
    /** With false, `Dagvaarding` counts as `dagvaarding`. */
    case_sensitive: z.boolean().default(true),
    /** With false, spaces around a value are ignored. */
    space_sensitive: z.boolean().default(true),
  },
  columns: ({ column }) => [{ column }],
  measure: ({ column, values, case_sensitive, space_sensitive }) => {
    const normalize = (e: Expr): Expr => {
      const trimmed = space_sensitive ? e : call("trim", e);
      return case_sensitive ? trimmed : call("lower", trimmed);
    };
    const value = normalize(call("to_text", col(column)));
    const allowed = values.map((v) => normalize(lit(String(v))));
    return { type: "rows", unit: "share", failing: and(isNotNull(col(column)), inList(value, allowed, true)) };
  },
  describe: ({ column, values }) => `Het veld ${column} bevat alleen toegestane codes (${values.length} codes).`,
  finding: ({ column }, found) => `${amongRows(found)} staat in ${column} een code die niet is toegestaan`,
});
