import { mkdtemp } from "node:fs/promises";
import { join } from "node:path";
import {
  type OpenedExperiment,
  openExperiment,
  openRun,
  openWorkspace,
  type PlannedReads,
  type RunPermit,
} from "../../src/index.js";
import { makeLab } from "./cli.js";

export const TEST_JUSTIFICATION = "Test van de engines op kleine tabellen in een tijdelijk lab, door de gewone deur.";

/**
 * A run opened through the real door, in this test file's throwaway lab with the synthetic
 * example experiment: what engine-level tests attach their data with, as every analysis does.
 */
export async function openTestRun(
  reads: PlannedReads = { datasets: [], columns: {} },
): Promise<{ lab: string; opened: OpenedExperiment; permit: RunPermit }> {
  const lab = await testLab();
  const workspace = openWorkspace(lab);
  const opened = await openExperiment(workspace, "om-datakwaliteit");
  const permit = await openRun({
    workspace,
    opened,
    analysis: { name: "engine-test", params: {} },
    reads,
    justification: TEST_JUSTIFICATION,
  });
  return { lab, opened, permit };
}

let sharedLab: Promise<string> | undefined;

/** The throwaway lab of this test file, with the synthetic example experiment; made on first use. */
export function testLab(): Promise<string> {
  sharedLab ??= makeLab();
  return sharedLab;
}

/**
 * A fresh folder for a test's data inside the test lab's experiment: the door reads a data file
 * only inside the experiment's folder (or a place it declares), as it does for every analysis.
 */
export async function testDataDir(prefix: string): Promise<string> {
  return mkdtemp(join(await testLab(), "experiments", "om-datakwaliteit", prefix));
}

let shared: Promise<RunPermit> | undefined;

/**
 * One run permit per test file, for engine-level tests that attach data the way every analysis
 * does (through the door); made on first use, in a throwaway lab.
 */
export function testPermit(): Promise<RunPermit> {
  shared ??= openTestRun().then((r) => r.permit);
  return shared;
}
