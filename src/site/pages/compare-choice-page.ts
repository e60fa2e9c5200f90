import { dataNature, dataSentence } from "../../report/glance.js";
import { escapeHtml, userText } from "../../report/html.js";
import type { ExperimentView, RunView } from "../lab-view.js";
import { renderLayout } from "../layout.js";
import { relativeHref, sitePaths } from "../site-paths.js";

/** Two runs a reader asked `serve` to compare (`vergelijk.html?eerder=3&later=7`), as typed. */
export interface ComparePick {
  before?: string;
  after?: string;
}

/**
 * The two runs of a pick, earlier first, or undefined when the pick does not name two different
 * runs of this experiment by number.
 */
export function pickedRuns(view: ExperimentView, pick: ComparePick): [RunView, RunView] | undefined {
  const number = (text: string | undefined) =>
    text !== undefined && /^[1-9][0-9]{0,8}$/.test(text) ? Number(text) : 0;
  const [a, b] = [number(pick.before), number(pick.after)].sort((x, y) => x - y);
  const first = view.runs[(a ?? 0) - 1];
  const second = view.runs[(b ?? 0) - 1];
  return first && second && a !== b ? [first, second] : undefined;
}

/** A form (only `serve` answers it) that asks for any two runs of the experiment to put side by side. */
export function renderCompareForm(view: ExperimentView, from: string): string {
  const count = view.runs.length;
  const action = escapeHtml(relativeHref(from, sitePaths.compareAny(view.opened.experiment.id)));
  const input = (name: string, label: string) =>
    `<label for="vergelijk-${name}">${label}</label> <input id="vergelijk-${name}" name="${name}" type="number" min="1" max="${count}" inputmode="numeric" required>`;
  return `<form class="lab-search" method="get" action="${action}">Twee runs naast elkaar: ${input("eerder", "run")} ${input("later", "en run")} <button type="submit">Vergelijken</button></form>`;
}

/** `serve`'s answer to a pick that does not name two runs: what to choose, and the form again. */
export function renderCompareChoicePage(view: ExperimentView): string {
  const { experiment } = view.opened;
  const path = sitePaths.compareAny(experiment.id);
  const main = `
<h1 class="nl-heading nl-heading--level-1">Twee runs vergelijken</h1>
<p class="nl-paragraph">${escapeHtml(
    view.runs.length < 2
      ? "Dit experiment heeft nog geen twee runs om te vergelijken."
      : `Kies twee verschillende runs, van run 1 tot en met run ${view.runs.length}.`,
  )}</p>
${view.runs.length < 2 ? "" : renderCompareForm(view, path)}
<p class="nl-paragraph"><a href="${escapeHtml(relativeHref(path, sitePaths.experiment(experiment.id)))}">Terug naar ${userText(experiment.titel)}</a></p>`;
  return renderLayout({
    path,
    title: `Twee runs vergelijken – ${experiment.titel}`,
    crumbs: [
      { label: "Experimenten", to: sitePaths.overview },
      { label: experiment.titel, to: sitePaths.experiment(experiment.id) },
      { label: "Twee runs vergelijken" },
    ],
    main,
    data: dataSentence([dataNature(experiment)]),
  });
}
