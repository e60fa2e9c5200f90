import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { isLivingLabError, type Problem } from "../../errors/problem.js";
import { EXPERIMENT_FILE, type OpenedExperiment, openExperiment } from "../../experiments/open-experiment.js";
import type { Workspace } from "../../workspace.js";

export type OpenedOrProblems = { ok: true; opened: OpenedExperiment } | { ok: false; id: string; problems: Problem[] };

/** Every experiment folder of the lab, opened and validated against its template, in id order. */
export async function readExperiments(workspace: Workspace): Promise<OpenedOrProblems[]> {
  if (!existsSync(workspace.experimentsDir)) return [];
  const entries = await readdir(workspace.experimentsDir, { withFileTypes: true });
  const ids = entries
    .filter((e) => e.isDirectory() && existsSync(join(workspace.experimentsDir, e.name, EXPERIMENT_FILE)))
    .map((e) => e.name)
    .sort();
  const opened: OpenedOrProblems[] = [];
  for (const id of ids) {
    try {
      opened.push({ ok: true, opened: await openExperiment(workspace, id) });
    } catch (error) {
      if (!isLivingLabError(error)) throw error;
      opened.push({ ok: false, id, problems: [...error.problems] });
    }
  }
  return opened;
}
