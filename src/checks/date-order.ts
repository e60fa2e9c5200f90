import { z } from "zod";
import { bin, col, definitely } from "../sql/expr.js";
import { defineCheck } from "./check-definition.js";

export const dateOrder = defineCheck({
  dimension: "consistentie",
  params: {
    /** The date that comes first, e.g. instroomdatum. */
    first: z.string().min(1),
    /** The date that may not lie before it, e.g. afdoeningsdatum. */
    then: z.string().min(1),
    allow_equal: z.boolean().default(true),
  },
  columns: ({ first, then }) => [{ column: first }, { column: then }],
  // A missing date is not out of order; not_null checks find those.
  measure: ({ first, then, allow_equal }) => ({
    type: "rows",
    failing: definitely(bin(allow_equal ? "<" : "<=", col(then), col(first))),
  }),
  describe: ({ first, then }) => `Het veld ${then} ligt nooit vóór ${first}.`,
});
