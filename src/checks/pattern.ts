import { z } from "zod";
import { findPersonalData } from "../personal-data/find-personal-data.js";
import { and, call, col, isNotNull, not } from "../sql/expr.js";
import { parsePortableRegex } from "../sql/portable-regex.js";
import { amongRows, defineCheck } from "./check-definition.js";
import { knownPatternOf } from "./known-patterns.js";
import { fullMatch, regexSchema } from "./regex-param.js";

interface PatternParams {
  pattern: string;
  example?: string | undefined;
  explanation?: string | undefined;
}

/** The pattern in words: the suite's own, else the registry's for a known pattern; none for an unknown one. */
function patternWords({ pattern, example, explanation }: PatternParams) {
  const known = knownPatternOf(pattern);
  return {
    name: known?.name,
    explanation: explanation ?? known?.explanation,
    example: example ?? known?.example,
  };
}

/** The suite's example fits its own pattern and is not personal data: examples are made up. */
function exampleProblems({ pattern, example }: PatternParams) {
  if (example === undefined) return [];
  const parsed = parsePortableRegex(pattern);
  const fits = parsed.ok && new RegExp(`^(?:${parsed.canonical})$`, "u").test(example);
  if (!fits)
    return [
      {
        path: ["example"],
        code: "example_does_not_fit",
        message: `Het voorbeeld '${example}' past niet bij het patroon.`,
        hint: "Geef een verzonnen waarde die wel bij het patroon past, of laat 'example' weg.",
      },
    ];
  if (findPersonalData(example).length > 0)
    return [
      {
        path: ["example"],
        code: "example_is_personal_data",
        message: "Het voorbeeld lijkt op een persoonsgegeven (zoals een BSN, IBAN, e-mailadres of telefoonnummer).",
        hint: "Gebruik een verzonnen voorbeeld dat niet op een echt gegeven lijkt; het komt in rapporten voor anderen.",
      },
    ];
  return [];
}

export const pattern = defineCheck({
  dimension: "validiteit",
  name: "vaste vorm",
  summary:
    "De hele waarde past bij een patroon, zoals de vorm van een parketnummer. Geef bij een eigen patroon een verzonnen voorbeeld en een uitleg in woorden; die staan in de rapporten in plaats van het patroon.",
  example: {
    id: "zaken-parketnummer-vorm",
    table: "zaken",
    column: "parketnummer",
    pattern: "[0-9]{2}/[0-9]{6}-[0-9]{2}",
  },
  params: {
    column: z.string().min(1),
    /** A regular expression the whole value must match, in the subset both engines read alike. */
    pattern: regexSchema,
    /** A made-up value that fits, shown in reports instead of the pattern. */
    example: z.string().min(1).optional(),
    /** The pattern in Dutch words, shown in reports instead of the pattern. */
    explanation: z.string().min(1).optional(),
  },
  columns: ({ column }) => [{ column }],
  validate: (params) => exampleProblems(params),
  measure: ({ column, pattern }) => ({
    type: "rows",
    unit: "share",
    failing: and(isNotNull(col(column)), not(fullMatch(call("to_text", col(column)), pattern))),
  }),
  describe: (params) => {
    const { name, explanation, example } = patternWords(params);
    const form = name ? `de vorm van ${name}` : "een vaste vorm";
    if (explanation === undefined && example === undefined)
      return `Het veld ${params.column} heeft een vast patroon (zie de technische bijlage).`;
    const words = explanation ? `: ${explanation}` : "";
    const sample = example ? ` (bijvoorbeeld ${example})` : "";
    return `Het veld ${params.column} heeft ${form}${words}${sample}.`;
  },
  technical: ({ pattern }) => `Patroon (reguliere expressie): ${pattern}`,
  finding: (params, found) => {
    const { name } = patternWords(params);
    return `${amongRows(found)} heeft ${params.column} niet ${name ? `de vorm van ${name}` : "de afgesproken vorm"}`;
  },
});
