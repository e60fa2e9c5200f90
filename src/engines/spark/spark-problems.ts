import { status } from "@grpc/grpc-js";
import { optionHint } from "../../errors/option-hint.js";
import { LivingLabError } from "../../errors/problem.js";
import {
  describeSparkAddress,
  SPARK_PASSWORD_VARIABLE,
  SPARK_TOKEN_VARIABLE,
  type SparkAddress,
} from "./spark-address.js";

/**
 * Error classes whose message names only identifiers, paths and the SQL text, never a value
 * from the data; other messages (a failed cast shows the value) are left out of what we keep.
 */
const MESSAGE_WITHOUT_DATA = [
  /^PARSE_/,
  /^UNRESOLVED_/,
  /^TABLE_OR_VIEW_NOT_FOUND$/,
  /^PATH_NOT_FOUND$/,
  /^DATATYPE_MISMATCH/,
  /^WRONG_NUM_ARGS/,
  /^AMBIGUOUS_/,
  /^UNSUPPORTED_/,
  /^INVALID_SQL_SYNTAX/,
  /^MISSING_AGGREGATION$/,
];

/** A query that Spark refused or could not finish: a tool error, unless the engine knows better. */
export class SparkQueryError extends Error {
  constructor(
    /** Spark's error class, e.g. `TABLE_OR_VIEW_NOT_FOUND`; empty when Spark gave none. */
    readonly errorClass: string,
    /** Spark's message when it holds no data value, else empty. */
    readonly detail: string,
  ) {
    super(`Spark weigerde de opdracht: ${errorClass || "onbekende fout"}${detail ? `: ${detail}` : ""}`);
    this.name = "SparkQueryError";
  }
}

/** Reads Spark's error class from its message (`[CLASS] ...`) and keeps the message only when it is safe. */
export function sparkQueryErrorOf(message: string): SparkQueryError {
  // Spark appends the plan or a stack trace after the first line; the first line says it.
  const first = message.trim().split("\n")[0] ?? "";
  // Without an error class (a JVM error such as OutOfMemoryError), the exception's name says it.
  const errorClass =
    /\[([A-Z][A-Z0-9_]*(?:\.[A-Z0-9_]+)*)\]/.exec(first)?.[1] ??
    /\b(?:java|scala|org)\.[\w.$]*?(\w+(?:Error|Exception))\b/.exec(first)?.[1] ??
    "";
  // The Thrift server wraps Spark's message in its own exception names; keep Spark's last words.
  const spoken = first.slice(first.lastIndexOf(`[${errorClass}]`));
  const safe = errorClass !== "" && MESSAGE_WITHOUT_DATA.some((pattern) => pattern.test(errorClass));
  return new SparkQueryError(errorClass, safe ? spoken : "");
}

/** The server cannot be reached at all: the user's to fix (start it, or give the right address). */
export function sparkUnreachable(address: SparkAddress): LivingLabError {
  return new LivingLabError({
    code: "spark_unreachable",
    message: `Geen verbinding met Spark op ${describeSparkAddress(address)}.`,
    ...optionHint(
      (o) =>
        `Start een lokale Spark met './lab spark start', of geef het adres van uw cluster met ${o("sparkUrl")} of SPARK_REMOTE.`,
    ),
  });
}

/** The server refused who we are. */
export function sparkAccessDenied(address: SparkAddress): LivingLabError {
  const variable = address.protocol === "connect" ? SPARK_TOKEN_VARIABLE : SPARK_PASSWORD_VARIABLE;
  return new LivingLabError({
    code: "spark_access_denied",
    message: `Spark op ${describeSparkAddress(address)} weigert de toegang.`,
    hint: `Zet een geldig ${address.protocol === "connect" ? "token" : "wachtwoord"} in de omgevingsvariabele ${variable}; zet het nooit in de opdracht zelf.`,
  });
}

/** Turns a gRPC error of Spark Connect into what the user or the developer must know. */
export function problemOfSparkError(
  error: { code?: number; details?: string; message?: string },
  address: SparkAddress,
) {
  if (error.code === status.UNAVAILABLE || error.code === status.DEADLINE_EXCEEDED) return sparkUnreachable(address);
  if (error.code === status.UNAUTHENTICATED || error.code === status.PERMISSION_DENIED) {
    return sparkAccessDenied(address);
  }
  return sparkQueryErrorOf(error.details ?? error.message ?? "");
}
