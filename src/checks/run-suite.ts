import type { Engine, Row } from "../engines/engine.js";
import { renderSelect } from "../sql/dialect.js";
import type { ColumnUse } from "./check-definition.js";
import { checkRegistry } from "./check-registry.js";
import { type CheckResult, overallOutcome, type SuiteResult } from "./check-result.js";
import { columnsOfCondition } from "./condition.js";
import { judgeCheck, type Measured } from "./judge-check.js";
import type { LoadedSuite } from "./load-suite.js";
import { publishableMetric } from "./metric-unit.js";
import {
  groupsQuery,
  keysQuery,
  type MetricMeaning,
  metricMeanings,
  type PlannedCheck,
  planSuite,
  type SuitePlan,
} from "./plan-suite.js";
import { queryOneRowEach } from "./side-by-side.js";
import type { Check } from "./suite-schema.js";

export interface RunSuiteOptions {
  /** "Today" for relative ranges and freshness (YYYY-MM-DD); default the suite's, else today's date. */
  referenceDate?: string;
  /** Earlier metrics per check id, oldest first, for drift checks. */
  history?: Record<string, number[]>;
}

export interface SuiteOutcome {
  result: SuiteResult;
  /** How the suite was run; the exam builds its own query from it, on the same engine. */
  plan: SuitePlan;
  /** Every result by check id. */
  results: ReadonlyMap<string, CheckResult>;
}

/**
 * Runs every check of a suite on an engine; all row-level checks of one table share one scan.
 * @example const { result } = await runSuite(await openEngine("duckdb"), await loadSuite("suite.yaml"));
 */
export async function runSuite(
  engine: Engine,
  loaded: LoadedSuite,
  options: RunSuiteOptions = {},
): Promise<SuiteOutcome> {
  const referenceDate = options.referenceDate ?? loaded.suite.reference_date ?? new Date().toISOString().slice(0, 10);
  for (const dataset of loaded.datasets) await engine.attach(dataset);
  const columns = new Map<string, Set<string>>();
  for (const dataset of loaded.datasets) {
    columns.set(dataset.name, new Set((await engine.columns(dataset.name)).map((c) => c.name)));
  }
  const meanings = metricMeanings(loaded, referenceDate);
  const resultOf = (check: Check, measured: Measured | undefined) =>
    checkResult(check, measured, meanings.get(check.id) as MetricMeaning);
  const results = new Map<string, CheckResult>();
  const runnable: Check[] = [];
  for (const check of loaded.suite.checks) {
    const missing = missingColumns(check, columns);
    if (missing.length > 0) {
      const reason = `De kolom(men) ${missing.join(", ")} ontbreken in de data.`;
      results.set(check.id, { ...resultOf(check, undefined), outcome: "not_evaluated", metric: null, reason });
    } else {
      runnable.push(check);
    }
  }
  const plan = planSuite(loaded, runnable, referenceDate);
  const measured = new Map<string, Measured>();
  // Every table scan and every keys query gives one row: together they are one statement.
  const keyed = plan.checks.flatMap((planned) =>
    planned.measure.type === "keys" ? [{ planned, select: keysQuery(planned.measure.select) }] : [],
  );
  const rows = await queryOneRowEach(engine, [...plan.scans.map((scan) => scan.select), ...keyed.map((k) => k.select)]);
  plan.scans.forEach((scan, i) => {
    for (const planned of scan.checks) measured.set(planned.check.id, fromScan(planned, rows[i] ?? {}));
  });
  keyed.forEach(({ planned }, i) => {
    const row = rows[plan.scans.length + i] ?? {};
    const inScope = measured.get(planned.check.id)?.inScope ?? 0;
    measured.set(planned.check.id, { failing: Number(row.failing) || 0, inScope, sample: sampleOf(row.sample) });
  });
  for (const planned of plan.checks) {
    const fromQuery = await measureGroups(engine, planned);
    if (fromQuery) measured.set(planned.check.id, fromQuery);
  }
  for (const planned of plan.checks) {
    if (planned.measure.type !== "drift")
      results.set(planned.check.id, resultOf(planned.check, measured.get(planned.check.id)));
  }
  // Drift reads the other checks' metrics of this run, so it comes last.
  for (const planned of plan.checks) {
    const { measure, check } = planned;
    if (measure.type !== "drift") continue;
    const current = results.get(measure.metricOf)?.metric ?? null;
    const judgement = measure.judge(current, options.history?.[measure.metricOf] ?? []);
    results.set(
      check.id,
      resultOf(check, { failing: 0, inScope: 0, sample: [], judgement, threshold: measure.threshold }),
    );
  }
  const checks = loaded.suite.checks.map((check) => results.get(check.id) as CheckResult);
  return {
    result: {
      suite: loaded.suite.name,
      engine: engine.name,
      reference_date: referenceDate,
      outcome: overallOutcome(checks),
      checks,
    },
    plan,
    results,
  };
}

function missingColumns(check: Check, columns: Map<string, Set<string>>): string[] {
  const uses: ColumnUse[] = [
    ...checkRegistry[check.kind].columns(check),
    ...(check.filter ? columnsOfCondition(check.filter).map((column) => ({ column })) : []),
  ];
  return [
    ...new Set(
      uses
        .filter((use) => !columns.get(use.table ?? check.table)?.has(use.column))
        .map((use) => (use.table ? `${use.table}.${use.column}` : use.column)),
    ),
  ];
}

function fromScan(planned: PlannedCheck, row: Row): Measured {
  const inScope = Number(planned.scopeAlias ? row[planned.scopeAlias] : row.n) || 0;
  const { measure } = planned;
  if (measure.type === "table_value" && planned.valueAlias) {
    const value = row[planned.valueAlias];
    return {
      failing: 0,
      inScope,
      sample: [],
      threshold: measure.threshold,
      judgement: measure.judge(value === null || value === undefined ? null : Number(value)),
    };
  }
  const failing = planned.failingAlias ? Number(row[planned.failingAlias]) || 0 : 0;
  return { failing, inScope, sample: sampleOf(planned.sampleAlias ? row[planned.sampleAlias] : undefined) };
}

async function measureGroups(engine: Engine, planned: PlannedCheck): Promise<Measured | undefined> {
  const { measure, check, context } = planned;
  if (measure.type !== "groups") return undefined;
  const rows = await engine.query(
    renderSelect(groupsQuery(check.table, measure.group, measure.event, context.scope), engine.dialect),
  );
  const total = rows.reduce((sum, r) => sum + Number(r.n), 0);
  const overall = total === 0 ? 0 : rows.reduce((sum, r) => sum + Number(r.e), 0) / total;
  const judged = rows.filter((r) => Number(r.n) >= measure.minSize);
  const ratios = judged.map((r) => ({
    group: String(r.g),
    ratio: overall === 0 ? 0 : Number(r.e) / Number(r.n) / overall,
  }));
  const flagged = ratios
    .filter((r) => r.ratio > measure.maxRatio)
    .map((r) => r.group)
    .sort();
  return {
    failing: flagged.length,
    inScope: judged.length,
    sample: flagged,
    metric: ratios.length === 0 ? null : Math.max(...ratios.map((r) => r.ratio)),
    threshold: { max_ratio: measure.maxRatio, min_group_size: measure.minSize },
  };
}

function sampleOf(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

function checkResult(check: Check, measured: Measured | undefined, meaning: MetricMeaning): CheckResult {
  const definition = checkRegistry[check.kind];
  const judged = judgeCheck(check, measured ?? { failing: 0, inScope: 0, sample: [] });
  const facts = { ...meaning, metric: judged.metric, failing_count: judged.failing_count };
  const found = { amount: publishableMetric(facts), table: check.table, filtered: check.filter !== undefined };
  return {
    id: check.id,
    kind: check.kind,
    dimension: definition.dimension,
    table: check.table,
    severity: check.severity,
    description: definition.describe(check),
    ...judged,
    ...meaning,
    ...(judged.metric !== null && { finding: definition.finding(check, found) }),
    ...(check.finds !== undefined && { finds: check.finds }),
    ...(definition.custom && { custom: true }),
  };
}
