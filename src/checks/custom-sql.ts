import { z } from "zod";
import { lit } from "../sql/expr.js";
import { amongRows, defineCheck } from "./check-definition.js";

export const customSql = defineCheck({
  dimension: "juistheid",
  custom: true,
  params: {
    /** A SELECT that returns the failing rows of this table, with its key column(s). Not checked by livinglab. */
    sql: z.string().min(1),
  },
  columns: () => [],
  measure: ({ sql }, { key }) => ({
    type: "keys",
    unit: "share",
    select: {
      items: [
        { expr: key, alias: "k" },
        { expr: lit(1), alias: "n" },
      ],
      from: { type: "custom_sql", sql, alias: "custom_query" },
    },
  }),
  describe: () => "Eigen SQL-controle (door de gebruiker geschreven, niet door livinglab gecontroleerd).",
  finding: (_params, found) => `${amongRows(found)} vindt de eigen SQL-controle een afwijking`,
});
