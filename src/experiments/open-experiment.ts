import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { LivingLabError } from "../errors/problem.js";
import type { PrinciplesFile } from "../templates/principle-schema.js";
import type { Template } from "../templates/template-schema.js";
import type { Workspace } from "../workspace.js";
import type { Experiment } from "./experiment-schema.js";
import { type ExperimentInspection, inspectExperimentFile } from "./inspect-experiment.js";

export const EXPERIMENT_FILE = "experiment.yaml";

/** An experiment as read from its folder, checked against its pinned template. */
export interface OpenedExperiment {
  /** The lab's root folder: where its people file is. */
  root: string;
  dir: string;
  file: string;
  /** SHA-256 of the experiment file as read, for the run log. */
  sha256: string;
  experiment: Experiment;
  template: Template;
  principles: PrinciplesFile;
}

/** Finds an experiment folder by id (under `experiments/`) or by path. */
export function resolveExperimentDir(workspace: Workspace, idOrPath: string): string {
  const byId = join(workspace.experimentsDir, idOrPath);
  if (existsSync(join(byId, EXPERIMENT_FILE))) return byId;
  const byPath = resolve(workspace.root, idOrPath);
  if (existsSync(join(byPath, EXPERIMENT_FILE))) return byPath;
  if (byPath.endsWith(EXPERIMENT_FILE) && existsSync(byPath)) return resolve(byPath, "..");
  throw new LivingLabError({
    code: "experiment_not_found",
    message: `Experiment '${idOrPath}' niet gevonden.`,
    hint: `Een experiment is een map met een ${EXPERIMENT_FILE}, onder ${workspace.experimentsDir}. Begin een nieuw met 'livinglab new <id> --template <naam>'.`,
  });
}

/**
 * Validates an experiment without throwing: every problem at once, for notebooks and `validate`.
 * @example const { problems } = await validateExperiment(openWorkspace(".."), "om-datakwaliteit");
 */
export async function validateExperiment(workspace: Workspace, idOrPath: string): Promise<ExperimentInspection> {
  return inspectExperimentFile(workspace, join(resolveExperimentDir(workspace, idOrPath), EXPERIMENT_FILE));
}

/**
 * Opens an experiment and validates it against its template; every problem is reported at once.
 * @example const om = await openExperiment(openWorkspace(), "om-datakwaliteit");
 */
export async function openExperiment(workspace: Workspace, idOrPath: string): Promise<OpenedExperiment> {
  const inspection = await validateExperiment(workspace, idOrPath);
  const { experiment, template, principles, source } = inspection;
  if (!experiment || !template || !principles || !source) throw new LivingLabError(inspection.problems);
  const sha256 = createHash("sha256").update(source.text).digest("hex");
  return {
    root: workspace.root,
    dir: resolve(inspection.file, ".."),
    file: inspection.file,
    sha256,
    experiment,
    template,
    principles,
  };
}
