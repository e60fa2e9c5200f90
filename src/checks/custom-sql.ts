import { z } from "zod";
import { lit } from "../sql/expr.js";
import { defineCheck } from "./check-definition.js";

/** A column the custom SQL reads: of its own table, or `{ table, column }` of another dataset. */
const readColumnSchema = z.union([
  z.string().min(1),
  z.strictObject({ table: z.string().min(1), column: z.string().min(1) }),
]);

export const customSql = defineCheck({
  dimension: "juistheid",
  custom: true,
  params: {
    /** A SELECT that returns the failing rows of this table, with its key column(s). Not checked by livinglab. */
    sql: z.string().min(1),
    /**
     * The columns the SQL reads. The run record and the gates take the check at its word;
     * without this list it counts as reading every column of its table.
     */
    columns: z.array(readColumnSchema).min(1).optional(),
  },
  columns: ({ columns }) => (columns ?? []).map((c) => (typeof c === "string" ? { column: c } : c)),
  measure: ({ sql }, { key }) => ({
    type: "keys",
    select: {
      items: [
        { expr: key, alias: "k" },
        { expr: lit(1), alias: "n" },
      ],
      from: { type: "custom_sql", sql, alias: "custom_query" },
    },
  }),
  describe: () => "Eigen SQL-controle (door de gebruiker geschreven, niet door livinglab gecontroleerd).",
});
