import pg from "pg";
import { optionHint } from "../errors/option-hint.js";
import { LivingLabError } from "../errors/problem.js";
import type { ValueKind } from "../fingerprint/canonical-value.js";
import { type ContentFingerprint, computeContentFingerprint } from "../fingerprint/content-fingerprint.js";
import { postgresDialect } from "../sql/postgres-dialect.js";
import { quoteIdentifier } from "../sql/quote.js";
import {
  type AdmittedSource,
  type ColumnInfo,
  categoryOfType,
  type DatasetSource,
  type Engine,
  normalizeRow,
  type Row,
} from "./engine.js";
import { EngineError, type EngineErrorCode, engineCall } from "./engine-error.js";
import { postgresLocation } from "./engine-locations.js";

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

/**
 * What SQL text means depends on these settings, and a server, database or role may set them
 * otherwise: with `standard_conforming_strings` off a backslash escapes the quote that ends a
 * literal. Every session sets them itself and checks they hold before it runs anything else.
 */
export const POSTGRES_SESSION_SETTINGS = {
  standard_conforming_strings: "on",
  backslash_quote: "off",
  client_encoding: "UTF8",
  TimeZone: "UTC",
  DateStyle: "ISO, YMD",
  IntervalStyle: "postgres",
  extra_float_digits: "1",
  bytea_output: "hex",
} as const;

/** How long a cancel may take to stop a statement before it is sent again. */
const CANCEL_AGAIN_MS = 100;

/** The extended protocol: one statement per query, which the server refuses to split. */
function statement(text: string, values: unknown[] = []): pg.QueryConfig {
  const config: pg.QueryConfig & { queryMode: "extended" } = { text, values, queryMode: "extended" };
  return config;
}

/** PostgreSQL's error classes (the first two characters of the SQLSTATE) by what they mean here. */
const errorClasses: Record<string, EngineErrorCode> = {
  "22": "engine_data_value",
  "23": "engine_data_value",
  "25": "engine_query",
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

  private interrupted = false;
  /** The statement on the server now, settled either way: what `interrupt` waits for. */
  private running: Promise<void> | undefined;

  private constructor(
    readonly client: pg.Client,
    private readonly url: string | undefined,
    readonly labConnection: string | undefined,
  ) {}

  /**
   * Connects with a URL, or with the standard PG environment variables (PGHOST, PGPORT, PGUSER, ...);
   * `connection` names the lab connection the URL comes from, so declared tables may be read.
   * @example const engine = await PostgresEngine.connect("postgres://localhost:5432/lab");
   */
  static async connect(url?: string, connection?: string): Promise<PostgresEngine> {
    const client = new pg.Client(url ? { connectionString: url, types } : { types });
    try {
      await client.connect();
    } catch (error) {
      throw new LivingLabError({
        code: "postgres_unreachable",
        message: `Geen verbinding met PostgreSQL: ${error instanceof Error ? error.message : String(error)}.`,
        ...optionHint((o) => `Zet PGHOST, PGPORT, PGUSER en PGDATABASE, of geef ${o("pgUrl")}.`),
      });
    }
    const engine = new PostgresEngine(client, url, connection);
    try {
      await engine.fixSession();
    } catch (error) {
      await client.end();
      throw error;
    }
    return engine;
  }

  private async fixSession(): Promise<void> {
    const names = Object.keys(POSTGRES_SESSION_SETTINGS);
    for (const [name, value] of Object.entries(POSTGRES_SESSION_SETTINGS)) {
      await this.client.query(statement("SELECT set_config($1, $2, false)", [name, value]));
    }
    const { rows } = await this.client.query(
      statement("SELECT name, current_setting(name) AS value FROM unnest($1::text[]) AS name", [names]),
    );
    const wrong = rows.filter(
      (row: { name: keyof typeof POSTGRES_SESSION_SETTINGS; value: string }) =>
        row.value.replaceAll(" ", "").toLowerCase() !==
        POSTGRES_SESSION_SETTINGS[row.name].replaceAll(" ", "").toLowerCase(),
    );
    if (wrong.length > 0) {
      throw new LivingLabError({
        code: "postgres_session_unsafe",
        message: `De PostgreSQL-sessie houdt deze instellingen niet vast: ${wrong.map((r: { name: string }) => r.name).join(", ")}.`,
        hint: "Vraag de beheerder van de server waarom; livinglab draait geen controles op een sessie die SQL anders leest.",
      });
    }
  }

  /** PostgreSQL reads a table on the server (the dataset's `table`, else its name), never a file. */
  static locate(source: DatasetSource): DatasetSource {
    return postgresLocation(source);
  }

  locate(source: DatasetSource): DatasetSource {
    return PostgresEngine.locate(source);
  }

  /** Makes an admitted table on the server queryable under its dataset name, with only its admitted columns. */
  async attach(source: AdmittedSource): Promise<void> {
    const named = source.table ?? source.name;
    // `schema.table` (a table the experiment declares) is that one; a plain name is the first
    // table of that name on the search path, as an unqualified name would find it.
    const [schema, table] = qualified(named);
    const { rows } = await this.client.query(
      schema === undefined
        ? statement(
            "SELECT table_schema FROM information_schema.tables WHERE table_name = $1 AND table_schema = ANY (current_schemas(false)) ORDER BY array_position(current_schemas(false), table_schema::name) LIMIT 1",
            [table],
          )
        : statement("SELECT table_schema FROM information_schema.tables WHERE table_schema = $1 AND table_name = $2", [
            schema,
            table,
          ]),
    );
    const found = rows[0] as { table_schema: string } | undefined;
    if (!found) {
      throw new LivingLabError({
        code: "postgres_table_missing",
        message: `De tabel '${named}' van dataset '${source.name}' bestaat niet op de PostgreSQL-server.`,
        hint:
          schema === undefined
            ? `Laad de data eerst: livinglab load <bestand> --table ${table} --engine postgres.`
            : "Kijk of schema en naam bij 'tabel' in experiment.yaml kloppen, en of de gebruiker van de verbinding de tabel mag zien.",
      });
    }
    if (named !== source.name || source.columns) {
      const select = source.columns ? source.columns.map(quoteIdentifier).join(", ") : "*";
      await this.execute(
        `CREATE OR REPLACE TEMP VIEW ${quoteIdentifier(source.name)} AS SELECT ${select} FROM ${quoteIdentifier(found.table_schema)}.${quoteIdentifier(table)}`,
      );
    }
  }

  /** Already so: every query runs in a read-only transaction that is rolled back (see `query`). */
  async restrictToAttached(): Promise<void> {}

  async columns(name: string): Promise<ColumnInfo[]> {
    const result = await engineCall(postgresErrorCode, () =>
      this.client.query(statement(`SELECT * FROM ${quoteIdentifier(name)} LIMIT 0`)),
    );
    const typeNames = await this.client.query(
      statement("SELECT oid, upper(typname) AS name FROM pg_type WHERE oid = ANY($1::oid[])", [
        result.fields.map((f) => f.dataTypeID),
      ]),
    );
    const byOid = new Map(typeNames.rows.map((row: Row) => [Number(row.oid), String(row.name)]));
    return result.fields.map((field) => {
      const type = byOid.get(field.dataTypeID) ?? "UNKNOWN";
      return { name: field.name, type, category: categoryOfType(type), kind: kinds[type] ?? "other" };
    });
  }

  fingerprint(name: string): Promise<ContentFingerprint> {
    return computeContentFingerprint(this, name);
  }

  /**
   * Runs one SELECT in a read-only transaction that is rolled back afterwards, so even a setting
   * changed by a function it calls does not outlive it.
   */
  async query(sql: string): Promise<Row[]> {
    if (this.interrupted) throw new EngineError("engine_interrupted", "interrupted before the statement started");
    await this.client.query(statement("BEGIN TRANSACTION READ ONLY"));
    try {
      // The server ignores a cancel between statements: one that came during BEGIN is seen here.
      if (this.interrupted) throw new EngineError("engine_interrupted", "interrupted before the statement started");
      const pending = this.client.query(statement(sql));
      this.running = pending.then(
        () => undefined,
        () => undefined,
      );
      const result = await engineCall(postgresErrorCode, () => pending);
      return result.rows.map((row) => normalizeRow(row as Row));
    } finally {
      await this.client.query(statement("ROLLBACK"));
    }
  }

  /** Runs one statement of livinglab's own that may write (the bulk load). */
  async execute(sql: string): Promise<void> {
    await this.client.query(statement(sql));
  }

  /** PostgreSQL allows 1664 items in a SELECT list; a check adds up to three outside and two inside, beside `*`. */
  scanCapacity(columnCount: number): number {
    const limit = 1664 - 1;
    return Math.max(1, Math.min(Math.floor(limit / 3), Math.floor((limit - columnCount) / 2)));
  }

  async version(): Promise<string> {
    const [row] = await this.query("SHOW server_version");
    return String(row?.server_version ?? "unknown");
  }

  /**
   * PostgreSQL's cancel, sent on a connection of its own (the engine's is busy with the
   * statement): the server stops it, which fails with SQLSTATE 57014. The server ignores a
   * cancel that arrives between the protocol messages of one statement, so it is sent again
   * until the statement has ended.
   */
  async interrupt(): Promise<void> {
    this.interrupted = true;
    const { processID } = this.client as pg.Client & { processID: number | null };
    const running = this.running;
    if (processID === null || !running) return;
    let ended = false;
    void running.then(() => {
      ended = true;
    });
    const canceller = new pg.Client(this.url ? { connectionString: this.url } : {});
    try {
      await canceller.connect();
      while (!ended) {
        await canceller.query(statement("SELECT pg_cancel_backend($1)", [processID]));
        await Promise.race([running, new Promise((resolve) => setTimeout(resolve, CANCEL_AGAIN_MS))]);
      }
    } finally {
      await canceller.end();
    }
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}

/** `schema.table` as its two parts; a name without a dot has no schema. */
function qualified(name: string): [string | undefined, string] {
  const dot = name.indexOf(".");
  return dot < 0 ? [undefined, name] : [name.slice(0, dot), name.slice(dot + 1)];
}

function normalizeNumber(value: string): number | string {
  const n = Number(value);
  return Number.isFinite(n) && (!/^-?\d+$/.test(value) || Number.isSafeInteger(n)) ? n : value;
}
