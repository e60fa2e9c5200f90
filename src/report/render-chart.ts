import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";

/**
 * Renders an Observable Plot chart to an SVG string without a browser, so pages and
 * notebooks can show it as static markup.
 * @example const svg = renderChart({ marks: [Plot.barX([1, 2, 3])] });
 */
export function renderChart(options: Plot.PlotOptions): string {
  const { document } = parseHTML("<!doctype html><html><body></body></html>");
  const chart = Plot.plot({ ...options, document: document as unknown as Document });
  return chart.outerHTML;
}
