import { z } from "zod";
import { checkKinds, checkRegistry } from "./check-registry.js";

export const SUITE_FORMAT = "livinglab-suite/1";

const commonCheckShape = {
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, "Een check-id bestaat uit kleine letters, cijfers, _ en -."),
  table: z.string().min(1),
  severity: z.enum(["warn", "fail"]).default("fail"),
  /** Largest number of failing rows that still passes. */
  max_failing: z.number().int().min(0).optional(),
  /** Largest share of failing rows (0 to 1) that still passes. */
  max_failing_fraction: z.number().min(0).max(1).optional(),
};

/** One schema per kind, built from the registry so a new kind needs no edit here. */
const checkSchemas = checkKinds.map((kind) =>
  z.strictObject({ kind: z.literal(kind), ...commonCheckShape, ...checkRegistry[kind].params }),
);

export const checkSchema = z.discriminatedUnion(
  "kind",
  checkSchemas as [(typeof checkSchemas)[number], ...(typeof checkSchemas)[number][]],
);
export type Check = z.infer<typeof checkSchema>;

export const suiteSchema = z.strictObject({
  format: z.literal(SUITE_FORMAT),
  name: z.string().min(1),
  /** Table name to a Parquet or CSV file, relative to the suite file. */
  datasets: z.record(z.string(), z.string().min(1)),
  checks: z.array(checkSchema).min(1),
});
export type Suite = z.infer<typeof suiteSchema>;
