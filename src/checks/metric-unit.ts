import { z } from "zod";
import {
  formatCount,
  formatFailingShare,
  formatShare,
  isSuppressed,
  isSuppressedOf,
  MIN_CELL_SIZE,
} from "../report/html.js";
import type { CheckResultRead } from "./check-results-format.js";

/**
 * What a metric measures. Every measure declares one; readers format, chart and compare a
 * metric by its unit and never guess it from the check's kind or margins.
 * - share: a part of a whole, 0 to 1 (failing rows over the rows looked at); shown as a percentage.
 * - count: a whole number (rows in a table).
 * - ratio: how many times one rate is another (a group's rate against the whole's).
 * - share_change, count_change, ratio_change: the size of a change in a metric of that unit
 *   (drift), so a change of a share is in percentage points, never in percent.
 */
export const metricUnits = ["share", "count", "ratio", "share_change", "count_change", "ratio_change"] as const;
export type MetricUnit = (typeof metricUnits)[number];

/**
 * What a reader can know of a metric: its unit, or that the file or run record it came from
 * was written before units were recorded. Only readers of old files meet `unrecorded`.
 */
export const knownUnits = [...metricUnits, "unrecorded"] as const;
export type KnownUnit = (typeof knownUnits)[number];

/** What a check's `failing_count` and `row_count` count. */
export const countedThings = ["rows", "groups", "nothing"] as const;
export type Counted = (typeof countedThings)[number];

interface UnitWords {
  /** What the metric is, as a noun phrase: "aandeel". */
  name: string;
  /** The label of a chart axis for this unit; each unit gets its own axis, so never a count on a percent axis. */
  axis: string;
  /** True when the axis shows the value times 100 (shares as percentages, their changes as percentage points). */
  percent: boolean;
  /** True when metrics of this unit compare across checks (a larger share is a larger shortfall). */
  comparable: boolean;
  /** The unit a change in a metric of this unit has (drift). */
  change: KnownUnit;
  /** The values a metric of this unit can take. */
  values: z.ZodType<number>;
  /** The value in Dutch, as the data scientist sees it (no suppression). */
  text(value: number): string;
  /** The value as a business owner may see it: no count below the minimum cell size, nor a share that gives one away. */
  shown(value: number, facts: MetricFacts): string;
  /** The value a chart for business owners may draw; null when drawing it would give a small count away. */
  drawn(value: number, facts: MetricFacts): number | null;
}

/**
 * A share of rows whose failing count is small, or leaves a small count over, would give that
 * count away, together with the rows looked at.
 */
const smallShare = (facts: MetricFacts) =>
  facts.counted === "rows" && isSuppressedOf(facts.failing_count, facts.row_count ?? Number.POSITIVE_INFINITY);
const asIs = (value: number) => value;

const decimal = (value: number, digits = 2) =>
  value.toLocaleString("nl-NL", { maximumFractionDigits: digits, minimumFractionDigits: 0 });

/** Each unit in Dutch, in one place. */
export const unitWords = {
  share: {
    name: "aandeel",
    axis: "Aandeel (%)",
    percent: true,
    comparable: true,
    change: "share_change",
    values: z.number().min(0).max(1),
    text: (v) => formatShare(v),
    shown: (v, facts) =>
      facts.counted === "rows"
        ? formatFailingShare(facts.failing_count, v, MIN_CELL_SIZE, facts.row_count)
        : formatShare(v),
    drawn: (v, facts) => (smallShare(facts) ? null : v),
  },
  count: {
    name: "aantal",
    axis: "Aantal",
    percent: false,
    comparable: false,
    change: "count_change",
    values: z.number().int().min(0),
    text: (v) => formatCount(v, 0),
    shown: (v) => formatCount(v),
    drawn: (v) => (isSuppressed(v) ? null : v),
  },
  ratio: {
    name: "verhouding tot het geheel",
    axis: "Keer het geheel",
    percent: false,
    comparable: false,
    change: "ratio_change",
    values: z.number().min(0),
    text: (v) => `${decimal(v)} keer`,
    shown: (v) => `${decimal(v)} keer`,
    drawn: asIs,
  },
  share_change: {
    name: "verschuiving van een aandeel",
    axis: "Verschuiving (procentpunt)",
    percent: true,
    comparable: false,
    change: "share_change",
    values: z.number().min(0).max(1),
    text: (v) => `${decimal(v * 100, 1)} procentpunt`,
    shown: (v) => `${decimal(v * 100, 1)} procentpunt`,
    drawn: asIs,
  },
  count_change: {
    name: "verschuiving van een aantal",
    axis: "Verschuiving (aantal)",
    percent: false,
    comparable: false,
    change: "count_change",
    values: z.number().min(0),
    text: (v) => decimal(v, 1),
    shown: (v) => (isSuppressed(Math.round(v)) ? formatCount(Math.round(v)) : decimal(v, 1)),
    drawn: (v) => (isSuppressed(Math.round(v)) ? null : v),
  },
  ratio_change: {
    name: "verschuiving van een verhouding",
    axis: "Verschuiving (keer het geheel)",
    percent: false,
    comparable: false,
    change: "ratio_change",
    values: z.number().min(0),
    text: (v) => decimal(v),
    shown: (v) => decimal(v),
    drawn: asIs,
  },
  unrecorded: {
    name: "meting zonder vastgelegde eenheid",
    axis: "Meting (eenheid niet vastgelegd)",
    percent: false,
    comparable: false,
    change: "unrecorded",
    values: z.number(),
    text: (v) => decimal(v, 4),
    shown: (v) => decimal(v, 4),
    drawn: asIs,
  },
} as const satisfies Record<KnownUnit, UnitWords>;

/** What a check counted, in Dutch, one and many: "rij", "rijen". */
export const countedWords = {
  rows: { one: "rij", many: "rijen" },
  groups: { one: "groep", many: "groepen" },
  nothing: { one: "", many: "" },
} as const satisfies Record<Counted, { one: string; many: string }>;

/** The unit of a change in a metric of `unit` (what a drift check measures). */
export function changeIn<U extends KnownUnit>(unit: U): (typeof unitWords)[U]["change"] {
  return unitWords[unit].change;
}

/**
 * The facts a metric is shown from: part of a check result, so that the types also line up
 * in a notebook (tslab checks types less strictly, and then every field of a result is optional).
 */
export type MetricFacts = Pick<CheckResultRead, "metric" | "unit" | "counted" | "failing_count"> &
  Partial<Pick<CheckResultRead, "row_count">>;

/**
 * A metric as a business owner may see it: in its unit, and never a count below the minimum
 * cell size, nor a share that gives such a count away ("een klein deel").
 * @example publishableMetric({ metric: 0.62, unit: "share", counted: "rows", failing_count: 3100 }) // "62,0%"
 */
export function publishableMetric(facts: MetricFacts): string {
  return facts.metric === null ? "niet gemeten" : unitWords[facts.unit].shown(facts.metric, facts);
}

/** A metric as the data scientist sees it (the CLI table): in its unit, nothing suppressed. */
export function metricText(facts: Pick<MetricFacts, "metric" | "unit">): string {
  return facts.metric === null ? "–" : unitWords[facts.unit].text(facts.metric);
}

/** The value a chart for business owners may draw, or null when it would give a small count away. */
export function drawableMetric(facts: MetricFacts): number | null {
  return facts.metric === null ? null : unitWords[facts.unit].drawn(facts.metric, facts);
}
