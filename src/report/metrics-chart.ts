import * as Plot from "@observablehq/plot";
import type { RunRecord } from "../runlog/run-record-schema.js";

interface Point {
  at: Date;
  metric: string;
  value: number;
}

/**
 * Chart options for the metrics of a suite over its runs: one line per check, the share of
 * failing rows per run. Only finished runs whose `params.suite` is `suite` count, when given.
 * @example tslab.display.html(renderChart(metricsChartOptions(await readRunLog(runLogPath(om.dir)), { suite: "suite.yaml" })));
 */
export function metricsChartOptions(runs: readonly RunRecord[], options: { suite?: string } = {}): Plot.PlotOptions {
  const points: Point[] = runs
    .filter((r) => options.suite === undefined || r.analysis.params.suite === options.suite)
    .flatMap((r) =>
      Object.entries(r.metrics).flatMap(([metric, value]) =>
        value === null ? [] : [{ at: new Date(r.at), metric, value }],
      ),
    );
  return {
    title: options.suite ? `Uitkomsten van ${options.suite} per run` : "Uitkomsten per run",
    marginRight: 160,
    x: { label: "Run", type: "utc" },
    y: { label: "Aandeel afwijkende rijen (%)", percent: true, grid: true },
    color: { legend: true },
    marks: [
      Plot.ruleY([0]),
      Plot.line(points, { x: "at", y: "value", stroke: "metric", marker: "circle" }),
      Plot.text(
        points,
        Plot.selectLast({ x: "at", y: "value", z: "metric", text: "metric", dx: 6, textAnchor: "start" }),
      ),
    ],
  };
}
