import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { columnTypes, expressedBy, type PeerPlan, peerPlan, sodaYaml, type TypeOf } from "../../bench/peer-checks.js";
import { type CheckResult, checkSuite, generateOm, loadSuite, type Suite, suiteSchema } from "../../src/index.js";
import { makeLab } from "../helpers/cli.js";

// What bench:peers gives Soda Core and Great Expectations, made from the suite's own check list.
// The peers themselves (Python packages) are not needed here; Soda's failed-rows SQL is plain
// DuckDB, so it runs here against livinglab's own counts on the same small data.

const JUSTIFICATION = "Test van de vertaling van de standaardsuite voor de vergelijkende bench, op synthetische data.";
let dir: string;
let suite: Suite;
let typeOf: TypeOf;
let plan: PeerPlan;
let ours: CheckResult[];

beforeAll(async () => {
  const lab = await makeLab();
  const suiteFile = join(lab, "experiments/om-datakwaliteit/suite.yaml");
  // Another copy of the data lives in the experiment: the door reads data nowhere else.
  dir = join(lab, "experiments/om-datakwaliteit/data-2000");
  await generateOm({ out: dir, zaken: 2000, seed: 1, asOf: "2026-06-30", defects: "all" });
  ({ suite } = await loadSuite(suiteFile));
  typeOf = await columnTypes(dir, Object.keys(suite.datasets));
  plan = peerPlan(suite, typeOf);
  ({
    result: { checks: ours },
  } = await checkSuite({ suite: suiteFile, dataDir: dir, justification: JUSTIFICATION }));
});

describe("the peers' checks made from the default OM suite", () => {
  it.each(["soda", "ge"] as const)(
    "%s: every check of the suite is expressed or named with a reason, never both",
    (peer) => {
      const expressed = expressedBy(plan, peer);
      const not = plan.notExpressed.filter((n) => n.peer === peer);
      expect([...expressed, ...not.map((n) => n.id)].sort()).toEqual(suite.checks.map((c) => c.id).sort());
      for (const n of not) expect(n.reason.length).toBeGreaterThan(10);
    },
  );

  it("expresses what each peer can: Soda all but drift, GE all but four", () => {
    const not = (peer: string) => plan.notExpressed.filter((n) => n.peer === peer).map((n) => n.id);
    expect(not("soda")).toEqual(["zaken-afdoening-drift"]);
    expect(not("ge").sort()).toEqual(
      [
        "zaken-afdoening-drift",
        "zaken-opmerking-zonder-persoonsgegevens",
        "zaken-parketnummer-begint-met-parketcode",
        "zaken-pleegdatum-per-arrondissement",
      ].sort(),
    );
  });

  it("names each Soda check once in the SodaCL file, under its table, by its livinglab id", () => {
    const sodacl = parse(sodaYaml(plan)) as Record<string, Array<Record<string, { name: string }>>>;
    const named = Object.entries(sodacl).flatMap(([section, checks]) =>
      checks.map((c) => ({ section, name: Object.values(c)[0]?.name })),
    );
    expect(named.map((n) => n.name).sort()).toEqual(expressedBy(plan, "soda").sort());
    for (const { section, name } of named) {
      expect(section).toBe(`checks for ${suite.checks.find((c) => c.id === name)?.table}`);
    }
  });

  it("makes Soda's failed-rows SQL find exactly the rows (and groups) livinglab finds", async () => {
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    for (const table of Object.keys(suite.datasets)) {
      await connection.run(`CREATE VIEW ${table} AS SELECT * FROM read_parquet('${join(dir, `${table}.parquet`)}')`);
    }
    const sql = plan.soda.filter((c) => c.sql);
    expect(sql.length).toBe(12);
    for (const check of sql) {
      const config = check.check["failed rows"] ?? {};
      const query =
        typeof config["fail query"] === "string"
          ? `SELECT count(*)::INT AS n FROM (${config["fail query"]})`
          : `SELECT count(*)::INT AS n FROM ${check.table} WHERE ${config["fail condition"]}`;
      const [row] = (await connection.runAndReadAll(query)).getRowObjects();
      const our = ours.find((c) => c.id === check.id);
      expect({ id: check.id, n: row?.n }).toEqual({ id: check.id, n: our?.failing_count });
    }
    // Equal counts mean something only where there is something to find.
    const finding = sql.filter((check) => (ours.find((c) => c.id === check.id)?.failing_count ?? 0) > 0);
    expect(finding.length).toBeGreaterThanOrEqual(sql.length - 1);
    connection.closeSync();
    instance.closeSync();
  });

  it("names a check it cannot translate instead of leaving it out: a new kind, or a threshold", () => {
    const extra = suiteSchema.parse({
      ...suite,
      checks: [
        ...suite.checks,
        {
          id: "zaken-eigen-sql",
          kind: "custom_sql",
          table: "zaken",
          sql: "SELECT zaak_id AS k FROM zaken WHERE false",
        },
        { id: "zaken-status-drempel", kind: "not_null", table: "zaken", column: "status", max_failing: 10 },
      ],
    });
    const more = peerPlan(extra, typeOf);
    for (const peer of ["soda", "ge"] as const) {
      const not = more.notExpressed.filter((n) => n.peer === peer).map((n) => n.id);
      expect(not).toEqual(expect.arrayContaining(["zaken-eigen-sql", "zaken-status-drempel"]));
      expect(expressedBy(more, peer)).not.toContain("zaken-eigen-sql");
    }
  });
});
