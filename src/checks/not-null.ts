import { z } from "zod";
import { bin, call, col, isNull, lit, or } from "../sql/expr.js";
import { amongRows, defineCheck } from "./check-definition.js";

export const notNull = defineCheck({
  dimension: "compleetheid",
  name: "verplicht veld",
  summary: "Elke rij heeft een waarde in de kolom; lege tekst telt standaard ook als ontbrekend.",
  example: { id: "zaken-afdoening-ingevuld", table: "zaken", column: "afdoening" },
  params: {
    column: z.string().min(1),
    /** Count text that is empty or only spaces as missing too. */
    blank_is_missing: z.boolean().default(true),
  },
  columns: ({ column }) => [{ column }],
  // Only text can be blank; a number or a date is there or missing.
  measure: ({ column, blank_is_missing }, { typeOf }) => ({
    type: "rows",
    unit: "share",
    failing:
      blank_is_missing && typeOf(column) === "text"
        ? or(isNull(col(column)), bin("=", call("trim", col(column)), lit("")))
        : isNull(col(column)),
  }),
  describe: ({ column }) => `Het veld ${column} is altijd ingevuld.`,
  finding: ({ column }, found) => `${amongRows(found)} ontbreekt ${column}`,
});
