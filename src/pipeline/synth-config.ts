import { existsSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { readYamlWithSchema } from "../yaml/parse-with-schema.js";

export const SYNTH_FILE = "synth.yaml";

/** How an experiment's synthetic data is made, so every run can make it again. */
export const synthConfigSchema = z.strictObject({
  generator: z.literal("om"),
  zaken: z.number().int().min(1),
  seed: z.number().int().min(0),
  as_of: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Schrijf een datum als JJJJ-MM-DD."),
  defects: z.enum(["none", "all"]),
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
