import { optionHint } from "../../errors/option-hint.js";
import { LivingLabError } from "../../errors/problem.js";

/** Where a Spark cluster is reached, and how; never holds a secret. */
export interface SparkAddress {
  protocol: "connect" | "thrift";
  host: string;
  port: number;
  tls: boolean;
  /** The user the session runs as (Spark Connect `user_id`, Thrift user name). */
  user: string;
  /** Thrift only: the database the session starts in. */
  database?: string;
  /** Thrift only: HTTP transport and its path, as gateways such as Knox and Databricks offer. */
  httpPath?: string;
  /** Spark Connect only: extra request headers, e.g. `x-databricks-cluster-id`. */
  headers: Record<string, string>;
}

/** Where the secrets come from: environment variables only, so they never show in a command or a log. */
export const SPARK_TOKEN_VARIABLE = "LIVINGLAB_SPARK_TOKEN";
export const SPARK_PASSWORD_VARIABLE = "LIVINGLAB_SPARK_PASSWORD";
/** PySpark's own variable for the address of a Spark Connect server. */
export const SPARK_REMOTE_VARIABLE = "SPARK_REMOTE";

const DEFAULT_PORTS = { connect: 15002, thrift: 10000 } as const;
const SECRET_PARAMS = new Set(["token", "password", "pwd"]);
const TRUE = new Set(["true", "1", "yes"]);

/** An address and the secret that goes with it, read from the environment only. */
export interface SparkTarget {
  address: SparkAddress;
  /** Bearer token (Spark Connect) or password (Thrift). */
  secret?: string;
}

/**
 * Reads a Spark address: `sc://host:port` (Spark Connect, PySpark's form, with `;use_ssl=true`,
 * `;user_id=...` and extra headers) or `hive2://host:port/database` (the Thrift server, with
 * `;ssl=true`, `;user=...`, `;transportMode=http;httpPath=...`). A secret in it is refused, unless
 * the address itself came from the environment (`SPARK_REMOTE` may carry `;token=`, as in PySpark).
 * @example sparkTargetOf("sc://127.0.0.1:15002")
 */
export function sparkTargetOf(url: string, fromEnvironment = false): SparkTarget {
  const match = /^(sc|hive2|jdbc:hive2):\/\/(\[[^\]]+\]|[^:/;]+)(?::(\d+))?\/?([^;]*)((?:;[^;]*)*)$/.exec(url.trim());
  if (!match) {
    throw new LivingLabError({
      code: "spark_url_invalid",
      message: `'${url.split(";")[0]}' is geen Spark-adres.`,
      hint: "Schrijf sc://host:poort voor Spark Connect, of hive2://host:poort/database voor de Thrift-server.",
    });
  }
  const [, scheme = "", host = "", port, path = "", rest = ""] = match;
  const protocol = scheme === "sc" ? "connect" : "thrift";
  const params = paramsOf(rest);
  const secret = Object.keys(params).find((key) => SECRET_PARAMS.has(key.toLowerCase()));
  if (secret !== undefined && !fromEnvironment) {
    throw new LivingLabError({
      code: "spark_secret_in_url",
      message: `Het Spark-adres bevat een geheim (${secret}); dat komt dan in uw opdrachtgeschiedenis en logboeken terecht.`,
      hint: `Haal '${secret}=...' uit het adres en zet het geheim in de omgevingsvariabele ${protocol === "connect" ? SPARK_TOKEN_VARIABLE : SPARK_PASSWORD_VARIABLE}.`,
    });
  }
  const take = (...names: string[]) => {
    for (const name of names) {
      const value = params[name];
      delete params[name];
      if (value !== undefined) return value;
    }
    return undefined;
  };
  const inUrl = secret === undefined ? undefined : take(secret);
  const tls = TRUE.has((take("use_ssl", "ssl") ?? "").toLowerCase());
  const user = take("user_id", "user") ?? process.env.USER ?? "livinglab";
  const httpMode = (take("transportMode") ?? "").toLowerCase() === "http";
  const httpPath = take("httpPath");
  const address: SparkAddress = {
    protocol,
    host: host.replace(/^\[|\]$/g, ""),
    port: port === undefined ? DEFAULT_PORTS[protocol] : Number(port),
    tls,
    user,
    ...(protocol === "thrift" && path !== "" && { database: decodeURIComponent(path) }),
    ...(httpMode && { httpPath: httpPath ?? "cliservice" }),
    headers: protocol === "connect" ? params : {},
  };
  const fromVariable = process.env[protocol === "connect" ? SPARK_TOKEN_VARIABLE : SPARK_PASSWORD_VARIABLE];
  const chosen = fromVariable !== undefined && fromVariable !== "" ? fromVariable : inUrl;
  return chosen === undefined ? { address } : { address, secret: chosen };
}

/** The address as it may be shown: no parameters, so nothing that could be a secret. */
export function describeSparkAddress(address: SparkAddress): string {
  return `${address.protocol === "connect" ? "sc" : "hive2"}://${address.host}:${address.port}`;
}

function paramsOf(rest: string): Record<string, string> {
  const params: Record<string, string> = {};
  for (const part of rest.split(";")) {
    if (part === "") continue;
    const at = part.indexOf("=");
    const key = at < 0 ? part : part.slice(0, at);
    params[key] = at < 0 ? "" : decodeURIComponent(part.slice(at + 1));
  }
  return params;
}

/**
 * The address to use: the option, else `SPARK_REMOTE`; a missing one is the user's to give.
 * @example sparkTarget(undefined) // reads SPARK_REMOTE
 */
export function sparkTarget(url: string | undefined): SparkTarget {
  if (url !== undefined) return sparkTargetOf(url);
  const chosen = process.env[SPARK_REMOTE_VARIABLE];
  if (chosen === undefined || chosen.trim() === "") {
    throw new LivingLabError({
      code: "spark_url_missing",
      message: "Er is geen Spark-adres opgegeven.",
      ...optionHint(
        (o) =>
          `Geef ${o("sparkUrl")}, of zet ${SPARK_REMOTE_VARIABLE}. Een lokale Spark start u met './lab spark start'.`,
      ),
    });
  }
  return sparkTargetOf(chosen, true);
}
