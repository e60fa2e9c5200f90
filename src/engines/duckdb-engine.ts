import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { quoteIdentifier, quoteString } from "../sql/quote.js";

/** A row of a query result with plain JavaScript values (bigints become numbers when safe). */
export type Row = Record<string, unknown>;

/** The embedded default engine: an in-process DuckDB database. */
export class DuckDbEngine {
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

  /** Makes a Parquet or CSV file queryable under `name`. */
  async registerFile(name: string, file: string): Promise<void> {
    const reader = file.endsWith(".csv") ? "read_csv_auto" : "read_parquet";
    await this.connection.run(
      `CREATE OR REPLACE VIEW ${quoteIdentifier(name)} AS SELECT * FROM ${reader}(${quoteString(file)})`,
    );
  }

  /** Runs a query and returns its rows as plain objects. */
  async query(sql: string): Promise<Row[]> {
    const reader = await this.connection.runAndReadAll(sql);
    return reader.getRowObjectsJS().map((row) => normalizeRow(row as Row));
  }

  /** DuckDB's own version string, for provenance. */
  async version(): Promise<string> {
    const [row] = await this.query("SELECT version() AS v");
    return String(row?.v ?? "unknown");
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

function normalizeRow(row: Row): Row {
  const out: Row = {};
  for (const [key, value] of Object.entries(row)) {
    out[key] = typeof value === "bigint" && Number.isSafeInteger(Number(value)) ? Number(value) : value;
  }
  return out;
}
