import { z } from "zod";
import { and, call, col, type Expr, inList, isNotNull } from "../sql/expr.js";
import { amongRows, defineCheck, type ParamProblem } from "./check-definition.js";
import { type Category, type Comparison, compareWithValue, isMistake, type TypeMistake } from "./typed-value.js";

type Value = string | number;

export const acceptedValues = defineCheck({
  dimension: "validiteit",
  name: "codelijst",
  summary: "De waarde komt uit een vaste lijst (een codelijst).",
  example: { id: "verdachten-geslacht-geldig", table: "verdachten", column: "geslacht", values: ["M", "V", "X", "O"] },
  params: {
    column: z.string().min(1),
    values: z.array(z.union([z.string(), z.number()])).min(1),
    /** With false, `Dagvaarding` counts as `dagvaarding` (text only). */
    case_sensitive: z.boolean().default(true),
    /** With false, spaces around a value are ignored (text only). */
    space_sensitive: z.boolean().default(true),
  },
  columns: ({ column }) => [{ column }],
  validate: ({ column, values }, { typeOf }) =>
    comparisons(column, values, typeOf(column)).flatMap((c, i): ParamProblem[] =>
      isMistake(c) ? [{ path: ["values", i], ...c }] : [],
    ),
  // Values compare in the column's type: 1 and 2.5 against a DOUBLE column accept 1.0, text against text.
  measure: ({ column, values, case_sensitive, space_sensitive }, { typeOf }) => {
    const sides = comparisons(column, values, typeOf(column)) as Comparison[];
    const textual = typeOf(column) === "text" || typeOf(column) === "other";
    const normalize = (e: Expr): Expr => {
      if (!textual) return e;
      const trimmed = space_sensitive ? e : call("trim", e);
      return case_sensitive ? trimmed : call("lower", trimmed);
    };
    const value = normalize(sides[0]?.left ?? col(column));
    return {
      type: "rows",
      unit: "share",
      failing: and(
        isNotNull(col(column)),
        inList(
          value,
          sides.map((s) => normalize(s.right)),
          true,
        ),
      ),
    };
  },
  describe: ({ column, values }) => `Het veld ${column} bevat alleen toegestane codes (${values.length} codes).`,
  finding: ({ column }, found) => `${amongRows(found)} staat in ${column} een code die niet is toegestaan`,
});

function comparisons(column: string, values: readonly Value[], category: Category): Array<Comparison | TypeMistake> {
  return values.map((v) => compareWithValue(col(column), column, category, v));
}
