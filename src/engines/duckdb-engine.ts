import { extname } from "node:path";
import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { LivingLabError } from "../errors/problem.js";
import type { ValueKind } from "../fingerprint/canonical-value.js";
import { type ContentFingerprint, computeContentFingerprint } from "../fingerprint/content-fingerprint.js";
import { duckdbDialect } from "../sql/duckdb-dialect.js";
import { quoteIdentifier, quoteString } from "../sql/quote.js";
import {
  type AdmittedSource,
  type ColumnInfo,
  categoryOfType,
  type DatasetSource,
  type Engine,
  normalizeRow,
  type Row,
} from "./engine.js";

const DATABASE_EXTENSIONS = new Set([".duckdb", ".db", ".ddb"]);

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

  /** DuckDB reads a dataset's file (and a table inside a DuckDB file). */
  static locate(source: DatasetSource): DatasetSource {
    return {
      name: source.name,
      ...(source.file && { file: source.file }),
      ...(source.table && { table: source.table }),
    };
  }

  locate(source: DatasetSource): DatasetSource {
    return DuckDbEngine.locate(source);
  }

  /** Makes an admitted Parquet, CSV or DuckDB file queryable under its name, with only its admitted columns. */
  async attach(source: AdmittedSource): Promise<void> {
    const { name, file, table, columns } = source;
    if (!file) {
      throw new LivingLabError({
        code: "dataset_without_file",
        message: `Dataset '${name}' heeft geen bestand; DuckDB leest Parquet, CSV of een DuckDB-bestand.`,
        hint: "Geef bij de dataset 'file:' op, of gebruik --engine postgres voor een tabel op de server.",
      });
    }
    const ext = extname(file).toLowerCase();
    let from: string;
    if (DATABASE_EXTENSIONS.has(ext)) {
      const alias = `livinglab_db_${++this.attached}`;
      await this.connection.run(`ATTACH ${quoteString(file)} AS ${quoteIdentifier(alias)} (READ_ONLY)`);
      from = `${quoteIdentifier(alias)}.${quoteIdentifier(table ?? name)}`;
    } else {
      const reader = ext === ".csv" ? "read_csv" : "read_parquet";
      from = `${reader}(${quoteString(file)})`;
    }
    const select = columns ? columns.map(quoteIdentifier).join(", ") : "*";
    await this.connection.run(`CREATE OR REPLACE VIEW ${quoteIdentifier(name)} AS SELECT ${select} FROM ${from}`);
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

  async close(): Promise<void> {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}
