import { z } from "zod";
import { metricUnits } from "../checks/metric-unit.js";
import { recordedErrorSchema } from "./recorded-error.js";

/** Written by this version. Schema 1 logs (finished runs only) still read and verify. */
export const RUN_LOG_SCHEMA_VERSION = 2 as const;
export const GENESIS_HASH = "0".repeat(64);

export const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);

export const fileFingerprintSchema = z.object({ name: z.string(), path: z.string(), sha256: sha256Schema });
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

export const whoSchema = z.object({ name: z.string(), source: z.enum(["git", "env", "os"]) });
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
  datasets: z.array(fileFingerprintSchema).optional(),
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
  datasets: z.array(fileFingerprintSchema),
  tables: z.array(tableFingerprintSchema).optional(),
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
