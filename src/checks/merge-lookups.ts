import { and, bin, col, countRows, type Expr, isNotNull, isNull, or, type Select } from "../sql/expr.js";
import { type Lookup, lookupRows } from "./check-definition.js";
import { type PlannedCheck, SAMPLE_SIZE } from "./plan-suite.js";

/** Checks answered by one query, and the aliases of each one's failing count and sample in its row. */
export interface MergedLookups {
  table: string;
  select: Select;
  checks: Array<{ planned: PlannedCheck; failing: string; sample: string }>;
}

/**
 * Keys checks of one table that look up the same dataset on the same columns (see `Lookup`),
 * answered by one query: the table joined once to the other dataset's rows grouped by those
 * columns, with each check's failing count and sample beside the others'. A reference check and a
 * derived age on the same key read both tables once instead of twice. A check alone in its
 * group keeps its own query (an anti join, or a join to bounds), which costs less than a grouping.
 * The counts and samples are the same either way: each check's rows are the rows its own query
 * lists (the tests run both).
 */
export function mergeLookups(keyed: readonly PlannedCheck[]): { merged: MergedLookups[]; alone: PlannedCheck[] } {
  const groups = new Map<string, Array<PlannedCheck & { lookup: Lookup }>>();
  const alone: PlannedCheck[] = [];
  for (const planned of keyed) {
    const lookup = planned.measure.type === "keys" ? planned.measure.lookup : undefined;
    if (!lookup) {
      alone.push(planned);
      continue;
    }
    const same = JSON.stringify([planned.check.table, lookup.table, lookup.on]);
    groups.set(same, [...(groups.get(same) ?? []), { ...planned, lookup }]);
  }
  const merged: MergedLookups[] = [];
  for (const group of groups.values()) {
    if (group.length === 1) {
      alone.push(...group);
      continue;
    }
    merged.push(mergedQuery(group));
  }
  return { merged, alone };
}

function mergedQuery(group: ReadonlyArray<PlannedCheck & { lookup: Lookup }>): MergedLookups {
  const [first] = group as [PlannedCheck & { lookup: Lookup }];
  const { internal, key } = first.context;
  const { on } = first.lookup;
  const onAlias = (i: number) => internal(`on${i}`);
  const aggregateAlias = (check: number, name: string) => internal(`c${check}_${name}`);
  // The other dataset's rows by key: the key's values, and every check's aggregates over them.
  const found = lookupRows(
    first.lookup,
    onAlias,
    group.flatMap((planned, j) =>
      Object.entries(planned.lookup.aggregates).map(([name, expr]) => ({ expr, alias: aggregateAlias(j, name) })),
    ),
  );
  // A key the other dataset lacks leaves the joined columns NULL; its values never are (see WHERE).
  const joined = col(onAlias(0), "found");
  const failing = group.map((planned, j) =>
    and(
      planned.lookup.rows === "missing" ? isNull(joined) : isNotNull(joined),
      planned.lookup.failing((name) => col(aggregateAlias(j, name), "found")),
      planned.context.scope,
    ),
  );
  const checks = group.map((planned, j) => ({
    planned,
    failing: internal(`failing${j}`),
    sample: internal(`sample${j}`),
  }));
  return {
    table: first.check.table,
    checks,
    select: {
      items: checks.flatMap((c, j) => [
        { expr: countRows(failing[j]), alias: c.failing },
        { expr: { type: "smallest", expr: key, n: SAMPLE_SIZE, filter: failing[j] } satisfies Expr, alias: c.sample },
      ]),
      from: {
        type: "join",
        join: "left",
        // The table's own columns stay unqualified, as in each check's own query: the joined names are internal.
        left: { type: "table", name: first.check.table, alias: "row" },
        right: { type: "select", select: found, alias: "found" },
        on: and(...on.map((pair, i) => bin("=", col(onAlias(i), "found"), pair.row))),
      },
      where: or(...failing),
    },
  };
}
