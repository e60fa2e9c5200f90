import * as Plot from "@observablehq/plot";
import { drawableMetric, publishableMetric } from "../checks/metric-unit.js";
import { escapeHtml, formatShare } from "../report/html.js";
import { labelledBars } from "../report/labelled-bars.js";
import { findingText } from "../report/quality-headline.js";
import { renderChart } from "../report/render-chart.js";
import { unitAxis, unitsPresent } from "../report/results-chart.js";
import type { CheckView } from "./lab-view.js";
import { dimensionText, normSignal, outcomeSignal, type Signal } from "./labels.js";
import type { DimensionScore, TrendPoint } from "./quality.js";

const toneColour: Record<Signal["tone"], string> = {
  good: "#1f6e1f",
  warn: "#8a4b00",
  bad: "#b3151d",
  neutral: "#545454",
};

export interface ChartFigure {
  /** Unique within the page, for the aria references. */
  id: string;
  title: string;
  /** Drawn for a screen of 62rem: text at 13 to 14 px. */
  svg: string;
  /** The same facts drawn for a phone (350 px wide, labels inside the drawing), shown below 40rem. */
  narrowSvg: string;
  /** The text alternative: the same facts as the chart, in words. */
  text: string;
}

/** A chart with its visible title and text alternative; the SVG is one image for screen readers. */
export function renderFigure(figure: ChartFigure): string {
  const id = escapeHtml(figure.id);
  return `<figure class="utrecht-figure lab-chart" aria-labelledby="${id}-titel">
<figcaption class="utrecht-figure__caption lab-chart__title" id="${id}-titel">${escapeHtml(figure.title)}</figcaption>
<div role="img" aria-labelledby="${id}-titel" aria-describedby="${id}-tekst"><div class="lab-chart__wide">${withoutInnerLabels(figure.svg)}</div><div class="lab-chart__narrow">${withoutInnerLabels(figure.narrowSvg)}</div></div>
<p class="lab-chart__alt" id="${id}-tekst">${escapeHtml(figure.text)}</p>
</figure>`;
}

/** Plot labels its mark groups; inside one image those labels are not allowed and not needed. */
function withoutInnerLabels(svg: string): string {
  return svg.replace(/\saria-(?:label|description)="[^"]*"/g, "");
}

/** Stacked bars: per dimension how many checks are within their margin, outside it, or not judged. */
export function dimensionsFigure(scores: readonly DimensionScore[], id = "dimensies"): ChartFigure {
  const parts = [
    { key: "within", label: "binnen de marge", tone: "good" },
    { key: "outside", label: "buiten de marge", tone: "bad" },
    { key: "notEvaluated", label: "niet beoordeeld", tone: "neutral" },
  ] as const;
  const names = scores.map((s) => dimensionText[s.dimension].name);
  const segments = scores.flatMap((s) =>
    parts.map((part) => ({
      name: dimensionText[s.dimension].name,
      part: part.label,
      checks: s[part.key],
      colour: toneColour[part.tone],
    })),
  );
  const labels = scores.map((s) => {
    const signal = normSignal[s.outcome];
    return {
      name: dimensionText[s.dimension].name,
      checks: s.checks,
      colour: toneColour[signal.tone],
      text: `${s.within} van ${s.checks}  ${signal.symbol} ${signal.label.toLowerCase()}`,
    };
  });
  const svg = renderChart({
    width: 760,
    height: 60 + scores.length * 40,
    marginLeft: 140,
    marginRight: 230,
    style: { fontSize: "14px" },
    x: { label: "Aantal controles →", grid: true, nice: true, tickFormat: "d" },
    y: { label: null, domain: names },
    marks: [
      Plot.barX(segments, { x: "checks", y: "name", fill: "colour", stroke: "white" }),
      Plot.ruleX([0]),
      Plot.text(labels, {
        x: "checks",
        y: "name",
        text: "text",
        textAnchor: "start",
        dx: 6,
        fill: "colour",
        fontWeight: "bold",
      }),
    ],
  });
  const text = `Per soort controle hoeveel controles binnen de marge blijven (groen), erbuiten vallen (rood) of niet zijn beoordeeld (grijs): ${scores
    .map((s) => `${dimensionText[s.dimension].name}: ${s.headline}`)
    .join("; ")}.`;
  // On a phone the count and the outcome go under the name, on the axis, so nothing runs past the edge.
  const narrowLabels = labels.map((l) => ({ ...l, line: `${l.name}: ${l.text.replace(/\s+/g, " ")}` }));
  const narrowSvg = renderChart({
    width: 350,
    height: 50 + scores.length * 52,
    marginLeft: 10,
    marginRight: 10,
    marginTop: 10,
    style: { fontSize: "14px" },
    x: { label: "Aantal controles →", grid: true, nice: true, tickFormat: "d" },
    fy: { label: null, axis: null, domain: names, padding: 0.1 },
    y: { axis: null },
    marks: [
      Plot.barX(segments, { x: "checks", fy: "name", fill: "colour", stroke: "white", insetTop: 20 }),
      Plot.text(narrowLabels, {
        fy: "name",
        frameAnchor: "top-left",
        text: "line",
        fill: "colour",
        fontWeight: "bold",
        dy: 2,
      }),
    ],
  });
  return { id, title: "Hoeveel controles blijven binnen de marge, per soort controle", svg, narrowSvg, text };
}

/**
 * Bars: the checks outside their margin, one panel per unit with an axis that fits it
 * (shares in percent, counts as counts), each bar labelled with its value and outcome in words.
 */
export function checksFigure(all: readonly CheckView[], id = "controles"): ChartFigure | undefined {
  const checks = all.filter((c) => (c.outcome === "failed" || c.outcome === "warned") && c.metric !== null);
  if (checks.length === 0) return undefined;
  const others = all.length - checks.length;
  const panelsAt = (width: number) =>
    unitsPresent(checks.map((c) => c.unit)).map((unit) => {
      const rows = checks
        .filter((c) => c.unit === unit)
        .sort((a, b) => (b.metric ?? 0) - (a.metric ?? 0))
        .map((c, order) => {
          const signal = outcomeSignal[c.outcome];
          return {
            key: String(order),
            value: drawableMetric(c) ?? 0,
            colour: toneColour[signal.tone],
            label: `${c.description} ${publishableMetric(c)} ${signal.symbol} ${signal.label.toLowerCase()}`,
          };
        });
      return labelledBars(rows, {
        width,
        x: unitAxis(
          unit,
          rows.map((r) => r.value),
        ),
      });
    });
  const text = `${others > 0 ? `${others} controles zijn in orde of niet beoordeeld en staan niet in de grafiek. ` : ""}Per controle buiten de marge wat er is gemeten: ${checks
    .map((c) => `${findingText(c)} (${outcomeSignal[c.outcome].label.toLowerCase()})`)
    .join("; ")}.`;
  return {
    id,
    title: "De controles die buiten de marge vallen, elk in de eenheid van zijn meting",
    svg: panelsAt(760).join("\n"),
    narrowSvg: panelsAt(350).join("\n"),
    text,
  };
}

/** Lines: per dimension the share of its checks within their margin over the runs, each line with its own symbol and a name at its end. */
export function trendFigure(points: readonly TrendPoint[], id = "trend"): ChartFigure {
  const rows = points.map((p) => ({
    ...p,
    name: dimensionText[p.dimension].name,
    runLabel: `run ${p.run}`,
    percent: p.share * 100,
  }));
  const lowest = Math.max(0, Math.floor(Math.min(...rows.map((r) => r.percent)) - 0.5));
  const labels = spreadLabels([...new Map(rows.map((r) => [r.name, r])).values()], (100 - lowest) * 0.06);
  const drawAt = (width: number) =>
    renderChart({
      width,
      height: 320,
      marginRight: width < 500 ? 140 : 150,
      marginLeft: width < 500 ? 40 : 60,
      style: { fontSize: "13px" },
      x: { label: null, type: "point", domain: [...new Set(rows.map((r) => r.runLabel))], padding: 0.3 },
      y: { label: "↑ Controles binnen de marge (%)", grid: true, domain: [lowest, 100] },
      color: { domain: [...new Set(rows.map((r) => r.name))], range: lineColours },
      marks: [
        Plot.line(rows, { x: "runLabel", y: "percent", z: "name", stroke: "name", strokeWidth: 2 }),
        Plot.dot(rows, { x: "runLabel", y: "percent", symbol: "name", stroke: "name", fill: "name", r: 5 }),
        Plot.text(labels, {
          x: "runLabel",
          y: "labelAt",
          text: "name",
          fill: "name",
          textAnchor: "start",
          dx: 12,
          fontWeight: "bold",
        }),
      ],
    });
  const byDimension = [...new Set(rows.map((r) => r.name))].map(
    (name) =>
      `${name}: ${rows
        .filter((r) => r.name === name)
        .map((r) => `${r.runLabel} ${r.within} van ${r.judged} (${formatShare(r.share)})`)
        .join(", ")}`,
  );
  return {
    id,
    title: "Hoe de datakwaliteit zich ontwikkelt over de runs",
    svg: drawAt(760),
    narrowSvg: drawAt(350),
    text: `Per soort controle het deel van de beoordeelde controles dat binnen de marge blijft, per run. ${byDimension.join("; ")}.`,
  };
}

const lineColours = ["#154273", "#8a4b00", "#1f6e1f", "#6c2a80", "#b3151d", "#00606b", "#545454", "#7a5c00", "#2d2d8f"];

/** Moves end-of-line labels apart so that lines that end close together stay readable. */
function spreadLabels<T extends { percent: number }>(
  labels: readonly T[],
  gap: number,
): Array<T & { labelAt: number }> {
  const sorted = [...labels].sort((a, b) => b.percent - a.percent);
  const placed: Array<T & { labelAt: number }> = [];
  for (const label of sorted) {
    const above = placed.at(-1)?.labelAt;
    placed.push({ ...label, labelAt: above === undefined ? label.percent : Math.min(label.percent, above - gap) });
  }
  return placed;
}
