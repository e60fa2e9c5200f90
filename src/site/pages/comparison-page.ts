import { dimensionName } from "../../checks/dimension-words.js";
import { publishableMetric } from "../../checks/metric-unit.js";
import { dataNature, dataSentence } from "../../report/glance.js";
import { escapeHtml, userText } from "../../report/html.js";
import { type CheckChange, type CheckComparison, changeWords, compareRuns } from "../../runlog/compare-runs.js";
import { renderFacts, renderSignal } from "../components.js";
import type { ExperimentView, RunView } from "../lab-view.js";
import { formatWhen, outcomeSignal, type Signal } from "../labels.js";
import { renderLayout } from "../layout.js";
import { relativeHref, sitePaths } from "../site-paths.js";

const changeSignal: Record<CheckChange, Signal> = {
  beter: { label: changeWords.beter, symbol: "↑", tone: "good" },
  slechter: { label: changeWords.slechter, symbol: "↓", tone: "bad" },
  andere_meting: { label: changeWords.andere_meting, symbol: "~", tone: "warn" },
  gelijk: { label: changeWords.gelijk, symbol: "=", tone: "neutral" },
  nieuw: { label: changeWords.nieuw, symbol: "+", tone: "neutral" },
  vervallen: { label: changeWords.vervallen, symbol: "–", tone: "neutral" },
};

const changeOrder: Record<CheckChange, number> = {
  slechter: 0,
  beter: 1,
  andere_meting: 2,
  nieuw: 3,
  vervallen: 4,
  gelijk: 5,
};

/**
 * Two runs side by side: per check the outcome and the measurement before and after and what
 * changed, and which data fingerprints and code versions differ. Measurements come from the
 * runs' results files, with small counts suppressed as everywhere on the site.
 */
export function renderComparisonPage(view: ExperimentView, before: RunView, after: RunView): string {
  const { experiment } = view.opened;
  const path = sitePaths.comparison(experiment.id, before.number, after.number);
  const link = (to: string) => escapeHtml(relativeHref(path, to));
  const diff = compareRuns(before.record, after.record);
  const differs = [...diff.data.map((d) => ({ ...d, name: `data van ${d.name}` })), ...diff.code].filter(
    (f) => !f.same,
  );
  const rows = [...diff.checks]
    .sort((a, b) => changeOrder[a.change] - changeOrder[b.change])
    .map((c) => renderRow(c, before, after));
  const main = `
<h1 class="nl-heading nl-heading--level-1">Run ${before.number} en run ${after.number} naast elkaar</h1>
<p class="lab-lead">${escapeHtml(`${diff.counts.slechter} ${diff.counts.slechter === 1 ? "controle is" : "controles zijn"} slechter, ${diff.counts.beter} beter, ${diff.counts.andere_meting} met een andere meting en ${diff.counts.gelijk} gelijk.`)}${diff.counts.nieuw + diff.counts.vervallen > 0 ? escapeHtml(` ${diff.counts.nieuw} nieuw, ${diff.counts.vervallen} vervallen.`) : ""}</p>
${renderFacts([
  [
    "Eerder",
    `<a href="${link(sitePaths.run(experiment.id, before.number))}">Run ${before.number}</a> op ${escapeHtml(formatWhen(before.record.at))}`,
  ],
  [
    "Later",
    `<a href="${link(sitePaths.run(experiment.id, after.number))}">Run ${after.number}</a> op ${escapeHtml(formatWhen(after.record.at))}`,
  ],
  [
    "Wat verschilt",
    differs.length === 0
      ? "Niets: dezelfde data (vingerafdruk van de inhoud) en dezelfde code."
      : `<ul class="lab-list">${differs.map((f) => `<li>${escapeHtml(f.name)}: <span class="lab-hash">${escapeHtml(f.before ?? "–")}</span> → <span class="lab-hash">${escapeHtml(f.after ?? "–")}</span></li>`).join("")}</ul>`,
  ],
])}
<h2 class="nl-heading nl-heading--level-2">Per controle</h2>
<div class="lab-table-wrap" tabindex="0" role="region" aria-label="Per controle: run ${before.number} en run ${after.number}">
<table class="utrecht-table utrecht-table--html-table lab-table">
<caption class="utrecht-table__caption">De controles die veranderden eerst.</caption>
<thead class="utrecht-table__header"><tr><th scope="col" class="utrecht-table__header-cell">Controle</th><th scope="col" class="utrecht-table__header-cell">Soort</th><th scope="col" class="utrecht-table__header-cell">Run ${before.number}</th><th scope="col" class="utrecht-table__header-cell">Run ${after.number}</th><th scope="col" class="utrecht-table__header-cell">Verandering</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody></table></div>`;
  return renderLayout({
    path,
    title: `Run ${before.number} en run ${after.number} – ${experiment.titel}`,
    crumbs: [
      { label: "Experimenten", to: sitePaths.overview },
      { label: experiment.titel, to: sitePaths.experiment(experiment.id) },
      { label: `Run ${before.number} en ${after.number}` },
    ],
    main,
    data: dataSentence([dataNature(experiment)]),
  });
}

function renderRow(c: CheckComparison, before: RunView, after: RunView): string {
  const description =
    after.checks?.find((x) => x.id === c.id)?.description ?? before.checks?.find((x) => x.id === c.id)?.description;
  const cell = (run: RunView, side: CheckComparison["before"]) => {
    if (!side) return `<span class="lab-muted">niet in deze run</span>`;
    const full = run.checks?.find((x) => x.id === c.id);
    const measured = full ? publishableMetric(full) : "meting niet meer beschikbaar";
    return `${side.outcome ? renderSignal(outcomeSignal[side.outcome]) : "–"}<br>${escapeHtml(measured)}`;
  };
  return `<tr><td>${description ? userText(description) : ""}<br><span class="lab-muted lab-keys">${escapeHtml(c.id)}</span></td><td>${escapeHtml(c.dimension ? dimensionName(c.dimension) : "–")}</td><td>${cell(before, c.before)}</td><td>${cell(after, c.after)}</td><td>${renderSignal(changeSignal[c.change])}</td></tr>`;
}
