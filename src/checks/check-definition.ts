import type { z } from "zod";
import type { ColumnInfo } from "../engines/engine.js";
import { and, type Expr, isNotNull, type Select } from "../sql/expr.js";
import type { MetricUnit } from "./metric-unit.js";

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

/** The columns of every dataset of a suite, as the engine reports them before any row is read. */
export type DatasetColumns = ReadonlyMap<string, readonly ColumnInfo[]>;

/** A mistake in a check's parameters, found before any data is read; `path` points inside the check. */
export interface ParamProblem {
  path: ReadonlyArray<string | number>;
  code: string;
  message: string;
  hint: string;
}

/** What a check may know of where it runs, given by the planner. */
export interface CheckContext {
  /** The check's table (a dataset name). */
  table: string;
  /** The names of the suite's datasets. */
  datasets: readonly string[];
  /** The kind of values in a column of the check's table, or of another dataset. */
  typeOf(column: string, table?: string): ColumnInfo["category"];
  /** The key of the check's table as one text value (composite keys joined with `|`). */
  key: Expr;
  /** The same for another dataset, optionally qualified with a table alias. */
  keyOf(dataset: string, qualifier?: string): Expr;
  /** The check's filter; rows outside it are not looked at. */
  scope?: Expr;
  /** The date "now" means for this run (YYYY-MM-DD), so results never depend on the clock. */
  referenceDate: string;
  /** A name for a value the check adds to its query, which no column of the lab's data can have. */
  internal(name: string): string;
}

/** The verdict of a check whose metric is not a count of failing rows. */
export interface Judgement {
  metric: number | null;
  failing: boolean;
  /** Why the check could not be evaluated; set only then. */
  notEvaluated?: string;
}

/**
 * How a check measures. This is the planner's vocabulary, not a list of kinds: every
 * kind says which measure it needs, and the planner batches measures per table.
 * Every measure says the unit of the metric it gives (see `metric-unit.ts`):
 * - rows: a condition that marks a failing row; batched into one scan of the table. The
 *   metric is the share of rows in scope that fail. Values the condition reads more than once
 *   (a regex extraction) go in `locals`, computed once per row and read with `local(name)`.
 * - keys: a query listing failing keys as `k`, each standing for `n` rows; the metric is the
 *   share of rows in scope that fail. A keys measure that looks each row up in another dataset
 *   says so in `lookup` too: the planner may then answer several such checks with one join.
 * - groups: the rate of an event per group against the whole; the metric is the largest
 *   ratio of a judged group's rate to the whole's.
 * - table_value: one aggregate over the table, judged by the kind, in the unit the kind says.
 * - drift: another check's metric against earlier runs of the suite in the run log; the
 *   metric is the size of the change, in the change unit of the other check's unit.
 */
export type Measure =
  | { type: "rows"; unit: "share"; failing: Expr; locals?: Record<string, Expr> }
  | { type: "keys"; unit: "share"; select: Select; lookup?: Lookup }
  | { type: "groups"; unit: "ratio"; group: Expr; event: Expr; minSize: number; maxRatio: number }
  | {
      type: "table_value";
      unit: MetricUnit;
      value: Expr;
      threshold: Record<string, number>;
      judge(value: number | null): Judgement;
    }
  | {
      type: "drift";
      unit: "change";
      metricOf: string;
      threshold: Record<string, number>;
      judge(current: number | null, earlier: number[]): Judgement;
    };

/**
 * A keys measure whose rows fail by what another dataset holds for their key: none (a reference
 * to nothing), or values that make the row implausible (an age from the birth year). It means
 * the same rows as the measure's own `select`; checks of one table that look up the same dataset
 * on the same columns are then measured in one pass: the table joined once to the other's rows
 * grouped by those columns (see `merge-lookups.ts`).
 */
export interface Lookup {
  /** The dataset looked in. */
  table: string;
  /** Pairs of this table's value (its own columns, unqualified) and the other dataset's (its columns). */
  on: ReadonlyArray<{ row: Expr; other: Expr }>;
  /** Which rows can fail: those whose key the other dataset has, or those whose key it lacks. */
  rows: "found" | "missing";
  /** Per key of the other dataset: aggregates over its rows with that key, by name. */
  aggregates: Readonly<Record<string, Expr>>;
  /**
   * When such a row fails, over this table's columns (unqualified, or qualified `row`) and the
   * aggregates by name; undefined: always.
   */
  failing(aggregate: (name: string) => Expr): Expr | undefined;
}

/**
 * The rows of a lookup's dataset grouped by its key: each key's values (never NULL) and the
 * aggregates over its rows, under the aliases given. A check's own join to them and the one join
 * of several checks (see `merge-lookups.ts`) read the same grouping.
 */
export function lookupRows(
  lookup: Pick<Lookup, "table" | "on">,
  onAlias: (i: number) => string,
  aggregates: ReadonlyArray<{ expr: Expr; alias: string }>,
): Select {
  return {
    items: [...lookup.on.map((pair, i) => ({ expr: pair.other, alias: onAlias(i) })), ...aggregates],
    from: { type: "table", name: lookup.table },
    where: and(...lookup.on.map((pair) => isNotNull(pair.other))),
    groupBy: lookup.on.map((pair) => pair.other),
  };
}

/** What a check found, for its sentence in words. */
export interface Found {
  /** The metric in its unit as a business owner may see it ("62,0%", "een klein deel", "3,5 keer"). */
  amount: string;
  /** The check's table. */
  table: string;
  /** True when a filter limits the rows the check looks at. */
  filtered: boolean;
}

/** "bij 62,0% van de rijen in zaken": the start of a finding about a share of rows. */
export function amongRows(found: Found): string {
  return `bij ${found.amount} van de ${found.filtered ? "gefilterde " : ""}rijen in ${found.table}`;
}

/** A column a check reads, on its own table unless `table` says otherwise. */
export interface ColumnUse {
  table?: string;
  column: string;
}

type Params<S extends z.ZodRawShape> = z.infer<z.ZodObject<S>>;

/** Words for the other checks of the suite, for a check that names one (see `suiteWords`). */
export interface CheckWords {
  /** Another check's Dutch description, without its full stop; undefined for an id the suite does not have. */
  descriptionOf(id: string): string | undefined;
  /**
   * A change in another check's metric, in Dutch in the change unit of that metric ("1 procentpunt"
   * for 0.01 of a share); undefined for an id whose unit is not known.
   */
  changeOf(id: string, amount: number): string | undefined;
}

interface TypedCheckDefinition<S extends z.ZodRawShape> {
  dimension: Dimension;
  /** The kind in a few Dutch words, as the CLI and the site name it: "verplicht veld" for `not_null`. */
  name: string;
  /** What the kind checks, in one Dutch sentence, for the reference (`livinglab kinds`). */
  summary: string;
  /** A worked example as a suite writes it (without `kind`), for the reference; tested to be a valid check. */
  example: { id: string; table: string } & Record<string, unknown>;
  /** The kind's own parameters, beside the common ones (id, table, severity, threshold, filter). */
  params: S;
  /** True for the custom SQL check: its SQL is the user's, not compiled by livinglab. */
  custom?: boolean;
  /** The columns it reads, so a missing one gives "not evaluated" instead of a tool error. */
  columns(params: Params<S>): ColumnUse[];
  /** Ids of other checks in the suite whose results it reads. */
  checksRead?(params: Params<S>): string[];
  /**
   * Mistakes that show before any data is read: a value that does not fit its column's type,
   * SQL that is not one read-only SELECT. The run stops on them; `measure` may assume none.
   */
  validate?(params: Params<S>, context: CheckContext): ParamProblem[] | Promise<ParamProblem[]>;
  measure(params: Params<S>, context: CheckContext): Measure;
  /** One Dutch sentence a business owner understands: what the check expects. */
  describe(params: Params<S>, words?: CheckWords): string;
  /**
   * What a reader of the technical appendix needs beside the sentence (a raw pattern), never
   * shown in the sentence itself; absent when the sentence says it all.
   */
  technical?(params: Params<S>): string;
  /**
   * What the check found, in Dutch without a capital or full stop, so that it reads after
   * "het slechtst:": "bij 62,0% van de rijen in zaken ontbreekt afdoening".
   */
  finding(params: Params<S>, found: Found, words?: CheckWords): string;
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
