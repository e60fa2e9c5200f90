import { existsSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import { z } from "zod";
import type { DefectSpec } from "../synth/defect-rates.js";
import { readDefectsFile } from "../synth/defect-rates.js";
import { isoDateSchema } from "../yaml/iso-date.js";
import { readYamlWithSchema } from "../yaml/parse-with-schema.js";

export const SYNTH_FILE = "synth.yaml";

/** How an experiment's synthetic data is made, so every run can make it again. */
export const synthConfigSchema = z.strictObject({
  generator: z.literal("om"),
  zaken: z.number().int().min(1),
  seed: z.number().int().min(0),
  as_of: isoDateSchema,
  /** `none`, `all`, or a defects file (YAML or JSON) relative to the experiment folder. */
  defects: z.string().min(1),
  /** Also write the tables as CSV. */
  csv: z.boolean().default(false),
  /** Folder for the generated tables, relative to the experiment folder. */
  out: z.string().min(1).default("data"),
});
export type SynthConfig = z.infer<typeof synthConfigSchema>;

/** Reads an experiment's synth.yaml, if it has one. */
export async function readSynthConfig(experimentDir: string): Promise<SynthConfig | undefined> {
  const file = join(experimentDir, SYNTH_FILE);
  if (!existsSync(file)) return undefined;
  return (await readYamlWithSchema(file, synthConfigSchema)).value;
}

/**
 * Turns `none`, `all` or the path of a defects file (relative to `baseDir`) into a defect spec.
 * @example const spec = await defectSpecFrom("defecten.yaml", "experiments/om-datakwaliteit");
 */
export async function defectSpecFrom(defects: string, baseDir: string): Promise<DefectSpec> {
  if (defects === "none" || defects === "all") return defects;
  return readDefectsFile(isAbsolute(defects) ? defects : join(baseDir, defects));
}
