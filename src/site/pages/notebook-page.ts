import { dataNature, dataSentence } from "../../report/glance.js";
import { userText } from "../../report/html.js";
import type { ExperimentView, RunView } from "../lab-view.js";
import { renderLayout } from "../layout.js";
import { sitePaths } from "../site-paths.js";

/**
 * The executed notebook of a notebook run, as the run kept it: nbconvert's rendering (its
 * outputs sanitized; the run refused a copy that showed a personal value), in the site's frame.
 */
export function renderNotebookPage(view: ExperimentView, run: RunView): string {
  const { experiment } = view.opened;
  const main = `
<p class="lab-muted">Het uitgevoerde notebook van run ${run.number}, zoals de run het bewaarde</p>
<h1 class="nl-heading nl-heading--level-1">Notebook van run ${run.number}: ${userText(experiment.titel)}</h1>
<div class="lab-notebook">
${run.notebookHtml ?? ""}
</div>
`;
  return renderLayout({
    path: sitePaths.notebook(experiment.id, run.number),
    title: `Notebook van run ${run.number} – ${experiment.titel}`,
    crumbs: [
      { label: "Experimenten", to: sitePaths.overview },
      { label: experiment.titel, to: sitePaths.experiment(experiment.id) },
      { label: `Run ${run.number}`, to: sitePaths.run(experiment.id, run.number) },
      { label: "Notebook" },
    ],
    main,
    data: dataSentence([dataNature(experiment)]),
  });
}
