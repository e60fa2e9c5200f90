import { existsSync, statSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import type { Problem } from "../errors/problem.js";
import { EXPERIMENT_FILE, validateExperiment } from "../experiments/open-experiment.js";
import { validatePrinciplesFile } from "../templates/load-principles.js";
import { validateTemplateFile } from "../templates/load-template.js";
import { listTemplateVersions, PRINCIPLES_DIR, versionsIn } from "../templates/template-catalog.js";
import type { Workspace } from "../workspace.js";

export type CheckedKind = "sjabloon" | "uitgangspunten" | "experiment";

export interface CheckedFile {
  kind: CheckedKind;
  file: string;
  valid: boolean;
}

/** What `validate` found: every file it checked and every problem, all at once. */
export interface ValidationReport {
  checked: CheckedFile[];
  problems: Problem[];
}

/**
 * Validates templates, principles files and experiments. Without paths: the whole catalog
 * and every experiment. A path may be a file, a folder or an experiment id.
 * @example const report = await validatePaths(openWorkspace(), ["experiments/om-datakwaliteit"]);
 */
export async function validatePaths(
  workspace: Workspace,
  paths: readonly string[] = [],
  cwd = process.cwd(),
): Promise<ValidationReport> {
  const targets =
    paths.length > 0
      ? (await Promise.all(paths.map((p) => targetsOf(workspace, p, cwd)))).flat()
      : await everything(workspace);
  const report: ValidationReport = { checked: [], problems: [] };
  for (const target of targets) {
    if ("problem" in target) {
      report.problems.push(target.problem);
      continue;
    }
    const problems = await problemsOf(workspace, target);
    report.checked.push({ ...target, valid: problems.length === 0 });
    report.problems.push(...problems);
  }
  return report;
}

type Target = { kind: CheckedKind; file: string } | { problem: Problem };

async function problemsOf(workspace: Workspace, target: { kind: CheckedKind; file: string }): Promise<Problem[]> {
  if (target.kind === "experiment") return (await validateExperiment(workspace, target.file)).problems;
  if (target.kind === "uitgangspunten") return (await validatePrinciplesFile(target.file)).problems;
  return (await validateTemplateFile(workspace.templatesDir, target.file)).problems;
}

async function everything(workspace: Workspace): Promise<Target[]> {
  const templates = await templatesIn(workspace.templatesDir);
  const experiments = existsSync(workspace.experimentsDir) ? await experimentsIn(workspace.experimentsDir) : [];
  return [...templates, ...experiments];
}

async function templatesIn(templatesDir: string): Promise<Target[]> {
  const targets: Target[] = [];
  for (const [name, versions] of await listTemplateVersions(templatesDir)) {
    for (const v of versions) targets.push({ kind: "sjabloon", file: join(templatesDir, name, `${v}.yaml`) });
  }
  for (const v of await versionsIn(join(templatesDir, PRINCIPLES_DIR))) {
    targets.push({ kind: "uitgangspunten", file: join(templatesDir, PRINCIPLES_DIR, `${v}.yaml`) });
  }
  return targets;
}

async function experimentsIn(dir: string): Promise<Target[]> {
  const entries = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .sort((a, b) => a.name.localeCompare(b.name));
  return entries
    .filter((e) => existsSync(join(dir, e.name, EXPERIMENT_FILE)))
    .map((e) => ({ kind: "experiment" as const, file: join(dir, e.name, EXPERIMENT_FILE) }));
}

async function targetsOf(workspace: Workspace, path: string, cwd: string): Promise<Target[]> {
  const candidates = [resolve(cwd, path), resolve(workspace.root, path), join(workspace.experimentsDir, path)];
  const found = candidates.find((c) => existsSync(c));
  if (!found) {
    return [
      {
        problem: {
          code: "path_not_found",
          message: `'${path}' is geen bestand, map of experiment.`,
          hint: "Geef een sjabloon (templates/<naam>/<versie>.yaml), een experimentmap of een experiment-id.",
        },
      },
    ];
  }
  if (statSync(found).isFile()) {
    if (basename(found) === EXPERIMENT_FILE) return [{ kind: "experiment", file: found }];
    return [{ kind: basename(dirname(found)) === PRINCIPLES_DIR ? "uitgangspunten" : "sjabloon", file: found }];
  }
  if (existsSync(join(found, EXPERIMENT_FILE))) return [{ kind: "experiment", file: join(found, EXPERIMENT_FILE) }];
  if (resolve(found) === resolve(workspace.templatesDir)) return templatesIn(found);
  if (resolve(found) === resolve(workspace.experimentsDir)) return experimentsIn(found);
  const yamlFiles = (await versionsIn(found)).map((v) => join(found, `${v}.yaml`));
  const kind = basename(found) === PRINCIPLES_DIR ? "uitgangspunten" : "sjabloon";
  if (yamlFiles.length > 0) return yamlFiles.map((file) => ({ kind, file }));
  return [
    {
      problem: {
        code: "path_not_checkable",
        message: `In ${found} staat niets om te controleren.`,
        hint: "Een experimentmap heeft een experiment.yaml; een sjabloonmap heeft <versie>.yaml-bestanden.",
      },
    },
  ];
}
