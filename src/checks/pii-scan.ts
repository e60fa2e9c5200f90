import { z } from "zod";
import { detectorNames, personalDataDetectors } from "../personal-data/detector-registry.js";
import { containsPersonalData } from "../personal-data/personal-data-sql.js";
import { and, call, col, definitely, isNotNull, or } from "../sql/expr.js";
import { amongRows, defineCheck } from "./check-definition.js";

/** Personal data in a free-text column, found by the same detectors the masker uses. */
export const piiScan = defineCheck({
  dimension: "validiteit",
  params: {
    /** A free-text column that should hold no personal data. */
    column: z.string().min(1),
    detect: z.array(z.enum(detectorNames)).min(1).default(detectorNames),
  },
  columns: ({ column }) => [{ column }],
  measure: ({ column, detect }) => {
    const text = call("to_text", col(column));
    const found = detect.map((name) => definitely(containsPersonalData(text, personalDataDetectors[name])));
    return { type: "rows", unit: "share", failing: and(isNotNull(col(column)), or(...found)) };
  },
  describe: ({ column, detect }) => `Het vrije tekstveld ${column} bevat geen persoonsgegevens (${detect.join(", ")}).`,
  finding: ({ column }, found) => `${amongRows(found)} staan persoonsgegevens in ${column}`,
});
