import { formatProblem } from "../../errors/format-problem.js";
import { dataNature, dataSentence } from "../../report/glance.js";
import { escapeHtml, userText } from "../../report/html.js";
import { opdrachtgeverOf } from "../answers.js";
import { renderDimensionScores, renderPrincipleLights, renderSignal } from "../components.js";
import { experimentStatus, latestCheckedRun, resultsUnavailable, summaryState } from "../experiment-state.js";
import type { ExperimentEntry, ExperimentView, LabView } from "../lab-view.js";
import { formatWhen, outcomeSignal } from "../labels.js";
import { renderLayout } from "../layout.js";
import { scoreDimensions } from "../quality.js";
import { relativeHref, sitePaths } from "../site-paths.js";

const path = sitePaths.overview;
const link = (to: string) => escapeHtml(relativeHref(path, to));

/** The lab at a glance: every experiment with its opdrachtgever, status, principles, last run and scores. */
export function renderOverviewPage(lab: LabView): string {
  const count = lab.experiments.length;
  const main = `
<h1 class="nl-heading nl-heading--level-1">Experimenten van het Big Data Living Lab</h1>
<p class="lab-lead">Hier ziet u per experiment wie de opdrachtgever is, hoe ver het is, of de tien uitgangspunten geregeld zijn en hoe goed de data is.</p>
<p class="nl-paragraph">Er ${count === 1 ? "is 1 experiment" : `zijn ${count} experimenten`}. Klik op een experiment voor de samenvatting in gewone taal. De <a href="${link(sitePaths.templates)}">sjablonen</a> laten zien welke vragen elk experiment vooraf beantwoordt.</p>
${lab.problems.length > 0 ? `<div class="utrecht-alert utrecht-alert--error lab-state" role="alert"><p class="lab-state__title">Een deel van het lab kon niet worden gelezen</p><pre>${escapeHtml(lab.problems.map(formatProblem).join("\n"))}</pre></div>` : ""}
<ul class="lab-cards">
${lab.experiments.map(renderCard).join("\n")}
</ul>`;
  const natures = lab.experiments.flatMap((e) => (e.ok ? [dataNature(e.experiment.opened.experiment)] : []));
  return renderLayout({ path, title: "Experimenten", crumbs: [], main, data: dataSentence(natures) });
}

function renderCard(entry: ExperimentEntry): string {
  if (!entry.ok) {
    return `<li class="lab-card lab-card__problems"><h2 class="nl-heading nl-heading--level-2 lab-card__title">${userText(entry.id)}</h2>
<p class="nl-paragraph">${renderSignal({ label: "Kan niet worden gelezen", symbol: "✗", tone: "bad" })}</p>
<pre>${userText(entry.problems.map(formatProblem).join("\n"))}</pre></li>`;
  }
  return renderExperimentCard(entry.experiment);
}

function renderExperimentCard(view: ExperimentView): string {
  const { experiment } = view.opened;
  const checked = latestCheckedRun(view);
  const state = summaryState(view);
  const lastRunText = checked
    ? `<a href="${link(sitePaths.run(experiment.id, checked.number))}">Run ${checked.number}</a>, ${escapeHtml(formatWhen(checked.record.at))}`
    : "Nog geen run met controles";
  return `<li class="lab-card">
<h2 class="nl-heading nl-heading--level-2 lab-card__title"><a href="${link(sitePaths.experiment(experiment.id))}">${userText(experiment.titel)}</a></h2>
<dl class="lab-card__facts">
<div><dt>Opdrachtgever</dt><dd>${userText(opdrachtgeverOf(experiment))}</dd></div>
<div><dt>Stand van zaken</dt><dd>${escapeHtml(experimentStatus(view))}${state.final || view.runs.length === 0 ? "" : " · concept"}</dd></div>
<div><dt>Laatste run met controles</dt><dd>${lastRunText}</dd></div>
<div><dt>Uitkomst</dt><dd>${checked?.outcome ? renderSignal(outcomeSignal[checked.outcome]) : "–"}</dd></div>
</dl>
<h3 class="nl-heading nl-heading--level-3">Uitgangspunten</h3>
${renderPrincipleLights(view.governance, 4)}
<h3 class="nl-heading nl-heading--level-3">Datakwaliteit bij de laatste controle</h3>
${checked && !checked.checks ? `<p class="nl-paragraph">${escapeHtml(resultsUnavailable(checked) ?? "")}</p>` : renderDimensionScores(scoreDimensions(checked?.checks ?? []))}
</li>`;
}
