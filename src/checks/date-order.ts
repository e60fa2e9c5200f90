import { z } from "zod";
import { bin, col, definitely } from "../sql/expr.js";
import { amongRows, defineCheck } from "./check-definition.js";

export const dateOrder = defineCheck({
  dimension: "consistentie",
  params: {
    /** The date that comes first, e.g. instroomdatum. */
    earlier: z.string().min(1),
    /** The date that may not lie before it, e.g. afdoeningsdatum. */
    later: z.string().min(1),
    allow_equal: z.boolean().default(true),
  },
  columns: ({ earlier, later }) => [{ column: earlier }, { column: later }],
  // A missing date is not out of order; not_null checks find those.
  measure: ({ earlier, later, allow_equal }) => ({
    type: "rows",
    unit: "share",
    failing: definitely(bin(allow_equal ? "<" : "<=", col(later), col(earlier))),
  }),
  describe: ({ earlier, later }) => `Het veld ${later} ligt nooit vóór ${earlier}.`,
  finding: ({ earlier, later }, found) => `${amongRows(found)} ligt ${later} vóór ${earlier}`,
});
