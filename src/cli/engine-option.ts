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
  "spark-url": { type: "string" },
  memory: { type: "string" },
  threads: { type: "string" },
} as const;

/** The connection options as the pipelines take them; secrets never come from here. */
export function connectionOptions(values: { "pg-url"?: string; "spark-url"?: string }): {
  pgUrl?: string;
  sparkUrl?: string;
} {
  return {
    ...(values["pg-url"] !== undefined && { pgUrl: values["pg-url"] }),
    ...(values["spark-url"] !== undefined && { sparkUrl: values["spark-url"] }),
  };
}

/** The help lines for the engine options, the same in every command. */
export const ENGINE_HELP = `  --engine <e>           duckdb (standaard: Parquet, CSV of DuckDB-bestand), postgres of spark
  --pg-url <url>         PostgreSQL-verbinding; zonder deze optie gelden PGHOST, PGPORT, PGUSER, ...
  --spark-url <url>      Spark-adres: sc://host:poort (Spark Connect) of hive2://host:poort (Thrift);
                         zonder deze optie geldt SPARK_REMOTE. Een token of wachtwoord komt alleen
                         uit LIVINGLAB_SPARK_TOKEN of LIVINGLAB_SPARK_PASSWORD, nooit uit de opdracht.
  --memory <grootte>     hoeveel geheugen DuckDB mag gebruiken, zoals 2GB (standaard 1GB, of LIVINGLAB_MEMORY);
                         daarboven schrijft DuckDB tijdelijk naar schijf
  --threads <n>          hoeveel threads DuckDB gebruikt (standaard één per kern, of LIVINGLAB_THREADS)`;

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
