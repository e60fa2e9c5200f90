import type { z } from "zod";
import { LivingLabError } from "../errors/problem.js";
import { problemsFromZod } from "./problems-from-zod.js";
import { readYamlSource, type YamlSource } from "./yaml-source.js";

/** Checks a parsed YAML source against a schema; all problems are reported at once. */
export function parseSourceWithSchema<S extends z.ZodType>(source: YamlSource, schema: S): z.infer<S> {
  const result = schema.safeParse(source.value);
  if (!result.success) throw new LivingLabError(problemsFromZod(result.error, source, schema));
  return result.data;
}

/** Reads a YAML file and checks it against a schema. */
export async function readYamlWithSchema<S extends z.ZodType>(
  file: string,
  schema: S,
): Promise<{ source: YamlSource & { sha256: string }; value: z.infer<S> }> {
  const source = await readYamlSource(file);
  return { source, value: parseSourceWithSchema(source, schema) };
}
