import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  DuckDbEngine,
  generateOm,
  loggedRun,
  metricsChartOptions,
  openExperiment,
  openWorkspace,
  type RunRecord,
  readLogRecords,
  readRunLog,
  renderChart,
  verifyRunLog,
} from "../../src/index.js";
import { makeLab } from "../helpers/cli.js";

const JUSTIFICATION = "Verkenning in een notebook: tellen hoeveel zaken per afdoening voorkomen, als test.";

describe("a notebook analysis as a logged run", () => {
  it("records the datasets it reads, the artifacts it writes, its metrics, and ends even when it throws", async () => {
    const lab = await makeLab();
    const workspace = openWorkspace(lab);
    const om = await openExperiment(workspace, "om-datakwaliteit");
    const data = join(om.dir, "data");
    await generateOm({ out: data, zaken: 500, seed: 7, asOf: "2026-06-30", defects: "all" });

    const { result, record } = await loggedRun(
      workspace,
      om,
      { analysis: "telling", justification: JUSTIFICATION },
      async (run) => {
        await run.readDataset("zaken", join(data, "zaken.parquet"));
        const [row] = await run.query("SELECT count(*) AS n FROM zaken");
        run.metric("zaken", Number(row?.n), "count");
        run.metric("zonder_eenheid", 1);
        await run.engine.query("CREATE TABLE zaken_kopie AS SELECT * FROM zaken");
        await run.readTable("zaken_kopie");
        await run.writeArtifact("rapport/telling.txt", `zaken: ${row?.n}\n`);
        return Number(row?.n);
      },
    );
    expect(result).toBeGreaterThan(0);
    expect(record).toMatchObject({ outcome: "completed", metrics: { zaken: result }, analysis: { name: "telling" } });
    // A metric says what it is when the analysis says so; otherwise it is charted apart, not guessed.
    expect(record.metric_units).toEqual({ zaken: "count" });
    expect(record.datasets).toEqual([
      {
        name: "zaken",
        path: "data/zaken.parquet",
        sha256: createHash("sha256")
          .update(await readFile(join(data, "zaken.parquet")))
          .digest("hex"),
      },
    ]);
    expect(record.data).toEqual([
      expect.objectContaining({
        name: "zaken",
        file: expect.objectContaining({ path: "data/zaken.parquet" }),
        rows: result,
      }),
      expect.objectContaining({ name: "zaken_kopie", table: "zaken_kopie", rows: result, made: true }),
    ]);
    // The file is known by its hash; the table made from it by its content, that of the file's rows.
    expect(record.data?.[0]?.content_sha256).toBeUndefined();
    expect(record.data?.[1]?.content_sha256).toBe(
      (await DuckDbEngine.fingerprintFile(join(data, "zaken.parquet"))).sha256,
    );
    expect(record.artifacts).toEqual([
      {
        name: "telling.txt",
        path: "rapport/telling.txt",
        sha256: createHash("sha256").update(`zaken: ${result}\n`).digest("hex"),
      },
    ]);

    const failing = loggedRun(workspace, om, { analysis: "kapot", reuseJustification: record.id }, async (run) => {
      await run.readDataset("zaken", join(data, "zaken.parquet"));
      await run.query("SELECT kolom_die_niet_bestaat FROM zaken");
    });
    // The database's own text is on the thrown error, for the user's screen only.
    await expect(failing).rejects.toMatchObject({
      code: "engine_query",
      engineMessage: expect.stringContaining("kolom_die_niet_bestaat"),
    });
    const last = (await readRunLog(join(om.dir, "runlog.jsonl"))).at(-1);
    expect(last).toMatchObject({ analysis: { name: "kapot" }, outcome: "error", justification_reused_from: record.id });
    expect(last?.error).toEqual({ code: "engine_query", kind: "query", message: expect.stringMatching(/query/) });
    expect(last?.error?.message).not.toContain("kolom_die_niet_bestaat");
    expect(last?.datasets.map((d) => d.name)).toEqual(["zaken"]);
    expect((await readLogRecords(join(om.dir, "runlog.jsonl"))).map((r) => r.type)).toEqual([
      "run_started",
      "run",
      "run_started",
      "run",
    ]);
    expect((await verifyRunLog(join(om.dir, "runlog.jsonl"))).intact).toBe(true);
  });

  it("refuses to start without a justification, and runs nothing", async () => {
    const lab = await makeLab();
    const workspace = openWorkspace(lab);
    const om = await openExperiment(workspace, "om-datakwaliteit");
    let ran = false;
    await expect(
      loggedRun(workspace, om, { analysis: "telling", justification: "todo" }, async () => {
        ran = true;
      }),
    ).rejects.toThrow(/opvultekst/);
    expect(ran).toBe(false);
    expect(await readLogRecords(join(om.dir, "runlog.jsonl"))).toEqual([]);
  });
});

describe("the content fingerprint of a table", () => {
  it("ignores row and column order, but notices a changed value, a duplicated row and a renamed column", async () => {
    const engine = await DuckDbEngine.open();
    try {
      await engine.query("CREATE TABLE a AS SELECT range AS id, 'zaak ' || range AS naam FROM range(1000)");
      await engine.query("CREATE TABLE b AS SELECT naam, id FROM a ORDER BY id DESC");
      await engine.query("CREATE TABLE c AS SELECT id, CASE WHEN id = 500 THEN 'anders' ELSE naam END AS naam FROM a");
      await engine.query("CREATE TABLE d AS SELECT * FROM a UNION ALL SELECT * FROM a WHERE id = 3");
      await engine.query("CREATE TABLE e AS SELECT id, naam AS titel FROM a");
      const [a, b, c, d, e] = await Promise.all(["a", "b", "c", "d", "e"].map((t) => engine.fingerprint(t)));
      expect(a?.rows).toBe(1000);
      expect(b?.sha256).toBe(a?.sha256);
      for (const other of [c, d, e]) expect(other?.sha256).not.toBe(a?.sha256);
      expect(d?.rows).toBe(1001);
    } finally {
      await engine.close();
    }
  });
});

describe("the metrics of a suite over its runs", () => {
  it("draws one line per check across the runs", () => {
    const run = (at: string, metrics: Record<string, number | null>) =>
      ({
        at,
        metrics,
        metric_units: { "zaken-uniek": "share", "feiten-uniek": "share" },
        analysis: { name: "check", params: { suite: "suite.yaml" } },
      }) as unknown as RunRecord;
    const svg = renderChart(
      metricsChartOptions(
        [
          run("2026-11-01T09:00:00Z", { "zaken-uniek": 0.01, "feiten-uniek": 0 }),
          run("2026-11-02T09:00:00Z", { "zaken-uniek": 0.02, "feiten-uniek": null }),
          run("2026-11-03T09:00:00Z", { "zaken-uniek": 0.005, "feiten-uniek": 0.001 }),
        ],
        { suite: "suite.yaml" },
      ),
    );
    expect(svg).toContain("<svg");
    expect(svg.match(/<path[^>]*d="M/g)?.length).toBeGreaterThanOrEqual(2);
    expect(svg).toContain("zaken-uniek");
    expect(svg).toContain("Aandeel: uitkomsten van suite.yaml per run");
  });
});
