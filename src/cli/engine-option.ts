import { type EngineName, engineNames } from "../engines/open-engine.js";
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
} as const;
