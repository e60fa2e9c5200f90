import { datasetsOf, otherUsesOf } from "./dataset-views.js";
import { previousOfItsKind } from "./experiment-state.js";
import type { ExperimentView, LabView } from "./lab-view.js";
import { type ComparePick, pickedRuns, renderCompareChoicePage } from "./pages/compare-choice-page.js";
import { renderComparisonPage } from "./pages/comparison-page.js";
import { renderDatasetPage } from "./pages/dataset-page.js";
import { renderExperimentPage } from "./pages/experiment-page.js";
import { renderLessonsPage } from "./pages/lessons-page.js";
import { renderNotebookPage } from "./pages/notebook-page.js";
import { renderOverviewPage } from "./pages/overview-page.js";
import { renderRunsPage, runListPages } from "./pages/runs-page.js";
import { renderSearchPage } from "./pages/search-page.js";
import { renderTemplatesPage } from "./pages/templates-page.js";
import { sitePaths } from "./site-paths.js";

export interface SitePageOptions {
  /** Link each experiment page to its PDF (only when the PDFs are written too). */
  pdf?: boolean;
  /** Show the search form on the index (only `serve` answers a search). */
  searchable?: boolean;
  /** The search term the index and the runs pages are filtered by (`serve`'s `zoeken.html?q=...`, `runs-1.html?q=...`). */
  query?: string;
  /** The two runs `serve`'s `vergelijk.html?eerder=...&later=...` asks for. */
  compare?: ComparePick;
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
  yield { path: sitePaths.lessons, render: () => renderLessonsPage(lab) };
  yield { path: sitePaths.index, render: () => searchPage(lab, options) };
  for (const view of readableExperiments(lab)) {
    const id = view.opened.experiment.id;
    yield { path: sitePaths.experiment(id), render: () => renderExperimentPage(view, { pdf: options.pdf ?? false }) };
    for (const dataset of datasetsOf(view)) {
      yield {
        path: dataset.path,
        render: () => renderDatasetPage(view, dataset, otherUsesOf(lab, view, dataset.versions)),
      };
    }
    for (let page = 1; page <= runListPages(view); page++) {
      yield { path: sitePaths.runs(id, page), render: () => renderRunsPage(view, page) };
    }
    for (const run of view.runs) {
      if (run.notebookHtml !== undefined) {
        yield { path: sitePaths.notebook(id, run.number), render: () => renderNotebookPage(view, run) };
      }
      const previous = previousOfItsKind(view, run);
      if (previous) {
        yield {
          path: sitePaths.comparison(id, previous.number, run.number),
          render: () => renderComparisonPage(view, previous, run),
        };
      }
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
  if (path === sitePaths.lessons) return { path, render: () => renderLessonsPage(lab) };
  if (path === sitePaths.index) return { path, render: () => searchPage(lab, options) };
  const match =
    /^experimenten\/([^/]+)\/(?:index\.html|runs-([1-9][0-9]*)\.html|run-([1-9][0-9]*)-notebook\.html|vergelijk-run-([1-9][0-9]*)-met-run-([1-9][0-9]*)\.html|(data[-.][^/]+)\.html|(vergelijk)\.html)$/.exec(
      path,
    );
  if (!match) return undefined;
  const [, id, list, notebook, before, after, data, compareAny] = match;
  const view = readableExperiments(lab).find((v) => v.opened.experiment.id === id);
  if (!view) return undefined;
  if (compareAny !== undefined) {
    // Only `serve` answers a pick of any two runs; the static site has a page per run and the one before it.
    if (!options.searchable) return undefined;
    const picked = pickedRuns(view, options.compare ?? {});
    return picked
      ? { path, render: () => renderComparisonPage(view, picked[0], picked[1]) }
      : { path, render: () => renderCompareChoicePage(view) };
  }
  if (data !== undefined) {
    const dataset = datasetsOf(view).find((d) => d.path === path);
    return (
      dataset && { path, render: () => renderDatasetPage(view, dataset, otherUsesOf(lab, view, dataset.versions)) }
    );
  }
  if (notebook !== undefined) {
    const run = view.runs[Number(notebook) - 1];
    return run?.notebookHtml !== undefined ? { path, render: () => renderNotebookPage(view, run) } : undefined;
  }
  if (after !== undefined) {
    const run = view.runs[Number(after) - 1];
    const previous = run && previousOfItsKind(view, run);
    return previous && run && previous.number === Number(before)
      ? { path, render: () => renderComparisonPage(view, previous, run) }
      : undefined;
  }
  if (list !== undefined) {
    const page = Number(list);
    const filter = {
      form: options.searchable ?? false,
      ...(options.query !== undefined && { query: options.query }),
    };
    return page <= runListPages(view) ? { path, render: () => renderRunsPage(view, page, filter) } : undefined;
  }
  return { path, render: () => renderExperimentPage(view, { pdf: options.pdf ?? false }) };
}

function searchPage(lab: LabView, options: SitePageOptions): string {
  return renderSearchPage(lab, {
    form: options.searchable ?? false,
    ...(options.query !== undefined && { query: options.query }),
  });
}

function readableExperiments(lab: LabView): ExperimentView[] {
  return lab.experiments.flatMap((entry) => (entry.ok ? [entry.experiment] : []));
}
