import { z } from "zod";
import { and, call, col, isNotNull, lit, not } from "../sql/expr.js";
import { amongRows, defineCheck } from "./check-definition.js";

export const pattern = defineCheck({
  dimension: "validiteit",
  params: {
    column: z.string().min(1),
    /** A regular expression the whole value must match; use the common subset ([0-9], {n}, |). */
    pattern: z.string().min(1),
  },
  columns: ({ column }) => [{ column }],
  measure: ({ column, pattern }) => ({
    type: "rows",
    unit: "share",
    failing: and(isNotNull(col(column)), not(call("regex_full_match", call("to_text", col(column)), lit(pattern)))),
  }),
  describe: ({ column, pattern }) => `Het veld ${column} heeft de vorm ${pattern}.`,
  finding: ({ column, pattern }, found) => `${amongRows(found)} heeft ${column} niet de vorm ${pattern}`,
});
