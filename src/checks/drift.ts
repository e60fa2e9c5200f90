import { z } from "zod";
import { type CheckWords, defineCheck } from "./check-definition.js";

/** The followed check as a reader knows it: by its description, or by its id when the suite lacks it. */
function followed(id: string, words: CheckWords | undefined): string {
  const description = words?.descriptionOf(id);
  return description === undefined ? `de controle '${id}'` : `de controle "${description}"`;
}

/** The largest change allowed, in the unit of the followed check's change ("1 procentpunt"); else as a Dutch number. */
function margin(id: string, amount: number, words: CheckWords | undefined): string {
  return words?.changeOf(id, amount) ?? amount.toLocaleString("nl-NL", { maximumFractionDigits: 4 });
}

export const drift = defineCheck({
  dimension: "consistentie",
  name: "verschuiving tussen runs",
  summary: "De meting van een andere controle verschuift niet te veel ten opzichte van eerdere runs.",
  example: {
    id: "zaken-afdoening-drift",
    table: "zaken",
    metric_of: "zaken-afdoening-ingevuld",
    max_change: 0.01,
    severity: "warn",
  },
  params: {
    /** The id of another check in this suite whose metric is followed. */
    metric_of: z.string().min(1),
    /** How many earlier runs make the baseline (their mean). */
    window: z.number().int().min(1).default(5),
    /** Largest absolute change from the baseline. */
    max_change: z.number().min(0),
  },
  columns: () => [],
  checksRead: ({ metric_of }) => [metric_of],
  measure: ({ metric_of, window, max_change }) => ({
    type: "drift",
    unit: "change",
    metricOf: metric_of,
    threshold: { max_change, window },
    judge: (current, earlier) => {
      const recent = earlier.slice(-window);
      if (recent.length === 0) {
        return {
          metric: null,
          failing: false,
          notEvaluated: "Er zijn nog geen eerdere runs van deze suite om mee te vergelijken.",
        };
      }
      if (current === null) {
        return {
          metric: null,
          failing: false,
          notEvaluated: `De gevolgde controle '${metric_of}' heeft in deze run geen uitkomst.`,
        };
      }
      const baseline = recent.reduce((a, b) => a + b, 0) / recent.length;
      const change = Math.abs(current - baseline);
      return { metric: change, failing: change > max_change };
    },
  }),
  describe: ({ metric_of, window, max_change }, words) =>
    `De uitkomst van ${followed(metric_of, words)} verschuift hoogstens ${margin(metric_of, max_change, words)} ten opzichte van de laatste ${window} runs.`,
  finding: ({ metric_of, window }, { amount }, words) =>
    `de uitkomst van ${followed(metric_of, words)} verschoof ${amount} ten opzichte van de laatste ${window} runs`,
});
