import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  columnsTouched,
  declaredDatasets,
  evaluateSuite,
  experimentStatus,
  loadSuite,
  openExperiment,
  openWorkspace,
  ownSuiteFile,
  profileFile,
  runExperiment,
} from "../../src/index.js";
import { asUser } from "../helpers/as-user.js";
import { makeLab, REPO } from "../helpers/cli.js";

const WHY = "Test van de voorbeelden: hun uitgangspunten kloppen met wat de tool zelf meet.";

async function exampleIds(): Promise<string[]> {
  return (await readdir(join(REPO, "experiments"), { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name);
}

describe("the example experiments tell the truth", () => {
  it("their suites read only the columns they declare", async () => {
    const workspace = openWorkspace(REPO);
    for (const id of await exampleIds()) {
      const opened = await openExperiment(workspace, id);
      const suite = await loadSuite(ownSuiteFile(opened)).catch(() => undefined);
      if (!suite) continue;
      const declared = new Set(
        declaredDatasets(opened.experiment).flatMap((d) => (d.columns ?? []).map((c) => `${d.name}.${c}`)),
      );
      const undeclared = Object.values(columnsTouched(suite))
        .flat()
        .filter((c) => !declared.has(c));
      expect(undeclared, id).toEqual([]);
    }
  });

  it("their principle states match the evidence, also after a run, the exam and a profile", async () => {
    const lab = await makeLab(await exampleIds());
    const workspace = openWorkspace(lab);
    const om = join(lab, "experiments/om-datakwaliteit");
    await asUser("A. de Vries", async () => {
      await runExperiment({ workspace, experiment: "om-datakwaliteit", justification: WHY });
      await evaluateSuite({
        suite: join(om, "suite.yaml"),
        dataDir: join(om, "data"),
        truth: join(om, "data/ground_truth.parquet"),
        justification: WHY,
      });
      await profileFile({ target: join(om, "data/zaken.parquet"), justification: WHY });
    });
    for (const id of await exampleIds()) {
      const status = await experimentStatus(workspace, id);
      const principles = Object.values(status.principles).flat();
      expect(
        principles.filter((p) => p.standing.code === "tegengesproken").map((p) => p.id),
        id,
      ).toEqual([]);
      if (id !== "om-datakwaliteit") continue;
      const evidence = (principle: string) => principles.find((p) => p.id === principle)?.evidence.verdict;
      expect(evidence("proportionaliteit")).toBe("supports");
      expect(evidence("methode")).toBe("supports");
      // The data has defects on purpose: the experiment proposes "niet voldaan", and the run agrees.
      expect(evidence("datakwaliteit")).toBe("contradicts");
      expect(principles.find((p) => p.id === "datakwaliteit")?.proposal?.status).toBe("niet_voldaan");
      expect(status.criteria.map((c) => [c.measure, c.met])).toEqual([
        ["examen_recall", true],
        ["examen_precisie", true],
      ]);
    }
  });
});
