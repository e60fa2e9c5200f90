import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  CHECK_RESULTS_FORMAT,
  type CheckResultsFile,
  checkResultsFileSchema,
  checkSuite,
  openExperiment,
  openWorkspace,
  readRunLog,
  suiteResultSchema,
  writeSummary,
} from "../../src/index.js";
import { openResultsFolder } from "../../src/report/recorded-results.js";
import { makeLab, runCli } from "../helpers/cli.js";

const WHY = "Test van het resultatenformaat: elke voorkant schrijft en leest hetzelfde, met eenheden.";
let lab: string;
let dir: string;

beforeAll(async () => {
  lab = await makeLab();
  dir = join(lab, "experiments/om-datakwaliteit");
  // The main job makes the synthetic data and the report folder.
  const run = runCli(["run", "om-datakwaliteit", "--root", lab, "--justification", WHY]);
  expect(run.stderr).toBe("");
});

async function readResults(file: string): Promise<CheckResultsFile> {
  return checkResultsFileSchema.parse(JSON.parse(await readFile(file, "utf8")));
}

describe("one results format for every front-end", () => {
  it("the main job writes rapport/resultaten.json and its copy per run in it, bound to the logged run", async () => {
    const [record] = await readRunLog(join(dir, "runlog.jsonl"));
    const latest = await readResults(join(dir, "rapport/resultaten.json"));
    const copy = await readResults(join(dir, `rapport/runs/${record?.id}.json`));
    expect(latest.format).toBe(CHECK_RESULTS_FORMAT);
    expect(latest.run_id).toBe(record?.id);
    expect(copy).toEqual(latest);
    expect(record?.metric_units).toEqual(Object.fromEntries(latest.checks.map((c) => [c.id, c.unit])));
  });

  it("check --json writes it", async () => {
    const json = join(lab, "uit/check.json");
    const run = runCli(["check", join(dir, "suite.yaml"), "--json", json, "--justification", WHY]);
    expect(run.code).toBe(1);
    const written = await readResults(json);
    const counts = written.checks.filter((c) => c.unit === "count");
    expect(counts.map((c) => c.kind)).toEqual(["row_count"]);
  });

  it("a notebook gets it from checkSuite and writeSummary", async () => {
    const workspace = openWorkspace(lab);
    const json = join(lab, "uit/notebook.json");
    const run = await checkSuite({ suite: join(dir, "suite.yaml"), justification: WHY, json, workspace });
    expect(suiteResultSchema.safeParse(run.result).success).toBe(true);
    // The file is for others: the same checks, with small counts as bounds.
    const outcomes = (checks: ReadonlyArray<{ id: string; unit: string; outcome: string }>) =>
      checks.map((c) => [c.id, c.unit, c.outcome]);
    expect(outcomes((await readResults(json)).checks)).toEqual(outcomes(run.result.checks));
    const om = await openExperiment(workspace, "om-datakwaliteit");
    const { resultsJson } = await writeSummary(om, run.result, run.record);
    expect((await readResults(resultsJson)).run_id).toBe(run.record.id);
    // The notebook's HTML block reads the units: a row count is not a percentage.
    expect(run.html).toMatch(/>\d\.\d{3}<\/td>/);
  });

  it("the site reads it, with the unit of every check", async () => {
    const latest = await readResults(join(dir, "rapport/resultaten.json"));
    const record = (await readRunLog(join(dir, "runlog.jsonl"))).find((r) => r.id === latest.run_id);
    if (!record) throw new Error("the run of the latest results is not in the log");
    const read = await (await openResultsFolder(dir)).resultsOf(record);
    expect(read.state).toBe("verified");
    const checks = read.state === "verified" ? read.results.checks : [];
    expect(checks.map((c) => [c.id, c.unit, c.counted])).toEqual(latest.checks.map((c) => [c.id, c.unit, c.counted]));
  });
});
