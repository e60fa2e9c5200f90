import { z } from "zod";
import { MIN_CELL_SIZE } from "../report/html.js";
import { dimensions } from "./check-definition.js";
import { outcomes } from "./check-result.js";
import {
  type Counted,
  countedThings,
  countedWords,
  type KnownUnit,
  knownUnits,
  metricUnits,
  unitWords,
} from "./metric-unit.js";
import { publishCheck, publishedCountSchema, standInCounts } from "./publish-check.js";

/**
 * The one format of check results: what `check --json` writes, the experiment's
 * `rapport/resultaten.json` and `rapport/runs/<run>.json`, and what notebooks and the site read.
 * Version 3 holds counts as others may read them (see `publishCheck`); 2 held every count.
 */
export const CHECK_RESULTS_FORMAT = "livinglab-check-results/3";
const FORMAT_TWO = "livinglab-check-results/2";

/** Shares are computed in floating point; this is how far a share may lie from failing over rows. */
const SHARE_TOLERANCE = 1e-9;

/** The fields of a check result, before the checks that tie a metric to its unit. */
const checkResultFields = z.object({
  id: z.string(),
  kind: z.string(),
  dimension: z.enum(dimensions),
  table: z.string(),
  severity: z.enum(["warn", "fail"]),
  /** What the check expects, in one Dutch sentence. */
  description: z.string(),
  /** What the technical appendix shows beside the sentence (a raw pattern); never in the sentence. */
  technical: z.string().optional(),
  outcome: z.enum(outcomes),
  /** The check's measurement in `unit`; null when nothing was measured. */
  metric: z.number().nullable(),
  /** What `metric` is: a share (0 to 1), a count, a ratio, or the size of a change in one of those. */
  unit: z.enum(metricUnits),
  /** What `failing_count` and `row_count` count: rows, groups, or nothing (drift). */
  counted: z.enum(countedThings),
  /** Rows (or groups) that fail. */
  failing_count: z.number().int().min(0),
  /** Rows (or groups) looked at: the denominator of a share. */
  row_count: z.number().int().min(0),
  /** The allowed error margin, by name. */
  threshold: z.record(z.string(), z.number()),
  /** A few failing rows by key (or failing groups by name), never by a text field. */
  sample: z.array(z.string()),
  /**
   * What was found, in Dutch words a business owner reads, with small counts suppressed:
   * "bij 62,0% van de rijen in zaken ontbreekt afdoening". Absent when nothing was measured.
   */
  finding: z.string().optional(),
  /** Why the check could not be evaluated; set only then. */
  reason: z.string().optional(),
  /** The defect kind the check is meant to find, when the suite says so. */
  finds: z.string().optional(),
  /** True for a check written as custom SQL. */
  custom: z.boolean().optional(),
});

/** The metric fits its unit, and a share of rows is failing over rows looked at. */
function checkMetric(check: z.infer<typeof checkResultFields>, context: z.RefinementCtx): void {
  const issue = (message: string) => context.addIssue({ code: "custom", path: ["metric"], message });
  if (check.metric === null) return;
  if (check.failing_count > check.row_count && check.counted !== "nothing") {
    context.addIssue({
      code: "custom",
      path: ["failing_count"],
      message: `Er falen meer ${countedWords[check.counted].many} dan er zijn bekeken.`,
    });
  }
  if (!unitWords[check.unit].values.safeParse(check.metric).success) {
    issue(`De meting ${check.metric} past niet bij de eenheid '${check.unit}'.`);
  }
  if (check.unit === "share" && check.counted !== "nothing" && check.row_count > 0) {
    const share = check.failing_count / check.row_count;
    if (Math.abs(share - check.metric) > SHARE_TOLERANCE)
      issue(`Het aandeel ${check.metric} is niet failing_count / row_count (${share}).`);
  }
}

/** What one check found. "The data failed" is a result like this, never an exception. */
export const checkResultSchema = checkResultFields.superRefine(checkMetric);
export type CheckResult = z.infer<typeof checkResultSchema>;

/** A check result as written to a file others read: a suppressed count as its bound, and then no metric. */
const publishedCheckSchema = checkResultFields
  .extend({ failing_count: publishedCountSchema, row_count: publishedCountSchema })
  .superRefine((check, context) => {
    const { failing_count, row_count } = check;
    if (typeof failing_count === "number" && typeof row_count === "number") {
      checkMetric({ ...check, failing_count, row_count }, context);
    } else if (check.metric !== null && failing_count !== 0) {
      context.addIssue({ code: "custom", path: ["metric"], message: "Bij een onderdrukt aantal hoort geen meting." });
    }
  });

/** The results of one suite on one engine. */
export const suiteResultSchema = z.object({
  suite: z.string(),
  engine: z.string(),
  reference_date: z.string(),
  outcome: z.enum(outcomes),
  checks: z.array(checkResultSchema),
});
export type SuiteResult = z.infer<typeof suiteResultSchema>;

/** A results file: the suite's results as others may read them, the format and the run that made them. */
export const checkResultsFileSchema = suiteResultSchema.extend({
  format: z.literal(CHECK_RESULTS_FORMAT),
  run_id: z.string(),
  /** Counts below this (and counts that leave fewer over) are held as a bound. */
  min_cell_size: z.number().int().min(1),
  checks: z.array(publishedCheckSchema),
});
export type CheckResultsFile = z.infer<typeof checkResultsFileSchema>;

/** Format 2: every count as it was measured. */
const formatTwoSchema = suiteResultSchema.extend({ format: z.literal(FORMAT_TWO), run_id: z.string() });

/**
 * The results file of a run, in the current format: the output rules applied to every check.
 * @example await writeJson("uit.json", checkResultsFile(run.result, run.record.id));
 */
export function checkResultsFile(result: SuiteResult, runId: string): CheckResultsFile {
  return checkResultsFileSchema.parse({
    format: CHECK_RESULTS_FORMAT,
    run_id: runId,
    ...result,
    min_cell_size: MIN_CELL_SIZE,
    checks: result.checks.map(publishCheck),
  });
}

/** A check result as a reader of older files knows it: the unit may be unrecorded. */
export const checkResultReadSchema = checkResultFields.extend({ unit: z.enum(knownUnits) });
export type CheckResultRead = z.infer<typeof checkResultReadSchema>;

/** Results as read from a file of any format this version reads. */
export interface CheckResultsRead extends Omit<CheckResultsFile, "format" | "checks" | "min_cell_size"> {
  /** The format the file was written in; 1 files are migrated when read. */
  format: typeof CHECK_RESULTS_FORMAT | typeof FORMAT_TWO | typeof FORMAT_ONE;
  /**
   * Every count a number; in a file of format 3 a suppressed count stands in as a number
   * inside its bound (see `standInCounts`), which readers show only through the same suppression.
   */
  checks: CheckResultRead[];
}

const FORMAT_ONE = "livinglab-check-results/1";

/**
 * Format 1 recorded no unit: there a check's kind fixed what its metric meant. This table is
 * that format's definition, frozen as it was; kinds added later never occur in format 1
 * files. Format 1 did not say which check a drift followed, so its unit stays unrecorded.
 */
const formatOneMeaning: Record<string, { unit: KnownUnit; counted: Counted }> = {
  not_null: { unit: "share", counted: "rows" },
  pattern: { unit: "share", counted: "rows" },
  accepted_values: { unit: "share", counted: "rows" },
  unique_key: { unit: "share", counted: "rows" },
  value_range: { unit: "share", counted: "rows" },
  date_order: { unit: "share", counted: "rows" },
  conditional_rule: { unit: "share", counted: "rows" },
  freshness: { unit: "share", counted: "rows" },
  referential_integrity: { unit: "share", counted: "rows" },
  derived_value: { unit: "share", counted: "rows" },
  pii_scan: { unit: "share", counted: "rows" },
  custom_sql: { unit: "share", counted: "rows" },
  row_count: { unit: "count", counted: "rows" },
  group_disparity: { unit: "ratio", counted: "groups" },
  drift: { unit: "unrecorded", counted: "nothing" },
};

/** Format 1: `check --json` wrote `format` and `run_id`; `rapport/resultaten.json` wrote `run` and no format. */
const formatOneSchema = z
  .object({
    format: z.literal(FORMAT_ONE).optional(),
    run_id: z.string().optional(),
    run: z.string().optional(),
    suite: z.string().default(""),
    engine: z.string().default(""),
    reference_date: z.string().default(""),
    outcome: z.enum(outcomes),
    checks: z.array(
      z.object({
        id: z.string(),
        kind: z.string(),
        dimension: z.enum(dimensions),
        table: z.string(),
        severity: z.enum(["warn", "fail"]).default("fail"),
        description: z.string(),
        outcome: z.enum(outcomes),
        metric: z.number().nullable(),
        failing_count: z.number(),
        row_count: z.number(),
        threshold: z.record(z.string(), z.number()),
        sample: z.array(z.string()).default([]),
        reason: z.string().optional(),
        finds: z.string().optional(),
        custom: z.boolean().optional(),
      }),
    ),
  })
  .refine((file) => (file.run_id ?? file.run) !== undefined);

/**
 * Reads results of any format this version knows: format 2 as it is, format 1 migrated
 * (units from the kind, as format 1 defined them; a drift's unit unrecorded). Undefined
 * for anything else.
 * @example const results = readCheckResults(JSON.parse(await readFile("rapport/resultaten.json", "utf8")));
 */
export function readCheckResults(value: unknown): CheckResultsRead | undefined {
  const current = checkResultsFileSchema.safeParse(value);
  if (current.success) {
    const { min_cell_size: _size, checks, ...rest } = current.data;
    return { ...rest, checks: checks.map((check) => ({ ...check, ...standInCounts(check) })) };
  }
  const two = formatTwoSchema.safeParse(value);
  if (two.success) return two.data;
  const old = formatOneSchema.safeParse(value);
  if (!old.success) return undefined;
  const { run, run_id, format: _format, checks, ...rest } = old.data;
  return {
    ...rest,
    format: FORMAT_ONE,
    run_id: (run_id ?? run) as string,
    checks: checks.map((check) => ({
      ...check,
      ...(formatOneMeaning[check.kind] ?? { unit: "unrecorded", counted: "nothing" }),
    })),
  };
}
