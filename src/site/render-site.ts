import type { Workspace } from "../workspace.js";
import { previousOfItsKind } from "./experiment-state.js";
import { renderComparisonPage } from "./pages/comparison-page.js";
import { renderExperimentPage } from "./pages/experiment-page.js";
import { renderLessonsPage } from "./pages/lessons-page.js";
import { renderNotebookPage } from "./pages/notebook-page.js";
import { renderOverviewPage } from "./pages/overview-page.js";
import { renderRunPage } from "./pages/run-page.js";
import { renderSearchPage } from "./pages/search-page.js";
import { renderTemplatesPage } from "./pages/templates-page.js";
import { readLab } from "./read-lab.js";
import { readSiteAssets } from "./site-assets.js";
import { sitePaths } from "./site-paths.js";

export interface RenderSiteOptions {
  /** Link each experiment page to its PDF (only when the PDFs are written too). */
  pdf?: boolean;
  /** Show the search form on the index (only `serve` answers a search). */
  searchable?: boolean;
}

/**
 * The index filtered by a search term, as `serve` answers `zoeken.html?q=...`.
 * @example const html = await renderSearch(openWorkspace(), "doorlooptijden");
 */
export async function renderSearch(workspace: Workspace, query: string): Promise<string> {
  return renderSearchPage(await readLab(workspace), { query, form: true });
}

/**
 * Renders every page of the lab's site in memory: path from the site root to its content.
 * `livinglab site` writes these files; `livinglab serve` answers from them.
 * @example const pages = await renderSite(openWorkspace()); pages.get("index.html");
 */
export async function renderSite(workspace: Workspace, options: RenderSiteOptions = {}): Promise<Map<string, string>> {
  const lab = await readLab(workspace);
  const files = new Map<string, string>();
  files.set(sitePaths.overview, renderOverviewPage(lab));
  files.set(sitePaths.templates, renderTemplatesPage(lab));
  files.set(sitePaths.lessons, renderLessonsPage(lab));
  files.set(sitePaths.index, renderSearchPage(lab, { form: options.searchable ?? false }));
  for (const entry of lab.experiments) {
    if (!entry.ok) continue;
    const view = entry.experiment;
    const id = view.opened.experiment.id;
    files.set(sitePaths.experiment(id), renderExperimentPage(view, { pdf: options.pdf ?? false }));
    for (const run of view.runs) {
      files.set(sitePaths.run(id, run.number), renderRunPage(view, run));
      if (run.notebookHtml !== undefined) files.set(sitePaths.notebook(id, run.number), renderNotebookPage(view, run));
      const previous = previousOfItsKind(view, run);
      if (previous)
        files.set(sitePaths.comparison(id, previous.number, run.number), renderComparisonPage(view, previous, run));
    }
  }
  for (const [name, content] of await readSiteAssets()) files.set(sitePaths.asset(name), content);
  return files;
}

/** The experiment ids that have a page in a rendered site. */
export function experimentPages(files: ReadonlyMap<string, string>): string[] {
  return [...files.keys()].flatMap((path) => /^experimenten\/([^/]+)\/index\.html$/.exec(path)?.[1] ?? []);
}
