import type { Dialect } from "../sql/dialect.js";
import { renderSelect } from "../sql/dialect.js";
import { and, col, countRows, type Expr, type Select } from "../sql/expr.js";
import type { CheckContext, Measure } from "./check-definition.js";
import { checkRegistry } from "./check-registry.js";
import { exprFromCondition } from "./condition.js";
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

/** One scan per table computes every row-level metric of that table. */
export interface TableScan {
  table: string;
  select: Select;
  checks: PlannedCheck[];
}

export interface SuitePlan {
  scans: TableScan[];
  checks: PlannedCheck[];
}

const ROW_KEY = "__livinglab_key";

/** Makes the context a check compiles in: its table's key, its filter, the reference date. */
export function contextOf(check: Check, loaded: LoadedSuite, referenceDate: string): CheckContext {
  const keyColumns = (dataset: string) => loaded.datasets.find((d) => d.name === dataset)?.key ?? [];
  return {
    table: check.table,
    key: textKey(keyColumns(check.table)),
    keyOf: (dataset, qualifier) => textKey(keyColumns(dataset), qualifier),
    ...(check.filter !== undefined && { scope: exprFromCondition(check.filter) }),
    referenceDate,
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
 * change unit of the check it follows. Known before any data is read.
 * @example metricMeanings(suite, "2026-06-30").get("zaken-aantal-rijen") // { unit: "count", counted: "rows" }
 */
export function metricMeanings(loaded: LoadedSuite, referenceDate: string): Map<string, MetricMeaning> {
  const measures = new Map(
    loaded.suite.checks.map((check) => [
      check.id,
      checkRegistry[check.kind].measure(check, contextOf(check, loaded, referenceDate)),
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

/** Plans a suite: batches the metrics of each table into one scan, other measures get their own query. */
export function planSuite(loaded: LoadedSuite, checks: readonly Check[], referenceDate: string): SuitePlan {
  const planned = checks.map((check) => {
    const context = contextOf(check, loaded, referenceDate);
    return { check, context, measure: checkRegistry[check.kind].measure(check, context) } as PlannedCheck;
  });
  const tables = [...new Set(checks.map((c) => c.table))];
  const scans = tables.map((table) =>
    scanOf(
      table,
      loaded,
      planned.filter((p) => p.check.table === table),
    ),
  );
  return { scans, checks: planned };
}

function scanOf(table: string, loaded: LoadedSuite, checks: PlannedCheck[]): TableScan {
  const key = textKey(loaded.datasets.find((d) => d.name === table)?.key ?? []);
  const inner: Select = {
    items: [{ expr: { type: "star" } }, { expr: key, alias: ROW_KEY }],
    from: { type: "table", name: table },
  };
  const outer: Select = {
    items: [{ expr: countRows(), alias: "n" }],
    from: { type: "select", select: inner, alias: "scan" },
  };
  checks.forEach((planned, i) => {
    const { scope } = planned.context;
    if (scope) {
      planned.scopeAlias = `s${i}`;
      inner.items.push({ expr: scope, alias: `__livinglab_s${i}` });
      outer.items.push({ expr: countRows(col(`__livinglab_s${i}`)), alias: planned.scopeAlias });
    }
    const { measure } = planned;
    if (measure.type === "rows") {
      // The condition is computed once per row in the inner projection; count and sample read it.
      const flag = col(`__livinglab_f${i}`);
      inner.items.push({ expr: and(scope, measure.failing), alias: `__livinglab_f${i}` });
      planned.failingAlias = `f${i}`;
      planned.sampleAlias = `k${i}`;
      outer.items.push({ expr: countRows(flag), alias: planned.failingAlias });
      outer.items.push({
        expr: { type: "smallest", expr: col(ROW_KEY), n: SAMPLE_SIZE, filter: flag },
        alias: planned.sampleAlias,
      });
    } else if (measure.type === "table_value") {
      planned.valueAlias = `v${i}`;
      outer.items.push({ expr: measure.value, alias: planned.valueAlias });
    }
  });
  return { table, select: outer, checks };
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
 * @example compileCheck(suite, suite.suite.checks[0], postgresDialect, "2026-06-30")
 */
export function compileCheck(loaded: LoadedSuite, check: Check, dialect: Dialect, referenceDate: string): string {
  const plan = planSuite(loaded, [check], referenceDate);
  const planned = plan.checks[0] as PlannedCheck;
  const { measure } = planned;
  const scan = plan.scans[0] as TableScan;
  if (measure.type === "keys") return renderSelect(keysQuery(measure.select), dialect);
  if (measure.type === "groups")
    return renderSelect(groupsQuery(check.table, measure.group, measure.event, planned.context.scope), dialect);
  return renderSelect(scan.select, dialect);
}
