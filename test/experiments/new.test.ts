import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openWorkspace, validateExperiment } from "../../src/index.js";
import { makeLab, runCli } from "../helpers/cli.js";

describe("livinglab new", () => {
  it("scaffolds every question of the template, empty, with its help as a comment", async () => {
    const lab = await makeLab([]);
    const run = runCli(["new", "proef", "--template", "basis", "--root", lab], { cwd: lab });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const text = await readFile(join(lab, "experiments/proef/experiment.yaml"), "utf8");
    await expect(text).toMatchFileSnapshot("golden/new-basis.yaml");

    // Nothing is invented: validating lists only unanswered questions, no other mistakes.
    const { problems } = await validateExperiment(openWorkspace(lab), "proef");
    const codes = new Set(problems.map((p) => p.code));
    expect([...codes].sort()).toEqual(["answer_missing", "missing_field"]);
    expect(problems.map((p) => p.path?.join("."))).toContain("data.datasets.0.naam");
  });

  it("works for a template that extends another", async () => {
    const lab = await makeLab([]);
    const run = runCli(["new", "model", "--template", "patroonherkenning", "--root", lab], { cwd: lab });
    expect(run.code).toBe(0);
    const text = await readFile(join(lab, "experiments/model/experiment.yaml"), "utf8");
    expect(text).toMatch(/^template: patroonherkenning@1\.4\.0$/m);
    for (const id of ["als", "groepsvergelijking", "menselijke_tussenkomst", "maat", "grondslag"])
      expect(text).toMatch(new RegExp(`^ *-? *${id}:$`, "m"));
    expect(text).toContain("# Dit sjabloon vraagt hier ook een score van 0 tot 5.");
  });

  it("can start from an older version, named as naam@versie", async () => {
    const lab = await makeLab([]);
    const run = runCli(["new", "oud", "--template", "datakwaliteit@1.0.0", "--root", lab], { cwd: lab });
    expect(run.code).toBe(0);
    const text = await readFile(join(lab, "experiments/oud/experiment.yaml"), "utf8");
    expect(text).toMatch(/^template: datakwaliteit@1\.0\.0$/m);
    expect(text).not.toMatch(/^ {2}suite:$/m);
  });

  it.each([
    ["from a template", ["--template", "basis"]],
    ["from an earlier experiment", ["--from", "om-datakwaliteit"]],
  ])("refuses to overwrite an existing experiment, started %s", async (_, how) => {
    const lab = await makeLab();
    const file = join(lab, "experiments/om-datakwaliteit/experiment.yaml");
    const before = await readFile(file, "utf8");
    const run = runCli(["new", "om-datakwaliteit", ...how, "--root", lab], { cwd: lab });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("bestaat al; er is niets overschreven");
    expect(run.stderr).toContain("(experiment_exists)");
    expect(await readFile(file, "utf8")).toBe(before);
  });

  it("names an unknown template with a suggestion", async () => {
    const lab = await mkdtemp(join(tmpdir(), "livinglab-new-"));
    const run = runCli(["new", "proef", "--template", "bassis", "--root", lab], { cwd: lab });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("Bedoelt u 'basis'?");
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
