import { z } from "zod";
import { bin, col, dateLit, definitely } from "../sql/expr.js";
import { addDays } from "./bound.js";
import { amongRows, defineCheck } from "./check-definition.js";
import { requireCategory } from "./typed-value.js";

export const freshness = defineCheck({
  dimension: "actualiteit",
  name: "recente gegevens",
  summary: "De laatste wijziging is niet ouder dan een aantal dagen voor de peildatum.",
  example: { id: "zaken-actueel", table: "zaken", column: "laatst_gewijzigd", max_age_days: 365 },
  params: {
    /** The date or timestamp of the last change. */
    column: z.string().min(1),
    /** Largest age in days, counted back from the run's reference date. */
    max_age_days: z.number().int().min(0),
  },
  columns: ({ column }) => [{ column }],
  validate: ({ column }, { typeOf }) => {
    const mistake = requireCategory(column, typeOf(column), ["date"], "actualiteit (freshness)");
    return mistake ? [{ path: ["column"], ...mistake }] : [];
  },
  measure: ({ column, max_age_days }, { referenceDate }) => ({
    type: "rows",
    unit: "share",
    failing: definitely(bin("<", col(column), dateLit(addDays(referenceDate, -max_age_days)))),
  }),
  describe: ({ column, max_age_days }) => `Het veld ${column} is hoogstens ${max_age_days} dagen oud op de peildatum.`,
  finding: ({ column, max_age_days }, found) => `${amongRows(found)} is ${column} ouder dan ${max_age_days} dagen`,
});
