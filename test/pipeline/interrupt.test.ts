import { spawn } from "node:child_process";
import { access, mkdir, mkdtemp, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { beforeAll, describe, expect, inject, it } from "vitest";
import {
  checkSuite,
  DuckDbEngine,
  evaluateSuite,
  isInterrupted,
  loadData,
  profileFile,
  readLogRecords,
} from "../../src/index.js";
import { CLI, makeLab } from "../helpers/cli.js";
import { createDatabase } from "../helpers/postgres-database.js";
import { waitForSignal } from "../helpers/wait-for.js";

const WHY = "Test: onderbreken stopt de query van de database, schrijft niets en legt de run vast als onderbroken.";

/** A custom check that would run for days: only an interrupt ends it (a join of seven copies of 50 rows on PostgreSQL). */
const HEAVY = {
  duckdb: "SELECT z.zaak_id FROM zaken z, range(1000000000000) r WHERE hash(r.range) = 0",
  postgres:
    "SELECT a.zaak_id FROM zaken a, zaken b, zaken c, zaken d, zaken e, zaken f, zaken g WHERE md5(a.zaak_id || b.zaak_id || c.zaak_id || d.zaak_id || e.zaak_id || f.zaak_id || g.zaak_id) = ''",
};

let lab: string;
let dir: string;
let data: string;
let scratch: string;

function suiteText(heavy: string): string {
  return [
    "format: livinglab-suite/2",
    "name: lang",
    "reference_date: 2026-06-30",
    "datasets:",
    "  zaken: { file: data/zaken.parquet, key: zaak_id }",
    "checks:",
    "  - { id: status-ingevuld, kind: not_null, table: zaken, column: status, finds: missing_value }",
    "  - id: zwaar",
    "    kind: custom_sql",
    "    table: zaken",
    `    sql: "${heavy}"`,
    "    columns: [zaak_id]",
    "",
  ].join("\n");
}

beforeAll(async () => {
  // This process's temporary files go to a folder of its own, so "none left" is about this work only.
  process.env.TMPDIR = await mkdtemp(join(tmpdir(), "livinglab-interrupt-"));
  scratch = process.env.TMPDIR;
  lab = await makeLab();
  dir = join(lab, "experiments", "om-datakwaliteit");
  await mkdir(join(dir, "data"), { recursive: true });
  data = join(dir, "data", "zaken.parquet");
  const engine = await DuckDbEngine.open();
  try {
    await engine.connection.run(`COPY (SELECT 'Z' || i AS zaak_id, 'afgedaan' AS status
        FROM range(50) AS t(i)) TO '${data}' (FORMAT parquet)`);
  } finally {
    await engine.close();
  }
  await writeFile(join(dir, "lang.yaml"), suiteText(HEAVY.duckdb));
  await writeFile(join(dir, "lang-pg.yaml"), suiteText(HEAVY.postgres));
  await writeFile(join(dir, "data", "ground_truth.csv"), "kind,table_name,row_key\nmissing_value,zaken,Z1\n");
});

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

/** Temporary folders left in this process's scratch space (the tool's own, under TMPDIR). */
async function leftInScratch(): Promise<string[]> {
  return readdir(join(scratch, `livinglab-${process.getuid?.() ?? "user"}`)).catch(() => []);
}

/** The error of an interrupted call, and what the log says of the run. */
async function expectInterrupted(call: Promise<unknown>, out: string): Promise<void> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isInterrupted(error), String(error)).toBe(true);
  expect(error).toMatchObject({ problems: [{ code: "interrupted" }] });
  expect(await exists(out)).toBe(false);
  expect(await leftInScratch()).toEqual([]);
  const runs = (await readLogRecords(join(dir, "runlog.jsonl"))).filter((r) => r.type === "run");
  const last = runs.at(-1);
  // Ended, without a result: no checks, no metrics, no files; the error says it was stopped.
  expect(last?.type === "run" && last.outcome).toBe("error");
  expect(last?.type === "run" && last.error).toMatchObject({ code: "interrupted", kind: "interrupted" });
  expect(last?.type === "run" && last.checks).toBeUndefined();
  expect(last?.type === "run" && last.metrics).toEqual({});
  expect(last?.type === "run" && last.artifacts).toEqual([]);
}

describe("check, profile and evaluate show progress and stop on an abort signal", () => {
  it("checkSuite tells its progress, step by step to the end", async () => {
    await writeFile(
      join(dir, "licht.yaml"),
      suiteText("SELECT zaak_id FROM zaken WHERE status IS NULL").replace("name: lang", "name: licht"),
    );
    const events: Array<[number, number]> = [];
    const run = await checkSuite({
      suite: join(dir, "licht.yaml"),
      justification: WHY,
      onProgress: (done, total) => events.push([done, total]),
    });
    expect(run.result.outcome).toBe("passed");
    const total = events[0]?.[1] ?? 0;
    expect(total).toBeGreaterThan(1);
    expect(events).toEqual(Array.from({ length: total + 1 }, (_, i) => [i, total]));
  });

  it("checkSuite on DuckDB: an abort during the long custom check stops it and writes nothing", async () => {
    const controller = new AbortController();
    const out = join(lab, "lang.json");
    await expectInterrupted(
      checkSuite({
        suite: join(dir, "lang.yaml"),
        justification: WHY,
        json: out,
        signal: controller.signal,
        // Only the long check is left: stop it.
        onProgress: (done, total) => {
          if (done === total - 1) setImmediate(() => controller.abort());
        },
      }),
      out,
    );
  });

  it("evaluateSuite on DuckDB: the same, and the exam never runs", async () => {
    const controller = new AbortController();
    const out = join(lab, "examen.json");
    await expectInterrupted(
      evaluateSuite({
        suite: join(dir, "lang.yaml"),
        dataDir: join(dir, "data"),
        truth: join(dir, "data", "ground_truth.csv"),
        justification: WHY,
        json: out,
        signal: controller.signal,
        onProgress: (done, total) => {
          if (done === total - 2) setImmediate(() => controller.abort());
        },
      }),
      out,
    );
  });

  it("profileFile: an abort at its first step stops it and writes neither profile nor starter suite", async () => {
    const controller = new AbortController();
    const out = join(lab, "profiel.json");
    const starter = join(lab, "start.yaml");
    await expectInterrupted(
      profileFile({
        target: data,
        justification: WHY,
        json: out,
        starter,
        signal: controller.signal,
        onProgress: () => controller.abort(),
      }),
      out,
    );
    expect(await exists(starter)).toBe(false);
  });

  it("checkSuite on PostgreSQL: an abort while the server runs the long query cancels it there", async () => {
    const url = await createDatabase(inject("pgServerUrl"));
    await loadData({ target: join(dir, "lang-pg.yaml"), justification: WHY, pgUrl: url });
    const controller = new AbortController();
    const out = join(lab, "lang-pg.json");
    await expectInterrupted(
      checkSuite({
        suite: join(dir, "lang-pg.yaml"),
        engine: "postgres",
        pgUrl: url,
        justification: WHY,
        json: out,
        signal: controller.signal,
        onProgress: (done, total) => {
          if (done === total - 1) void abortWhenActive(url, controller);
        },
      }),
      out,
    );
    // The server no longer runs it.
    expect(await activeHeavyQueries(url)).toBe(0);
  });
});

/** How many statements of the long check the server is running now. */
async function activeHeavyQueries(url: string): Promise<number> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    const { rows } = await client.query(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE state = 'active' AND query LIKE '%zaken g WHERE md5%' AND query NOT LIKE '%pg_stat_activity%' AND pid <> pg_backend_pid()",
    );
    return Number(rows[0]?.n);
  } finally {
    await client.end();
  }
}

/** Aborts once the server says the long statement is running: a signal, not a delay. */
async function abortWhenActive(url: string, controller: AbortController): Promise<void> {
  while ((await activeHeavyQueries(url)) === 0) {
    // Each round is a query to the server; it answers when it has looked.
  }
  controller.abort();
}

describe("livinglab check on the command line", () => {
  it("stops at Ctrl+C: the run ends interrupted, nothing is written, exit code 3", async () => {
    const out = join(lab, "lang-cli.json");
    const log = join(dir, "runlog.jsonl");
    const startedBefore = (await readLogRecords(log)).filter((r) => r.type === "run_started").length;
    const child = spawn(
      process.execPath,
      [CLI, "check", join(dir, "lang.yaml"), "--json", out, "--root", lab, "--justification", WHY],
      { env: { ...process.env } },
    );
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    const code = new Promise<number | null>((done) => child.on("close", done));
    // Ctrl+C once the run has started: its start is in the log.
    await waitForSignal(child, async () => {
      const started = (await readLogRecords(log)).filter((r) => r.type === "run_started").length;
      return started > startedBefore ? true : undefined;
    });
    child.kill("SIGINT");
    expect(await code).toBe(3);
    expect(stderr).toContain("(interrupted)");
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(await exists(out)).toBe(false);
    const last = (await readLogRecords(log)).filter((r) => r.type === "run").at(-1);
    expect(last?.type === "run" && last.error).toMatchObject({ code: "interrupted", kind: "interrupted" });
  });
});
