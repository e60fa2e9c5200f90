import { z } from "zod";
import { quoteIdentifier } from "../sql/quote.js";
import { defineCheck } from "./check-definition.js";

export const notNull = defineCheck({
  dimension: "compleetheid",
  params: { column: z.string().min(1) },
  failingCountSql: ({ column }) => `count(*) FILTER (WHERE ${quoteIdentifier(column)} IS NULL)`,
  describe: ({ column }) => `Het veld ${column} is altijd ingevuld.`,
});
