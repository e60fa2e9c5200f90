import { z } from "zod";
import { and, bin, col, countRows, isNotNull, lit } from "../sql/expr.js";
import { amongRows, defineCheck } from "./check-definition.js";
import { textKey } from "./text-key.js";

export const uniqueKey = defineCheck({
  dimension: "consistentie",
  name: "unieke sleutel",
  summary: "Een sleutel (ook uit meer kolommen) komt maar één keer voor.",
  example: { id: "verdachten-id-uniek", table: "verdachten", columns: ["verdachte_id"] },
  params: { columns: z.array(z.string().min(1)).min(1) },
  columns: ({ columns }) => columns.map((column) => ({ column })),
  // Every copy of a repeated key fails, so both rows of a duplicate are found.
  measure: ({ columns }, { table, scope }) => ({
    type: "keys",
    unit: "share",
    select: {
      items: [
        { expr: textKey(columns), alias: "k" },
        { expr: countRows(), alias: "n" },
      ],
      from: { type: "table", name: table },
      where: and(scope, ...columns.map((c) => isNotNull(col(c)))),
      groupBy: columns.map((c) => col(c)),
      having: bin(">", countRows(), lit(1)),
    },
  }),
  describe: ({ columns }) => `Elke combinatie van ${columns.join(", ")} komt maar één keer voor.`,
  finding: ({ columns }, found) => `${amongRows(found)} komt ${columns.join(", ")} vaker dan één keer voor`,
});
