import { z } from "zod";
import { call, col } from "../sql/expr.js";
import { defineCheck } from "./check-definition.js";
import { columnsOfCondition, compileCondition, conditionExpr, conditionSchema } from "./condition.js";

export const groupDisparity = defineCheck({
  dimension: "compleetheid",
  name: "verschil tussen groepen",
  summary: "Hoe vaak iets voorkomt per groep, vergeleken met het geheel; kleine groepen worden niet beoordeeld.",
  example: {
    id: "zaken-pleegdatum-per-arrondissement",
    table: "zaken",
    group_by: "arrondissement",
    rate_of: { column: "pleegdatum", is_null: true },
    max_ratio: 3,
  },
  params: {
    group_by: z.string().min(1),
    /** The event whose rate is compared, e.g. `{ column: pleegdatum, is_null: true }`. */
    rate_of: conditionSchema,
    /** Smaller groups are not judged: their rate says too little. */
    min_group_size: z.number().int().min(1).default(30),
    /** A group fails when its rate is more than this many times the rate of the whole. */
    max_ratio: z.number().min(1),
  },
  columns: ({ group_by, rate_of }) => [group_by, ...columnsOfCondition(rate_of)].map((column) => ({ column })),
  validate: ({ rate_of }, { typeOf }) =>
    compileCondition(rate_of, typeOf).problems.map((p) => ({ ...p, path: ["rate_of", ...p.path] })),
  measure: ({ group_by, rate_of, min_group_size, max_ratio }, { typeOf }) => ({
    type: "groups",
    unit: "ratio",
    group: call("to_text", col(group_by)),
    event: conditionExpr(rate_of, typeOf),
    minSize: min_group_size,
    maxRatio: max_ratio,
  }),
  describe: ({ group_by, max_ratio }) => `Geen ${group_by} wijkt meer dan ${max_ratio} keer af van het geheel.`,
  finding: ({ group_by, rate_of }, { amount, table }) =>
    `in één ${group_by} van ${table} komt de gemeten afwijking (${columnsOfCondition(rate_of).join(", ")}) ${amount} zo vaak voor als in het geheel`,
});
