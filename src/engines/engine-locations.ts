import { LivingLabError } from "../errors/problem.js";
import type { DatasetSource } from "./engine.js";
import { framesNeedDuckDb } from "./read-error.js";

/**
 * Where each engine reads a dataset, known before it is opened and without loading its client
 * library: the door asks this first, so it hashes the files a run will read, and only those.
 */

/** DuckDB reads a file, a table of an attached database, or a DataFrame of this process. */
export function duckdbLocation(source: DatasetSource): DatasetSource {
  if (source.frame) return { name: source.name, frame: source.frame };
  return {
    name: source.name,
    ...(source.file && { file: source.file }),
    ...(source.table && { table: source.table }),
  };
}

/** PostgreSQL reads a table on the server (the dataset's `table`, else its name), never a file. */
export function postgresLocation(source: DatasetSource): DatasetSource {
  // A DataFrame lives in this process; the server would read a table of the same name instead.
  if (source.frame) {
    throw new LivingLabError(framesNeedDuckDb(source.name, "PostgreSQL leest alleen tabellen op de server"));
  }
  return { name: source.name, table: source.table ?? source.name };
}

/** Spark reads a dataset's file (a path or URI the cluster reads) or a table on the cluster. */
export function sparkLocation(source: DatasetSource): DatasetSource {
  // A DataFrame lives in this process; the cluster would read a table of the same name instead.
  if (source.frame) {
    throw new LivingLabError(framesNeedDuckDb(source.name, "Spark leest alleen bestanden en tabellen van het cluster"));
  }
  return source.file !== undefined
    ? { name: source.name, file: source.file }
    : { name: source.name, table: source.table ?? source.name };
}
