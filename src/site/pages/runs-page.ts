import { dataNature, dataSentence } from "../../report/glance.js";
import { escapeHtml, userText } from "../../report/html.js";
import { renderSignal } from "../components.js";
import { previousOfItsKind } from "../experiment-state.js";
import type { ExperimentView, RunView } from "../lab-view.js";
import { analysisWords, displayName, formatWhen, outcomeSignal } from "../labels.js";
import { renderLayout } from "../layout.js";
import { FILTERED_RUNS_SHOWN, filterRuns } from "../run-filter.js";
import { RUNS_PER_PAGE, relativeHref, sitePaths } from "../site-paths.js";
import { renderCompareForm } from "./compare-choice-page.js";
import { renderRunSection } from "./run-page.js";

/** How many of the newest runs the experiment page lists; the pages of the run log hold them all. */
export const RUNS_ON_EXPERIMENT_PAGE = 10;

/** The number of pages of an experiment's run log. */
export function runListPages(view: ExperimentView): number {
  return Math.ceil(view.runs.length / RUNS_PER_PAGE);
}

/**
 * One page of an experiment's run log: its runs in full, newest first. Page 1 holds runs 1 to
 * 20, and so on, so a run's page never changes and a site of 100,000 runs has 5,000 pages.
 */
export function renderRunsPage(view: ExperimentView, page: number, filter: RunsFilter = { form: false }): string {
  const { experiment } = view.opened;
  const path = sitePaths.runs(experiment.id, page);
  const query = filter.query?.trim() ?? "";
  if (filter.form && query !== "") return renderFilteredRuns(view, path, query);
  const first = (page - 1) * RUNS_PER_PAGE + 1;
  const shown = view.runs.slice(first - 1, first - 1 + RUNS_PER_PAGE);
  const last = first + shown.length - 1;
  const pager = renderPager(view, page, path);
  const main = `
<p class="lab-muted">Runs uit het logboek van het experiment</p>
<h1 class="nl-heading nl-heading--level-1">${first === last ? `Run ${first}` : `Run ${first} tot en met ${last}`}: ${userText(experiment.titel)}</h1>
<p class="nl-paragraph">${view.runs.length === 1 ? "Het experiment heeft één run" : `Het experiment heeft ${view.runs.length} runs`}; hier staan ze met hun verantwoording en herkomst, de nieuwste eerst.</p>
${filter.form ? renderFilterForm(path, "") : ""}
${filter.form && view.runs.length >= 2 ? renderCompareForm(view, path) : ""}
${pager}
${renderRunsTable(view, shown, path, `Run ${first} tot en met ${last}, de nieuwste eerst.`)}
${[...shown]
  .reverse()
  .map((run) => renderRunSection(view, run))
  .join("\n")}
${pager}`;
  return renderLayout({
    path,
    title: `${first === last ? `Run ${first}` : `Runs ${first}–${last}`} – ${experiment.titel}`,
    crumbs: [
      { label: "Experimenten", to: sitePaths.overview },
      { label: experiment.titel, to: sitePaths.experiment(experiment.id) },
      { label: first === last ? `Run ${first}` : `Runs ${first}–${last}` },
    ],
    main,
    data: dataSentence([dataNature(experiment)]),
  });
}

/** `serve` lists the runs that match a search term (`runs-1.html?q=...`); the static site has no form. */
export interface RunsFilter {
  form: boolean;
  query?: string;
}

function renderFilterForm(path: string, query: string): string {
  return `<form class="lab-search" method="get" action="${escapeHtml(relativeHref(path, path))}" role="search"><label for="runfilter">Zoek runs op analyse, suite of uitkomst</label> <input id="runfilter" name="q" type="search" value="${userText(query)}"> <button type="submit">Zoeken</button></form>`;
}

/** Every run of the experiment that matches the query, newest first, as one table. */
function renderFilteredRuns(view: ExperimentView, path: string, query: string): string {
  const { experiment } = view.opened;
  const found = filterRuns(view.runs, query);
  const shown = found.slice(0, FILTERED_RUNS_SHOWN);
  const count = found.length === 1 ? "1 run past" : `${found.length} runs passen`;
  const main = `
<p class="lab-muted">Runs uit het logboek van het experiment</p>
<h1 class="nl-heading nl-heading--level-1">Runs zoeken: ${userText(experiment.titel)}</h1>
${renderFilterForm(path, query)}
<p class="nl-paragraph">${count} bij <strong>${userText(query)}</strong>${found.length > shown.length ? `; hier staan de nieuwste ${shown.length}` : ""}. <a href="${escapeHtml(relativeHref(path, path))}">Alle runs</a>.</p>
${shown.length === 0 ? "" : renderRunsTable(view, [...shown].reverse(), path, `Runs die passen bij de zoekterm, de nieuwste eerst.`)}`;
  return renderLayout({
    path,
    title: `Runs zoeken – ${experiment.titel}`,
    crumbs: [
      { label: "Experimenten", to: sitePaths.overview },
      { label: experiment.titel, to: sitePaths.experiment(experiment.id) },
      { label: "Runs zoeken" },
    ],
    main,
    data: dataSentence([dataNature(experiment)]),
  });
}

/** Links to the newest, newer, older and oldest page of runs; the current page in words. */
function renderPager(view: ExperimentView, page: number, from: string): string {
  const pages = runListPages(view);
  if (pages < 2) return "";
  const id = view.opened.experiment.id;
  const link = (to: number, label: string) =>
    `<li><a href="${escapeHtml(relativeHref(from, sitePaths.runs(id, to)))}">${label}</a></li>`;
  const items = [
    page < pages ? link(pages, "Nieuwste runs") : "",
    page < pages ? link(page + 1, "Nieuwere runs") : "",
    `<li aria-current="page">Pagina ${page} van ${pages}</li>`,
    page > 1 ? link(page - 1, "Oudere runs") : "",
    page > 1 ? link(1, "Oudste runs") : "",
  ];
  return `<nav class="lab-pager" aria-label="Pagina's met runs"><ul>${items.join("")}</ul></nav>`;
}

/** A table of runs, newest first, each linked to its section on its page of the run log. */
export function renderRunsTable(view: ExperimentView, runs: readonly RunView[], from: string, caption: string): string {
  const id = view.opened.experiment.id;
  const link = (to: string) => escapeHtml(relativeHref(from, to));
  const rows = [...runs].reverse().map((run) => {
    const checks = run.checks ?? [];
    const within = checks.filter((c) => c.outcome === "passed").length;
    const previous = previousOfItsKind(view, run);
    const compare = previous
      ? `<a href="${link(sitePaths.comparison(id, previous.number, run.number))}">naast run ${previous.number}</a>`
      : "–";
    return `<tr><td><a href="${link(sitePaths.run(id, run.number))}">Run ${run.number}</a></td><td>${escapeHtml(formatWhen(run.record.at))}</td><td>${userText(analysisWords(run.record.analysis.name))}</td><td>${userText(displayName(run.record.who.name))}</td><td>${run.outcome ? renderSignal(outcomeSignal[run.outcome]) : "onbekend"}</td><td class="lab-num">${escapeHtml(run.checks ? `${within} van ${checks.length}` : "–")}</td><td>${compare}</td></tr>`;
  });
  return `<div class="lab-table-wrap" tabindex="0" role="region" aria-label="${escapeHtml(caption)}"><table class="utrecht-table utrecht-table--html-table lab-table">
<caption class="utrecht-table__caption">${escapeHtml(caption)}</caption>
<thead class="utrecht-table__header"><tr><th scope="col" class="utrecht-table__header-cell">Run</th><th scope="col" class="utrecht-table__header-cell">Wanneer</th><th scope="col" class="utrecht-table__header-cell">Analyse</th><th scope="col" class="utrecht-table__header-cell">Door</th><th scope="col" class="utrecht-table__header-cell">Uitkomst</th><th scope="col" class="utrecht-table__header-cell lab-num">Controles binnen de marge</th><th scope="col" class="utrecht-table__header-cell">Vergelijken</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody></table></div>`;
}
