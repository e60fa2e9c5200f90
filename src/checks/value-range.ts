import { z } from "zod";
import { col, or } from "../sql/expr.js";
import { boundSchema, describeBound, outsideRange } from "./bound.js";
import { amongRows, defineCheck } from "./check-definition.js";

export const valueRange = defineCheck({
  dimension: "validiteit",
  name: "waarde binnen grenzen",
  summary: "Een getal of datum ligt binnen grenzen; een datum ook ten opzichte van de peildatum.",
  example: {
    id: "zaken-pleegdatum-niet-in-toekomst",
    table: "zaken",
    column: "pleegdatum",
    max: { days_from_reference: 0 },
  },
  params: { column: z.string().min(1), min: boundSchema.optional(), max: boundSchema.optional() },
  columns: ({ column }) => [{ column }],
  validate: ({ column, min, max }, { typeOf, referenceDate }) =>
    outsideRange(col(column), column, typeOf(column), { min, max }, referenceDate).problems,
  measure: ({ column, min, max }, { typeOf, referenceDate }) => ({
    type: "rows",
    unit: "share",
    failing: or(...outsideRange(col(column), column, typeOf(column), { min, max }, referenceDate).tests),
  }),
  describe: ({ column, min, max }) =>
    `Het veld ${column} ligt ${[min !== undefined && `vanaf ${describeBound(min)}`, max !== undefined && `tot en met ${describeBound(max)}`].filter(Boolean).join(" ")}.`,
  finding: ({ column }, found) => `${amongRows(found)} ligt ${column} buiten het toegestane bereik`,
});
