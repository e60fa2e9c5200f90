/**
 * The checks of a livinglab suite written for two peers, as far as each can express them: Soda
 * Core (SodaCL on DuckDB, with failed-rows SQL where SodaCL has no construct) and Great
 * Expectations (expectations on pandas DataFrames). The translation goes from the suite's own
 * check list: a check of a kind (or with a parameter) that has no translation here is listed as
 * not expressed, with the reason, so a new check in the suite never goes missing silently.
 * Used by bench/peers.ts; the Python runners in bench/peers/ read what this makes.
 */
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { stringify } from "yaml";
import type { Bound } from "../src/checks/bound.js";
import { addDays } from "../src/checks/bound.js";
import type { Condition } from "../src/checks/condition.js";
import type { Check, Suite } from "../src/checks/suite-schema.js";
import { type ColumnInfo, categoryOfType } from "../src/engines/engine.js";

export type Peer = "soda" | "ge";
export const peerNames: Record<Peer, string> = { soda: "Soda Core (DuckDB)", ge: "Great Expectations (pandas)" };

/** The kind of values in a column of a table, as DuckDB reports them for the Parquet files. */
export type TypeOf = (table: string, column: string) => ColumnInfo["category"];

/** One SodaCL check under `checks for <table>`; `sql` is true for failed-rows SQL. */
export interface SodaCheck {
  id: string;
  table: string;
  sql: boolean;
  /** The check as SodaCL holds it: one key (the check line) with its configuration. */
  check: Record<string, Record<string, unknown>>;
}

/**
 * One expectation on a pandas DataFrame (`frame`), by its class name in `gx.expectations`. A
 * value `{ $date: "YYYY-MM-DD" }` becomes a timestamp and `{ $values_of: { frame, column } }`
 * every distinct value of that column, in the runner.
 */
export interface GeExpectation {
  id: string;
  frame: string;
  expectation: string;
  kwargs: Record<string, unknown>;
}

/** A DataFrame the runner makes before validating: a table, or a table joined to another. */
export type GeFrame =
  | { name: string; table: string }
  | {
      name: string;
      /** Rows of `left` with the matching rows of `right` (an inner merge on `on`). */
      merge: { left: string; right: string; on: string };
      /** A column added to the merged frame: the year of `year_of` minus `minus`. */
      age: { column: string; year_of: string; minus: string };
    };

export interface NotExpressed {
  peer: Peer;
  id: string;
  reason: string;
}

/** Where a peer's failing count may differ from livinglab's, and why. */
export interface CountNote {
  peer: Peer;
  id: string;
  note: string;
}

export interface PeerPlan {
  checks: string[];
  soda: SodaCheck[];
  ge: { frames: GeFrame[]; expectations: GeExpectation[] };
  notExpressed: NotExpressed[];
  countNotes: CountNote[];
}

/** Samples each peer keeps of a failing check: the same five failing keys livinglab keeps. */
export const SAMPLES = 5;

/**
 * The parameters each translation reads, per kind, as the suite's schema gives them (with their
 * defaults). The registry's definitions erase their parameter types, so they are named here.
 */
interface Params {
  not_null: { column: string; blank_is_missing: boolean };
  row_count: { min?: number; max?: number };
  pattern: { column: string; pattern: string };
  accepted_values: {
    column: string;
    values: Array<string | number>;
    case_sensitive: boolean;
    space_sensitive: boolean;
  };
  unique_key: { columns: string[] };
  date_order: { earlier: string; later: string; allow_equal: boolean };
  conditional_rule: { when: Condition; then: Condition };
  referential_integrity: { columns: string[]; references: { table: string; columns: string[] } };
  value_range: { column: string; min?: Bound; max?: Bound };
  freshness: { column: string; max_age_days: number };
  derived_value: {
    derive: string;
    birth_year: string;
    date: string;
    lookup?: { table: string; on: string };
    min: number;
    max: number;
  };
  pii_scan: { column: string; detect: string[] };
  group_disparity: { group_by: string; rate_of: Condition; min_group_size: number; max_ratio: number };
  drift: { metric_of: string };
}
type Of<K extends keyof Params> = Check & Params[K];

interface Translation {
  soda: SodaCheck[] | string;
  ge: GeExpectation[] | string;
  frames?: GeFrame[];
  notes?: Partial<Record<Peer, string>>;
}

interface Context {
  typeOf: TypeOf;
  referenceDate: string;
}

const sqlString = (value: string) => `'${value.replaceAll("'", "''")}'`;
const sqlName = (name: string) => (/^[a-z_][a-z0-9_]*$/.test(name) ? name : `"${name.replaceAll('"', '""')}"`);
const sqlValue = (value: string | number | boolean) => (typeof value === "string" ? sqlString(value) : String(value));
const fullRegex = (pattern: string) => `^(?:${pattern})$`;
/** Only text can be blank, as in livinglab's not_null: empty or only spaces. */
const BLANK = "^ *$";

function soda(id: string, table: string, line: string, config: Record<string, unknown> = {}, sql = false): SodaCheck {
  return { id, table, sql, check: { [line]: { name: id, "samples limit": SAMPLES, ...config } } };
}

function failedRows(id: string, table: string, condition: string): SodaCheck {
  return soda(id, table, "failed rows", { "fail condition": condition }, true);
}

function failQuery(id: string, table: string, query: string): SodaCheck {
  return soda(id, table, "failed rows", { "fail query": query }, true);
}

function expect(id: string, frame: string, expectation: string, kwargs: Record<string, unknown>): GeExpectation {
  return { id, frame, expectation, kwargs };
}

/** A date bound as livinglab reads it: a date, or days from the reference date; a number stays a number. */
function boundValue(bound: Bound, referenceDate: string): { date: string } | { number: number } {
  if (typeof bound === "number") return { number: bound };
  if (typeof bound === "string") return { date: bound };
  return { date: addDays(referenceDate, bound.days_from_reference) };
}

/** A condition as DuckDB SQL; a test on NULL is false, as in livinglab. */
function conditionSql(condition: Condition): string {
  if ("all" in condition) return `(${condition.all.map(conditionSql).join(" AND ")})`;
  if ("any" in condition) return `(${condition.any.map(conditionSql).join(" OR ")})`;
  if ("not" in condition) return `(NOT ${conditionSql(condition.not)})`;
  const c = sqlName(condition.column);
  const operand = (o: string | number | boolean | { column: string }) =>
    typeof o === "object" ? sqlName(o.column) : sqlValue(o);
  const tests: string[] = [];
  const ops = { equals: "=", not_equals: "<>", gt: ">", gte: ">=", lt: "<", lte: "<=" } as const;
  for (const [key, op] of Object.entries(ops) as [keyof typeof ops, string][]) {
    const o = condition[key];
    if (o !== undefined) tests.push(`${c} ${op} ${operand(o)}`);
  }
  if (condition.in) tests.push(`${c} IN (${condition.in.map(sqlValue).join(", ")})`);
  if (condition.not_in) tests.push(`${c} NOT IN (${condition.not_in.map(sqlValue).join(", ")})`);
  if (condition.starts_with !== undefined) tests.push(`starts_with(${c}, ${operand(condition.starts_with)})`);
  if (condition.matches !== undefined) tests.push(`regexp_full_match(${c}, ${sqlString(condition.matches)})`);
  if (condition.is_null) tests.push(`${c} IS NULL`);
  if (condition.is_not_null) tests.push(`${c} IS NOT NULL`);
  return `coalesce(${tests.join(" AND ")}, false)`;
}

/**
 * A condition as a pandas query (GE's `row_condition` with the pandas parser), or why it cannot be
 * one: pandas has no test of one text column starting with another, nor a full regex match.
 */
function conditionPandas(condition: Condition): string | { reason: string } {
  const parts = (cs: Condition[], op: string) => {
    const done = cs.map(conditionPandas);
    const wrong = done.find((d) => typeof d !== "string");
    return wrong ?? `(${done.join(` ${op} `)})`;
  };
  if ("all" in condition) return parts(condition.all, "&");
  if ("any" in condition) return parts(condition.any, "|");
  if ("not" in condition) {
    const inner = conditionPandas(condition.not);
    return typeof inner === "string" ? `~${inner}` : inner;
  }
  if (condition.starts_with !== undefined || condition.matches !== undefined)
    return {
      reason: "een voorwaarde met starts_with of matches kan niet als rijvoorwaarde (row_condition) van pandas",
    };
  const c = `\`${condition.column}\``;
  const value = (o: string | number | boolean | { column: string }) =>
    typeof o === "object" ? `\`${o.column}\`` : JSON.stringify(o);
  const tests: string[] = [`${c}.notna()`];
  const ops = { equals: "==", not_equals: "!=", gt: ">", gte: ">=", lt: "<", lte: "<=" } as const;
  for (const [key, op] of Object.entries(ops) as [keyof typeof ops, string][]) {
    const o = condition[key];
    if (o !== undefined) tests.push(`(${c} ${op} ${value(o)})`);
  }
  if (condition.in) tests.push(`${c}.isin(${JSON.stringify(condition.in)})`);
  if (condition.not_in) tests.push(`~${c}.isin(${JSON.stringify(condition.not_in)})`);
  if (condition.is_null) return `${c}.isna()`;
  return `(${tests.join(" & ")})`;
}

/** GE's row condition for a check's filter, or why there is none. */
function geFilter(check: Check): Record<string, unknown> | string {
  if (!check.filter) return {};
  const query = conditionPandas(check.filter);
  if (typeof query !== "string") return `het filter van de check: ${query.reason}`;
  return { row_condition: query, condition_parser: "pandas" };
}

/** The detectors of pii_scan as DuckDB SQL on a text value `t`, as the hand-written script has them. */
const piiSql: Record<string, (t: string) => string> = {
  bsn: (t) => `coalesce((
      SELECT (9 * b[1]::INT + 8 * b[2]::INT + 7 * b[3]::INT + 6 * b[4]::INT + 5 * b[5]::INT
        + 4 * b[6]::INT + 3 * b[7]::INT + 2 * b[8]::INT - b[9]::INT) % 11 = 0 AND b <> '000000000'
      FROM (SELECT nullif(regexp_extract(${t}, '(?:^|[^0-9])([0-9]{9})(?:[^0-9]|$)', 1), '') AS b)), false)`,
  telefoon: (t) => `regexp_matches(${t}, '(^|[^0-9])(\\+31[ -]?|0031[ -]?|0)6[ -]?[0-9]{4}[ -]?[0-9]{4}([^0-9]|$)')`,
  email: (t) => `regexp_matches(${t}, '[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}')`,
  iban: (t) => `coalesce((
      SELECT CAST(concat(ascii(i[5]) - 55, ascii(i[6]) - 55, ascii(i[7]) - 55, ascii(i[8]) - 55,
        i[9:18], '2321', i[3:4]) AS HUGEINT) % 97 = 1
      FROM (SELECT nullif(regexp_extract(upper(replace(${t}, ' ', '')), '(NL[0-9]{2}[A-Z]{4}[0-9]{10})', 1), '') AS i)), false)`,
};

const noHistory =
  "vergelijken met eerdere runs vraagt een opgeslagen geschiedenis van metingen; Soda Core bewaart die niet zelf (alleen Soda Cloud)";

/** Per kind of check: its form in SodaCL and in GE, or the reason it has none. */
const translations: { [K in keyof Params]: (check: Of<K>, context: Context) => Translation } = {
  not_null: (c, { typeOf }) => {
    const text = c.blank_is_missing && typeOf(c.table, c.column) === "text";
    const filter = geFilter(c);
    if (typeof filter === "string") return { soda: filter, ge: filter };
    return {
      soda: [soda(c.id, c.table, `missing_count(${sqlName(c.column)}) = 0`, text ? { "missing regex": BLANK } : {})],
      ge: [
        expect(c.id, c.table, "ExpectColumnValuesToNotBeNull", { column: c.column, ...filter }),
        ...(text
          ? [expect(c.id, c.table, "ExpectColumnValuesToNotMatchRegex", { column: c.column, regex: BLANK, ...filter })]
          : []),
      ],
    };
  },
  row_count: (c) => {
    const sodaLines = [c.min !== undefined && `row_count >= ${c.min}`, c.max !== undefined && `row_count <= ${c.max}`]
      .filter((l): l is string => typeof l === "string")
      .map((line) => soda(c.id, c.table, line));
    return {
      soda: c.filter ? "een filter op row_count" : sodaLines,
      ge: c.filter
        ? "een filter op het aantal rijen"
        : [
            expect(c.id, c.table, "ExpectTableRowCountToBeBetween", {
              ...(c.min !== undefined && { min_value: c.min }),
              ...(c.max !== undefined && { max_value: c.max }),
            }),
          ],
    };
  },
  pattern: (c) => {
    const filter = geFilter(c);
    return {
      soda: [soda(c.id, c.table, `invalid_count(${sqlName(c.column)}) = 0`, { "valid regex": fullRegex(c.pattern) })],
      ge:
        typeof filter === "string"
          ? filter
          : [
              expect(c.id, c.table, "ExpectColumnValuesToMatchRegex", {
                column: c.column,
                regex: fullRegex(c.pattern),
                ...filter,
              }),
            ],
    };
  },
  accepted_values: (c) => {
    if (!c.case_sensitive || !c.space_sensitive) {
      const reason = "codes zonder onderscheid in hoofdletters of spaties hebben geen vorm in dit hulpmiddel";
      return { soda: reason, ge: reason };
    }
    const filter = geFilter(c);
    return {
      soda: [soda(c.id, c.table, `invalid_count(${sqlName(c.column)}) = 0`, { "valid values": c.values })],
      ge:
        typeof filter === "string"
          ? filter
          : [
              expect(c.id, c.table, "ExpectColumnValuesToBeInSet", {
                column: c.column,
                value_set: c.values,
                ...filter,
              }),
            ],
    };
  },
  unique_key: (c) => ({
    soda: [soda(c.id, c.table, `duplicate_count(${c.columns.map(sqlName).join(", ")}) = 0`)],
    ge:
      c.columns.length === 1
        ? [expect(c.id, c.table, "ExpectColumnValuesToBeUnique", { column: c.columns[0] })]
        : [expect(c.id, c.table, "ExpectCompoundColumnsToBeUnique", { column_list: c.columns })],
    notes: { soda: "duplicate_count telt de waarden die vaker voorkomen, niet elke rij met zo'n waarde" },
  }),
  date_order: (c) => {
    const filter = geFilter(c);
    const scope = c.filter ? ` AND ${conditionSql(c.filter)}` : "";
    return {
      soda: [
        failedRows(c.id, c.table, `${sqlName(c.later)} ${c.allow_equal ? "<" : "<="} ${sqlName(c.earlier)}${scope}`),
      ],
      ge:
        typeof filter === "string"
          ? filter
          : [
              expect(c.id, c.table, "ExpectColumnPairValuesAToBeGreaterThanB", {
                column_A: c.later,
                column_B: c.earlier,
                or_equal: c.allow_equal,
                ignore_row_if: "either_value_is_missing",
                ...filter,
              }),
            ],
    };
  },
  conditional_rule: (c) => {
    const scope = c.filter ? ` AND ${conditionSql(c.filter)}` : "";
    const sodaCheck = failedRows(c.id, c.table, `${conditionSql(c.when)} AND NOT ${conditionSql(c.then)}${scope}`);
    // GE: each part of the "then" as an expectation of its own, the "when" as their row condition.
    const leaves = "all" in c.then ? c.then.all : [c.then];
    const parts: Array<{ column: string; expectation: string; kwargs: Record<string, unknown> }> = [];
    for (const leaf of leaves) {
      const keys = Object.keys(leaf).filter((k) => k !== "column");
      if (!("column" in leaf) || keys.length !== 1)
        return { soda: [sodaCheck], ge: "een dan-voorwaarde met any, not of meer toetsen op één kolom" };
      if (leaf.is_not_null)
        parts.push({ column: leaf.column, expectation: "ExpectColumnValuesToNotBeNull", kwargs: {} });
      else if (leaf.equals !== undefined && typeof leaf.equals !== "object")
        parts.push({
          column: leaf.column,
          expectation: "ExpectColumnValuesToBeInSet",
          kwargs: { value_set: [leaf.equals] },
        });
      else if (leaf.in)
        parts.push({ column: leaf.column, expectation: "ExpectColumnValuesToBeInSet", kwargs: { value_set: leaf.in } });
      else
        return {
          soda: [sodaCheck],
          ge: `geen verwachting van GE toetst de dan-voorwaarde '${keys[0]}'${typeof leaf.starts_with === "object" ? " tegen een andere kolom" : ""}`,
        };
    }
    const when = conditionPandas(c.filter ? { all: [c.when, c.filter] } : c.when);
    if (typeof when !== "string") return { soda: [sodaCheck], ge: `de als-voorwaarde: ${when.reason}` };
    const row = { row_condition: when, condition_parser: "pandas" };
    return {
      soda: [sodaCheck],
      ge: parts.map((p) => expect(c.id, c.table, p.expectation, { column: p.column, ...p.kwargs, ...row })),
      ...(parts.length > 1 && {
        notes: {
          ge: "één verwachting per kolom van de dan-voorwaarde: een rij die op twee kolommen faalt telt twee keer",
        },
      }),
    };
  },
  referential_integrity: (c) => {
    if (c.columns.length !== 1 || c.filter) {
      const reason = "een verwijzing over meer kolommen of met een filter";
      return { soda: reason, ge: reason };
    }
    const [column] = c.columns as [string];
    const [other] = c.references.columns as [string];
    return {
      soda: [
        soda(c.id, c.table, `values in (${sqlName(column)}) must exist in ${c.references.table} (${sqlName(other)})`),
      ],
      // GE has no expectation across two DataFrames; the workaround is a value set of every key of the other table.
      ge: [
        expect(c.id, c.table, "ExpectColumnValuesToBeInSet", {
          column,
          value_set: { $values_of: { frame: c.references.table, column: other } },
        }),
      ],
    };
  },
  value_range: (c, { typeOf, referenceDate }) => {
    const isDate = typeOf(c.table, c.column) === "date";
    const column = sqlName(c.column);
    const tests: string[] = [];
    const kwargs: Record<string, unknown> = { column: c.column };
    for (const [side, op, name] of [
      ["min", "<", "min_value"],
      ["max", ">", "max_value"],
    ] as const) {
      const bound = c[side];
      if (bound === undefined) continue;
      const value = boundValue(bound, referenceDate);
      if ("date" in value) {
        // An upper date bound takes the whole day, as in livinglab: a timestamp on that day is inside.
        const edge = side === "max" ? addDays(value.date, 1) : value.date;
        tests.push(`${column} ${side === "max" ? ">=" : "<"} DATE ${sqlString(edge)}`);
        kwargs[name] = { $date: edge };
        if (side === "max") kwargs.strict_max = true;
      } else {
        tests.push(`${column} ${op} ${value.number}`);
        kwargs[name] = value.number;
      }
    }
    const filter = geFilter(c);
    const scope = c.filter ? ` AND ${conditionSql(c.filter)}` : "";
    const condition = tests.length === 1 ? (tests[0] ?? "") : `(${tests.join(" OR ")})`;
    return {
      soda:
        isDate || c.filter
          ? [failedRows(c.id, c.table, `${condition}${scope}`)]
          : [
              soda(c.id, c.table, `invalid_count(${column}) = 0`, {
                ...(c.min !== undefined && { "valid min": c.min }),
                ...(c.max !== undefined && { "valid max": c.max }),
              }),
            ],
      ge:
        typeof filter === "string"
          ? filter
          : [expect(c.id, c.table, "ExpectColumnValuesToBeBetween", { ...kwargs, ...filter })],
    };
  },
  freshness: (c, { referenceDate }) => {
    const oldest = addDays(referenceDate, -c.max_age_days);
    const filter = geFilter(c);
    const scope = c.filter ? ` AND ${conditionSql(c.filter)}` : "";
    return {
      // SodaCL's freshness() looks at the newest value against the clock, not at every row against the reference date.
      soda: [failedRows(c.id, c.table, `${sqlName(c.column)} < DATE ${sqlString(oldest)}${scope}`)],
      ge:
        typeof filter === "string"
          ? filter
          : [
              expect(c.id, c.table, "ExpectColumnValuesToBeBetween", {
                column: c.column,
                min_value: { $date: oldest },
                ...filter,
              }),
            ],
    };
  },
  derived_value: (c) => {
    if (c.derive !== "leeftijd") return { soda: `afleiding '${c.derive}'`, ge: `afleiding '${c.derive}'` };
    if (c.filter) return { soda: "een afgeleide waarde met een filter", ge: "een afgeleide waarde met een filter" };
    const age = (birth: string) => `year(z.${sqlName(c.date)}) - ${birth}`;
    const lookup = c.lookup;
    const query = lookup
      ? `SELECT z.* FROM ${c.table} z JOIN (
  SELECT ${sqlName(lookup.on)} AS k, min(${sqlName(c.birth_year)}) AS lo, max(${sqlName(c.birth_year)}) AS hi
  FROM ${lookup.table} WHERE ${sqlName(lookup.on)} IS NOT NULL GROUP BY ${sqlName(lookup.on)}
) b ON b.k = z.${sqlName(lookup.on)}
WHERE ${age("b.hi")} < ${c.min} OR ${age("b.lo")} > ${c.max}`
      : `SELECT z.* FROM ${c.table} z WHERE ${age(`z.${sqlName(c.birth_year)}`)} NOT BETWEEN ${c.min} AND ${c.max}`;
    const frame = lookup ? `${c.table}__${lookup.table}` : c.table;
    const column = "__leeftijd";
    return {
      soda: [failQuery(c.id, c.table, query)],
      frames: [
        lookup
          ? {
              name: frame,
              merge: { left: c.table, right: lookup.table, on: lookup.on },
              age: { column, year_of: c.date, minus: c.birth_year },
            }
          : { name: frame, table: c.table },
      ],
      // GE has no expectation across two DataFrames; the workaround is to merge them first in pandas.
      ge: lookup
        ? [expect(c.id, frame, "ExpectColumnValuesToBeBetween", { column, min_value: c.min, max_value: c.max })]
        : "een leeftijd zonder opzoektabel",
      ...(lookup && {
        notes: {
          ge: `telt rijen van ${c.table} samengevoegd met ${lookup.table}: een sleutel die daar vaker voorkomt telt vaker`,
        },
      }),
    };
  },
  pii_scan: (c, { typeOf }) => {
    const unknown = c.detect.filter((d) => !(d in piiSql));
    if (unknown.length > 0) return { soda: `detector ${unknown.join(", ")}`, ge: `detector ${unknown.join(", ")}` };
    const text = typeOf(c.table, c.column) === "text" ? sqlName(c.column) : `CAST(${sqlName(c.column)} AS VARCHAR)`;
    const scope = c.filter ? ` AND ${conditionSql(c.filter)}` : "";
    return {
      soda: [
        failedRows(
          c.id,
          c.table,
          `${sqlName(c.column)} IS NOT NULL AND (${c.detect.map((d) => piiSql[d]?.(text)).join("\n  OR ")})${scope}`,
        ),
      ],
      ge: "een BSN (elfproef) of IBAN (controlegetal) is geen patroon, en geen verwachting van GE rekent zo'n controle uit (dat vraagt een eigen verwachting in Python)",
    };
  },
  group_disparity: (c) => {
    const event = conditionSql(c.rate_of);
    const scope = c.filter ? `WHERE ${conditionSql(c.filter)}` : "";
    const group = sqlName(c.group_by);
    const query = `WITH g AS (
  SELECT ${group} AS groep, count(*) AS n, count_if(${event}) AS e FROM ${c.table} ${scope} GROUP BY ${group}
), whole AS (SELECT sum(e)::DOUBLE / sum(n) AS rate FROM g)
SELECT g.* FROM g, whole
WHERE g.groep IS NOT NULL AND g.n >= ${c.min_group_size} AND whole.rate > 0 AND g.e::DOUBLE / g.n > ${c.max_ratio} * whole.rate`;
    return {
      soda: [failQuery(c.id, c.table, query)],
      ge: "geen verwachting van GE vergelijkt hoe vaak iets voorkomt in een groep met het geheel",
      notes: { soda: "telt groepen, zoals livinglab" },
    };
  },
  drift: () => ({
    soda: noHistory,
    ge: "vergelijken met eerdere runs vraagt een opgeslagen geschiedenis; GE vergelijkt geen runs",
  }),
};

/**
 * The suite's checks for both peers. `typeOf` gives the kind of each column (from the data).
 * @example const plan = peerPlan(suite, typeOf); plan.notExpressed // [{ peer: "soda", id: "zaken-afdoening-drift", ... }]
 */
export function peerPlan(suite: Suite, typeOf: TypeOf): PeerPlan {
  const context: Context = { typeOf, referenceDate: suite.reference_date ?? new Date().toISOString().slice(0, 10) };
  const plan: PeerPlan = {
    checks: suite.checks.map((c) => c.id),
    soda: [],
    ge: { frames: Object.keys(suite.datasets).map((name) => ({ name, table: name })), expectations: [] },
    notExpressed: [],
    countNotes: [],
  };
  for (const check of suite.checks) {
    const translate = (translations as unknown as Record<string, ((c: Check, x: Context) => Translation) | undefined>)[
      check.kind
    ];
    // A threshold other than "no failing row" is not translated: both peers would judge it otherwise.
    const untranslated =
      check.max_failing !== undefined || check.max_failing_fraction !== undefined
        ? "deze bench vertaalt geen drempel (max_failing, max_failing_fraction)"
        : translate
          ? undefined
          : `deze bench heeft geen vertaling voor de soort '${check.kind}'`;
    const done: Translation =
      untranslated !== undefined
        ? { soda: untranslated, ge: untranslated }
        : (translate?.(check, context) ?? { soda: "", ge: "" });
    if (typeof done.soda === "string") plan.notExpressed.push({ peer: "soda", id: check.id, reason: done.soda });
    else plan.soda.push(...done.soda);
    if (typeof done.ge === "string") plan.notExpressed.push({ peer: "ge", id: check.id, reason: done.ge });
    else {
      plan.ge.expectations.push(...done.ge);
      for (const frame of done.frames ?? [])
        if (!plan.ge.frames.some((f) => f.name === frame.name)) plan.ge.frames.push(frame);
    }
    for (const [peer, note] of Object.entries(done.notes ?? {}) as [Peer, string][]) {
      if (plan.notExpressed.some((n) => n.peer === peer && n.id === check.id)) continue;
      plan.countNotes.push({ peer, id: check.id, note });
    }
  }
  return plan;
}

/** The SodaCL file of a plan: `checks for <table>` with each check named by its livinglab id. */
export function sodaYaml(plan: PeerPlan): string {
  const byTable: Record<string, SodaCheck["check"][]> = {};
  for (const c of plan.soda) {
    const section = `checks for ${c.table}`;
    byTable[section] = [...(byTable[section] ?? []), c.check];
  }
  return stringify(byTable, { lineWidth: 0 });
}

/** The ids of the checks a peer expresses, in the suite's order. */
export function expressedBy(plan: PeerPlan, peer: Peer): string[] {
  const ids = new Set(peer === "soda" ? plan.soda.map((c) => c.id) : plan.ge.expectations.map((e) => e.id));
  return plan.checks.filter((id) => ids.has(id));
}

/** The kind of every column of the Parquet files, as DuckDB reads them. */
export async function columnTypes(dir: string, tables: string[]): Promise<TypeOf> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  const types = new Map<string, ColumnInfo["category"]>();
  for (const table of tables) {
    const file = join(dir, `${table}.parquet`).replaceAll("'", "''");
    const reader = await connection.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${file}')`);
    for (const row of reader.getRowObjects())
      types.set(`${table}.${row.column_name}`, categoryOfType(String(row.column_type)));
  }
  connection.closeSync();
  instance.closeSync();
  return (table, column) => types.get(`${table}.${column}`) ?? "other";
}
