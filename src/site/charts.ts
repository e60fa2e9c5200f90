import * as Plot from "@observablehq/plot";
import { escapeHtml, formatShare, MIN_CELL_SIZE } from "../report/html.js";
import { renderChart } from "../report/render-chart.js";
import type { CheckView } from "./lab-view.js";
import { dimensionText, outcomeSignal, type Signal } from "./labels.js";
import type { TrendPoint } from "./quality.js";

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
  svg: string;
  /** The text alternative: the same facts as the chart, in words. */
  text: string;
}

/** A chart with its visible title and text alternative; the SVG is one image for screen readers. */
export function renderFigure(figure: ChartFigure): string {
  const id = escapeHtml(figure.id);
  return `<figure class="utrecht-figure lab-chart" aria-labelledby="${id}-titel">
<figcaption class="utrecht-figure__caption lab-chart__title" id="${id}-titel">${escapeHtml(figure.title)}</figcaption>
<div role="img" aria-labelledby="${id}-titel" aria-describedby="${id}-tekst">${figure.svg}</div>
<p class="lab-chart__alt" id="${id}-tekst">${escapeHtml(figure.text)}</p>
</figure>`;
}

function suppressed(check: CheckView): boolean {
  return check.failing_count > 0 && check.failing_count < MIN_CELL_SIZE;
}

/** Bars: the share of failing rows per check, each labelled with its value and outcome in words. */
export function checksFigure(checks: readonly CheckView[], id = "controles"): ChartFigure {
  const rows = checks.map((c) => {
    const signal = outcomeSignal[c.outcome];
    const hidden = suppressed(c);
    return {
      name: c.id,
      share: hidden ? 0 : (c.metric ?? 0),
      colour: toneColour[signal.tone],
      label: `${hidden ? "< 5 rijen" : formatShare(c.metric)}  ${signal.symbol} ${signal.label.toLowerCase()}`,
    };
  });
  const most = Math.max(0.01, ...rows.map((r) => r.share));
  const svg = renderChart({
    width: 760,
    height: 60 + rows.length * 34,
    marginLeft: 230,
    marginRight: 170,
    style: { fontSize: "13px" },
    x: { label: "Aandeel afwijkende rijen (%) →", percent: true, grid: true, domain: [0, most], nice: true },
    y: { label: null, domain: rows.map((r) => r.name) },
    marks: [
      Plot.barX(rows, { x: "share", y: "name", fill: "colour" }),
      Plot.ruleX([0]),
      Plot.text(rows, {
        x: "share",
        y: "name",
        text: "label",
        textAnchor: "start",
        dx: 6,
        fill: "colour",
        fontWeight: "bold",
      }),
    ],
  });
  const text = `Per controle het aandeel afwijkende rijen: ${checks
    .map(
      (c) =>
        `${c.id}: ${suppressed(c) ? "minder dan 5 rijen" : formatShare(c.metric)} (${outcomeSignal[c.outcome].label.toLowerCase()})`,
    )
    .join("; ")}.`;
  return { id, title: "Hoeveel rijen wijken af, per controle", svg, text };
}

/** Lines: the score per dimension over the runs, each line with its own symbol and a name at its end. */
export function trendFigure(points: readonly TrendPoint[], id = "trend"): ChartFigure {
  const rows = points.map((p) => ({ ...p, name: dimensionText[p.dimension].name, runLabel: `run ${p.run}` }));
  const last = new Map(rows.map((r) => [r.name, r]));
  const lowest = Math.min(...rows.map((r) => r.score));
  const svg = renderChart({
    width: 760,
    height: 320,
    marginRight: 140,
    marginLeft: 60,
    style: { fontSize: "13px" },
    x: { label: "Run →", type: "point", domain: [...new Set(rows.map((r) => r.runLabel))], padding: 0.3 },
    y: {
      label: "↑ In orde (%)",
      percent: true,
      grid: true,
      domain: [Math.max(0, Math.floor(lowest * 100 - 1) / 100), 1],
    },
    symbol: { legend: false },
    marks: [
      Plot.line(rows, { x: "runLabel", y: "score", z: "name", stroke: "#154273", strokeOpacity: 0.6 }),
      Plot.dot(rows, { x: "runLabel", y: "score", symbol: "name", stroke: "#154273", fill: "#154273", r: 5 }),
      Plot.text([...last.values()], { x: "runLabel", y: "score", text: "name", textAnchor: "start", dx: 10 }),
    ],
  });
  const byDimension = [...new Set(rows.map((r) => r.name))].map(
    (name) =>
      `${name}: ${rows
        .filter((r) => r.name === name)
        .map((r) => `${r.runLabel} ${formatShare(r.score)}`)
        .join(", ")}`,
  );
  return {
    id,
    title: "Hoe de datakwaliteit zich ontwikkelt over de runs",
    svg,
    text: `Aandeel rijen in orde per soort controle. ${byDimension.join("; ")}.`,
  };
}
