import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO, runCli } from "../helpers/cli.js";
import { makeLog } from "./log-fixture.js";

const golden = (name: string) => join(REPO, "test/golden/runlog", name);

describe("what users read from the log commands", () => {
  it("prints the log as a table, and a broken chain with its line", async () => {
    const lab = await mkdtemp(join(tmpdir(), "livinglab-lab-"));
    const experiment = join(lab, "experiments/proef");
    const { file } = await makeLog(4, experiment);
    await writeFile(join(experiment, "experiment.yaml"), "id: proef\n");
    const table = runCli(["log", "proef", "--root", lab]);
    expect(table.code).toBe(0);
    await expect(table.stdout).toMatchFileSnapshot(golden("log-table.txt"));

    const lines = (await readFile(file, "utf8")).split("\n");
    await writeFile(file, [lines[0], lines[2], lines[1], lines[3], ""].join("\n"));
    const verify = runCli(["log", "verify", "--root", lab]);
    expect(verify.code).toBe(1);
    await expect(verify.stdout).toMatchFileSnapshot(golden("verify-reordered.txt"));
  });

  it("documents the log command and its exit codes in --help", async () => {
    const help = runCli(["log", "--help"]);
    await expect(help.stdout).toMatchFileSnapshot(golden("log-help.txt"));
  });
});
