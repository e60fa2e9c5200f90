import { execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { link, mkdir, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { basename, dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import {
  appendRecord,
  decidePrinciple,
  destroyData,
  openExperiment,
  openWorkspace,
  readLogRecords,
  verifyRunLog,
} from "../../src/index.js";
import { planDestruction } from "../../src/runlog/destruction-plan.js";
import { stageDestruction } from "../../src/runlog/destruction-staging.js";
import { makeLab, runCli } from "../helpers/cli.js";

const REASON = "Bewaartermijn van de proef verlopen.";

/** A lab with one experiment that has a log (one decision) and a data folder. */
async function labWithData() {
  const lab = await makeLab();
  const workspace = openWorkspace(lab);
  const om = await openExperiment(workspace, "om-datakwaliteit");
  await decidePrinciple(workspace, om, { principle: "doel", status: "voldaan", toelichting: "Het doel is helder." });
  await mkdir(join(om.dir, "data"), { recursive: true });
  await writeFile(join(om.dir, "data/zaken.parquet"), "zaken");
  await writeFile(join(om.dir, "data/feiten.parquet"), "feiten");
  const log = join(om.dir, "runlog.jsonl");
  return { lab, workspace, om, log, before: await readFile(log, "utf8") };
}

const codesOf = async (promise: Promise<unknown>) => {
  const error = (await promise.then(
    () => undefined,
    (e: unknown) => e,
  )) as { problems?: { code: string }[] };
  return error?.problems?.map((p) => p.code);
};

/** The pid of a process that has ended. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""]);
  await new Promise((resolve) => child.on("exit", resolve));
  return child.pid as number;
}

describe("destroy-data only destroys the experiment's own data", () => {
  it("refuses a path outside the lab: nothing deleted, nothing logged", async () => {
    const { lab, om, log, before } = await labWithData();
    const outside = join(dirname(lab), `buiten-${basename(lab)}`);
    await mkdir(outside);
    await writeFile(join(outside, "bewaren.txt"), "blijft");
    const cli = runCli([
      "destroy-data",
      "om-datakwaliteit",
      relative(om.dir, outside),
      "--reason",
      REASON,
      "--root",
      lab,
    ]);
    expect(cli.code).toBe(3);
    expect(cli.stderr).toContain("ligt buiten de map van het experiment");
    expect(cli.stderr).toContain("(path_outside_experiment)");
    expect(cli.stderr).not.toContain("Interne fout");
    expect(await readFile(join(outside, "bewaren.txt"), "utf8")).toBe("blijft");
    expect(await readFile(log, "utf8")).toBe(before);
    await rm(outside, { recursive: true });
  });

  it("refuses the log, its companions, the experiment folder and YAML files, all at once", async () => {
    const { workspace, om, log, before } = await labWithData();
    await writeFile(`${log}.torn`, "");
    const protectedPaths = [
      "runlog.jsonl",
      "runlog.jsonl.head",
      "runlog.jsonl.torn",
      "runlog.jsonl.lock",
      ".",
      "experiment.yaml",
      "suite.yaml",
      "/etc/hostname",
    ];
    const codes = await codesOf(destroyData(workspace, om, { paths: protectedPaths, reden: REASON }));
    expect(codes).toEqual([
      "path_protected",
      "path_protected",
      "path_protected",
      "file_not_found",
      "path_protected",
      "path_protected",
      "path_protected",
      "path_outside_experiment",
    ]);
    for (const name of ["runlog.jsonl", "runlog.jsonl.head", "runlog.jsonl.torn", "experiment.yaml", "suite.yaml"]) {
      expect(existsSync(join(om.dir, name))).toBe(true);
    }
    expect(await readFile(log, "utf8")).toBe(before);
    // A folder that holds a suite file is refused whole.
    await writeFile(join(om.dir, "data/suite-kopie.yaml"), "format: livinglab-suite/2\n");
    expect(await codesOf(destroyData(workspace, om, { paths: ["data"], reden: REASON }))).toEqual(["path_protected"]);
    expect(existsSync(join(om.dir, "data/zaken.parquet"))).toBe(true);
  });

  it("refuses a symlink to data outside the experiment, and destroys a symlink's target inside it", async () => {
    const { lab, workspace, om, log, before } = await labWithData();
    const outside = join(lab, "gedeeld.parquet");
    await writeFile(outside, "gedeeld");
    await symlink(outside, join(om.dir, "data/gedeeld.parquet"));
    expect(await codesOf(destroyData(workspace, om, { paths: ["data"], reden: REASON }))).toEqual([
      "symlink_outside_experiment",
    ]);
    // Also through a symlinked folder on the way.
    await symlink(lab, join(om.dir, "lab"));
    expect(await codesOf(destroyData(workspace, om, { paths: ["lab/gedeeld.parquet"], reden: REASON }))).toEqual([
      "path_outside_experiment",
    ]);
    expect(await readFile(outside, "utf8")).toBe("gedeeld");
    expect(existsSync(join(om.dir, "data/zaken.parquet"))).toBe(true);
    expect(await readFile(log, "utf8")).toBe(before);

    await rm(join(om.dir, "data/gedeeld.parquet"));
    await rm(join(om.dir, "lab"));
    await mkdir(join(om.dir, "bewaard"));
    await writeFile(join(om.dir, "bewaard/levering.csv"), "levering");
    await symlink("../bewaard/levering.csv", join(om.dir, "data/levering.csv"));
    await symlink("../nergens.csv", join(om.dir, "data/los.csv"));
    const record = await destroyData(workspace, om, { paths: ["data"], reden: REASON });
    expect(record.files.map((f) => f.path).sort()).toEqual([
      "bewaard/levering.csv",
      "data/feiten.parquet",
      "data/zaken.parquet",
    ]);
    expect(existsSync(join(om.dir, "data"))).toBe(false);
    expect(existsSync(join(om.dir, "bewaard/levering.csv"))).toBe(false);
    expect(existsSync(join(om.dir, ".livinglab-tmp"))).toBe(true);
    expect(await readdir(join(om.dir, ".livinglab-tmp"))).toEqual([]);
    expect(await verifyRunLog(log)).toMatchObject({ intact: true, records: 2 });
  });

  it("refuses a file whose content has another name (a hard link) that would remain", async () => {
    const { workspace, om } = await labWithData();
    await link(join(om.dir, "data/zaken.parquet"), join(om.dir, "zaken-kopie.parquet"));
    expect(await codesOf(destroyData(workspace, om, { paths: ["data"], reden: REASON }))).toEqual([
      "hard_link_elsewhere",
    ]);
    const record = await destroyData(workspace, om, { paths: ["data", "zaken-kopie.parquet"], reden: REASON });
    expect(record.files.map((f) => f.path).sort()).toEqual([
      "data/feiten.parquet",
      "data/zaken.parquet",
      "zaken-kopie.parquet",
    ]);
  });

  it("finishes a destruction that a killed process left halfway: removed when logged, put back when not", async () => {
    const { workspace, om, log } = await labWithData();
    const dead = await deadPid();
    const pretendKilled = async (id: string, paths: string[]) => {
      const staging = await stageDestruction(await planDestruction(om.dir, paths), id);
      const owner = JSON.parse(await readFile(join(staging.path, "owner.json"), "utf8"));
      await writeFile(join(staging.path, "owner.json"), JSON.stringify({ ...owner, pid: dead }));
      return staging;
    };
    // Killed before its record: the data comes back.
    await pretendKilled("niet-vastgelegd", ["data/feiten.parquet"]);
    expect(existsSync(join(om.dir, "data/feiten.parquet"))).toBe(false);
    // Killed after its record: the data goes for good.
    const logged = await pretendKilled("wel-vastgelegd", ["data/zaken.parquet"]);
    const [first] = await readLogRecords(log);
    await appendRecord(log, {
      type: "data_destroyed",
      id: "wel-vastgelegd",
      at: new Date().toISOString(),
      who: { name: "Analist A", source: "env" },
      experiment: first?.experiment ?? { id: "om-datakwaliteit", template: "", file_sha256: "0".repeat(64) },
      files: [{ name: "zaken.parquet", path: "data/zaken.parquet", sha256: "a".repeat(64) }],
      reden: REASON,
    });
    // Until then, verify says that the log calls data destroyed that is still there.
    const before = await verifyRunLog(log);
    expect(before).toMatchObject({ intact: false, finding: { kind: "destruction_unfinished", seq: 2 } });
    expect(before.finding?.message).toContain(logged.path);
    expect(before.notes.join(" ")).toContain("niet vernietigd en niet vastgelegd");
    await writeFile(join(om.dir, "andere.csv"), "x");
    const other = await destroyData(workspace, om, { paths: ["andere.csv"], reden: REASON });
    expect(existsSync(join(om.dir, "data/feiten.parquet"))).toBe(true);
    expect(existsSync(logged.path)).toBe(false);
    expect(existsSync(join(om.dir, "data/zaken.parquet"))).toBe(false);
    expect(other.files.map((f) => f.path)).toEqual(["andere.csv"]);
    expect(await verifyRunLog(log)).toMatchObject({ intact: true, notes: [] });
    expect((await readLogRecords(log)).map((r) => r.type)).toEqual([
      "principle_decided",
      "data_destroyed",
      "data_destroyed",
    ]);
  });
});

describe("a deleted audit trail", () => {
  it("makes log verify fail while the head, run results or git still know the log", async () => {
    const { lab, om, log } = await labWithData();
    await rm(log);
    const headOnly = runCli(["log", "verify", "--root", lab]);
    expect(headOnly.code).toBe(1);
    expect(headOnly.stdout).toContain("runlog.jsonl ontbreekt");
    expect(headOnly.stdout).toContain("kent record 1");

    await rm(`${log}.head`);
    await mkdir(join(om.dir, "rapport/runs"), { recursive: true });
    await writeFile(join(om.dir, "rapport/runs/3b95b31f.json"), "{}\n");
    const results = runCli(["log", "verify", "om-datakwaliteit", "--root", lab]);
    expect(results.code).toBe(1);
    expect(results.stdout).toContain("bevat de uitkomsten van 1 run(s)");

    await rm(join(om.dir, "rapport"), { recursive: true });
    expect(runCli(["log", "verify", "--root", lab])).toMatchObject({ code: 0 });
    const git = (...args: string[]) => execFileSync("git", args, { cwd: lab, stdio: "ignore" });
    await writeFile(log, "");
    git("init", "-q");
    git("add", ".");
    git("-c", "user.name=A", "-c", "user.email=a@lab.example", "commit", "-q", "-m", "logboek");
    await rm(log);
    const committed = runCli(["log", "verify", "--root", lab]);
    expect(committed.code).toBe(1);
    expect(committed.stdout).toContain("git kent het logboek (commit ");
  });
});
