import pg from "pg";
import { LivingLabError } from "../errors/problem.js";
import type { ValueKind } from "../fingerprint/canonical-value.js";
import { type ContentFingerprint, computeContentFingerprint } from "../fingerprint/content-fingerprint.js";
import { postgresDialect } from "../sql/postgres-dialect.js";
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

/** PostgreSQL's types (pg_type names) by the kind the content fingerprint renders; anything else is `other`. */
const kinds: Record<string, ValueKind> = {
  INT2: "integer",
  INT4: "integer",
  INT8: "integer",
  NUMERIC: "decimal",
  FLOAT4: "float",
  FLOAT8: "float",
  BOOL: "boolean",
  TEXT: "text",
  VARCHAR: "text",
  BPCHAR: "text",
  DATE: "date",
  TIMESTAMP: "timestamp",
  TIMESTAMPTZ: "timestamptz",
  TIME: "time",
  BYTEA: "bytes",
};

// Counts and sums arrive as text by default; they are numbers here, as on DuckDB.
const types = {
  getTypeParser: (oid: number, format?: string) => {
    if (oid === 20 || oid === 1700) return (value: string) => normalizeNumber(value);
    return pg.types.getTypeParser(oid, format as "text");
  },
};

/** PostgreSQL as an engine: the data lives on a server; checks run there as SQL. */
export class PostgresEngine implements Engine {
  readonly name = "postgres";
  readonly dialect = postgresDialect;

  private constructor(readonly client: pg.Client) {}

  /**
   * Connects with a URL, or with the standard PG environment variables (PGHOST, PGPORT, PGUSER, ...).
   * @example const engine = await PostgresEngine.connect("postgres://localhost:5432/lab");
   */
  static async connect(url?: string): Promise<PostgresEngine> {
    const client = new pg.Client(url ? { connectionString: url, types } : { types });
    try {
      await client.connect();
    } catch (error) {
      throw new LivingLabError({
        code: "postgres_unreachable",
        message: `Geen verbinding met PostgreSQL: ${error instanceof Error ? error.message : String(error)}.`,
        hint: "Zet PGHOST, PGPORT, PGUSER en PGDATABASE, of geef --pg-url postgres://gebruiker@host:poort/database.",
      });
    }
    // Dates print as ISO whatever the server's default, as the content fingerprint expects.
    await client.query("SET TIME ZONE 'UTC'");
    await client.query("SET DateStyle TO ISO");
    return new PostgresEngine(client);
  }

  /** PostgreSQL reads a table on the server (the dataset's `table`, else its name), never a file. */
  static locate(source: DatasetSource): DatasetSource {
    return { name: source.name, table: source.table ?? source.name };
  }

  locate(source: DatasetSource): DatasetSource {
    return PostgresEngine.locate(source);
  }

  /** Makes an admitted table on the server queryable under its dataset name, with only its admitted columns. */
  async attach(source: AdmittedSource): Promise<void> {
    const table = source.table ?? source.name;
    // The first table of that name on the search path, as an unqualified name would find it.
    const [found] = await this.query(
      `SELECT table_schema FROM information_schema.tables WHERE table_name = ${quoteString(table)} AND table_schema = ANY (current_schemas(false)) ORDER BY array_position(current_schemas(false), table_schema::name) LIMIT 1`,
    );
    if (!found) {
      throw new LivingLabError({
        code: "postgres_table_missing",
        message: `De tabel '${table}' van dataset '${source.name}' bestaat niet op de PostgreSQL-server.`,
        hint: `Laad de data eerst: livinglab load <bestand> --table ${table} --engine postgres.`,
      });
    }
    if (table !== source.name || source.columns) {
      const select = source.columns ? source.columns.map(quoteIdentifier).join(", ") : "*";
      await this.client.query(
        `CREATE OR REPLACE TEMP VIEW ${quoteIdentifier(source.name)} AS SELECT ${select} FROM ${quoteIdentifier(String(found.table_schema))}.${quoteIdentifier(table)}`,
      );
    }
  }

  async columns(name: string): Promise<ColumnInfo[]> {
    const result = await this.client.query(`SELECT * FROM ${quoteIdentifier(name)} LIMIT 0`);
    const typeNames = await this.query(
      `SELECT oid, upper(typname) AS name FROM pg_type WHERE oid IN (${result.fields.map((f) => f.dataTypeID).join(", ") || "0"})`,
    );
    const byOid = new Map(typeNames.map((row) => [Number(row.oid), String(row.name)]));
    return result.fields.map((field) => {
      const type = byOid.get(field.dataTypeID) ?? "UNKNOWN";
      return { name: field.name, type, category: categoryOfType(type), kind: kinds[type] ?? "other" };
    });
  }

  fingerprint(name: string): Promise<ContentFingerprint> {
    return computeContentFingerprint(this, name);
  }

  async query(sql: string): Promise<Row[]> {
    const result = await this.client.query(sql);
    return result.rows.map((row) => normalizeRow(row as Row));
  }

  async version(): Promise<string> {
    const [row] = await this.query("SHOW server_version");
    return String(row?.server_version ?? "unknown");
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}

function normalizeNumber(value: string): number | string {
  const n = Number(value);
  return Number.isFinite(n) && (!/^-?\d+$/.test(value) || Number.isSafeInteger(n)) ? n : value;
}
