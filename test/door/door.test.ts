import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  checkSuite,
  evaluateSuite,
  isLivingLabError,
  loadData,
  loadSuite,
  loggedRun,
  openRun,
  profileFile,
  readLogRecords,
  runExperiment,
  suiteReads,
} from "../../src/index.js";
import { runCli } from "../helpers/cli.js";
import { fileDatabase } from "../helpers/postgres-database.js";
import { makeRealLab, openReal, openRealGates, REAL_DATASET, REAL_ID } from "../helpers/real-lab.js";

const WHY = "Test van de deur: met een dichte poort wordt niets gelezen, niets geschreven en niets gelogd.";

/** Every file under a folder with its hash: what "nothing was written" is checked against. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  const files: Record<string, string> = {};
  for (const e of entries.filter((e) => e.isFile())) {
    const path = join(e.parentPath, e.name);
    files[relative(dir, path)] = createHash("sha256")
      .update(await readFile(path))
      .digest("hex");
  }
  return files;
}

/**
 * Makes the data unreadable without chmod (the tests run as root): each data file becomes a
 * folder of the same name, so any read of it fails with an error of its own, not a gate's.
 */
async function makeUnreadable(files: readonly string[]): Promise<() => Promise<void>> {
  for (const file of files) {
    await rename(file, `${file}.weg`);
    await mkdir(file);
  }
  return async () => {
    for (const file of files) {
      await rm(file, { recursive: true });
      await rename(`${file}.weg`, file);
    }
  };
}

/** A dead PostgreSQL address: connecting would fail with an error of its own, not a gate's. */
const DEAD_PG = "postgres://nobody@127.0.0.1:9/geen";

let lab: string;
let dir: string;
let data: string;
let suite: string;
let truth: string;
let out: string;

beforeAll(async () => {
  ({ lab, dir, data, suite } = await makeRealLab());
  truth = join(dir, "data", "ground_truth.csv");
  await writeFile(truth, "kind,table_name,row_key\nmissing_value,zaken_gepseudonimiseerd,P000005\n");
  // The exam reads a ground truth: this experiment declares it, so that with open gates it may.
  const file = join(dir, "experiment.yaml");
  await writeFile(
    file,
    (await readFile(file, "utf8")).replace(
      "  dpia: uitgevoerd",
      "    - naam: ground_truth\n      bron: Grondwaarheid bij de testdata\n      persoonsgegevens: false\n      synthetisch: true\n      kolommen: [kind, table_name, row_key]\n  dpia: uitgevoerd",
    ),
  );
  out = join(dir, "uit");
});

/** Every front-end that starts an analysis, called the way its users call it. */
const frontEnds: Array<{ name: string; call: (pg: string) => Promise<unknown> }> = [
  {
    name: "runExperiment",
    call: async () =>
      runExperiment({ workspace: (await openReal(lab)).workspace, experiment: REAL_ID, justification: WHY }),
  },
  { name: "checkSuite", call: async () => checkSuite({ suite, justification: WHY, json: join(out, "check.json") }) },
  { name: "loadData", call: async (pg) => loadData({ target: suite, justification: WHY, pgUrl: pg }) },
  {
    name: "checkSuite on PostgreSQL",
    call: async (pg) => checkSuite({ suite, justification: WHY, engine: "postgres", pgUrl: pg }),
  },
  {
    name: "profileFile",
    call: async () =>
      profileFile({
        target: data,
        justification: WHY,
        json: join(out, "profiel.json"),
        starter: join(out, "start.yaml"),
      }),
  },
  {
    name: "evaluateSuite",
    call: async () =>
      evaluateSuite({ suite, dataDir: join(dir, "data"), truth, justification: WHY, json: join(out, "examen.json") }),
  },
  {
    name: "loggedRun",
    call: async () => {
      const { workspace, opened } = await openReal(lab);
      return loggedRun(workspace, opened, { analysis: "telling", justification: WHY }, async (run) => {
        await run.readDataset(REAL_DATASET, data);
        await run.writeArtifact("uit/telling.txt", "geteld\n");
        return run.query(`SELECT count(*) AS n FROM ${REAL_DATASET}`);
      });
    },
  },
  {
    name: "openRun",
    call: async () => {
      const { workspace, opened } = await openReal(lab);
      const permit = await openRun({
        workspace,
        opened,
        analysis: { name: "eigen", params: {} },
        reads: suiteReads(await loadSuite(suite)),
        justification: WHY,
      });
      return permit.end({ outcome: "completed" });
    },
  },
  { name: "CLI run", call: async () => cli(["run", REAL_ID]) },
  { name: "CLI check", call: async () => cli(["check", suite, "--json", join(out, "check-cli.json")]) },
  { name: "CLI profile", call: async () => cli(["profile", data, "--json", join(out, "profiel-cli.json")]) },
  { name: "CLI evaluate", call: async () => cli(["evaluate", suite, "--data", join(dir, "data"), "--truth", truth]) },
  { name: "CLI load", call: async (pg) => cli(["load", suite, "--engine", "postgres", "--pg-url", pg]) },
];

/** Runs the CLI; a non-zero exit with Dutch problems becomes a LivingLabError-like failure for the test. */
async function cli(args: string[]): Promise<void> {
  const run = runCli([...args, "--root", lab, "--justification", WHY]);
  if (run.code === 3) throw new Error(run.stderr);
  if (run.code !== 0 && run.code !== 1 && run.code !== 2) throw new Error(`exit ${run.code}: ${run.stderr}`);
}

/** The codes of a refusal, from the library (LivingLabError) or the CLI (its printed codes). */
function refusalCodes(error: unknown): string[] {
  if (isLivingLabError(error)) return error.problems.map((p) => p.code);
  const text = error instanceof Error ? error.message : String(error);
  return [...text.matchAll(/\(([a-z_]+)\)\n/g)].map((m) => m[1] ?? "");
}

describe("the one door, from every front-end", () => {
  it.each(frontEnds)("$name: with a closed gate reads nothing, writes nothing and logs nothing", async ({ call }) => {
    const restore = await makeUnreadable([data, truth]);
    try {
      const before = await snapshot(lab);
      const error = await call(DEAD_PG).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error, "the call was not refused").toBeDefined();
      const codes = refusalCodes(error);
      expect(codes.length, String(error)).toBeGreaterThan(0);
      // The gate's refusal, not a read error: the data and the server were never touched.
      for (const code of codes) expect(code).toMatch(/^gate_/);
      expect(await snapshot(lab)).toEqual(before);
    } finally {
      await restore();
    }
  });

  it.each(frontEnds)("$name: with the gates open the same call works and is logged", async ({ call }) => {
    if ((await readLogRecords(join(dir, "runlog.jsonl"))).every((r) => r.type !== "review_given")) {
      await openRealGates(lab);
    }
    const runsBefore = (await readLogRecords(join(dir, "runlog.jsonl"))).filter((r) => r.type === "run").length;
    await call(await fileDatabase());
    const records = await readLogRecords(join(dir, "runlog.jsonl"));
    const runs = records.filter((r) => r.type === "run");
    expect(runs.length).toBe(runsBefore + 1);
    const last = runs.at(-1);
    expect(last?.type === "run" && last.outcome).not.toBe("error");
  });
});
