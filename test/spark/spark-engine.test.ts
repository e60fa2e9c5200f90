import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { quoteSparkIdentifier, quoteSparkString, SparkEngine } from "../../src/index.js";
import { writeMiniData } from "../helpers/mini-data.js";
import { testPermit } from "../helpers/test-run.js";

const THRIFT = process.env.LIVINGLAB_SPARK_THRIFT_URL;

/** Values whose exact form is easy to lose on the way from the cluster. */
const TYPED = `SELECT 9007199254740993L AS big, -3L AS small, 7 AS i, CAST(12.50 AS DECIMAL(10,2)) AS dec,
  CAST(0.000000000000000001 AS DECIMAL(38,18)) AS tiny, CAST(-123456789012345678.25 AS DECIMAL(38,2)) AS bigdec,
  DATE '2024-01-10' AS d, TIMESTAMP '2024-03-01 10:00:00.123456' AS ts, TIMESTAMP_NTZ '1969-12-31 23:59:59.5' AS ntz,
  array('a', NULL, 'b"c,d]') AS arr, array(9007199254740993L, NULL) AS bigs, 1.5D AS dbl, true AS b, NULL AS n`;

const EXACT = {
  big: "9007199254740993",
  small: -3,
  i: 7,
  dec: "12.50",
  tiny: "0.000000000000000001",
  bigdec: "-123456789012345678.25",
  d: new Date("2024-01-10T00:00:00Z"),
  ts: new Date("2024-03-01T10:00:00.123Z"),
  ntz: new Date("1969-12-31T23:59:59.500Z"),
  arr: ["a", null, 'b"c,d]'],
  bigs: ["9007199254740993", null],
  dbl: 1.5,
  b: true,
  n: null,
};

describe.each([
  ["Spark Connect", undefined],
  ["Thrift", THRIFT],
])("the Spark engine over %s", (protocol, url) => {
  let engine: SparkEngine;
  beforeAll(async () => {
    if (protocol === "Thrift") expect(url, "LIVINGLAB_SPARK_THRIFT_URL is not set").toBeDefined();
    engine = await SparkEngine.connect(url);
  });
  afterAll(() => engine?.close());

  it("names Spark's version and the protocol", async () => {
    expect(await engine.version()).toMatch(new RegExp(`^4\\.\\d+\\.\\d+ \\(${protocol}\\)$`));
  });

  it("gives big integers, decimals with their scale, dates and timestamps exactly", async () => {
    expect(await engine.query(TYPED)).toEqual([EXACT]);
  });

  it("reads back every hostile text and name as it was written", async () => {
    const texts = [
      "it's",
      "back\\slash",
      "\\'; DROP TABLE x; --",
      "tab\there\nnew line",
      "\\u0041 \\101",
      "ñandú 🎉",
      '"x"',
    ];
    const items = texts.map((t, i) => `${quoteSparkString(t)} AS ${quoteSparkIdentifier(`kolom ${i} \`${t}\``)}`);
    const [row = {}] = await engine.query(`SELECT ${items.join(", ")}`);
    expect(Object.keys(row)).toEqual(texts.map((t, i) => `kolom ${i} \`${t}\``));
    expect(Object.values(row)).toEqual(texts);
  });

  it("reads only what is attached once restricted: a view keeps reading, a path in SQL does not", async () => {
    const restricted = await SparkEngine.connect(url);
    try {
      const file = join(await writeMiniData(), "zaken.parquet");
      await (await testPermit()).attach(restricted, { name: "zaken", file });
      await restricted.restrictToAttached();
      expect(await restricted.query("SELECT count(*) AS n FROM `zaken`")).toEqual([{ n: 7 }]);
      await expect(restricted.query(`SELECT count(*) AS n FROM parquet.${quoteSparkIdentifier(file)}`)).rejects.toThrow(
        /UNSUPPORTED_DATASOURCE_FOR_DIRECT_QUERY|TABLE_OR_VIEW_NOT_FOUND|runSQLOnFiles/,
      );
    } finally {
      await restricted.close();
    }
  });

  it("reads a double-quoted name as a name, not as a text", async () => {
    expect(await engine.query(`SELECT count(*) AS n FROM VALUES (1), (2) AS t(x) WHERE "x" = 2`)).toEqual([{ n: 1 }]);
  });

  it("says in Dutch which dataset's table or file is missing", async () => {
    const permit = await testPermit();
    await expect(permit.attach(engine, { name: "zaken", table: "nergens.zaken" })).rejects.toMatchObject({
      problems: [{ code: "spark_table_missing" }],
    });
    // A URI is read only by the cluster: the door does not hash it, Spark says it is missing.
    const missing = "file:///bestaat/niet/zaken.parquet";
    await expect(permit.attach(engine, { name: "zaken", file: missing })).rejects.toMatchObject({
      problems: [{ code: "spark_path_missing", message: expect.stringContaining(missing) }],
    });
  });
});

describe("a Thrift address with a database", () => {
  it("starts the session in that database", async () => {
    expect(THRIFT, "LIVINGLAB_SPARK_THRIFT_URL is not set").toBeDefined();
    const setup = await SparkEngine.connect();
    try {
      // The test's own database in the throwaway Spark's in-memory catalog; livinglab itself never writes there.
      await setup.session.run("CREATE DATABASE IF NOT EXISTS livinglab_proef");
    } finally {
      await setup.close();
    }
    const engine = await SparkEngine.connect(`${THRIFT}/livinglab_proef`);
    try {
      expect(await engine.query("SELECT current_database() AS db")).toEqual([{ db: "livinglab_proef" }]);
    } finally {
      await engine.close();
    }
  });
});

describe("the vendored Spark Connect protocol", () => {
  it("is the one in the connect jar of the pyspark that ./lab installs", () => {
    const root = join(import.meta.dirname, "../..");
    const python = (code: string, ...args: string[]) =>
      execFileSync(join(root, ".venv/bin/python"), ["-c", code, ...args], { encoding: "utf8" });
    const jars = join(python("import os, pyspark; print(os.path.dirname(pyspark.__file__), end='')"), "jars");
    const jar = readdirSync(jars).find((name) => /^spark-connect_.*\.jar$/.test(name));
    expect(jar).toBeDefined();
    const dir = join(root, "proto/spark/connect");
    for (const file of readdirSync(dir)) {
      const inJar = python(
        "import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())",
        join(jars, jar as string),
        `spark/connect/${file}`,
      );
      expect(readFileSync(join(dir, file), "utf8"), file).toBe(inJar);
    }
  });
});
