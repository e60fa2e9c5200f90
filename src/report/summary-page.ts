import type { CheckResultRead, CheckResultsRead } from "../checks/check-results-format.js";
import { dimensionName } from "../checks/dimension-words.js";
import { publishableMetric } from "../checks/metric-unit.js";
import type { OpenedExperiment } from "../experiments/open-experiment.js";
import type { FinalApproval } from "../gates/final-summary-gate.js";
import type { GovernanceState } from "../governance/governance-state.js";
import { principleStanding } from "../governance/principle-standing.js";
import type { RunRecord } from "../runlog/run-record-schema.js";
import { describedChecksChart } from "./described-checks-chart.js";
import { failingText } from "./failing-text.js";
import { dataNature, dataSentence, glanceStyle, renderGlance } from "./glance.js";
import { escapeHtml, userText } from "./html.js";
import { summarizeDimensions } from "./quality-headline.js";
import { type ChartCheck, outcomeLabel } from "./results-chart.js";
import { signalStyle } from "./signal.js";

/** The name of the meta element that says whether a summary page is final, and of which run. */
export const SUMMARY_MARK = "livinglab-samenvatting";

/** The results a summary shows: of this run, or as a results file of any format holds them. */
type SummaryResults = Pick<CheckResultsRead, "outcome" | "checks">;

/** The principles and reviews the summary shows, and the approval that makes it final. */
export interface SummaryOptions {
  governance: GovernanceState;
  /** From approveFinalSummary, for exactly this run; without it the page is a concept. */
  approval?: FinalApproval;
}

/** The one-page summary for the business owner (opdrachtgever), in plain Dutch. */
export function renderSummaryPage(
  opened: OpenedExperiment,
  result: SummaryResults,
  run: Pick<RunRecord, "id" | "at" | "who" | "justification">,
  options: SummaryOptions,
): string {
  const approval = options.approval;
  if (approval && approval.run !== run.id)
    throw new Error(`The approval of run ${approval.run} is not for run ${run.id}`);
  const { experiment } = opened;
  const failing = result.checks.filter((c) => c.outcome !== "passed");
  const runNumber = (id: string) => {
    const index = options.governance.runs.findIndex((r) => r.record.id === id);
    return index === -1 ? undefined : index + 1;
  };
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="${SUMMARY_MARK}" content="${approval ? "definitief" : "concept"}; run=${escapeHtml(run.id)}">
<title>${userText(experiment.titel)} – samenvatting</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<p class="kicker">Big Data Living Lab · samenvatting voor de opdrachtgever</p>
<h1>${userText(experiment.titel)}</h1>
<p class="meta">Experiment <code>${escapeHtml(experiment.id)}</code> · sjabloon ${escapeHtml(experiment.template.replace("@", ", versie "))} · run van ${escapeHtml(formatWhen(run.at))} door ${userText(run.who.name.replace(/\s*<[^>]*>/g, ""))}</p>
${
  approval
    ? `<p class="final">Definitief: gereviewd door ${userText(approval.reviewer.replace(/\s*<[^>]*>/g, ""))} op ${escapeHtml(formatWhen(approval.at))}.</p>`
    : `<p class="draft">Dit is een concept. De samenvatting is pas definitief als iemand anders dan de maker deze run heeft goedgekeurd.</p>`
}

${renderGlance({
  experiment,
  governance: options.governance,
  shown: { number: runNumber(run.id) ?? options.governance.runs.length + 1, checks: result.checks },
  runNumber,
})}

<h2>Datakwaliteit per soort controle</h2>
${renderDimensionHeadlines(result.checks)}

<details class="lab-fold">
<summary>Alle ${result.checks.length} controles, met grafiek</summary>
<div class="lab-chart__wide">${describedChecksChart(result.checks, 760)}</div><div class="lab-chart__narrow">${describedChecksChart(result.checks, 350)}</div>
<p>Toelichting bij de grafiek, per controle:</p>
<ul class="alt">
${result.checks.map((c) => `<li>${escapeHtml(chartLine(c))}</li>`).join("\n")}
</ul>
${renderResultsTable(result.checks)}
</details>

<h2>Waarom deze run</h2>
<blockquote>${userText(run.justification)}</blockquote>

<h2>Uitgangspunten</h2>
<ul class="principles">
${options.governance.principles
  .map((p) => {
    const standing = principleStanding(p);
    return `<li class="status-${escapeHtml(standing.code)}"><strong>${escapeHtml(p.principle.title)}</strong> (${escapeHtml(p.principle.weighing)}): ${escapeHtml(standing.label)}. <span class="meta">${userText(standing.detail)}</span></li>`;
  })
  .join("\n")}
</ul>

<h2>Wat nog open staat</h2>
<p>${failing.length === 0 ? "Alle controles zijn in orde." : `${failing.length} controle(s) vragen aandacht: ${failing.map((c) => userText(c.description)).join(" ")}`}</p>
<footer><p>Run ${escapeHtml(run.id)} · vastgelegd in het logboek van dit experiment. ${escapeHtml(dataSentence([dataNature(experiment)]))} Aantallen onder de 5 staan er als "&lt; 5"; persoonsgegevens zijn afgeschermd.</p></footer>
</main>
</body>
</html>
`;
}

type TableCheck = ChartCheck & Pick<CheckResultRead, "description" | "dimension" | "row_count" | "technical">;

/**
 * The check results as an HTML table in Dutch: each measurement in its own unit, small
 * counts shown as "< 5".
 * @example tslab.display.html(renderResultsTable(result.checks));
 */
export function renderResultsTable(checks: readonly TableCheck[]): string {
  // On a phone the table scrolls inside its own frame, which a keyboard can reach.
  return `<div class="lab-table-wrap" tabindex="0" role="region" aria-label="De uitkomst per controle"><table>
<thead><tr><th scope="col">Controle</th><th scope="col">Soort</th><th scope="col">Uitkomst</th><th scope="col">Afwijkend</th><th scope="col">Gemeten</th></tr></thead>
<tbody>
${checks.map(checkRow).join("\n")}
</tbody>
</table></div>`;
}

function checkRow(check: TableCheck): string {
  return `<tr class="outcome-${check.outcome}"><td>${userText(check.description)}${check.technical ? `<details><summary>Technische bijlage</summary><code>${escapeHtml(check.technical)}</code></details>` : ""}</td><td>${escapeHtml(dimensionName(check.dimension))}</td><td>${escapeHtml(outcomeLabel[check.outcome])}</td><td>${escapeHtml(failingText(check))}</td><td>${escapeHtml(publishableMetric(check))}</td></tr>`;
}

/** Per quality dimension: how many checks are within their margin, and the worst one in words. */
export function renderDimensionHeadlines(checks: Parameters<typeof summarizeDimensions>[0]): string {
  const summaries = summarizeDimensions(checks);
  if (summaries.length === 0) return "<p>Er zijn geen controles uitgevoerd.</p>";
  return `<ul class="dimensions">
${summaries.map((s) => `<li class="outcome-${s.outcome}"><strong>${escapeHtml(dimensionName(s.dimension))}</strong>: ${userText(s.headline)}.</li>`).join("\n")}
</ul>`;
}

function chartLine(check: ChartCheck & Pick<CheckResultRead, "description">): string {
  return `${check.description} ${publishableMetric(check)} (${outcomeLabel[check.outcome].toLowerCase()})`;
}

function formatWhen(iso: string): string {
  return new Date(iso).toLocaleString("nl-NL", { timeZone: "Europe/Amsterdam", dateStyle: "long", timeStyle: "short" });
}

const STYLE = `${signalStyle}${glanceStyle}
body { font-family: "RijksoverheidSansWebText", Verdana, sans-serif; margin: 0; color: #000; background: #fff; line-height: 1.5; }
main { max-width: 50rem; margin: 0 auto; padding: 1rem; }
h1 { color: #154273; } h2 { color: #154273; border-bottom: 2px solid #154273; }
.kicker, .meta { color: #555; } .draft { background: #fff4dc; padding: .5rem; border-left: 4px solid #e17000; }
.answer { font-size: 1.2rem; } table { border-collapse: collapse; width: 100%; } .alt { font-size: 0.95rem; }
th, td { border-bottom: 1px solid #ccc; padding: .3rem; text-align: left; vertical-align: top; }
.dimensions { padding-left: 1.2rem; }
.livinglab-panels h2 { font-size: 1rem; border: none; margin-bottom: 0; }
.outcome-failed td:nth-child(3)::before, .status-niet_voldaan strong::before, .status-tegengesproken strong::before { content: "✗ "; color: #d52b1e; }
.outcome-warned td:nth-child(3)::before, .status-open strong::before, .status-voorgesteld strong::before { content: "! "; color: #e17000; }
.outcome-passed td:nth-child(3)::before, .status-voldaan strong::before { content: "✓ "; color: #39870c; }
blockquote { border-left: 4px solid #154273; margin: 0; padding-left: 1rem; }
svg { max-width: 100%; height: auto; }
.lab-chart__narrow { display: none; }
.lab-table-wrap { overflow-x: auto; }
@media (max-width: 40rem) { .lab-chart__wide { display: none; } .lab-chart__narrow { display: block; } }
@media print { main { max-width: none; } }
`;
