import { z } from "zod";

export const RUN_LOG_SCHEMA_VERSION = 1 as const;
export const GENESIS_HASH = "0".repeat(64);

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const fileFingerprintSchema = z.object({ name: z.string(), path: z.string(), sha256 });

/** One line of a run log. Within a schema version, fields are only ever added as optional. */
export const runRecordSchema = z.object({
  schema: z.literal(RUN_LOG_SCHEMA_VERSION),
  seq: z.number().int().min(1),
  id: z.string().min(1),
  type: z.literal("run"),
  at: z.string(),
  who: z.object({ name: z.string(), source: z.enum(["git", "env", "os"]) }),
  experiment: z.object({ id: z.string(), template: z.string(), file_sha256: sha256 }),
  analysis: z.object({ name: z.string(), params: z.record(z.string(), z.unknown()) }),
  justification: z.string().min(1),
  datasets: z.array(fileFingerprintSchema),
  code: z.object({ commit: z.string().nullable(), uncommitted_sha256: sha256.nullable() }),
  versions: z.object({ node: z.string(), livinglab: z.string(), engine: z.string() }),
  outcome: z.string(),
  metrics: z.record(z.string(), z.number().nullable()),
  artifacts: z.array(fileFingerprintSchema),
  prev_hash: sha256,
  hash: sha256,
});
export type RunRecord = z.infer<typeof runRecordSchema>;
