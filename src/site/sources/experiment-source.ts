import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { isLivingLabError, type Problem } from "../../errors/problem.js";
import { EXPERIMENT_FILE, type OpenedExperiment, openExperiment } from "../../experiments/open-experiment.js";
import type { Workspace } from "../../workspace.js";

export type OpenedOrProblems = { ok: true; opened: OpenedExperiment } | { ok: false; id: string; problems: Problem[] };

/** The folders under `experiments/` that hold an experiment file, in id order. */
export async function listExperimentIds(workspace: Workspace): Promise<string[]> {
  if (!existsSync(workspace.experimentsDir)) return [];
  const entries = await readdir(workspace.experimentsDir, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory() && existsSync(join(workspace.experimentsDir, e.name, EXPERIMENT_FILE)))
    .map((e) => e.name)
    .sort();
}

/** One experiment folder, opened and validated against its template, or the problems that keep it from opening. */
export async function readExperiment(workspace: Workspace, id: string): Promise<OpenedOrProblems> {
  try {
    return { ok: true, opened: await openExperiment(workspace, id) };
  } catch (error) {
    if (!isLivingLabError(error)) throw error;
    return { ok: false, id, problems: [...error.problems] };
  }
}
