import type { CheckWords } from "./check-definition.js";
import { checkRegistry } from "./check-registry.js";
import { changeIn, type MetricUnit, unitWords } from "./metric-unit.js";
import type { Check } from "./suite-schema.js";

/**
 * Words for the checks of one suite, for a check that names another (a drift follows another
 * check's measurement): each described by its own definition, as the reports describe it, and a
 * change in its metric written in that metric's unit (see `metricMeanings` for the units).
 * @example suiteWords(loaded.suite.checks, meanings).descriptionOf("zaken-afdoening-ingevuld") // "Het veld afdoening is altijd ingevuld"
 */
export function suiteWords(
  checks: readonly Check[],
  units: ReadonlyMap<string, { unit: MetricUnit }> = new Map(),
): CheckWords {
  const byId = new Map(checks.map((check) => [check.id, check]));
  // A suite whose checks follow each other in a circle is refused before it runs; this only keeps a description finite.
  const describing = new Set<string>();
  const words: CheckWords = {
    descriptionOf(id) {
      const check = byId.get(id);
      if (!check || describing.has(id)) return undefined;
      describing.add(id);
      try {
        return checkRegistry[check.kind].describe(check, words).replace(/\.$/, "");
      } finally {
        describing.delete(id);
      }
    },
    changeOf(id, amount) {
      const known = units.get(id);
      return known === undefined ? undefined : unitWords[changeIn(known.unit)].text(amount);
    },
  };
  return words;
}
