import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";

/**
 * Renders an Observable Plot chart to an SVG string without a browser, so pages and
 * notebooks can show it as static markup. A list of charts (one panel per unit) renders as
 * the panels one below the other.
 * @example const svg = renderChart({ marks: [Plot.barX([1, 2, 3])] });
 */
export function renderChart(options: Plot.PlotOptions | readonly Plot.PlotOptions[]): string {
  if (isList(options)) {
    return `<div class="livinglab-panels">\n${options.map((panel) => renderChart(panel)).join("\n")}\n</div>`;
  }
  const { document } = parseHTML("<!doctype html><html><body></body></html>");
  const chart = Plot.plot({ ...options, document: document as unknown as Document });
  return chart.outerHTML;
}

function isList(options: Plot.PlotOptions | readonly Plot.PlotOptions[]): options is readonly Plot.PlotOptions[] {
  return Array.isArray(options);
}
