/** What a piece of SQL a user wrote turns out to be, read by DuckDB's own parser. */
export type ParsedSql =
  | { ok: false; reason: "syntax" | "not_select"; message: string }
  | {
      ok: true;
      statements: number;
      /** Tables and views it reads from, as written; `schema` and `catalog` are "" when not written. */
      tables: Array<{ name: string; schema: string; catalog: string }>;
      /** Names its WITH clauses define. */
      ctes: string[];
      /** Functions called in FROM, such as read_csv('/etc/passwd'). */
      tableFunctions: string[];
      /** Every other function it calls, lower case. */
      functions: string[];
    };

/**
 * Parses SQL with DuckDB's parser (`json_serialize_sql`), in a throwaway database that can touch
 * no file, and lists what the statement reads and calls. Nothing is run.
 * @example const parsed = await parseSql("SELECT zaak_id FROM zaken WHERE status = 'x'");
 */
export async function parseSql(sql: string): Promise<ParsedSql> {
  // Loaded here: only a suite with custom SQL needs DuckDB's parser (`log` and `status` do not).
  const { DuckDBInstance } = await import("@duckdb/node-api");
  const instance = await DuckDBInstance.create(":memory:", { enable_external_access: "false" });
  try {
    const connection = await instance.connect();
    try {
      const prepared = await connection.prepare("SELECT json_serialize_sql(CAST($1 AS VARCHAR)) AS j");
      prepared.bindVarchar(1, sql);
      const reader = await prepared.runAndReadAll();
      return fromJson(JSON.parse(String(reader.getRowObjectsJS()[0]?.j)));
    } finally {
      connection.closeSync();
    }
  } finally {
    instance.closeSync();
  }
}

type Json = Record<string, unknown>;

function fromJson(json: Json): ParsedSql {
  if (json.error === true) {
    const message = String(json.error_message ?? "");
    return { ok: false, reason: json.error_type === "not implemented" ? "not_select" : "syntax", message };
  }
  const statements = Array.isArray(json.statements) ? json.statements : [];
  const found: Extract<ParsedSql, { ok: true }> = {
    ok: true,
    statements: statements.length,
    tables: [],
    ctes: [],
    tableFunctions: [],
    functions: [],
  };
  walk(statements, found);
  return found;
}

function walk(node: unknown, found: Extract<ParsedSql, { ok: true }>): void {
  if (Array.isArray(node)) {
    for (const item of node) walk(item, found);
    return;
  }
  if (node === null || typeof node !== "object") return;
  const n = node as Json;
  if (n.type === "BASE_TABLE") {
    found.tables.push({
      name: String(n.table_name),
      schema: String(n.schema_name ?? ""),
      catalog: String(n.catalog_name ?? ""),
    });
  } else if (n.type === "TABLE_FUNCTION") {
    const fn = n.function as Json | undefined;
    found.tableFunctions.push(String(fn?.function_name ?? "").toLowerCase());
    // Its arguments may hold subqueries; walk them, but do not count the call as a scalar function.
    walk(fn?.children, found);
    return;
  } else if (n.class === "FUNCTION") {
    found.functions.push(String(n.function_name).toLowerCase());
  }
  const cteMap = (n.cte_map as Json | undefined)?.map;
  if (Array.isArray(cteMap)) for (const entry of cteMap) found.ctes.push(String((entry as Json).key).toLowerCase());
  for (const value of Object.values(n)) walk(value, found);
}
