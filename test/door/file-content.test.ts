import { copyFile, cp, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  checkSuite,
  DuckDbEngine,
  destroyData,
  isLivingLabError,
  loadSuite,
  loggedRun,
  openExperiment,
  openWorkspace,
  readLogRecords,
  runLogPath,
  runSuite,
} from "../../src/index.js";
import type { RunRecord } from "../../src/runlog/run-record-schema.js";
import { asUser } from "../helpers/as-user.js";
import { makeLab } from "../helpers/cli.js";
import { watchQueries } from "../helpers/engines.js";
import { writeMiniData } from "../helpers/mini-data.js";
import { openTestRun, testLab } from "../helpers/test-run.js";

const WHY = "Test van wat een run van een bestand vastlegt: de hash van het bestand, en de inhoud waar nodig.";
const MINI_SUITE = join(import.meta.dirname, "../checks/mini-suite.yaml");

async function runOf(log: string, id: string): Promise<RunRecord | undefined> {
  return (await readLogRecords(log)).find((r): r is RunRecord => r.type === "run" && r.id === id);
}

/** Writes the result of `select` as a Parquet file. */
async function writeParquet(file: string, select: string): Promise<void> {
  const engine = await DuckDbEngine.open();
  try {
    await engine.connection.run(`COPY (${select}) TO '${file.replaceAll("'", "''")}' (FORMAT parquet)`);
  } finally {
    await engine.close();
  }
}

describe("what a run records of a data file", () => {
  it("its SHA-256, rows and columns: no query computes a content fingerprint", async () => {
    const dir = await writeMiniData();
    const loaded = await loadSuite(MINI_SUITE, dir);
    const { permit } = await openTestRun();
    const engine = await DuckDbEngine.open();
    const { engine: watched, queries } = watchQueries(engine);
    try {
      await runSuite(watched, loaded, permit);
      const record = await permit.end({ outcome: "completed" });
      expect(queries.length).toBeGreaterThan(0);
      expect(queries.filter((q) => /md5/i.test(q))).toEqual([]);
      expect(record.data?.map((d) => [d.name, d.rows, d.columns.length]).sort()).toEqual([
        ["verdachten", 3, 2],
        ["vreemd", 5, 3],
        ["zaken", 7, 11],
      ]);
      for (const d of record.data ?? []) {
        expect(d.file?.sha256).toMatch(/^[0-9a-f]{64}$/);
        expect(d.content_sha256).toBeUndefined();
        expect(d.method).toBeUndefined();
      }
    } finally {
      await engine.close();
    }
  });

  it("the content fingerprint too, when destroyed content has its shape: the same rows are refused, other values read", async () => {
    // A lab of its own: its log records one destruction and nothing else.
    const workspace = openWorkspace(await makeLab());
    const opened = await openExperiment(workspace, "om-datakwaliteit");
    const mini = join(opened.dir, "mini");
    await cp(await writeMiniData(), mini, { recursive: true });
    const verdachten = (rows: string) =>
      `SELECT * FROM (VALUES ${rows}) AS t(verdachte_id, geboortejaar) ORDER BY verdachte_id DESC`;
    // The same rows in another order and another file; the same shape with one other value; another shape.
    await writeParquet(join(opened.dir, "zelfde.parquet"), verdachten("('V1', 1990), ('V2', 2020), ('V3', 1910)"));
    await writeParquet(join(opened.dir, "andere.parquet"), verdachten("('V1', 1990), ('V2', 2020), ('V3', 1911)"));
    await writeParquet(
      join(opened.dir, "langer.parquet"),
      verdachten("('V1', 1990), ('V2', 2020), ('V3', 1910), ('V4', 1950)"),
    );
    await asUser("A. de Vries", () =>
      destroyData(workspace, opened, { paths: ["mini/verdachten.parquet"], reden: "Proef afgelopen." }),
    );
    const read = (file: string) =>
      asUser("A. de Vries", () =>
        loggedRun(workspace, opened, { analysis: "telling", justification: WHY }, async (run) => {
          await run.readDataset("verdachten", join(opened.dir, file));
          return { id: run.id };
        }),
      );
    const refused = await read("zelfde.parquet").catch((e: unknown) => e);
    expect(isLivingLabError(refused) && refused.problems.map((p) => p.code)).toEqual(["gate_data_destroyed"]);

    const other = await read("andere.parquet");
    const [computed] = (await runOf(runLogPath(opened.dir), other.record.id))?.data ?? [];
    expect(other.record.outcome).toBe("completed");
    expect(computed).toMatchObject({ rows: 3, method: "livinglab-inhoud/1" });
    expect(computed?.content_sha256).toMatch(/^[0-9a-f]{64}$/);

    const longer = await read("langer.parquet");
    const [shapeOnly] = (await runOf(runLogPath(opened.dir), longer.record.id))?.data ?? [];
    expect(shapeOnly).toMatchObject({ rows: 4, columns: ["geboortejaar", "verdachte_id"] });
    expect(shapeOnly?.content_sha256).toBeUndefined();
  });

  it("cannot stand for a file replaced by other bytes during the run: the run ends as an error that says so", async () => {
    const dir = await writeMiniData();
    const zaken = join(dir, "zaken.parquet");
    const workspace = openWorkspace(await testLab());
    const opened = await openExperiment(workspace, "om-datakwaliteit");
    // The same bytes written again (another run making the same synthetic data): still what was read.
    const same = await readFile(zaken);
    const rewritten = await loggedRun(workspace, opened, { analysis: "telling", justification: WHY }, async (run) => {
      await run.readDataset("zaken", zaken);
      await rm(zaken);
      await writeFile(zaken, same);
      return run.query("SELECT count(*) AS n FROM zaken");
    });
    expect(rewritten.record.outcome).toBe("completed");
    let id: string | undefined;
    const outcome = await loggedRun(workspace, opened, { analysis: "telling", justification: WHY }, async (run) => {
      id = run.id;
      await run.readDataset("zaken", zaken);
      // Someone copies another file over it while the analysis runs: what it read is no longer what the record names.
      await copyFile(join(dir, "verdachten.parquet"), zaken);
      return run.query("SELECT count(*) AS n FROM zaken");
    }).catch((e: unknown) => e);
    expect(isLivingLabError(outcome) && outcome.problems.map((p) => p.code)).toEqual(["data_changed_during_run"]);
    const ended = await runOf(runLogPath(opened.dir), id as string);
    expect(ended?.outcome).toBe("error");
    expect(ended?.error?.code).toBe("data_changed_during_run");
  });

  it("a check on the same files twice gives the same results and the same record of what was read", async () => {
    const dir = await writeMiniData();
    const suite = join(dir, "suite.yaml");
    await copyFile(MINI_SUITE, suite);
    const log = runLogPath(join(await testLab(), "experiments", "om-datakwaliteit"));
    const first = await checkSuite({ suite, dataDir: dir, justification: WHY });
    const second = await checkSuite({ suite, dataDir: dir, justification: WHY });
    const found = (run: typeof first) =>
      run.result.checks.filter((c) => c.kind !== "drift").map((c) => [c.id, c.outcome, c.failing_count, c.sample]);
    expect(found(second)).toEqual(found(first));
    const read = async (id: string) => (await runOf(log, id))?.data?.map(({ engine: _e, ...d }) => d);
    expect(await read(second.record.id)).toEqual(await read(first.record.id));
  });
});
