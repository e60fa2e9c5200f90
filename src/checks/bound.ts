import { z } from "zod";
import { bin, dateLit, definitely, type Expr, lit } from "../sql/expr.js";
import { isoDateSchema } from "../yaml/iso-date.js";
import type { ParamProblem } from "./check-definition.js";
import { type Category, requireCategory } from "./typed-value.js";

/** A bound of a range: a number, a date, or a number of days from the run's reference date. */
export const boundSchema = z.union([
  z.number(),
  isoDateSchema,
  z.strictObject({ days_from_reference: z.number().int() }),
]);
export type Bound = z.infer<typeof boundSchema>;

/** The date `days` after `date` (both YYYY-MM-DD), computed here so no engine does date arithmetic. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function boundDate(bound: Bound, referenceDate: string): string | undefined {
  if (typeof bound === "object") return addDays(referenceDate, bound.days_from_reference);
  return typeof bound === "string" ? bound : undefined;
}

export interface RangeTests {
  /** Conditions under which a value lies outside the range; NULL is never outside. */
  tests: Expr[];
  problems: ParamProblem[];
}

/**
 * The tests of a range in the column's type: numbers against numbers, dates against dates. An
 * upper date bound takes the whole day, so a timestamp on the last allowed day is still inside.
 */
export function outsideRange(
  column: Expr,
  name: string,
  category: Category,
  bounds: { min?: Bound | undefined; max?: Bound | undefined },
  referenceDate: string,
): RangeTests {
  const wrongColumn = requireCategory(name, category, ["number", "date"], "een bereik");
  if (wrongColumn) return { tests: [], problems: [{ path: ["column"], ...wrongColumn }] };
  const tests: Expr[] = [];
  const problems: ParamProblem[] = [];
  for (const side of ["min", "max"] as const) {
    const bound = bounds[side];
    if (bound === undefined) continue;
    const date = boundDate(bound, referenceDate);
    if ((category === "date") !== (date !== undefined)) {
      problems.push({
        path: [side],
        code: "value_type_mismatch",
        message: `De kolom ${name} bevat ${category === "date" ? "datums" : "getallen"}; de grens ${describeBound(bound)} is daar niet mee te vergelijken.`,
        hint:
          category === "date"
            ? "Schrijf een datum als JJJJ-MM-DD of { days_from_reference: n }."
            : "Schrijf een getal zonder aanhalingstekens.",
      });
      continue;
    }
    if (side === "min") {
      tests.push(definitely(bin("<", column, date === undefined ? lit(bound as number) : dateLit(date))));
    } else {
      tests.push(
        definitely(
          date === undefined ? bin(">", column, lit(bound as number)) : bin(">=", column, dateLit(addDays(date, 1))),
        ),
      );
    }
  }
  return { tests, problems };
}

/** A bound in words. */
export function describeBound(bound: Bound): string {
  if (typeof bound !== "object") return String(bound);
  const days = bound.days_from_reference;
  if (days === 0) return "de peildatum";
  return `${Math.abs(days)} dagen ${days < 0 ? "vóór" : "na"} de peildatum`;
}
