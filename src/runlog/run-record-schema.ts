import { z } from "zod";
import { metricUnits } from "../checks/metric-unit.js";
import { recordedErrorSchema } from "./recorded-error.js";

/** Written by this version. Schema 1 logs (finished runs only) still read and verify. */
export const RUN_LOG_SCHEMA_VERSION = 2 as const;
export const GENESIS_HASH = "0".repeat(64);

export const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);

export const fileFingerprintSchema = z.object({
  name: z.string(),
  /** Relative to the experiment's folder. */
  path: z.string(),
  sha256: sha256Schema,
  /** A file outside the experiment's folder: its real path from the lab's root (a place the experiment declares). */
  location: z.string().optional(),
});
export type FileFingerprint = z.infer<typeof fileFingerprintSchema>;

/** A database table's content, fingerprinted by a checksum the engine computes in SQL. */
export const tableFingerprintSchema = z.object({
  name: z.string(),
  engine: z.string(),
  table: z.string(),
  row_count: z.number().int().min(0),
  checksum: sha256Schema,
  method: z.string(),
});
export type TableFingerprint = z.infer<typeof tableFingerprintSchema>;

/**
 * What an engine read of one dataset: the content fingerprint of its rows, computed where the
 * data lives (the same on every engine, see src/fingerprint/), and the file's hash where there is a file.
 */
export const dataFingerprintSchema = z.object({
  name: z.string(),
  /** The engine and its version, such as `duckdb v1.5.6`. */
  engine: z.string(),
  file: z.object({ path: z.string(), sha256: sha256Schema, location: z.string().optional() }).optional(),
  table: z.string().optional(),
  rows: z.number().int().min(0),
  columns: z.array(z.string()),
  /**
   * The content fingerprint of the rows read. Absent where the file's SHA-256 names what was read
   * and no content the log records as destroyed has as many rows and the same columns (so none
   * can be the same): the rows are then not read a second time for it.
   */
  content_sha256: sha256Schema.optional(),
  /** How the content fingerprint was computed, such as `livinglab-inhoud/1`; with `content_sha256`. */
  method: z.string().optional(),
  /** A table the analysis made itself from what it read, recorded for provenance; not data it read. */
  made: z.literal(true).optional(),
  /** A DataFrame handed back from a notebook: rows read from memory, not from a file or a table. */
  frame: z.literal(true).optional(),
  /**
   * The run whose scan computed `content_sha256`, when this run took it over instead of reading
   * every row for it: the very same file bytes (SHA-256), read whole by the same engine and
   * version, with the same columns and method, recorded in this log by a run not withdrawn.
   */
  content_from: z.string().optional(),
});
export type DataFingerprint = z.infer<typeof dataFingerprintSchema>;

/** One check of a run as the log keeps it, for the tool's own evidence: never a value from the data. */
export const checkSummarySchema = z.object({
  id: z.string(),
  dimension: z.string(),
  outcome: z.string(),
  /** What its failing and looked-at counts count: rows, groups, or nothing (see the results format). */
  counted: z.string(),
  /** The share of the rows it looked at that failed, for checks that count rows; else null. */
  share_of_rows: z.number().nullable(),
});
export type CheckSummary = z.infer<typeof checkSummarySchema>;

/** The answers a template asks to state before the first run (margins, success criteria), as they were. */
export const statedInAdvanceSchema = z.object({
  sha256: sha256Schema,
  answers: z.record(z.string(), z.unknown()),
});
export type StatedInAdvance = z.infer<typeof statedInAdvanceSchema>;

/** Per reader (a check id, or the analysis's name), the columns it reads as `dataset.column`; `dataset.*` is every column. */
export const columnsReadSchema = z.record(z.string(), z.array(z.string()));

/**
 * Who made a record. `key`: the name of the person in the people file whose key signed it (the
 * signature proves it); `git`, `env`, `os`: a name as the machine gave it, proven by nothing.
 */
export const whoSchema = z.object({ name: z.string(), source: z.enum(["git", "env", "os", "key"]) });
export type Who = z.infer<typeof whoSchema>;

/** What every line of a log holds: its place in the chain, who and when. */
export const recordBaseSchema = z.object({
  schema: z.union([z.literal(1), z.literal(RUN_LOG_SCHEMA_VERSION)]),
  seq: z.number().int().min(1),
  id: z.string().min(1),
  at: z.string(),
  who: whoSchema,
  experiment: z.object({ id: z.string(), template: z.string(), file_sha256: sha256Schema }),
  /** Set when this append found a torn last line (a crashed write) and moved it to `<log>.torn`. */
  torn_tail_set_aside: z.object({ bytes: z.number().int().min(1), sha256: sha256Schema }).optional(),
  prev_hash: sha256Schema,
  /** The maker's OpenSSH signature (SSHSIG) over the record without its hash and signature; see src/people/. */
  signature: z.string().optional(),
  hash: sha256Schema,
});

const analysisSchema = z.object({ name: z.string(), params: z.record(z.string(), z.unknown()) });
const codeSchema = z.object({
  commit: z.string().nullable(),
  uncommitted_sha256: sha256Schema.nullable(),
  /** What the hash covers: tracked files changed and untracked (not ignored) files; absent before it was recorded. */
  uncommitted: z
    .object({ tracked_files: z.number().int().min(0), untracked_files: z.number().int().min(0) })
    .optional(),
});

/** Written when a run starts; a start without its `run` record is an unfinished (crashed) run. */
export const runStartedRecordSchema = recordBaseSchema.extend({
  type: z.literal("run_started"),
  analysis: analysisSchema,
  justification: z.string().min(1),
  /** The run whose justification this run reuses, by id. */
  justification_reused_from: z.string().optional(),
  /** The run this analysis is part of (a notebook run), by id. */
  parent_run: z.string().optional(),
  datasets: z.array(fileFingerprintSchema).optional(),
  /** The suite file the run executes, with its hash. */
  suite: fileFingerprintSchema.optional(),
  /** The columns the analysis said, before the door, it would read. */
  columns_read: columnsReadSchema.optional(),
  stated_in_advance: statedInAdvanceSchema.optional(),
  code: codeSchema,
  versions: z.object({ node: z.string(), livinglab: z.string(), engine: z.string().optional() }),
});
export type RunStartedRecord = z.infer<typeof runStartedRecordSchema>;

/**
 * A finished run, in full: `at` is when it started (the same as its `run_started`), `ended_at`
 * when it ended. Within a schema version, fields are only ever added as optional.
 */
export const runRecordSchema = recordBaseSchema.extend({
  type: z.literal("run"),
  analysis: analysisSchema,
  justification: z.string().min(1),
  justification_reused_from: z.string().optional(),
  /** The run this analysis is part of (a notebook run), by id. */
  parent_run: z.string().optional(),
  datasets: z.array(fileFingerprintSchema),
  tables: z.array(tableFingerprintSchema).optional(),
  /** What the engine read of each dataset: content fingerprint and file hash. */
  data: z.array(dataFingerprintSchema).optional(),
  suite: fileFingerprintSchema.optional(),
  /** The columns each check (or the analysis) touched. */
  columns_read: columnsReadSchema.optional(),
  stated_in_advance: statedInAdvanceSchema.optional(),
  checks: z.array(checkSummarySchema).optional(),
  code: codeSchema,
  versions: z.object({ node: z.string(), livinglab: z.string(), engine: z.string() }),
  outcome: z.string(),
  metrics: z.record(z.string(), z.number().nullable()),
  /** What each metric measures, by metric name; runs logged before units were recorded have none. */
  metric_units: z.record(z.string(), z.enum(metricUnits)).optional(),
  artifacts: z.array(fileFingerprintSchema),
  ended_at: z.string().optional(),
  /** Set when the analysis threw: the run ended, but with an error, recorded by code and kind. */
  error: recordedErrorSchema.optional(),
});
export type RunRecord = z.infer<typeof runRecordSchema>;
