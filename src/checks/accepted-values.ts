import { z } from "zod";
import { quoteIdentifier, quoteString } from "../sql/quote.js";
import { defineCheck } from "./check-definition.js";

export const acceptedValues = defineCheck({
  dimension: "validiteit",
  params: { column: z.string().min(1), values: z.array(z.string()).min(1) },
  failingCountSql: ({ column, values }) =>
    `count(*) FILTER (WHERE ${quoteIdentifier(column)} IS NOT NULL AND ${quoteIdentifier(column)} NOT IN (${values.map(quoteString).join(", ")}))`,
  describe: ({ column, values }) => `Het veld ${column} bevat alleen toegestane codes (${values.length} codes).`,
});
