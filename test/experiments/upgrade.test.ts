import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openExperiment, openWorkspace, upgradeExperiment, validateExperiment } from "../../src/index.js";
import { REPO, runCli } from "../helpers/cli.js";

/** A lab with the catalog and the example as it was under datakwaliteit@1.0.0. */
async function labOnOldVersion(): Promise<string> {
  const lab = await mkdtemp(join(tmpdir(), "livinglab-upgrade-"));
  await cp(join(REPO, "templates"), join(lab, "templates"), { recursive: true });
  await cp(join(REPO, "test/fixtures/upgrade/experiments"), join(lab, "experiments"), { recursive: true });
  return lab;
}

describe("upgrading an experiment to a newer template version", () => {
  it("keeps the old version loadable, then lists exactly what must now be answered", async () => {
    const lab = await labOnOldVersion();
    const old = await openExperiment(openWorkspace(lab), "om-datakwaliteit");
    expect(old.experiment.template).toBe("datakwaliteit@1.0.0");

    const run = runCli(["upgrade", "om-datakwaliteit", "--to", "1.1.0", "--root", lab], { cwd: lab });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(2);
    await expect(run.stdout).toMatchFileSnapshot("golden/upgrade-datakwaliteit-1.0.0-to-1.1.0.txt");

    const file = join(lab, "experiments/om-datakwaliteit/experiment.yaml");
    const text = await readFile(file, "utf8");
    expect(text).toMatch(/^template: datakwaliteit@1\.1\.0$/m);
    expect(text).toContain("  # Controlesuite – verplicht\n");
    // What was answered before is still there.
    expect(text).toContain("opdrachtgever: Hoofd informatievoorziening OM (voorbeeld)");
  });

  it("is valid once the listed questions are answered", async () => {
    const lab = await labOnOldVersion();
    const { problems } = await upgradeExperiment(openWorkspace(lab), "om-datakwaliteit", "1.1.0");
    expect(problems.map((p) => p.path?.join("."))).toEqual([
      "userstory.primair_proces",
      "doel.verwachte_waarde",
      "data.datasets.0.kolommen",
      "data.datasets.1.kolommen",
      "data.datasets.2.kolommen",
      "data.suite",
      "data.dimensies",
      "evaluatie.foutmarges",
    ]);
    const file = join(lab, "experiments/om-datakwaliteit/experiment.yaml");
    const answered = (await readFile(file, "utf8"))
      .replace("  primair_proces:\n", "  primair_proces: Vervolging door het OM\n")
      .replace("  verwachte_waarde:\n", "  verwachte_waarde: Weten welke fouten eerst moeten worden hersteld.\n")
      .replaceAll("      kolommen:\n", "      kolommen: [zaak_id]\n")
      .replace("  suite:\n", "  suite: suite.yaml\n")
      .replace("  dimensies:\n", "  dimensies: [compleetheid]\n")
      .replace("  foutmarges:\n", "  foutmarges: Hoogstens 1% afwijkende rijen per controle.\n");
    await writeFile(file, answered);
    const after = await validateExperiment(openWorkspace(lab), "om-datakwaliteit");
    expect(after.problems).toEqual([]);
  });

  it("changes nothing when the experiment is already on that version", async () => {
    const lab = await labOnOldVersion();
    const file = join(lab, "experiments/om-datakwaliteit/experiment.yaml");
    const before = await readFile(file, "utf8");
    const same = await upgradeExperiment(openWorkspace(lab), "om-datakwaliteit", "1.0.0");
    expect(same).toMatchObject({ from: "datakwaliteit@1.0.0", to: "datakwaliteit@1.0.0", added: [], problems: [] });
    expect(await readFile(file, "utf8")).toBe(before);
  });

  it("refuses to go back to an older version and changes nothing", async () => {
    const lab = await labOnOldVersion();
    const file = join(lab, "experiments/om-datakwaliteit/experiment.yaml");
    // To the newest version, whichever that is now.
    const { to } = await upgradeExperiment(openWorkspace(lab), "om-datakwaliteit");
    const newest = to.slice(to.indexOf("@") + 1);
    expect(newest).toMatch(/^\d+\.\d+\.\d+$/);
    const before = await readFile(file, "utf8");
    await expect(upgradeExperiment(openWorkspace(lab), "om-datakwaliteit", "1.0.0")).rejects.toThrow(
      `Versie 1.0.0 is ouder dan ${newest}; terug naar een oudere versie kan niet.`,
    );
    expect(await readFile(file, "utf8")).toBe(before);
  });
});
