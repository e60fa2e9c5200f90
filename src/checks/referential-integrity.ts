import { z } from "zod";
import { and, bin, col, isNotNull, lit } from "../sql/expr.js";
import { amongRows, type CheckContext, defineCheck, type ParamProblem } from "./check-definition.js";
import { type Comparison, compareColumns, isMistake, type TypeMistake } from "./typed-value.js";

export const referentialIntegrity = defineCheck({
  dimension: "consistentie",
  name: "verwijzing bestaat",
  summary: "Elke verwijzing naar een andere tabel bestaat daar ook.",
  example: {
    id: "zaken-verdachte-bestaat",
    table: "zaken",
    columns: ["verdachte_id"],
    references: { table: "verdachten", columns: ["verdachte_id"] },
  },
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
  validate: ({ columns, references }, { typeOf }) =>
    pairs(columns, references, typeOf).flatMap((sides, i): ParamProblem[] =>
      isMistake(sides) ? [{ path: ["references", "columns", i], ...sides }] : [],
    ),
  // A row refers to nothing when no row of the other table has its values (an anti join, which
  // engines plan as one hash join); empty references are left to not_null.
  measure: ({ columns, references }, { table, key, scope, typeOf }) => ({
    type: "keys",
    unit: "share",
    lookup: {
      table: references.table,
      on: (pairs(columns, references, typeOf, false) as Comparison[]).map((s) => ({ row: s.left, other: s.right })),
      rows: "missing",
      aggregates: {},
      failing: () => and(...columns.map((c) => isNotNull(col(c)))),
    },
    select: {
      items: [
        { expr: key, alias: "k" },
        { expr: lit(1), alias: "n" },
      ],
      from: { type: "table", name: table, alias: "child" },
      joins: [
        {
          kind: "anti",
          from: { type: "table", name: references.table, alias: "parent" },
          on: and(...(pairs(columns, references, typeOf) as Comparison[]).map((s) => bin("=", s.right, s.left))),
        },
      ],
      where: and(scope, ...columns.map((c) => isNotNull(col(c, "child")))),
    },
  }),
  describe: ({ columns, references }) =>
    `Elke waarde van ${columns.join(", ")} bestaat in ${references.table} (${references.columns.join(", ")}).`,
  finding: ({ columns, references }, found) =>
    `${amongRows(found)} bestaat ${columns.join(", ")} niet in ${references.table}`,
});

/** Each referring column beside the column it refers to, compared in their types. */
function pairs(
  columns: readonly string[],
  references: { table: string; columns: readonly string[] },
  typeOf: CheckContext["typeOf"],
  qualified = true,
): Array<Comparison | TypeMistake> {
  return columns.map((c, i) => {
    const other = references.columns[i] ?? c;
    return compareColumns(
      { expr: col(c, qualified ? "child" : undefined), name: c, category: typeOf(c) },
      {
        expr: col(other, qualified ? "parent" : undefined),
        name: `${references.table}.${other}`,
        category: typeOf(other, references.table),
      },
    );
  });
}
