import { z } from "zod";
import { detectorNames, personalDataDetectors } from "../personal-data/detector-registry.js";
import { containsPersonalData } from "../personal-data/personal-data-sql.js";
import { and, call, col, definitely, type Expr, isNotNull, local, or } from "../sql/expr.js";
import { amongRows, defineCheck } from "./check-definition.js";

/** Personal data in a free-text column, found by the same detectors the masker uses. */
export const piiScan = defineCheck({
  dimension: "validiteit",
  name: "persoonsgegevens in vrije tekst",
  summary: "Een vrij tekstveld bevat geen persoonsgegevens (BSN, telefoonnummer, e-mailadres, IBAN).",
  example: { id: "zaken-opmerking-zonder-persoonsgegevens", table: "zaken", column: "opmerking" },
  params: {
    /** A free-text column that should hold no personal data. */
    column: z.string().min(1),
    detect: z.array(z.enum(detectorNames)).min(1).default(detectorNames),
  },
  columns: ({ column }) => [{ column }],
  // Text is read as it is; another type is cast once per row, as a local value every detector reads.
  measure: ({ column, detect }, { typeOf }) => {
    const isText = typeOf(column) === "text";
    const text = isText ? col(column) : local("text");
    const locals: Record<string, Expr> = isText ? {} : { text: call("to_text", col(column)) };
    const found = detect.map((name) => definitely(containsPersonalData(text, personalDataDetectors[name])));
    return { type: "rows", unit: "share", failing: and(isNotNull(col(column)), or(...found)), locals };
  },
  describe: ({ column, detect }) => `Het vrije tekstveld ${column} bevat geen persoonsgegevens (${detect.join(", ")}).`,
  finding: ({ column }, found) => `${amongRows(found)} staan persoonsgegevens in ${column}`,
});
