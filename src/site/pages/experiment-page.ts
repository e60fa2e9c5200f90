import { principleStanding } from "../../governance/principle-standing.js";
import { criterionText } from "../../governance/success-criteria.js";
import { dataNature, dataSentence, renderGlance } from "../../report/glance.js";
import { escapeHtml, userText } from "../../report/html.js";
import { findingText, worstCheck, worstFirst } from "../../report/quality-headline.js";
import { sectionIds } from "../../templates/template-schema.js";
import { listAnswer, opdrachtgeverOf, renderAnswer } from "../answers.js";
import { dimensionsFigure, renderFigure, trendFigure } from "../charts.js";
import {
  renderDimensionScores,
  renderFacts,
  renderFold,
  renderPrincipleLights,
  renderSignal,
  renderUserList,
} from "../components.js";
import { type DatasetView, datasetsOf } from "../dataset-views.js";
import { experimentStatus, latestCheckedRun, resultsUnavailable, summaryState } from "../experiment-state.js";
import type { ExperimentView, RunView } from "../lab-view.js";
import { analysisWords, displayName, formatWhen, outcomeSignal } from "../labels.js";
import { renderLayout } from "../layout.js";
import { scoreDimensions, trendOverRuns } from "../quality.js";
import { RUNS_PER_PAGE, relativeHref, sitePaths } from "../site-paths.js";
import { RUNS_ON_EXPERIMENT_PAGE, renderRunsTable, runListPages } from "./runs-page.js";

/** The trend chart shows at most this many of the latest runs with results. */
const TREND_RUNS = 20;

/** The business owner's page: question, answer, reliability, safeguards, what is open, who reviewed. */
export function renderExperimentPage(view: ExperimentView, options: { pdf: boolean } = { pdf: false }): string {
  const { experiment } = view.opened;
  const path = sitePaths.experiment(experiment.id);
  const link = (to: string) => escapeHtml(relativeHref(path, to));
  const shown = latestCheckedRun(view);
  const datasets = datasetsOf(view);
  const main = `
<h1 class="nl-heading nl-heading--level-1">${userText(experiment.titel)}<span class="lab-kicker"> – samenvatting voor de opdrachtgever</span></h1>
${renderState(view)}
${renderGlance({
  experiment,
  governance: view.governance,
  ...(shown && { shown: { number: shown.number, checks: shown.checks } }),
  runNumber: (id) => view.runs.find((r) => r.record.id === id)?.number,
  runHref: (number) => relativeHref(path, sitePaths.run(experiment.id, number)),
})}
${renderProblems(view)}
${renderFacts([
  ["Opdrachtgever", userText(opdrachtgeverOf(experiment))],
  ["Stand van zaken", escapeHtml(experimentStatus(view))],
  ["Auteur", userText(experiment.auteur)],
  [
    "Laatste uitkomst",
    shown
      ? `<a href="${link(sitePaths.run(experiment.id, shown.number))}">Run ${shown.number}</a> (${escapeHtml(analysisWords(shown.record.analysis.name))}) op ${escapeHtml(formatWhen(shown.record.at))}${shown.outcome ? ` · ${renderSignal(outcomeSignal[shown.outcome])}` : ""}`
      : "Nog geen run met controles",
  ],
  [
    "Sjabloon",
    `<a href="${link(sitePaths.templates)}">${escapeHtml(experiment.template.replace("@", ", versie "))}</a>`,
  ],
])}
${options.pdf ? `<p class="nl-paragraph lab-no-print"><a href="${link(sitePaths.pdf(experiment.id))}">Deze samenvatting als PDF (A4)</a></p>` : ""}
${typeof experiment.doel.doel === "string" ? `<p class="nl-paragraph"><strong>Doel:</strong> ${userText(experiment.doel.doel)}</p>` : ""}

<h2 class="nl-heading nl-heading--level-2">Het antwoord tot nu toe</h2>
${renderAnswerSoFar(shown)}

<h2 class="nl-heading nl-heading--level-2">Hoe betrouwbaar is het antwoord?</h2>
${renderReliability(view)}

<h2 class="nl-heading nl-heading--level-2">Waarborgen</h2>
${renderSafeguards(view)}

<h2 class="nl-heading nl-heading--level-2">Wat nog open staat</h2>
${renderOpen(view)}

<h2 class="nl-heading nl-heading--level-2">Wie heeft het beoordeeld?</h2>
${renderReviews(view)}

${renderPublications(view)}
<h2 class="nl-heading nl-heading--level-2">Runs</h2>
${renderLatestRuns(view, path, link)}

<h2 class="nl-heading nl-heading--level-2">Data</h2>
${renderDatasets(datasets, link)}

${renderFold("Het experiment in detail: alle antwoorden", renderAllAnswers(view, datasets, link))}
`;
  return renderLayout({
    path,
    title: experiment.titel,
    crumbs: [{ label: "Experimenten", to: sitePaths.overview }, { label: experiment.titel }],
    main,
    data: dataSentence([dataNature(experiment)]),
  });
}

function renderState(view: ExperimentView): string {
  const state = summaryState(view);
  if (state.final) {
    return `<div class="lab-state lab-state--final" role="note"><p>${renderSignal({ label: "Definitief", symbol: "✓", tone: "good" })} Beoordeeld door ${userText(displayName(state.review.who))} op ${escapeHtml(formatWhen(state.review.at))}. U kunt op deze samenvatting handelen.</p></div>`;
  }
  return `<div class="lab-state lab-state--draft" role="note"><p>${renderSignal({ label: "Concept – nog niet definitief", symbol: "!", tone: "warn" })} ${escapeHtml(state.reason)} Handel nog niet op deze uitkomsten.</p></div>`;
}

function renderProblems(view: ExperimentView): string {
  const mismatched = view.runs.filter((r) => r.results === "mismatch");
  const lines = [
    ...view.problems.map((p) => `${p.message}${p.hint ? ` ${p.hint}` : ""}`),
    ...mismatched.slice(-5).map((r) => resultsUnavailable(r) ?? ""),
    ...(mismatched.length > 5 ? [`En bij nog ${mismatched.length - 5} oudere runs.`] : []),
  ];
  if (lines.length === 0) return "";
  return `<div class="utrecht-alert utrecht-alert--error lab-state" role="alert"><p class="lab-state__title">Een deel van dit experiment kon niet worden gelezen</p>
${renderUserList(lines)}</div>`;
}

function renderAnswerSoFar(lastRun: RunView | undefined): string {
  if (!lastRun)
    return `<p class="lab-answer">Er is nog geen antwoord: het experiment heeft nog geen controles uitgevoerd.</p>`;
  const checks = lastRun.checks;
  if (!checks) {
    return `<p class="lab-answer">Volgens het logboek eindigde de laatste run met: ${renderSignal(outcomeSignal[lastRun.outcome ?? "not_evaluated"])}. ${escapeHtml(resultsUnavailable(lastRun) ?? "")}</p>`;
  }
  const passed = checks.filter((c) => c.outcome === "passed").length;
  const failed = checks.filter((c) => c.outcome === "failed" || c.outcome === "warned");
  const worst = worstCheck(checks);
  const sentence =
    failed.length === 0
      ? `Alle ${checks.length} controles zijn in orde. De data is goed genoeg voor dit gebruik, voor zover de controles dat meten.`
      : `Van de ${checks.length} controles ${passed === 1 ? "is" : "zijn"} er ${passed} in orde en ${failed.length} niet. De data is dus nog niet goed genoeg voor dit gebruik.`;
  const biggest = worst ? ` Het slechtst: ${userText(findingText(worst))}.` : "";
  return `<p class="lab-answer">${escapeHtml(sentence)}${biggest}</p>`;
}

function renderReliability(view: ExperimentView): string {
  const lastRun = latestCheckedRun(view);
  const checks = lastRun?.checks ?? [];
  const trend = trendOverRuns(view.runs.filter((r) => r.checks !== undefined).slice(-TREND_RUNS));
  const runsWithScores = new Set(trend.map((p) => p.run)).size;
  const outside = checks.filter((c) => c.outcome === "failed" || c.outcome === "warned").length;
  const criteria = listAnswer(view.opened.experiment.evaluatie, "succescriteria");
  return `<h3 class="nl-heading nl-heading--level-3">Datakwaliteit per soort controle</h3>
<p class="nl-paragraph">Per soort controle hoeveel controles binnen de vooraf vastgelegde marge blijven, en welke het verst erbuiten valt, bij de laatste run met controles${lastRun ? ` (run ${lastRun.number})` : ""}.</p>
${lastRun && !lastRun.checks ? `<p class="nl-paragraph">${escapeHtml(resultsUnavailable(lastRun) ?? "")}</p>` : renderDimensionScores(scoreDimensions(checks))}
${checks.length > 0 ? renderFigure(dimensionsFigure(scoreDimensions(checks))) : ""}
<h3 class="nl-heading nl-heading--level-3">Toelaatbare foutmarges</h3>
${typeof view.opened.experiment.evaluatie.foutmarges === "string" ? `<p class="nl-paragraph">Vooraf vastgelegd: ${userText(view.opened.experiment.evaluatie.foutmarges)}</p>` : ""}
<p class="nl-paragraph">${
    checks.length === 0
      ? "Nog niet gemeten."
      : outside === 0
        ? `Alle ${checks.length} controles blijven binnen de foutmarge die vooraf is vastgelegd.`
        : `${outside} van de ${checks.length} controles ${outside === 1 ? "valt" : "vallen"} buiten de foutmarge die vooraf is vastgelegd. De tabel bij de <a href="${escapeHtml(relativeHref(sitePaths.experiment(view.opened.experiment.id), sitePaths.run(view.opened.experiment.id, lastRun?.number ?? 0)))}">laatste run</a> laat per controle de marge en de meting zien.`
  }</p>
<h3 class="nl-heading nl-heading--level-3">Ontwikkeling over de runs</h3>
${runsWithScores >= 2 ? renderFigure(trendFigure(trend)) : `<p class="nl-paragraph">Een ontwikkeling is te zien vanaf twee runs. Er ${view.runs.length === 1 ? "is nu één run" : `zijn nu ${view.runs.length} runs`}.</p>`}
<h3 class="nl-heading nl-heading--level-3">Succescriteria</h3>
${renderMeasuredCriteria(view)}
${
  criteria.length === 0
    ? `<p class="nl-paragraph">Er zijn geen succescriteria in woorden vastgelegd.</p>`
    : `<p class="nl-paragraph">In woorden, vooraf vastgelegd. Of ze gehaald zijn, stelt de beoordelaar vast bij de review${summaryState(view).final ? "" : "; die review is er nog niet"}.</p>
${renderUserList(criteria)}`
}`;
}

/** The criteria the tool measures itself, against what it measured. */
function renderMeasuredCriteria(view: ExperimentView): string {
  const measured = view.governance.criteria;
  if (measured.length === 0) return "";
  const percent = (v: number) => `${v.toLocaleString("nl-NL", { maximumFractionDigits: 1 })}%`;
  return `<ul class="lab-list">\n${measured
    .map((c) => {
      const signal =
        c.met === null
          ? { label: "Nog niet gemeten", symbol: "–", tone: "neutral" as const }
          : c.met
            ? { label: "Gehaald", symbol: "✓", tone: "good" as const }
            : { label: "Niet gehaald", symbol: "✗", tone: "bad" as const };
      return `<li>${renderSignal(signal)} ${escapeHtml(criterionText(c.measure))}: minstens ${escapeHtml(percent(c.atLeast))}${c.measured === null ? "" : `, gemeten ${escapeHtml(percent(c.measured))}`}</li>`;
    })
    .join("\n")}\n</ul>`;
}

function renderSafeguards(view: ExperimentView): string {
  const { experiment } = view.opened;
  const settled = view.governance.principles.filter((p) => {
    const code = principleStanding(p).code;
    return code === "voldaan" || code === "niet_van_toepassing";
  });
  const notFor = listAnswer(experiment.doel, "niet_voor");
  const review = experiment.evaluatie.menselijke_beoordeling;
  return `<p class="nl-paragraph">De tien uitgangspunten voor experimenteren met big data, gegroepeerd naar de afweging: mag het, kan het en is het wenselijk? Een uitgangspunt is pas geregeld als het besluit in het logboek staat; wat de tool zelf meet, staat erbij.</p>
${renderPrincipleLights(view.governance, 3)}
${
  settled.length > 0
    ? `<h3 class="nl-heading nl-heading--level-3">Wat is geregeld</h3><ul class="lab-list">${settled
        .map((p) => {
          const evidence = p.evidence.findings.filter((f) => f.verdict === "supports").map((f) => f.text);
          return `<li><strong>${escapeHtml(p.principle.title)}:</strong> ${userText(p.decision?.toelichting ?? "")} <span class="lab-muted">${userText(principleStanding(p).detail)}${evidence.length > 0 ? ` Gemeten: ${userText(evidence.join(" "))}` : ""}</span></li>`;
        })
        .join("\n")}</ul>`
    : ""
}
${renderDestructions(view)}
${notFor.length > 0 ? `<h3 class="nl-heading nl-heading--level-3">Waarvoor de uitkomsten níet worden gebruikt</h3>${renderUserList(notFor)}` : ""}
${typeof review === "string" ? `<h3 class="nl-heading nl-heading--level-3">Menselijke beoordeling</h3><p class="nl-paragraph">${userText(review)}</p>` : ""}`;
}

function renderDestructions(view: ExperimentView): string {
  const { destructions } = view.governance;
  if (destructions.length === 0) return "";
  return `<h3 class="nl-heading nl-heading--level-3">Vernietigde data</h3><ul class="lab-list">${destructions
    .map(
      (d) =>
        `<li>${d.files.length === 1 ? "1 bestand" : `${d.files.length} bestanden`} vernietigd op ${escapeHtml(formatWhen(d.at))} door ${userText(displayName(d.who))}: ${userText(d.reason)} Een run op dezelfde data wordt geweigerd.</li>`,
    )
    .join("\n")}</ul>`;
}

function renderOpen(view: ExperimentView): string {
  const { experiment } = view.opened;
  const items: string[] = [];
  for (const p of view.governance.principles) {
    const standing = principleStanding(p);
    const title = `<strong>${escapeHtml(p.principle.title)}</strong>`;
    if (standing.code === "open") items.push(`${title} (nog open): ${escapeHtml(p.principle.question)}`);
    if (standing.code === "voorgesteld")
      items.push(`${title} (${escapeHtml(standing.label)}): de ${escapeHtml(p.principle.owner)} moet nog besluiten.`);
    if (standing.code === "niet_voldaan")
      items.push(`${title} (niet voldaan): ${userText(p.decision?.toelichting ?? "")}`);
    if (standing.code === "tegengesproken") items.push(`${title} (tegengesproken): ${userText(standing.detail)}`);
  }
  const lastRun = latestCheckedRun(view);
  const checks = lastRun?.checks ?? [];
  const failing = worstFirst(checks);
  if (lastRun && failing.length > 0) {
    const most = failing.slice(0, 3).map((c) => userText(findingText(c)));
    const runLink = escapeHtml(
      relativeHref(sitePaths.experiment(experiment.id), sitePaths.run(experiment.id, lastRun.number)),
    );
    items.push(
      `<strong>Controles niet in orde:</strong> ${failing.length} van de ${checks.length}. Het meest bij: ${most.join("; ")}. Alle controles staan bij <a href="${runLink}">run ${lastRun.number}</a>.`,
    );
  }
  if (!summaryState(view).final)
    items.push(
      "<strong>Review:</strong> iemand anders dan de maker moet de uitkomsten van de laatste run nog goedkeuren.",
    );
  if (items.length === 0) return `<p class="nl-paragraph">Er staat niets meer open.</p>`;
  return `<ul class="lab-list">\n${items.map((i) => `<li>${i}</li>`).join("\n")}\n</ul>`;
}

function renderReviews(view: ExperimentView): string {
  if (view.reviews.length === 0)
    return `<p class="nl-paragraph">Nog niemand. Zolang niemand de laatste run heeft goedgekeurd, is deze samenvatting een concept.</p>`;
  const runNumber = (id: string | undefined) => view.runs.find((r) => r.record.id === id)?.number;
  return `<ul class="lab-list">\n${view.reviews
    .map((r) => {
      const signal = !r.inForce
        ? {
            label: r.verdict === "goedgekeurd" ? "Goedkeuring telt niet" : "Afkeuring telt niet",
            symbol: "–",
            tone: "neutral" as const,
          }
        : r.verdict === "goedgekeurd"
          ? { label: "Goedgekeurd", symbol: "✓", tone: "good" as const }
          : { label: userText(r.verdict), symbol: "✗", tone: "bad" as const };
      const number = runNumber(r.runId);
      const what = r.runId ? (number ? `run ${number}` : "een run") : "het plan";
      return `<li>${renderSignal(signal)} ${escapeHtml(what)}, door ${userText(displayName(r.who))} op ${escapeHtml(formatWhen(r.at))}${r.note ? `: ${userText(r.note)}` : ""}${r.void ? ` <span class="lab-muted">${userText(r.void)}</span>` : ""}</li>`;
    })
    .join("\n")}\n</ul>`;
}

function renderLatestRuns(view: ExperimentView, path: string, link: (to: string) => string): string {
  if (view.runs.length === 0) return `<p class="nl-paragraph">Er zijn nog geen runs.</p>`;
  const latest = view.runs.slice(-RUNS_ON_EXPERIMENT_PAGE);
  const caption =
    latest.length === view.runs.length
      ? "Elke run staat met zijn verantwoording in het logboek; de nieuwste eerst."
      : `De nieuwste ${latest.length} van de ${view.runs.length} runs; elke run staat met zijn verantwoording in het logboek.`;
  const all =
    view.runs.length > latest.length
      ? `<p class="nl-paragraph"><a href="${link(sitePaths.runs(view.opened.experiment.id, runListPages(view)))}">Alle ${view.runs.length} runs</a>, ${RUNS_PER_PAGE} per pagina, van de nieuwste naar de oudste.</p>`
      : "";
  return `${renderRunsTable(view, latest, path, caption)}\n${all}`;
}

/** Each dataset with where it came from, whether it holds personal data, and a link to its datasheet. */
function renderDatasets(datasets: readonly DatasetView[], link: (to: string) => string): string {
  if (datasets.length === 0)
    return `<p class="nl-paragraph">Het experiment legt geen datasets vast, en geen run heeft data gelezen.</p>`;
  const cards = datasets.map((d) => {
    const declared = d.declared;
    const nature = declared
      ? `${declared.personal ? "Met persoonsgegevens" : "Zonder persoonsgegevens"}, ${declared.synthetic ? "synthetisch" : "echte data"}.`
      : "Niet vastgelegd bij de gegevens van het experiment.";
    const runs = d.runCount;
    return `<li class="lab-record"><a href="${link(d.path)}">Dataset ${userText(d.name)}</a><br>${declared?.source ? `${userText(declared.source)}<br>` : ""}<span class="lab-muted">${escapeHtml(nature)} ${escapeHtml(runs === 0 ? "Nog door geen run gelezen." : runs === 1 ? "Door 1 run gelezen." : `Door ${runs} runs gelezen.`)}</span></li>`;
  });
  return `<p class="nl-paragraph">Per dataset een datasheet: wat het is, waar het vandaan komt, de kolommen en wat ze betekenen, en welke runs het lazen.</p>
<ul class="lab-records">
${cards.join("\n")}
</ul>`;
}

function renderAllAnswers(
  view: ExperimentView,
  datasets: readonly DatasetView[],
  link: (to: string) => string,
): string {
  const { experiment, template } = view.opened;
  // The declared datasets link to their datasheets, by the name the experiment gives them.
  const rowLink = (row: Record<string, unknown>) => {
    const dataset = datasets.find((d) => d.declared && d.name === String(row.naam ?? "?"));
    return dataset && { href: link(dataset.path), label: "Datasheet" };
  };
  return sectionIds
    .filter((id) => id !== "principes")
    .map((id) => {
      const section = template.sections[id];
      const answers = experiment[id];
      const items = section.questions.map(
        (q) =>
          `<dt class="utrecht-data-list__item-key">${escapeHtml(q.label)}</dt><dd class="utrecht-data-list__item-value">${renderAnswer(q, answers[q.id], id === "data" && q.id === "datasets" ? { rowLink } : {})}</dd>`,
      );
      return `<h3 class="nl-heading nl-heading--level-3">${escapeHtml(section.title)}</h3>
<dl class="utrecht-data-list lab-facts">
${items.join("\n")}
</dl>`;
    })
    .join("\n");
}

function renderPublications(view: ExperimentView): string {
  if (view.publications.length === 0) return "";
  return `<h3 class="nl-heading nl-heading--level-3">Gepubliceerd</h3>
<ul class="lab-list">
${view.publications
  .map(
    (p) =>
      `<li>${userText(p.file)} aan ${userText(p.to)}, door ${userText(displayName(p.who))} op ${escapeHtml(formatWhen(p.at))}</li>`,
  )
  .join("\n")}
</ul>`;
}
