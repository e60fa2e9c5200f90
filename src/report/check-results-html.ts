import type { SuiteResult } from "../checks/check-result.js";
import { escapeHtml } from "./html.js";
import { renderChart } from "./render-chart.js";
import { resultsChartOptions } from "./results-chart.js";
import { renderDimensionHeadlines, renderResultsTable } from "./summary-page.js";

/**
 * The results of a suite as one HTML block: a sentence, the headline per quality dimension,
 * the charts (one panel per unit) and the table.
 * @example tslab.display.html(renderCheckResults(run.result));
 */
export function renderCheckResults(result: SuiteResult): string {
  const count = (outcome: string) => result.checks.filter((c) => c.outcome === outcome).length;
  const sentence = `Suite ${result.suite} op ${result.engine} (peildatum ${result.reference_date}): ${count("passed")} in orde, ${count("warned")} let op, ${count("failed")} niet in orde, ${count("not_evaluated")} niet beoordeeld.`;
  return `<div class="livinglab-results">
<p>${escapeHtml(sentence)}</p>
${renderDimensionHeadlines(result.checks)}
${renderChart(resultsChartOptions(result.checks))}
${renderResultsTable(result.checks)}
</div>`;
}
