import type { RunPermit, UnreadDataset } from "../door/run-permit.js";
import type { ColumnInfo, Engine, Row } from "../engines/engine.js";
import { isEngineError } from "../engines/engine-error.js";
import { isLivingLabError, LivingLabError, type Problem } from "../errors/problem.js";
import { contentFingerprintOf } from "../fingerprint/content-fingerprint.js";
import { renderSelect } from "../sql/dialect.js";
import type { Select } from "../sql/expr.js";
import { closestWord } from "../yaml/closest-word.js";
import type { CheckWords, ColumnUse, DatasetColumns } from "./check-definition.js";
import { checkRegistry } from "./check-registry.js";
import { type CheckResult, overallOutcome, type SuiteResult } from "./check-result.js";
import { columnsOfCondition } from "./condition.js";
import { judgeCheck, type Measured } from "./judge-check.js";
import type { LoadedSuite } from "./load-suite.js";
import { mergeLookups } from "./merge-lookups.js";
import { publishableMetric } from "./metric-unit.js";
import {
  groupsQuery,
  keysQuery,
  type MetricMeaning,
  metricMeanings,
  type PlannedCheck,
  planSuite,
  type SuitePlan,
  type TableScan,
} from "./plan-suite.js";
import { queryOneRowEach } from "./side-by-side.js";
import type { Check } from "./suite-schema.js";
import { suiteWords } from "./suite-words.js";
import { suiteProblems } from "./validate-suite.js";

export interface RunSuiteOptions {
  /** "Today" for relative ranges and freshness (YYYY-MM-DD); default the suite's, else today's date. */
  referenceDate?: string;
  /** Earlier metrics per check id, oldest first, for drift checks. */
  history?: Record<string, number[]>;
  /** Told before the first statement and after each one that reads rows: statements done, and in all. */
  onProgress?: (done: number, total: number) => void;
}

export interface SuiteOutcome {
  result: SuiteResult;
  /** How the suite was run; the exam builds its own query from it, on the same engine. */
  plan: SuitePlan;
  /** Every result by check id. */
  results: ReadonlyMap<string, CheckResult>;
}

/**
 * Runs every check of a suite on an engine; the row-level checks of one table share as few scans
 * as the engine's limits allow, and the queries that give one row go together into as few
 * statements as those limits allow (a distributed engine plans a job per statement). Its
 * datasets are attached through the run's permit, which records what the engine read;
 * afterwards the engine reads only those.
 * @example const { result } = await runSuite(engine, await loadSuite("suite.yaml"), permit);
 */
export async function runSuite(
  engine: Engine,
  loaded: LoadedSuite,
  permit: RunPermit,
  options: RunSuiteOptions = {},
): Promise<SuiteOutcome> {
  const referenceDate = options.referenceDate ?? loaded.suite.reference_date ?? new Date().toISOString().slice(0, 10);
  const { columns, unread } = await attachDatasets(engine, loaded, permit);
  // A run that stops records the content of only what it read: a suite refused on its columns
  // read no row, and its record says so.
  const outcome = await checkAttached(engine, loaded, columns, unread, referenceDate, options);
  // A dataset that no scan read (it has no runnable check) is fingerprinted on its own.
  for (const dataset of unread) await dataset.fingerprint();
  return outcome;
}

async function checkAttached(
  engine: Engine,
  loaded: LoadedSuite,
  columns: DatasetColumns,
  unread: readonly UnreadDataset[],
  referenceDate: string,
  options: RunSuiteOptions,
): Promise<SuiteOutcome> {
  const meanings = metricMeanings(loaded, referenceDate);
  const words = suiteWords(loaded.suite.checks, meanings);
  const resultOf = (check: Check, measured: Measured | undefined) =>
    checkResult(check, measured, meanings.get(check.id) as MetricMeaning, words);
  const notEvaluated = (check: Check, reason: string): CheckResult => ({
    ...resultOf(check, undefined),
    outcome: "not_evaluated",
    metric: null,
    reason,
  });
  const results = new Map<string, CheckResult>();
  // A check naming a column the data lacks is a mistake in the suite, not a finding about the data.
  const unknown = unknownColumns(loaded, columns);
  if (unknown.length > 0) throw new LivingLabError(unknown);
  const runnable = loaded.suite.checks;
  const context = {
    referenceDate,
    columns,
    scanCapacity: (count: number) => engine.scanCapacity(count),
  };
  const problems = await suiteProblems(loaded, runnable, context);
  if (problems.length > 0) throw new LivingLabError(problems);
  // The suite fits the columns: only now are rows read, by the scans.
  await engine.restrictToAttached();
  // A dataset's content fingerprint, where the door needs one (not for a file, whose SHA-256 names
  // what is read), comes from the first scan of its checks: one pass, not two.
  const computed = new Set<string>();
  for (const dataset of unread) if (dataset.contentNeeded) computed.add(dataset.name);
  const plan = planSuite(loaded, runnable, { ...context, fingerprint: computed });
  const measured = new Map<string, Measured>();
  // The scans and the keys queries of built-in checks each give one row; custom SQL runs alone below.
  const keyed = plan.checks.filter(
    (planned) => planned.measure.type === "keys" && !checkRegistry[planned.check.kind].custom,
  );
  // Checks that look up the same dataset on the same key share one join (see merge-lookups.ts).
  const { merged, alone } = mergeLookups(keyed);
  const oneRow = [
    ...plan.scans.map((scan) => ({ select: scan.select, table: scan.table, weight: scan.checks.length })),
    ...alone.map((planned) => ({ select: keysQueryOf(planned), table: planned.check.table, weight: 1 })),
    ...merged.map((query) => ({ select: query.select, table: query.table, weight: query.checks.length })),
  ];
  const rows: Row[] = [];
  const groups = statements(oneRow, (table) => engine.scanCapacity(columns.get(table)?.length ?? 0));
  // The checks measured by a query of their own (custom SQL, groups), after the one-row statements.
  const byQuery = plan.checks.filter(
    (planned) => !keyed.includes(planned) && (planned.measure.type === "keys" || planned.measure.type === "groups"),
  );
  const total = groups.length + byQuery.length;
  let done = 0;
  const progress = () => options.onProgress?.(done, total);
  progress();
  for (const group of groups) {
    rows.push(...(await queryOneRowEach(engine, group)));
    done++;
    progress();
  }
  for (const [i, scan] of plan.scans.entries()) {
    const row = rows[i] ?? {};
    for (const planned of scan.checks) measured.set(planned.check.id, fromScan(planned, scan, row));
    const dataset = unread.find((d) => d.name === scan.table);
    if (scan.fingerprintAliases && dataset) {
      const names = { rows: scan.countAlias, ...scan.fingerprintAliases };
      await dataset.fingerprint(contentFingerprintOf(columns.get(scan.table) ?? [], row, names));
    } else if (dataset && !computed.has(dataset.name)) {
      // The rows the scan counted: the door records them, and needs no count of its own.
      await dataset.fingerprint(undefined, Number(row[scan.countAlias] ?? 0));
    }
  }
  const keyedRows = rows.slice(plan.scans.length);
  const measuredKeys = (planned: PlannedCheck, failing: unknown, sample: unknown) => {
    const inScope = measured.get(planned.check.id)?.inScope ?? 0;
    measured.set(planned.check.id, { failing: Number(failing) || 0, inScope, sample: sampleOf(sample) });
  };
  alone.forEach((planned, i) => {
    const row = keyedRows[i] ?? {};
    measuredKeys(planned, row.failing, row.sample);
  });
  merged.forEach((query, i) => {
    const row = keyedRows[alone.length + i] ?? {};
    for (const { planned, failing, sample } of query.checks) measuredKeys(planned, row[failing], row[sample]);
  });
  const refused = new Set<string>();
  for (const planned of plan.checks) {
    if (keyed.includes(planned)) continue;
    try {
      const fromQuery = await measureByQuery(engine, planned, measured.get(planned.check.id));
      if (fromQuery) measured.set(planned.check.id, fromQuery);
    } catch (error) {
      // SQL a user wrote can fail on the data or be stopped by the engine's limits; that check is
      // not evaluated (the database's message may quote data, so it is not kept), the others are.
      // An interrupt stops the whole suite: it says nothing about this check.
      const stopped = isEngineError(error) && error.kind === "interrupted";
      if (!checkRegistry[planned.check.kind].custom || isLivingLabError(error) || stopped) throw error;
      refused.add(planned.check.id);
    }
    if (byQuery.includes(planned)) {
      done++;
      progress();
    }
  }
  for (const planned of plan.checks) {
    if (planned.measure.type === "drift") continue;
    const { check } = planned;
    results.set(
      check.id,
      refused.has(check.id)
        ? notEvaluated(
            check,
            "De eigen SQL van deze check gaf een fout in de database. Voer de SQL zelf uit om te zien waarom.",
          )
        : resultOf(check, measured.get(check.id)),
    );
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

/** A suite's datasets, attached: their columns, and the fingerprint of what the engine will read. */
export interface AttachedSuite {
  columns: DatasetColumns;
  /** Each dataset, until its content fingerprint is recorded (by a scan that computes it, or its own). */
  unread: readonly UnreadDataset[];
  /** Reads the rows of every dataset once for its content fingerprint, which the permit records. */
  fingerprint(): Promise<void>;
}

/**
 * Makes a suite's datasets queryable through the run's permit and reads their columns and
 * types; no row is read until `fingerprint` is called, which records what the engine read.
 * @example const { columns } = await attachDatasets(engine, await loadSuite("suite.yaml"), permit);
 */
export async function attachDatasets(engine: Engine, loaded: LoadedSuite, permit: RunPermit): Promise<AttachedSuite> {
  const unread: UnreadDataset[] = [];
  for (const dataset of loaded.datasets) unread.push(await permit.attachUnread(engine, dataset));
  const columns = new Map<string, ColumnInfo[]>();
  for (const dataset of loaded.datasets) columns.set(dataset.name, await engine.columns(dataset.name));
  return {
    columns,
    unread,
    fingerprint: async () => {
      for (const dataset of unread) await dataset.fingerprint();
    },
  };
}

/** How many of a table's columns a problem lists; the rest are counted. */
const LISTED_COLUMNS = 30;

/**
 * Every column a check (or its filter) names that is not in the data, refused at the check's
 * line before any row is read: with "Bedoelt u ...?" when a column of the data is close, and
 * always with the columns the data has, so the user can correct the suite.
 */
function unknownColumns(loaded: LoadedSuite, columns: DatasetColumns): Problem[] {
  return loaded.suite.checks.flatMap((check, index) => {
    const uses: ColumnUse[] = [
      ...checkRegistry[check.kind].columns(check),
      ...(check.filter ? columnsOfCondition(check.filter).map((column) => ({ column })) : []),
    ];
    const seen = new Set<string>();
    return uses.flatMap((use) => {
      const table = use.table ?? check.table;
      const names = columns.get(table)?.map((c) => c.name) ?? [];
      const key = `${table}\u0000${use.column}`;
      if (names.includes(use.column) || seen.has(key)) return [];
      seen.add(key);
      const near = closestWord(use.column, names);
      const path = ["checks", index];
      return [
        {
          code: "column_unknown",
          message: `Check '${check.id}': de kolom '${use.column}' staat niet in ${table}.`,
          hint: `${near ? `Bedoelt u '${near}'? ` : ""}${columnsText(table, names)} Pas de kolom in de check aan, of laat de check weg als de data deze kolom niet heeft.`,
          path,
          ...loaded.locate(path),
        },
      ];
    });
  });
}

function columnsText(table: string, names: readonly string[]): string {
  if (names.length === 0) return `${table} heeft geen kolommen.`;
  const listed = names.slice(0, LISTED_COLUMNS).join(", ");
  const more = names.length - LISTED_COLUMNS;
  return `Kolommen in ${table}: ${listed}${more > 0 ? ` en nog ${more}` : ""}.`;
}

function fromScan(planned: PlannedCheck, scan: TableScan, row: Row): Measured {
  const inScope = Number(row[planned.scopeAlias ?? scan.countAlias]) || 0;
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

function keysQueryOf(planned: PlannedCheck) {
  if (planned.measure.type !== "keys") throw new Error(`${planned.check.id} has no keys measure`);
  return keysQuery(planned.measure.select);
}

/**
 * Consecutive one-row queries grouped into statements: a group holds at most as many checks as
 * one scan of the narrowest-allowing table in it may, so a statement never exceeds what a single
 * scan is allowed. A query above that limit on its own is a statement of its own.
 */
function statements<T extends { select: Select; table: string; weight: number }>(
  queries: readonly T[],
  capacity: (table: string) => number,
): Select[][] {
  const groups: Select[][] = [];
  let current: Select[] = [];
  let weight = 0;
  let limit = Number.POSITIVE_INFINITY;
  for (const query of queries) {
    const nextLimit = Math.min(limit, Math.max(1, Math.floor(capacity(query.table))));
    if (current.length > 0 && weight + query.weight > nextLimit) {
      groups.push(current);
      current = [];
      weight = 0;
      limit = Math.max(1, Math.floor(capacity(query.table)));
    } else {
      limit = nextLimit;
    }
    current.push(query.select);
    weight += query.weight;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

async function measureByQuery(
  engine: Engine,
  planned: PlannedCheck,
  fromScan: Measured | undefined,
): Promise<Measured | undefined> {
  const { measure, check, context } = planned;
  const inScope = fromScan?.inScope ?? 0;
  if (measure.type === "keys") {
    const [row = {}] = await engine.query(renderSelect(keysQuery(measure.select), engine.dialect));
    return { failing: Number(row.failing) || 0, inScope, sample: sampleOf(row.sample) };
  }
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

function checkResult(
  check: Check,
  measured: Measured | undefined,
  meaning: MetricMeaning,
  words: CheckWords,
): CheckResult {
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
    description: definition.describe(check, words),
    ...(definition.technical && { technical: definition.technical(check) }),
    ...judged,
    ...meaning,
    ...(judged.metric !== null && { finding: definition.finding(check, found, words) }),
    ...(check.finds !== undefined && { finds: check.finds }),
    ...(definition.custom && { custom: true }),
  };
}
