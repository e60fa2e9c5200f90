import type { ExperimentView, LabView } from "./lab-view.js";
import { renderExperimentPage } from "./pages/experiment-page.js";
import { renderOverviewPage } from "./pages/overview-page.js";
import { renderRunsPage, runListPages } from "./pages/runs-page.js";
import { renderTemplatesPage } from "./pages/templates-page.js";
import { sitePaths } from "./site-paths.js";

export interface SitePageOptions {
  /** Link each experiment page to its PDF (only when the PDFs are written too). */
  pdf?: boolean;
}

/** A page of the site: its path from the site root, rendered only when asked. */
export interface SitePage {
  path: string;
  render(): string;
}

/**
 * Every HTML page of the site, one at a time, so that a site of a hundred thousand runs is
 * never in memory at once.
 */
export function* sitePages(lab: LabView, options: SitePageOptions = {}): Generator<SitePage> {
  yield { path: sitePaths.overview, render: () => renderOverviewPage(lab) };
  yield { path: sitePaths.templates, render: () => renderTemplatesPage(lab) };
  for (const view of readableExperiments(lab)) {
    const id = view.opened.experiment.id;
    yield { path: sitePaths.experiment(id), render: () => renderExperimentPage(view, { pdf: options.pdf ?? false }) };
    for (let page = 1; page <= runListPages(view); page++) {
      yield { path: sitePaths.runs(id, page), render: () => renderRunsPage(view, page) };
    }
  }
}

/**
 * The one page at `path` (from the site root), or undefined when the site has no such page.
 * `serve` answers each request with this, so a request renders one page, not the site.
 */
export function findSitePage(lab: LabView, path: string, options: SitePageOptions = {}): SitePage | undefined {
  if (path === sitePaths.overview) return { path, render: () => renderOverviewPage(lab) };
  if (path === sitePaths.templates) return { path, render: () => renderTemplatesPage(lab) };
  const match = /^experimenten\/([^/]+)\/(?:index\.html|runs-([1-9][0-9]*)\.html)$/.exec(path);
  if (!match) return undefined;
  const [, id, list] = match;
  const view = readableExperiments(lab).find((v) => v.opened.experiment.id === id);
  if (!view) return undefined;
  if (list !== undefined) {
    const page = Number(list);
    return page <= runListPages(view) ? { path, render: () => renderRunsPage(view, page) } : undefined;
  }
  return { path, render: () => renderExperimentPage(view, { pdf: options.pdf ?? false }) };
}

function readableExperiments(lab: LabView): ExperimentView[] {
  return lab.experiments.flatMap((entry) => (entry.ok ? [entry.experiment] : []));
}
