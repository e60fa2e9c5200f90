import { cp, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { openExperiment, openRun, openWorkspace, type RunPermit } from "../src/index.js";

const ROOT = resolve(import.meta.dirname, "..");

/** A throwaway lab with the example experiment, so each timed run goes through the door as a real one does. */
export async function openBenchRun(): Promise<RunPermit> {
  const lab = await mkdtemp(join(tmpdir(), "livinglab-bench-lab-"));
  await cp(join(ROOT, "templates"), join(lab, "templates"), { recursive: true });
  await cp(join(ROOT, "experiments/om-datakwaliteit"), join(lab, "experiments/om-datakwaliteit"), {
    recursive: true,
    filter: (src) => !/\/(data|rapport)$|runlog\.jsonl/.test(src),
  });
  const workspace = openWorkspace(lab);
  return openRun({
    workspace,
    opened: await openExperiment(workspace, "om-datakwaliteit"),
    analysis: { name: "bench", params: {} },
    reads: { datasets: [], columns: {} },
    justification: "Benchmark van de controles tegen het handgeschreven script, in een tijdelijk lab.",
  });
}
