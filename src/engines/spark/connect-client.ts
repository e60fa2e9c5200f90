import { randomUUID } from "node:crypto";
import { join } from "node:path";
import * as grpc from "@grpc/grpc-js";
import * as protoLoader from "@grpc/proto-loader";
import { packageRoot } from "../../workspace.js";
import type { Row } from "../engine.js";
import { rowsFromArrow } from "./arrow-rows.js";
import type { SparkAddress } from "./spark-address.js";
import { problemOfSparkError } from "./spark-problems.js";
import type { SparkSession } from "./spark-session.js";

/** The Spark Connect protocol's own files, as shipped in Spark's connect jar (see proto/README.md). */
const PROTO_DIR = join(packageRoot(), "proto");

type Callback<T> = (error: grpc.ServiceError | null, response: T) => void;
interface ConnectStub extends grpc.Client {
  ExecutePlan(request: object, metadata: grpc.Metadata): grpc.ClientReadableStream<ExecuteResponse>;
  AnalyzePlan(request: object, metadata: grpc.Metadata, callback: Callback<AnalyzeResponse>): void;
  Config(request: object, metadata: grpc.Metadata, callback: Callback<unknown>): void;
  ReleaseSession(request: object, metadata: grpc.Metadata, callback: Callback<unknown>): void;
}
interface ExecuteResponse {
  arrow_batch?: { data: Buffer };
}
interface AnalyzeResponse {
  spark_version?: { version: string };
}
type StubConstructor = new (
  address: string,
  credentials: grpc.ChannelCredentials,
  options: grpc.ChannelOptions,
) => ConnectStub;

/** Spark sends Arrow batches of up to 4 MB plus framing; PySpark's client accepts 128 MB, as we do. */
const CHANNEL_OPTIONS: grpc.ChannelOptions = { "grpc.max_receive_message_length": 128 * 1024 * 1024 };

let stubConstructor: StubConstructor | undefined;

function loadStub(): StubConstructor {
  if (stubConstructor) return stubConstructor;
  const definition = protoLoader.loadSync("spark/connect/base.proto", {
    includeDirs: [PROTO_DIR],
    keepCase: true,
    longs: String,
    enums: String,
    defaults: false,
    oneofs: true,
  });
  const loaded = grpc.loadPackageDefinition(definition) as unknown as {
    spark: { connect: { SparkConnectService: StubConstructor } };
  };
  stubConstructor = loaded.spark.connect.SparkConnectService;
  return stubConstructor;
}

/**
 * A session on a Spark Connect server: SQL goes in as a plan, results come back as Arrow
 * batches. Nothing but SQL text travels to the server; no data is uploaded.
 */
export class ConnectSession implements SparkSession {
  readonly protocol = "Spark Connect";
  private readonly sessionId = randomUUID();

  private constructor(
    private readonly stub: ConnectStub,
    private readonly address: SparkAddress,
    private readonly token: string | undefined,
  ) {}

  /** Opens a channel; the server is first reached by the first request. */
  static open(address: SparkAddress, token: string | undefined): ConnectSession {
    const Stub = loadStub();
    const credentials = address.tls ? grpc.credentials.createSsl() : grpc.credentials.createInsecure();
    const stub = new Stub(`${address.host}:${address.port}`, credentials, CHANNEL_OPTIONS);
    return new ConnectSession(stub, address, token);
  }

  private metadata(): grpc.Metadata {
    const metadata = new grpc.Metadata();
    // A token goes as a header: grpc-js refuses call credentials on a channel without TLS.
    if (this.token !== undefined) metadata.set("authorization", `Bearer ${this.token}`);
    for (const [key, value] of Object.entries(this.address.headers)) metadata.set(key, value);
    return metadata;
  }

  private base(): Record<string, unknown> {
    return {
      session_id: this.sessionId,
      user_context: { user_id: this.address.user },
      client_type: "livinglab",
    };
  }

  async setConfig(settings: Record<string, string>): Promise<void> {
    const pairs = Object.entries(settings).map(([key, value]) => ({ key, value }));
    await this.unary("Config", { ...this.base(), operation: { set: { pairs } } });
  }

  async query(sql: string): Promise<Row[]> {
    const batches = await this.execute({ root: { sql: { query: sql } } });
    return rowsFromArrow(batches);
  }

  async run(sql: string): Promise<void> {
    await this.execute({ command: { sql_command: { input: { sql: { query: sql } } } } });
  }

  async version(): Promise<string> {
    const response = await this.unary<AnalyzeResponse>("AnalyzePlan", { ...this.base(), spark_version: {} });
    return response.spark_version?.version ?? "onbekend";
  }

  async close(): Promise<void> {
    try {
      await this.unary("ReleaseSession", { session_id: this.sessionId, user_context: { user_id: this.address.user } });
    } catch {
      // The session ends with the channel anyway; a server that is already gone is no error here.
    } finally {
      this.stub.close();
    }
  }

  private execute(plan: object): Promise<Buffer[]> {
    return new Promise((resolve, reject) => {
      const batches: Buffer[] = [];
      const call = this.stub.ExecutePlan({ ...this.base(), operation_id: randomUUID(), plan }, this.metadata());
      call.on("data", (response: ExecuteResponse) => {
        if (response.arrow_batch) batches.push(response.arrow_batch.data);
      });
      call.on("error", (error: grpc.ServiceError) => reject(problemOfSparkError(error, this.address)));
      call.on("end", () => resolve(batches));
    });
  }

  private unary<T>(method: "Config" | "AnalyzePlan" | "ReleaseSession", request: object): Promise<T> {
    return new Promise((resolve, reject) => {
      const callback: Callback<T> = (error, response) =>
        error ? reject(problemOfSparkError(error, this.address)) : resolve(response);
      (this.stub[method] as (r: object, m: grpc.Metadata, c: Callback<T>) => void).call(
        this.stub,
        request,
        this.metadata(),
        callback,
      );
    });
  }
}
