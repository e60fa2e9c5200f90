import { z } from "zod";
import { principleStatuses } from "../templates/principle-schema.js";
import { fileFingerprintSchema, recordBaseSchema, sha256Schema } from "./run-record-schema.js";

/** A principle of the experiment decided, with its status and rationale. */
export const principleDecidedSchema = recordBaseSchema.extend({
  type: z.literal("principle_decided"),
  principle: z.string(),
  status: z.enum(principleStatuses),
  toelichting: z.string().min(1),
  /** The role that decided, e.g. jurist or opdrachtgever. */
  besloten_door: z.string().optional(),
  /** A score 0-5, where the template asks one for this principle. */
  score: z.number().int().min(0).max(5).optional(),
});

export const verdicts = ["goedgekeurd", "afgekeurd"] as const;
export type Verdict = (typeof verdicts)[number];

/** A review, by someone other than the author of what is reviewed. */
export const reviewGivenSchema = recordBaseSchema.extend({
  type: z.literal("review_given"),
  verdict: z.enum(verdicts),
  toelichting: z.string().min(1),
  /** The run reviewed (by default the latest finished run; null for a review of the plan) and its maker. */
  run: z.string().nullable(),
  author: z.string().nullable(),
  /** The hash of the reviewed run's record: it binds the review to exactly that run and the data it read. */
  run_hash: sha256Schema.optional(),
  /** The reviewer's role, such as privacy officer, where it is given. */
  role: z.string().optional(),
});

/** A summary handed to its readers, with the hash of exactly what they got. */
export const summaryPublishedSchema = recordBaseSchema.extend({
  type: z.literal("summary_published"),
  file: fileFingerprintSchema,
  aan: z.string().min(1),
  run: z.string().nullable(),
  /** The reviewed run's record hash, and the approving review that made the summary final. */
  run_hash: sha256Schema.optional(),
  review: z.string().optional(),
});

/**
 * What a destroyed file held, by its content fingerprint: read whole, and read as each run of the
 * experiment read it (a table in it, only some columns). A copy under another file or in another
 * format is recognised by it, also when no run ever read the file.
 */
export const destroyedContentSchema = z.object({
  /** SHA-256 of the destroyed file. */
  file: sha256Schema,
  table: z.string().optional(),
  rows: z.number().int().min(0),
  columns: z.array(z.string()),
  content_sha256: sha256Schema,
  method: z.string(),
});
export type DestroyedContent = z.infer<typeof destroyedContentSchema>;

/** Data destroyed: the fingerprints of what existed, and why it went. */
export const dataDestroyedSchema = recordBaseSchema.extend({
  type: z.literal("data_destroyed"),
  files: z.array(fileFingerprintSchema).min(1),
  /** Absent in records from before contents were fingerprinted, and for files no engine reads. */
  contents: z.array(destroyedContentSchema).optional(),
  reden: z.string().min(1),
});

/** A correction never rewrites: it refers to the earlier record by its place and hash. */
export const correctionSchema = recordBaseSchema.extend({
  type: z.literal("correction"),
  refers_to: z.object({ seq: z.number().int().min(1), id: z.string(), type: z.string(), hash: sha256Schema }),
  correctie: z.string().min(1),
});

/**
 * Unsigned governance records (from before signing, or written past the tool) accepted by a signed
 * record that names each of them: they still never count, but `log verify` no longer fails on
 * them. The chain binds what they hold, so naming their places is enough.
 */
export const unsignedAcceptedSchema = recordBaseSchema.extend({
  type: z.literal("unsigned_accepted"),
  records: z.array(z.number().int().min(1)).min(1),
  toelichting: z.string().min(1),
});

export type PrincipleDecided = z.infer<typeof principleDecidedSchema>;
export type ReviewGiven = z.infer<typeof reviewGivenSchema>;
export type SummaryPublished = z.infer<typeof summaryPublishedSchema>;
export type DataDestroyed = z.infer<typeof dataDestroyedSchema>;
export type Correction = z.infer<typeof correctionSchema>;
export type UnsignedAccepted = z.infer<typeof unsignedAcceptedSchema>;
