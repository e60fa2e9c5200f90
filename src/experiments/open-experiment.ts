import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { LivingLabError } from "../errors/problem.js";
import type { PrinciplesFile } from "../templates/principle-schema.js";
import { loadPrinciples, loadTemplate, parseTemplateRef } from "../templates/template-catalog.js";
import type { Template } from "../templates/template-schema.js";
import type { Workspace } from "../workspace.js";
import { parseSourceWithSchema } from "../yaml/parse-with-schema.js";
import { readYamlSource } from "../yaml/yaml-source.js";
import { type Experiment, experimentHeaderSchema, experimentSchemaFor } from "./experiment-schema.js";

export const EXPERIMENT_FILE = "experiment.yaml";

/** An experiment as read from its folder, checked against its pinned template. */
export interface OpenedExperiment {
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
  throw new LivingLabError({
    code: "experiment_not_found",
    message: `Experiment '${idOrPath}' niet gevonden.`,
    hint: `Een experiment is een map met een ${EXPERIMENT_FILE}, onder ${workspace.experimentsDir}.`,
  });
}

/**
 * Opens an experiment and validates it against its template; every problem is reported at once.
 * @example const om = await openExperiment(openWorkspace(), "om-datakwaliteit");
 */
export async function openExperiment(workspace: Workspace, idOrPath: string): Promise<OpenedExperiment> {
  const dir = resolveExperimentDir(workspace, idOrPath);
  const file = join(dir, EXPERIMENT_FILE);
  const source = await readYamlSource(file);
  const header = parseSourceWithSchema(source, experimentHeaderSchema);
  const ref = parseTemplateRef(header.template);
  if (!ref) throw new Error(`unreachable: template ref ${header.template} passed the header schema`);
  let template: Template;
  try {
    template = await loadTemplate(workspace.templatesDir, ref);
  } catch (error) {
    if (error instanceof LivingLabError) {
      // A missing template or version is a mistake in the experiment file: point at its line.
      const here = { path: ["template"], ...source.locate(["template"]) };
      throw new LivingLabError(error.problems.map((p) => (p.file ? p : { ...p, ...here })));
    }
    throw error;
  }
  const principles = await loadPrinciples(workspace.templatesDir);
  const experiment = parseSourceWithSchema(source, experimentSchemaFor(template, principles)) as Experiment;
  const sha256 = createHash("sha256").update(source.text).digest("hex");
  return { dir, file, sha256, experiment, template, principles };
}
