import { copyFile, cp, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  checkSuite,
  correctRecord,
  DuckDbEngine,
  type Engine,
  isLivingLabError,
  loadSuite,
  loggedRun,
  openExperiment,
  openWorkspace,
  readLogRecords,
  runLogPath,
  runSuite,
} from "../../src/index.js";
import type { DataFingerprint, RunRecord } from "../../src/runlog/run-record-schema.js";
import { asUser } from "../helpers/as-user.js";
import { makeLab } from "../helpers/cli.js";
import { writeMiniData } from "../helpers/mini-data.js";
import { openTestRun, testLab } from "../helpers/test-run.js";

const WHY = "Test van de vingerafdruk: een tweede controle op dezelfde bestanden leest niet elke rij opnieuw.";
const MINI_SUITE = join(import.meta.dirname, "../checks/mini-suite.yaml");

/** The mini data and its suite in a fresh folder of the test lab's experiment. */
async function miniCheck(): Promise<{ dir: string; suite: string; log: string }> {
  const dir = await writeMiniData();
  const suite = join(dir, "suite.yaml");
  await copyFile(MINI_SUITE, suite);
  return { dir, suite, log: runLogPath(join(await testLab(), "experiments", "om-datakwaliteit")) };
}

async function runsOf(log: string, ids: readonly string[]): Promise<RunRecord[]> {
  const records = await readLogRecords(log);
  return ids.map((id) => records.find((r): r is RunRecord => r.type === "run" && r.id === id) as RunRecord);
}

const byName = (run: RunRecord) => new Map((run.data ?? []).map((d) => [d.name, d]));
const content = (d: DataFingerprint | undefined) => d && [d.rows, d.columns, d.content_sha256, d.method];

describe("a content fingerprint taken over from an earlier run", () => {
  it("is taken for the very same files, names the run that computed it, and changes no result", async () => {
    const { dir, suite, log } = await miniCheck();
    const first = await checkSuite({ suite, dataDir: dir, justification: WHY });
    const second = await checkSuite({ suite, dataDir: dir, justification: WHY });
    const third = await checkSuite({ suite, dataDir: dir, justification: WHY });
    const [one, two, three] = await runsOf(log, [first.record.id, second.record.id, third.record.id]);
    if (!one || !two || !three) throw new Error("runs missing from the log");
    expect(one.data?.length).toBeGreaterThan(1);
    for (const d of one.data ?? []) {
      expect(d.content_from).toBeUndefined();
      // The same fingerprint, and it names the run whose scan computed it, also from the third run.
      for (const later of [two, three]) {
        const same = byName(later).get(d.name);
        expect(content(same)).toEqual(content(d));
        expect(same?.content_from).toBe(one.id);
      }
    }
    // Drift looks back at the runs before it, so only its history differs.
    const found = (run: typeof first) =>
      run.result.checks.filter((c) => c.kind !== "drift").map((c) => [c.id, c.outcome, c.failing_count, c.sample]);
    expect(found(second)).toEqual(found(first));
    expect(found(third)).toEqual(found(first));
  });

  it("is not taken for a file whose bytes changed: that one is read whole again", async () => {
    const { dir, suite, log } = await miniCheck();
    const first = await checkSuite({ suite, dataDir: dir, justification: WHY });
    const engine = await DuckDbEngine.open();
    try {
      const file = join(dir, "verdachten.parquet").replaceAll("'", "''");
      await engine.connection.run(
        `COPY (SELECT * FROM (VALUES ('V1', 1990), ('V2', 2021)) AS t(verdachte_id, geboortejaar)) TO '${file}' (FORMAT parquet)`,
      );
    } finally {
      await engine.close();
    }
    const second = await checkSuite({ suite, dataDir: dir, justification: WHY });
    const [one, two] = await runsOf(log, [first.record.id, second.record.id]);
    if (!one || !two) throw new Error("runs missing from the log");
    const changed = byName(two).get("verdachten");
    expect(changed?.content_from).toBeUndefined();
    expect(changed?.rows).toBe(2);
    expect(changed?.content_sha256).not.toBe(byName(one).get("verdachten")?.content_sha256);
    // The zaken file did not change: its fingerprint is taken over (the mini data of another test
    // has the same bytes, so it may be that test's run that computed it).
    expect(byName(two).get("zaken")?.content_from).toBeDefined();
    expect(content(byName(two).get("zaken"))).toEqual(content(byName(one).get("zaken")));
  });

  it("spares the scans the fingerprint, and refuses a scan that counts other rows than the file had", async () => {
    const { dir } = await miniCheck();
    const loaded = await loadSuite(MINI_SUITE, dir);
    const run = async (spy?: (sql: string) => void) => {
      const { permit } = await openTestRun();
      const engine = await DuckDbEngine.open();
      const watched = Object.assign(Object.create(Object.getPrototypeOf(engine)), engine, {
        query: (sql: string) => {
          spy?.(sql);
          return engine.query(sql);
        },
      }) as Engine;
      try {
        await runSuite(watched, loaded, permit);
        await permit.end({ outcome: "completed" });
      } finally {
        await engine.close();
      }
    };
    await run();
    const queries: string[] = [];
    await run((sql) => queries.push(sql));
    expect(queries.length).toBeGreaterThan(0);
    expect(queries.filter((q) => /md5/i.test(q))).toEqual([]);

    const { permit } = await openTestRun();
    const engine = await DuckDbEngine.open();
    try {
      const zaken = loaded.datasets.find((d) => d.name === "zaken");
      if (!zaken) throw new Error("zaken missing from the suite");
      const unread = await permit.attachUnread(engine, zaken);
      expect(await unread.contentKnown()).toBe(true);
      const refused = await unread.fingerprint(undefined, 1).catch((e: unknown) => e);
      expect(isLivingLabError(refused) && refused.problems.map((p) => p.code)).toEqual(["data_changed_during_run"]);
    } finally {
      await engine.close();
    }
  });
  it("cannot stand for a file replaced by other bytes during the run: the run ends as an error that says so", async () => {
    const { dir } = await miniCheck();
    const zaken = join(dir, "zaken.parquet");
    const workspace = openWorkspace(await testLab());
    const opened = await openExperiment(workspace, "om-datakwaliteit");
    // A run on these very bytes, so the next one takes the fingerprint over instead of reading every row.
    await loggedRun(workspace, opened, { analysis: "telling", justification: WHY }, (run) =>
      run.readDataset("zaken", zaken),
    );
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
      const read = await run.readDataset("zaken", zaken);
      expect(read.content_from).toBeDefined();
      // Someone copies another file over it while the analysis runs: what it read is no longer what the record names.
      await copyFile(join(dir, "verdachten.parquet"), zaken);
      return run.query("SELECT count(*) AS n FROM zaken");
    }).catch((e: unknown) => e);
    expect(isLivingLabError(outcome) && outcome.problems.map((p) => p.code)).toEqual(["data_changed_during_run"]);
    const [ended] = (await readLogRecords(runLogPath(opened.dir))).filter(
      (r): r is RunRecord => r.type === "run" && r.id === id,
    );
    expect(ended?.outcome).toBe("error");
    expect(ended?.error?.code).toBe("data_changed_during_run");
  });

  it("is not taken from a run withdrawn by a correction", async () => {
    // A lab of its own, so no other test's run on the same bytes is there to take it from.
    const workspace = openWorkspace(await makeLab());
    const opened = await openExperiment(workspace, "om-datakwaliteit");
    const dir = join(opened.dir, "mini");
    await cp(await writeMiniData(), dir, { recursive: true });
    const suite = join(dir, "suite.yaml");
    await copyFile(MINI_SUITE, suite);
    const check = () => asUser("A. de Vries", () => checkSuite({ suite, dataDir: dir, justification: WHY }));
    const first = await check();
    await asUser("A. de Vries", () =>
      correctRecord(workspace, opened, { refersTo: first.record.id, correctie: "Deze run las de verkeerde levering." }),
    );
    const second = await check();
    const third = await check();
    const [two, three] = await runsOf(runLogPath(opened.dir), [second.record.id, third.record.id]);
    expect((two?.data ?? []).map((d) => d.content_from)).toEqual((two?.data ?? []).map(() => undefined));
    expect((three?.data ?? []).map((d) => d.content_from)).toEqual((three?.data ?? []).map(() => second.record.id));
  });

  // Last: the broken chain stays in this file's lab, so no later run there takes anything over.
  it("is not taken from a record whose hash no longer fits its content", async () => {
    const { dir, suite, log } = await miniCheck();
    const first = await checkSuite({ suite, dataDir: dir, justification: WHY });
    const lines = (await readFile(log, "utf8")).split("\n");
    const at = lines.findIndex((l) => l.includes(first.record.id) && l.includes('"type":"run"'));
    const record = JSON.parse(lines[at] as string) as RunRecord;
    const zaken = record.data?.find((d) => d.name === "zaken");
    if (!zaken) throw new Error("zaken missing from the run");
    const real = zaken.content_sha256;
    zaken.content_sha256 = "f".repeat(64);
    lines[at] = JSON.stringify(record);
    await writeFile(log, lines.join("\n"));
    const second = await checkSuite({ suite, dataDir: dir, justification: WHY });
    const [two] = await runsOf(log, [second.record.id]);
    const read = two && byName(two).get("zaken");
    expect(read?.content_from).toBeUndefined();
    expect(read?.content_sha256).toBe(real);
  });
});
