import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { userInfo } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  codeVersion,
  loadSuite,
  openExperiment,
  openRun,
  openWorkspace,
  type RunRecord,
  type RunStartedRecord,
  readLogRecords,
  suiteReads,
  verifyRunLog,
} from "../../src/index.js";
import { makeLab, REPO, runCli } from "../helpers/cli.js";
import { useTempDirs } from "../helpers/temp-dirs.js";

const tempDir = useTempDirs();

const JUSTIFICATION = "Provenancetest: nagaan dat elke run wie, wat, welke data en welke code vastlegt.";
const NO_GIT_IDENTITY = { GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1" };

const sha256 = async (file: string) =>
  createHash("sha256")
    .update(await readFile(file))
    .digest("hex");
const git = (cwd: string, ...args: string[]) =>
  execFileSync("git", args, { cwd, encoding: "utf8", env: { ...process.env, GIT_CONFIG_NOSYSTEM: "1" } }).trim();

describe("the provenance of a real run", () => {
  it("fills every field: who, when, experiment, analysis, datasets, code, versions, outcome, metrics, artifacts", async () => {
    const lab = await makeLab();
    const dir = join(lab, "experiments/om-datakwaliteit");
    git(lab, "init", "-q");
    git(lab, "-c", "user.name=Analist A", "-c", "user.email=a@lab.example", "commit", "-q", "--allow-empty", "-m", "x");
    git(lab, "config", "user.name", "Analist A");
    git(lab, "config", "user.email", "a@lab.example");
    await writeFile(join(lab, "notities.md"), "eerst\n");
    git(lab, "add", "notities.md");
    git(lab, "commit", "-q", "-m", "notities");
    await writeFile(join(lab, "notities.md"), "later gewijzigd, niet vastgelegd\n");

    // The changed notes and the untracked lab (templates, experiment files) are what was not committed.
    const untracked = git(lab, "ls-files", "--others", "--exclude-standard").split("\n").filter(Boolean);
    const run = runCli(["run", "om-datakwaliteit", "--root", lab, "--justification", JUSTIFICATION]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(1);

    const [started, ended] = (await readLogRecords(join(dir, "runlog.jsonl"))) as [RunStartedRecord, RunRecord];
    expect(started.type).toBe("run_started");
    expect(ended.type).toBe("run");
    expect(ended.id).toBe(started.id);
    expect(ended.prev_hash).toBe(started.hash);
    expect(ended.who).toEqual({ name: "Analist A <a@lab.example>", source: "git" });
    expect(Date.parse(ended.ended_at ?? "")).toBeGreaterThanOrEqual(Date.parse(ended.at));
    expect(ended.experiment).toEqual({
      id: "om-datakwaliteit",
      template: "datakwaliteit@1.5.0",
      file_sha256: await sha256(join(dir, "experiment.yaml")),
    });
    expect(ended.analysis).toEqual({
      name: "check",
      params: { suite: "suite.yaml", engine: "duckdb", reference_date: "2026-06-30" },
    });
    // What the engine read: per dataset the file's hash, its rows and columns (a file needs no content fingerprint).
    expect(ended.suite).toEqual({
      name: "suite.yaml",
      path: "suite.yaml",
      sha256: await sha256(join(dir, "suite.yaml")),
    });
    expect(ended.data?.map((d) => d.name).sort()).toEqual(["feiten", "verdachten", "zaken"]);
    for (const read of ended.data ?? []) {
      expect(read.file?.sha256).toBe(await sha256(join(dir, read.file?.path ?? "")));
      expect(read).toMatchObject({ engine: expect.stringMatching(/^duckdb v/) });
      expect(read.content_sha256).toBeUndefined();
      expect(read.rows).toBeGreaterThan(0);
      expect(read.columns.length).toBeGreaterThan(0);
    }
    expect(ended.columns_read?.["zaken-status-geldig"]).toEqual(["zaken.status", "zaken.zaak_id"]);
    expect(ended.checks?.find((c) => c.id === "zaken-pleegdatum-per-arrondissement")).toMatchObject({
      dimension: "compleetheid",
      counted: "groups",
      share_of_rows: null,
    });
    expect(Object.keys(started.stated_in_advance?.answers ?? {}).sort()).toEqual([
      "evaluatie.foutmarges",
      "evaluatie.marges",
      "evaluatie.succescriteria",
      "evaluatie.succesmaten",
    ]);
    expect(ended.justification).toBe(JUSTIFICATION);
    for (const dataset of ended.datasets) expect(dataset.sha256).toBe(await sha256(join(dir, dataset.path)));
    expect(ended.datasets.map((d) => d.path).sort()).toEqual([
      "data/feiten.parquet",
      "data/verdachten.parquet",
      "data/zaken.parquet",
    ]);
    expect(ended.code.commit).toBe(git(lab, "rev-parse", "HEAD"));
    expect(ended.code).toEqual({
      commit: git(lab, "rev-parse", "HEAD"),
      uncommitted_sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      uncommitted: { tracked_files: 1, untracked_files: untracked.length },
    });
    expect(untracked).toContain("experiments/om-datakwaliteit/experiment.yaml");
    const pkg = JSON.parse(await readFile(join(REPO, "package.json"), "utf8")) as { version: string };
    expect(ended.versions).toEqual({
      node: process.version,
      livinglab: pkg.version,
      engine: expect.stringMatching(/^duckdb v\d/),
    });
    expect(ended.outcome).toBe("failed");
    expect(Object.keys(ended.metrics)).toContain("zaken-zaak-id-uniek");
    for (const artifact of ended.artifacts) expect(artifact.sha256).toBe(await sha256(join(dir, artifact.path)));
    expect(await verifyRunLog(join(dir, "runlog.jsonl"))).toMatchObject({ intact: true, records: 2 });
  });

  it("records the hash of the suite bytes that were parsed, even when the file changes before the run starts", async () => {
    const lab = await makeLab();
    const workspace = openWorkspace(lab);
    const opened = await openExperiment(workspace, "om-datakwaliteit");
    const file = join(opened.dir, "suite.yaml");
    const parsed = await sha256(file);
    const loaded = await loadSuite(file);
    // Someone saves the suite between the moment it is read and the moment the run is opened.
    await writeFile(file, `${await readFile(file, "utf8")}# later gewijzigd\n`);
    expect(await sha256(file)).not.toBe(parsed);
    const permit = await openRun({
      workspace,
      opened,
      analysis: { name: "check", params: {} },
      // The lab has no data yet; what matters here is the suite, so no dataset is read.
      reads: { ...suiteReads(loaded), datasets: [] },
      justification: JUSTIFICATION,
    });
    await permit.end({ outcome: "completed" });
    const [started] = (await readLogRecords(join(opened.dir, "runlog.jsonl"))) as [RunStartedRecord];
    // The run checks what was parsed; its record names that version, not the one on disk now.
    expect(loaded.sha256).toBe(parsed);
    expect(started.suite).toEqual({ name: "suite.yaml", path: "suite.yaml", sha256: parsed });
  });

  it("covers a diff over 1 MiB and untracked files, not ignored ones or the run log, and says which", async () => {
    const repo = await tempDir("livinglab-code-");
    git(repo, "init", "-q");
    await writeFile(join(repo, "analyse.ts"), "export const x = 1;\n");
    await writeFile(join(repo, ".gitignore"), "genegeerd/\n");
    git(repo, "add", ".");
    git(repo, "-c", "user.name=A", "-c", "user.email=a@lab.example", "commit", "-q", "-m", "eerste");
    const commit = git(repo, "rev-parse", "HEAD");
    expect(await codeVersion(repo)).toEqual({ commit, uncommitted_sha256: null });

    // A diff of 2 MiB: git's output no longer fits the default 1 MiB buffer.
    const big = (fill: string) => `export const tabel = "${fill.repeat(2 * 1024 * 1024)}";\n`;
    await writeFile(join(repo, "analyse.ts"), big("a"));
    const bigA = await codeVersion(repo);
    expect(bigA).toMatchObject({ commit, uncommitted: { tracked_files: 1, untracked_files: 0 } });
    expect(bigA.uncommitted_sha256).toMatch(/^[0-9a-f]{64}$/);
    await writeFile(join(repo, "analyse.ts"), big("b"));
    expect((await codeVersion(repo)).uncommitted_sha256).not.toBe(bigA.uncommitted_sha256);

    git(repo, "checkout", "--", "analyse.ts");
    await writeFile(join(repo, "nieuw.ts"), "export const y = 2;\n");
    const untracked = await codeVersion(repo);
    expect(untracked).toMatchObject({ commit, uncommitted: { tracked_files: 0, untracked_files: 1 } });
    await writeFile(join(repo, "nieuw.ts"), "export const y = 3;\n");
    const changed = await codeVersion(repo);
    expect(changed.uncommitted_sha256).not.toBe(untracked.uncommitted_sha256);

    // Ignored files, the run log and the tool's scratch folders are not code.
    await mkdir(join(repo, "genegeerd"));
    await writeFile(join(repo, "genegeerd/data.csv"), "a,b\n");
    await mkdir(join(repo, "experiments/x/.livinglab-tmp"), { recursive: true });
    await writeFile(join(repo, "experiments/x/runlog.jsonl"), "{}\n");
    await writeFile(join(repo, "experiments/x/runlog.jsonl.head"), "{}\n");
    await writeFile(join(repo, "experiments/x/.livinglab-tmp/owner.json"), "{}\n");
    expect(await codeVersion(repo)).toEqual(changed);
  });

  it("takes who from LIVINGLAB_USER without a git identity, else from the operating system", async () => {
    const lab = await makeLab();
    const file = join(lab, "experiments/om-datakwaliteit/runlog.jsonl");
    runCli(["run", "om-datakwaliteit", "--root", lab, "--justification", JUSTIFICATION], {
      env: { ...NO_GIT_IDENTITY, LIVINGLAB_USER: "Analist B" },
    });
    runCli(["run", "om-datakwaliteit", "--root", lab, "--justification", JUSTIFICATION], {
      env: { ...NO_GIT_IDENTITY, LIVINGLAB_USER: "" },
    });
    const runs = (await readLogRecords(file)).filter((r): r is RunRecord => r.type === "run");
    expect(runs.map((r) => r.who)).toEqual([
      { name: "Analist B", source: "env" },
      { name: userInfo().username, source: "os" },
    ]);
    expect(runs[0]?.code).toEqual({ commit: null, uncommitted_sha256: null });
  });
});
