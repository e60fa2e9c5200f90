import { z } from "zod";
import { and, call, col, isNotNull, not } from "../sql/expr.js";
import { amongRows, defineCheck } from "./check-definition.js";
import { fullMatch, regexSchema } from "./regex-param.js";

export const pattern = defineCheck({
  dimension: "validiteit",
  params: {
    column: z.string().min(1),
    /** A regular expression the whole value must match, in the subset both engines read alike. */
    pattern: regexSchema,
  },
  columns: ({ column }) => [{ column }],
  measure: ({ column, pattern }) => ({
    type: "rows",
    unit: "share",
    failing: and(isNotNull(col(column)), not(fullMatch(call("to_text", col(column)), pattern))),
  }),
  describe: ({ column, pattern }) => `Het veld ${column} heeft de vorm ${pattern}.`,
  finding: ({ column, pattern }, found) => `${amongRows(found)} heeft ${column} niet de vorm ${pattern}`,
});
