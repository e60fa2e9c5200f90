import * as Plot from "@observablehq/plot";
import { renderChart } from "./render-chart.js";

export interface LabelledBar {
  key: string;
  value: number;
  colour: string;
  /** What the bar is and what was measured, in words: drawn above the bar, wrapped to the width. */
  label: string;
}

/**
 * Horizontal bars, each with its words on a line of their own above it: the words never run
 * past the drawing's edge and need no margin, at any width.
 */
export function labelledBars(rows: readonly LabelledBar[], options: { width: number; x: Plot.ScaleOptions }): string {
  const fontSize = 14;
  // Plot wraps text at lineWidth ems (with its own estimate of each letter's width, kept on the
  // safe side for bold text); a letter is about 0.62 em on average, which sizes the rows.
  const lineWidth = Math.floor((options.width - 40) / fontSize / 1.35);
  const lettersPerLine = Math.floor(lineWidth / 0.62);
  const lines = Math.max(...rows.map((r) => Math.ceil(r.label.length / lettersPerLine) + 1), 1);
  const rowHeight = 22 + lines * 18;
  return renderChart({
    width: options.width,
    height: 50 + rows.length * rowHeight,
    marginLeft: 10,
    marginRight: 20,
    marginTop: 10,
    style: { fontSize: `${fontSize}px` },
    x: { ...options.x, grid: true },
    fy: { label: null, axis: null, domain: rows.map((r) => r.key), padding: 0.1 },
    y: { axis: null },
    marks: [
      Plot.barX(rows, { x: "value", fy: "key", fill: "colour", insetTop: rowHeight - 24 }),
      Plot.ruleX([0]),
      Plot.text(rows, {
        fy: "key",
        frameAnchor: "top-left",
        text: "label",
        lineWidth,
        fill: "colour",
        fontWeight: "bold",
        dy: 2,
      }),
    ],
  });
}
