import { z } from "zod";
import { bin, col, definitely } from "../sql/expr.js";
import { amongRows, defineCheck } from "./check-definition.js";
import { compareColumns, isMistake, requireCategory } from "./typed-value.js";

export const dateOrder = defineCheck({
  dimension: "consistentie",
  name: "volgorde van datums",
  summary: "Twee datums staan in de goede volgorde.",
  example: { id: "zaken-afdoening-na-instroom", table: "zaken", earlier: "instroomdatum", later: "afdoeningsdatum" },
  params: {
    /** The date that comes first, e.g. instroomdatum. */
    earlier: z.string().min(1),
    /** The date that may not lie before it, e.g. afdoeningsdatum. */
    later: z.string().min(1),
    allow_equal: z.boolean().default(true),
  },
  columns: ({ earlier, later }) => [{ column: earlier }, { column: later }],
  validate: ({ earlier, later }, { typeOf }) => {
    const wrong = requireCategory(earlier, typeOf(earlier), ["date", "number"], "een volgorde (date_order)");
    if (wrong) return [{ path: ["earlier"], ...wrong }];
    const sides = compareColumns(
      { expr: col(earlier), name: earlier, category: typeOf(earlier) },
      { expr: col(later), name: later, category: typeOf(later) },
    );
    return isMistake(sides) ? [{ path: ["later"], ...sides }] : [];
  },
  // A missing date is not out of order; not_null checks find those.
  measure: ({ earlier, later, allow_equal }) => ({
    type: "rows",
    unit: "share",
    failing: definitely(bin(allow_equal ? "<" : "<=", col(later), col(earlier))),
  }),
  describe: ({ earlier, later }) => `Het veld ${later} ligt nooit vóór ${earlier}.`,
  finding: ({ earlier, later }, found) => `${amongRows(found)} ligt ${later} vóór ${earlier}`,
});
