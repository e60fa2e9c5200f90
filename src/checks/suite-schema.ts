import { z } from "zod";
import { closestWord } from "../yaml/closest-word.js";
import { isoDateSchema } from "../yaml/iso-date.js";
import { checkKinds, checkRegistry } from "./check-registry.js";
import { conditionSchema } from "./condition.js";

export const SUITE_FORMAT = "livinglab-suite/2";

/**
 * The most checks one suite may hold: ten per column of a table with a thousand columns. Far
 * more than a person reviews; more would make the results unreadable long before the engine
 * runs out of room (the planner splits a table's scan to fit its memory limit anyway).
 */
export const MAX_CHECKS = 10_000;

const commonCheckShape = {
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, "Een check-id bestaat uit kleine letters, cijfers, _ en -."),
  table: z.string().min(1),
  severity: z.enum(["warn", "fail"]).default("fail"),
  /** Largest number of failing rows that still passes. */
  max_failing: z.number().int().min(0).optional(),
  /** Largest share of failing rows (0 to 1) that still passes. */
  max_failing_fraction: z.number().min(0).max(1).optional(),
  /** Only rows that meet this condition are checked. */
  filter: conditionSchema.optional(),
  /** The defect kind of the ground truth this check should find (for `livinglab evaluate`). */
  finds: z.string().min(1).optional(),
};

/** One schema per kind, built from the registry so a new kind needs no edit here. */
const checkSchemas = checkKinds.map((kind) =>
  z.strictObject({ kind: z.literal(kind), ...commonCheckShape, ...checkRegistry[kind].params }),
);

export const checkSchema = z.discriminatedUnion(
  "kind",
  checkSchemas as [(typeof checkSchemas)[number], ...(typeof checkSchemas)[number][]],
  {
    error: (issue) => {
      const input: unknown = issue.input;
      const value = input !== null && typeof input === "object" && "kind" in input ? input.kind : input;
      const kind = typeof value === "string" ? value : undefined;
      const near = kind === undefined ? undefined : closestWord(kind, checkKinds);
      return `Onbekende soort check${kind ? ` '${kind}'` : ""}.${near ? ` Bedoelt u '${near}'?` : ""} Soorten: ${checkKinds.join(", ")}.`;
    },
  },
);
export type Check = z.infer<typeof checkSchema>;

/** Where a dataset lives and what identifies a row; samples of failing rows show only the key. */
export const datasetSchema = z.strictObject({
  /** A Parquet, CSV or DuckDB file, relative to the suite file. */
  file: z.string().min(1).optional(),
  /** The table inside a DuckDB file or on the PostgreSQL server (default: the dataset name). */
  table: z.string().min(1).optional(),
  key: z.union([
    z
      .string()
      .min(1)
      .transform((k) => [k]),
    z.array(z.string().min(1)).min(1),
  ]),
});
export type DatasetSpec = z.infer<typeof datasetSchema>;

export const suiteSchema = z.strictObject({
  format: z.literal(SUITE_FORMAT),
  name: z.string().min(1),
  /** The date "today" means for relative ranges and freshness; the run can override it. */
  reference_date: isoDateSchema.optional(),
  datasets: z.record(z.string().min(1), datasetSchema),
  checks: z
    .array(checkSchema)
    .min(1)
    .superRefine((checks, ctx) => {
      if (checks.length <= MAX_CHECKS) return;
      ctx.addIssue({
        code: "custom",
        message: `Deze suite heeft ${checks.length} checks; een suite heeft er hoogstens ${MAX_CHECKS}.`,
        params: { code: "suite_too_many_checks", hint: "Splits de suite, bijvoorbeeld in één suite per tabel." },
      });
    }),
});
export type Suite = z.infer<typeof suiteSchema>;
