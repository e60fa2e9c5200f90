import hive from "hive-driver";
import type * as OperationModule from "hive-driver/dist/contracts/IOperation.js";
import { quoteSparkIdentifier } from "../../sql/spark-dialect.js";
import type { Row } from "../engine.js";
import type { SparkAddress } from "./spark-address.js";
import { sparkAccessDenied, sparkQueryErrorOf, sparkUnreachable } from "./spark-problems.js";
import type { SparkSession } from "./spark-session.js";
import { columnValues, type ThriftColumn, valueOfText } from "./thrift-values.js";

const { TCLIService, TCLIService_types: types } = hive.thrift;

type Operation = OperationModule.default;
interface Session {
  executeStatement(sql: string, options: { runAsync: boolean }): Promise<Operation>;
  close(): Promise<unknown>;
}

/** A column of a query as Spark names its type (`decimal(10,2)`, `array<string>`). */
interface DescribedColumn {
  name: string;
  type: string;
}

/**
 * A session on Spark's Thrift (HiveServer2) server, for installations that offer only that.
 * hive-driver carries the protocol; the values are read here, because its own conversion
 * rounds integers above 2^53 and decimals and garbles lists. Each query is first described
 * (analysis only, no job), so every column is read by the type Spark gives it; lists, maps
 * and structs travel as JSON with their leaves as text.
 */
export class ThriftSession implements SparkSession {
  readonly protocol = "Thrift";

  private constructor(
    private readonly client: { close(): void },
    private readonly session: Session,
    private readonly address: SparkAddress,
  ) {}

  static async open(address: SparkAddress, password: string | undefined): Promise<ThriftSession> {
    const client = new hive.HiveClient(TCLIService, types);
    // A client error event without a listener would end the process; the failed call reports it.
    client.on("error", () => {});
    const credentials = { username: address.user, password: password ?? "livinglab" };
    const http = address.httpPath !== undefined;
    try {
      await client.connect(
        {
          host: address.host,
          port: address.port,
          options: http
            ? {
                path: `/${address.httpPath?.replace(/^\//, "")}`,
                https: address.tls,
                nodeOptions: { rejectUnauthorized: true },
              }
            : { ssl: address.tls },
        },
        http ? new hive.connections.HttpConnection() : new hive.connections.TcpConnection(),
        http ? new hive.auth.PlainHttpAuthentication(credentials) : new hive.auth.PlainTcpAuthentication(credentials),
      );
      const session = (await client.openSession({
        client_protocol: types.TProtocolVersion.HIVE_CLI_SERVICE_PROTOCOL_V10,
        ...(address.database !== undefined && { configuration: { "use:database": address.database } }),
      })) as Session;
      return new ThriftSession(client, session, address);
    } catch (error) {
      client.close();
      throw problemOfThriftError(error, address);
    }
  }

  async setConfig(settings: Record<string, string>): Promise<void> {
    // SET reads the rest of the line as the value; the keys are ours, the values plain words.
    for (const [key, value] of Object.entries(settings)) await this.execute(`SET ${key}=${value}`);
  }

  async run(sql: string): Promise<void> {
    await this.execute(sql);
  }

  async query(sql: string): Promise<Row[]> {
    // Only a query can be described; DESCRIBE and SHOW give text columns as they are.
    if (!/^\s*(SELECT|WITH|VALUES|FROM|\()/i.test(sql)) return this.execute(sql);
    const described = (await this.execute(`DESCRIBE QUERY ${sql}`)).map((row) => ({
      name: String(row.col_name),
      type: String(row.data_type),
    }));
    const nested = described.some((c) => isNested(c.type));
    const rows = await this.execute(nested ? asJsonWhereNested(sql, described) : sql);
    return rows.map((row) => {
      const out: Row = {};
      for (const { name, type } of described) out[name] = valueOfText(row[name], type);
      return out;
    });
  }

  async version(): Promise<string> {
    const [row] = await this.execute("SELECT version() AS v");
    return String(row?.v ?? "onbekend").split(" ")[0] ?? "onbekend";
  }

  async close(): Promise<void> {
    try {
      await this.session.close();
    } catch {
      // A server that is already gone has closed the session too.
    } finally {
      this.client.close();
    }
  }

  /** Runs a statement and reads its rows as raw values (numbers, exact Int64 as bigint, text). */
  private async execute(sql: string): Promise<Row[]> {
    let operation: Operation;
    try {
      // Synchronous: the server answers when the statement is done. hive-driver's wait for an
      // asynchronous one asks for its status in a tight loop, which takes CPU from Spark itself.
      operation = await this.session.executeStatement(sql, { runAsync: false });
      const utils = new hive.HiveUtils(types);
      await utils.waitUntilReady(operation, false);
      await utils.fetchAll(operation);
    } catch (error) {
      throw problemOfThriftError(error, this.address);
    }
    const schema = operation.getSchema();
    const rows: Row[] = [];
    if (schema) {
      const columns = [...schema.columns].sort((a, b) => a.position - b.position);
      const first = Math.max(Math.min(...columns.map((c) => c.position)), 0);
      for (const rowSet of operation.getData()) {
        const values = columns.map((c) => columnValues(rowSet.columns?.[c.position - first] as ThriftColumn));
        const count = Math.max(0, ...values.map((v) => v.length));
        for (let r = 0; r < count; r++) {
          const row: Row = {};
          columns.forEach((c, i) => {
            row[c.columnName.split(".").pop() ?? c.columnName] = values[i]?.[r] ?? null;
          });
          rows.push(row);
        }
      }
    }
    await operation.close();
    return rows;
  }
}

const isNested = (type: string) => /^(array|map|struct)</i.test(type);

/** Wraps a query so nested columns arrive as JSON whose leaves are text, so no number is rounded. */
function asJsonWhereNested(sql: string, columns: readonly DescribedColumn[]): string {
  const items = columns.map(({ name, type }) => {
    const column = `${quoteSparkIdentifier("q")}.${quoteSparkIdentifier(name)}`;
    const value = isNested(type) ? `to_json(${leavesAsText(column, type)})` : column;
    return `${value} AS ${quoteSparkIdentifier(name)}`;
  });
  return `SELECT ${items.join(", ")} FROM (\n${sql}\n) AS ${quoteSparkIdentifier("q")}`;
}

/** A list's items as text (one level deep: what livinglab's own queries return). */
function leavesAsText(column: string, type: string): string {
  const item = /^array<(.*)>$/i.exec(type)?.[1];
  if (item === undefined || isNested(item) || /^string$/i.test(item)) return column;
  return `transform(${column}, x -> CAST(x AS STRING))`;
}

function problemOfThriftError(error: unknown, address: SparkAddress): Error {
  // hive-driver puts the server's own message in the failed operation's response.
  const response = (error as { response?: { errorMessage?: unknown } } | null)?.response;
  if (typeof response?.errorMessage === "string") return sparkQueryErrorOf(response.errorMessage);
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string" && NETWORK_ERRORS.has(code)) return sparkUnreachable(address);
  // hive-driver's StatusError carries the server's message but is no Error.
  const text = (error as { message?: unknown } | null)?.message;
  const message = typeof text === "string" ? text : String(error);
  if (/authenticat|Peer indicated failure|SASL/i.test(message)) return sparkAccessDenied(address);
  return sparkQueryErrorOf(message);
}

const NETWORK_ERRORS = new Set(["ECONNREFUSED", "ENOTFOUND", "EHOSTUNREACH", "ETIMEDOUT", "ECONNRESET", "EPIPE"]);
