import pg from "pg";
import { LivingLabError } from "../errors/problem.js";
import { postgresDialect } from "../sql/postgres-dialect.js";
import { quoteIdentifier, quoteString } from "../sql/quote.js";
import { type ColumnInfo, categoryOfType, type DatasetSource, type Engine, normalizeRow, type Row } from "./engine.js";
import { type EngineErrorCode, engineCall } from "./engine-error.js";

// Counts and sums arrive as text by default; they are numbers here, as on DuckDB.
const types = {
  getTypeParser: (oid: number, format?: string) => {
    if (oid === 20 || oid === 1700) return (value: string) => normalizeNumber(value);
    return pg.types.getTypeParser(oid, format as "text");
  },
};

/** PostgreSQL's error classes (the first two characters of the SQLSTATE) by what they mean here. */
const errorClasses: Record<string, EngineErrorCode> = {
  "22": "engine_data_value",
  "23": "engine_data_value",
  "42": "engine_query",
  "53": "engine_out_of_memory",
  "58": "engine_io",
  "08": "engine_connection",
  "57": "engine_interrupted",
};

/** A PostgreSQL error by its SQLSTATE; an error without one is a lost connection. */
export function postgresErrorCode(error: Error): EngineErrorCode {
  const state = (error as { code?: unknown }).code;
  if (typeof state !== "string") return "engine_connection";
  return errorClasses[state.slice(0, 2)] ?? "engine_error";
}

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
    await client.query("SET TIME ZONE 'UTC'");
    return new PostgresEngine(client);
  }

  async attach(source: DatasetSource): Promise<void> {
    const table = source.table ?? source.name;
    const found = await this.query(
      `SELECT 1 AS found FROM information_schema.tables WHERE table_name = ${quoteString(table)}`,
    );
    if (found.length === 0) {
      throw new LivingLabError({
        code: "postgres_table_missing",
        message: `De tabel '${table}' van dataset '${source.name}' bestaat niet op de PostgreSQL-server.`,
        hint: `Laad de data eerst: livinglab load <bestand> --table ${table} --engine postgres.`,
      });
    }
    if (table !== source.name) {
      await this.client.query(
        `CREATE OR REPLACE TEMP VIEW ${quoteIdentifier(source.name)} AS SELECT * FROM ${quoteIdentifier(table)}`,
      );
    }
  }

  async columns(name: string): Promise<ColumnInfo[]> {
    const result = await engineCall(postgresErrorCode, () =>
      this.client.query(`SELECT * FROM ${quoteIdentifier(name)} LIMIT 0`),
    );
    const typeNames = await this.query(
      `SELECT oid, upper(typname) AS name FROM pg_type WHERE oid IN (${result.fields.map((f) => f.dataTypeID).join(", ") || "0"})`,
    );
    const byOid = new Map(typeNames.map((row) => [Number(row.oid), String(row.name)]));
    return result.fields.map((field) => {
      const type = byOid.get(field.dataTypeID) ?? "UNKNOWN";
      return { name: field.name, type, category: categoryOfType(type) };
    });
  }

  async query(sql: string): Promise<Row[]> {
    const result = await engineCall(postgresErrorCode, () => this.client.query(sql));
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
