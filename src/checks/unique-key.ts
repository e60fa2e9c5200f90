import { z } from "zod";
import { quoteIdentifier } from "../sql/quote.js";
import { defineCheck } from "./check-definition.js";

export const uniqueKey = defineCheck({
  dimension: "consistentie",
  params: { columns: z.array(z.string().min(1)).min(1) },
  // Counts the surplus copies: a key seen three times adds two.
  failingCountSql: ({ columns }) => `count(*) - count(DISTINCT (${columns.map(quoteIdentifier).join(", ")}))`,
  describe: ({ columns }) => `Elke combinatie van ${columns.join(", ")} komt maar één keer voor.`,
});
