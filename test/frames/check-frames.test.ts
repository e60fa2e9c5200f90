import { copyFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  type CheckResult,
  checkSuite,
  copyFrameTypes,
  DuckDbEngine,
  frameFromCheckResults,
  frameFromQuery,
  generateOm,
  isLivingLabError,
  loggedRun,
  type OpenedExperiment,
  openExperiment,
  openWorkspace,
  readLogRecords,
  renderFrame,
  runLogPath,
  verifyRunLog,
} from "../../src/index.js";
import { makeLab, runCli } from "../helpers/cli.js";
import { fileDatabase } from "../helpers/postgres-database.js";

async function codesOf(work: Promise<unknown>): Promise<string[]> {
  try {
    await work;
  } catch (error) {
    if (isLivingLabError(error)) return error.problems.map((p) => p.code);
    throw error;
  }
  return [];
}

const JUSTIFICATION = "Test: de suite op een DataFrame controleren en vergelijken met dezelfde data als bestand.";

/**
 * What a user compares between two runs of one suite: every check's verdict and what it found.
 * Drift checks compare with the suite's earlier runs, which differ between any two runs, so they are left out.
 */
function verdicts(checks: readonly CheckResult[]) {
  return checks
    .filter((c) => c.kind !== "drift")
    .map((c) => ({
      id: c.id,
      outcome: c.outcome,
      metric: c.metric,
      failing: c.failing_count,
      rows: c.row_count,
      sample: c.sample,
    }));
}

describe("a check suite on a DataFrame handed back to DuckDB", () => {
  let workspace: ReturnType<typeof openWorkspace>;
  let om: OpenedExperiment;
  let suite: string;
  let data: string;
  beforeAll(async () => {
    workspace = openWorkspace(await makeLab());
    om = await openExperiment(workspace, "om-datakwaliteit");
    suite = join(om.dir, "suite.yaml");
    data = join(om.dir, "data");
    await generateOm({ out: data, zaken: 3000, seed: 11, asOf: "2026-06-30", defects: "all" });
  });

  async function zakenFrame(sql = "SELECT * FROM zaken") {
    const { result } = await loggedRun(
      workspace,
      om,
      {
        analysis: "zaken-als-dataframe",
        justification: "Test: de zaken als DataFrame lezen om ze daarna te controleren.",
      },
      async (run) => {
        await run.readDataset("zaken", join(data, "zaken.parquet"));
        return frameFromQuery(run.engine, sql, { key: ["zaak_id"] });
      },
    );
    return result;
  }

  it("finds exactly what it finds in the same data as a file, and logs the frame by its content fingerprint", async () => {
    const fromFiles = await checkSuite({ suite, justification: JUSTIFICATION });
    const zaken = await zakenFrame();
    const fromFrame = await checkSuite({ suite, justification: JUSTIFICATION, frames: { zaken } });
    expect(fromFrame.result.outcome).toBe("failed");
    expect(verdicts(fromFrame.result.checks)).toEqual(verdicts(fromFiles.result.checks));

    const record = fromFrame.record;
    expect(record.analysis.params.frames).toEqual(["zaken"]);
    // The file of zaken was not read: only the other datasets' files are fingerprinted.
    expect(record.datasets.map((d) => d.name).sort()).toEqual(["feiten", "verdachten"]);
    const read = record.data?.find((d) => d.name === "zaken");
    expect(read).toMatchObject({ frame: true, rows: zaken.shape[0] });
    expect(read?.file).toBeUndefined();
    // The same rows with the same types, however they came in: the same content fingerprint as the
    // file's rows (the run on the file records the file by its hash).
    const fromFile = fromFiles.record.data?.find((d) => d.name === "zaken");
    expect(fromFile?.content_sha256).toBeUndefined();
    expect(read?.content_sha256).toBe((await DuckDbEngine.fingerprintFile(join(data, "zaken.parquet"))).sha256);
    expect(read?.columns).toEqual(fromFile?.columns);
    expect((await verifyRunLog(runLogPath(om.dir))).intact).toBe(true);
  });

  it("checks the frame as changed in danfojs, not the file it once came from", async () => {
    const zaken = await zakenFrame();
    const notSettled = (zaken.column("status").values as unknown[]).map((status) => status !== "afgedaan");
    const open = copyFrameTypes(zaken, zaken.query(notSettled));
    expect(open.shape[0]).toBeLessThan(zaken.shape[0] as number);
    const fromFrame = await checkSuite({ suite, justification: JUSTIFICATION, frames: { zaken: open } });

    // The same rows, filtered by DuckDB and written as a file, are the yardstick.
    const filtered = join(om.dir, "gefilterd");
    await mkdir(filtered, { recursive: true });
    for (const table of ["verdachten", "feiten"])
      await copyFile(join(data, `${table}.parquet`), join(filtered, `${table}.parquet`));
    const engine = await DuckDbEngine.open();
    try {
      const target = join(filtered, "zaken.parquet").replaceAll("'", "''");
      await engine.connection.run(
        `COPY (SELECT * FROM '${join(data, "zaken.parquet").replaceAll("'", "''")}' WHERE status IS DISTINCT FROM 'afgedaan') TO '${target}' (FORMAT parquet)`,
      );
    } finally {
      await engine.close();
    }
    const fromFile = await checkSuite({ suite, justification: JUSTIFICATION, dataDir: filtered });
    expect(verdicts(fromFrame.result.checks)).toEqual(verdicts(fromFile.result.checks));
    const zakenRows = fromFrame.result.checks.find((c) => c.id === "zaken-zaak-id-ingevuld")?.row_count;
    expect(zakenRows).toBe(open.shape[0]);
  });

  it("shows the results of a tiny frame without a count below five, whatever the metric's unit", async () => {
    const tiny = await zakenFrame("SELECT * FROM zaken ORDER BY zaak_id LIMIT 3");
    const run = await checkSuite({ suite, justification: JUSTIFICATION, frames: { zaken: tiny } });
    const rows = run.result.checks.find((c) => c.id === "zaken-aantal-rijen");
    expect(rows).toMatchObject({ unit: "count", metric: 3, outcome: "passed" });
    const html = renderFrame(await frameFromCheckResults(run.result), { rows: 100 });
    const line = html.split("\n").find((l) => l.includes("<td>zaken-aantal-rijen</td>")) ?? "";
    expect(line).toContain("<td>&lt; 5</td>");
    expect(line).not.toMatch(/<td[^>]*>3<\/td>/);
  });

  it("reads a frame handed back in a logged run through the door, and records it like any dataset", async () => {
    const zaken = await zakenFrame("SELECT * FROM zaken ORDER BY zaak_id LIMIT 40");
    const { result, record } = await loggedRun(
      workspace,
      om,
      { analysis: "open-zaken-tellen", justification: "Test: een DataFrame terug in DuckDB tellen." },
      async (run) => {
        const read = await run.readFrame("zaken_keuze", zaken);
        const [row] = await run.query("SELECT count(*) AS n FROM zaken_keuze");
        const again = await codesOf(run.readFrame("zaken_keuze", zaken));
        return { read, n: row?.n, again };
      },
    );
    expect(result.n).toBe(40);
    expect(result.again).toEqual(["frame_table_exists"]);
    expect(record.data).toEqual([result.read]);
    expect(record.data?.[0]).toMatchObject({ name: "zaken_keuze", frame: true, rows: 40 });
    expect(record.columns_read?.["open-zaken-tellen"]).toContain("zaken_keuze.zaak_id");
    const shown = runCli(["log", "show", record.id, "--experiment", "om-datakwaliteit", "--root", workspace.root]);
    expect(shown.stdout).toMatch(/zaken_keuze\s+40 rijen, .* \(uit een DataFrame\)/);
  });

  it("refuses a frame named after no dataset, or on another engine, before anything is logged", async () => {
    const zaken = await zakenFrame("SELECT * FROM zaken LIMIT 10");
    const before = (await readLogRecords(runLogPath(om.dir))).length;
    const codes = async (work: Promise<unknown>) => {
      try {
        await work;
      } catch (error) {
        if (isLivingLabError(error)) return error.problems.map((p) => [p.code, p.message]);
        throw error;
      }
      return [];
    };
    expect(await codes(checkSuite({ suite, justification: JUSTIFICATION, frames: { zake: zaken } }))).toEqual([
      ["frame_unknown_dataset", "De DataFrame 'zake' hoort bij geen dataset van de suite. Bedoelt u 'zaken'?"],
    ]);
    const onPostgres = await codes(
      checkSuite({
        suite,
        justification: JUSTIFICATION,
        engine: "postgres",
        pgUrl: await fileDatabase(),
        frames: { zaken },
      }),
    );
    expect(onPostgres.map(([code]) => code)).toEqual(["frames_need_duckdb"]);
    // Spark is refused the same way, before any connection: nothing listens on port 1.
    const onSpark = await codes(
      checkSuite({
        suite,
        justification: JUSTIFICATION,
        engine: "spark",
        sparkUrl: "sc://127.0.0.1:1",
        frames: { zaken },
      }),
    );
    expect(onSpark.map(([code]) => code)).toEqual(["frames_need_duckdb"]);
    expect(await readLogRecords(runLogPath(om.dir))).toHaveLength(before);
  });
});
