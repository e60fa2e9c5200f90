import { createServer } from "node:net";
import {
  Decimal,
  Field,
  Int64,
  List,
  makeData,
  makeVector,
  Schema,
  Table,
  tableToIPC,
  Utf8,
  vectorFromArray,
} from "apache-arrow";
import { afterEach, describe, expect, it } from "vitest";
import { rowsFromArrow } from "../../src/engines/spark/arrow-rows.js";
import { sparkQueryErrorOf } from "../../src/engines/spark/spark-problems.js";
import { columnValues, decimalText, valueOfText } from "../../src/engines/spark/thrift-values.js";
import { SparkEngine, sparkTarget, sparkTargetOf } from "../../src/index.js";

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

describe("a Spark address", () => {
  it("reads Spark Connect and Thrift addresses with their defaults", () => {
    expect(sparkTargetOf("sc://cluster.example:443/;use_ssl=true;user_id=ana;x-databricks-cluster-id=0123")).toEqual({
      address: {
        protocol: "connect",
        host: "cluster.example",
        port: 443,
        tls: true,
        user: "ana",
        headers: { "x-databricks-cluster-id": "0123" },
      },
    });
    expect(
      sparkTargetOf("hive2://thrift.example/om;transportMode=http;httpPath=gateway/cliservice;ssl=true;user=bob"),
    ).toEqual({
      address: {
        protocol: "thrift",
        host: "thrift.example",
        port: 10000,
        tls: true,
        user: "bob",
        database: "om",
        httpPath: "gateway/cliservice",
        headers: {},
      },
    });
  });

  it("refuses a token on the command line and does not repeat it", () => {
    let thrown: unknown;
    try {
      sparkTargetOf("sc://cluster.example:443/;token=geheim-123");
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ problems: [{ code: "spark_secret_in_url" }] });
    expect(JSON.stringify(thrown)).not.toContain("geheim-123");
    expect(String(thrown)).not.toContain("geheim-123");
  });

  it("takes the token from the environment, also inside SPARK_REMOTE as PySpark does", () => {
    process.env.LIVINGLAB_SPARK_TOKEN = "uit-de-omgeving";
    expect(sparkTargetOf("sc://127.0.0.1:15002").secret).toBe("uit-de-omgeving");
    delete process.env.LIVINGLAB_SPARK_TOKEN;
    process.env.SPARK_REMOTE = "sc://127.0.0.1:15002/;token=uit-remote";
    const target = sparkTarget(undefined);
    expect(target.secret).toBe("uit-remote");
    expect(JSON.stringify(target.address)).not.toContain("uit-remote");
  });

  it("asks for an address when none is given, and names what is not one", () => {
    delete process.env.SPARK_REMOTE;
    expect(() => sparkTarget(undefined)).toThrow(
      expect.objectContaining({ problems: [expect.objectContaining({ code: "spark_url_missing" })] }),
    );
    expect(() => sparkTargetOf("http://127.0.0.1:15002")).toThrow(
      expect.objectContaining({ problems: [expect.objectContaining({ code: "spark_url_invalid" })] }),
    );
  });
});

describe("an unreachable Spark", () => {
  it.each(["sc", "hive2"])("is the user's to fix, in Dutch, over %s", async (scheme) => {
    const port = await closedPort();
    await expect(SparkEngine.connect(`${scheme}://127.0.0.1:${port}`)).rejects.toMatchObject({
      problems: [{ code: "spark_unreachable", message: `Geen verbinding met Spark op ${scheme}://127.0.0.1:${port}.` }],
    });
  });
});

describe("values from Spark, read exactly", () => {
  it("reads Arrow batches: 64-bit integers, decimals with their scale, lists", () => {
    const decimals = makeData({
      type: new Decimal(2, 38, 128),
      length: 3,
      nullCount: 1,
      nullBitmap: new Uint8Array([0b011]),
      // 1250, -123456789012345678.25 as 128-bit two's complement, and a NULL.
      data: new Uint32Array([1250, 0, 0, 0, ...words(-12345678901234567825n), 0, 0, 0, 0]),
    });
    const table = new Table({
      big: vectorFromArray([9007199254740993n, -3n, null], new Int64()),
      dec: makeVector(decimals),
      list: vectorFromArray([["a", null], [], null], new List(new Field("item", new Utf8(), true))),
    });
    const batch = tableToIPC(new Table(new Schema(table.schema.fields), table.batches), "stream");
    expect(rowsFromArrow([batch])).toEqual([
      { big: "9007199254740993", dec: "12.50", list: ["a", null] },
      { big: -3, dec: "-123456789012345678.25", list: [] },
      { big: null, dec: null, list: null },
    ]);
  });

  it("reads Thrift columns: NULLs by their bitmap, Int64 from its bytes", () => {
    const int64 = { buffer: Buffer.from("0020000000000001", "hex"), offset: 0 };
    expect(columnValues({ boolVal: null, i64Val: { values: [int64, int64], nulls: Buffer.from([0b10]) } })).toEqual([
      9007199254740993n,
      null,
    ]);
    expect(valueOfText(9007199254740993n, "bigint")).toBe("9007199254740993");
    expect(valueOfText("2024-01-10", "date")).toEqual(new Date("2024-01-10T00:00:00Z"));
    expect(valueOfText("2024-03-01 10:00:00.123456", "timestamp")).toEqual(new Date("2024-03-01T10:00:00.123Z"));
    expect(valueOfText('["9007199254740993",null]', "array<bigint>")).toEqual(["9007199254740993", null]);
  });

  it.each([
    ["12.5", 2, "12.50"],
    ["1E-18", 18, "0.000000000000000001"],
    ["-0.5", 1, "-0.5"],
    ["1.2E+3", 0, "1200"],
    ["-0E-2", 2, "0.00"],
  ])("writes decimal %s with scale %i as %s", (text, scale, plain) => {
    expect(decimalText(text, scale)).toBe(plain);
  });
});

describe("Spark's errors", () => {
  it("keep Spark's words where they name only tables and columns", () => {
    const error = sparkQueryErrorOf(
      "HiveSQLException: Error running query: [TABLE_OR_VIEW_NOT_FOUND] AnalysisException: [TABLE_OR_VIEW_NOT_FOUND] The table or view `x` cannot be found.\nSearch path",
    );
    expect(error).toMatchObject({
      errorClass: "TABLE_OR_VIEW_NOT_FOUND",
      detail: expect.stringMatching(/^\[TABLE_OR_VIEW_NOT_FOUND\] The table/),
    });
  });

  it("name a JVM error by its exception when Spark gives no error class", () => {
    expect(sparkQueryErrorOf("java.lang.OutOfMemoryError: Java heap space").message).toContain("OutOfMemoryError");
  });

  it("leave out a message that can hold a value from the data", () => {
    const error = sparkQueryErrorOf(
      '[CAST_INVALID_INPUT] The value \'999900018\' of the type "STRING" cannot be cast to "INT"',
    );
    expect(error.errorClass).toBe("CAST_INVALID_INPUT");
    expect(error.message).not.toContain("999900018");
  });
});

function words(value: bigint): number[] {
  const unsigned = value < 0n ? (1n << 128n) + value : value;
  return [0, 1, 2, 3].map((i) => Number((unsigned >> BigInt(32 * i)) & 0xffffffffn));
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === "object" && address ? address.port : 1;
}
