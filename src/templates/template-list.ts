import type { Workspace } from "../workspace.js";
import { loadTemplate } from "./load-template.js";
import { listTemplateVersions } from "./template-catalog.js";
import { isRequired, sectionIds } from "./template-schema.js";

/** One line of the catalog: a template's newest version and what it is for. */
export interface CatalogEntry {
  name: string;
  /** Newest first. */
  versions: string[];
  title: string;
  purpose: string;
  extends?: string;
  questions: number;
  required: number;
  checklist: string;
}

/**
 * The template catalog with versions and purpose, newest version of each.
 * @example (await listTemplateCatalog(openWorkspace(".."))).map((t) => t.name);
 */
export async function listTemplateCatalog(workspace: Workspace): Promise<CatalogEntry[]> {
  const entries: CatalogEntry[] = [];
  for (const [name, versions] of await listTemplateVersions(workspace.templatesDir)) {
    const newest = versions.at(-1);
    if (!newest) continue;
    const template = await loadTemplate(workspace.templatesDir, { name, version: newest });
    const questions = sectionIds.flatMap((s) => template.sections[s].questions);
    entries.push({
      name,
      versions: [...versions].reverse(),
      title: template.title,
      purpose: template.purpose,
      ...(template.extends ? { extends: template.extends } : {}),
      questions: questions.length,
      required: questions.filter(isRequired).length,
      checklist: template.principles.checklist,
    });
  }
  return entries;
}
