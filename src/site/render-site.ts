import type { Workspace } from "../workspace.js";
import { readLab } from "./read-lab.js";
import { readSiteAssets } from "./site-assets.js";
import { type SitePageOptions, sitePages } from "./site-pages.js";
import { sitePaths } from "./site-paths.js";

export type RenderSiteOptions = SitePageOptions;

/**
 * Renders every page of the lab's site in memory: path from the site root to its content.
 * For a large lab, `writeSite` writes the pages one at a time instead.
 * @example const pages = await renderSite(openWorkspace()); pages.get("index.html");
 */
export async function renderSite(workspace: Workspace, options: RenderSiteOptions = {}): Promise<Map<string, string>> {
  const lab = await readLab(workspace);
  const files = new Map<string, string>();
  for (const page of sitePages(lab, options)) files.set(page.path, page.render());
  for (const [name, content] of await readSiteAssets()) files.set(sitePaths.asset(name), content);
  return files;
}
