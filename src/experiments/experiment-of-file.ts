import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { LivingLabError } from "../errors/problem.js";
import { openWorkspace, type Workspace } from "../workspace.js";
import { EXPERIMENT_FILE, type OpenedExperiment, openExperiment } from "./open-experiment.js";

/**
 * Opens the experiment a file belongs to: the nearest folder above it with an experiment.yaml.
 * Its run log is where analyses of that file are recorded.
 * @example const { opened } = await experimentOfFile("experiments/om-datakwaliteit/suite.yaml");
 */
export async function experimentOfFile(
  file: string,
  workspace?: Workspace,
): Promise<{ opened: OpenedExperiment; workspace: Workspace }> {
  let dir = dirname(resolve(file));
  while (!existsSync(join(dir, EXPERIMENT_FILE))) {
    const parent = dirname(dir);
    if (parent === dir) {
      throw new LivingLabError({
        code: "no_experiment",
        message: `${file} hoort niet bij een experiment, dus de run kan niet in een logboek.`,
        hint: `Leg het bestand in de map van een experiment (een map met ${EXPERIMENT_FILE}), of in een map daaronder.`,
        file,
      });
    }
    dir = parent;
  }
  // An experiment lives in <lab>/experiments/<id>/; the lab is two folders up.
  const lab = workspace ?? openWorkspace(resolve(dir, "../.."));
  return { opened: await openExperiment(lab, dir), workspace: lab };
}
