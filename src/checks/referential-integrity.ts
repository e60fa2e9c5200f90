import { z } from "zod";
import { and, bin, col, exists, isNotNull, lit } from "../sql/expr.js";
import { amongRows, defineCheck } from "./check-definition.js";

export const referentialIntegrity = defineCheck({
  dimension: "consistentie",
  params: {
    /** The referring columns of this table. */
    columns: z.array(z.string().min(1)).min(1),
    /** The dataset referred to, and its columns in the same order. */
    references: z.strictObject({ table: z.string().min(1), columns: z.array(z.string().min(1)).min(1) }),
  },
  columns: ({ columns, references }) => [
    ...columns.map((column) => ({ column })),
    ...references.columns.map((column) => ({ table: references.table, column })),
  ],
  // A row refers to nothing when no row of the other table has its values; empty references are left to not_null.
  measure: ({ columns, references }, { table, key, scope }) => ({
    type: "keys",
    unit: "share",
    select: {
      items: [
        { expr: key, alias: "k" },
        { expr: lit(1), alias: "n" },
      ],
      from: { type: "table", name: table, alias: "child" },
      where: and(
        scope,
        ...columns.map((c) => isNotNull(col(c, "child"))),
        exists(
          {
            items: [{ expr: lit(1), alias: "found" }],
            from: { type: "table", name: references.table, alias: "parent" },
            where: and(...columns.map((c, i) => bin("=", col(references.columns[i] ?? c, "parent"), col(c, "child")))),
          },
          true,
        ),
      ),
    },
  }),
  describe: ({ columns, references }) =>
    `Elke waarde van ${columns.join(", ")} bestaat in ${references.table} (${references.columns.join(", ")}).`,
  finding: ({ columns, references }, found) =>
    `${amongRows(found)} bestaat ${columns.join(", ")} niet in ${references.table}`,
});
