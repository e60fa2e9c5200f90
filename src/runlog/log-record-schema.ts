import { z } from "zod";
import {
  correctionSchema,
  dataDestroyedSchema,
  principleDecidedSchema,
  reviewGivenSchema,
  summaryPublishedSchema,
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
} as const satisfies Record<LogRecordType, string>;

type Unsealed<R> = R extends LogRecord ? Omit<R, "schema" | "seq" | "prev_hash" | "hash"> : never;
/** A record as handed to the log, before it gets its place in the chain and its hash. */
export type NewLogRecord = Unsealed<LogRecord>;
