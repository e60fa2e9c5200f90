import * as Plot from "@observablehq/plot";
import { escapeHtml, formatFailingShare, formatShare, isNearlyAll, isSuppressed } from "../report/html.js";
import { renderChart } from "../report/render-chart.js";
import type { CheckView } from "./lab-view.js";
import { dimensionText, normSignal, outcomeSignal, type Signal } from "./labels.js";
import { countsRows, type DimensionScore, failingShareOf, type TrendPoint } from "./quality.js";

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
<div role="img" aria-labelledby="${id}-titel" aria-describedby="${id}-tekst">${withoutInnerLabels(figure.svg)}</div>
<p class="lab-chart__alt" id="${id}-tekst">${escapeHtml(figure.text)}</p>
</figure>`;
}

/** Plot labels its mark groups; inside one image those labels are not allowed and not needed. */
function withoutInnerLabels(svg: string): string {
  return svg.replace(/\saria-(?:label|description)="[^"]*"/g, "");
}

function suppressed(check: CheckView): boolean {
  return isSuppressed(check.failing_count, check.row_count);
}

/** The share a bar may show: none for a few rows, all for nearly all, so no suppressed count shows. */
function shownShare(check: CheckView): number {
  if (isNearlyAll(check.failing_count, check.row_count)) return 1;
  return suppressed(check) ? 0 : (failingShareOf(check) ?? 0);
}

function shownShareText(check: CheckView): string {
  return formatFailingShare(check.failing_count, failingShareOf(check), check.row_count);
}

/** Bars: the share of rows not in order per dimension, from zero, each labelled with its value and verdict in words. */
export function dimensionsFigure(scores: readonly DimensionScore[], id = "dimensies"): ChartFigure {
  const rows = scores
    .filter((s) => s.score !== null)
    .map((s) => {
      const signal = normSignal[s.outcome];
      const share = 1 - (s.score ?? 1);
      const value = `${s.atLeast ? "hoogstens " : ""}${formatShare(share)}`;
      return {
        name: dimensionText[s.dimension].name,
        share: share * 100,
        colour: toneColour[signal.tone],
        value,
        signal,
      };
    });
  const most = Math.max(1, ...rows.map((r) => r.share));
  const svg = renderChart({
    width: 760,
    height: 60 + rows.length * 40,
    marginLeft: 140,
    marginRight: 250,
    style: { fontSize: "14px" },
    x: { label: "Rijen die afwijken (%) →", grid: true, domain: [0, most], nice: true },
    y: { label: null, domain: rows.map((r) => r.name) },
    marks: [
      Plot.barX(rows, { x: "share", y: "name", fill: "colour" }),
      Plot.ruleX([0]),
      Plot.text(rows, {
        x: "share",
        y: "name",
        text: (r: (typeof rows)[number]) => `${r.value}  ${r.signal.symbol} ${r.signal.label.toLowerCase()}`,
        textAnchor: "start",
        dx: 6,
        fill: "colour",
        fontWeight: "bold",
      }),
    ],
  });
  const text = `Per soort controle het aandeel rijen dat afwijkt: ${rows.map((r) => `${r.name} ${r.value} (${r.signal.label.toLowerCase()})`).join("; ")}.`;
  return { id, title: "Hoeveel rijen wijken af, per soort controle", svg, text };
}

/** Bars: the share of failing rows per check, each labelled with its value and outcome in words. */
export function checksFigure(all: readonly CheckView[], id = "controles"): ChartFigure | undefined {
  const checks = all
    .filter((c) => countsRows(c) && c.outcome !== "passed")
    .sort((a, b) => (failingShareOf(b) ?? 0) - (failingShareOf(a) ?? 0));
  if (checks.length === 0) return undefined;
  const passed = all.length - checks.length;
  const rows = checks.map((c) => {
    const signal = outcomeSignal[c.outcome];
    return {
      name: c.id,
      share: shownShare(c),
      colour: toneColour[signal.tone],
      label: `${shownShareText(c)}  ${signal.symbol} ${signal.label.toLowerCase()}`,
    };
  });
  const most = Math.max(0.01, ...rows.map((r) => r.share));
  const svg = renderChart({
    width: 760,
    height: 60 + rows.length * 34,
    marginLeft: 230,
    marginRight: 170,
    style: { fontSize: "13px" },
    x: { label: "Afwijkende rijen (%) →", percent: true, grid: true, domain: [0, most * 100], nice: true },
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
  const text = `${passed > 0 ? `${passed} controles zijn in orde en staan niet in de grafiek. ` : ""}Per controle het aandeel afwijkende rijen: ${checks
    .map((c) => `${c.id}: ${shownShareText(c)} (${outcomeSignal[c.outcome].label.toLowerCase()})`)
    .join("; ")}.`;
  return { id, title: "De controles die niet in orde zijn: hoeveel rijen wijken af", svg, text };
}

/** Lines: the score per dimension over the runs, each line with its own symbol and a name at its end. */
export function trendFigure(points: readonly TrendPoint[], id = "trend"): ChartFigure {
  const rows = points.map((p) => ({
    ...p,
    name: dimensionText[p.dimension].name,
    runLabel: `run ${p.run}`,
    percent: p.score * 100,
  }));
  const lowest = Math.max(0, Math.floor(Math.min(...rows.map((r) => r.percent)) - 0.5));
  const labels = spreadLabels([...new Map(rows.map((r) => [r.name, r])).values()], (100 - lowest) * 0.06);
  const svg = renderChart({
    width: 760,
    height: 320,
    marginRight: 150,
    marginLeft: 60,
    style: { fontSize: "13px" },
    x: { label: null, type: "point", domain: [...new Set(rows.map((r) => r.runLabel))], padding: 0.3 },
    y: { label: "↑ Rijen goed (%)", grid: true, domain: [lowest, 100] },
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
        .map((r) => `${r.runLabel} ${r.atLeast ? "minstens " : ""}${formatShare(r.score)}`)
        .join(", ")}`,
  );
  return {
    id,
    title: "Hoe de datakwaliteit zich ontwikkelt over de runs",
    svg,
    text: `Aandeel rijen goed per soort controle, per run. ${byDimension.join("; ")}.`,
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
