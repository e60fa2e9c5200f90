import { extname } from "node:path";
import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { LivingLabError } from "../errors/problem.js";
import { duckdbDialect } from "../sql/duckdb-dialect.js";
import { quoteIdentifier, quoteString } from "../sql/quote.js";
import { type ColumnInfo, categoryOfType, type DatasetSource, type Engine, normalizeRow, type Row } from "./engine.js";
import { type EngineErrorCode, engineCall } from "./engine-error.js";

const DATABASE_EXTENSIONS = new Set([".duckdb", ".db", ".ddb"]);

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

/** The embedded default engine: an in-process DuckDB over Parquet, CSV or a DuckDB file. */
export class DuckDbEngine implements Engine {
  readonly name = "duckdb";
  readonly dialect = duckdbDialect;
  private attached = 0;

  private constructor(
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
  ) {}

  /**
   * Opens DuckDB in memory, or on a database file.
   * @example const engine = await DuckDbEngine.open();
   */
  static async open(path = ":memory:", options: Record<string, string> = {}): Promise<DuckDbEngine> {
    const instance = await DuckDBInstance.create(path, options);
    return new DuckDbEngine(instance, await instance.connect());
  }

  async attach(source: DatasetSource): Promise<void> {
    if (!source.file) {
      throw new LivingLabError({
        code: "dataset_without_file",
        message: `Dataset '${source.name}' heeft geen bestand; DuckDB leest Parquet, CSV of een DuckDB-bestand.`,
        hint: "Geef bij de dataset 'file:' op, of gebruik --engine postgres voor een tabel op de server.",
      });
    }
    await this.registerFile(source.name, source.file, source.table);
  }

  /** Makes a Parquet, CSV or DuckDB file queryable under `name`. */
  async registerFile(name: string, file: string, table?: string): Promise<void> {
    const ext = extname(file).toLowerCase();
    let from: string;
    if (DATABASE_EXTENSIONS.has(ext)) {
      const alias = `livinglab_db_${++this.attached}`;
      await engineCall(duckdbErrorCode, () =>
        this.connection.run(`ATTACH ${quoteString(file)} AS ${quoteIdentifier(alias)} (READ_ONLY)`),
      );
      from = `${quoteIdentifier(alias)}.${quoteIdentifier(table ?? name)}`;
    } else {
      const reader = ext === ".csv" ? "read_csv" : "read_parquet";
      from = `${reader}(${quoteString(file)})`;
    }
    await engineCall(duckdbErrorCode, () =>
      this.connection.run(`CREATE OR REPLACE VIEW ${quoteIdentifier(name)} AS SELECT * FROM ${from}`),
    );
  }

  async columns(name: string): Promise<ColumnInfo[]> {
    const rows = await this.query(`DESCRIBE SELECT * FROM ${quoteIdentifier(name)}`);
    return rows.map((row) => {
      const type = String(row.column_type).toUpperCase();
      return { name: String(row.column_name), type, category: categoryOfType(type) };
    });
  }

  /** Runs a query and returns its rows as plain objects; DuckDB's errors become EngineErrors. */
  async query(sql: string): Promise<Row[]> {
    const reader = await engineCall(duckdbErrorCode, () => this.connection.runAndReadAll(sql));
    return reader.getRowObjectsJS().map((row) => normalizeRow(row as Row));
  }

  /** DuckDB's own version string, for provenance. */
  async version(): Promise<string> {
    const [row] = await this.query("SELECT version() AS v");
    return String(row?.v ?? "unknown");
  }

  async close(): Promise<void> {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}
