import type { z } from "zod";

/** The NORA quality dimensions every check rolls up into. */
export const dimensions = [
  "juistheid",
  "compleetheid",
  "validiteit",
  "consistentie",
  "actualiteit",
  "precisie",
  "plausibiliteit",
  "traceerbaarheid",
  "begrijpelijkheid",
] as const;
export type Dimension = (typeof dimensions)[number];

type Params<S extends z.ZodRawShape> = z.infer<z.ZodObject<S>>;

interface TypedCheckDefinition<S extends z.ZodRawShape> {
  dimension: Dimension;
  /** The kind's own parameters, beside the common ones (id, table, severity, threshold). */
  params: S;
  /** A SQL aggregate over the check's table that counts the failing rows. */
  failingCountSql(params: Params<S>): string;
  /** One Dutch sentence a business owner understands. */
  describe(params: Params<S>): string;
}

/** What the planner, runner and report know of a check kind; they never switch on the kind. */
export type CheckDefinition = TypedCheckDefinition<z.ZodRawShape>;

/**
 * Declares a check kind. The suite schema is built from `params`, so the functions only
 * ever receive parameters that passed it; that is what makes the widening safe.
 */
export function defineCheck<S extends z.ZodRawShape>(definition: TypedCheckDefinition<S>): CheckDefinition {
  return definition as unknown as CheckDefinition;
}
