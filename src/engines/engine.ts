import type { DataFrame } from "danfojs-node";
import type { ValueKind } from "../fingerprint/canonical-value.js";
import type { ContentFingerprint } from "../fingerprint/content-fingerprint.js";
import type { FrameTypeName } from "../frames/frame-type-names.js";
import type { Dialect } from "../sql/dialect.js";

/** A row of a query result with plain JavaScript values (safe bigints become numbers). */
export type Row = Record<string, unknown>;

/** Where a dataset's rows live: a file (Parquet, CSV, DuckDB database), a table on a server, or a DataFrame in memory. */
export interface DatasetSource {
  /** The name checks use for it. */
  name: string;
  /** Absolute path of a Parquet, CSV or DuckDB file (DuckDB engine), or a path or URI the Spark cluster reads. */
  file?: string;
  /** Table inside a DuckDB file, on the PostgreSQL server or on Spark (`catalog.schema.table`); default the dataset name. */
  table?: string;
  /** A DataFrame handed back from a notebook: an engine that holds tables in memory loads it (DuckDB). */
  frame?: FrameSource;
}

/** A DataFrame handed back, with the DuckDB type of any column the frame does not know or should change. */
export interface FrameSource {
  data: DataFrame;
  types?: Readonly<Record<string, FrameTypeName>>;
}

declare const admitted: unique symbol;

/**
 * A dataset the door let into one run. Only a run permit makes one (`permit.admit`, see
 * src/door/), after the gates that concern this dataset; an engine attaches nothing else.
 */
export interface AdmittedSource extends DatasetSource {
  readonly [admitted]: true;
  /** The run it was admitted for. */
  readonly run: string;
  /** SHA-256 of the file as the door read it, when the dataset is a file. */
  readonly fileSha256?: string;
  /**
   * How the file looked before the door hashed it (see `fileIdentity`): at the run's end it must
   * look the same, or what was read may not be what `fileSha256` names.
   */
  readonly fileIdentity?: string;
  /**
   * A file outside the experiment's folder: its place from the lab's root, which the experiment
   * declares; or a declared table read in place: `verbinding/schema.tabel`.
   */
  readonly location?: string;
  /** When set, the analysis sees only these columns (the declared ones, for real personal data). */
  readonly columns?: readonly string[];
}

export interface ColumnInfo {
  name: string;
  /** The engine's own type name, upper case. */
  type: string;
  category: "number" | "date" | "text" | "boolean" | "other";
  /** How the content fingerprint renders its values; the engine sorts its own types. */
  kind: ValueKind;
}

/** What the runner needs of an engine; one implementation per file in this folder. */
export interface Engine {
  /** The engine's name as provenance records it, such as `duckdb`. */
  readonly name: string;
  readonly dialect: Dialect;
  /**
   * The lab's connection (a name in verbindingen.yaml) this engine reaches its server through,
   * when it was opened by one: only then does it read the tables the experiment declares there.
   */
  readonly labConnection?: string;
  /** Where this engine reads a dataset: its file, or a table on the server. What it leaves out, it does not read. */
  locate(source: DatasetSource): DatasetSource;
  /** Makes an admitted dataset queryable under its name; nothing without a permit's admission. */
  attach(source: AdmittedSource): Promise<void>;
  /**
   * From now on, read only what is attached: no other file, no setting changed. The runner calls
   * this before any SQL of a suite runs, so a custom check cannot reach beyond its datasets.
   */
  restrictToAttached(): Promise<void>;
  columns(name: string): Promise<ColumnInfo[]>;
  query(sql: string): Promise<Row[]>;
  /**
   * What the engine read: the content fingerprint of an attached dataset (or any table or
   * view), computed where the data lives, equal on every engine for the same rows.
   */
  fingerprint(name: string): Promise<ContentFingerprint>;
  /**
   * The most checks one scan of a table with this many columns may hold: what fits the
   * engine's memory limit, or its limit on the width of a query. A suite above it gets more scans.
   */
  scanCapacity(columnCount: number): number;
  /** The engine's own version string; provenance records it after the engine's name. */
  version(): Promise<string>;
  /**
   * Stops the statement that runs now, on the engine itself (where it can), and refuses every
   * later one with `engine_interrupted`: the work this engine was opened for is over.
   */
  interrupt?(): Promise<void>;
  close(): Promise<void>;
}

/** Name and version of an engine, as the run log records it: `duckdb v1.5.6`. */
export async function engineVersionOf(engine: Engine): Promise<string> {
  return `${engine.name} ${await engine.version()}`;
}

/** Sorts an engine type name into the few categories profiles and checks care about. */
export function categoryOfType(type: string): ColumnInfo["category"] {
  const t = type.toUpperCase();
  if (/INT|DECIMAL|NUMERIC|DOUBLE|FLOAT|REAL/.test(t)) return "number";
  if (/DATE|TIMESTAMP/.test(t)) return "date";
  if (/CHAR|TEXT|STRING/.test(t)) return "text";
  if (/BOOL/.test(t)) return "boolean";
  return "other";
}

/** Plain values: bigints that fit become numbers, lists are normalised item by item. */
export function normalizeValue(value: unknown): unknown {
  if (typeof value === "bigint") return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (Array.isArray(value)) return value.map(normalizeValue);
  return value;
}

export function normalizeRow(row: Row): Row {
  const out: Row = {};
  for (const [key, value] of Object.entries(row)) out[key] = normalizeValue(value);
  return out;
}
