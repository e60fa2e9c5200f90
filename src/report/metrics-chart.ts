import * as Plot from "@observablehq/plot";
import { type KnownUnit, unitWords } from "../checks/metric-unit.js";
import type { RunRecord } from "../runlog/run-record-schema.js";
import { capitalized, dutchTick, unitsPresent } from "./results-chart.js";

interface Point {
  at: Date;
  metric: string;
  value: number;
  unit: KnownUnit;
}

/**
 * Chart options for the metrics of a suite over its runs: one panel per unit, each with an
 * axis that fits it (shares as percentages, counts as counts), and one line per metric. The
 * unit comes from the run record; runs logged before units were recorded go on a panel of
 * their own, "eenheid niet vastgelegd". Only runs whose `params.suite` is `suite` count, when given.
 * @example tslab.display.html(renderChart(metricsChartOptions(await readRunLog(runLogPath(om.dir)), { suite: "suite.yaml" })));
 */
export function metricsChartOptions(runs: readonly RunRecord[], options: { suite?: string } = {}): Plot.PlotOptions[] {
  const points: Point[] = runs
    .filter((r) => options.suite === undefined || r.analysis.params.suite === options.suite)
    .flatMap((r) =>
      Object.entries(r.metrics).flatMap(([metric, value]) =>
        value === null ? [] : [{ at: new Date(r.at), metric, value, unit: r.metric_units?.[metric] ?? "unrecorded" }],
      ),
    );
  const about = options.suite ? `van ${options.suite} ` : "";
  return unitsPresent(points.map((p) => p.unit)).map((unit) => {
    const words = unitWords[unit];
    const own = points.filter((p) => p.unit === unit);
    return {
      title: `${capitalized(words.name)}: uitkomsten ${about}per run`,
      marginRight: 160,
      x: { label: "Run", type: "utc" },
      y: { label: words.axis, percent: words.percent, grid: true, tickFormat: dutchTick },
      color: { legend: true },
      marks: [
        Plot.ruleY([0]),
        Plot.line(own, { x: "at", y: "value", stroke: "metric", marker: "circle" }),
        Plot.text(
          own,
          Plot.selectLast({ x: "at", y: "value", z: "metric", text: "metric", dx: 6, textAnchor: "start" }),
        ),
      ],
    };
  });
}
