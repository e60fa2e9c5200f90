import { z } from "zod";
import { dateLit, type Expr } from "../sql/expr.js";
import { isoDateSchema } from "../yaml/iso-date.js";
import { valueExpr } from "./condition.js";

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

/**
 * The value a column must stay below (exclusive) to respect an upper bound. For dates this is
 * the next day, so a timestamp on the last allowed day is still inside.
 */
export function upperLimit(bound: Bound, referenceDate: string): { expr: Expr; inclusive: boolean } {
  const date = boundDate(bound, referenceDate);
  return date === undefined
    ? { expr: valueExpr(bound as number), inclusive: true }
    : { expr: dateLit(addDays(date, 1)), inclusive: false };
}

/** The smallest allowed value for a lower bound (inclusive). */
export function lowerLimit(bound: Bound, referenceDate: string): Expr {
  const date = boundDate(bound, referenceDate);
  return date === undefined ? valueExpr(bound as number) : dateLit(date);
}

/** A bound in words. */
export function describeBound(bound: Bound): string {
  if (typeof bound !== "object") return String(bound);
  const days = bound.days_from_reference;
  if (days === 0) return "de peildatum";
  return `${Math.abs(days)} dagen ${days < 0 ? "vóór" : "na"} de peildatum`;
}
