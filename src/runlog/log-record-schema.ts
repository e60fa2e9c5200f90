import { z } from "zod";
import {
  correctionSchema,
  dataDestroyedSchema,
  principleDecidedSchema,
  reviewGivenSchema,
  summaryPublishedSchema,
  unsignedAcceptedSchema,
} from "./governance-schema.js";
import { runRecordSchema, runStartedRecordSchema } from "./run-record-schema.js";

/** One line of a run log, of any kind, told apart by its `type`. */
export const logRecordSchema = z.discriminatedUnion("type", [
  runStartedRecordSchema,
  runRecordSchema,
  principleDecidedSchema,
  reviewGivenSchema,
  summaryPublishedSchema,
  dataDestroyedSchema,
  correctionSchema,
  unsignedAcceptedSchema,
]);
export type LogRecord = z.infer<typeof logRecordSchema>;
export type LogRecordType = LogRecord["type"];

/** The Dutch name of each kind of record, for tables; exhaustive, so a new kind needs a name. */
export const logRecordLabels = {
  run_started: "run gestart",
  run: "run",
  principle_decided: "besluit",
  review_given: "review",
  summary_published: "samenvatting gepubliceerd",
  data_destroyed: "data vernietigd",
  correction: "correctie",
  unsigned_accepted: "niet ondertekend aanvaard",
} as const satisfies Record<LogRecordType, string>;

/**
 * Which kinds of record must be signed: the ones by which people decide, review, publish,
 * destroy, correct or accept. An unsigned one never counts, and `log verify` fails on it until
 * a signed `unsigned_accepted` names it. Runs are signed where a key is available.
 */
export const signatureRequired = {
  run_started: false,
  run: false,
  principle_decided: true,
  review_given: true,
  summary_published: true,
  data_destroyed: true,
  correction: true,
  unsigned_accepted: true,
} as const satisfies Record<LogRecordType, boolean>;

type Unsealed<R> = R extends LogRecord ? Omit<R, "schema" | "seq" | "prev_hash" | "hash"> : never;
/** A record as handed to the log, before it gets its place in the chain and its hash. */
export type NewLogRecord = Unsealed<LogRecord>;
