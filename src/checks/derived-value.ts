import { z } from "zod";
import { and, bin, call, col, definitely, exists, lit, or } from "../sql/expr.js";
import { amongRows, defineCheck, type ParamProblem } from "./check-definition.js";
import { compareColumns, isMistake, requireCategory } from "./typed-value.js";

/** Values a check can derive; each is a formula over named columns. */
const derivations = {
  /** Age in whole years: the year of `date` minus `birth_year`. */
  leeftijd: (birthYear: ReturnType<typeof col>, date: ReturnType<typeof col>) =>
    bin("-", call("year", date), birthYear),
} as const;

export const derivedValue = defineCheck({
  dimension: "plausibiliteit",
  params: {
    derive: z.enum(Object.keys(derivations) as [keyof typeof derivations]),
    birth_year: z.string().min(1),
    date: z.string().min(1),
    /** When `birth_year` lives in another dataset: that dataset and the column both share. */
    lookup: z.strictObject({ table: z.string().min(1), on: z.string().min(1) }).optional(),
    min: z.number(),
    max: z.number(),
  },
  columns: ({ birth_year, date, lookup }) =>
    lookup
      ? [
          { column: date },
          { column: lookup.on },
          { table: lookup.table, column: birth_year },
          { table: lookup.table, column: lookup.on },
        ]
      : [{ column: date }, { column: birth_year }],
  validate: ({ birth_year, date, lookup }, { typeOf }) => {
    const problems: ParamProblem[] = [];
    const year = requireCategory(
      birth_year,
      typeOf(birth_year, lookup?.table),
      ["number"],
      "een leeftijd (derived_value)",
    );
    if (year) problems.push({ path: ["birth_year"], ...year });
    const day = requireCategory(date, typeOf(date), ["date"], "een leeftijd (derived_value)");
    if (day) problems.push({ path: ["date"], ...day });
    if (lookup) {
      const sides = compareColumns(
        { expr: col(lookup.on), name: lookup.on, category: typeOf(lookup.on) },
        { expr: col(lookup.on), name: `${lookup.table}.${lookup.on}`, category: typeOf(lookup.on, lookup.table) },
      );
      if (isMistake(sides)) problems.push({ path: ["lookup", "on"], ...sides });
    }
    return problems;
  },
  measure: ({ derive, birth_year, date, lookup, min, max }, { table, key, scope }) => {
    const other = lookup ? "other" : "row";
    const value = derivations[derive](col(birth_year, other), col(date, "row"));
    const implausible = or(definitely(bin("<", value, lit(min))), definitely(bin(">", value, lit(max))));
    const where = lookup
      ? exists({
          items: [{ expr: lit(1), alias: "found" }],
          from: { type: "table", name: lookup.table, alias: "other" },
          where: and(bin("=", col(lookup.on, "other"), col(lookup.on, "row")), implausible),
        })
      : implausible;
    return {
      type: "keys",
      unit: "share",
      select: {
        items: [
          { expr: key, alias: "k" },
          { expr: lit(1), alias: "n" },
        ],
        from: { type: "table", name: table, alias: "row" },
        where: and(scope, where),
      },
    };
  },
  describe: ({ derive, min, max }) => `De afgeleide ${derive} ligt tussen ${min} en ${max}.`,
  finding: ({ derive, min, max }, found) => `${amongRows(found)} ligt de ${derive} niet tussen ${min} en ${max}`,
});
