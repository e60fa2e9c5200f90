import { extname } from "node:path";
import { LivingLabError } from "../../errors/problem.js";
import type { ValueKind } from "../../fingerprint/canonical-value.js";
import { type ContentFingerprint, computeContentFingerprint } from "../../fingerprint/content-fingerprint.js";
import { quoteSparkIdentifier, quoteSparkString, sparkDialect } from "../../sql/spark-dialect.js";
import {
  type AdmittedSource,
  type ColumnInfo,
  categoryOfType,
  type DatasetSource,
  type Engine,
  type Row,
} from "../engine.js";
import { sparkLocation } from "../engine-locations.js";
import { ConnectSession } from "./connect-client.js";
import { describeSparkAddress, sparkTarget } from "./spark-address.js";
import { SparkQueryError } from "./spark-problems.js";
import type { SparkSession } from "./spark-session.js";
import { ThriftSession } from "./thrift-client.js";

/**
 * Settings every session gets, whatever the cluster's defaults: the same answers as DuckDB
 * depend on them. Double-quoted names are names (else `"x"` is a text and a count silently
 * gives 0); backslashes in literals are escapes, as our quoting assumes; ANSI mode fails on a
 * bad cast instead of giving NULL; times are read in UTC.
 */
export const SPARK_SESSION_SETTINGS: Readonly<Record<string, string>> = {
  "spark.sql.ansi.enabled": "true",
  "spark.sql.ansi.doubleQuotedIdentifiers": "true",
  "spark.sql.parser.escapedStringLiterals": "false",
  "spark.sql.session.timeZone": "UTC",
};

/** The most checks one scan on Spark holds; see `SparkEngine.scanCapacity`. */
const SPARK_SCAN_CAPACITY = 256;

/**
 * Spark's types by the kind the content fingerprint renders; anything else is `other`. Spark's
 * TIMESTAMP is an instant (shown in the session's time zone, UTC here); TIMESTAMP_NTZ is not.
 */
const kinds: Array<[RegExp, ValueKind]> = [
  [/^(TINYINT|SMALLINT|INT|BIGINT|BYTE|SHORT|INTEGER|LONG)$/, "integer"],
  [/^DECIMAL\(/, "decimal"],
  [/^(FLOAT|DOUBLE|REAL)$/, "float"],
  [/^BOOLEAN$/, "boolean"],
  [/^(STRING|VARCHAR\(\d+\)|CHAR\(\d+\))$/, "text"],
  [/^DATE$/, "date"],
  [/^TIMESTAMP(_LTZ)?$/, "timestamptz"],
  [/^TIMESTAMP_NTZ$/, "timestamp"],
  [/^TIME(\(\d+\))?$/, "time"],
  [/^BINARY$/, "bytes"],
];

function kindOf(type: string): ValueKind {
  return kinds.find(([pattern]) => pattern.test(type))?.[1] ?? "other";
}

/** File formats Spark reads by name, by extension; anything else is named as a table. */
const FORMATS: Record<string, string> = { ".parquet": "parquet", ".csv": "csv", ".orc": "orc", ".json": "json" };

/**
 * Apache Spark as an engine, through Spark Connect (`sc://`) or the Thrift server (`hive2://`).
 * The data stays on the cluster: datasets are tables there or paths it can read, every check
 * runs there as SQL, and only counts and the keys of a few failing rows come back.
 */
export class SparkEngine implements Engine {
  readonly name = "spark";
  readonly dialect = sparkDialect;

  private constructor(
    readonly session: SparkSession,
    /** The address without parameters, as it may be shown and logged. */
    readonly address: string,
  ) {}

  /**
   * Connects to Spark; without a URL, `SPARK_REMOTE` says where. A token or password comes from
   * `LIVINGLAB_SPARK_TOKEN` or `LIVINGLAB_SPARK_PASSWORD`, never from the command line.
   * @example const engine = await SparkEngine.connect("sc://127.0.0.1:15002");
   */
  static async connect(url?: string): Promise<SparkEngine> {
    const { address, secret } = sparkTarget(url);
    const session =
      address.protocol === "connect" ? ConnectSession.open(address, secret) : await ThriftSession.open(address, secret);
    try {
      await session.setConfig(SPARK_SESSION_SETTINGS);
    } catch (error) {
      await session.close();
      throw error;
    }
    return new SparkEngine(session, describeSparkAddress(address));
  }

  /** Spark reads a dataset's file (a path or URI the cluster reads) or a table on the cluster. */
  static locate(source: DatasetSource): DatasetSource {
    return sparkLocation(source);
  }

  locate(source: DatasetSource): DatasetSource {
    return SparkEngine.locate(source);
  }

  /**
   * Makes an admitted file or cluster table queryable under its dataset name, as a temporary
   * view of this session with only its admitted columns. Nothing is copied.
   */
  async attach(source: AdmittedSource): Promise<void> {
    const view = quoteSparkIdentifier(source.name);
    const select = source.columns ? source.columns.map(quoteSparkIdentifier).join(", ") : "*";
    if (source.file !== undefined) {
      // A view with its own reader: it keeps reading after `restrictToAttached` turns off
      // reading a path inside SQL. A second view then limits the columns, when they are limited.
      const reader = readerOf(source.name, source.file);
      const whole = source.columns ? quoteSparkIdentifier(`${FILE_VIEW_PREFIX}${source.name}`) : view;
      await this.createView(source, `CREATE OR REPLACE TEMPORARY VIEW ${whole} ${reader}`);
      if (source.columns) {
        await this.createView(source, `CREATE OR REPLACE TEMPORARY VIEW ${view} AS SELECT ${select} FROM ${whole}`);
      }
      return;
    }
    const table = source.table ?? source.name;
    const qualified = table.split(".").map(quoteSparkIdentifier).join(".");
    // A view of the same name would refer to itself; the table is then read by its own name.
    const sql =
      table === source.name && !source.columns
        ? `SELECT * FROM ${qualified} LIMIT 0`
        : `CREATE OR REPLACE TEMPORARY VIEW ${view} AS SELECT ${select} FROM ${qualified}`;
    await this.createView(source, sql);
  }

  private async createView(source: DatasetSource, sql: string): Promise<void> {
    try {
      await this.session.run(sql);
    } catch (error) {
      throw missingSourceProblem(error, source, this.address) ?? error;
    }
  }

  async columns(name: string): Promise<ColumnInfo[]> {
    const rows = await this.session.query(`DESCRIBE ${quoteSparkIdentifier(name)}`);
    const columns: ColumnInfo[] = [];
    for (const row of rows) {
      const column = String(row.col_name ?? "");
      // Partition information follows the columns after an empty line or a '#' heading.
      if (column === "" || column.startsWith("#")) break;
      const type = String(row.data_type).toUpperCase();
      columns.push({
        name: column,
        type,
        category: /^(ARRAY|MAP|STRUCT)</.test(type) ? "other" : categoryOfType(type),
        kind: kindOf(type),
      });
    }
    return columns;
  }

  /**
   * From now on no query reads a file by its path (`parquet.\`/pad\``); the views made by
   * `attach` have readers of their own and keep reading their files. Custom SQL is further
   * held to the suite's datasets by `custom_sql`'s own check, before anything runs.
   */
  async restrictToAttached(): Promise<void> {
    await this.session.setConfig({ "spark.sql.runSQLOnFiles": "false" });
  }

  query(sql: string): Promise<Row[]> {
    return this.session.query(sql);
  }

  /** Computed on the cluster, in one job; only the row count and two sums come back. */
  fingerprint(name: string): Promise<ContentFingerprint> {
    return computeContentFingerprint(this, name);
  }

  /**
   * Spark has no fixed limit on a query's width, but every check of a scan becomes generated
   * code of one aggregate; far beyond a few hundred, planning and code generation take longer
   * than the scan saves. A suite above it gets more scans.
   */
  scanCapacity(): number {
    return SPARK_SCAN_CAPACITY;
  }

  async version(): Promise<string> {
    return `${await this.session.version()} (${this.session.protocol})`;
  }

  async close(): Promise<void> {
    await this.session.close();
  }
}

/** The view of a whole file, when the dataset's view limits its columns. */
const FILE_VIEW_PREFIX = "__livinglab_file_";

/** How Spark reads a file or folder of a known format, by its path on the cluster. */
function readerOf(name: string, file: string): string {
  const format = FORMATS[extname(file.replace(/\/+$/, "")).toLowerCase()];
  if (format === undefined) {
    throw new LivingLabError({
      code: "spark_file_format",
      message: `Spark kan het bestand van dataset '${name}' (${file}) niet lezen: onbekende soort bestand.`,
      hint: "Gebruik Parquet (.parquet), CSV (.csv), ORC (.orc) of JSON (.json), of noem met 'table:' een tabel op de cluster.",
    });
  }
  const csv = format === "csv" ? ", header 'true', inferSchema 'true'" : "";
  return `USING ${format} OPTIONS (path ${quoteSparkString(file)}${csv})`;
}

function missingSourceProblem(error: unknown, source: DatasetSource, address: string): LivingLabError | undefined {
  if (!(error instanceof SparkQueryError)) return undefined;
  if (error.errorClass === "PATH_NOT_FOUND") {
    return new LivingLabError({
      code: "spark_path_missing",
      message: `Spark op ${address} vindt het bestand van dataset '${source.name}' niet: ${source.file}.`,
      hint: "Een pad wordt gelezen door de cluster zelf: geef een pad of URI die de cluster kan lezen (hdfs://, s3a://, abfss://, /Volumes/...).",
    });
  }
  if (error.errorClass === "TABLE_OR_VIEW_NOT_FOUND" || error.errorClass.startsWith("SCHEMA_NOT_FOUND")) {
    return new LivingLabError({
      code: "spark_table_missing",
      message: `De tabel '${source.table ?? source.name}' van dataset '${source.name}' bestaat niet op Spark (${address}).`,
      hint: "Noem de tabel met 'table: catalogus.schema.tabel' in de suite, zoals de cluster hem kent.",
    });
  }
  return undefined;
}
