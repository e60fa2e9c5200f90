import { totalmem } from "node:os";
import { join } from "node:path";
import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { optionHint } from "../errors/option-hint.js";
import { LivingLabError } from "../errors/problem.js";
import { makeScratchDir, type ScratchDir } from "../files/scratch-dir.js";
import type { ValueKind } from "../fingerprint/canonical-value.js";
import { type ContentFingerprint, computeContentFingerprint } from "../fingerprint/content-fingerprint.js";
import { tableFromFrame } from "../frames/table-from-frame.js";
import { duckdbDialect } from "../sql/duckdb-dialect.js";
import { quoteIdentifier, quoteString } from "../sql/quote.js";
import { requireFormat } from "./data-format.js";
import {
  type AdmittedSource,
  type ColumnInfo,
  categoryOfType,
  type DatasetSource,
  type Engine,
  normalizeRow,
  type Row,
} from "./engine.js";
import { EngineError, type EngineErrorCode } from "./engine-error.js";
import { duckdbLocation } from "./engine-locations.js";
import { checkDataFile, readProblem } from "./read-error.js";

/** DuckDB names the type of each error at the start of its message (`Conversion Error: ...`). */
const errorCodes: Record<string, EngineErrorCode> = {
  Conversion: "engine_data_value",
  "Invalid Input": "engine_data_value",
  "Out of Range": "engine_data_value",
  "Mismatch Type": "engine_data_value",
  "Divide by Zero": "engine_data_value",
  Decimal: "engine_data_value",
  "Out of Memory": "engine_out_of_memory",
  IO: "engine_io",
  Permission: "engine_io",
  INTERRUPT: "engine_interrupted",
  Interrupt: "engine_interrupted",
  Catalog: "engine_query",
  Binder: "engine_query",
  Parser: "engine_query",
  Syntax: "engine_query",
};

/** A DuckDB error by its type; a bad line in a CSV file is told apart whatever its type. */
export function duckdbErrorCode(error: Error): EngineErrorCode {
  if (/CSV Error on Line/i.test(error.message)) return "engine_csv_line";
  const type = /^([A-Za-z ]+?) Error:/.exec(error.message)?.[1];
  return (type && errorCodes[type]) || "engine_error";
}

/**
 * Memory one row-level check of a scan holds per thread: its sample (`min(key, 5)`) keeps a
 * state of 300 to 330 KiB per thread in DuckDB 1.5 whatever the number of rows (measured as the
 * most checks that fit 256 MB, 512 MB and 1 GB with one and two threads). Counted generously, and
 * against three quarters of the memory limit, so reading the files keeps the rest.
 */
const SCAN_BYTES_PER_CHECK_THREAD = 384 * 1024;
const SCAN_MEMORY_SHARE = 0.75;

/** DuckDB's types by the kind the content fingerprint renders; anything else is `other`. */
const kinds: Array<[RegExp, ValueKind]> = [
  [/^U?(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT)$/, "integer"],
  [/^DECIMAL\(/, "decimal"],
  [/^(FLOAT|DOUBLE)$/, "float"],
  [/^BOOLEAN$/, "boolean"],
  [/^VARCHAR$/, "text"],
  [/^DATE$/, "date"],
  [/^TIMESTAMP WITH TIME ZONE$/, "timestamptz"],
  [/^TIMESTAMP(_S|_MS|_NS)?$/, "timestamp"],
  [/^TIME$/, "time"],
  [/^BLOB$/, "bytes"],
];

function kindOf(type: string): ValueKind {
  return kinds.find(([pattern]) => pattern.test(type))?.[1] ?? "other";
}

/** The embedded default engine: an in-process DuckDB over Parquet, CSV or a DuckDB file. */
export class DuckDbEngine implements Engine {
  readonly name = "duckdb";
  readonly dialect = duckdbDialect;
  private attached = 0;
  /** Every file made queryable, the only ones readable after `restrictToAttached`. */
  private readonly files: string[] = [];
  private interrupted = false;
  /** The statement before the next one: settled either way. */
  private queue: Promise<void> = Promise.resolve();

  private constructor(
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
    private readonly memory: { limitBytes: number; threads: number },
    private readonly scratch: ScratchDir | undefined,
  ) {}

  /**
   * Opens DuckDB in memory, or on a database file. Unless `options` names a `temp_directory`,
   * each engine spills into a folder of its own in the tool's scratch space, removed on close
   * (and by the next start, when this process is killed).
   * @example const engine = await DuckDbEngine.open();
   */
  static async open(path = ":memory:", options: Record<string, string> = {}): Promise<DuckDbEngine> {
    const scratch = options.temp_directory === undefined ? await makeScratchDir("duckdb") : undefined;
    try {
      const settings = scratch ? { ...options, temp_directory: join(scratch.path, "spill") } : options;
      const instance = await DuckDBInstance.create(path, settings);
      const connection = await instance.connect();
      const reader = await connection.runAndReadAll(
        "SELECT current_setting('memory_limit') AS m, current_setting('threads') AS t",
      );
      const [row] = reader.getRowObjectsJS();
      const memory = { limitBytes: bytesOf(String(row?.m)), threads: Math.max(1, Number(row?.t) || 1) };
      return new DuckDbEngine(instance, connection, memory, scratch);
    } catch (error) {
      await scratch?.remove();
      throw error;
    }
  }

  /** DuckDB reads a dataset's file (and a table inside a DuckDB file), or a DataFrame handed back. */
  static locate(source: DatasetSource): DatasetSource {
    return duckdbLocation(source);
  }

  locate(source: DatasetSource): DatasetSource {
    return DuckDbEngine.locate(source);
  }

  /**
   * Makes an admitted data file (see `dataFormats`: Parquet, CSV, TSV, JSON, NDJSON, gzip, DuckDB)
   * queryable under its name, with only its admitted columns; an admitted DataFrame becomes a
   * table of that name with only those columns.
   */
  async attach(source: AdmittedSource): Promise<void> {
    const { name, file, table, columns, frame } = source;
    if (frame) {
      await tableFromFrame(this, name, frame.data, {
        ...(frame.types && { types: frame.types }),
        ...(columns && { columns }),
      });
      return;
    }
    if (!file) {
      throw new LivingLabError({
        code: "dataset_without_file",
        message: `Dataset '${name}' heeft geen bestand; DuckDB leest Parquet, CSV of een DuckDB-bestand.`,
        ...optionHint(
          (o) => `Geef bij de dataset 'file:' op, of gebruik ${o("enginePostgres")} voor een tabel op de server.`,
        ),
      });
    }
    await this.viewOfFile(name, file, table, columns);
  }

  /**
   * The content fingerprint of a data file read as a run reads it (the whole file, or a table in
   * it, with these columns), in an engine of its own that reads nothing else. For `destroy-data`:
   * what a file held is known by its content after the file is gone; no row leaves the engine.
   * @example const content = await DuckDbEngine.fingerprintFile("data/zaken.parquet");
   */
  static async fingerprintFile(
    file: string,
    read: { table?: string; columns?: readonly string[] } = {},
  ): Promise<ContentFingerprint> {
    const engine = await DuckDbEngine.open();
    try {
      const name = read.table ?? "livinglab_file";
      await engine.viewOfFile(name, file, read.table, read.columns);
      return await engine.fingerprint(name);
    } finally {
      await engine.close();
    }
  }

  /** The view `name` over a data file (or a table inside a DuckDB file), with only `columns` when given. */
  private async viewOfFile(
    name: string,
    file: string,
    table: string | undefined,
    columns: readonly string[] | undefined,
  ): Promise<void> {
    const format = requireFormat(file);
    await checkDataFile(file);
    this.files.push(file);
    let from: string;
    if (format.database || !format.reader) {
      const alias = `livinglab_db_${++this.attached}`;
      await this.run(`ATTACH ${quoteString(file)} AS ${quoteIdentifier(alias)} (READ_ONLY)`);
      from = `${quoteIdentifier(alias)}.${quoteIdentifier(table ?? name)}`;
    } else {
      from = format.reader(quoteString(file));
    }
    const select = columns ? columns.map(quoteIdentifier).join(", ") : "*";
    await this.run(`CREATE OR REPLACE VIEW ${quoteIdentifier(name)} AS SELECT ${select} FROM ${from}`);
  }

  /** True when this database has a table or view by this name. */
  async hasTable(name: string): Promise<boolean> {
    const found = await this.query(
      `SELECT 1 FROM information_schema.tables WHERE table_name = ${quoteString(name)} AND table_schema = current_schema()`,
    );
    return found.length > 0;
  }

  /** Runs a statement of livinglab's own; a data file it cannot read is the user's problem, named. */
  private async run(sql: string): Promise<void> {
    try {
      await this.connection.run(sql);
    } catch (error) {
      throw this.failureOf(error);
    }
  }

  /**
   * What DuckDB threw, as what we report: a read error of one of the attached files as a
   * problem for the user, any other error of DuckDB's by its code and kind. DuckDB's own message
   * may quote a value from the data; it goes only into the EngineError, for the user's screen.
   */
  private failureOf(error: unknown): unknown {
    if (!(error instanceof Error)) return error;
    const file = this.files.find((f) => error.message.includes(f));
    if (file !== undefined) return new LivingLabError(readProblem(file, error.message));
    return new EngineError(duckdbErrorCode(error), error.message);
  }

  /** External access off, apart from the attached files, and the configuration locked. */
  async restrictToAttached(): Promise<void> {
    if (this.files.length > 0) {
      await this.connection.run(`SET allowed_paths = [${this.files.map(quoteString).join(", ")}]`);
    }
    await this.connection.run("SET enable_external_access = false");
    await this.connection.run("SET lock_configuration = true");
  }

  async columns(name: string): Promise<ColumnInfo[]> {
    const rows = await this.query(`DESCRIBE SELECT * FROM ${quoteIdentifier(name)}`);
    return rows.map((row) => {
      const type = String(row.column_type).toUpperCase();
      return { name: String(row.column_name), type, category: categoryOfType(type), kind: kindOf(type) };
    });
  }

  fingerprint(name: string): Promise<ContentFingerprint> {
    return computeContentFingerprint(this, name);
  }

  /** Runs one statement and returns its rows as plain objects; text holding several is refused. */
  query(sql: string): Promise<Row[]> {
    // One statement at a time: a statement started on the connection ends the one pending before it.
    const result = this.queue.then(() => this.queryNow(sql));
    this.queue = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  private async queryNow(sql: string): Promise<Row[]> {
    const statements = await this.connection.extractStatements(sql).catch((error: unknown) => {
      throw this.failureOf(error);
    });
    if (statements.count !== 1) throw new Error(`A query is one statement; this text holds ${statements.count}.`);
    const prepared = await statements.prepare(0).catch((error: unknown) => {
      throw this.failureOf(error);
    });
    // Started synchronously after the flag is read, so an interrupt from then on reaches this
    // statement; DuckDB forgets one that came before its start, the flag covers those.
    if (this.interrupted) {
      prepared.destroySync();
      throw new EngineError("engine_interrupted", "interrupted before the statement started");
    }
    try {
      const pending = prepared.start();
      const reader = await pending.readAll();
      return reader.getRowObjectsJS().map((row) => normalizeRow(row as Row));
    } catch (error) {
      throw this.failureOf(error);
    } finally {
      prepared.destroySync();
    }
  }

  scanCapacity(): number {
    const { limitBytes, threads } = this.memory;
    return Math.max(1, Math.floor((limitBytes * SCAN_MEMORY_SHARE) / (SCAN_BYTES_PER_CHECK_THREAD * threads)));
  }

  /** DuckDB's own version string, for provenance. */
  async version(): Promise<string> {
    const [row] = await this.query("SELECT version() AS v");
    return String(row?.v ?? "unknown");
  }

  /** DuckDB's own interrupt: the running statement fails with an interrupt error, its spill files go with the engine. */
  async interrupt(): Promise<void> {
    this.interrupted = true;
    this.connection.interrupt();
  }

  async close(): Promise<void> {
    this.connection.closeSync();
    this.instance.closeSync();
    await this.scratch?.remove();
  }
}

const UNITS: Record<string, number> = {
  B: 1,
  KB: 1e3,
  MB: 1e6,
  GB: 1e9,
  TB: 1e12,
  KIB: 2 ** 10,
  MIB: 2 ** 20,
  GIB: 2 ** 30,
  TIB: 2 ** 40,
};

/** Bytes of a size as DuckDB shows a setting (`953.6 MiB`, `1.0 GB`); without a limit, the machine's memory. */
function bytesOf(size: string): number {
  const match = /^([\d.]+)\s*([KMGT]?I?B)$/i.exec(size.trim());
  const unit = UNITS[(match?.[2] ?? "").toUpperCase()];
  return match && unit !== undefined ? Number(match[1]) * unit : totalmem();
}
