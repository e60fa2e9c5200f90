import type { CheckResultRead } from "../checks/check-results-format.js";
import { drawableMetric, publishableMetric } from "../checks/metric-unit.js";
import { labelledBars } from "./labelled-bars.js";
import { type ChartCheck, outcomeLabel, unitAxis, unitsPresent } from "./results-chart.js";

const outcomeColour: Record<ChartCheck["outcome"], string> = {
  passed: "#1f6e1f",
  warned: "#8a4b00",
  failed: "#b3151d",
  not_evaluated: "#545454",
};

/**
 * A check's description in short: its first clause, without the explanation after a colon
 * or between brackets: "Het veld parketnummer heeft de vorm van een parketnummer".
 */
export function shortDescription(description: string): string {
  const [first = description] = description.split(/: | \(/);
  return first.replace(/\.$/, "").trim();
}

/**
 * Bars of every measured check, one panel per unit, each labelled with what the check
 * expects in words (never its id) and the value and outcome, on a line of its own above the
 * bar so that it wraps instead of running past the edge at `width`.
 */
export function describedChecksChart(
  checks: readonly (ChartCheck & Pick<CheckResultRead, "description">)[],
  width: number,
): string {
  const measured = checks.filter((c) => c.metric !== null);
  return unitsPresent(measured.map((c) => c.unit))
    .map((unit) => {
      const rows = measured
        .filter((c) => c.unit === unit)
        .map((c, order) => ({
          key: String(order),
          value: drawableMetric(c) ?? 0,
          colour: outcomeColour[c.outcome],
          label: `${shortDescription(c.description)}: ${publishableMetric(c)}, ${outcomeLabel[c.outcome].toLowerCase()}`,
        }));
      return labelledBars(rows, {
        width,
        x: unitAxis(
          unit,
          rows.map((r) => r.value),
        ),
      });
    })
    .join("\n");
}
