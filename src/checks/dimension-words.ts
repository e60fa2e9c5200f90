import type { Dimension } from "./check-definition.js";

/**
 * The NORA dimensions in words a business owner reads without a glossary: the one set of names
 * the CLI, the notebooks, the summary and the site show.
 */
export const dimensionText = {
  juistheid: { name: "Juistheid", means: "klopt wat er staat met de werkelijkheid?" },
  compleetheid: { name: "Compleetheid", means: "is alles ingevuld wat ingevuld moet zijn?" },
  validiteit: { name: "Geldigheid", means: "staan er alleen toegestane waarden in?" },
  consistentie: { name: "Samenhang", means: "passen de gegevens bij elkaar, zonder dubbele of tegenstrijdige rijen?" },
  actualiteit: { name: "Actualiteit", means: "zijn de gegevens recent genoeg?" },
  precisie: { name: "Precisie", means: "zijn de gegevens nauwkeurig genoeg?" },
  plausibiliteit: { name: "Aannemelijkheid", means: "zijn de waarden geloofwaardig?" },
  traceerbaarheid: { name: "Herleidbaarheid", means: "is na te gaan waar de gegevens vandaan komen?" },
  begrijpelijkheid: { name: "Begrijpelijkheid", means: "is duidelijk wat de gegevens betekenen?" },
} as const satisfies Record<Dimension, { name: string; means: string }>;

/** A dimension's name as every front-end shows it: "Geldigheid" for `validiteit`. */
export function dimensionName(dimension: Dimension): string {
  return dimensionText[dimension].name;
}
