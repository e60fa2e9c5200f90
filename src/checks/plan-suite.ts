import type { Dialect } from "../sql/dialect.js";
import { renderSelect } from "../sql/dialect.js";
import { and, col, countRows, type Expr, type Select } from "../sql/expr.js";
import type { CheckContext, DatasetColumns, Measure } from "./check-definition.js";
import { checkRegistry } from "./check-registry.js";
import { compileCondition } from "./condition.js";
import { internalPrefix } from "./internal-names.js";
import type { LoadedSuite } from "./load-suite.js";
import { type Counted, changeIn, type MetricUnit } from "./metric-unit.js";
import type { Check } from "./suite-schema.js";
import { textKey } from "./text-key.js";

/** How many failing keys a result shows. */
export const SAMPLE_SIZE = 5;

/** One check as the runner sees it: its measure, and the column names of its scan output. */
export interface PlannedCheck {
  check: Check;
  measure: Measure;
  context: CheckContext;
  /** Aliases in the table scan: rows in scope, failing rows, sample, table value. */
  scopeAlias?: string;
  failingAlias?: string;
  sampleAlias?: string;
  valueAlias?: string;
}

/** One scan of a table computes the row-level metrics of a batch of its checks. */
export interface TableScan {
  table: string;
  select: Select;
  checks: PlannedCheck[];
  /** The alias of the table's row count in this scan. */
  countAlias: string;
}

export interface SuitePlan {
  scans: TableScan[];
  checks: PlannedCheck[];
}

/** What the planner needs besides the suite: the date "today" means, the columns, the engine's limits. */
export interface PlanContext {
  referenceDate: string;
  /** The columns of every dataset, with their types, as the engine reports them. */
  columns: DatasetColumns;
  /** The most checks one scan of a table with this many columns may hold; the engine knows. */
  scanCapacity?(columnCount: number): number;
}

/** Makes the context a check compiles in: its table's key and columns, its filter, the reference date. */
export function contextOf(check: Check, loaded: LoadedSuite, plan: PlanContext): CheckContext {
  const keyColumns = (dataset: string) => loaded.datasets.find((d) => d.name === dataset)?.key ?? [];
  const typeOf = (column: string, table = check.table) =>
    plan.columns.get(table)?.find((c) => c.name === column)?.category ?? "other";
  return {
    table: check.table,
    datasets: loaded.datasets.map((d) => d.name),
    typeOf,
    key: textKey(keyColumns(check.table)),
    keyOf: (dataset, qualifier) => textKey(keyColumns(dataset), qualifier),
    // Problems in the filter are reported by `suiteProblems` before anything runs.
    ...(check.filter !== undefined && { scope: compileCondition(check.filter, (column) => typeOf(column)).expr }),
    referenceDate: plan.referenceDate,
  };
}

/** What a measure's failing and in-scope numbers count; a table value (a row count) is its own metric. */
const countedBy = {
  rows: "rows",
  keys: "rows",
  groups: "groups",
  table_value: "nothing",
  drift: "nothing",
} as const satisfies Record<Measure["type"], Counted>;

/** What a check's metric means: its unit, and what its counts count. */
export interface MetricMeaning {
  unit: MetricUnit;
  counted: Counted;
}

/**
 * The meaning of every check's metric in a suite, from its measure; a drift's unit is the
 * change unit of the check it follows. Known before any data is read, and before the columns
 * are: a unit does not depend on a column's type.
 * @example metricMeanings(suite, "2026-06-30").get("zaken-aantal-rijen") // { unit: "count", counted: "rows" }
 */
export function metricMeanings(loaded: LoadedSuite, referenceDate: string): Map<string, MetricMeaning> {
  const plan: PlanContext = { referenceDate, columns: new Map() };
  const measures = new Map(
    loaded.suite.checks.map((check) => [
      check.id,
      checkRegistry[check.kind].measure(check, contextOf(check, loaded, plan)),
    ]),
  );
  const meanings = new Map<string, MetricMeaning>();
  const meaningOf = (id: string, path: readonly string[]): MetricMeaning => {
    const known = meanings.get(id);
    if (known) return known;
    const measure = measures.get(id);
    // loadSuite refuses a check that reads an unknown check or itself, so neither happens here.
    if (!measure || path.includes(id)) throw new Error(`the unit of check '${id}' cannot be resolved`);
    const unit = measure.unit === "change" ? changeIn(meaningOf(measure.metricOf, [...path, id]).unit) : measure.unit;
    const meaning = { unit, counted: countedBy[measure.type] };
    meanings.set(id, meaning);
    return meaning;
  };
  for (const id of measures.keys()) meaningOf(id, []);
  return meanings;
}

/**
 * Plans a suite: the row-level metrics of each table go into as few scans as the engine's limit
 * allows (one, for any suite a person writes); other measures get their own query.
 */
export function planSuite(loaded: LoadedSuite, checks: readonly Check[], plan: PlanContext): SuitePlan {
  const planned = checks.map((check) => {
    const context = contextOf(check, loaded, plan);
    return { check, context, measure: checkRegistry[check.kind].measure(check, context) } as PlannedCheck;
  });
  const prefix = internalPrefix(plan.columns);
  const scans: TableScan[] = [];
  for (const table of new Set(checks.map((c) => c.table))) {
    const columnCount = plan.columns.get(table)?.length ?? 0;
    const capacity = Math.max(1, Math.floor(plan.scanCapacity?.(columnCount) ?? Number.POSITIVE_INFINITY));
    for (const batch of batches(
      planned.filter((p) => p.check.table === table),
      capacity,
    )) {
      scans.push(scanOf(table, loaded, batch, prefix));
    }
  }
  return { scans, checks: planned };
}

/** Whether a check adds anything to its table's scan beyond the row count. */
function weighs(planned: PlannedCheck): boolean {
  return (
    planned.context.scope !== undefined || planned.measure.type === "rows" || planned.measure.type === "table_value"
  );
}

/** Consecutive batches of at most `capacity` checks that weigh; a table always gets one scan, for its row count. */
function batches(checks: PlannedCheck[], capacity: number): PlannedCheck[][] {
  const out: PlannedCheck[][] = [[]];
  let weight = 0;
  for (const planned of checks) {
    if (weighs(planned)) {
      if (weight === capacity) {
        out.push([]);
        weight = 0;
      }
      weight++;
    }
    (out.at(-1) as PlannedCheck[]).push(planned);
  }
  return out;
}

/**
 * One scan: an inner projection computes each condition once per row, the outer aggregates count
 * and sample them. Every name it adds starts with `prefix`, which no column of the lab's data starts with.
 */
function scanOf(table: string, loaded: LoadedSuite, checks: PlannedCheck[], prefix: string): TableScan {
  const key = textKey(loaded.datasets.find((d) => d.name === table)?.key ?? []);
  const rowKey = `${prefix}key`;
  const countAlias = `${prefix}rows`;
  const inner: Select = {
    items: [{ expr: { type: "star" } }, { expr: key, alias: rowKey }],
    from: { type: "table", name: table },
  };
  const outer: Select = {
    items: [{ expr: countRows(), alias: countAlias }],
    from: { type: "select", select: inner, alias: `${prefix}scan` },
  };
  // Inner names (per row) and outer names (per scan) differ, so no alias can be read for a column.
  checks.forEach((planned, i) => {
    const { scope } = planned.context;
    if (scope) {
      const inScope = col(`${prefix}s${i}`);
      planned.scopeAlias = `${prefix}in_scope${i}`;
      inner.items.push({ expr: scope, alias: `${prefix}s${i}` });
      outer.items.push({ expr: countRows(inScope), alias: planned.scopeAlias });
    }
    const { measure } = planned;
    if (measure.type === "rows") {
      // The condition is computed once per row in the inner projection; count and sample read it.
      const flag = col(`${prefix}f${i}`);
      planned.failingAlias = `${prefix}failing${i}`;
      planned.sampleAlias = `${prefix}sample${i}`;
      inner.items.push({ expr: and(scope, measure.failing), alias: `${prefix}f${i}` });
      outer.items.push({ expr: countRows(flag), alias: planned.failingAlias });
      outer.items.push({
        expr: { type: "smallest", expr: col(rowKey), n: SAMPLE_SIZE, filter: flag },
        alias: planned.sampleAlias,
      });
    } else if (measure.type === "table_value") {
      planned.valueAlias = `${prefix}value${i}`;
      outer.items.push({ expr: measure.value, alias: planned.valueAlias });
    }
  });
  return { table, select: outer, checks, countAlias };
}

/** The query that counts and samples the failing keys of a `keys` measure. */
export function keysQuery(select: Select): Select {
  return {
    items: [
      {
        expr: {
          type: "call",
          fn: "coalesce",
          args: [
            { type: "sum", expr: col("n") },
            { type: "literal", value: 0 },
          ],
        },
        alias: "failing",
      },
      { expr: { type: "smallest", expr: col("k"), n: SAMPLE_SIZE }, alias: "sample" },
    ],
    from: { type: "select", select, alias: "failing_rows" },
  };
}

/** The query that counts an event per group, for a `groups` measure. */
export function groupsQuery(table: string, group: Expr, event: Expr, scope: Expr | undefined): Select {
  return {
    items: [
      { expr: group, alias: "g" },
      { expr: countRows(), alias: "n" },
      { expr: countRows(event), alias: "e" },
    ],
    from: { type: "table", name: table },
    where: and(scope, { type: "is_null", expr: group, negated: true }),
    groupBy: [group],
  };
}

/** Every key a check flags, for the exam: no sample limit. */
export function flaggedKeysQuery(planned: PlannedCheck): Select | undefined {
  const { measure, context } = planned;
  if (measure.type === "rows") {
    return {
      distinct: true,
      items: [{ expr: context.key, alias: "k" }],
      from: { type: "table", name: context.table },
      where: and(context.scope, measure.failing),
    };
  }
  if (measure.type === "keys") {
    return {
      distinct: true,
      items: [{ expr: col("k"), alias: "k" }],
      from: { type: "select", select: measure.select, alias: "failing_rows" },
    };
  }
  return undefined;
}

/**
 * The SQL one check adds, in a dialect: its part of the table scan, or its own query.
 * @example compileCheck(suite, suite.suite.checks[0], postgresDialect, { referenceDate: "2026-06-30", columns })
 */
export function compileCheck(loaded: LoadedSuite, check: Check, dialect: Dialect, plan: PlanContext): string {
  const { scans, checks } = planSuite(loaded, [check], plan);
  const planned = checks[0] as PlannedCheck;
  const { measure } = planned;
  const scan = scans[0] as TableScan;
  if (measure.type === "keys") return renderSelect(keysQuery(measure.select), dialect);
  if (measure.type === "groups")
    return renderSelect(groupsQuery(check.table, measure.group, measure.event, planned.context.scope), dialect);
  return renderSelect(scan.select, dialect);
}
