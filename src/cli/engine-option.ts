import { type EngineName, type EngineResources, engineNames } from "../engines/open-engine.js";
import { oneOf } from "./positionals.js";

/** Reads `--engine`; default duckdb, anything else than a known engine is a usage error. */
export function engineOption(value: string | undefined, command: string): EngineName {
  if (value === undefined) return "duckdb";
  return oneOf(value, engineNames, {
    message: `Onbekende engine '${value}'.`,
    hint: `Kies uit ${engineNames.join(", ")}; zie 'livinglab ${command} --help'.`,
  });
}

/** The options every analysis command shares. */
export const engineOptions = {
  engine: { type: "string" },
  "pg-url": { type: "string" },
  memory: { type: "string" },
  threads: { type: "string" },
} as const;

/** `--memory` and `--threads` as the engine takes them; the engine checks the values. */
export function engineResources(values: {
  memory?: string | undefined;
  threads?: string | undefined;
}): EngineResources {
  return {
    ...(values.memory !== undefined && { memoryLimit: values.memory }),
    ...(values.threads !== undefined && {
      threads: /^\d+$/.test(values.threads) ? Number(values.threads) : Number.NaN,
    }),
  };
}
