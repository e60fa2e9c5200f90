import { z } from "zod";
import { bin, call, col, isNull, lit, or } from "../sql/expr.js";
import { amongRows, defineCheck } from "./check-definition.js";

export const notNull = defineCheck({
  dimension: "compleetheid",
  params: {
    column: z.string().min(1),
    /** Count text that is empty or only spaces as missing too. */
    blank_is_missing: z.boolean().default(true),
  },
  columns: ({ column }) => [{ column }],
  measure: ({ column, blank_is_missing }) => ({
    type: "rows",
    unit: "share",
    failing: blank_is_missing
      ? or(isNull(col(column)), bin("=", call("trim", call("to_text", col(column))), lit("")))
      : isNull(col(column)),
  }),
  describe: ({ column }) => `Het veld ${column} is altijd ingevuld.`,
  finding: ({ column }, found) => `${amongRows(found)} ontbreekt ${column}`,
});
