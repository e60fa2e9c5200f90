import { z } from "zod";
import { and, bin, call, col, definitely, type Expr, lit, or } from "../sql/expr.js";
import { amongRows, defineCheck, type Lookup, lookupRows, type ParamProblem } from "./check-definition.js";
import { compareColumns, isMistake, requireCategory } from "./typed-value.js";

/**
 * Values a check can derive; each is a formula over named columns, and says which bound of the
 * looked-up column gives its lowest value (an age is lowest for the latest birth year), so that a
 * lookup joins each row to the bounds of its key instead of to every matching row.
 */
const derivations = {
  /** Age in whole years: the year of `date` minus `birth_year`. */
  leeftijd: {
    value: (birthYear: Expr, date: Expr) => bin("-", call("year", date), birthYear),
    lowestAt: "max",
  },
} as const satisfies Record<string, { value(looked: Expr, date: Expr): Expr; lowestAt: "min" | "max" }>;

export const derivedValue = defineCheck({
  dimension: "plausibiliteit",
  name: "afgeleide waarde",
  summary: "Een afgeleide waarde, zoals de leeftijd op de pleegdatum, is aannemelijk.",
  example: {
    id: "zaken-leeftijd-plausibel",
    table: "zaken",
    derive: "leeftijd",
    birth_year: "geboortejaar",
    date: "pleegdatum",
    lookup: { table: "verdachten", on: "verdachte_id" },
    min: 12,
    max: 100,
  },
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
  // Implausible where the lowest value is below `min` or the highest above `max`: with a lookup,
  // the lowest and highest over the key's rows of the other dataset (as if each were tried).
  measure: ({ derive, birth_year, date, lookup, min, max }, { table, key, scope, internal }) => {
    const derivation = derivations[derive];
    // Implausible, given the birth year's lowest and highest value for the row (one value without a lookup).
    const implausible = (looked: (bound: "min" | "max") => Expr) =>
      or(
        definitely(bin("<", derivation.value(looked(derivation.lowestAt), col(date, "row")), lit(min))),
        definitely(
          bin(">", derivation.value(looked(derivation.lowestAt === "max" ? "min" : "max"), col(date, "row")), lit(max)),
        ),
      );
    const aggregates: Record<"min" | "max", Expr> = {
      min: { type: "aggregate", fn: "min", expr: col(birth_year) },
      max: { type: "aggregate", fn: "max", expr: col(birth_year) },
    };
    const looked: Lookup | undefined = lookup && {
      table: lookup.table,
      on: [{ row: col(lookup.on), other: col(lookup.on) }],
      rows: "found",
      aggregates,
      failing: implausible,
    };
    const bounds =
      looked &&
      lookupRows(
        looked,
        () => internal("on"),
        Object.entries(aggregates).map(([name, expr]) => ({ expr, alias: internal(name) })),
      );
    return {
      type: "keys",
      unit: "share",
      ...(looked && { lookup: looked }),
      select: {
        items: [
          { expr: key, alias: "k" },
          { expr: lit(1), alias: "n" },
        ],
        from: { type: "table", name: table, alias: "row" },
        ...(bounds &&
          lookup && {
            joins: [
              {
                kind: "inner",
                from: { type: "select", select: bounds, alias: "bounds" },
                on: bin("=", col(internal("on"), "bounds"), col(lookup.on, "row")),
              },
            ],
          }),
        where: and(
          scope,
          implausible((bound) => (bounds ? col(internal(bound), "bounds") : col(birth_year, "row"))),
        ),
      },
    };
  },
  describe: ({ derive, min, max }) => `De afgeleide ${derive} ligt tussen ${min} en ${max}.`,
  finding: ({ derive, min, max }, found) => `${amongRows(found)} ligt de ${derive} niet tussen ${min} en ${max}`,
});
