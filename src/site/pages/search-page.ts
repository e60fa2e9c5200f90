import { escapeHtml, userText } from "../../report/html.js";
import { listAnswer } from "../answers.js";
import type { LabView } from "../lab-view.js";
import { analysisWords, formatWhen } from "../labels.js";
import { renderLayout } from "../layout.js";
import { relativeHref, sitePaths } from "../site-paths.js";

interface IndexEntry {
  kind: "Experiment" | "Run" | "Les";
  /** Escaped HTML of the entry, with its link. */
  html: string;
  /** What a search matches against. */
  text: string;
}

/**
 * A plain index of every experiment, run and lesson in the lab. `serve` filters it by a search
 * term (`zoeken.html?q=...`); the static site shows it whole.
 */
export function renderSearchPage(lab: LabView, search: { query?: string; form: boolean } = { form: false }): string {
  const path = sitePaths.index;
  const link = (to: string) => escapeHtml(relativeHref(path, to));
  const entries: IndexEntry[] = [];
  for (const entry of lab.experiments) {
    if (!entry.ok) continue;
    const { experiment } = entry.experiment.opened;
    entries.push({
      kind: "Experiment",
      html: `<a href="${link(sitePaths.experiment(experiment.id))}">${userText(experiment.titel)}</a> <span class="lab-muted">(${escapeHtml(experiment.template)})</span>`,
      text: `${experiment.titel} ${experiment.id} ${experiment.template}`,
    });
    for (const run of entry.experiment.runs) {
      const analysis = analysisWords(run.record.analysis.name);
      entries.push({
        kind: "Run",
        html: `<a href="${link(sitePaths.run(experiment.id, run.number))}">Run ${run.number}</a> van ${userText(experiment.titel)}: ${escapeHtml(analysis)}, ${escapeHtml(formatWhen(run.record.at))}`,
        text: `run ${run.number} ${experiment.titel} ${analysis} ${run.record.justification}`,
      });
    }
    for (const lesson of listAnswer(experiment.evaluatie, "lessen")) {
      entries.push({
        kind: "Les",
        html: `${userText(lesson)} <span class="lab-muted">(uit <a href="${link(sitePaths.experiment(experiment.id))}">${userText(experiment.titel)}</a>)</span>`,
        text: `${lesson} ${experiment.titel}`,
      });
    }
  }
  const query = search.query?.trim() ?? "";
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const found = entries.filter((e) => words.every((w) => e.text.toLowerCase().includes(w)));
  const groups = (["Experiment", "Run", "Les"] as const).map((kind) => {
    const list = found.filter((e) => e.kind === kind);
    const heading = { Experiment: "Experimenten", Run: "Runs", Les: "Lessen" }[kind];
    return `<h2 class="nl-heading nl-heading--level-2">${heading} (${list.length})</h2>
${list.length === 0 ? `<p class="nl-paragraph">Geen.</p>` : `<ul class="lab-list">${list.map((e) => `<li>${e.html}</li>`).join("\n")}</ul>`}`;
  });
  const form = search.form
    ? `<form class="lab-search" method="get" action="${link(sitePaths.index)}" role="search"><label for="zoekterm">Zoek in experimenten, runs en lessen</label> <input id="zoekterm" name="q" type="search" value="${userText(query)}"> <button type="submit">Zoeken</button></form>`
    : "";
  const main = `
<h1 class="nl-heading nl-heading--level-1">Index van het lab</h1>
${form}
${query ? `<p class="nl-paragraph">${found.length} ${found.length === 1 ? "resultaat" : "resultaten"} voor <strong>${userText(query)}</strong>.</p>` : `<p class="nl-paragraph">Alle experimenten, runs en lessen van het lab.${search.form ? "" : " Zoeken kan als u de site bekijkt met <code>livinglab serve</code>."}</p>`}
${groups.join("\n")}`;
  return renderLayout({
    path,
    title: "Index",
    crumbs: [{ label: "Experimenten", to: sitePaths.overview }, { label: "Index" }],
    main,
    data: "Deze pagina toont geen meetgegevens, alleen namen, verantwoordingen en lessen.",
  });
}
