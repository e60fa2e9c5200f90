import { stringify } from "yaml";
import { z } from "zod";
import { checkKinds, checkRegistry } from "./check-registry.js";
import { dimensionName } from "./dimension-words.js";

/** One parameter of a check kind as the reference shows it. */
export interface ParameterReference {
  name: string;
  /** In words: "tekst", "lijst van tekst", "geheel getal vanaf 0", ... */
  type: string;
  required: boolean;
  default?: unknown;
}

type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  minimum?: number;
  default?: unknown;
  $ref?: string;
};

/** The parameters of a kind, read from its schema (the same the suite is checked against). */
export function kindParameters(kind: (typeof checkKinds)[number]): ParameterReference[] {
  const json = z.toJSONSchema(z.object(checkRegistry[kind].params), {
    io: "input",
    unrepresentable: "any",
  }) as JsonSchema;
  return Object.entries(json.properties ?? {}).map(([name, schema]) => ({
    name,
    type: typeWords(schema),
    required: json.required?.includes(name) ?? false,
    ...(schema.default !== undefined && { default: schema.default }),
  }));
}

function typeWords(schema: JsonSchema): string {
  if (schema.$ref) return "voorwaarde (zie 'Voorwaarden')";
  if (schema.enum) return `een van: ${schema.enum.map(String).join(", ")}`;
  if (schema.anyOf) return schema.anyOf.map(typeWords).join(" of ");
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  const words = types.map((type) => {
    if (type === "array") return `lijst van ${schema.items ? typeWords(schema.items) : "waarden"}`;
    if (type === "object") return `{ ${Object.keys(schema.properties ?? {}).join(", ")} }`;
    const base =
      (
        { string: "tekst", number: "getal", integer: "geheel getal", boolean: "true of false" } as Record<
          string,
          string
        >
      )[type] ?? type;
    return schema.minimum !== undefined && schema.minimum > -1e15 ? `${base} vanaf ${schema.minimum}` : base;
  });
  return words.join(" of ") || "waarde";
}

/** The example of a kind as a line of a suite, with `kind` in its place. */
function exampleYaml(kind: (typeof checkKinds)[number]): string {
  const { id, table, ...rest } = checkRegistry[kind].example;
  return stringify([{ id, kind, table, ...rest }], { lineWidth: 0 }).trimEnd();
}

/**
 * The reference of every check kind in Dutch (Markdown): dimension, what it checks, its
 * parameters with their defaults, and a worked example, generated from the registry.
 * @example console.log(renderKindReference());
 */
export function renderKindReference(): string {
  const lines = [
    "# Soorten controles",
    "",
    "Gemaakt met `livinglab kinds` uit de lijst van soorten in de code; verander dit bestand niet met de hand.",
    "",
    "Elke controle in een suite heeft `id`, `kind` en `table`, en kan hebben: `severity` (`fail` of `warn`, standaard `fail`),",
    "`max_failing` (zoveel afwijkende rijen mag), `max_failing_fraction` (dit deel van de rijen, 0 tot 1), `filter`",
    "(een voorwaarde: alleen die rijen) en `finds` (de soort fout uit de grondwaarheid, voor `livinglab evaluate`).",
    "",
    "Voorwaarden (`filter`, `when`, `then`, `rate_of`): `{ column: ..., equals | not_equals | gt | gte | lt | lte | in | not_in | starts_with | is_null | is_not_null: ... }`,",
    "of `all: [...]`, `any: [...]`, `not: ...`.",
  ];
  for (const kind of checkKinds) {
    const definition = checkRegistry[kind];
    lines.push(
      "",
      `## ${kind}: ${definition.name}`,
      "",
      `${definition.summary} Soort: ${dimensionName(definition.dimension)}.`,
      "",
    );
    lines.push("| parameter | soort | verplicht | standaard |", "|---|---|---|---|");
    for (const p of kindParameters(kind)) {
      const fallback = p.default === undefined ? "" : `\`${JSON.stringify(p.default)}\``;
      lines.push(`| \`${p.name}\` | ${p.type.replaceAll("|", "\\|")} | ${p.required ? "ja" : "nee"} | ${fallback} |`);
    }
    lines.push("", "Voorbeeld:", "", "```yaml", exampleYaml(kind), "```");
  }
  return `${lines.join("\n")}\n`;
}
