import * as Plot from "@observablehq/plot";
import { type Outcome, outcomes } from "../checks/check-result.js";
import type { CheckResultRead } from "../checks/check-results-format.js";
import { drawableMetric, type KnownUnit, metricUnits, publishableMetric, unitWords } from "../checks/metric-unit.js";
import { outcomeWords } from "../runlog/outcome-words.js";

/** What a chart needs of a check; results of every format have it. */
export type ChartCheck = Pick<CheckResultRead, "id" | "outcome" | "metric" | "unit" | "counted" | "failing_count">;

/** The outcome words of `outcomeWords`, starting with a capital, as legends and table cells show them. */
export const outcomeLabel = Object.fromEntries(
  outcomes.map((outcome) => {
    const words = outcomeWords[outcome] ?? outcome;
    return [outcome, words.charAt(0).toUpperCase() + words.slice(1)];
  }),
) as Record<Outcome, string>;

/** Every unit in a fixed order, so panels come in the same order on every page. */
const unitOrder: readonly KnownUnit[] = [...metricUnits, "unrecorded"];

/** The units that occur among `units`, in the fixed order. */
export function unitsPresent(units: Iterable<KnownUnit>): KnownUnit[] {
  const present = new Set(units);
  return unitOrder.filter((unit) => present.has(unit));
}

/** Axis ticks as Dutch numbers: "5.000", "2,5". */
export function dutchTick(value: number): string {
  return value.toLocaleString("nl-NL", { maximumFractionDigits: 2 });
}

/**
 * The value axis of a panel of one unit: its label, percentages for shares, Dutch numbers,
 * from zero to the largest value, so that a panel of zeros still has a width instead of
 * drawing every bar across. A percent axis is in percent: Plot multiplies the values by 100
 * before the domain applies.
 */
export function unitAxis(unit: KnownUnit, values: readonly number[]): Plot.ScaleOptions {
  const { percent, axis: label } = unitWords[unit];
  const largest = Math.max(0, ...values) * (percent ? 100 : 1);
  return { label, percent, grid: true, nice: true, tickFormat: dutchTick, domain: [0, largest || 1] };
}

/** "Aandeel" from "aandeel": a unit's name at the start of a title. */
export function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The charts of check results: one panel per unit, each with an axis that fits it (shares
 * as percentages, counts as counts, ratios as "keer het geheel"), so a count never lands on
 * a percent axis. Bars are coloured by outcome and labelled with the value in words; a value
 * that would give a small count away is not drawn, and its label says "< 5" or "een klein deel".
 * @example tslab.display.html(renderChart(resultsChartOptions(run.result.checks)));
 */
export function resultsChartOptions(checks: readonly ChartCheck[]): Plot.PlotOptions[] {
  const measured = checks.filter((c) => c.metric !== null);
  return unitsPresent(measured.map((c) => c.unit)).map((unit) => {
    const words = unitWords[unit];
    const rows = measured
      .filter((c) => c.unit === unit)
      .map((c) => ({
        id: c.id,
        value: drawableMetric(c) ?? 0,
        label: publishableMetric(c),
        outcome: outcomeLabel[c.outcome],
      }));
    return {
      title: `${capitalized(words.name)} per controle`,
      height: 60 + rows.length * 22,
      marginLeft: 260,
      marginRight: 110,
      x: unitAxis(
        unit,
        rows.map((r) => r.value),
      ),
      y: { label: null, domain: rows.map((r) => r.id) },
      marks: [
        Plot.barX(rows, { x: "value", y: "id", fill: "outcome" }),
        Plot.ruleX([0]),
        Plot.text(rows, { x: "value", y: "id", text: "label", textAnchor: "start", dx: 4 }),
      ],
      color: {
        legend: true,
        domain: Object.values(outcomeLabel),
        range: ["#39870c", "#e17000", "#d52b1e", "#999999"],
      },
    };
  });
}
