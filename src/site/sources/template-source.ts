import { existsSync } from "node:fs";
import { isLivingLabError, type Problem } from "../../errors/problem.js";
import { loadPrinciples } from "../../templates/load-principles.js";
import { loadTemplate } from "../../templates/load-template.js";
import type { PrinciplesFile } from "../../templates/principle-schema.js";
import { listTemplateVersions } from "../../templates/template-catalog.js";
import type { Workspace } from "../../workspace.js";
import type { TemplateEntry } from "../lab-view.js";

export interface CatalogContents {
  templates: TemplateEntry[];
  principles: PrinciplesFile | undefined;
  problems: Problem[];
}

/** The template catalog (every version of every template) and the principles checklist. */
export async function readCatalog(workspace: Workspace): Promise<CatalogContents> {
  const problems: Problem[] = [];
  const templates: TemplateEntry[] = [];
  if (!existsSync(workspace.templatesDir)) return { templates, principles: undefined, problems };
  for (const [name, versions] of [...(await listTemplateVersions(workspace.templatesDir))].sort()) {
    const loaded = [];
    for (const version of versions) {
      const template = await collect(problems, () => loadTemplate(workspace.templatesDir, { name, version }));
      if (template) loaded.push(template);
    }
    templates.push({ name, versions: loaded });
  }
  const principles = await collect(problems, () => loadPrinciples(workspace.templatesDir));
  return { templates, principles, problems };
}

async function collect<T>(problems: Problem[], load: () => Promise<T>): Promise<T | undefined> {
  try {
    return await load();
  } catch (error) {
    if (!isLivingLabError(error)) throw error;
    problems.push(...error.problems);
    return undefined;
  }
}
